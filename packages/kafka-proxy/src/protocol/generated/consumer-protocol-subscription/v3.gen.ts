// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { ConsumerProtocolSubscription, TopicPartition } from "./types.gen.js";

export function decodeConsumerProtocolSubscriptionV3(reader: Reader): ConsumerProtocolSubscription {
  const length1 = reader.readArrayLengthNotNull(2, false);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readString());
  const topics = items2;
  const userData = reader.readNullableBytes();
  const length3 = reader.readArrayLengthNotNull(6, false);
  const items4: TopicPartition[] = [];
  for (let index = 0; index < length3; index++) items4.push(readTopicPartition(reader));
  const ownedPartitions = items4;
  const generationId = reader.readInt32();
  const rackId = reader.readNullableString();
  return { topics, userData, ownedPartitions, generationId, rackId };
}

export function encodeConsumerProtocolSubscriptionV3(writer: Writer, value: ConsumerProtocolSubscription): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeString(items1[index]!);
  }
  writer.writeNullableBytes(value.userData);
  const items2 = value.ownedPartitions;
  writer.writeArrayLength(items2.length, false);
  for (let index = 0; index < items2.length; index++) {
    writeTopicPartition(writer, items2[index]!);
  }
  writer.writeInt32(value.generationId);
  writer.writeNullableString(value.rackId);
}

function readTopicPartition(reader: Reader): TopicPartition {
  const topic = reader.readString();
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const partitions = items2;
  return { topic, partitions };
}

function writeTopicPartition(writer: Writer, value: TopicPartition): void {
  writer.writeString(value.topic);
  const items1 = value.partitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
}
