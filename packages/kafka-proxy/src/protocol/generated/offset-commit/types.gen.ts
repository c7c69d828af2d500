// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** OffsetCommitRequest, all versions. */
export interface OffsetCommitRequest {
  /** The unique group identifier. Versions 0+. */
  readonly groupId: string;
  /** The generation of the group if using the classic group protocol or the member epoch if using the consumer protocol. Versions 1+. */
  readonly generationIdOrMemberEpoch: number;
  /** The member ID assigned by the group coordinator. Versions 1+. */
  readonly memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 7+. */
  readonly groupInstanceId: string | null;
  /** The time period in ms to retain the offset. Versions 2-4. */
  readonly retentionTimeMs: bigint;
  /** The topics to commit offsets for. Versions 0+. */
  readonly topics: readonly OffsetCommitRequestTopic[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetCommitRequestTopic in OffsetCommitRequest. */
export interface OffsetCommitRequestTopic {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** Each partition to commit offsets for. Versions 0+. */
  readonly partitions: readonly OffsetCommitRequestPartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetCommitRequestPartition in OffsetCommitRequest. */
export interface OffsetCommitRequestPartition {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The message offset to be committed. Versions 0+. */
  readonly committedOffset: bigint;
  /** The leader epoch of this partition. Versions 6+. */
  readonly committedLeaderEpoch: number;
  /** The timestamp of the commit. Versions 1. */
  readonly commitTimestamp: bigint;
  /** Any associated metadata the client wants to keep. Versions 0+. */
  readonly committedMetadata: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetCommitResponse, all versions. */
export interface OffsetCommitResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 3+. */
  readonly throttleTimeMs: number;
  /** The responses for each topic. Versions 0+. */
  readonly topics: readonly OffsetCommitResponseTopic[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetCommitResponseTopic in OffsetCommitResponse. */
export interface OffsetCommitResponseTopic {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The responses for each partition in the topic. Versions 0+. */
  readonly partitions: readonly OffsetCommitResponsePartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetCommitResponsePartition in OffsetCommitResponse. */
export interface OffsetCommitResponsePartition {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
