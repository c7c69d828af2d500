// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { Assignment, ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatRequestTopicPartitions, ConsumerGroupHeartbeatResponse, ConsumerGroupHeartbeatResponseTopicPartitions } from "./types.gen.js";

export function decodeConsumerGroupHeartbeatRequestV1(reader: Reader): ConsumerGroupHeartbeatRequest {
  const groupId = reader.readCompactString();
  const memberId = reader.readCompactString();
  const memberEpoch = reader.readInt32();
  const instanceId = reader.readCompactNullableString();
  const rackId = reader.readCompactNullableString();
  const rebalanceTimeoutMs = reader.readInt32();
  const length1 = reader.readCompactArrayLength(1);
  let items2: string[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(reader.readCompactString());
  }
  const subscribedTopicNames = items2;
  const subscribedTopicRegex = reader.readCompactNullableString();
  const serverAssignor = reader.readCompactNullableString();
  const length3 = reader.readCompactArrayLength(18);
  let items4: ConsumerGroupHeartbeatRequestTopicPartitions[] | null = null;
  if (length3 >= 0) {
    items4 = [];
    for (let index = 0; index < length3; index++) items4.push(readConsumerGroupHeartbeatRequestTopicPartitions(reader));
  }
  const topicPartitions = items4;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, memberId, memberEpoch, instanceId, rackId, rebalanceTimeoutMs, subscribedTopicNames, subscribedTopicRegex, serverAssignor, topicPartitions, unknownTaggedFields };
}

export function encodeConsumerGroupHeartbeatRequestV1(writer: Writer, value: ConsumerGroupHeartbeatRequest): void {
  writer.writeCompactString(value.groupId);
  writer.writeCompactString(value.memberId);
  writer.writeInt32(value.memberEpoch);
  writer.writeCompactNullableString(value.instanceId);
  writer.writeCompactNullableString(value.rackId);
  writer.writeInt32(value.rebalanceTimeoutMs);
  const items1 = value.subscribedTopicNames;
  if (items1 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items1.length, true);
    for (let index = 0; index < items1.length; index++) {
      writer.writeCompactString(items1[index]!);
    }
  }
  writer.writeCompactNullableString(value.subscribedTopicRegex);
  writer.writeCompactNullableString(value.serverAssignor);
  const items2 = value.topicPartitions;
  if (items2 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items2.length, true);
    for (let index = 0; index < items2.length; index++) {
      writeConsumerGroupHeartbeatRequestTopicPartitions(writer, items2[index]!);
    }
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readConsumerGroupHeartbeatRequestTopicPartitions(reader: Reader): ConsumerGroupHeartbeatRequestTopicPartitions {
  const topicId = reader.readUuid();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topicId, partitions, unknownTaggedFields };
}

function writeConsumerGroupHeartbeatRequestTopicPartitions(writer: Writer, value: ConsumerGroupHeartbeatRequestTopicPartitions): void {
  writer.writeUuid(value.topicId);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeConsumerGroupHeartbeatResponseV1(reader: Reader): ConsumerGroupHeartbeatResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const memberId = reader.readCompactNullableString();
  const memberEpoch = reader.readInt32();
  const heartbeatIntervalMs = reader.readInt32();
  const assignment = reader.readStructPresence() ? readAssignment(reader) : null;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, errorMessage, memberId, memberEpoch, heartbeatIntervalMs, assignment, unknownTaggedFields };
}

export function encodeConsumerGroupHeartbeatResponseV1(writer: Writer, value: ConsumerGroupHeartbeatResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writer.writeCompactNullableString(value.memberId);
  writer.writeInt32(value.memberEpoch);
  writer.writeInt32(value.heartbeatIntervalMs);
  const struct1 = value.assignment;
  if (struct1 === null) writer.writeInt8(-1);
  else {
    writer.writeInt8(1);
    writeAssignment(writer, struct1);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAssignment(reader: Reader): Assignment {
  const length1 = reader.readArrayLengthNotNull(18, true);
  const items2: ConsumerGroupHeartbeatResponseTopicPartitions[] = [];
  for (let index = 0; index < length1; index++) items2.push(readConsumerGroupHeartbeatResponseTopicPartitions(reader));
  const topicPartitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topicPartitions, unknownTaggedFields };
}

function writeAssignment(writer: Writer, value: Assignment): void {
  const items1 = value.topicPartitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeConsumerGroupHeartbeatResponseTopicPartitions(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readConsumerGroupHeartbeatResponseTopicPartitions(reader: Reader): ConsumerGroupHeartbeatResponseTopicPartitions {
  const topicId = reader.readUuid();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topicId, partitions, unknownTaggedFields };
}

function writeConsumerGroupHeartbeatResponseTopicPartitions(writer: Writer, value: ConsumerGroupHeartbeatResponseTopicPartitions): void {
  writer.writeUuid(value.topicId);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
