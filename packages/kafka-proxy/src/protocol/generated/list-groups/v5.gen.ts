// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { ListGroupsRequest, ListGroupsResponse, ListedGroup } from "./types.gen.js";

export function decodeListGroupsRequestV5(reader: Reader): ListGroupsRequest {
  const length1 = reader.readArrayLengthNotNull(1, true);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readCompactString());
  const statesFilter = items2;
  const length3 = reader.readArrayLengthNotNull(1, true);
  const items4: string[] = [];
  for (let index = 0; index < length3; index++) items4.push(reader.readCompactString());
  const typesFilter = items4;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { statesFilter, typesFilter, unknownTaggedFields };
}

export function encodeListGroupsRequestV5(writer: Writer, value: ListGroupsRequest): void {
  const items1 = value.statesFilter;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeCompactString(items1[index]!);
  }
  const items2 = value.typesFilter;
  writer.writeArrayLength(items2.length, true);
  for (let index = 0; index < items2.length; index++) {
    writer.writeCompactString(items2[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeListGroupsResponseV5(reader: Reader): ListGroupsResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(5, true);
  const items2: ListedGroup[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListedGroup(reader));
  const groups = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, groups, unknownTaggedFields };
}

export function encodeListGroupsResponseV5(writer: Writer, value: ListGroupsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  const items1 = value.groups;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeListedGroup(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readListedGroup(reader: Reader): ListedGroup {
  const groupId = reader.readCompactString();
  const protocolType = reader.readCompactString();
  const groupState = reader.readCompactString();
  const groupType = reader.readCompactString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, protocolType, groupState, groupType, unknownTaggedFields };
}

function writeListedGroup(writer: Writer, value: ListedGroup): void {
  writer.writeCompactString(value.groupId);
  writer.writeCompactString(value.protocolType);
  writer.writeCompactString(value.groupState);
  writer.writeCompactString(value.groupType);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
