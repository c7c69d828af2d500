// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { TaggedField } from "../../tagged-field.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { CreatableReplicaAssignment, CreatableTopic, CreatableTopicConfig, CreatableTopicConfigs, CreatableTopicResult, CreateTopicsRequest, CreateTopicsResponse } from "./types.gen.js";

const emptyTaggedFields: readonly TaggedField[] = [];

export function decodeCreateTopicsRequestV7(reader: Reader): CreateTopicsRequest {
  const length1 = reader.readArrayLengthNotNull(10, true);
  const items2: CreatableTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatableTopic(reader));
  const topics = items2;
  const timeoutMs = reader.readInt32();
  const validateOnly = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topics, timeoutMs, validateOnly, unknownTaggedFields };
}

export function encodeCreateTopicsRequestV7(writer: Writer, value: CreateTopicsRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeCreatableTopic(writer, items1[index]!);
  }
  writer.writeInt32(value.timeoutMs);
  writer.writeBoolean(value.validateOnly);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readCreatableTopic(reader: Reader): CreatableTopic {
  const name = reader.readCompactString();
  const numPartitions = reader.readInt32();
  const replicationFactor = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(6, true);
  const items2: CreatableReplicaAssignment[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatableReplicaAssignment(reader));
  const assignments = items2;
  const length3 = reader.readArrayLengthNotNull(3, true);
  const items4: CreatableTopicConfig[] = [];
  for (let index = 0; index < length3; index++) items4.push(readCreatableTopicConfig(reader));
  const configs = items4;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, numPartitions, replicationFactor, assignments, configs, unknownTaggedFields };
}

function writeCreatableTopic(writer: Writer, value: CreatableTopic): void {
  writer.writeCompactString(value.name);
  writer.writeInt32(value.numPartitions);
  writer.writeInt16(value.replicationFactor);
  const items1 = value.assignments;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeCreatableReplicaAssignment(writer, items1[index]!);
  }
  const items2 = value.configs;
  writer.writeArrayLength(items2.length, true);
  for (let index = 0; index < items2.length; index++) {
    writeCreatableTopicConfig(writer, items2[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readCreatableReplicaAssignment(reader: Reader): CreatableReplicaAssignment {
  const partitionIndex = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const brokerIds = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partitionIndex, brokerIds, unknownTaggedFields };
}

function writeCreatableReplicaAssignment(writer: Writer, value: CreatableReplicaAssignment): void {
  writer.writeInt32(value.partitionIndex);
  const items1 = value.brokerIds;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readCreatableTopicConfig(reader: Reader): CreatableTopicConfig {
  const name = reader.readCompactString();
  const valueField = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, value: valueField, unknownTaggedFields };
}

function writeCreatableTopicConfig(writer: Writer, value: CreatableTopicConfig): void {
  writer.writeCompactString(value.name);
  writer.writeCompactNullableString(value.value);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeCreateTopicsResponseV7(reader: Reader): CreateTopicsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(28, true);
  const items2: CreatableTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatableTopicResult(reader));
  const topics = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, topics, unknownTaggedFields };
}

export function encodeCreateTopicsResponseV7(writer: Writer, value: CreateTopicsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeCreatableTopicResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readCreatableTopicResult(reader: Reader): CreatableTopicResult {
  const name = reader.readCompactString();
  const topicId = reader.readUuid();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  let topicConfigErrorCode: number = 0;
  const numPartitions = reader.readInt32();
  const replicationFactor = reader.readInt16();
  const length1 = reader.readCompactArrayLength(6);
  let items2: CreatableTopicConfigs[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(readCreatableTopicConfigs(reader));
  }
  const configs = items2;
  let unknownTaggedFields: TaggedField[] | undefined;
  const taggedFieldCount = reader.readTaggedFieldCount();
  let previousTag = -1;
  for (let index = 0; index < taggedFieldCount; index++) {
    const tag = reader.readTag(previousTag);
    previousTag = tag;
    const end = reader.readTaggedFieldEnd();
    switch (tag) {
      case 0: {
        topicConfigErrorCode = reader.readInt16();
        break;
      }
      default:
        unknownTaggedFields ??= [];
        unknownTaggedFields.push(reader.readUnknownTaggedField(tag, end));
    }
    reader.expectTaggedFieldEnd(end, tag);
  }
  return { name, topicId, errorCode, errorMessage, topicConfigErrorCode, numPartitions, replicationFactor, configs, unknownTaggedFields };
}

function writeCreatableTopicResult(writer: Writer, value: CreatableTopicResult): void {
  writer.writeCompactString(value.name);
  writer.writeUuid(value.topicId);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writer.writeInt32(value.numPartitions);
  writer.writeInt16(value.replicationFactor);
  const items1 = value.configs;
  if (items1 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items1.length, true);
    for (let index = 0; index < items1.length; index++) {
      writeCreatableTopicConfigs(writer, items1[index]!);
    }
  }
  const unknownTaggedFields = value.unknownTaggedFields ?? emptyTaggedFields;
  let taggedFieldCount = unknownTaggedFields.length;
  const hasTag0 = value.topicConfigErrorCode !== 0;
  if (hasTag0) taggedFieldCount++;
  writer.writeUnsignedVarint(taggedFieldCount);
  let unknownIndex = 0;
  if (hasTag0) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 0);
    const sizePosition = writer.beginTaggedField(0);
    writer.writeInt16(value.topicConfigErrorCode);
    writer.endTaggedField(sizePosition);
  }
  writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, Number.POSITIVE_INFINITY);
}

function readCreatableTopicConfigs(reader: Reader): CreatableTopicConfigs {
  const name = reader.readCompactString();
  const valueField = reader.readCompactNullableString();
  const readOnly = reader.readBoolean();
  const configSource = reader.readInt8();
  const isSensitive = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, value: valueField, readOnly, configSource, isSensitive, unknownTaggedFields };
}

function writeCreatableTopicConfigs(writer: Writer, value: CreatableTopicConfigs): void {
  writer.writeCompactString(value.name);
  writer.writeCompactNullableString(value.value);
  writer.writeBoolean(value.readOnly);
  writer.writeInt8(value.configSource);
  writer.writeBoolean(value.isSensitive);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
