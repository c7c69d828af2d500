// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** CreateTopicsRequest, all versions. */
export interface CreateTopicsRequest {
  /** The topics to create. Versions 0+. */
  readonly topics: readonly CreatableTopic[];
  /** How long to wait in milliseconds before timing out the request. Versions 0+. */
  readonly timeoutMs: number;
  /** If true, check that the topics can be created as specified, but don't create anything. Versions 1+. */
  readonly validateOnly: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatableTopic in CreateTopicsRequest. */
export interface CreatableTopic {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The number of partitions to create in the topic, or -1 if we are either specifying a manual partition assignment or using the default partitions. Versions 0+. */
  readonly numPartitions: number;
  /** The number of replicas to create for each partition in the topic, or -1 if we are either specifying a manual partition assignment or using the default replication factor. Versions 0+. */
  readonly replicationFactor: number;
  /** The manual partition assignment, or the empty array if we are using automatic assignment. Versions 0+. */
  readonly assignments: readonly CreatableReplicaAssignment[];
  /** The custom topic configurations to set. Versions 0+. */
  readonly configs: readonly CreatableTopicConfig[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatableReplicaAssignment in CreateTopicsRequest. */
export interface CreatableReplicaAssignment {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The brokers to place the partition on. Versions 0+. */
  readonly brokerIds: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatableTopicConfig in CreateTopicsRequest. */
export interface CreatableTopicConfig {
  /** The configuration name. Versions 0+. */
  readonly name: string;
  /** The configuration value. Versions 0+. */
  readonly value: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreateTopicsResponse, all versions. */
export interface CreateTopicsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2+. */
  readonly throttleTimeMs: number;
  /** Results for each topic we tried to create. Versions 0+. */
  readonly topics: readonly CreatableTopicResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatableTopicResult in CreateTopicsResponse. */
export interface CreatableTopicResult {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The unique topic ID Versions 7+. */
  readonly topicId: string;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The error message, or null if there was no error. Versions 1+. */
  readonly errorMessage: string | null;
  /** Optional topic config error returned if configs are not returned in the response. Versions 5+, tag 0. */
  readonly topicConfigErrorCode: number;
  /** Number of partitions of the topic. Versions 5+. */
  readonly numPartitions: number;
  /** Replication factor of the topic. Versions 5+. */
  readonly replicationFactor: number;
  /** Configuration of the topic. Versions 5+. */
  readonly configs: readonly CreatableTopicConfigs[] | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** CreatableTopicConfigs in CreateTopicsResponse. */
export interface CreatableTopicConfigs {
  /** The configuration name. Versions 5+. */
  readonly name: string;
  /** The configuration value. Versions 5+. */
  readonly value: string | null;
  /** True if the configuration is read-only. Versions 5+. */
  readonly readOnly: boolean;
  /** The configuration source. Versions 5+. */
  readonly configSource: number;
  /** True if this configuration is sensitive. Versions 5+. */
  readonly isSensitive: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
