// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { OffsetFetchRequest, OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics, OffsetFetchResponse, OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions, OffsetFetchResponseTopic, OffsetFetchResponseTopics } from "./types.gen.js";

export function decodeOffsetFetchRequestV9(reader: Reader): OffsetFetchRequest {
  const groupId: string = "";
  const topics: readonly OffsetFetchRequestTopic[] | null = [];
  const length1 = reader.readArrayLengthNotNull(8, true);
  const items2: OffsetFetchRequestGroup[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchRequestGroup(reader));
  const groups = items2;
  const requireStable = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, topics, groups, requireStable, unknownTaggedFields };
}

export function encodeOffsetFetchRequestV9(writer: Writer, value: OffsetFetchRequest): void {
  const items1 = value.groups;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchRequestGroup(writer, items1[index]!);
  }
  writer.writeBoolean(value.requireStable);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetFetchRequestGroup(reader: Reader): OffsetFetchRequestGroup {
  const groupId = reader.readCompactString();
  const memberId = reader.readCompactNullableString();
  const memberEpoch = reader.readInt32();
  const length1 = reader.readCompactArrayLength(3);
  let items2: OffsetFetchRequestTopics[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(readOffsetFetchRequestTopics(reader));
  }
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, memberId, memberEpoch, topics, unknownTaggedFields };
}

function writeOffsetFetchRequestGroup(writer: Writer, value: OffsetFetchRequestGroup): void {
  writer.writeCompactString(value.groupId);
  writer.writeCompactNullableString(value.memberId);
  writer.writeInt32(value.memberEpoch);
  const items1 = value.topics;
  if (items1 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items1.length, true);
    for (let index = 0; index < items1.length; index++) {
      writeOffsetFetchRequestTopics(writer, items1[index]!);
    }
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetFetchRequestTopics(reader: Reader): OffsetFetchRequestTopics {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitionIndexes = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitionIndexes, unknownTaggedFields };
}

function writeOffsetFetchRequestTopics(writer: Writer, value: OffsetFetchRequestTopics): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitionIndexes;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeOffsetFetchResponseV9(reader: Reader): OffsetFetchResponse {
  const throttleTimeMs = reader.readInt32();
  const topics: readonly OffsetFetchResponseTopic[] = [];
  const errorCode: number = 0;
  const length1 = reader.readArrayLengthNotNull(5, true);
  const items2: OffsetFetchResponseGroup[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchResponseGroup(reader));
  const groups = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, errorCode, groups, unknownTaggedFields };
}

export function encodeOffsetFetchResponseV9(writer: Writer, value: OffsetFetchResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.groups;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchResponseGroup(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetFetchResponseGroup(reader: Reader): OffsetFetchResponseGroup {
  const groupId = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: OffsetFetchResponseTopics[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchResponseTopics(reader));
  const topics = items2;
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, topics, errorCode, unknownTaggedFields };
}

function writeOffsetFetchResponseGroup(writer: Writer, value: OffsetFetchResponseGroup): void {
  writer.writeCompactString(value.groupId);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchResponseTopics(writer, items1[index]!);
  }
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetFetchResponseTopics(reader: Reader): OffsetFetchResponseTopics {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(20, true);
  const items2: OffsetFetchResponsePartitions[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchResponsePartitions(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeOffsetFetchResponseTopics(writer: Writer, value: OffsetFetchResponseTopics): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchResponsePartitions(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetFetchResponsePartitions(reader: Reader): OffsetFetchResponsePartitions {
  const partitionIndex = reader.readInt32();
  const committedOffset = reader.readInt64();
  const committedLeaderEpoch = reader.readInt32();
  const metadata = reader.readCompactNullableString();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, committedOffset, committedLeaderEpoch, metadata, errorCode, unknownTaggedFields };
}

function writeOffsetFetchResponsePartitions(writer: Writer, value: OffsetFetchResponsePartitions): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.committedOffset);
  writer.writeInt32(value.committedLeaderEpoch);
  writer.writeCompactNullableString(value.metadata);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
