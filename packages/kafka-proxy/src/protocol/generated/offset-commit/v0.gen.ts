// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { OffsetCommitRequest, OffsetCommitRequestPartition, OffsetCommitRequestTopic, OffsetCommitResponse, OffsetCommitResponsePartition, OffsetCommitResponseTopic } from "./types.gen.js";

export function decodeOffsetCommitRequestV0(reader: Reader): OffsetCommitRequest {
  const groupId = reader.readString();
  const generationIdOrMemberEpoch: number = -1;
  const memberId: string = "";
  const groupInstanceId: string | null = null;
  const retentionTimeMs: bigint = -1n;
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: OffsetCommitRequestTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetCommitRequestTopic(reader));
  const topics = items2;
  return { groupId, generationIdOrMemberEpoch, memberId, groupInstanceId, retentionTimeMs, topics };
}

export function encodeOffsetCommitRequestV0(writer: Writer, value: OffsetCommitRequest): void {
  writer.writeString(value.groupId);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetCommitRequestTopic(writer, items1[index]!);
  }
}

function readOffsetCommitRequestTopic(reader: Reader): OffsetCommitRequestTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(14, false);
  const items2: OffsetCommitRequestPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetCommitRequestPartition(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeOffsetCommitRequestTopic(writer: Writer, value: OffsetCommitRequestTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetCommitRequestPartition(writer, items1[index]!);
  }
}

function readOffsetCommitRequestPartition(reader: Reader): OffsetCommitRequestPartition {
  const partitionIndex = reader.readInt32();
  const committedOffset = reader.readInt64();
  const committedLeaderEpoch: number = -1;
  const commitTimestamp: bigint = -1n;
  const committedMetadata = reader.readNullableString();
  return { partitionIndex, committedOffset, committedLeaderEpoch, commitTimestamp, committedMetadata };
}

function writeOffsetCommitRequestPartition(writer: Writer, value: OffsetCommitRequestPartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.committedOffset);
  writer.writeNullableString(value.committedMetadata);
}

export function decodeOffsetCommitResponseV0(reader: Reader): OffsetCommitResponse {
  const throttleTimeMs: number = 0;
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: OffsetCommitResponseTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetCommitResponseTopic(reader));
  const topics = items2;
  return { throttleTimeMs, topics };
}

export function encodeOffsetCommitResponseV0(writer: Writer, value: OffsetCommitResponse): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetCommitResponseTopic(writer, items1[index]!);
  }
}

function readOffsetCommitResponseTopic(reader: Reader): OffsetCommitResponseTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: OffsetCommitResponsePartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetCommitResponsePartition(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeOffsetCommitResponseTopic(writer: Writer, value: OffsetCommitResponseTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetCommitResponsePartition(writer, items1[index]!);
  }
}

function readOffsetCommitResponsePartition(reader: Reader): OffsetCommitResponsePartition {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  return { partitionIndex, errorCode };
}

function writeOffsetCommitResponsePartition(writer: Writer, value: OffsetCommitResponsePartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
}
