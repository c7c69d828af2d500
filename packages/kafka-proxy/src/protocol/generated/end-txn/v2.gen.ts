// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { EndTxnRequest, EndTxnResponse } from "./types.gen.js";

export function decodeEndTxnRequestV2(reader: Reader): EndTxnRequest {
  const transactionalId = reader.readString();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const committed = reader.readBoolean();
  return { transactionalId, producerId, producerEpoch, committed };
}

export function encodeEndTxnRequestV2(writer: Writer, value: EndTxnRequest): void {
  writer.writeString(value.transactionalId);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  writer.writeBoolean(value.committed);
}

export function decodeEndTxnResponseV2(reader: Reader): EndTxnResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const producerId: bigint = -1n;
  const producerEpoch: number = -1;
  return { throttleTimeMs, errorCode, producerId, producerEpoch };
}

export function encodeEndTxnResponseV2(writer: Writer, value: EndTxnResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
}
