// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { zeroUuid } from "../../uuid.js";
import { defaultEpochEndOffset, defaultLeaderIdAndEpoch, defaultReplicaState, defaultSnapshotId } from "./defaults.gen.js";
import type { AbortedTransaction, EpochEndOffset, FetchPartition, FetchRequest, FetchResponse, FetchTopic, FetchableTopicResponse, ForgottenTopic, LeaderIdAndEpoch, NodeEndpoint, PartitionData, ReplicaState, SnapshotId } from "./types.gen.js";

export function decodeFetchRequestV0(reader: Reader): FetchRequest {
  const clusterId: string | null = null;
  const replicaId = reader.readInt32();
  const replicaState: ReplicaState = defaultReplicaState();
  const maxWaitMs = reader.readInt32();
  const minBytes = reader.readInt32();
  const maxBytes: number = 2147483647;
  const isolationLevel: number = 0;
  const sessionId: number = 0;
  const sessionEpoch: number = -1;
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: FetchTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readFetchTopic(reader));
  const topics = items2;
  const forgottenTopicsData: readonly ForgottenTopic[] = [];
  const rackId: string = "";
  return { clusterId, replicaId, replicaState, maxWaitMs, minBytes, maxBytes, isolationLevel, sessionId, sessionEpoch, topics, forgottenTopicsData, rackId };
}

export function encodeFetchRequestV0(writer: Writer, value: FetchRequest): void {
  writer.writeInt32(value.replicaId);
  writer.writeInt32(value.maxWaitMs);
  writer.writeInt32(value.minBytes);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeFetchTopic(writer, items1[index]!);
  }
}

function readFetchTopic(reader: Reader): FetchTopic {
  const topic = reader.readString();
  const topicId: string = zeroUuid;
  const length1 = reader.readArrayLengthNotNull(16, false);
  const items2: FetchPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readFetchPartition(reader));
  const partitions = items2;
  return { topic, topicId, partitions };
}

function writeFetchTopic(writer: Writer, value: FetchTopic): void {
  writer.writeString(value.topic);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeFetchPartition(writer, items1[index]!);
  }
}

function readFetchPartition(reader: Reader): FetchPartition {
  const partition = reader.readInt32();
  const currentLeaderEpoch: number = -1;
  const fetchOffset = reader.readInt64();
  const lastFetchedEpoch: number = -1;
  const logStartOffset: bigint = -1n;
  const partitionMaxBytes = reader.readInt32();
  const replicaDirectoryId: string = zeroUuid;
  return { partition, currentLeaderEpoch, fetchOffset, lastFetchedEpoch, logStartOffset, partitionMaxBytes, replicaDirectoryId };
}

function writeFetchPartition(writer: Writer, value: FetchPartition): void {
  writer.writeInt32(value.partition);
  writer.writeInt64(value.fetchOffset);
  writer.writeInt32(value.partitionMaxBytes);
}

export function decodeFetchResponseV0(reader: Reader): FetchResponse {
  const throttleTimeMs: number = 0;
  const errorCode: number = 0;
  const sessionId: number = 0;
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: FetchableTopicResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readFetchableTopicResponse(reader));
  const responses = items2;
  const nodeEndpoints: readonly NodeEndpoint[] = [];
  return { throttleTimeMs, errorCode, sessionId, responses, nodeEndpoints };
}

export function encodeFetchResponseV0(writer: Writer, value: FetchResponse): void {
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeFetchableTopicResponse(writer, items1[index]!);
  }
}

function readFetchableTopicResponse(reader: Reader): FetchableTopicResponse {
  const topic = reader.readString();
  const topicId: string = zeroUuid;
  const length1 = reader.readArrayLengthNotNull(18, false);
  const items2: PartitionData[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionData(reader));
  const partitions = items2;
  return { topic, topicId, partitions };
}

function writeFetchableTopicResponse(writer: Writer, value: FetchableTopicResponse): void {
  writer.writeString(value.topic);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writePartitionData(writer, items1[index]!);
  }
}

function readPartitionData(reader: Reader): PartitionData {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  const highWatermark = reader.readInt64();
  const lastStableOffset: bigint = -1n;
  const logStartOffset: bigint = -1n;
  const divergingEpoch: EpochEndOffset = defaultEpochEndOffset();
  const currentLeader: LeaderIdAndEpoch = defaultLeaderIdAndEpoch();
  const snapshotId: SnapshotId = defaultSnapshotId();
  const abortedTransactions: readonly AbortedTransaction[] | null = [];
  const preferredReadReplica: number = -1;
  const records = reader.readNullableBytes();
  return { partitionIndex, errorCode, highWatermark, lastStableOffset, logStartOffset, divergingEpoch, currentLeader, snapshotId, abortedTransactions, preferredReadReplica, records };
}

function writePartitionData(writer: Writer, value: PartitionData): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.highWatermark);
  writer.writeNullableBytes(value.records);
}
