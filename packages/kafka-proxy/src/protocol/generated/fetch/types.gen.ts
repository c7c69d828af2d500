// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** FetchRequest, all versions. */
export interface FetchRequest {
  /** The clusterId if known. This is used to validate metadata fetches prior to broker registration. Versions 12+, tag 0. */
  readonly clusterId: string | null;
  /** The broker ID of the follower, of -1 if this request is from a consumer. Versions 0-14. */
  readonly replicaId: number;
  /**  Versions 15+, tag 1. */
  readonly replicaState: ReplicaState;
  /** The maximum time in milliseconds to wait for the response. Versions 0+. */
  readonly maxWaitMs: number;
  /** The minimum bytes to accumulate in the response. Versions 0+. */
  readonly minBytes: number;
  /** The maximum bytes to fetch.  See KIP-74 for cases where this limit may not be honored. Versions 3+. */
  readonly maxBytes: number;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records Versions 4+. */
  readonly isolationLevel: number;
  /** The fetch session ID. Versions 7+. */
  readonly sessionId: number;
  /** The fetch session epoch, which is used for ordering requests in a session. Versions 7+. */
  readonly sessionEpoch: number;
  /** The topics to fetch. Versions 0+. */
  readonly topics: readonly FetchTopic[];
  /** In an incremental fetch request, the partitions to remove. Versions 7+. */
  readonly forgottenTopicsData: readonly ForgottenTopic[];
  /** Rack ID of the consumer making this request Versions 11+. */
  readonly rackId: string;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ReplicaState in FetchRequest. */
export interface ReplicaState {
  /** The replica ID of the follower, or -1 if this request is from a consumer. Versions 15+. */
  readonly replicaId: number;
  /** The epoch of this follower, or -1 if not available. Versions 15+. */
  readonly replicaEpoch: bigint;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** FetchTopic in FetchRequest. */
export interface FetchTopic {
  /** The name of the topic to fetch. Versions 0-12. */
  readonly topic: string;
  /** The unique topic ID Versions 13+. */
  readonly topicId: string;
  /** The partitions to fetch. Versions 0+. */
  readonly partitions: readonly FetchPartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** FetchPartition in FetchRequest. */
export interface FetchPartition {
  /** The partition index. Versions 0+. */
  readonly partition: number;
  /** The current leader epoch of the partition. Versions 9+. */
  readonly currentLeaderEpoch: number;
  /** The message offset. Versions 0+. */
  readonly fetchOffset: bigint;
  /** The epoch of the last fetched record or -1 if there is none Versions 12+. */
  readonly lastFetchedEpoch: number;
  /** The earliest available offset of the follower replica.  The field is only used when the request is sent by the follower. Versions 5+. */
  readonly logStartOffset: bigint;
  /** The maximum bytes to fetch from this partition.  See KIP-74 for cases where this limit may not be honored. Versions 0+. */
  readonly partitionMaxBytes: number;
  /** The directory id of the follower fetching Versions 17+, tag 0. */
  readonly replicaDirectoryId: string;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ForgottenTopic in FetchRequest. */
export interface ForgottenTopic {
  /** The topic name. Versions 7-12. */
  readonly topic: string;
  /** The unique topic ID Versions 13+. */
  readonly topicId: string;
  /** The partitions indexes to forget. Versions 7+. */
  readonly partitions: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** FetchResponse, all versions. */
export interface FetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** The top level response error code. Versions 7+. */
  readonly errorCode: number;
  /** The fetch session ID, or 0 if this is not part of a fetch session. Versions 7+. */
  readonly sessionId: number;
  /** The response topics. Versions 0+. */
  readonly responses: readonly FetchableTopicResponse[];
  /** Endpoints for all current-leaders enumerated in PartitionData, with errors NOT_LEADER_OR_FOLLOWER & FENCED_LEADER_EPOCH. Versions 16+, tag 0. */
  readonly nodeEndpoints: readonly NodeEndpoint[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** FetchableTopicResponse in FetchResponse. */
export interface FetchableTopicResponse {
  /** The topic name. Versions 0-12. */
  readonly topic: string;
  /** The unique topic ID Versions 13+. */
  readonly topicId: string;
  /** The topic partitions. Versions 0+. */
  readonly partitions: readonly PartitionData[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** PartitionData in FetchResponse. */
export interface PartitionData {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The error code, or 0 if there was no fetch error. Versions 0+. */
  readonly errorCode: number;
  /** The current high water mark. Versions 0+. */
  readonly highWatermark: bigint;
  /** The last stable offset (or LSO) of the partition. This is the last offset such that the state of all transactional records prior to this offset have been decided (ABORTED or COMMITTED) Versions 4+. */
  readonly lastStableOffset: bigint;
  /** The current log start offset. Versions 5+. */
  readonly logStartOffset: bigint;
  /** In case divergence is detected based on the `LastFetchedEpoch` and `FetchOffset` in the request, this field indicates the largest epoch and its end offset such that subsequent records are known to diverge Versions 12+, tag 0. */
  readonly divergingEpoch: EpochEndOffset;
  /**  Versions 12+, tag 1. */
  readonly currentLeader: LeaderIdAndEpoch;
  /** In the case of fetching an offset less than the LogStartOffset, this is the end offset and epoch that should be used in the FetchSnapshot request. Versions 12+, tag 2. */
  readonly snapshotId: SnapshotId;
  /** The aborted transactions. Versions 4+. */
  readonly abortedTransactions: readonly AbortedTransaction[] | null;
  /** The preferred read replica for the consumer to use on its next fetch request Versions 11+. */
  readonly preferredReadReplica: number;
  /** The record data. Versions 0+. */
  readonly records: Uint8Array | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** EpochEndOffset in FetchResponse. */
export interface EpochEndOffset {
  /**  Versions 12+. */
  readonly epoch: number;
  /**  Versions 12+. */
  readonly endOffset: bigint;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** LeaderIdAndEpoch in FetchResponse. */
export interface LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 12+. */
  readonly leaderId: number;
  /** The latest known leader epoch Versions 12+. */
  readonly leaderEpoch: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** SnapshotId in FetchResponse. */
export interface SnapshotId {
  /**  Versions 0+. */
  readonly endOffset: bigint;
  /**  Versions 0+. */
  readonly epoch: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AbortedTransaction in FetchResponse. */
export interface AbortedTransaction {
  /** The producer id associated with the aborted transaction. Versions 4+. */
  readonly producerId: bigint;
  /** The first offset in the aborted transaction. Versions 4+. */
  readonly firstOffset: bigint;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** NodeEndpoint in FetchResponse. */
export interface NodeEndpoint {
  /** The ID of the associated node. Versions 16+. */
  readonly nodeId: number;
  /** The node's hostname. Versions 16+. */
  readonly host: string;
  /** The node's port. Versions 16+. */
  readonly port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. Versions 16+. */
  readonly rack: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
