// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import { defaultLeaderIdAndEpoch } from "./defaults.gen.js";
import type { BatchIndexAndErrorMessage, LeaderIdAndEpoch, NodeEndpoint, PartitionProduceData, PartitionProduceResponse, ProduceRequest, ProduceResponse, TopicProduceData, TopicProduceResponse } from "./types.gen.js";

export function decodeProduceRequestV9(reader: Reader): ProduceRequest {
  const transactionalId = reader.readCompactNullableString();
  const acks = reader.readInt16();
  const timeoutMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: TopicProduceData[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicProduceData(reader));
  const topicData = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactionalId, acks, timeoutMs, topicData, unknownTaggedFields };
}

export function encodeProduceRequestV9(writer: Writer, value: ProduceRequest): void {
  writer.writeCompactNullableString(value.transactionalId);
  writer.writeInt16(value.acks);
  writer.writeInt32(value.timeoutMs);
  const items1 = value.topicData;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTopicProduceData(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTopicProduceData(reader: Reader): TopicProduceData {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(6, true);
  const items2: PartitionProduceData[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionProduceData(reader));
  const partitionData = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitionData, unknownTaggedFields };
}

function writeTopicProduceData(writer: Writer, value: TopicProduceData): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitionData;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writePartitionProduceData(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readPartitionProduceData(reader: Reader): PartitionProduceData {
  const indexField = reader.readInt32();
  const records = reader.readCompactNullableBytes();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { index: indexField, records, unknownTaggedFields };
}

function writePartitionProduceData(writer: Writer, value: PartitionProduceData): void {
  writer.writeInt32(value.index);
  writer.writeCompactNullableBytes(value.records);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeProduceResponseV9(reader: Reader): ProduceResponse {
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: TopicProduceResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicProduceResponse(reader));
  const responses = items2;
  const throttleTimeMs = reader.readInt32();
  const nodeEndpoints: readonly NodeEndpoint[] = [];
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { responses, throttleTimeMs, nodeEndpoints, unknownTaggedFields };
}

export function encodeProduceResponseV9(writer: Writer, value: ProduceResponse): void {
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTopicProduceResponse(writer, items1[index]!);
  }
  writer.writeInt32(value.throttleTimeMs);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTopicProduceResponse(reader: Reader): TopicProduceResponse {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(33, true);
  const items2: PartitionProduceResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionProduceResponse(reader));
  const partitionResponses = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitionResponses, unknownTaggedFields };
}

function writeTopicProduceResponse(writer: Writer, value: TopicProduceResponse): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitionResponses;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writePartitionProduceResponse(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readPartitionProduceResponse(reader: Reader): PartitionProduceResponse {
  const indexField = reader.readInt32();
  const errorCode = reader.readInt16();
  const baseOffset = reader.readInt64();
  const logAppendTimeMs = reader.readInt64();
  const logStartOffset = reader.readInt64();
  const length1 = reader.readArrayLengthNotNull(6, true);
  const items2: BatchIndexAndErrorMessage[] = [];
  for (let index = 0; index < length1; index++) items2.push(readBatchIndexAndErrorMessage(reader));
  const recordErrors = items2;
  const errorMessage = reader.readCompactNullableString();
  const currentLeader: LeaderIdAndEpoch = defaultLeaderIdAndEpoch();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { index: indexField, errorCode, baseOffset, logAppendTimeMs, logStartOffset, recordErrors, errorMessage, currentLeader, unknownTaggedFields };
}

function writePartitionProduceResponse(writer: Writer, value: PartitionProduceResponse): void {
  writer.writeInt32(value.index);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.baseOffset);
  writer.writeInt64(value.logAppendTimeMs);
  writer.writeInt64(value.logStartOffset);
  const items1 = value.recordErrors;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeBatchIndexAndErrorMessage(writer, items1[index]!);
  }
  writer.writeCompactNullableString(value.errorMessage);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readBatchIndexAndErrorMessage(reader: Reader): BatchIndexAndErrorMessage {
  const batchIndex = reader.readInt32();
  const batchIndexErrorMessage = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { batchIndex, batchIndexErrorMessage, unknownTaggedFields };
}

function writeBatchIndexAndErrorMessage(writer: Writer, value: BatchIndexAndErrorMessage): void {
  writer.writeInt32(value.batchIndex);
  writer.writeCompactNullableString(value.batchIndexErrorMessage);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
