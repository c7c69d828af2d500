// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { OffsetForLeaderEpochRequest, OffsetForLeaderTopic, OffsetForLeaderPartition, OffsetForLeaderEpochResponse, OffsetForLeaderTopicResult, EpochEndOffset } from "./types.gen.js";

/** A OffsetForLeaderEpochRequest with every field at its schema default. */
export function defaultOffsetForLeaderEpochRequest(): OffsetForLeaderEpochRequest {
  return {
    replicaId: -2,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetForLeaderEpochRequestDefault(value: OffsetForLeaderEpochRequest): boolean {
  return value.replicaId === -2 &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetForLeaderTopic with every field at its schema default. */
export function defaultOffsetForLeaderTopic(): OffsetForLeaderTopic {
  return {
    topic: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetForLeaderTopicDefault(value: OffsetForLeaderTopic): boolean {
  return value.topic === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetForLeaderPartition with every field at its schema default. */
export function defaultOffsetForLeaderPartition(): OffsetForLeaderPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    leaderEpoch: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetForLeaderPartitionDefault(value: OffsetForLeaderPartition): boolean {
  return value.partition === 0 &&
    value.currentLeaderEpoch === -1 &&
    value.leaderEpoch === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetForLeaderEpochResponse with every field at its schema default. */
export function defaultOffsetForLeaderEpochResponse(): OffsetForLeaderEpochResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetForLeaderEpochResponseDefault(value: OffsetForLeaderEpochResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A OffsetForLeaderTopicResult with every field at its schema default. */
export function defaultOffsetForLeaderTopicResult(): OffsetForLeaderTopicResult {
  return {
    topic: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isOffsetForLeaderTopicResultDefault(value: OffsetForLeaderTopicResult): boolean {
  return value.topic === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A EpochEndOffset with every field at its schema default. */
export function defaultEpochEndOffset(): EpochEndOffset {
  return {
    errorCode: 0,
    partition: 0,
    leaderEpoch: -1,
    endOffset: -1n,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isEpochEndOffsetDefault(value: EpochEndOffset): boolean {
  return value.errorCode === 0 &&
    value.partition === 0 &&
    value.leaderEpoch === -1 &&
    value.endOffset === -1n &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
