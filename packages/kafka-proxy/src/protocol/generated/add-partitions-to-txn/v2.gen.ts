// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { AddPartitionsToTxnPartitionResult, AddPartitionsToTxnRequest, AddPartitionsToTxnResponse, AddPartitionsToTxnResult, AddPartitionsToTxnTopic, AddPartitionsToTxnTopicResult, AddPartitionsToTxnTransaction } from "./types.gen.js";

export function decodeAddPartitionsToTxnRequestV2(reader: Reader): AddPartitionsToTxnRequest {
  const transactions: readonly AddPartitionsToTxnTransaction[] = [];
  const v3AndBelowTransactionalId = reader.readString();
  const v3AndBelowProducerId = reader.readInt64();
  const v3AndBelowProducerEpoch = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: AddPartitionsToTxnTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnTopic(reader));
  const v3AndBelowTopics = items2;
  return { transactions, v3AndBelowTransactionalId, v3AndBelowProducerId, v3AndBelowProducerEpoch, v3AndBelowTopics };
}

export function encodeAddPartitionsToTxnRequestV2(writer: Writer, value: AddPartitionsToTxnRequest): void {
  writer.writeString(value.v3AndBelowTransactionalId);
  writer.writeInt64(value.v3AndBelowProducerId);
  writer.writeInt16(value.v3AndBelowProducerEpoch);
  const items1 = value.v3AndBelowTopics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeAddPartitionsToTxnTopic(writer, items1[index]!);
  }
}

function readAddPartitionsToTxnTopic(reader: Reader): AddPartitionsToTxnTopic {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitions = items2;
  return { name, partitions };
}

function writeAddPartitionsToTxnTopic(writer: Writer, value: AddPartitionsToTxnTopic): void {
  writer.writeString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
}

export function decodeAddPartitionsToTxnResponseV2(reader: Reader): AddPartitionsToTxnResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode: number = 0;
  const resultsByTransaction: readonly AddPartitionsToTxnResult[] = [];
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: AddPartitionsToTxnTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnTopicResult(reader));
  const resultsByTopicV3AndBelow = items2;
  return { throttleTimeMs, errorCode, resultsByTransaction, resultsByTopicV3AndBelow };
}

export function encodeAddPartitionsToTxnResponseV2(writer: Writer, value: AddPartitionsToTxnResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.resultsByTopicV3AndBelow;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeAddPartitionsToTxnTopicResult(writer, items1[index]!);
  }
}

function readAddPartitionsToTxnTopicResult(reader: Reader): AddPartitionsToTxnTopicResult {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: AddPartitionsToTxnPartitionResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnPartitionResult(reader));
  const resultsByPartition = items2;
  return { name, resultsByPartition };
}

function writeAddPartitionsToTxnTopicResult(writer: Writer, value: AddPartitionsToTxnTopicResult): void {
  writer.writeString(value.name);
  const items1 = value.resultsByPartition;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeAddPartitionsToTxnPartitionResult(writer, items1[index]!);
  }
}

function readAddPartitionsToTxnPartitionResult(reader: Reader): AddPartitionsToTxnPartitionResult {
  const partitionIndex = reader.readInt32();
  const partitionErrorCode = reader.readInt16();
  return { partitionIndex, partitionErrorCode };
}

function writeAddPartitionsToTxnPartitionResult(writer: Writer, value: AddPartitionsToTxnPartitionResult): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.partitionErrorCode);
}
