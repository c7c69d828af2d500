// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { TaggedField } from "../../tagged-field.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import { defaultLeaderIdAndEpoch, isLeaderIdAndEpochDefault } from "./defaults.gen.js";
import type { BatchIndexAndErrorMessage, LeaderIdAndEpoch, NodeEndpoint, PartitionProduceData, PartitionProduceResponse, ProduceRequest, ProduceResponse, TopicProduceData, TopicProduceResponse } from "./types.gen.js";

const emptyTaggedFields: readonly TaggedField[] = [];

export function decodeProduceRequestV11(reader: Reader): ProduceRequest {
  const transactionalId = reader.readCompactNullableString();
  const acks = reader.readInt16();
  const timeoutMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: TopicProduceData[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicProduceData(reader));
  const topicData = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { transactionalId, acks, timeoutMs, topicData, unknownTaggedFields };
}

export function encodeProduceRequestV11(writer: Writer, value: ProduceRequest): void {
  writer.writeCompactNullableString(value.transactionalId);
  writer.writeInt16(value.acks);
  writer.writeInt32(value.timeoutMs);
  const items1 = value.topicData;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTopicProduceData(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readTopicProduceData(reader: Reader): TopicProduceData {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(6, true);
  const items2: PartitionProduceData[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionProduceData(reader));
  const partitionData = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitionData, unknownTaggedFields };
}

function writeTopicProduceData(writer: Writer, value: TopicProduceData): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitionData;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writePartitionProduceData(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readPartitionProduceData(reader: Reader): PartitionProduceData {
  const indexField = reader.readInt32();
  const records = reader.readCompactNullableBytes();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { index: indexField, records, unknownTaggedFields };
}

function writePartitionProduceData(writer: Writer, value: PartitionProduceData): void {
  writer.writeInt32(value.index);
  writer.writeCompactNullableBytes(value.records);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeProduceResponseV11(reader: Reader): ProduceResponse {
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: TopicProduceResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicProduceResponse(reader));
  const responses = items2;
  const throttleTimeMs = reader.readInt32();
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
  return { responses, throttleTimeMs, nodeEndpoints, unknownTaggedFields };
}

export function encodeProduceResponseV11(writer: Writer, value: ProduceResponse): void {
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeTopicProduceResponse(writer, items1[index]!);
  }
  writer.writeInt32(value.throttleTimeMs);
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

function readTopicProduceResponse(reader: Reader): TopicProduceResponse {
  const name = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(33, true);
  const items2: PartitionProduceResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readPartitionProduceResponse(reader));
  const partitionResponses = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, partitionResponses, unknownTaggedFields };
}

function writeTopicProduceResponse(writer: Writer, value: TopicProduceResponse): void {
  writer.writeCompactString(value.name);
  const items1 = value.partitionResponses;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writePartitionProduceResponse(writer, items1[index]!);
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

function readPartitionProduceResponse(reader: Reader): PartitionProduceResponse {
  const indexField = reader.readInt32();
  const errorCode = reader.readInt16();
  const baseOffset = reader.readInt64();
  const logAppendTimeMs = reader.readInt64();
  const logStartOffset = reader.readInt64();
  const length1 = reader.readArrayLengthNotNull(6, true);
  const items2: BatchIndexAndErrorMessage[] = [];
  for (let index = 0; index < length1; index++) items2.push(readBatchIndexAndErrorMessage(reader));
  const recordErrors = items2;
  const errorMessage = reader.readCompactNullableString();
  let currentLeader: LeaderIdAndEpoch = defaultLeaderIdAndEpoch();
  let unknownTaggedFields: TaggedField[] | undefined;
  const taggedFieldCount = reader.readTaggedFieldCount();
  let previousTag = -1;
  for (let index = 0; index < taggedFieldCount; index++) {
    const tag = reader.readTag(previousTag);
    previousTag = tag;
    const end = reader.readTaggedFieldEnd();
    switch (tag) {
      case 0: {
        currentLeader = readLeaderIdAndEpoch(reader);
        break;
      }
      default:
        unknownTaggedFields ??= [];
        unknownTaggedFields.push(reader.readUnknownTaggedField(tag, end));
    }
    reader.expectTaggedFieldEnd(end, tag);
  }
  return { index: indexField, errorCode, baseOffset, logAppendTimeMs, logStartOffset, recordErrors, errorMessage, currentLeader, unknownTaggedFields };
}

function writePartitionProduceResponse(writer: Writer, value: PartitionProduceResponse): void {
  writer.writeInt32(value.index);
  writer.writeInt16(value.errorCode);
  writer.writeInt64(value.baseOffset);
  writer.writeInt64(value.logAppendTimeMs);
  writer.writeInt64(value.logStartOffset);
  const items1 = value.recordErrors;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeBatchIndexAndErrorMessage(writer, items1[index]!);
  }
  writer.writeCompactNullableString(value.errorMessage);
  const unknownTaggedFields = value.unknownTaggedFields ?? emptyTaggedFields;
  let taggedFieldCount = unknownTaggedFields.length;
  const hasTag0 = !isLeaderIdAndEpochDefault(value.currentLeader);
  if (hasTag0) taggedFieldCount++;
  writer.writeUnsignedVarint(taggedFieldCount);
  let unknownIndex = 0;
  if (hasTag0) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 0);
    const sizePosition = writer.beginTaggedField(0);
    writeLeaderIdAndEpoch(writer, value.currentLeader);
    writer.endTaggedField(sizePosition);
  }
  writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, Number.POSITIVE_INFINITY);
}

function readBatchIndexAndErrorMessage(reader: Reader): BatchIndexAndErrorMessage {
  const batchIndex = reader.readInt32();
  const batchIndexErrorMessage = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { batchIndex, batchIndexErrorMessage, unknownTaggedFields };
}

function writeBatchIndexAndErrorMessage(writer: Writer, value: BatchIndexAndErrorMessage): void {
  writer.writeInt32(value.batchIndex);
  writer.writeCompactNullableString(value.batchIndexErrorMessage);
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
