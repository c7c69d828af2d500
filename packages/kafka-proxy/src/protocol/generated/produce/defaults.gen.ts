// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { ProduceRequest, TopicProduceData, PartitionProduceData, ProduceResponse, TopicProduceResponse, PartitionProduceResponse, BatchIndexAndErrorMessage, LeaderIdAndEpoch, NodeEndpoint } from "./types.gen.js";

/** A ProduceRequest with every field at its schema default. */
export function defaultProduceRequest(): ProduceRequest {
  return {
    transactionalId: null,
    acks: 0,
    timeoutMs: 0,
    topicData: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isProduceRequestDefault(value: ProduceRequest): boolean {
  return value.transactionalId === null &&
    value.acks === 0 &&
    value.timeoutMs === 0 &&
    value.topicData.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TopicProduceData with every field at its schema default. */
export function defaultTopicProduceData(): TopicProduceData {
  return {
    name: "",
    partitionData: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTopicProduceDataDefault(value: TopicProduceData): boolean {
  return value.name === "" &&
    value.partitionData.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A PartitionProduceData with every field at its schema default. */
export function defaultPartitionProduceData(): PartitionProduceData {
  return {
    index: 0,
    records: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isPartitionProduceDataDefault(value: PartitionProduceData): boolean {
  return value.index === 0 &&
    value.records === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ProduceResponse with every field at its schema default. */
export function defaultProduceResponse(): ProduceResponse {
  return {
    responses: [],
    throttleTimeMs: 0,
    nodeEndpoints: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isProduceResponseDefault(value: ProduceResponse): boolean {
  return value.responses.length === 0 &&
    value.throttleTimeMs === 0 &&
    value.nodeEndpoints.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A TopicProduceResponse with every field at its schema default. */
export function defaultTopicProduceResponse(): TopicProduceResponse {
  return {
    name: "",
    partitionResponses: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTopicProduceResponseDefault(value: TopicProduceResponse): boolean {
  return value.name === "" &&
    value.partitionResponses.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A PartitionProduceResponse with every field at its schema default. */
export function defaultPartitionProduceResponse(): PartitionProduceResponse {
  return {
    index: 0,
    errorCode: 0,
    baseOffset: 0n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
    recordErrors: [],
    errorMessage: null,
    currentLeader: defaultLeaderIdAndEpoch(),
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isPartitionProduceResponseDefault(value: PartitionProduceResponse): boolean {
  return value.index === 0 &&
    value.errorCode === 0 &&
    value.baseOffset === 0n &&
    value.logAppendTimeMs === -1n &&
    value.logStartOffset === -1n &&
    value.recordErrors.length === 0 &&
    value.errorMessage === null &&
    isLeaderIdAndEpochDefault(value.currentLeader) &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A BatchIndexAndErrorMessage with every field at its schema default. */
export function defaultBatchIndexAndErrorMessage(): BatchIndexAndErrorMessage {
  return {
    batchIndex: 0,
    batchIndexErrorMessage: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isBatchIndexAndErrorMessageDefault(value: BatchIndexAndErrorMessage): boolean {
  return value.batchIndex === 0 &&
    value.batchIndexErrorMessage === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A LeaderIdAndEpoch with every field at its schema default. */
export function defaultLeaderIdAndEpoch(): LeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isLeaderIdAndEpochDefault(value: LeaderIdAndEpoch): boolean {
  return value.leaderId === -1 &&
    value.leaderEpoch === -1 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A NodeEndpoint with every field at its schema default. */
export function defaultNodeEndpoint(): NodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isNodeEndpointDefault(value: NodeEndpoint): boolean {
  return value.nodeId === 0 &&
    value.host === "" &&
    value.port === 0 &&
    value.rack === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
