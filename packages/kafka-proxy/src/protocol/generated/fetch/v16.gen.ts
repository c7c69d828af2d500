// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { TaggedField } from "../../tagged-field.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import { defaultEpochEndOffset, defaultLeaderIdAndEpoch, defaultReplicaState, defaultSnapshotId, isEpochEndOffsetDefault, isLeaderIdAndEpochDefault, isReplicaStateDefault, isSnapshotIdDefault } from "./defaults.gen.js";
import type { AbortedTransaction, EpochEndOffset, FetchPartition, FetchRequest, FetchResponse, FetchTopic, FetchableTopicResponse, ForgottenTopic, LeaderIdAndEpoch, NodeEndpoint, PartitionData, ReplicaState, SnapshotId } from "./types.gen.js";

const emptyTaggedFields: readonly TaggedField[] = [];

export function decodeFetchRequestV16(reader: Reader): FetchRequest {
  let clusterId: string | null = null;
  const replicaId: number = -1;
  let replicaState: ReplicaState = defaultReplicaState();
  const maxWaitMs = reader.readInt32();
  const minBytes = reader.readInt32();
  const maxBytes = reader.readInt32();
  const isolationLevel = reader.readInt8();
  const sessionId = reader.readInt32();
  const sessionEpoch = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(18, true);
  const items2: FetchTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readFetchTopic(reader));
  const topics = items2;
  const length3 = reader.readArrayLengthNotNull(18, true);
  const items4: ForgottenTopic[] = [];
  for (let index = 0; index < length3; index++) items4.push(readForgottenTopic(reader));
  const forgottenTopicsData = items4;
  const rackId = reader.readCompactString();
  let unknownTaggedFields: TaggedField[] | undefined;
  const taggedFieldCount = reader.readTaggedFieldCount();
  let previousTag = -1;
  for (let index = 0; index < taggedFieldCount; index++) {
    const tag = reader.readTag(previousTag);
    previousTag = tag;
    const end = reader.readTaggedFieldEnd();
    switch (tag) {
      case 0: {
        clusterId = reader.readCompactNullableString();
        break;
      }
      case 1: {
        replicaState = readReplicaState(reader);
        break;
      }
      default:
        unknownTaggedFields ??= [];
        unknownTaggedFields.push(reader.readUnknownTaggedField(tag, end));
    }
    reader.expectTaggedFieldEnd(end, tag);
  }
  return { clusterId, replicaId, replicaState, maxWaitMs, minBytes, maxBytes, isolationLevel, sessionId, sessionEpoch, topics, forgottenTopicsData, rackId, unknownTaggedFields };
}

export function encodeFetchRequestV16(writer: Writer, value: FetchRequest): void {
  writer.writeInt32(value.maxWaitMs);
  writer.writeInt32(value.minBytes);
  writer.writeInt32(value.maxBytes);
  writer.writeInt8(value.isolationLevel);
  writer.writeInt32(value.sessionId);
  writer.writeInt32(value.sessionEpoch);
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeFetchTopic(writer, items1[index]!);
  }
  const items2 = value.forgottenTopicsData;
  writer.writeArrayLength(items2.length, true);
  for (let index = 0; index < items2.length; index++) {
    writeForgottenTopic(writer, items2[index]!);
  }
  writer.writeCompactString(value.rackId);
  const unknownTaggedFields = value.unknownTaggedFields ?? emptyTaggedFields;
  let taggedFieldCount = unknownTaggedFields.length;
  const hasTag0 = value.clusterId !== null;
  if (hasTag0) taggedFieldCount++;
  const hasTag1 = !isReplicaStateDefault(value.replicaState);
  if (hasTag1) taggedFieldCount++;
  writer.writeUnsignedVarint(taggedFieldCount);
  let unknownIndex = 0;
  if (hasTag0) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 0);
    const sizePosition = writer.beginTaggedField(0);
    writer.writeCompactNullableString(value.clusterId);
    writer.endTaggedField(sizePosition);
  }
  if (hasTag1) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 1);
    const sizePosition = writer.beginTaggedField(1);
    writeReplicaState(writer, value.replicaState);
    writer.endTaggedField(sizePosition);
  }
  writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, Number.POSITIVE_INFINITY);
}

function readFetchTopic(reader: Reader): FetchTopic {
  const topic: string = "";
  const topicId = reader.readUuid();
  const length1 = reader.readArrayLengthNotNull(33, true);
  const items2: FetchPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readFetchPartition(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topic, topicId, partitions, unknownTaggedFields };
}

function writeFetchTopic(writer: Writer, value: FetchTopic): void {
  writer.writeUuid(value.topicId);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeFetchPartition(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readForgottenTopic(reader: Reader): ForgottenTopic {
  const topic: string = "";
  const topicId = reader.readUuid();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topic, topicId, partitions, unknownTaggedFields };
}

function writeForgottenTopic(writer: Writer, value: ForgottenTopic): void {
  writer.writeUuid(value.topicId);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readReplicaState(reader: Reader): ReplicaState {
  const replicaId = reader.readInt32();
  const replicaEpoch = reader.readInt64();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { replicaId, replicaEpoch, unknownTaggedFields };
}

function writeReplicaState(writer: Writer, value: ReplicaState): void {
  writer.writeInt32(value.replicaId);
  writer.writeInt64(value.replicaEpoch);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readFetchPartition(reader: Reader): FetchPartition {
  const partition = reader.readInt32();
  const currentLeaderEpoch = reader.readInt32();
  const fetchOffset = reader.readInt64();
  const lastFetchedEpoch = reader.readInt32();
  const logStartOffset = reader.readInt64();
  const partitionMaxBytes = reader.readInt32();
  const replicaDirectoryId: string = zeroUuid;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { partition, currentLeaderEpoch, fetchOffset, lastFetchedEpoch, logStartOffset, partitionMaxBytes, replicaDirectoryId, unknownTaggedFields };
}

function writeFetchPartition(writer: Writer, value: FetchPartition): void {
  writer.writeInt32(value.partition);
  writer.writeInt32(value.currentLeaderEpoch);
  writer.writeInt64(value.fetchOffset);
  writer.writeInt32(value.lastFetchedEpoch);
  writer.writeInt64(value.logStartOffset);
  writer.writeInt32(value.partitionMaxBytes);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeFetchResponseV16(reader: Reader): FetchResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const sessionId = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(18, true);
  const items2: FetchableTopicResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readFetchableTopicResponse(reader));
  const responses = items2;
  let nodeEndpoints: readonly NodeEndpoint[] = [];
  let unknownTaggedFields: TaggedField[] | undefined;
  const taggedFieldCount = reader.readTaggedFieldCount();
  let previousTag = -1;
  for (let index = 0; index < taggedFieldCount; index++) {
    const tag = reader.readTag(previousTag);
    previousTag = tag;
    const end = reader.readTaggedFieldEnd();
    switch (tag) {
      case 0: {
        const length3 = reader.readArrayLengthNotNull(11, true);
        const items4: NodeEndpoint[] = [];
        for (let index = 0; index < length3; index++) items4.push(readNodeEndpoint(reader));
        nodeEndpoints = items4;
        break;
      }
      default:
        unknownTaggedFields ??= [];
        unknownTaggedFields.push(reader.readUnknownTaggedField(tag, end));
    }
    reader.expectTaggedFieldEnd(end, tag);
  }
  return { throttleTimeMs, errorCode, sessionId, responses, nodeEndpoints, unknownTaggedFields };
}

export function encodeFetchResponseV16(writer: Writer, value: FetchResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeInt32(value.sessionId);
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeFetchableTopicResponse(writer, items1[index]!);
  }
  const unknownTaggedFields = value.unknownTaggedFields ?? emptyTaggedFields;
  let taggedFieldCount = unknownTaggedFields.length;
  const hasTag0 = value.nodeEndpoints.length !== 0;
  if (hasTag0) taggedFieldCount++;
  writer.writeUnsignedVarint(taggedFieldCount);
  let unknownIndex = 0;
  if (hasTag0) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 0);
    const sizePosition = writer.beginTaggedField(0);
    const items2 = value.nodeEndpoints;
    writer.writeArrayLength(items2.length, true);
    for (let index = 0; index < items2.length; index++) {
      writeNodeEndpoint(writer, items2[index]!);
    }
    writer.endTaggedField(sizePosition);
  }
  writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, Number.POSITIVE_INFINITY);
}

function readFetchableTopicResponse(reader: Reader): FetchableTopicResponse {
  const topic: string = "";
  const topicId = reader.readUuid();
  const length1 = reader.readArrayLengthNotNull(37, true);
  const items2: PartitionData[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionData(reader));
  const partitions = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topic, topicId, partitions, unknownTaggedFields };
}

function writeFetchableTopicResponse(writer: Writer, value: FetchableTopicResponse): void {
  writer.writeUuid(value.topicId);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writePartitionData(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readNodeEndpoint(reader: Reader): NodeEndpoint {
  const nodeId = reader.readInt32();
  const host = reader.readCompactString();
  const port = reader.readInt32();
  const rack = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { nodeId, host, port, rack, unknownTaggedFields };
}

function writeNodeEndpoint(writer: Writer, value: NodeEndpoint): void {
  writer.writeInt32(value.nodeId);
  writer.writeCompactString(value.host);
  writer.writeInt32(value.port);
  writer.writeCompactNullableString(value.rack);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readPartitionData(reader: Reader): PartitionData {
  const partitionIndex = reader.readInt32();
  const errorCode = reader.readInt16();
  const highWatermark = reader.readInt64();
  const lastStableOffset = reader.readInt64();
  const logStartOffset = reader.readInt64();
  let divergingEpoch: EpochEndOffset = defaultEpochEndOffset();
  let currentLeader: LeaderIdAndEpoch = defaultLeaderIdAndEpoch();
  let snapshotId: SnapshotId = defaultSnapshotId();
  const length1 = reader.readCompactArrayLength(17);
  let items2: AbortedTransaction[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(readAbortedTransaction(reader));
  }
  const abortedTransactions = items2;
  const preferredReadReplica = reader.readInt32();
  const records = reader.readCompactNullableBytes();
  let unknownTaggedFields: TaggedField[] | undefined;
  const taggedFieldCount = reader.readTaggedFieldCount();
  let previousTag = -1;
  for (let index = 0; index < taggedFieldCount; index++) {
    const tag = reader.readTag(previousTag);
    previousTag = tag;
    const end = reader.readTaggedFieldEnd();
    switch (tag) {
      case 0: {
        divergingEpoch = readEpochEndOffset(reader);
        break;
      }
      case 1: {
        currentLeader = readLeaderIdAndEpoch(reader);
        break;
      }
      case 2: {
        snapshotId = readSnapshotId(reader);
        break;
      }
      default:
        unknownTaggedFields ??= [];
        unknownTaggedFields.push(reader.readUnknownTaggedField(tag, end));
    }
    reader.expectTaggedFieldEnd(end, tag);
  }
  return { partitionIndex, errorCode, highWatermark, lastStableOffset, logStartOffset, divergingEpoch, currentLeader, snapshotId, abortedTransactions, preferredReadReplica, records, unknownTaggedFields };
}

function writePartitionData(writer: Writer, value: PartitionData): void {
  writer.writeInt32(value.partitionIndex);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.highWatermark);
  writer.writeInt64(value.lastStableOffset);
  writer.writeInt64(value.logStartOffset);
  const items1 = value.abortedTransactions;
  if (items1 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items1.length, true);
    for (let index = 0; index < items1.length; index++) {
      writeAbortedTransaction(writer, items1[index]!);
    }
  }
  writer.writeInt32(value.preferredReadReplica);
  writer.writeCompactNullableBytes(value.records);
  const unknownTaggedFields = value.unknownTaggedFields ?? emptyTaggedFields;
  let taggedFieldCount = unknownTaggedFields.length;
  const hasTag0 = !isEpochEndOffsetDefault(value.divergingEpoch);
  if (hasTag0) taggedFieldCount++;
  const hasTag1 = !isLeaderIdAndEpochDefault(value.currentLeader);
  if (hasTag1) taggedFieldCount++;
  const hasTag2 = !isSnapshotIdDefault(value.snapshotId);
  if (hasTag2) taggedFieldCount++;
  writer.writeUnsignedVarint(taggedFieldCount);
  let unknownIndex = 0;
  if (hasTag0) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 0);
    const sizePosition = writer.beginTaggedField(0);
    writeEpochEndOffset(writer, value.divergingEpoch);
    writer.endTaggedField(sizePosition);
  }
  if (hasTag1) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 1);
    const sizePosition = writer.beginTaggedField(1);
    writeLeaderIdAndEpoch(writer, value.currentLeader);
    writer.endTaggedField(sizePosition);
  }
  if (hasTag2) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 2);
    const sizePosition = writer.beginTaggedField(2);
    writeSnapshotId(writer, value.snapshotId);
    writer.endTaggedField(sizePosition);
  }
  writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, Number.POSITIVE_INFINITY);
}

function readAbortedTransaction(reader: Reader): AbortedTransaction {
  const producerId = reader.readInt64();
  const firstOffset = reader.readInt64();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { producerId, firstOffset, unknownTaggedFields };
}

function writeAbortedTransaction(writer: Writer, value: AbortedTransaction): void {
  writer.writeInt64(value.producerId);
  writer.writeInt64(value.firstOffset);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readEpochEndOffset(reader: Reader): EpochEndOffset {
  const epoch = reader.readInt32();
  const endOffset = reader.readInt64();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { epoch, endOffset, unknownTaggedFields };
}

function writeEpochEndOffset(writer: Writer, value: EpochEndOffset): void {
  writer.writeInt32(value.epoch);
  writer.writeInt64(value.endOffset);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readLeaderIdAndEpoch(reader: Reader): LeaderIdAndEpoch {
  const leaderId = reader.readInt32();
  const leaderEpoch = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { leaderId, leaderEpoch, unknownTaggedFields };
}

function writeLeaderIdAndEpoch(writer: Writer, value: LeaderIdAndEpoch): void {
  writer.writeInt32(value.leaderId);
  writer.writeInt32(value.leaderEpoch);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readSnapshotId(reader: Reader): SnapshotId {
  const endOffset = reader.readInt64();
  const epoch = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { endOffset, epoch, unknownTaggedFields };
}

function writeSnapshotId(writer: Writer, value: SnapshotId): void {
  writer.writeInt64(value.endOffset);
  writer.writeInt32(value.epoch);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
