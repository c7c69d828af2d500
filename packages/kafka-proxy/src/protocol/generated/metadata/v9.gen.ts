// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, requireNotNull, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { MetadataRequest, MetadataRequestTopic, MetadataResponse, MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic } from "./types.gen.js";

export function decodeMetadataRequestV9(reader: Reader): MetadataRequest {
  const length1 = reader.readCompactArrayLength(2);
  let items2: MetadataRequestTopic[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(readMetadataRequestTopic(reader));
  }
  const topics = items2;
  const allowAutoTopicCreation = reader.readBoolean();
  const includeClusterAuthorizedOperations = reader.readBoolean();
  const includeTopicAuthorizedOperations = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topics, allowAutoTopicCreation, includeClusterAuthorizedOperations, includeTopicAuthorizedOperations, unknownTaggedFields };
}

export function encodeMetadataRequestV9(writer: Writer, value: MetadataRequest): void {
  const items1 = value.topics;
  if (items1 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items1.length, true);
    for (let index = 0; index < items1.length; index++) {
      writeMetadataRequestTopic(writer, items1[index]!);
    }
  }
  writer.writeBoolean(value.allowAutoTopicCreation);
  writer.writeBoolean(value.includeClusterAuthorizedOperations);
  writer.writeBoolean(value.includeTopicAuthorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readMetadataRequestTopic(reader: Reader): MetadataRequestTopic {
  const topicId: string = zeroUuid;
  const name = reader.readCompactString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topicId, name, unknownTaggedFields };
}

function writeMetadataRequestTopic(writer: Writer, value: MetadataRequestTopic): void {
  writer.writeCompactString(requireNotNull(value.name, "MetadataRequestTopic.name"));
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeMetadataResponseV9(reader: Reader): MetadataResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(11, true);
  const items2: MetadataResponseBroker[] = [];
  for (let index = 0; index < length1; index++) items2.push(readMetadataResponseBroker(reader));
  const brokers = items2;
  const clusterId = reader.readCompactNullableString();
  const controllerId = reader.readInt32();
  const length3 = reader.readArrayLengthNotNull(10, true);
  const items4: MetadataResponseTopic[] = [];
  for (let index = 0; index < length3; index++) items4.push(readMetadataResponseTopic(reader));
  const topics = items4;
  const clusterAuthorizedOperations = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, brokers, clusterId, controllerId, topics, clusterAuthorizedOperations, unknownTaggedFields };
}

export function encodeMetadataResponseV9(writer: Writer, value: MetadataResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.brokers;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeMetadataResponseBroker(writer, items1[index]!);
  }
  writer.writeCompactNullableString(value.clusterId);
  writer.writeInt32(value.controllerId);
  const items2 = value.topics;
  writer.writeArrayLength(items2.length, true);
  for (let index = 0; index < items2.length; index++) {
    writeMetadataResponseTopic(writer, items2[index]!);
  }
  writer.writeInt32(value.clusterAuthorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readMetadataResponseBroker(reader: Reader): MetadataResponseBroker {
  const nodeId = reader.readInt32();
  const host = reader.readCompactString();
  const port = reader.readInt32();
  const rack = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { nodeId, host, port, rack, unknownTaggedFields };
}

function writeMetadataResponseBroker(writer: Writer, value: MetadataResponseBroker): void {
  writer.writeInt32(value.nodeId);
  writer.writeCompactString(value.host);
  writer.writeInt32(value.port);
  writer.writeCompactNullableString(value.rack);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readMetadataResponseTopic(reader: Reader): MetadataResponseTopic {
  const errorCode = reader.readInt16();
  const name = reader.readCompactString();
  const topicId: string = zeroUuid;
  const isInternal = reader.readBoolean();
  const length1 = reader.readArrayLengthNotNull(18, true);
  const items2: MetadataResponsePartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readMetadataResponsePartition(reader));
  const partitions = items2;
  const topicAuthorizedOperations = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { errorCode, name, topicId, isInternal, partitions, topicAuthorizedOperations, unknownTaggedFields };
}

function writeMetadataResponseTopic(writer: Writer, value: MetadataResponseTopic): void {
  writer.writeInt16(value.errorCode);
  writer.writeCompactString(requireNotNull(value.name, "MetadataResponseTopic.name"));
  writer.writeBoolean(value.isInternal);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeMetadataResponsePartition(writer, items1[index]!);
  }
  writer.writeInt32(value.topicAuthorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readMetadataResponsePartition(reader: Reader): MetadataResponsePartition {
  const errorCode = reader.readInt16();
  const partitionIndex = reader.readInt32();
  const leaderId = reader.readInt32();
  const leaderEpoch = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const replicaNodes = items2;
  const length3 = reader.readArrayLengthNotNull(4, true);
  const items4: number[] = [];
  for (let index = 0; index < length3; index++) items4.push(reader.readInt32());
  const isrNodes = items4;
  const length5 = reader.readArrayLengthNotNull(4, true);
  const items6: number[] = [];
  for (let index = 0; index < length5; index++) items6.push(reader.readInt32());
  const offlineReplicas = items6;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { errorCode, partitionIndex, leaderId, leaderEpoch, replicaNodes, isrNodes, offlineReplicas, unknownTaggedFields };
}

function writeMetadataResponsePartition(writer: Writer, value: MetadataResponsePartition): void {
  writer.writeInt16(value.errorCode);
  writer.writeInt32(value.partitionIndex);
  writer.writeInt32(value.leaderId);
  writer.writeInt32(value.leaderEpoch);
  const items1 = value.replicaNodes;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  const items2 = value.isrNodes;
  writer.writeArrayLength(items2.length, true);
  for (let index = 0; index < items2.length; index++) {
    writer.writeInt32(items2[index]!);
  }
  const items3 = value.offlineReplicas;
  writer.writeArrayLength(items3.length, true);
  for (let index = 0; index < items3.length; index++) {
    writer.writeInt32(items3[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
