// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatRequestTopicPartitions, ConsumerGroupHeartbeatResponse, ConsumerGroupHeartbeatResponseTopicPartitions, Assignment } from "./types.gen.js";

/** A ConsumerGroupHeartbeatRequest with every field at its schema default. */
export function defaultConsumerGroupHeartbeatRequest(): ConsumerGroupHeartbeatRequest {
  return {
    groupId: "",
    memberId: "",
    memberEpoch: 0,
    instanceId: null,
    rackId: null,
    rebalanceTimeoutMs: -1,
    subscribedTopicNames: null,
    subscribedTopicRegex: null,
    serverAssignor: null,
    topicPartitions: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isConsumerGroupHeartbeatRequestDefault(value: ConsumerGroupHeartbeatRequest): boolean {
  return value.groupId === "" &&
    value.memberId === "" &&
    value.memberEpoch === 0 &&
    value.instanceId === null &&
    value.rackId === null &&
    value.rebalanceTimeoutMs === -1 &&
    value.subscribedTopicNames === null &&
    value.subscribedTopicRegex === null &&
    value.serverAssignor === null &&
    value.topicPartitions === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ConsumerGroupHeartbeatRequestTopicPartitions with every field at its schema default. */
export function defaultConsumerGroupHeartbeatRequestTopicPartitions(): ConsumerGroupHeartbeatRequestTopicPartitions {
  return {
    topicId: zeroUuid,
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isConsumerGroupHeartbeatRequestTopicPartitionsDefault(value: ConsumerGroupHeartbeatRequestTopicPartitions): boolean {
  return value.topicId === zeroUuid &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ConsumerGroupHeartbeatResponse with every field at its schema default. */
export function defaultConsumerGroupHeartbeatResponse(): ConsumerGroupHeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    memberId: null,
    memberEpoch: 0,
    heartbeatIntervalMs: 0,
    assignment: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isConsumerGroupHeartbeatResponseDefault(value: ConsumerGroupHeartbeatResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.errorMessage === null &&
    value.memberId === null &&
    value.memberEpoch === 0 &&
    value.heartbeatIntervalMs === 0 &&
    value.assignment === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ConsumerGroupHeartbeatResponseTopicPartitions with every field at its schema default. */
export function defaultConsumerGroupHeartbeatResponseTopicPartitions(): ConsumerGroupHeartbeatResponseTopicPartitions {
  return {
    topicId: zeroUuid,
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isConsumerGroupHeartbeatResponseTopicPartitionsDefault(value: ConsumerGroupHeartbeatResponseTopicPartitions): boolean {
  return value.topicId === zeroUuid &&
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
