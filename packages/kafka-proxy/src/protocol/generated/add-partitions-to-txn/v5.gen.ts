// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { AddPartitionsToTxnPartitionResult, AddPartitionsToTxnRequest, AddPartitionsToTxnResponse, AddPartitionsToTxnResult, AddPartitionsToTxnTopic, AddPartitionsToTxnTopicResult, AddPartitionsToTxnTransaction } from "./types.gen.js";

export function decodeAddPartitionsToTxnRequestV5(reader: Reader): AddPartitionsToTxnRequest {
  const length1 = reader.readArrayLengthNotNull(14, true);
  const items2: AddPartitionsToTxnTransaction[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnTransaction(reader));
  const transactions = items2;
  const v3AndBelowTransactionalId: string = "";
  const v3AndBelowProducerId: bigint = 0n;
  const v3AndBelowProducerEpoch: number = 0;
  const v3AndBelowTopics: readonly AddPartitionsToTxnTopic[] = [];
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactions, v3AndBelowTransactionalId, v3AndBelowProducerId, v3AndBelowProducerEpoch, v3AndBelowTopics, unknownTaggedFields };
}

export function encodeAddPartitionsToTxnRequestV5(writer: Writer, value: AddPartitionsToTxnRequest): void {
  const items1 = value.transactions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeAddPartitionsToTxnTransaction(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAddPartitionsToTxnTransaction(reader: Reader): AddPartitionsToTxnTransaction {
  const transactionalId = reader.readCompactString();
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt16();
  const verifyOnly = reader.readBoolean();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: AddPartitionsToTxnTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnTopic(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactionalId, producerId, producerEpoch, verifyOnly, topics, unknownTaggedFields };
}

function writeAddPartitionsToTxnTransaction(writer: Writer, value: AddPartitionsToTxnTransaction): void {
  writer.writeCompactString(value.transactionalId);
  writer.writeInt64(value.producerId);
  writer.writeInt16(value.producerEpoch);
  writer.writeBoolean(value.verifyOnly);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeAddPartitionsToTxnTopic(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAddPartitionsToTxnTopic(reader: Reader): AddPartitionsToTxnTopic {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeAddPartitionsToTxnTopic(writer: Writer, value: AddPartitionsToTxnTopic): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeAddPartitionsToTxnResponseV5(reader: Reader): AddPartitionsToTxnResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: AddPartitionsToTxnResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnResult(reader));
  const resultsByTransaction = items2;
  const resultsByTopicV3AndBelow: readonly AddPartitionsToTxnTopicResult[] = [];
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, resultsByTransaction, resultsByTopicV3AndBelow, unknownTaggedFields };
}

export function encodeAddPartitionsToTxnResponseV5(writer: Writer, value: AddPartitionsToTxnResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  const items1 = value.resultsByTransaction;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeAddPartitionsToTxnResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAddPartitionsToTxnResult(reader: Reader): AddPartitionsToTxnResult {
  const transactionalId = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: AddPartitionsToTxnTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnTopicResult(reader));
  const topicResults = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactionalId, topicResults, unknownTaggedFields };
}

function writeAddPartitionsToTxnResult(writer: Writer, value: AddPartitionsToTxnResult): void {
  writer.writeCompactString(value.transactionalId);
  const items1 = value.topicResults;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeAddPartitionsToTxnTopicResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAddPartitionsToTxnTopicResult(reader: Reader): AddPartitionsToTxnTopicResult {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(7, true);
  const items2: AddPartitionsToTxnPartitionResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnPartitionResult(reader));
  const resultsByPartition = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, resultsByPartition, unknownTaggedFields };
}

function writeAddPartitionsToTxnTopicResult(writer: Writer, value: AddPartitionsToTxnTopicResult): void {
  writer.writeCompactString(value.name);
  const items1 = value.resultsByPartition;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeAddPartitionsToTxnPartitionResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAddPartitionsToTxnPartitionResult(reader: Reader): AddPartitionsToTxnPartitionResult {
  const partitionIndex = reader.readInt32();
  const partitionErrorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, partitionErrorCode, unknownTaggedFields };
}

function writeAddPartitionsToTxnPartitionResult(writer: Writer, value: AddPartitionsToTxnPartitionResult): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.partitionErrorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
