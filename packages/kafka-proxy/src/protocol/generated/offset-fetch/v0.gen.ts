// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { requireNotNull } from "../../generated-support.js";
import type { OffsetFetchRequest, OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics, OffsetFetchResponse, OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions, OffsetFetchResponseTopic, OffsetFetchResponseTopics } from "./types.gen.js";

export function decodeOffsetFetchRequestV0(reader: Reader): OffsetFetchRequest {
  const groupId = reader.readString();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: OffsetFetchRequestTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchRequestTopic(reader));
  const topics = items2;
  const groups: readonly OffsetFetchRequestGroup[] = [];
  const requireStable: boolean = false;
  return { groupId, topics, groups, requireStable };
}

export function encodeOffsetFetchRequestV0(writer: Writer, value: OffsetFetchRequest): void {
  writer.writeString(value.groupId);
  const items1 = requireNotNull(value.topics, "OffsetFetchRequest.topics");
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchRequestTopic(writer, items1[index]!);
  }
}

function readOffsetFetchRequestTopic(reader: Reader): OffsetFetchRequestTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitionIndexes = items2;
  return { name, partitionIndexes };
}

function writeOffsetFetchRequestTopic(writer: Writer, value: OffsetFetchRequestTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitionIndexes;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
}

export function decodeOffsetFetchResponseV0(reader: Reader): OffsetFetchResponse {
  const throttleTimeMs: number = 0;
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: OffsetFetchResponseTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchResponseTopic(reader));
  const topics = items2;
  const errorCode: number = 0;
  const groups: readonly OffsetFetchResponseGroup[] = [];
  return { throttleTimeMs, topics, errorCode, groups };
}

export function encodeOffsetFetchResponseV0(writer: Writer, value: OffsetFetchResponse): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchResponseTopic(writer, items1[index]!);
  }
}

function readOffsetFetchResponseTopic(reader: Reader): OffsetFetchResponseTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(16, false);
  const items2: OffsetFetchResponsePartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readOffsetFetchResponsePartition(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeOffsetFetchResponseTopic(writer: Writer, value: OffsetFetchResponseTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeOffsetFetchResponsePartition(writer, items1[index]!);
  }
}

function readOffsetFetchResponsePartition(reader: Reader): OffsetFetchResponsePartition {
  const partitionIndex = reader.readInt32();
  const committedOffset = reader.readInt64();
  const committedLeaderEpoch: number = -1;
  const metadata = reader.readNullableString();
  const errorCode = reader.readInt16();
  return { partitionIndex, committedOffset, committedLeaderEpoch, metadata, errorCode };
}

function writeOffsetFetchResponsePartition(writer: Writer, value: OffsetFetchResponsePartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.committedOffset);
  writer.writeNullableString(value.metadata);
  writer.writeInt16(value.errorCode);
}
