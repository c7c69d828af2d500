// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { AddPartitionsToTxnPartitionResult, AddPartitionsToTxnRequest, AddPartitionsToTxnResponse, AddPartitionsToTxnResult, AddPartitionsToTxnTopic, AddPartitionsToTxnTopicResult, AddPartitionsToTxnTransaction } from "./types.gen.js";

export function decodeAddPartitionsToTxnRequestV3(reader: Reader): AddPartitionsToTxnRequest {
  const transactions: readonly AddPartitionsToTxnTransaction[] = [];
  const v3AndBelowTransactionalId = reader.readCompactString();
  const v3AndBelowProducerId = reader.readInt64();
  const v3AndBelowProducerEpoch = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: AddPartitionsToTxnTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnTopic(reader));
  const v3AndBelowTopics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactions, v3AndBelowTransactionalId, v3AndBelowProducerId, v3AndBelowProducerEpoch, v3AndBelowTopics, unknownTaggedFields };
}

export function encodeAddPartitionsToTxnRequestV3(writer: Writer, value: AddPartitionsToTxnRequest): void {
  writer.writeCompactString(value.v3AndBelowTransactionalId);
  writer.writeInt64(value.v3AndBelowProducerId);
  writer.writeInt16(value.v3AndBelowProducerEpoch);
  const items1 = value.v3AndBelowTopics;
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

export function decodeAddPartitionsToTxnResponseV3(reader: Reader): AddPartitionsToTxnResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode: number = 0;
  const resultsByTransaction: readonly AddPartitionsToTxnResult[] = [];
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: AddPartitionsToTxnTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAddPartitionsToTxnTopicResult(reader));
  const resultsByTopicV3AndBelow = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, resultsByTransaction, resultsByTopicV3AndBelow, unknownTaggedFields };
}

export function encodeAddPartitionsToTxnResponseV3(writer: Writer, value: AddPartitionsToTxnResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.resultsByTopicV3AndBelow;
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
