// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { Assignment, ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse, DescribedGroup, Member, TopicPartitions } from "./types.gen.js";

export function decodeConsumerGroupDescribeRequestV0(reader: Reader): ConsumerGroupDescribeRequest {
  const length1 = reader.readArrayLengthNotNull(1, true);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readCompactString());
  const groupIds = items2;
  const includeAuthorizedOperations = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupIds, includeAuthorizedOperations, unknownTaggedFields };
}

export function encodeConsumerGroupDescribeRequestV0(writer: Writer, value: ConsumerGroupDescribeRequest): void {
  const items1 = value.groupIds;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeCompactString(items1[index]!);
  }
  writer.writeBoolean(value.includeAuthorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeConsumerGroupDescribeResponseV0(reader: Reader): ConsumerGroupDescribeResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(20, true);
  const items2: DescribedGroup[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribedGroup(reader));
  const groups = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, groups, unknownTaggedFields };
}

export function encodeConsumerGroupDescribeResponseV0(writer: Writer, value: ConsumerGroupDescribeResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.groups;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDescribedGroup(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDescribedGroup(reader: Reader): DescribedGroup {
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const groupId = reader.readCompactString();
  const groupState = reader.readCompactString();
  const groupEpoch = reader.readInt32();
  const assignmentEpoch = reader.readInt32();
  const assignorName = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(16, true);
  const items2: Member[] = [];
  for (let index = 0; index < length1; index++) items2.push(readMember(reader));
  const members = items2;
  const authorizedOperations = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { errorCode, errorMessage, groupId, groupState, groupEpoch, assignmentEpoch, assignorName, members, authorizedOperations, unknownTaggedFields };
}

function writeDescribedGroup(writer: Writer, value: DescribedGroup): void {
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writer.writeCompactString(value.groupId);
  writer.writeCompactString(value.groupState);
  writer.writeInt32(value.groupEpoch);
  writer.writeInt32(value.assignmentEpoch);
  writer.writeCompactString(value.assignorName);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeMember(writer, items1[index]!);
  }
  writer.writeInt32(value.authorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readMember(reader: Reader): Member {
  const memberId = reader.readCompactString();
  const instanceId = reader.readCompactNullableString();
  const rackId = reader.readCompactNullableString();
  const memberEpoch = reader.readInt32();
  const clientId = reader.readCompactString();
  const clientHost = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(1, true);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readCompactString());
  const subscribedTopicNames = items2;
  const subscribedTopicRegex = reader.readCompactNullableString();
  const assignment = readAssignment(reader);
  const targetAssignment = readAssignment(reader);
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { memberId, instanceId, rackId, memberEpoch, clientId, clientHost, subscribedTopicNames, subscribedTopicRegex, assignment, targetAssignment, unknownTaggedFields };
}

function writeMember(writer: Writer, value: Member): void {
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.instanceId);
  writer.writeCompactNullableString(value.rackId);
  writer.writeInt32(value.memberEpoch);
  writer.writeCompactString(value.clientId);
  writer.writeCompactString(value.clientHost);
  const items1 = value.subscribedTopicNames;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeCompactString(items1[index]!);
  }
  writer.writeCompactNullableString(value.subscribedTopicRegex);
  writeAssignment(writer, value.assignment);
  writeAssignment(writer, value.targetAssignment);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAssignment(reader: Reader): Assignment {
  const length1 = reader.readArrayLengthNotNull(19, true);
  const items2: TopicPartitions[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicPartitions(reader));
  const topicPartitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topicPartitions, unknownTaggedFields };
}

function writeAssignment(writer: Writer, value: Assignment): void {
  const items1 = value.topicPartitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTopicPartitions(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTopicPartitions(reader: Reader): TopicPartitions {
  const topicId = reader.readUuid();
  const topicName = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topicId, topicName, partitions, unknownTaggedFields };
}

function writeTopicPartitions(writer: Writer, value: TopicPartitions): void {
  writer.writeUuid(value.topicId);
  writer.writeCompactString(value.topicName);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
