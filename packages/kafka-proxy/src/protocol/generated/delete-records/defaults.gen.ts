// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { DeleteRecordsRequest, DeleteRecordsTopic, DeleteRecordsPartition, DeleteRecordsResponse, DeleteRecordsTopicResult, DeleteRecordsPartitionResult } from "./types.gen.js";

/** A DeleteRecordsRequest with every field at its schema default. */
export function defaultDeleteRecordsRequest(): DeleteRecordsRequest {
  return {
    topics: [],
    timeoutMs: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteRecordsRequestDefault(value: DeleteRecordsRequest): boolean {
  return value.topics.length === 0 &&
    value.timeoutMs === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeleteRecordsTopic with every field at its schema default. */
export function defaultDeleteRecordsTopic(): DeleteRecordsTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteRecordsTopicDefault(value: DeleteRecordsTopic): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeleteRecordsPartition with every field at its schema default. */
export function defaultDeleteRecordsPartition(): DeleteRecordsPartition {
  return {
    partitionIndex: 0,
    offset: 0n,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteRecordsPartitionDefault(value: DeleteRecordsPartition): boolean {
  return value.partitionIndex === 0 &&
    value.offset === 0n &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeleteRecordsResponse with every field at its schema default. */
export function defaultDeleteRecordsResponse(): DeleteRecordsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteRecordsResponseDefault(value: DeleteRecordsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeleteRecordsTopicResult with every field at its schema default. */
export function defaultDeleteRecordsTopicResult(): DeleteRecordsTopicResult {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteRecordsTopicResultDefault(value: DeleteRecordsTopicResult): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeleteRecordsPartitionResult with every field at its schema default. */
export function defaultDeleteRecordsPartitionResult(): DeleteRecordsPartitionResult {
  return {
    partitionIndex: 0,
    lowWatermark: 0n,
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteRecordsPartitionResultDefault(value: DeleteRecordsPartitionResult): boolean {
  return value.partitionIndex === 0 &&
    value.lowWatermark === 0n &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
