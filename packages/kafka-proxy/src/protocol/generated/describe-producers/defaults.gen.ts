// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { DescribeProducersRequest, TopicRequest, DescribeProducersResponse, TopicResponse, PartitionResponse, ProducerState } from "./types.gen.js";

/** A DescribeProducersRequest with every field at its schema default. */
export function defaultDescribeProducersRequest(): DescribeProducersRequest {
  return {
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeProducersRequestDefault(value: DescribeProducersRequest): boolean {
  return value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TopicRequest with every field at its schema default. */
export function defaultTopicRequest(): TopicRequest {
  return {
    name: "",
    partitionIndexes: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTopicRequestDefault(value: TopicRequest): boolean {
  return value.name === "" &&
    value.partitionIndexes.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeProducersResponse with every field at its schema default. */
export function defaultDescribeProducersResponse(): DescribeProducersResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeProducersResponseDefault(value: DescribeProducersResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TopicResponse with every field at its schema default. */
export function defaultTopicResponse(): TopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTopicResponseDefault(value: TopicResponse): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A PartitionResponse with every field at its schema default. */
export function defaultPartitionResponse(): PartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    activeProducers: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isPartitionResponseDefault(value: PartitionResponse): boolean {
  return value.partitionIndex === 0 &&
    value.errorCode === 0 &&
    value.errorMessage === null &&
    value.activeProducers.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ProducerState with every field at its schema default. */
export function defaultProducerState(): ProducerState {
  return {
    producerId: 0n,
    producerEpoch: 0,
    lastSequence: -1,
    lastTimestamp: -1n,
    coordinatorEpoch: 0,
    currentTxnStartOffset: -1n,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isProducerStateDefault(value: ProducerState): boolean {
  return value.producerId === 0n &&
    value.producerEpoch === 0 &&
    value.lastSequence === -1 &&
    value.lastTimestamp === -1n &&
    value.coordinatorEpoch === 0 &&
    value.currentTxnStartOffset === -1n &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
