// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** ProduceRequest, all versions. */
export interface ProduceRequest {
  /** The transactional ID, or null if the producer is not transactional. Versions 3+. */
  readonly transactionalId: string | null;
  /** The number of acknowledgments the producer requires the leader to have received before considering a request complete. Allowed values: 0 for no acknowledgments, 1 for only the leader and -1 for the full ISR. Versions 0+. */
  readonly acks: number;
  /** The timeout to await a response in milliseconds. Versions 0+. */
  readonly timeoutMs: number;
  /** Each topic to produce to. Versions 0+. */
  readonly topicData: readonly TopicProduceData[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TopicProduceData in ProduceRequest. */
export interface TopicProduceData {
  /** The topic name. Versions 0+. */
  readonly name: string;
  /** Each partition to produce to. Versions 0+. */
  readonly partitionData: readonly PartitionProduceData[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** PartitionProduceData in ProduceRequest. */
export interface PartitionProduceData {
  /** The partition index. Versions 0+. */
  readonly index: number;
  /** The record data to be produced. Versions 0+. */
  readonly records: Uint8Array | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ProduceResponse, all versions. */
export interface ProduceResponse {
  /** Each produce response Versions 0+. */
  readonly responses: readonly TopicProduceResponse[];
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** Endpoints for all current-leaders enumerated in PartitionProduceResponses, with errors NOT_LEADER_OR_FOLLOWER. Versions 10+, tag 0. */
  readonly nodeEndpoints: readonly NodeEndpoint[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TopicProduceResponse in ProduceResponse. */
export interface TopicProduceResponse {
  /** The topic name Versions 0+. */
  readonly name: string;
  /** Each partition that we produced to within the topic. Versions 0+. */
  readonly partitionResponses: readonly PartitionProduceResponse[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** PartitionProduceResponse in ProduceResponse. */
export interface PartitionProduceResponse {
  /** The partition index. Versions 0+. */
  readonly index: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The base offset. Versions 0+. */
  readonly baseOffset: bigint;
  /** The timestamp returned by broker after appending the messages. If CreateTime is used for the topic, the timestamp will be -1.  If LogAppendTime is used for the topic, the timestamp will be the broker local time when the messages are appended. Versions 2+. */
  readonly logAppendTimeMs: bigint;
  /** The log start offset. Versions 5+. */
  readonly logStartOffset: bigint;
  /** The batch indices of records that caused the batch to be dropped Versions 8+. */
  readonly recordErrors: readonly BatchIndexAndErrorMessage[];
  /** The global error message summarizing the common root cause of the records that caused the batch to be dropped Versions 8+. */
  readonly errorMessage: string | null;
  /**  Versions 10+, tag 0. */
  readonly currentLeader: LeaderIdAndEpoch;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** BatchIndexAndErrorMessage in ProduceResponse. */
export interface BatchIndexAndErrorMessage {
  /** The batch index of the record that cause the batch to be dropped Versions 8+. */
  readonly batchIndex: number;
  /** The error message of the record that caused the batch to be dropped Versions 8+. */
  readonly batchIndexErrorMessage: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** LeaderIdAndEpoch in ProduceResponse. */
export interface LeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. Versions 10+. */
  readonly leaderId: number;
  /** The latest known leader epoch Versions 10+. */
  readonly leaderEpoch: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** NodeEndpoint in ProduceResponse. */
export interface NodeEndpoint {
  /** The ID of the associated node. Versions 10+. */
  readonly nodeId: number;
  /** The node's hostname. Versions 10+. */
  readonly host: string;
  /** The node's port. Versions 10+. */
  readonly port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. Versions 10+. */
  readonly rack: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
