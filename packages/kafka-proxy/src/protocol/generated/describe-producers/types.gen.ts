// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** DescribeProducersRequest, all versions. */
export interface DescribeProducersRequest {
  /**  Versions 0+. */
  readonly topics: readonly TopicRequest[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TopicRequest in DescribeProducersRequest. */
export interface TopicRequest {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The indexes of the partitions to list producers for. Versions 0+. */
  readonly partitionIndexes: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeProducersResponse, all versions. */
export interface DescribeProducersResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** Each topic in the response. Versions 0+. */
  readonly topics: readonly TopicResponse[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TopicResponse in DescribeProducersResponse. */
export interface TopicResponse {
  /** The topic name Versions 0+. */
  readonly name: string;
  /** Each partition in the response. Versions 0+. */
  readonly partitions: readonly PartitionResponse[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** PartitionResponse in DescribeProducersResponse. */
export interface PartitionResponse {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The partition error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The partition error message, which may be null if no additional details are available Versions 0+. */
  readonly errorMessage: string | null;
  /**  Versions 0+. */
  readonly activeProducers: readonly ProducerState[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ProducerState in DescribeProducersResponse. */
export interface ProducerState {
  /**  Versions 0+. */
  readonly producerId: bigint;
  /**  Versions 0+. */
  readonly producerEpoch: number;
  /**  Versions 0+. */
  readonly lastSequence: number;
  /**  Versions 0+. */
  readonly lastTimestamp: bigint;
  /**  Versions 0+. */
  readonly coordinatorEpoch: number;
  /**  Versions 0+. */
  readonly currentTxnStartOffset: bigint;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
