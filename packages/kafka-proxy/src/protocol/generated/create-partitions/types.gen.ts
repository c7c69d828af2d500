// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** CreatePartitionsRequest, all versions. */
export interface CreatePartitionsRequest {
  /** Each topic that we want to create new partitions inside. Versions 0+. */
  readonly topics: readonly CreatePartitionsTopic[];
  /** The time in ms to wait for the partitions to be created. Versions 0+. */
  readonly timeoutMs: number;
  /** If true, then validate the request, but don't actually increase the number of partitions. Versions 0+. */
  readonly validateOnly: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatePartitionsTopic in CreatePartitionsRequest. */
export interface CreatePartitionsTopic {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The new partition count. Versions 0+. */
  readonly count: number;
  /** The new partition assignments. Versions 0+. */
  readonly assignments: readonly CreatePartitionsAssignment[] | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatePartitionsAssignment in CreatePartitionsRequest. */
export interface CreatePartitionsAssignment {
  /** The assigned broker IDs. Versions 0+. */
  readonly brokerIds: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatePartitionsResponse, all versions. */
export interface CreatePartitionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The partition creation results for each topic. Versions 0+. */
  readonly results: readonly CreatePartitionsTopicResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatePartitionsTopicResult in CreatePartitionsResponse. */
export interface CreatePartitionsTopicResult {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The result error, or zero if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The result message, or null if there was no error. Versions 0+. */
  readonly errorMessage: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
