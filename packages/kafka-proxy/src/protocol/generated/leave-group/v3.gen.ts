// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { LeaveGroupRequest, LeaveGroupResponse, MemberIdentity, MemberResponse } from "./types.gen.js";

export function decodeLeaveGroupRequestV3(reader: Reader): LeaveGroupRequest {
  const groupId = reader.readString();
  const memberId: string = "";
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: MemberIdentity[] = [];
  for (let index = 0; index < length1; index++) items2.push(readMemberIdentity(reader));
  const members = items2;
  return { groupId, memberId, members };
}

export function encodeLeaveGroupRequestV3(writer: Writer, value: LeaveGroupRequest): void {
  writer.writeString(value.groupId);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeMemberIdentity(writer, items1[index]!);
  }
}

function readMemberIdentity(reader: Reader): MemberIdentity {
  const memberId = reader.readString();
  const groupInstanceId = reader.readNullableString();
  const reason: string | null = null;
  return { memberId, groupInstanceId, reason };
}

function writeMemberIdentity(writer: Writer, value: MemberIdentity): void {
  writer.writeString(value.memberId);
  writer.writeNullableString(value.groupInstanceId);
}

export function decodeLeaveGroupResponseV3(reader: Reader): LeaveGroupResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: MemberResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readMemberResponse(reader));
  const members = items2;
  return { throttleTimeMs, errorCode, members };
}

export function encodeLeaveGroupResponseV3(writer: Writer, value: LeaveGroupResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeMemberResponse(writer, items1[index]!);
  }
}

function readMemberResponse(reader: Reader): MemberResponse {
  const memberId = reader.readString();
  const groupInstanceId = reader.readNullableString();
  const errorCode = reader.readInt16();
  return { memberId, groupInstanceId, errorCode };
}

function writeMemberResponse(writer: Writer, value: MemberResponse): void {
  writer.writeString(value.memberId);
  writer.writeNullableString(value.groupInstanceId);
  writer.writeInt16(value.errorCode);
}
