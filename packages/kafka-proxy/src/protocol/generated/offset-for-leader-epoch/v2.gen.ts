// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { EpochEndOffset, OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse, OffsetForLeaderPartition, OffsetForLeaderTopic, OffsetForLeaderTopicResult } from "./types.gen.js";

export function decodeOffsetForLeaderEpochRequestV2(reader: Reader): OffsetForLeaderEpochRequest {
  const replicaId: number = -2;
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: OffsetForLeaderTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetForLeaderTopic(reader));
  const topics = items2;
  return { replicaId, topics };
}

export function encodeOffsetForLeaderEpochRequestV2(writer: Writer, value: OffsetForLeaderEpochRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetForLeaderTopic(writer, items1[index]!);
  }
}

function readOffsetForLeaderTopic(reader: Reader): OffsetForLeaderTopic {
  const topic = reader.readString();
  const length1 = reader.readArrayLengthNotNull(12, false);
  const items2: OffsetForLeaderPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetForLeaderPartition(reader));
  const partitions = items2;
  return { topic, partitions };
}

function writeOffsetForLeaderTopic(writer: Writer, value: OffsetForLeaderTopic): void {
  writer.writeString(value.topic);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetForLeaderPartition(writer, items1[index]!);
  }
}

function readOffsetForLeaderPartition(reader: Reader): OffsetForLeaderPartition {
  const partition = reader.readInt32();
  const currentLeaderEpoch = reader.readInt32();
  const leaderEpoch = reader.readInt32();
  return { partition, currentLeaderEpoch, leaderEpoch };
}

function writeOffsetForLeaderPartition(writer: Writer, value: OffsetForLeaderPartition): void {
  writer.writeInt32(value.partition);
  writer.writeInt32(value.currentLeaderEpoch);
  writer.writeInt32(value.leaderEpoch);
}

export function decodeOffsetForLeaderEpochResponseV2(reader: Reader): OffsetForLeaderEpochResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: OffsetForLeaderTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetForLeaderTopicResult(reader));
  const topics = items2;
  return { throttleTimeMs, topics };
}

export function encodeOffsetForLeaderEpochResponseV2(writer: Writer, value: OffsetForLeaderEpochResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetForLeaderTopicResult(writer, items1[index]!);
  }
}

function readOffsetForLeaderTopicResult(reader: Reader): OffsetForLeaderTopicResult {
  const topic = reader.readString();
  const length1 = reader.readArrayLengthNotNull(18, false);
  const items2: EpochEndOffset[] = [];
  for (let index = 0; index < length1; index++) items2.push(readEpochEndOffset(reader));
  const partitions = items2;
  return { topic, partitions };
}

function writeOffsetForLeaderTopicResult(writer: Writer, value: OffsetForLeaderTopicResult): void {
  writer.writeString(value.topic);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeEpochEndOffset(writer, items1[index]!);
  }
}

function readEpochEndOffset(reader: Reader): EpochEndOffset {
  const errorCode = reader.readInt16();
  const partition = reader.readInt32();
  const leaderEpoch = reader.readInt32();
  const endOffset = reader.readInt64();
  return { errorCode, partition, leaderEpoch, endOffset };
}

function writeEpochEndOffset(writer: Writer, value: EpochEndOffset): void {
  writer.writeInt16(value.errorCode);
  writer.writeInt32(value.partition);
  writer.writeInt32(value.leaderEpoch);
  writer.writeInt64(value.endOffset);
}
