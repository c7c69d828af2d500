// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { zeroUuid } from "../../uuid.js";
import { defaultEpochEndOffset, defaultLeaderIdAndEpoch, defaultReplicaState, defaultSnapshotId } from "./defaults.gen.js";
import type { AbortedTransaction, EpochEndOffset, FetchPartition, FetchRequest, FetchResponse, FetchTopic, FetchableTopicResponse, ForgottenTopic, LeaderIdAndEpoch, NodeEndpoint, PartitionData, ReplicaState, SnapshotId } from "./types.gen.js";

export function decodeFetchRequestV9(reader: Reader): FetchRequest {
  const clusterId: string | null = null;
  const replicaId = reader.readInt32();
  const replicaState: ReplicaState = defaultReplicaState();
  const maxWaitMs = reader.readInt32();
  const minBytes = reader.readInt32();
  const maxBytes = reader.readInt32();
  const isolationLevel = reader.readInt8();
  const sessionId = reader.readInt32();
  const sessionEpoch = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: FetchTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readFetchTopic(reader));
  const topics = items2;
  const length3 = reader.readArrayLengthNotNull(6, false);
  const items4: ForgottenTopic[] = [];
  for (let index = 0; index < length3; index++) items4.push(readForgottenTopic(reader));
  const forgottenTopicsData = items4;
  const rackId: string = "";
  return { clusterId, replicaId, replicaState, maxWaitMs, minBytes, maxBytes, isolationLevel, sessionId, sessionEpoch, topics, forgottenTopicsData, rackId };
}

export function encodeFetchRequestV9(writer: Writer, value: FetchRequest): void {
  writer.writeInt32(value.replicaId);
  writer.writeInt32(value.maxWaitMs);
  writer.writeInt32(value.minBytes);
  writer.writeInt32(value.maxBytes);
  writer.writeInt8(value.isolationLevel);
  writer.writeInt32(value.sessionId);
  writer.writeInt32(value.sessionEpoch);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeFetchTopic(writer, items1[index]!);
  }
  const items2 = value.forgottenTopicsData;
  writer.writeArrayLength(items2.length, false);
  for (let index = 0; index < items2.length; index++) {
    writeForgottenTopic(writer, items2[index]!);
  }
}

function readFetchTopic(reader: Reader): FetchTopic {
  const topic = reader.readString();
  const topicId: string = zeroUuid;
  const length1 = reader.readArrayLengthNotNull(28, false);
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

function readForgottenTopic(reader: Reader): ForgottenTopic {
  const topic = reader.readString();
  const topicId: string = zeroUuid;
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitions = items2;
  return { topic, topicId, partitions };
}

function writeForgottenTopic(writer: Writer, value: ForgottenTopic): void {
  writer.writeString(value.topic);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
}

function readFetchPartition(reader: Reader): FetchPartition {
  const partition = reader.readInt32();
  const currentLeaderEpoch = reader.readInt32();
  const fetchOffset = reader.readInt64();
  const lastFetchedEpoch: number = -1;
  const logStartOffset = reader.readInt64();
  const partitionMaxBytes = reader.readInt32();
  const replicaDirectoryId: string = zeroUuid;
  return { partition, currentLeaderEpoch, fetchOffset, lastFetchedEpoch, logStartOffset, partitionMaxBytes, replicaDirectoryId };
}

function writeFetchPartition(writer: Writer, value: FetchPartition): void {
  writer.writeInt32(value.partition);
  writer.writeInt32(value.currentLeaderEpoch);
  writer.writeInt64(value.fetchOffset);
  writer.writeInt64(value.logStartOffset);
  writer.writeInt32(value.partitionMaxBytes);
}

export function decodeFetchResponseV9(reader: Reader): FetchResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const sessionId = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: FetchableTopicResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readFetchableTopicResponse(reader));
  const responses = items2;
  const nodeEndpoints: readonly NodeEndpoint[] = [];
  return { throttleTimeMs, errorCode, sessionId, responses, nodeEndpoints };
}

export function encodeFetchResponseV9(writer: Writer, value: FetchResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeInt32(value.sessionId);
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeFetchableTopicResponse(writer, items1[index]!);
  }
}

function readFetchableTopicResponse(reader: Reader): FetchableTopicResponse {
  const topic = reader.readString();
  const topicId: string = zeroUuid;
  const length1 = reader.readArrayLengthNotNull(38, false);
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
  const lastStableOffset = reader.readInt64();
  const logStartOffset = reader.readInt64();
  const divergingEpoch: EpochEndOffset = defaultEpochEndOffset();
  const currentLeader: LeaderIdAndEpoch = defaultLeaderIdAndEpoch();
  const snapshotId: SnapshotId = defaultSnapshotId();
  const length1 = reader.readArrayLength(16);
  let items2: AbortedTransaction[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(readAbortedTransaction(reader));
  }
  const abortedTransactions = items2;
  const preferredReadReplica: number = -1;
  const records = reader.readNullableBytes();
  return { partitionIndex, errorCode, highWatermark, lastStableOffset, logStartOffset, divergingEpoch, currentLeader, snapshotId, abortedTransactions, preferredReadReplica, records };
}

function writePartitionData(writer: Writer, value: PartitionData): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.highWatermark);
  writer.writeInt64(value.lastStableOffset);
  writer.writeInt64(value.logStartOffset);
  const items1 = value.abortedTransactions;
  if (items1 === null) {
    writer.writeArrayLength(null, false);
  } else {
    writer.writeArrayLength(items1.length, false);
    for (let index = 0; index < items1.length; index++) {
      writeAbortedTransaction(writer, items1[index]!);
    }
  }
  writer.writeNullableBytes(value.records);
}

function readAbortedTransaction(reader: Reader): AbortedTransaction {
  const producerId = reader.readInt64();
  const firstOffset = reader.readInt64();
  return { producerId, firstOffset };
}

function writeAbortedTransaction(writer: Writer, value: AbortedTransaction): void {
  writer.writeInt64(value.producerId);
  writer.writeInt64(value.firstOffset);
}
