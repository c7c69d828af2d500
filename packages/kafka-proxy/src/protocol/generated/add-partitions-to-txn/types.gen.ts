// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** AddPartitionsToTxnRequest, all versions. */
export interface AddPartitionsToTxnRequest {
  /** List of transactions to add partitions to. Versions 4+. */
  readonly transactions: readonly AddPartitionsToTxnTransaction[];
  /** The transactional id corresponding to the transaction. Versions 0-3. */
  readonly v3AndBelowTransactionalId: string;
  /** Current producer id in use by the transactional id. Versions 0-3. */
  readonly v3AndBelowProducerId: bigint;
  /** Current epoch associated with the producer id. Versions 0-3. */
  readonly v3AndBelowProducerEpoch: number;
  /** The partitions to add to the transaction. Versions 0-3. */
  readonly v3AndBelowTopics: readonly AddPartitionsToTxnTopic[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AddPartitionsToTxnTopic in AddPartitionsToTxnRequest. */
export interface AddPartitionsToTxnTopic {
  /** The name of the topic. Versions 0+. */
  readonly name: string;
  /** The partition indexes to add to the transaction Versions 0+. */
  readonly partitions: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AddPartitionsToTxnTransaction in AddPartitionsToTxnRequest. */
export interface AddPartitionsToTxnTransaction {
  /** The transactional id corresponding to the transaction. Versions 4+. */
  readonly transactionalId: string;
  /** Current producer id in use by the transactional id. Versions 4+. */
  readonly producerId: bigint;
  /** Current epoch associated with the producer id. Versions 4+. */
  readonly producerEpoch: number;
  /** Boolean to signify if we want to check if the partition is in the transaction rather than add it. Versions 4+. */
  readonly verifyOnly: boolean;
  /** The partitions to add to the transaction. Versions 4+. */
  readonly topics: readonly AddPartitionsToTxnTopic[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AddPartitionsToTxnResponse, all versions. */
export interface AddPartitionsToTxnResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The response top level error code. Versions 4+. */
  readonly errorCode: number;
  /** Results categorized by transactional ID. Versions 4+. */
  readonly resultsByTransaction: readonly AddPartitionsToTxnResult[];
  /** The results for each topic. Versions 0-3. */
  readonly resultsByTopicV3AndBelow: readonly AddPartitionsToTxnTopicResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AddPartitionsToTxnTopicResult in AddPartitionsToTxnResponse. */
export interface AddPartitionsToTxnTopicResult {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The results for each partition Versions 0+. */
  readonly resultsByPartition: readonly AddPartitionsToTxnPartitionResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AddPartitionsToTxnPartitionResult in AddPartitionsToTxnResponse. */
export interface AddPartitionsToTxnPartitionResult {
  /** The partition indexes. Versions 0+. */
  readonly partitionIndex: number;
  /** The response error code. Versions 0+. */
  readonly partitionErrorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AddPartitionsToTxnResult in AddPartitionsToTxnResponse. */
export interface AddPartitionsToTxnResult {
  /** The transactional id corresponding to the transaction. Versions 4+. */
  readonly transactionalId: string;
  /** The results for each topic. Versions 4+. */
  readonly topicResults: readonly AddPartitionsToTxnTopicResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
