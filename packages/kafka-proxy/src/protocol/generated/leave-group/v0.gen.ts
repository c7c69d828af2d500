// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { LeaveGroupRequest, LeaveGroupResponse, MemberIdentity, MemberResponse } from "./types.gen.js";

export function decodeLeaveGroupRequestV0(reader: Reader): LeaveGroupRequest {
  const groupId = reader.readString();
  const memberId = reader.readString();
  const members: readonly MemberIdentity[] = [];
  return { groupId, memberId, members };
}

export function encodeLeaveGroupRequestV0(writer: Writer, value: LeaveGroupRequest): void {
  writer.writeString(value.groupId);
  writer.writeString(value.memberId);
}

export function decodeLeaveGroupResponseV0(reader: Reader): LeaveGroupResponse {
  const throttleTimeMs: number = 0;
  const errorCode = reader.readInt16();
  const members: readonly MemberResponse[] = [];
  return { throttleTimeMs, errorCode, members };
}

export function encodeLeaveGroupResponseV0(writer: Writer, value: LeaveGroupResponse): void {
  writer.writeInt16(value.errorCode);
}
