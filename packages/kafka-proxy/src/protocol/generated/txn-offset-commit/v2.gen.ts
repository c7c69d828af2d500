// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { TxnOffsetCommitRequest, TxnOffsetCommitRequestPartition, TxnOffsetCommitRequestTopic, TxnOffsetCommitResponse, TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic } from "./types.gen.js";

export function decodeTxnOffsetCommitRequestV2(reader: Reader): TxnOffsetCommitRequest {
  const transactionalId = reader.readString();
  const groupId = reader.readString();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const generationId: number = -1;
  const memberId: string = "";
  const groupInstanceId: string | null = null;
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: TxnOffsetCommitRequestTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTxnOffsetCommitRequestTopic(reader));
  const topics = items2;
  return { transactionalId, groupId, producerId, producerEpoch, generationId, memberId, groupInstanceId, topics };
}

export function encodeTxnOffsetCommitRequestV2(writer: Writer, value: TxnOffsetCommitRequest): void {
  writer.writeString(value.transactionalId);
  writer.writeString(value.groupId);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeTxnOffsetCommitRequestTopic(writer, items1[index]!);
  }
}

function readTxnOffsetCommitRequestTopic(reader: Reader): TxnOffsetCommitRequestTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(18, false);
  const items2: TxnOffsetCommitRequestPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTxnOffsetCommitRequestPartition(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeTxnOffsetCommitRequestTopic(writer: Writer, value: TxnOffsetCommitRequestTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeTxnOffsetCommitRequestPartition(writer, items1[index]!);
  }
}

function readTxnOffsetCommitRequestPartition(reader: Reader): TxnOffsetCommitRequestPartition {
  const partitionIndex = reader.readInt32();
  const committedOffset = reader.readInt64();
  const committedLeaderEpoch = reader.readInt32();
  const committedMetadata = reader.readNullableString();
  return { partitionIndex, committedOffset, committedLeaderEpoch, committedMetadata };
}

function writeTxnOffsetCommitRequestPartition(writer: Writer, value: TxnOffsetCommitRequestPartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.committedOffset);
  writer.writeInt32(value.committedLeaderEpoch);
  writer.writeNullableString(value.committedMetadata);
}

export function decodeTxnOffsetCommitResponseV2(reader: Reader): TxnOffsetCommitResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: TxnOffsetCommitResponseTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTxnOffsetCommitResponseTopic(reader));
  const topics = items2;
  return { throttleTimeMs, topics };
}

export function encodeTxnOffsetCommitResponseV2(writer: Writer, value: TxnOffsetCommitResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeTxnOffsetCommitResponseTopic(writer, items1[index]!);
  }
}

function readTxnOffsetCommitResponseTopic(reader: Reader): TxnOffsetCommitResponseTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: TxnOffsetCommitResponsePartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTxnOffsetCommitResponsePartition(reader));
  const partitions = items2;
  return { name, partitions };
}

function writeTxnOffsetCommitResponseTopic(writer: Writer, value: TxnOffsetCommitResponseTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeTxnOffsetCommitResponsePartition(writer, items1[index]!);
  }
}

function readTxnOffsetCommitResponsePartition(reader: Reader): TxnOffsetCommitResponsePartition {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  return { partitionIndex, errorCode };
}

function writeTxnOffsetCommitResponsePartition(writer: Writer, value: TxnOffsetCommitResponsePartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
}
