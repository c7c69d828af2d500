// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { JoinGroupRequest, JoinGroupRequestProtocol, JoinGroupResponse, JoinGroupResponseMember } from "./types.gen.js";

/** A JoinGroupRequest with every field at its schema default. */
export function defaultJoinGroupRequest(): JoinGroupRequest {
  return {
    groupId: "",
    sessionTimeoutMs: 0,
    rebalanceTimeoutMs: -1,
    memberId: "",
    groupInstanceId: null,
    protocolType: "",
    protocols: [],
    reason: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isJoinGroupRequestDefault(value: JoinGroupRequest): boolean {
  return value.groupId === "" &&
    value.sessionTimeoutMs === 0 &&
    value.rebalanceTimeoutMs === -1 &&
    value.memberId === "" &&
    value.groupInstanceId === null &&
    value.protocolType === "" &&
    value.protocols.length === 0 &&
    value.reason === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A JoinGroupRequestProtocol with every field at its schema default. */
export function defaultJoinGroupRequestProtocol(): JoinGroupRequestProtocol {
  return {
    name: "",
    metadata: emptyBytes,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isJoinGroupRequestProtocolDefault(value: JoinGroupRequestProtocol): boolean {
  return value.name === "" &&
    value.metadata.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A JoinGroupResponse with every field at its schema default. */
export function defaultJoinGroupResponse(): JoinGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    generationId: -1,
    protocolType: null,
    protocolName: "",
    leader: "",
    skipAssignment: false,
    memberId: "",
    members: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isJoinGroupResponseDefault(value: JoinGroupResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.generationId === -1 &&
    value.protocolType === null &&
    value.protocolName === "" &&
    value.leader === "" &&
    value.skipAssignment === false &&
    value.memberId === "" &&
    value.members.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A JoinGroupResponseMember with every field at its schema default. */
export function defaultJoinGroupResponseMember(): JoinGroupResponseMember {
  return {
    memberId: "",
    groupInstanceId: null,
    metadata: emptyBytes,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isJoinGroupResponseMemberDefault(value: JoinGroupResponseMember): boolean {
  return value.memberId === "" &&
    value.groupInstanceId === null &&
    value.metadata.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
