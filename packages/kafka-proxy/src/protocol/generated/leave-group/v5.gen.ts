// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { LeaveGroupRequest, LeaveGroupResponse, MemberIdentity, MemberResponse } from "./types.gen.js";

export function decodeLeaveGroupRequestV5(reader: Reader): LeaveGroupRequest {
  const groupId = reader.readCompactString();
  const memberId: string = "";
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: MemberIdentity[] = [];
  for (let index = 0; index < length1; index++) items2.push(readMemberIdentity(reader));
  const members = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, memberId, members, unknownTaggedFields };
}

export function encodeLeaveGroupRequestV5(writer: Writer, value: LeaveGroupRequest): void {
  writer.writeCompactString(value.groupId);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeMemberIdentity(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readMemberIdentity(reader: Reader): MemberIdentity {
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const reason = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { memberId, groupInstanceId, reason, unknownTaggedFields };
}

function writeMemberIdentity(writer: Writer, value: MemberIdentity): void {
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  writer.writeCompactNullableString(value.reason);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeLeaveGroupResponseV5(reader: Reader): LeaveGroupResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(5, true);
  const items2: MemberResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readMemberResponse(reader));
  const members = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, members, unknownTaggedFields };
}

export function encodeLeaveGroupResponseV5(writer: Writer, value: LeaveGroupResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeMemberResponse(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readMemberResponse(reader: Reader): MemberResponse {
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { memberId, groupInstanceId, errorCode, unknownTaggedFields };
}

function writeMemberResponse(writer: Writer, value: MemberResponse): void {
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
