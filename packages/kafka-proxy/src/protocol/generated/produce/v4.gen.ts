// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { defaultLeaderIdAndEpoch } from "./defaults.gen.js";
import type { BatchIndexAndErrorMessage, LeaderIdAndEpoch, NodeEndpoint, PartitionProduceData, PartitionProduceResponse, ProduceRequest, ProduceResponse, TopicProduceData, TopicProduceResponse } from "./types.gen.js";

export function decodeProduceRequestV4(reader: Reader): ProduceRequest {
  const transactionalId = reader.readNullableString();
  const acks = reader.readInt16();
  const timeoutMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: TopicProduceData[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicProduceData(reader));
  const topicData = items2;
  return { transactionalId, acks, timeoutMs, topicData };
}

export function encodeProduceRequestV4(writer: Writer, value: ProduceRequest): void {
  writer.writeNullableString(value.transactionalId);
  writer.writeInt16(value.acks);
  writer.writeInt32(value.timeoutMs);
  const items1 = value.topicData;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeTopicProduceData(writer, items1[index]!);
  }
}

function readTopicProduceData(reader: Reader): TopicProduceData {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(8, false);
  const items2: PartitionProduceData[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionProduceData(reader));
  const partitionData = items2;
  return { name, partitionData };
}

function writeTopicProduceData(writer: Writer, value: TopicProduceData): void {
  writer.writeString(value.name);
  const items1 = value.partitionData;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writePartitionProduceData(writer, items1[index]!);
  }
}

function readPartitionProduceData(reader: Reader): PartitionProduceData {
  const indexField = reader.readInt32();
  const records = reader.readNullableBytes();
  return { index: indexField, records };
}

function writePartitionProduceData(writer: Writer, value: PartitionProduceData): void {
  writer.writeInt32(value.index);
  writer.writeNullableBytes(value.records);
}

export function decodeProduceResponseV4(reader: Reader): ProduceResponse {
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: TopicProduceResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicProduceResponse(reader));
  const responses = items2;
  const throttleTimeMs = reader.readInt32();
  const nodeEndpoints: readonly NodeEndpoint[] = [];
  return { responses, throttleTimeMs, nodeEndpoints };
}

export function encodeProduceResponseV4(writer: Writer, value: ProduceResponse): void {
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeTopicProduceResponse(writer, items1[index]!);
  }
  writer.writeInt32(value.throttleTimeMs);
}

function readTopicProduceResponse(reader: Reader): TopicProduceResponse {
  const name = reader.readString();
  const length1 = reader.readArrayLengthNotNull(22, false);
  const items2: PartitionProduceResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionProduceResponse(reader));
  const partitionResponses = items2;
  return { name, partitionResponses };
}

function writeTopicProduceResponse(writer: Writer, value: TopicProduceResponse): void {
  writer.writeString(value.name);
  const items1 = value.partitionResponses;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writePartitionProduceResponse(writer, items1[index]!);
  }
}

function readPartitionProduceResponse(reader: Reader): PartitionProduceResponse {
  const indexField = reader.readInt32();
  const errorCode = reader.readInt16();
  const baseOffset = reader.readInt64();
  const logAppendTimeMs = reader.readInt64();
  const logStartOffset: bigint = -1n;
  const recordErrors: readonly BatchIndexAndErrorMessage[] = [];
  const errorMessage: string | null = null;
  const currentLeader: LeaderIdAndEpoch = defaultLeaderIdAndEpoch();
  return { index: indexField, errorCode, baseOffset, logAppendTimeMs, logStartOffset, recordErrors, errorMessage, currentLeader };
}

function writePartitionProduceResponse(writer: Writer, value: PartitionProduceResponse): void {
  writer.writeInt32(value.index);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.baseOffset);
  writer.writeInt64(value.logAppendTimeMs);
}
