// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { requireNotNull } from "../../generated-support.js";
import type { JoinGroupRequest, JoinGroupRequestProtocol, JoinGroupResponse, JoinGroupResponseMember } from "./types.gen.js";

export function decodeJoinGroupRequestV0(reader: Reader): JoinGroupRequest {
  const groupId = reader.readString();
  const sessionTimeoutMs = reader.readInt32();
  const rebalanceTimeoutMs: number = -1;
  const memberId = reader.readString();
  const groupInstanceId: string | null = null;
  const protocolType = reader.readString();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: JoinGroupRequestProtocol[] = [];
  for (let index = 0; index < length1; index++) items2.push(readJoinGroupRequestProtocol(reader));
  const protocols = items2;
  const reason: string | null = null;
  return { groupId, sessionTimeoutMs, rebalanceTimeoutMs, memberId, groupInstanceId, protocolType, protocols, reason };
}

export function encodeJoinGroupRequestV0(writer: Writer, value: JoinGroupRequest): void {
  writer.writeString(value.groupId);
  writer.writeInt32(value.sessionTimeoutMs);
  writer.writeString(value.memberId);
  writer.writeString(value.protocolType);
  const items1 = value.protocols;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeJoinGroupRequestProtocol(writer, items1[index]!);
  }
}

function readJoinGroupRequestProtocol(reader: Reader): JoinGroupRequestProtocol {
  const name = reader.readString();
  const metadata = reader.readBytes();
  return { name, metadata };
}

function writeJoinGroupRequestProtocol(writer: Writer, value: JoinGroupRequestProtocol): void {
  writer.writeString(value.name);
  writer.writeBytes(value.metadata);
}

export function decodeJoinGroupResponseV0(reader: Reader): JoinGroupResponse {
  const throttleTimeMs: number = 0;
  const errorCode = reader.readInt16();
  const generationId = reader.readInt32();
  const protocolType: string | null = null;
  const protocolName = reader.readString();
  const leader = reader.readString();
  const skipAssignment: boolean = false;
  const memberId = reader.readString();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: JoinGroupResponseMember[] = [];
  for (let index = 0; index < length1; index++) items2.push(readJoinGroupResponseMember(reader));
  const members = items2;
  return { throttleTimeMs, errorCode, generationId, protocolType, protocolName, leader, skipAssignment, memberId, members };
}

export function encodeJoinGroupResponseV0(writer: Writer, value: JoinGroupResponse): void {
  writer.writeInt16(value.errorCode);
  writer.writeInt32(value.generationId);
  writer.writeString(requireNotNull(value.protocolName, "JoinGroupResponse.protocolName"));
  writer.writeString(value.leader);
  writer.writeString(value.memberId);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeJoinGroupResponseMember(writer, items1[index]!);
  }
}

function readJoinGroupResponseMember(reader: Reader): JoinGroupResponseMember {
  const memberId = reader.readString();
  const groupInstanceId: string | null = null;
  const metadata = reader.readBytes();
  return { memberId, groupInstanceId, metadata };
}

function writeJoinGroupResponseMember(writer: Writer, value: JoinGroupResponseMember): void {
  writer.writeString(value.memberId);
  writer.writeBytes(value.metadata);
}
