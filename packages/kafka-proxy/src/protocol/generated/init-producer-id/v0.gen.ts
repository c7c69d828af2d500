// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { InitProducerIdRequest, InitProducerIdResponse } from "./types.gen.js";

export function decodeInitProducerIdRequestV0(reader: Reader): InitProducerIdRequest {
  const transactionalId = reader.readNullableString();
  const transactionTimeoutMs = reader.readInt32();
  const producerId: bigint = -1n;
  const producerEpoch: number = -1;
  return { transactionalId, transactionTimeoutMs, producerId, producerEpoch };
}

export function encodeInitProducerIdRequestV0(writer: Writer, value: InitProducerIdRequest): void {
  writer.writeNullableString(value.transactionalId);
  writer.writeInt32(value.transactionTimeoutMs);
}

export function decodeInitProducerIdResponseV0(reader: Reader): InitProducerIdResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  return { throttleTimeMs, errorCode, producerId, producerEpoch };
}

export function encodeInitProducerIdResponseV0(writer: Writer, value: InitProducerIdResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
}
