// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { AddOffsetsToTxnRequest, AddOffsetsToTxnResponse } from "./types.gen.js";

export function decodeAddOffsetsToTxnRequestV2(reader: Reader): AddOffsetsToTxnRequest {
  const transactionalId = reader.readString();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const groupId = reader.readString();
  return { transactionalId, producerId, producerEpoch, groupId };
}

export function encodeAddOffsetsToTxnRequestV2(writer: Writer, value: AddOffsetsToTxnRequest): void {
  writer.writeString(value.transactionalId);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  writer.writeString(value.groupId);
}

export function decodeAddOffsetsToTxnResponseV2(reader: Reader): AddOffsetsToTxnResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  return { throttleTimeMs, errorCode };
}

export function encodeAddOffsetsToTxnResponseV2(writer: Writer, value: AddOffsetsToTxnResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
}
