// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { MetadataRequest, MetadataRequestTopic, MetadataResponse, MetadataResponseBroker, MetadataResponseTopic, MetadataResponsePartition } from "./types.gen.js";

/** A MetadataRequest with every field at its schema default. */
export function defaultMetadataRequest(): MetadataRequest {
  return {
    topics: [],
    allowAutoTopicCreation: true,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMetadataRequestDefault(value: MetadataRequest): boolean {
  return (value.topics !== null && value.topics.length === 0) &&
    value.allowAutoTopicCreation === true &&
    value.includeClusterAuthorizedOperations === false &&
    value.includeTopicAuthorizedOperations === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A MetadataRequestTopic with every field at its schema default. */
export function defaultMetadataRequestTopic(): MetadataRequestTopic {
  return {
    topicId: zeroUuid,
    name: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMetadataRequestTopicDefault(value: MetadataRequestTopic): boolean {
  return value.topicId === zeroUuid &&
    value.name === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A MetadataResponse with every field at its schema default. */
export function defaultMetadataResponse(): MetadataResponse {
  return {
    throttleTimeMs: 0,
    brokers: [],
    clusterId: null,
    controllerId: -1,
    topics: [],
    clusterAuthorizedOperations: -2147483648,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMetadataResponseDefault(value: MetadataResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.brokers.length === 0 &&
    value.clusterId === null &&
    value.controllerId === -1 &&
    value.topics.length === 0 &&
    value.clusterAuthorizedOperations === -2147483648 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A MetadataResponseBroker with every field at its schema default. */
export function defaultMetadataResponseBroker(): MetadataResponseBroker {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMetadataResponseBrokerDefault(value: MetadataResponseBroker): boolean {
  return value.nodeId === 0 &&
    value.host === "" &&
    value.port === 0 &&
    value.rack === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A MetadataResponseTopic with every field at its schema default. */
export function defaultMetadataResponseTopic(): MetadataResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: zeroUuid,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMetadataResponseTopicDefault(value: MetadataResponseTopic): boolean {
  return value.errorCode === 0 &&
    value.name === "" &&
    value.topicId === zeroUuid &&
    value.isInternal === false &&
    value.partitions.length === 0 &&
    value.topicAuthorizedOperations === -2147483648 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A MetadataResponsePartition with every field at its schema default. */
export function defaultMetadataResponsePartition(): MetadataResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    offlineReplicas: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isMetadataResponsePartitionDefault(value: MetadataResponsePartition): boolean {
  return value.errorCode === 0 &&
    value.partitionIndex === 0 &&
    value.leaderId === 0 &&
    value.leaderEpoch === -1 &&
    value.replicaNodes.length === 0 &&
    value.isrNodes.length === 0 &&
    value.offlineReplicas.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
