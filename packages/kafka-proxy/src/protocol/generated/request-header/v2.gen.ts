// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { RequestHeader } from "./types.gen.js";

export function decodeRequestHeaderV2(reader: Reader): RequestHeader {
  const requestApiKey = reader.readInt16();
  const requestApiVersion = reader.readInt16();
  const correlationId = reader.readInt32();
  const clientId = reader.readNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { requestApiKey, requestApiVersion, correlationId, clientId, unknownTaggedFields };
}

export function encodeRequestHeaderV2(writer: Writer, value: RequestHeader): void {
  writer.writeInt16(value.requestApiKey);
  writer.writeInt16(value.requestApiVersion);
  writer.writeInt32(value.correlationId);
  writer.writeNullableString(value.clientId);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
