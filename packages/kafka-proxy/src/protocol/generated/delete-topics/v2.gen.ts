// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { requireNotNull } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { DeletableTopicResult, DeleteTopicState, DeleteTopicsRequest, DeleteTopicsResponse } from "./types.gen.js";

export function decodeDeleteTopicsRequestV2(reader: Reader): DeleteTopicsRequest {
  const topics: readonly DeleteTopicState[] = [];
  const length1 = reader.readArrayLengthNotNull(2, false);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readString());
  const topicNames = items2;
  const timeoutMs = reader.readInt32();
  return { topics, topicNames, timeoutMs };
}

export function encodeDeleteTopicsRequestV2(writer: Writer, value: DeleteTopicsRequest): void {
  const items1 = value.topicNames;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeString(items1[index]!);
  }
  writer.writeInt32(value.timeoutMs);
}

export function decodeDeleteTopicsResponseV2(reader: Reader): DeleteTopicsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: DeletableTopicResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeletableTopicResult(reader));
  const responses = items2;
  return { throttleTimeMs, responses };
}

export function encodeDeleteTopicsResponseV2(writer: Writer, value: DeleteTopicsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDeletableTopicResult(writer, items1[index]!);
  }
}

function readDeletableTopicResult(reader: Reader): DeletableTopicResult {
  const name = reader.readString();
  const topicId: string = zeroUuid;
  const errorCode = reader.readInt16();
  const errorMessage: string | null = null;
  return { name, topicId, errorCode, errorMessage };
}

function writeDeletableTopicResult(writer: Writer, value: DeletableTopicResult): void {
  writer.writeString(requireNotNull(value.name, "DeletableTopicResult.name"));
  writer.writeInt16(value.errorCode);
}
