// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse, TopicPartitions, Assignment, DescribedGroup, Member } from "./types.gen.js";

/** A ConsumerGroupDescribeRequest with every field at its schema default. */
export function defaultConsumerGroupDescribeRequest(): ConsumerGroupDescribeRequest {
  return {
    groupIds: [],
    includeAuthorizedOperations: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isConsumerGroupDescribeRequestDefault(value: ConsumerGroupDescribeRequest): boolean {
  return value.groupIds.length === 0 &&
    value.includeAuthorizedOperations === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ConsumerGroupDescribeResponse with every field at its schema default. */
export function defaultConsumerGroupDescribeResponse(): ConsumerGroupDescribeResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isConsumerGroupDescribeResponseDefault(value: ConsumerGroupDescribeResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.groups.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TopicPartitions with every field at its schema default. */
export function defaultTopicPartitions(): TopicPartitions {
  return {
    topicId: zeroUuid,
    topicName: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTopicPartitionsDefault(value: TopicPartitions): boolean {
  return value.topicId === zeroUuid &&
    value.topicName === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A Assignment with every field at its schema default. */
export function defaultAssignment(): Assignment {
  return {
    topicPartitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAssignmentDefault(value: Assignment): boolean {
  return value.topicPartitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribedGroup with every field at its schema default. */
export function defaultDescribedGroup(): DescribedGroup {
  return {
    errorCode: 0,
    errorMessage: null,
    groupId: "",
    groupState: "",
    groupEpoch: 0,
    assignmentEpoch: 0,
    assignorName: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribedGroupDefault(value: DescribedGroup): boolean {
  return value.errorCode === 0 &&
    value.errorMessage === null &&
    value.groupId === "" &&
    value.groupState === "" &&
    value.groupEpoch === 0 &&
    value.assignmentEpoch === 0 &&
    value.assignorName === "" &&
    value.members.length === 0 &&
    value.authorizedOperations === -2147483648 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A Member with every field at its schema default. */
export function defaultMember(): Member {
  return {
    memberId: "",
    instanceId: null,
    rackId: null,
    memberEpoch: 0,
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    subscribedTopicRegex: null,
    assignment: defaultAssignment(),
    targetAssignment: defaultAssignment(),
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMemberDefault(value: Member): boolean {
  return value.memberId === "" &&
    value.instanceId === null &&
    value.rackId === null &&
    value.memberEpoch === 0 &&
    value.clientId === "" &&
    value.clientHost === "" &&
    value.subscribedTopicNames.length === 0 &&
    value.subscribedTopicRegex === null &&
    isAssignmentDefault(value.assignment) &&
    isAssignmentDefault(value.targetAssignment) &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
