// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { ResponseHeader } from "./types.gen.js";

export function decodeResponseHeaderV1(reader: Reader): ResponseHeader {
  const correlationId = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { correlationId, unknownTaggedFields };
}

export function encodeResponseHeaderV1(writer: Writer, value: ResponseHeader): void {
  writer.writeInt32(value.correlationId);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
