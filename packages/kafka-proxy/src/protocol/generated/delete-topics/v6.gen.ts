// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { DeletableTopicResult, DeleteTopicState, DeleteTopicsRequest, DeleteTopicsResponse } from "./types.gen.js";

export function decodeDeleteTopicsRequestV6(reader: Reader): DeleteTopicsRequest {
  const length1 = reader.readArrayLengthNotNull(18, true);
  const items2: DeleteTopicState[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteTopicState(reader));
  const topics = items2;
  const topicNames: readonly string[] = [];
  const timeoutMs = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topics, topicNames, timeoutMs, unknownTaggedFields };
}

export function encodeDeleteTopicsRequestV6(writer: Writer, value: DeleteTopicsRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteTopicState(writer, items1[index]!);
  }
  writer.writeInt32(value.timeoutMs);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDeleteTopicState(reader: Reader): DeleteTopicState {
  const name = reader.readCompactNullableString();
  const topicId = reader.readUuid();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, topicId, unknownTaggedFields };
}

function writeDeleteTopicState(writer: Writer, value: DeleteTopicState): void {
  writer.writeCompactNullableString(value.name);
  writer.writeUuid(value.topicId);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeDeleteTopicsResponseV6(reader: Reader): DeleteTopicsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(21, true);
  const items2: DeletableTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeletableTopicResult(reader));
  const responses = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, responses, unknownTaggedFields };
}

export function encodeDeleteTopicsResponseV6(writer: Writer, value: DeleteTopicsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDeletableTopicResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDeletableTopicResult(reader: Reader): DeletableTopicResult {
  const name = reader.readCompactNullableString();
  const topicId = reader.readUuid();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, topicId, errorCode, errorMessage, unknownTaggedFields };
}

function writeDeletableTopicResult(writer: Writer, value: DeletableTopicResult): void {
  writer.writeCompactNullableString(value.name);
  writer.writeUuid(value.topicId);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
