// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { ListOffsetsRequest, ListOffsetsTopic, ListOffsetsPartition, ListOffsetsResponse, ListOffsetsTopicResponse, ListOffsetsPartitionResponse } from "./types.gen.js";

/** A ListOffsetsRequest with every field at its schema default. */
export function defaultListOffsetsRequest(): ListOffsetsRequest {
  return {
    replicaId: 0,
    isolationLevel: 0,
    topics: [],
    timeoutMs: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListOffsetsRequestDefault(value: ListOffsetsRequest): boolean {
  return value.replicaId === 0 &&
    value.isolationLevel === 0 &&
    value.topics.length === 0 &&
    value.timeoutMs === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ListOffsetsTopic with every field at its schema default. */
export function defaultListOffsetsTopic(): ListOffsetsTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListOffsetsTopicDefault(value: ListOffsetsTopic): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ListOffsetsPartition with every field at its schema default. */
export function defaultListOffsetsPartition(): ListOffsetsPartition {
  return {
    partitionIndex: 0,
    currentLeaderEpoch: -1,
    timestamp: 0n,
    maxNumOffsets: 1,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListOffsetsPartitionDefault(value: ListOffsetsPartition): boolean {
  return value.partitionIndex === 0 &&
    value.currentLeaderEpoch === -1 &&
    value.timestamp === 0n &&
    value.maxNumOffsets === 1 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ListOffsetsResponse with every field at its schema default. */
export function defaultListOffsetsResponse(): ListOffsetsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListOffsetsResponseDefault(value: ListOffsetsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ListOffsetsTopicResponse with every field at its schema default. */
export function defaultListOffsetsTopicResponse(): ListOffsetsTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListOffsetsTopicResponseDefault(value: ListOffsetsTopicResponse): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ListOffsetsPartitionResponse with every field at its schema default. */
export function defaultListOffsetsPartitionResponse(): ListOffsetsPartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    oldStyleOffsets: [],
    timestamp: -1n,
    offset: -1n,
    leaderEpoch: -1,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListOffsetsPartitionResponseDefault(value: ListOffsetsPartitionResponse): boolean {
  return value.partitionIndex === 0 &&
    value.errorCode === 0 &&
    value.oldStyleOffsets.length === 0 &&
    value.timestamp === -1n &&
    value.offset === -1n &&
    value.leaderEpoch === -1 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
