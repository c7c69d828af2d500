// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { OffsetFetchRequest, OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics, OffsetFetchResponse, OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions, OffsetFetchResponseTopic, OffsetFetchResponseTopics } from "./types.gen.js";

export function decodeOffsetFetchRequestV7(reader: Reader): OffsetFetchRequest {
  const groupId = reader.readCompactString();
  const length1 = reader.readCompactArrayLength(3);
  let items2: OffsetFetchRequestTopic[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(readOffsetFetchRequestTopic(reader));
  }
  const topics = items2;
  const groups: readonly OffsetFetchRequestGroup[] = [];
  const requireStable = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, topics, groups, requireStable, unknownTaggedFields };
}

export function encodeOffsetFetchRequestV7(writer: Writer, value: OffsetFetchRequest): void {
  writer.writeCompactString(value.groupId);
  const items1 = value.topics;
  if (items1 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items1.length, true);
    for (let index = 0; index < items1.length; index++) {
      writeOffsetFetchRequestTopic(writer, items1[index]!);
    }
  }
  writer.writeBoolean(value.requireStable);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetFetchRequestTopic(reader: Reader): OffsetFetchRequestTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitionIndexes = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitionIndexes, unknownTaggedFields };
}

function writeOffsetFetchRequestTopic(writer: Writer, value: OffsetFetchRequestTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitionIndexes;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeOffsetFetchResponseV7(reader: Reader): OffsetFetchResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: OffsetFetchResponseTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchResponseTopic(reader));
  const topics = items2;
  const errorCode = reader.readInt16();
  const groups: readonly OffsetFetchResponseGroup[] = [];
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, errorCode, groups, unknownTaggedFields };
}

export function encodeOffsetFetchResponseV7(writer: Writer, value: OffsetFetchResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchResponseTopic(writer, items1[index]!);
  }
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetFetchResponseTopic(reader: Reader): OffsetFetchResponseTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(20, true);
  const items2: OffsetFetchResponsePartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchResponsePartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeOffsetFetchResponseTopic(writer: Writer, value: OffsetFetchResponseTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchResponsePartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readOffsetFetchResponsePartition(reader: Reader): OffsetFetchResponsePartition {
  const partitionIndex = reader.readInt32();
  const committedOffset = reader.readInt64();
  const committedLeaderEpoch = reader.readInt32();
  const metadata = reader.readCompactNullableString();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, committedOffset, committedLeaderEpoch, metadata, errorCode, unknownTaggedFields };
}

function writeOffsetFetchResponsePartition(writer: Writer, value: OffsetFetchResponsePartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.committedOffset);
  writer.writeInt32(value.committedLeaderEpoch);
  writer.writeCompactNullableString(value.metadata);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
