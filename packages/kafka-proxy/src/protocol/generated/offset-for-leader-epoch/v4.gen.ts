// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { EpochEndOffset, OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse, OffsetForLeaderPartition, OffsetForLeaderTopic, OffsetForLeaderTopicResult } from "./types.gen.js";

export function decodeOffsetForLeaderEpochRequestV4(reader: Reader): OffsetForLeaderEpochRequest {
  const replicaId = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: OffsetForLeaderTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetForLeaderTopic(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { replicaId, topics, unknownTaggedFields };
}

export function encodeOffsetForLeaderEpochRequestV4(writer: Writer, value: OffsetForLeaderEpochRequest): void {
  writer.writeInt32(value.replicaId);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetForLeaderTopic(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetForLeaderTopic(reader: Reader): OffsetForLeaderTopic {
  const topic = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(13, true);
  const items2: OffsetForLeaderPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetForLeaderPartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topic, partitions, unknownTaggedFields };
}

function writeOffsetForLeaderTopic(writer: Writer, value: OffsetForLeaderTopic): void {
  writer.writeCompactString(value.topic);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetForLeaderPartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetForLeaderPartition(reader: Reader): OffsetForLeaderPartition {
  const partition = reader.readInt32();
  const currentLeaderEpoch = reader.readInt32();
  const leaderEpoch = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partition, currentLeaderEpoch, leaderEpoch, unknownTaggedFields };
}

function writeOffsetForLeaderPartition(writer: Writer, value: OffsetForLeaderPartition): void {
  writer.writeInt32(value.partition);
  writer.writeInt32(value.currentLeaderEpoch);
  writer.writeInt32(value.leaderEpoch);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeOffsetForLeaderEpochResponseV4(reader: Reader): OffsetForLeaderEpochResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: OffsetForLeaderTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetForLeaderTopicResult(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, unknownTaggedFields };
}

export function encodeOffsetForLeaderEpochResponseV4(writer: Writer, value: OffsetForLeaderEpochResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetForLeaderTopicResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetForLeaderTopicResult(reader: Reader): OffsetForLeaderTopicResult {
  const topic = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(19, true);
  const items2: EpochEndOffset[] = [];
  for (let index = 0; index < length1; index++) items2.push(readEpochEndOffset(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topic, partitions, unknownTaggedFields };
}

function writeOffsetForLeaderTopicResult(writer: Writer, value: OffsetForLeaderTopicResult): void {
  writer.writeCompactString(value.topic);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeEpochEndOffset(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readEpochEndOffset(reader: Reader): EpochEndOffset {
  const errorCode = reader.readInt16();
  const partition = reader.readInt32();
  const leaderEpoch = reader.readInt32();
  const endOffset = reader.readInt64();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { errorCode, partition, leaderEpoch, endOffset, unknownTaggedFields };
}

function writeEpochEndOffset(writer: Writer, value: EpochEndOffset): void {
  writer.writeInt16(value.errorCode);
  writer.writeInt32(value.partition);
  writer.writeInt32(value.leaderEpoch);
  writer.writeInt64(value.endOffset);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
