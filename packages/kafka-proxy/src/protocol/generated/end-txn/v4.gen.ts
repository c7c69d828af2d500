// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { EndTxnRequest, EndTxnResponse } from "./types.gen.js";

export function decodeEndTxnRequestV4(reader: Reader): EndTxnRequest {
  const transactionalId = reader.readCompactString();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const committed = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactionalId, producerId, producerEpoch, committed, unknownTaggedFields };
}

export function encodeEndTxnRequestV4(writer: Writer, value: EndTxnRequest): void {
  writer.writeCompactString(value.transactionalId);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  writer.writeBoolean(value.committed);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeEndTxnResponseV4(reader: Reader): EndTxnResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const producerId: bigint = -1n;
  const producerEpoch: number = -1;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, producerId, producerEpoch, unknownTaggedFields };
}

export function encodeEndTxnResponseV4(writer: Writer, value: EndTxnResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
