// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** ListOffsetsRequest, all versions. */
export interface ListOffsetsRequest {
  /** The broker ID of the requester, or -1 if this request is being made by a normal consumer. Versions 0+. */
  readonly replicaId: number;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records Versions 2+. */
  readonly isolationLevel: number;
  /** Each topic in the request. Versions 0+. */
  readonly topics: readonly ListOffsetsTopic[];
  /** The timeout to await a response in milliseconds for requests that require reading from remote storage for topics enabled with tiered storage. Versions 10+. */
  readonly timeoutMs: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ListOffsetsTopic in ListOffsetsRequest. */
export interface ListOffsetsTopic {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** Each partition in the request. Versions 0+. */
  readonly partitions: readonly ListOffsetsPartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ListOffsetsPartition in ListOffsetsRequest. */
export interface ListOffsetsPartition {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The current leader epoch. Versions 4+. */
  readonly currentLeaderEpoch: number;
  /** The current timestamp. Versions 0+. */
  readonly timestamp: bigint;
  /** The maximum number of offsets to report. Versions 0. */
  readonly maxNumOffsets: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ListOffsetsResponse, all versions. */
export interface ListOffsetsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2+. */
  readonly throttleTimeMs: number;
  /** Each topic in the response. Versions 0+. */
  readonly topics: readonly ListOffsetsTopicResponse[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ListOffsetsTopicResponse in ListOffsetsResponse. */
export interface ListOffsetsTopicResponse {
  /** The topic name Versions 0+. */
  readonly name: string;
  /** Each partition in the response. Versions 0+. */
  readonly partitions: readonly ListOffsetsPartitionResponse[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ListOffsetsPartitionResponse in ListOffsetsResponse. */
export interface ListOffsetsPartitionResponse {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The partition error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The result offsets. Versions 0. */
  readonly oldStyleOffsets: readonly bigint[];
  /** The timestamp associated with the returned offset. Versions 1+. */
  readonly timestamp: bigint;
  /** The returned offset. Versions 1+. */
  readonly offset: bigint;
  /**  Versions 4+. */
  readonly leaderEpoch: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
