// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { DescribeGroupsRequest, DescribeGroupsResponse, DescribedGroup, DescribedGroupMember } from "./types.gen.js";

/** A DescribeGroupsRequest with every field at its schema default. */
export function defaultDescribeGroupsRequest(): DescribeGroupsRequest {
  return {
    groups: [],
    includeAuthorizedOperations: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeGroupsRequestDefault(value: DescribeGroupsRequest): boolean {
  return value.groups.length === 0 &&
    value.includeAuthorizedOperations === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeGroupsResponse with every field at its schema default. */
export function defaultDescribeGroupsResponse(): DescribeGroupsResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeGroupsResponseDefault(value: DescribeGroupsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.groups.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribedGroup with every field at its schema default. */
export function defaultDescribedGroup(): DescribedGroup {
  return {
    errorCode: 0,
    groupId: "",
    groupState: "",
    protocolType: "",
    protocolData: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribedGroupDefault(value: DescribedGroup): boolean {
  return value.errorCode === 0 &&
    value.groupId === "" &&
    value.groupState === "" &&
    value.protocolType === "" &&
    value.protocolData === "" &&
    value.members.length === 0 &&
    value.authorizedOperations === -2147483648 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribedGroupMember with every field at its schema default. */
export function defaultDescribedGroupMember(): DescribedGroupMember {
  return {
    memberId: "",
    groupInstanceId: null,
    clientId: "",
    clientHost: "",
    memberMetadata: emptyBytes,
    memberAssignment: emptyBytes,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribedGroupMemberDefault(value: DescribedGroupMember): boolean {
  return value.memberId === "" &&
    value.groupInstanceId === null &&
    value.clientId === "" &&
    value.clientHost === "" &&
    value.memberMetadata.length === 0 &&
    value.memberAssignment.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
