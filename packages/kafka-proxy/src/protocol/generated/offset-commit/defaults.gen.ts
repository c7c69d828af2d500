// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { OffsetCommitRequest, OffsetCommitRequestTopic, OffsetCommitRequestPartition, OffsetCommitResponse, OffsetCommitResponseTopic, OffsetCommitResponsePartition } from "./types.gen.js";

/** A OffsetCommitRequest with every field at its schema default. */
export function defaultOffsetCommitRequest(): OffsetCommitRequest {
  return {
    groupId: "",
    generationIdOrMemberEpoch: -1,
    memberId: "",
    groupInstanceId: null,
    retentionTimeMs: -1n,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetCommitRequestDefault(value: OffsetCommitRequest): boolean {
  return value.groupId === "" &&
    value.generationIdOrMemberEpoch === -1 &&
    value.memberId === "" &&
    value.groupInstanceId === null &&
    value.retentionTimeMs === -1n &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetCommitRequestTopic with every field at its schema default. */
export function defaultOffsetCommitRequestTopic(): OffsetCommitRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetCommitRequestTopicDefault(value: OffsetCommitRequestTopic): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetCommitRequestPartition with every field at its schema default. */
export function defaultOffsetCommitRequestPartition(): OffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    commitTimestamp: -1n,
    committedMetadata: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetCommitRequestPartitionDefault(value: OffsetCommitRequestPartition): boolean {
  return value.partitionIndex === 0 &&
    value.committedOffset === 0n &&
    value.committedLeaderEpoch === -1 &&
    value.commitTimestamp === -1n &&
    value.committedMetadata === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetCommitResponse with every field at its schema default. */
export function defaultOffsetCommitResponse(): OffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetCommitResponseDefault(value: OffsetCommitResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetCommitResponseTopic with every field at its schema default. */
export function defaultOffsetCommitResponseTopic(): OffsetCommitResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetCommitResponseTopicDefault(value: OffsetCommitResponseTopic): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetCommitResponsePartition with every field at its schema default. */
export function defaultOffsetCommitResponsePartition(): OffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetCommitResponsePartitionDefault(value: OffsetCommitResponsePartition): boolean {
  return value.partitionIndex === 0 &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
