// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { CreateTopicsRequest, CreatableTopic, CreatableReplicaAssignment, CreatableTopicConfig, CreateTopicsResponse, CreatableTopicResult, CreatableTopicConfigs } from "./types.gen.js";

/** A CreateTopicsRequest with every field at its schema default. */
export function defaultCreateTopicsRequest(): CreateTopicsRequest {
  return {
    topics: [],
    timeoutMs: 60000,
    validateOnly: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreateTopicsRequestDefault(value: CreateTopicsRequest): boolean {
  return value.topics.length === 0 &&
    value.timeoutMs === 60000 &&
    value.validateOnly === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatableTopic with every field at its schema default. */
export function defaultCreatableTopic(): CreatableTopic {
  return {
    name: "",
    numPartitions: 0,
    replicationFactor: 0,
    assignments: [],
    configs: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatableTopicDefault(value: CreatableTopic): boolean {
  return value.name === "" &&
    value.numPartitions === 0 &&
    value.replicationFactor === 0 &&
    value.assignments.length === 0 &&
    value.configs.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatableReplicaAssignment with every field at its schema default. */
export function defaultCreatableReplicaAssignment(): CreatableReplicaAssignment {
  return {
    partitionIndex: 0,
    brokerIds: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatableReplicaAssignmentDefault(value: CreatableReplicaAssignment): boolean {
  return value.partitionIndex === 0 &&
    value.brokerIds.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatableTopicConfig with every field at its schema default. */
export function defaultCreatableTopicConfig(): CreatableTopicConfig {
  return {
    name: "",
    value: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatableTopicConfigDefault(value: CreatableTopicConfig): boolean {
  return value.name === "" &&
    value.value === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreateTopicsResponse with every field at its schema default. */
export function defaultCreateTopicsResponse(): CreateTopicsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreateTopicsResponseDefault(value: CreateTopicsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatableTopicResult with every field at its schema default. */
export function defaultCreatableTopicResult(): CreatableTopicResult {
  return {
    name: "",
    topicId: zeroUuid,
    errorCode: 0,
    errorMessage: "",
    topicConfigErrorCode: 0,
    numPartitions: -1,
    replicationFactor: -1,
    configs: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatableTopicResultDefault(value: CreatableTopicResult): boolean {
  return value.name === "" &&
    value.topicId === zeroUuid &&
    value.errorCode === 0 &&
    value.errorMessage === "" &&
    value.topicConfigErrorCode === 0 &&
    value.numPartitions === -1 &&
    value.replicationFactor === -1 &&
    (value.configs !== null && value.configs.length === 0) &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatableTopicConfigs with every field at its schema default. */
export function defaultCreatableTopicConfigs(): CreatableTopicConfigs {
  return {
    name: "",
    value: "",
    readOnly: false,
    configSource: -1,
    isSensitive: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatableTopicConfigsDefault(value: CreatableTopicConfigs): boolean {
  return value.name === "" &&
    value.value === "" &&
    value.readOnly === false &&
    value.configSource === -1 &&
    value.isSensitive === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
