// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** OffsetForLeaderEpochRequest, all versions. */
export interface OffsetForLeaderEpochRequest {
  /** The broker ID of the follower, of -1 if this request is from a consumer. Versions 3+. */
  readonly replicaId: number;
  /** Each topic to get offsets for. Versions 0+. */
  readonly topics: readonly OffsetForLeaderTopic[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetForLeaderTopic in OffsetForLeaderEpochRequest. */
export interface OffsetForLeaderTopic {
  /** The topic name. Versions 0+. */
  readonly topic: string;
  /** Each partition to get offsets for. Versions 0+. */
  readonly partitions: readonly OffsetForLeaderPartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetForLeaderPartition in OffsetForLeaderEpochRequest. */
export interface OffsetForLeaderPartition {
  /** The partition index. Versions 0+. */
  readonly partition: number;
  /** An epoch used to fence consumers/replicas with old metadata. If the epoch provided by the client is larger than the current epoch known to the broker, then the UNKNOWN_LEADER_EPOCH error code will be returned. If the provided epoch is smaller, then the FENCED_LEADER_EPOCH error code will be returned. Versions 2+. */
  readonly currentLeaderEpoch: number;
  /** The epoch to look up an offset for. Versions 0+. */
  readonly leaderEpoch: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetForLeaderEpochResponse, all versions. */
export interface OffsetForLeaderEpochResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2+. */
  readonly throttleTimeMs: number;
  /** Each topic we fetched offsets for. Versions 0+. */
  readonly topics: readonly OffsetForLeaderTopicResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetForLeaderTopicResult in OffsetForLeaderEpochResponse. */
export interface OffsetForLeaderTopicResult {
  /** The topic name. Versions 0+. */
  readonly topic: string;
  /** Each partition in the topic we fetched offsets for. Versions 0+. */
  readonly partitions: readonly EpochEndOffset[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** EpochEndOffset in OffsetForLeaderEpochResponse. */
export interface EpochEndOffset {
  /** The error code 0, or if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The partition index. Versions 0+. */
  readonly partition: number;
  /** The leader epoch of the partition. Versions 1+. */
  readonly leaderEpoch: number;
  /** The end offset of the epoch. Versions 0+. */
  readonly endOffset: bigint;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
