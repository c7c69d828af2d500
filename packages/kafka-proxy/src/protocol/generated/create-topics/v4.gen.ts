// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { zeroUuid } from "../../uuid.js";
import type { CreatableReplicaAssignment, CreatableTopic, CreatableTopicConfig, CreatableTopicConfigs, CreatableTopicResult, CreateTopicsRequest, CreateTopicsResponse } from "./types.gen.js";

export function decodeCreateTopicsRequestV4(reader: Reader): CreateTopicsRequest {
  const length1 = reader.readArrayLengthNotNull(16, false);
  const items2: CreatableTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatableTopic(reader));
  const topics = items2;
  const timeoutMs = reader.readInt32();
  const validateOnly = reader.readBoolean();
  return { topics, timeoutMs, validateOnly };
}

export function encodeCreateTopicsRequestV4(writer: Writer, value: CreateTopicsRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeCreatableTopic(writer, items1[index]!);
  }
  writer.writeInt32(value.timeoutMs);
  writer.writeBoolean(value.validateOnly);
}

function readCreatableTopic(reader: Reader): CreatableTopic {
  const name = reader.readString();
  const numPartitions = reader.readInt32();
  const replicationFactor = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(8, false);
  const items2: CreatableReplicaAssignment[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatableReplicaAssignment(reader));
  const assignments = items2;
  const length3 = reader.readArrayLengthNotNull(4, false);
  const items4: CreatableTopicConfig[] = [];
  for (let index = 0; index < length3; index++) items4.push(readCreatableTopicConfig(reader));
  const configs = items4;
  return { name, numPartitions, replicationFactor, assignments, configs };
}

function writeCreatableTopic(writer: Writer, value: CreatableTopic): void {
  writer.writeString(value.name);
  writer.writeInt32(value.numPartitions);
  writer.writeInt16(value.replicationFactor);
  const items1 = value.assignments;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeCreatableReplicaAssignment(writer, items1[index]!);
  }
  const items2 = value.configs;
  writer.writeArrayLength(items2.length, false);
  for (let index = 0; index < items2.length; index++) {
    writeCreatableTopicConfig(writer, items2[index]!);
  }
}

function readCreatableReplicaAssignment(reader: Reader): CreatableReplicaAssignment {
  const partitionIndex = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const brokerIds = items2;
  return { partitionIndex, brokerIds };
}

function writeCreatableReplicaAssignment(writer: Writer, value: CreatableReplicaAssignment): void {
  writer.writeInt32(value.partitionIndex);
  const items1 = value.brokerIds;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
}

function readCreatableTopicConfig(reader: Reader): CreatableTopicConfig {
  const name = reader.readString();
  const valueField = reader.readNullableString();
  return { name, value: valueField };
}

function writeCreatableTopicConfig(writer: Writer, value: CreatableTopicConfig): void {
  writer.writeString(value.name);
  writer.writeNullableString(value.value);
}

export function decodeCreateTopicsResponseV4(reader: Reader): CreateTopicsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: CreatableTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatableTopicResult(reader));
  const topics = items2;
  return { throttleTimeMs, topics };
}

export function encodeCreateTopicsResponseV4(writer: Writer, value: CreateTopicsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeCreatableTopicResult(writer, items1[index]!);
  }
}

function readCreatableTopicResult(reader: Reader): CreatableTopicResult {
  const name = reader.readString();
  const topicId: string = zeroUuid;
  const errorCode = reader.readInt16();
  const errorMessage = reader.readNullableString();
  const topicConfigErrorCode: number = 0;
  const numPartitions: number = -1;
  const replicationFactor: number = -1;
  const configs: readonly CreatableTopicConfigs[] | null = [];
  return { name, topicId, errorCode, errorMessage, topicConfigErrorCode, numPartitions, replicationFactor, configs };
}

function writeCreatableTopicResult(writer: Writer, value: CreatableTopicResult): void {
  writer.writeString(value.name);
  writer.writeInt16(value.errorCode);
  writer.writeNullableString(value.errorMessage);
}
