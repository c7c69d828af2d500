// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { ListOffsetsPartition, ListOffsetsPartitionResponse, ListOffsetsRequest, ListOffsetsResponse, ListOffsetsTopic, ListOffsetsTopicResponse } from "./types.gen.js";

export function decodeListOffsetsRequestV6(reader: Reader): ListOffsetsRequest {
  const replicaId = reader.readInt32();
  const isolationLevel = reader.readInt8();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: ListOffsetsTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListOffsetsTopic(reader));
  const topics = items2;
  const timeoutMs: number = 0;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { replicaId, isolationLevel, topics, timeoutMs, unknownTaggedFields };
}

export function encodeListOffsetsRequestV6(writer: Writer, value: ListOffsetsRequest): void {
  writer.writeInt32(value.replicaId);
  writer.writeInt8(value.isolationLevel);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeListOffsetsTopic(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readListOffsetsTopic(reader: Reader): ListOffsetsTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(17, true);
  const items2: ListOffsetsPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListOffsetsPartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeListOffsetsTopic(writer: Writer, value: ListOffsetsTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeListOffsetsPartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readListOffsetsPartition(reader: Reader): ListOffsetsPartition {
  const partitionIndex = reader.readInt32();
  const currentLeaderEpoch = reader.readInt32();
  const timestamp = reader.readInt64();
  const maxNumOffsets: number = 1;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, currentLeaderEpoch, timestamp, maxNumOffsets, unknownTaggedFields };
}

function writeListOffsetsPartition(writer: Writer, value: ListOffsetsPartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt32(value.currentLeaderEpoch);
  writer.writeInt64(value.timestamp);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeListOffsetsResponseV6(reader: Reader): ListOffsetsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: ListOffsetsTopicResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListOffsetsTopicResponse(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, unknownTaggedFields };
}

export function encodeListOffsetsResponseV6(writer: Writer, value: ListOffsetsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeListOffsetsTopicResponse(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readListOffsetsTopicResponse(reader: Reader): ListOffsetsTopicResponse {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(27, true);
  const items2: ListOffsetsPartitionResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListOffsetsPartitionResponse(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeListOffsetsTopicResponse(writer: Writer, value: ListOffsetsTopicResponse): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeListOffsetsPartitionResponse(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readListOffsetsPartitionResponse(reader: Reader): ListOffsetsPartitionResponse {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  const oldStyleOffsets: readonly bigint[] = [];
  const timestamp = reader.readInt64();
  const offset = reader.readInt64();
  const leaderEpoch = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, errorCode, oldStyleOffsets, timestamp, offset, leaderEpoch, unknownTaggedFields };
}

function writeListOffsetsPartitionResponse(writer: Writer, value: ListOffsetsPartitionResponse): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.timestamp);
  writer.writeInt64(value.offset);
  writer.writeInt32(value.leaderEpoch);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
