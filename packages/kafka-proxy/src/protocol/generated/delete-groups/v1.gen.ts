// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { DeletableGroupResult, DeleteGroupsRequest, DeleteGroupsResponse } from "./types.gen.js";

export function decodeDeleteGroupsRequestV1(reader: Reader): DeleteGroupsRequest {
  const length1 = reader.readArrayLengthNotNull(2, false);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readString());
  const groupsNames = items2;
  return { groupsNames };
}

export function encodeDeleteGroupsRequestV1(writer: Writer, value: DeleteGroupsRequest): void {
  const items1 = value.groupsNames;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeString(items1[index]!);
  }
}

export function decodeDeleteGroupsResponseV1(reader: Reader): DeleteGroupsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: DeletableGroupResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeletableGroupResult(reader));
  const results = items2;
  return { throttleTimeMs, results };
}

export function encodeDeleteGroupsResponseV1(writer: Writer, value: DeleteGroupsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.results;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDeletableGroupResult(writer, items1[index]!);
  }
}

function readDeletableGroupResult(reader: Reader): DeletableGroupResult {
  const groupId = reader.readString();
  const errorCode = reader.readInt16();
  return { groupId, errorCode };
}

function writeDeletableGroupResult(writer: Writer, value: DeletableGroupResult): void {
  writer.writeString(value.groupId);
  writer.writeInt16(value.errorCode);
}
