// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** DeleteRecordsRequest, all versions. */
export interface DeleteRecordsRequest {
  /** Each topic that we want to delete records from. Versions 0+. */
  readonly topics: readonly DeleteRecordsTopic[];
  /** How long to wait for the deletion to complete, in milliseconds. Versions 0+. */
  readonly timeoutMs: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeleteRecordsTopic in DeleteRecordsRequest. */
export interface DeleteRecordsTopic {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** Each partition that we want to delete records from. Versions 0+. */
  readonly partitions: readonly DeleteRecordsPartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeleteRecordsPartition in DeleteRecordsRequest. */
export interface DeleteRecordsPartition {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The deletion offset. Versions 0+. */
  readonly offset: bigint;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeleteRecordsResponse, all versions. */
export interface DeleteRecordsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** Each topic that we wanted to delete records from. Versions 0+. */
  readonly topics: readonly DeleteRecordsTopicResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeleteRecordsTopicResult in DeleteRecordsResponse. */
export interface DeleteRecordsTopicResult {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** Each partition that we wanted to delete records from. Versions 0+. */
  readonly partitions: readonly DeleteRecordsPartitionResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeleteRecordsPartitionResult in DeleteRecordsResponse. */
export interface DeleteRecordsPartitionResult {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The partition low water mark. Versions 0+. */
  readonly lowWatermark: bigint;
  /** The deletion error code, or 0 if the deletion succeeded. Versions 0+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
