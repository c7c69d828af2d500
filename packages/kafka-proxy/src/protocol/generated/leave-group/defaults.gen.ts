// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { LeaveGroupRequest, MemberIdentity, LeaveGroupResponse, MemberResponse } from "./types.gen.js";

/** A LeaveGroupRequest with every field at its schema default. */
export function defaultLeaveGroupRequest(): LeaveGroupRequest {
  return {
    groupId: "",
    memberId: "",
    members: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isLeaveGroupRequestDefault(value: LeaveGroupRequest): boolean {
  return value.groupId === "" &&
    value.memberId === "" &&
    value.members.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A MemberIdentity with every field at its schema default. */
export function defaultMemberIdentity(): MemberIdentity {
  return {
    memberId: "",
    groupInstanceId: null,
    reason: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMemberIdentityDefault(value: MemberIdentity): boolean {
  return value.memberId === "" &&
    value.groupInstanceId === null &&
    value.reason === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A LeaveGroupResponse with every field at its schema default. */
export function defaultLeaveGroupResponse(): LeaveGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    members: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isLeaveGroupResponseDefault(value: LeaveGroupResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.members.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A MemberResponse with every field at its schema default. */
export function defaultMemberResponse(): MemberResponse {
  return {
    memberId: "",
    groupInstanceId: "",
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMemberResponseDefault(value: MemberResponse): boolean {
  return value.memberId === "" &&
    value.groupInstanceId === "" &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
