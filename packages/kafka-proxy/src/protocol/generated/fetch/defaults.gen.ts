// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { FetchRequest, ReplicaState, FetchTopic, FetchPartition, ForgottenTopic, FetchResponse, FetchableTopicResponse, PartitionData, EpochEndOffset, LeaderIdAndEpoch, SnapshotId, AbortedTransaction, NodeEndpoint } from "./types.gen.js";

/** A FetchRequest with every field at its schema default. */
export function defaultFetchRequest(): FetchRequest {
  return {
    clusterId: null,
    replicaId: -1,
    replicaState: defaultReplicaState(),
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 2147483647,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [],
    forgottenTopicsData: [],
    rackId: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isFetchRequestDefault(value: FetchRequest): boolean {
  return value.clusterId === null &&
    value.replicaId === -1 &&
    isReplicaStateDefault(value.replicaState) &&
    value.maxWaitMs === 0 &&
    value.minBytes === 0 &&
    value.maxBytes === 2147483647 &&
    value.isolationLevel === 0 &&
    value.sessionId === 0 &&
    value.sessionEpoch === -1 &&
    value.topics.length === 0 &&
    value.forgottenTopicsData.length === 0 &&
    value.rackId === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ReplicaState with every field at its schema default. */
export function defaultReplicaState(): ReplicaState {
  return {
    replicaId: -1,
    replicaEpoch: -1n,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isReplicaStateDefault(value: ReplicaState): boolean {
  return value.replicaId === -1 &&
    value.replicaEpoch === -1n &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A FetchTopic with every field at its schema default. */
export function defaultFetchTopic(): FetchTopic {
  return {
    topic: "",
    topicId: zeroUuid,
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isFetchTopicDefault(value: FetchTopic): boolean {
  return value.topic === "" &&
    value.topicId === zeroUuid &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A FetchPartition with every field at its schema default. */
export function defaultFetchPartition(): FetchPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    fetchOffset: 0n,
    lastFetchedEpoch: -1,
    logStartOffset: -1n,
    partitionMaxBytes: 0,
    replicaDirectoryId: zeroUuid,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isFetchPartitionDefault(value: FetchPartition): boolean {
  return value.partition === 0 &&
    value.currentLeaderEpoch === -1 &&
    value.fetchOffset === 0n &&
    value.lastFetchedEpoch === -1 &&
    value.logStartOffset === -1n &&
    value.partitionMaxBytes === 0 &&
    value.replicaDirectoryId === zeroUuid &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ForgottenTopic with every field at its schema default. */
export function defaultForgottenTopic(): ForgottenTopic {
  return {
    topic: "",
    topicId: zeroUuid,
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isForgottenTopicDefault(value: ForgottenTopic): boolean {
  return value.topic === "" &&
    value.topicId === zeroUuid &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A FetchResponse with every field at its schema default. */
export function defaultFetchResponse(): FetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [],
    nodeEndpoints: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isFetchResponseDefault(value: FetchResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.sessionId === 0 &&
    value.responses.length === 0 &&
    value.nodeEndpoints.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A FetchableTopicResponse with every field at its schema default. */
export function defaultFetchableTopicResponse(): FetchableTopicResponse {
  return {
    topic: "",
    topicId: zeroUuid,
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isFetchableTopicResponseDefault(value: FetchableTopicResponse): boolean {
  return value.topic === "" &&
    value.topicId === zeroUuid &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A PartitionData with every field at its schema default. */
export function defaultPartitionData(): PartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    highWatermark: 0n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    divergingEpoch: defaultEpochEndOffset(),
    currentLeader: defaultLeaderIdAndEpoch(),
    snapshotId: defaultSnapshotId(),
    abortedTransactions: [],
    preferredReadReplica: -1,
    records: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isPartitionDataDefault(value: PartitionData): boolean {
  return value.partitionIndex === 0 &&
    value.errorCode === 0 &&
    value.highWatermark === 0n &&
    value.lastStableOffset === -1n &&
    value.logStartOffset === -1n &&
    isEpochEndOffsetDefault(value.divergingEpoch) &&
    isLeaderIdAndEpochDefault(value.currentLeader) &&
    isSnapshotIdDefault(value.snapshotId) &&
    (value.abortedTransactions !== null && value.abortedTransactions.length === 0) &&
    value.preferredReadReplica === -1 &&
    value.records === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A EpochEndOffset with every field at its schema default. */
export function defaultEpochEndOffset(): EpochEndOffset {
  return {
    epoch: -1,
    endOffset: -1n,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isEpochEndOffsetDefault(value: EpochEndOffset): boolean {
  return value.epoch === -1 &&
    value.endOffset === -1n &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A LeaderIdAndEpoch with every field at its schema default. */
export function defaultLeaderIdAndEpoch(): LeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isLeaderIdAndEpochDefault(value: LeaderIdAndEpoch): boolean {
  return value.leaderId === -1 &&
    value.leaderEpoch === -1 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A SnapshotId with every field at its schema default. */
export function defaultSnapshotId(): SnapshotId {
  return {
    endOffset: -1n,
    epoch: -1,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSnapshotIdDefault(value: SnapshotId): boolean {
  return value.endOffset === -1n &&
    value.epoch === -1 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AbortedTransaction with every field at its schema default. */
export function defaultAbortedTransaction(): AbortedTransaction {
  return {
    producerId: 0n,
    firstOffset: 0n,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAbortedTransactionDefault(value: AbortedTransaction): boolean {
  return value.producerId === 0n &&
    value.firstOffset === 0n &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A NodeEndpoint with every field at its schema default. */
export function defaultNodeEndpoint(): NodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isNodeEndpointDefault(value: NodeEndpoint): boolean {
  return value.nodeId === 0 &&
    value.host === "" &&
    value.port === 0 &&
    value.rack === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
