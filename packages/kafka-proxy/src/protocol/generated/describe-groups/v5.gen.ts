// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { DescribeGroupsRequest, DescribeGroupsResponse, DescribedGroup, DescribedGroupMember } from "./types.gen.js";

export function decodeDescribeGroupsRequestV5(reader: Reader): DescribeGroupsRequest {
  const length1 = reader.readArrayLengthNotNull(1, true);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readCompactString());
  const groups = items2;
  const includeAuthorizedOperations = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groups, includeAuthorizedOperations, unknownTaggedFields };
}

export function encodeDescribeGroupsRequestV5(writer: Writer, value: DescribeGroupsRequest): void {
  const items1 = value.groups;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeCompactString(items1[index]!);
  }
  writer.writeBoolean(value.includeAuthorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeDescribeGroupsResponseV5(reader: Reader): DescribeGroupsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(12, true);
  const items2: DescribedGroup[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribedGroup(reader));
  const groups = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, groups, unknownTaggedFields };
}

export function encodeDescribeGroupsResponseV5(writer: Writer, value: DescribeGroupsResponse): void {
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
  const groupId = reader.readCompactString();
  const groupState = reader.readCompactString();
  const protocolType = reader.readCompactString();
  const protocolData = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(7, true);
  const items2: DescribedGroupMember[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribedGroupMember(reader));
  const members = items2;
  const authorizedOperations = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { errorCode, groupId, groupState, protocolType, protocolData, members, authorizedOperations, unknownTaggedFields };
}

function writeDescribedGroup(writer: Writer, value: DescribedGroup): void {
  writer.writeInt16(value.errorCode);
  writer.writeCompactString(value.groupId);
  writer.writeCompactString(value.groupState);
  writer.writeCompactString(value.protocolType);
  writer.writeCompactString(value.protocolData);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDescribedGroupMember(writer, items1[index]!);
  }
  writer.writeInt32(value.authorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDescribedGroupMember(reader: Reader): DescribedGroupMember {
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const clientId = reader.readCompactString();
  const clientHost = reader.readCompactString();
  const memberMetadata = reader.readCompactBytes();
  const memberAssignment = reader.readCompactBytes();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { memberId, groupInstanceId, clientId, clientHost, memberMetadata, memberAssignment, unknownTaggedFields };
}

function writeDescribedGroupMember(writer: Writer, value: DescribedGroupMember): void {
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  writer.writeCompactString(value.clientId);
  writer.writeCompactString(value.clientHost);
  writer.writeCompactBytes(value.memberMetadata);
  writer.writeCompactBytes(value.memberAssignment);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
