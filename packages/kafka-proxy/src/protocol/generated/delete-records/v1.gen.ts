// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { DeleteRecordsPartition, DeleteRecordsPartitionResult, DeleteRecordsRequest, DeleteRecordsResponse, DeleteRecordsTopic, DeleteRecordsTopicResult } from "./types.gen.js";

export function decodeDeleteRecordsRequestV1(reader: Reader): DeleteRecordsRequest {
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: DeleteRecordsTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteRecordsTopic(reader));
  const topics = items2;
  const timeoutMs = reader.readInt32();
  return { topics, timeoutMs };
}

export function encodeDeleteRecordsRequestV1(writer: Writer, value: DeleteRecordsRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteRecordsTopic(writer, items1[index]!);
  }
  writer.writeInt32(value.timeoutMs);
}

function readDeleteRecordsTopic(reader: Reader): DeleteRecordsTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(12, false);
  const items2: DeleteRecordsPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteRecordsPartition(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeDeleteRecordsTopic(writer: Writer, value: DeleteRecordsTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteRecordsPartition(writer, items1[index]!);
  }
}

function readDeleteRecordsPartition(reader: Reader): DeleteRecordsPartition {
  const partitionIndex = reader.readInt32();
  const offset = reader.readInt64();
  return { partitionIndex, offset };
}

function writeDeleteRecordsPartition(writer: Writer, value: DeleteRecordsPartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.offset);
}

export function decodeDeleteRecordsResponseV1(reader: Reader): DeleteRecordsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: DeleteRecordsTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteRecordsTopicResult(reader));
  const topics = items2;
  return { throttleTimeMs, topics };
}

export function encodeDeleteRecordsResponseV1(writer: Writer, value: DeleteRecordsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteRecordsTopicResult(writer, items1[index]!);
  }
}

function readDeleteRecordsTopicResult(reader: Reader): DeleteRecordsTopicResult {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(14, false);
  const items2: DeleteRecordsPartitionResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeleteRecordsPartitionResult(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeDeleteRecordsTopicResult(writer: Writer, value: DeleteRecordsTopicResult): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDeleteRecordsPartitionResult(writer, items1[index]!);
  }
}

function readDeleteRecordsPartitionResult(reader: Reader): DeleteRecordsPartitionResult {
  const partitionIndex = reader.readInt32();
  const lowWatermark = reader.readInt64();
  const errorCode = reader.readInt16();
  return { partitionIndex, lowWatermark, errorCode };
}

function writeDeleteRecordsPartitionResult(writer: Writer, value: DeleteRecordsPartitionResult): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.lowWatermark);
  writer.writeInt16(value.errorCode);
}
