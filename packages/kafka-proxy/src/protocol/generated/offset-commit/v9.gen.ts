// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { OffsetCommitRequest, OffsetCommitRequestPartition, OffsetCommitRequestTopic, OffsetCommitResponse, OffsetCommitResponsePartition, OffsetCommitResponseTopic } from "./types.gen.js";

export function decodeOffsetCommitRequestV9(reader: Reader): OffsetCommitRequest {
  const groupId = reader.readCompactString();
  const generationIdOrMemberEpoch = reader.readInt32();
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const retentionTimeMs: bigint = -1n;
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: OffsetCommitRequestTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetCommitRequestTopic(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, generationIdOrMemberEpoch, memberId, groupInstanceId, retentionTimeMs, topics, unknownTaggedFields };
}

export function encodeOffsetCommitRequestV9(writer: Writer, value: OffsetCommitRequest): void {
  writer.writeCompactString(value.groupId);
  writer.writeInt32(value.generationIdOrMemberEpoch);
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetCommitRequestTopic(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetCommitRequestTopic(reader: Reader): OffsetCommitRequestTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(18, true);
  const items2: OffsetCommitRequestPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetCommitRequestPartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeOffsetCommitRequestTopic(writer: Writer, value: OffsetCommitRequestTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetCommitRequestPartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetCommitRequestPartition(reader: Reader): OffsetCommitRequestPartition {
  const partitionIndex = reader.readInt32();
  const committedOffset = reader.readInt64();
  const committedLeaderEpoch = reader.readInt32();
  const commitTimestamp: bigint = -1n;
  const committedMetadata = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, committedOffset, committedLeaderEpoch, commitTimestamp, committedMetadata, unknownTaggedFields };
}

function writeOffsetCommitRequestPartition(writer: Writer, value: OffsetCommitRequestPartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.committedOffset);
  writer.writeInt32(value.committedLeaderEpoch);
  writer.writeCompactNullableString(value.committedMetadata);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeOffsetCommitResponseV9(reader: Reader): OffsetCommitResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: OffsetCommitResponseTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetCommitResponseTopic(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, unknownTaggedFields };
}

export function encodeOffsetCommitResponseV9(writer: Writer, value: OffsetCommitResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetCommitResponseTopic(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetCommitResponseTopic(reader: Reader): OffsetCommitResponseTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(7, true);
  const items2: OffsetCommitResponsePartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetCommitResponsePartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeOffsetCommitResponseTopic(writer: Writer, value: OffsetCommitResponseTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetCommitResponsePartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetCommitResponsePartition(reader: Reader): OffsetCommitResponsePartition {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, errorCode, unknownTaggedFields };
}

function writeOffsetCommitResponsePartition(writer: Writer, value: OffsetCommitResponsePartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
