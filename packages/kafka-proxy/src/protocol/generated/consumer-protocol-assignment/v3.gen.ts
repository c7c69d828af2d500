// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { ConsumerProtocolAssignment, TopicPartition } from "./types.gen.js";

export function decodeConsumerProtocolAssignmentV3(reader: Reader): ConsumerProtocolAssignment {
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: TopicPartition[] = [];
  for (let index = 0; index < length1; index++) items2.push(readTopicPartition(reader));
  const assignedPartitions = items2;
  const userData = reader.readNullableBytes();
  return { assignedPartitions, userData };
}

export function encodeConsumerProtocolAssignmentV3(writer: Writer, value: ConsumerProtocolAssignment): void {
  const items1 = value.assignedPartitions;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeTopicPartition(writer, items1[index]!);
  }
  writer.writeNullableBytes(value.userData);
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
