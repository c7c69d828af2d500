// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** TxnOffsetCommitRequest, all versions. */
export interface TxnOffsetCommitRequest {
  /** The ID of the transaction. Versions 0+. */
  readonly transactionalId: string;
  /** The ID of the group. Versions 0+. */
  readonly groupId: string;
  /** The current producer ID in use by the transactional ID. Versions 0+. */
  readonly producerId: bigint;
  /** The current epoch associated with the producer ID. Versions 0+. */
  readonly producerEpoch: number;
  /** The generation of the consumer. Versions 3+. */
  readonly generationId: number;
  /** The member ID assigned by the group coordinator. Versions 3+. */
  readonly memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 3+. */
  readonly groupInstanceId: string | null;
  /** Each topic that we want to commit offsets for. Versions 0+. */
  readonly topics: readonly TxnOffsetCommitRequestTopic[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TxnOffsetCommitRequestTopic in TxnOffsetCommitRequest. */
export interface TxnOffsetCommitRequestTopic {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The partitions inside the topic that we want to commit offsets for. Versions 0+. */
  readonly partitions: readonly TxnOffsetCommitRequestPartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TxnOffsetCommitRequestPartition in TxnOffsetCommitRequest. */
export interface TxnOffsetCommitRequestPartition {
  /** The index of the partition within the topic. Versions 0+. */
  readonly partitionIndex: number;
  /** The message offset to be committed. Versions 0+. */
  readonly committedOffset: bigint;
  /** The leader epoch of the last consumed record. Versions 2+. */
  readonly committedLeaderEpoch: number;
  /** Any associated metadata the client wants to keep. Versions 0+. */
  readonly committedMetadata: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TxnOffsetCommitResponse, all versions. */
export interface TxnOffsetCommitResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The responses for each topic. Versions 0+. */
  readonly topics: readonly TxnOffsetCommitResponseTopic[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TxnOffsetCommitResponseTopic in TxnOffsetCommitResponse. */
export interface TxnOffsetCommitResponseTopic {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** The responses for each partition in the topic. Versions 0+. */
  readonly partitions: readonly TxnOffsetCommitResponsePartition[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TxnOffsetCommitResponsePartition in TxnOffsetCommitResponse. */
export interface TxnOffsetCommitResponsePartition {
  /** The partition index. Versions 0+. */
  readonly partitionIndex: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
