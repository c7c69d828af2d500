// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { DescribeGroupsRequest, DescribeGroupsResponse, DescribedGroup, DescribedGroupMember } from "./types.gen.js";

export function decodeDescribeGroupsRequestV2(reader: Reader): DescribeGroupsRequest {
  const length1 = reader.readArrayLengthNotNull(2, false);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readString());
  const groups = items2;
  const includeAuthorizedOperations: boolean = false;
  return { groups, includeAuthorizedOperations };
}

export function encodeDescribeGroupsRequestV2(writer: Writer, value: DescribeGroupsRequest): void {
  const items1 = value.groups;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeString(items1[index]!);
  }
}

export function decodeDescribeGroupsResponseV2(reader: Reader): DescribeGroupsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(14, false);
  const items2: DescribedGroup[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribedGroup(reader));
  const groups = items2;
  return { throttleTimeMs, groups };
}

export function encodeDescribeGroupsResponseV2(writer: Writer, value: DescribeGroupsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.groups;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDescribedGroup(writer, items1[index]!);
  }
}

function readDescribedGroup(reader: Reader): DescribedGroup {
  const errorCode = reader.readInt16();
  const groupId = reader.readString();
  const groupState = reader.readString();
  const protocolType = reader.readString();
  const protocolData = reader.readString();
  const length1 = reader.readArrayLengthNotNull(14, false);
  const items2: DescribedGroupMember[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribedGroupMember(reader));
  const members = items2;
  const authorizedOperations: number = -2147483648;
  return { errorCode, groupId, groupState, protocolType, protocolData, members, authorizedOperations };
}

function writeDescribedGroup(writer: Writer, value: DescribedGroup): void {
  writer.writeInt16(value.errorCode);
  writer.writeString(value.groupId);
  writer.writeString(value.groupState);
  writer.writeString(value.protocolType);
  writer.writeString(value.protocolData);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDescribedGroupMember(writer, items1[index]!);
  }
}

function readDescribedGroupMember(reader: Reader): DescribedGroupMember {
  const memberId = reader.readString();
  const groupInstanceId: string | null = null;
  const clientId = reader.readString();
  const clientHost = reader.readString();
  const memberMetadata = reader.readBytes();
  const memberAssignment = reader.readBytes();
  return { memberId, groupInstanceId, clientId, clientHost, memberMetadata, memberAssignment };
}

function writeDescribedGroupMember(writer: Writer, value: DescribedGroupMember): void {
  writer.writeString(value.memberId);
  writer.writeString(value.clientId);
  writer.writeString(value.clientHost);
  writer.writeBytes(value.memberMetadata);
  writer.writeBytes(value.memberAssignment);
}
