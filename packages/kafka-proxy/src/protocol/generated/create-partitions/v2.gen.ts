// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { CreatePartitionsAssignment, CreatePartitionsRequest, CreatePartitionsResponse, CreatePartitionsTopic, CreatePartitionsTopicResult } from "./types.gen.js";

export function decodeCreatePartitionsRequestV2(reader: Reader): CreatePartitionsRequest {
  const length1 = reader.readArrayLengthNotNull(7, true);
  const items2: CreatePartitionsTopic[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatePartitionsTopic(reader));
  const topics = items2;
  const timeoutMs = reader.readInt32();
  const validateOnly = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { topics, timeoutMs, validateOnly, unknownTaggedFields };
}

export function encodeCreatePartitionsRequestV2(writer: Writer, value: CreatePartitionsRequest): void {
  const items1 = value.topics;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeCreatePartitionsTopic(writer, items1[index]!);
  }
  writer.writeInt32(value.timeoutMs);
  writer.writeBoolean(value.validateOnly);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readCreatePartitionsTopic(reader: Reader): CreatePartitionsTopic {
  const name = reader.readCompactString();
  const count = reader.readInt32();
  const length1 = reader.readCompactArrayLength(2);
  let items2: CreatePartitionsAssignment[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(readCreatePartitionsAssignment(reader));
  }
  const assignments = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, count, assignments, unknownTaggedFields };
}

function writeCreatePartitionsTopic(writer: Writer, value: CreatePartitionsTopic): void {
  writer.writeCompactString(value.name);
  writer.writeInt32(value.count);
  const items1 = value.assignments;
  if (items1 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items1.length, true);
    for (let index = 0; index < items1.length; index++) {
      writeCreatePartitionsAssignment(writer, items1[index]!);
    }
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readCreatePartitionsAssignment(reader: Reader): CreatePartitionsAssignment {
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: number[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readInt32());
  const brokerIds = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { brokerIds, unknownTaggedFields };
}

function writeCreatePartitionsAssignment(writer: Writer, value: CreatePartitionsAssignment): void {
  const items1 = value.brokerIds;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeInt32(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeCreatePartitionsResponseV2(reader: Reader): CreatePartitionsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(5, true);
  const items2: CreatePartitionsTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCreatePartitionsTopicResult(reader));
  const results = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, results, unknownTaggedFields };
}

export function encodeCreatePartitionsResponseV2(writer: Writer, value: CreatePartitionsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.results;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeCreatePartitionsTopicResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readCreatePartitionsTopicResult(reader: Reader): CreatePartitionsTopicResult {
  const name = reader.readCompactString();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, errorCode, errorMessage, unknownTaggedFields };
}

function writeCreatePartitionsTopicResult(writer: Writer, value: CreatePartitionsTopicResult): void {
  writer.writeCompactString(value.name);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
