// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { TxnOffsetCommitRequest, TxnOffsetCommitRequestTopic, TxnOffsetCommitRequestPartition, TxnOffsetCommitResponse, TxnOffsetCommitResponseTopic, TxnOffsetCommitResponsePartition } from "./types.gen.js";

/** A TxnOffsetCommitRequest with every field at its schema default. */
export function defaultTxnOffsetCommitRequest(): TxnOffsetCommitRequest {
  return {
    transactionalId: "",
    groupId: "",
    producerId: 0n,
    producerEpoch: 0,
    generationId: -1,
    memberId: "",
    groupInstanceId: null,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTxnOffsetCommitRequestDefault(value: TxnOffsetCommitRequest): boolean {
  return value.transactionalId === "" &&
    value.groupId === "" &&
    value.producerId === 0n &&
    value.producerEpoch === 0 &&
    value.generationId === -1 &&
    value.memberId === "" &&
    value.groupInstanceId === null &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TxnOffsetCommitRequestTopic with every field at its schema default. */
export function defaultTxnOffsetCommitRequestTopic(): TxnOffsetCommitRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTxnOffsetCommitRequestTopicDefault(value: TxnOffsetCommitRequestTopic): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TxnOffsetCommitRequestPartition with every field at its schema default. */
export function defaultTxnOffsetCommitRequestPartition(): TxnOffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    committedMetadata: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTxnOffsetCommitRequestPartitionDefault(value: TxnOffsetCommitRequestPartition): boolean {
  return value.partitionIndex === 0 &&
    value.committedOffset === 0n &&
    value.committedLeaderEpoch === -1 &&
    value.committedMetadata === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TxnOffsetCommitResponse with every field at its schema default. */
export function defaultTxnOffsetCommitResponse(): TxnOffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTxnOffsetCommitResponseDefault(value: TxnOffsetCommitResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TxnOffsetCommitResponseTopic with every field at its schema default. */
export function defaultTxnOffsetCommitResponseTopic(): TxnOffsetCommitResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTxnOffsetCommitResponseTopicDefault(value: TxnOffsetCommitResponseTopic): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TxnOffsetCommitResponsePartition with every field at its schema default. */
export function defaultTxnOffsetCommitResponsePartition(): TxnOffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTxnOffsetCommitResponsePartitionDefault(value: TxnOffsetCommitResponsePartition): boolean {
  return value.partitionIndex === 0 &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
