// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { AddPartitionsToTxnRequest, AddPartitionsToTxnTopic, AddPartitionsToTxnTransaction, AddPartitionsToTxnResponse, AddPartitionsToTxnTopicResult, AddPartitionsToTxnPartitionResult, AddPartitionsToTxnResult } from "./types.gen.js";

/** A AddPartitionsToTxnRequest with every field at its schema default. */
export function defaultAddPartitionsToTxnRequest(): AddPartitionsToTxnRequest {
  return {
    transactions: [],
    v3AndBelowTransactionalId: "",
    v3AndBelowProducerId: 0n,
    v3AndBelowProducerEpoch: 0,
    v3AndBelowTopics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddPartitionsToTxnRequestDefault(value: AddPartitionsToTxnRequest): boolean {
  return value.transactions.length === 0 &&
    value.v3AndBelowTransactionalId === "" &&
    value.v3AndBelowProducerId === 0n &&
    value.v3AndBelowProducerEpoch === 0 &&
    value.v3AndBelowTopics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AddPartitionsToTxnTopic with every field at its schema default. */
export function defaultAddPartitionsToTxnTopic(): AddPartitionsToTxnTopic {
  return {
    name: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddPartitionsToTxnTopicDefault(value: AddPartitionsToTxnTopic): boolean {
  return value.name === "" &&
    value.partitions.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AddPartitionsToTxnTransaction with every field at its schema default. */
export function defaultAddPartitionsToTxnTransaction(): AddPartitionsToTxnTransaction {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    verifyOnly: false,
    topics: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddPartitionsToTxnTransactionDefault(value: AddPartitionsToTxnTransaction): boolean {
  return value.transactionalId === "" &&
    value.producerId === 0n &&
    value.producerEpoch === 0 &&
    value.verifyOnly === false &&
    value.topics.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AddPartitionsToTxnResponse with every field at its schema default. */
export function defaultAddPartitionsToTxnResponse(): AddPartitionsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    resultsByTransaction: [],
    resultsByTopicV3AndBelow: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddPartitionsToTxnResponseDefault(value: AddPartitionsToTxnResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.resultsByTransaction.length === 0 &&
    value.resultsByTopicV3AndBelow.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AddPartitionsToTxnTopicResult with every field at its schema default. */
export function defaultAddPartitionsToTxnTopicResult(): AddPartitionsToTxnTopicResult {
  return {
    name: "",
    resultsByPartition: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddPartitionsToTxnTopicResultDefault(value: AddPartitionsToTxnTopicResult): boolean {
  return value.name === "" &&
    value.resultsByPartition.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AddPartitionsToTxnPartitionResult with every field at its schema default. */
export function defaultAddPartitionsToTxnPartitionResult(): AddPartitionsToTxnPartitionResult {
  return {
    partitionIndex: 0,
    partitionErrorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddPartitionsToTxnPartitionResultDefault(value: AddPartitionsToTxnPartitionResult): boolean {
  return value.partitionIndex === 0 &&
    value.partitionErrorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AddPartitionsToTxnResult with every field at its schema default. */
export function defaultAddPartitionsToTxnResult(): AddPartitionsToTxnResult {
  return {
    transactionalId: "",
    topicResults: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddPartitionsToTxnResultDefault(value: AddPartitionsToTxnResult): boolean {
  return value.transactionalId === "" &&
    value.topicResults.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
