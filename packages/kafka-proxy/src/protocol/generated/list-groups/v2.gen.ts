// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { ListGroupsRequest, ListGroupsResponse, ListedGroup } from "./types.gen.js";

export function decodeListGroupsRequestV2(reader: Reader): ListGroupsRequest {
  const statesFilter: readonly string[] = [];
  const typesFilter: readonly string[] = [];
  return { statesFilter, typesFilter };
}

export function encodeListGroupsRequestV2(writer: Writer, value: ListGroupsRequest): void {
}

export function decodeListGroupsResponseV2(reader: Reader): ListGroupsResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: ListedGroup[] = [];
  for (let index = 0; index < length1; index++) items2.push(readListedGroup(reader));
  const groups = items2;
  return { throttleTimeMs, errorCode, groups };
}

export function encodeListGroupsResponseV2(writer: Writer, value: ListGroupsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  const items1 = value.groups;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeListedGroup(writer, items1[index]!);
  }
}

function readListedGroup(reader: Reader): ListedGroup {
  const groupId = reader.readString();
  const protocolType = reader.readString();
  const groupState: string = "";
  const groupType: string = "";
  return { groupId, protocolType, groupState, groupType };
}

function writeListedGroup(writer: Writer, value: ListedGroup): void {
  writer.writeString(value.groupId);
  writer.writeString(value.protocolType);
}
