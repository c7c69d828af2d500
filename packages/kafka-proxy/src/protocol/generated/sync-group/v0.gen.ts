// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { SyncGroupRequest, SyncGroupRequestAssignment, SyncGroupResponse } from "./types.gen.js";

export function decodeSyncGroupRequestV0(reader: Reader): SyncGroupRequest {
  const groupId = reader.readString();
  const generationId = reader.readInt32();
  const memberId = reader.readString();
  const groupInstanceId: string | null = null;
  const protocolType: string | null = null;
  const protocolName: string | null = null;
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: SyncGroupRequestAssignment[] = [];
  for (let index = 0; index < length1; index++) items2.push(readSyncGroupRequestAssignment(reader));
  const assignments = items2;
  return { groupId, generationId, memberId, groupInstanceId, protocolType, protocolName, assignments };
}

export function encodeSyncGroupRequestV0(writer: Writer, value: SyncGroupRequest): void {
  writer.writeString(value.groupId);
  writer.writeInt32(value.generationId);
  writer.writeString(value.memberId);
  const items1 = value.assignments;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeSyncGroupRequestAssignment(writer, items1[index]!);
  }
}

function readSyncGroupRequestAssignment(reader: Reader): SyncGroupRequestAssignment {
  const memberId = reader.readString();
  const assignment = reader.readBytes();
  return { memberId, assignment };
}

function writeSyncGroupRequestAssignment(writer: Writer, value: SyncGroupRequestAssignment): void {
  writer.writeString(value.memberId);
  writer.writeBytes(value.assignment);
}

export function decodeSyncGroupResponseV0(reader: Reader): SyncGroupResponse {
  const throttleTimeMs: number = 0;
  const errorCode = reader.readInt16();
  const protocolType: string | null = null;
  const protocolName: string | null = null;
  const assignment = reader.readBytes();
  return { throttleTimeMs, errorCode, protocolType, protocolName, assignment };
}

export function encodeSyncGroupResponseV0(writer: Writer, value: SyncGroupResponse): void {
  writer.writeInt16(value.errorCode);
  writer.writeBytes(value.assignment);
}
