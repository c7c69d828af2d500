// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { SyncGroupRequest, SyncGroupRequestAssignment, SyncGroupResponse } from "./types.gen.js";

/** A SyncGroupRequest with every field at its schema default. */
export function defaultSyncGroupRequest(): SyncGroupRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
    protocolType: null,
    protocolName: null,
    assignments: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSyncGroupRequestDefault(value: SyncGroupRequest): boolean {
  return value.groupId === "" &&
    value.generationId === 0 &&
    value.memberId === "" &&
    value.groupInstanceId === null &&
    value.protocolType === null &&
    value.protocolName === null &&
    value.assignments.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A SyncGroupRequestAssignment with every field at its schema default. */
export function defaultSyncGroupRequestAssignment(): SyncGroupRequestAssignment {
  return {
    memberId: "",
    assignment: emptyBytes,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSyncGroupRequestAssignmentDefault(value: SyncGroupRequestAssignment): boolean {
  return value.memberId === "" &&
    value.assignment.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A SyncGroupResponse with every field at its schema default. */
export function defaultSyncGroupResponse(): SyncGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    protocolType: null,
    protocolName: null,
    assignment: emptyBytes,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSyncGroupResponseDefault(value: SyncGroupResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.protocolType === null &&
    value.protocolName === null &&
    value.assignment.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
