// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { InitProducerIdRequest, InitProducerIdResponse } from "./types.gen.js";

export function decodeInitProducerIdRequestV3(reader: Reader): InitProducerIdRequest {
  const transactionalId = reader.readCompactNullableString();
  const transactionTimeoutMs = reader.readInt32();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactionalId, transactionTimeoutMs, producerId, producerEpoch, unknownTaggedFields };
}

export function encodeInitProducerIdRequestV3(writer: Writer, value: InitProducerIdRequest): void {
  writer.writeCompactNullableString(value.transactionalId);
  writer.writeInt32(value.transactionTimeoutMs);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeInitProducerIdResponseV3(reader: Reader): InitProducerIdResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, producerId, producerEpoch, unknownTaggedFields };
}

export function encodeInitProducerIdResponseV3(writer: Writer, value: InitProducerIdResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
