// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { DescribeProducersRequest, DescribeProducersResponse, PartitionResponse, ProducerState, TopicRequest, TopicResponse } from "./types.gen.js";

export function decodeDescribeProducersRequestV0(reader: Reader): DescribeProducersRequest {
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: TopicRequest[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicRequest(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topics, unknownTaggedFields };
}

export function encodeDescribeProducersRequestV0(writer: Writer, value: DescribeProducersRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTopicRequest(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTopicRequest(reader: Reader): TopicRequest {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitionIndexes = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitionIndexes, unknownTaggedFields };
}

function writeTopicRequest(writer: Writer, value: TopicRequest): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitionIndexes;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeDescribeProducersResponseV0(reader: Reader): DescribeProducersResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: TopicResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicResponse(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, unknownTaggedFields };
}

export function encodeDescribeProducersResponseV0(writer: Writer, value: DescribeProducersResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTopicResponse(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTopicResponse(reader: Reader): TopicResponse {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(9, true);
  const items2: PartitionResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionResponse(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitions, unknownTaggedFields };
}

function writeTopicResponse(writer: Writer, value: TopicResponse): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writePartitionResponse(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readPartitionResponse(reader: Reader): PartitionResponse {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const length1 = reader.readArrayLengthNotNull(37, true);
  const items2: ProducerState[] = [];
  for (let index = 0; index < length1; index++) items2.push(readProducerState(reader));
  const activeProducers = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, errorCode, errorMessage, activeProducers, unknownTaggedFields };
}

function writePartitionResponse(writer: Writer, value: PartitionResponse): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  const items1 = value.activeProducers;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeProducerState(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readProducerState(reader: Reader): ProducerState {
  const producerId = reader.readInt64();
  const producerEpoch = reader.readInt32();
  const lastSequence = reader.readInt32();
  const lastTimestamp = reader.readInt64();
  const coordinatorEpoch = reader.readInt32();
  const currentTxnStartOffset = reader.readInt64();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { producerId, producerEpoch, lastSequence, lastTimestamp, coordinatorEpoch, currentTxnStartOffset, unknownTaggedFields };
}

function writeProducerState(writer: Writer, value: ProducerState): void {
  writer.writeInt64(value.producerId);
  writer.writeInt32(value.producerEpoch);
  writer.writeInt32(value.lastSequence);
  writer.writeInt64(value.lastTimestamp);
  writer.writeInt32(value.coordinatorEpoch);
  writer.writeInt64(value.currentTxnStartOffset);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
