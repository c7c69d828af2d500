// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { CreatePartitionsAssignment, CreatePartitionsRequest, CreatePartitionsResponse, CreatePartitionsTopic, CreatePartitionsTopicResult } from "./types.gen.js";

export function decodeCreatePartitionsRequestV0(reader: Reader): CreatePartitionsRequest {
  const length1 = reader.readArrayLengthNotNull(10, false);
  const items2: CreatePartitionsTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatePartitionsTopic(reader));
  const topics = items2;
  const timeoutMs = reader.readInt32();
  const validateOnly = reader.readBoolean();
  return { topics, timeoutMs, validateOnly };
}

export function encodeCreatePartitionsRequestV0(writer: Writer, value: CreatePartitionsRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeCreatePartitionsTopic(writer, items1[index]!);
  }
  writer.writeInt32(value.timeoutMs);
  writer.writeBoolean(value.validateOnly);
}

function readCreatePartitionsTopic(reader: Reader): CreatePartitionsTopic {
  const name = reader.readString();
  const count = reader.readInt32();
  const length1 = reader.readArrayLength(4);
  let items2: CreatePartitionsAssignment[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(readCreatePartitionsAssignment(reader));
  }
  const assignments = items2;
  return { name, count, assignments };
}

function writeCreatePartitionsTopic(writer: Writer, value: CreatePartitionsTopic): void {
  writer.writeString(value.name);
  writer.writeInt32(value.count);
  const items1 = value.assignments;
  if (items1 === null) {
    writer.writeArrayLength(null, false);
  } else {
    writer.writeArrayLength(items1.length, false);
    for (let index = 0; index < items1.length; index++) {
      writeCreatePartitionsAssignment(writer, items1[index]!);
    }
  }
}

function readCreatePartitionsAssignment(reader: Reader): CreatePartitionsAssignment {
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const brokerIds = items2;
  return { brokerIds };
}

function writeCreatePartitionsAssignment(writer: Writer, value: CreatePartitionsAssignment): void {
  const items1 = value.brokerIds;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
}

export function decodeCreatePartitionsResponseV0(reader: Reader): CreatePartitionsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: CreatePartitionsTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatePartitionsTopicResult(reader));
  const results = items2;
  return { throttleTimeMs, results };
}

export function encodeCreatePartitionsResponseV0(writer: Writer, value: CreatePartitionsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.results;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeCreatePartitionsTopicResult(writer, items1[index]!);
  }
}

function readCreatePartitionsTopicResult(reader: Reader): CreatePartitionsTopicResult {
  const name = reader.readString();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readNullableString();
  return { name, errorCode, errorMessage };
}

function writeCreatePartitionsTopicResult(writer: Writer, value: CreatePartitionsTopicResult): void {
  writer.writeString(value.name);
  writer.writeInt16(value.errorCode);
  writer.writeNullableString(value.errorMessage);
}
