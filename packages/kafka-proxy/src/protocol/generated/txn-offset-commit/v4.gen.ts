// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { TxnOffsetCommitRequest, TxnOffsetCommitRequestPartition, TxnOffsetCommitRequestTopic, TxnOffsetCommitResponse, TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic } from "./types.gen.js";

export function decodeTxnOffsetCommitRequestV4(reader: Reader): TxnOffsetCommitRequest {
  const transactionalId = reader.readCompactString();
  const groupId = reader.readCompactString();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const generationId = reader.readInt32();
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: TxnOffsetCommitRequestTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTxnOffsetCommitRequestTopic(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactionalId, groupId, producerId, producerEpoch, generationId, memberId, groupInstanceId, topics, unknownTaggedFields };
}

export function encodeTxnOffsetCommitRequestV4(writer: Writer, value: TxnOffsetCommitRequest): void {
  writer.writeCompactString(value.transactionalId);
  writer.writeCompactString(value.groupId);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  writer.writeInt32(value.generationId);
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTxnOffsetCommitRequestTopic(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTxnOffsetCommitRequestTopic(reader: Reader): TxnOffsetCommitRequestTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(18, true);
  const items2: TxnOffsetCommitRequestPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTxnOffsetCommitRequestPartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeTxnOffsetCommitRequestTopic(writer: Writer, value: TxnOffsetCommitRequestTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTxnOffsetCommitRequestPartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTxnOffsetCommitRequestPartition(reader: Reader): TxnOffsetCommitRequestPartition {
  const partitionIndex = reader.readInt32();
  const committedOffset = reader.readInt64();
  const committedLeaderEpoch = reader.readInt32();
  const committedMetadata = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, committedOffset, committedLeaderEpoch, committedMetadata, unknownTaggedFields };
}

function writeTxnOffsetCommitRequestPartition(writer: Writer, value: TxnOffsetCommitRequestPartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt64(value.committedOffset);
  writer.writeInt32(value.committedLeaderEpoch);
  writer.writeCompactNullableString(value.committedMetadata);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeTxnOffsetCommitResponseV4(reader: Reader): TxnOffsetCommitResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: TxnOffsetCommitResponseTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTxnOffsetCommitResponseTopic(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, unknownTaggedFields };
}

export function encodeTxnOffsetCommitResponseV4(writer: Writer, value: TxnOffsetCommitResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTxnOffsetCommitResponseTopic(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTxnOffsetCommitResponseTopic(reader: Reader): TxnOffsetCommitResponseTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(7, true);
  const items2: TxnOffsetCommitResponsePartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTxnOffsetCommitResponsePartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeTxnOffsetCommitResponseTopic(writer: Writer, value: TxnOffsetCommitResponseTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTxnOffsetCommitResponsePartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTxnOffsetCommitResponsePartition(reader: Reader): TxnOffsetCommitResponsePartition {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, errorCode, unknownTaggedFields };
}

function writeTxnOffsetCommitResponsePartition(writer: Writer, value: TxnOffsetCommitResponsePartition): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
