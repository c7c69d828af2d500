// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { OffsetFetchRequest, OffsetFetchRequestTopic, OffsetFetchRequestGroup, OffsetFetchRequestTopics, OffsetFetchResponse, OffsetFetchResponseTopic, OffsetFetchResponsePartition, OffsetFetchResponseGroup, OffsetFetchResponseTopics, OffsetFetchResponsePartitions } from "./types.gen.js";

/** A OffsetFetchRequest with every field at its schema default. */
export function defaultOffsetFetchRequest(): OffsetFetchRequest {
  return {
    groupId: "",
    topics: [],
    groups: [],
    requireStable: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchRequestDefault(value: OffsetFetchRequest): boolean {
  return value.groupId === "" &&
    (value.topics !== null && value.topics.length === 0) &&
    value.groups.length === 0 &&
    value.requireStable === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchRequestTopic with every field at its schema default. */
export function defaultOffsetFetchRequestTopic(): OffsetFetchRequestTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchRequestTopicDefault(value: OffsetFetchRequestTopic): boolean {
  return value.name === "" &&
    value.partitionIndexes.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchRequestGroup with every field at its schema default. */
export function defaultOffsetFetchRequestGroup(): OffsetFetchRequestGroup {
  return {
    groupId: "",
    memberId: null,
    memberEpoch: -1,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchRequestGroupDefault(value: OffsetFetchRequestGroup): boolean {
  return value.groupId === "" &&
    value.memberId === null &&
    value.memberEpoch === -1 &&
    (value.topics !== null && value.topics.length === 0) &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchRequestTopics with every field at its schema default. */
export function defaultOffsetFetchRequestTopics(): OffsetFetchRequestTopics {
  return {
    name: "",
    partitionIndexes: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchRequestTopicsDefault(value: OffsetFetchRequestTopics): boolean {
  return value.name === "" &&
    value.partitionIndexes.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchResponse with every field at its schema default. */
export function defaultOffsetFetchResponse(): OffsetFetchResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    errorCode: 0,
    groups: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchResponseDefault(value: OffsetFetchResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.topics.length === 0 &&
    value.errorCode === 0 &&
    value.groups.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchResponseTopic with every field at its schema default. */
export function defaultOffsetFetchResponseTopic(): OffsetFetchResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchResponseTopicDefault(value: OffsetFetchResponseTopic): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchResponsePartition with every field at its schema default. */
export function defaultOffsetFetchResponsePartition(): OffsetFetchResponsePartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchResponsePartitionDefault(value: OffsetFetchResponsePartition): boolean {
  return value.partitionIndex === 0 &&
    value.committedOffset === 0n &&
    value.committedLeaderEpoch === -1 &&
    value.metadata === "" &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchResponseGroup with every field at its schema default. */
export function defaultOffsetFetchResponseGroup(): OffsetFetchResponseGroup {
  return {
    groupId: "",
    topics: [],
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchResponseGroupDefault(value: OffsetFetchResponseGroup): boolean {
  return value.groupId === "" &&
    value.topics.length === 0 &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchResponseTopics with every field at its schema default. */
export function defaultOffsetFetchResponseTopics(): OffsetFetchResponseTopics {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchResponseTopicsDefault(value: OffsetFetchResponseTopics): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetFetchResponsePartitions with every field at its schema default. */
export function defaultOffsetFetchResponsePartitions(): OffsetFetchResponsePartitions {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetFetchResponsePartitionsDefault(value: OffsetFetchResponsePartitions): boolean {
  return value.partitionIndex === 0 &&
    value.committedOffset === 0n &&
    value.committedLeaderEpoch === -1 &&
    value.metadata === "" &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
