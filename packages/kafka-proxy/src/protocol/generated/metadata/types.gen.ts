// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** MetadataRequest, all versions. */
export interface MetadataRequest {
  /** The topics to fetch metadata for. Versions 0+. */
  readonly topics: readonly MetadataRequestTopic[] | null;
  /** If this is true, the broker may auto-create topics that we requested which do not already exist, if it is configured to do so. Versions 4+. */
  readonly allowAutoTopicCreation: boolean;
  /** Whether to include cluster authorized operations. Versions 8-10. */
  readonly includeClusterAuthorizedOperations: boolean;
  /** Whether to include topic authorized operations. Versions 8+. */
  readonly includeTopicAuthorizedOperations: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** MetadataRequestTopic in MetadataRequest. */
export interface MetadataRequestTopic {
  /** The topic id. Versions 10+. */
  readonly topicId: string;
  /** The topic name. Versions 0+. */
  readonly name: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** MetadataResponse, all versions. */
export interface MetadataResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 3+. */
  readonly throttleTimeMs: number;
  /** A list of brokers present in the cluster. Versions 0+. */
  readonly brokers: readonly MetadataResponseBroker[];
  /** The cluster ID that responding broker belongs to. Versions 2+. */
  readonly clusterId: string | null;
  /** The ID of the controller broker. Versions 1+. */
  readonly controllerId: number;
  /** Each topic in the response. Versions 0+. */
  readonly topics: readonly MetadataResponseTopic[];
  /** 32-bit bitfield to represent authorized operations for this cluster. Versions 8-10. */
  readonly clusterAuthorizedOperations: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** MetadataResponseBroker in MetadataResponse. */
export interface MetadataResponseBroker {
  /** The broker ID. Versions 0+. */
  readonly nodeId: number;
  /** The broker hostname. Versions 0+. */
  readonly host: string;
  /** The broker port. Versions 0+. */
  readonly port: number;
  /** The rack of the broker, or null if it has not been assigned to a rack. Versions 1+. */
  readonly rack: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** MetadataResponseTopic in MetadataResponse. */
export interface MetadataResponseTopic {
  /** The topic error, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The topic name. Null for non-existing topics queried by ID. This is never null when ErrorCode is zero. One of Name and TopicId is always populated. Versions 0+. */
  readonly name: string | null;
  /** The topic id. Zero for non-existing topics queried by name. This is never zero when ErrorCode is zero. One of Name and TopicId is always populated. Versions 10+. */
  readonly topicId: string;
  /** True if the topic is internal. Versions 1+. */
  readonly isInternal: boolean;
  /** Each partition in the topic. Versions 0+. */
  readonly partitions: readonly MetadataResponsePartition[];
  /** 32-bit bitfield to represent authorized operations for this topic. Versions 8+. */
  readonly topicAuthorizedOperations: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** MetadataResponsePartition in MetadataResponse. */
export interface MetadataResponsePartition {
  /** The partition error, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The ID of the leader broker. Versions 0+. */
  readonly leaderId: number;
  /** The leader epoch of this partition. Versions 7+. */
  readonly leaderEpoch: number;
  /** The set of all nodes that host this partition. Versions 0+. */
  readonly replicaNodes: readonly number[];
  /** The set of nodes that are in sync with the leader for this partition. Versions 0+. */
  readonly isrNodes: readonly number[];
  /** The set of offline replicas of this partition. Versions 5+. */
  readonly offlineReplicas: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
