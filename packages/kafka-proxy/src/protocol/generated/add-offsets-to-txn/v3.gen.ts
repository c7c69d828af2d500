// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { AddOffsetsToTxnRequest, AddOffsetsToTxnResponse } from "./types.gen.js";

export function decodeAddOffsetsToTxnRequestV3(reader: Reader): AddOffsetsToTxnRequest {
  const transactionalId = reader.readCompactString();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const groupId = reader.readCompactString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactionalId, producerId, producerEpoch, groupId, unknownTaggedFields };
}

export function encodeAddOffsetsToTxnRequestV3(writer: Writer, value: AddOffsetsToTxnRequest): void {
  writer.writeCompactString(value.transactionalId);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  writer.writeCompactString(value.groupId);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeAddOffsetsToTxnResponseV3(reader: Reader): AddOffsetsToTxnResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, unknownTaggedFields };
}

export function encodeAddOffsetsToTxnResponseV3(writer: Writer, value: AddOffsetsToTxnResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
