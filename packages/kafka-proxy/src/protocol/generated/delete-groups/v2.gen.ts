// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { DeletableGroupResult, DeleteGroupsRequest, DeleteGroupsResponse } from "./types.gen.js";

export function decodeDeleteGroupsRequestV2(reader: Reader): DeleteGroupsRequest {
  const length1 = reader.readArrayLengthNotNull(1, true);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readCompactString());
  const groupsNames = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupsNames, unknownTaggedFields };
}

export function encodeDeleteGroupsRequestV2(writer: Writer, value: DeleteGroupsRequest): void {
  const items1 = value.groupsNames;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeCompactString(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeDeleteGroupsResponseV2(reader: Reader): DeleteGroupsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: DeletableGroupResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDeletableGroupResult(reader));
  const results = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, results, unknownTaggedFields };
}

export function encodeDeleteGroupsResponseV2(writer: Writer, value: DeleteGroupsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.results;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDeletableGroupResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDeletableGroupResult(reader: Reader): DeletableGroupResult {
  const groupId = reader.readCompactString();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, errorCode, unknownTaggedFields };
}

function writeDeletableGroupResult(writer: Writer, value: DeletableGroupResult): void {
  writer.writeCompactString(value.groupId);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
