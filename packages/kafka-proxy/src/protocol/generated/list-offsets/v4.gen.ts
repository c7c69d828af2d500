// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { ListOffsetsPartition, ListOffsetsPartitionResponse, ListOffsetsRequest, ListOffsetsResponse, ListOffsetsTopic, ListOffsetsTopicResponse } from "./types.gen.js";

export function decodeListOffsetsRequestV4(reader: Reader): ListOffsetsRequest {
  const replicaId = reader.readInt32();
  const isolationLevel = reader.readInt8();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: ListOffsetsTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListOffsetsTopic(reader));
  const topics = items2;
  const timeoutMs: number = 0;
  return { replicaId, isolationLevel, topics, timeoutMs };
}

export function encodeListOffsetsRequestV4(writer: Writer, value: ListOffsetsRequest): void {
  writer.writeInt32(value.replicaId);
  writer.writeInt8(value.isolationLevel);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeListOffsetsTopic(writer, items1[index]!);
  }
}

function readListOffsetsTopic(reader: Reader): ListOffsetsTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(16, false);
  const items2: ListOffsetsPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListOffsetsPartition(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeListOffsetsTopic(writer: Writer, value: ListOffsetsTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeListOffsetsPartition(writer, items1[index]!);
  }
}

function readListOffsetsPartition(reader: Reader): ListOffsetsPartition {
  const partitionIndex = reader.readInt32();
  const currentLeaderEpoch = reader.readInt32();
  const timestamp = reader.readInt64();
  const maxNumOffsets: number = 1;
  return { partitionIndex, currentLeaderEpoch, timestamp, maxNumOffsets };
}

function writeListOffsetsPartition(writer: Writer, value: ListOffsetsPartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt32(value.currentLeaderEpoch);
  writer.writeInt64(value.timestamp);
}

export function decodeListOffsetsResponseV4(reader: Reader): ListOffsetsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: ListOffsetsTopicResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListOffsetsTopicResponse(reader));
  const topics = items2;
  return { throttleTimeMs, topics };
}

export function encodeListOffsetsResponseV4(writer: Writer, value: ListOffsetsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeListOffsetsTopicResponse(writer, items1[index]!);
  }
}

function readListOffsetsTopicResponse(reader: Reader): ListOffsetsTopicResponse {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(26, false);
  const items2: ListOffsetsPartitionResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListOffsetsPartitionResponse(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeListOffsetsTopicResponse(writer: Writer, value: ListOffsetsTopicResponse): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeListOffsetsPartitionResponse(writer, items1[index]!);
  }
}

function readListOffsetsPartitionResponse(reader: Reader): ListOffsetsPartitionResponse {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  const oldStyleOffsets: readonly bigint[] = [];
  const timestamp = reader.readInt64();
  const offset = reader.readInt64();
  const leaderEpoch = reader.readInt32();
  return { partitionIndex, errorCode, oldStyleOffsets, timestamp, offset, leaderEpoch };
}

function writeListOffsetsPartitionResponse(writer: Writer, value: ListOffsetsPartitionResponse): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.timestamp);
  writer.writeInt64(value.offset);
  writer.writeInt32(value.leaderEpoch);
}
