// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** OffsetFetchRequest, all versions. */
export interface OffsetFetchRequest {
  /** The group to fetch offsets for. Versions 0-7. */
  readonly groupId: string;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. Versions 0-7. */
  readonly topics: readonly OffsetFetchRequestTopic[] | null;
  /** Each group we would like to fetch offsets for Versions 8+. */
  readonly groups: readonly OffsetFetchRequestGroup[];
  /** Whether broker should hold on returning unstable offsets but set a retriable error code for the partitions. Versions 7+. */
  readonly requireStable: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchRequestTopic in OffsetFetchRequest. */
export interface OffsetFetchRequestTopic {
  /** The topic name. Versions 0-7. */
  readonly name: string;
  /** The partition indexes we would like to fetch offsets for. Versions 0-7. */
  readonly partitionIndexes: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchRequestGroup in OffsetFetchRequest. */
export interface OffsetFetchRequestGroup {
  /** The group ID. Versions 8+. */
  readonly groupId: string;
  /** The member ID assigned by the group coordinator if using the new consumer protocol (KIP-848). Versions 9+. */
  readonly memberId: string | null;
  /** The member epoch if using the new consumer protocol (KIP-848). Versions 9+. */
  readonly memberEpoch: number;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. Versions 8+. */
  readonly topics: readonly OffsetFetchRequestTopics[] | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchRequestTopics in OffsetFetchRequest. */
export interface OffsetFetchRequestTopics {
  /** The topic name. Versions 8+. */
  readonly name: string;
  /** The partition indexes we would like to fetch offsets for. Versions 8+. */
  readonly partitionIndexes: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchResponse, all versions. */
export interface OffsetFetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 3+. */
  readonly throttleTimeMs: number;
  /** The responses per topic. Versions 0-7. */
  readonly topics: readonly OffsetFetchResponseTopic[];
  /** The top-level error code, or 0 if there was no error. Versions 2-7. */
  readonly errorCode: number;
  /** The responses per group id. Versions 8+. */
  readonly groups: readonly OffsetFetchResponseGroup[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchResponseTopic in OffsetFetchResponse. */
export interface OffsetFetchResponseTopic {
  /** The topic name. Versions 0-7. */
  readonly name: string;
  /** The responses per partition Versions 0-7. */
  readonly partitions: readonly OffsetFetchResponsePartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchResponsePartition in OffsetFetchResponse. */
export interface OffsetFetchResponsePartition {
  /** The partition index. Versions 0-7. */
  readonly partitionIndex: number;
  /** The committed message offset. Versions 0-7. */
  readonly committedOffset: bigint;
  /** The leader epoch. Versions 5-7. */
  readonly committedLeaderEpoch: number;
  /** The partition metadata. Versions 0-7. */
  readonly metadata: string | null;
  /** The error code, or 0 if there was no error. Versions 0-7. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchResponseGroup in OffsetFetchResponse. */
export interface OffsetFetchResponseGroup {
  /** The group ID. Versions 8+. */
  readonly groupId: string;
  /** The responses per topic. Versions 8+. */
  readonly topics: readonly OffsetFetchResponseTopics[];
  /** The group-level error code, or 0 if there was no error. Versions 8+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchResponseTopics in OffsetFetchResponse. */
export interface OffsetFetchResponseTopics {
  /** The topic name. Versions 8+. */
  readonly name: string;
  /** The responses per partition Versions 8+. */
  readonly partitions: readonly OffsetFetchResponsePartitions[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** OffsetFetchResponsePartitions in OffsetFetchResponse. */
export interface OffsetFetchResponsePartitions {
  /** The partition index. Versions 8+. */
  readonly partitionIndex: number;
  /** The committed message offset. Versions 8+. */
  readonly committedOffset: bigint;
  /** The leader epoch. Versions 8+. */
  readonly committedLeaderEpoch: number;
  /** The partition metadata. Versions 8+. */
  readonly metadata: string | null;
  /** The partition-level error code, or 0 if there was no error. Versions 8+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
