// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { LeaveGroupRequest, LeaveGroupResponse, MemberIdentity, MemberResponse } from "./types.gen.js";

export function decodeLeaveGroupRequestV2(reader: Reader): LeaveGroupRequest {
  const groupId = reader.readString();
  const memberId = reader.readString();
  const members: readonly MemberIdentity[] = [];
  return { groupId, memberId, members };
}

export function encodeLeaveGroupRequestV2(writer: Writer, value: LeaveGroupRequest): void {
  writer.writeString(value.groupId);
  writer.writeString(value.memberId);
}

export function decodeLeaveGroupResponseV2(reader: Reader): LeaveGroupResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const members: readonly MemberResponse[] = [];
  return { throttleTimeMs, errorCode, members };
}

export function encodeLeaveGroupResponseV2(writer: Writer, value: LeaveGroupResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
}
