// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { SyncGroupRequest, SyncGroupRequestAssignment, SyncGroupResponse } from "./types.gen.js";

export function decodeSyncGroupRequestV5(reader: Reader): SyncGroupRequest {
  const groupId = reader.readCompactString();
  const generationId = reader.readInt32();
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const protocolType = reader.readCompactNullableString();
  const protocolName = reader.readCompactNullableString();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: SyncGroupRequestAssignment[] = [];
  for (let index = 0; index < length1; index++) items2.push(readSyncGroupRequestAssignment(reader));
  const assignments = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, generationId, memberId, groupInstanceId, protocolType, protocolName, assignments, unknownTaggedFields };
}

export function encodeSyncGroupRequestV5(writer: Writer, value: SyncGroupRequest): void {
  writer.writeCompactString(value.groupId);
  writer.writeInt32(value.generationId);
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  writer.writeCompactNullableString(value.protocolType);
  writer.writeCompactNullableString(value.protocolName);
  const items1 = value.assignments;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeSyncGroupRequestAssignment(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readSyncGroupRequestAssignment(reader: Reader): SyncGroupRequestAssignment {
  const memberId = reader.readCompactString();
  const assignment = reader.readCompactBytes();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { memberId, assignment, unknownTaggedFields };
}

function writeSyncGroupRequestAssignment(writer: Writer, value: SyncGroupRequestAssignment): void {
  writer.writeCompactString(value.memberId);
  writer.writeCompactBytes(value.assignment);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeSyncGroupResponseV5(reader: Reader): SyncGroupResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const protocolType = reader.readCompactNullableString();
  const protocolName = reader.readCompactNullableString();
  const assignment = reader.readCompactBytes();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, protocolType, protocolName, assignment, unknownTaggedFields };
}

export function encodeSyncGroupResponseV5(writer: Writer, value: SyncGroupResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.protocolType);
  writer.writeCompactNullableString(value.protocolName);
  writer.writeCompactBytes(value.assignment);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
