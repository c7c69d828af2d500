// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { DeleteRecordsPartition, DeleteRecordsPartitionResult, DeleteRecordsRequest, DeleteRecordsResponse, DeleteRecordsTopic, DeleteRecordsTopicResult } from "./types.gen.js";

export function decodeDeleteRecordsRequestV2(reader: Reader): DeleteRecordsRequest {
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: DeleteRecordsTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteRecordsTopic(reader));
  const topics = items2;
  const timeoutMs = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topics, timeoutMs, unknownTaggedFields };
}

export function encodeDeleteRecordsRequestV2(writer: Writer, value: DeleteRecordsRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteRecordsTopic(writer, items1[index]!);
  }
  writer.writeInt32(value.timeoutMs);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDeleteRecordsTopic(reader: Reader): DeleteRecordsTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(13, true);
  const items2: DeleteRecordsPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteRecordsPartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeDeleteRecordsTopic(writer: Writer, value: DeleteRecordsTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteRecordsPartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDeleteRecordsPartition(reader: Reader): DeleteRecordsPartition {
  const partitionIndex = reader.readInt32();
  const offset = reader.readInt64();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, offset, unknownTaggedFields };
}

function writeDeleteRecordsPartition(writer: Writer, value: DeleteRecordsPartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.offset);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeDeleteRecordsResponseV2(reader: Reader): DeleteRecordsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: DeleteRecordsTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteRecordsTopicResult(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, unknownTaggedFields };
}

export function encodeDeleteRecordsResponseV2(writer: Writer, value: DeleteRecordsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteRecordsTopicResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDeleteRecordsTopicResult(reader: Reader): DeleteRecordsTopicResult {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(15, true);
  const items2: DeleteRecordsPartitionResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteRecordsPartitionResult(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeDeleteRecordsTopicResult(writer: Writer, value: DeleteRecordsTopicResult): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteRecordsPartitionResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDeleteRecordsPartitionResult(reader: Reader): DeleteRecordsPartitionResult {
  const partitionIndex = reader.readInt32();
  const lowWatermark = reader.readInt64();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, lowWatermark, errorCode, unknownTaggedFields };
}

function writeDeleteRecordsPartitionResult(writer: Writer, value: DeleteRecordsPartitionResult): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.lowWatermark);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
