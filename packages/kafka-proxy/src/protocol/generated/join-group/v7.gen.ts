// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { JoinGroupRequest, JoinGroupRequestProtocol, JoinGroupResponse, JoinGroupResponseMember } from "./types.gen.js";

export function decodeJoinGroupRequestV7(reader: Reader): JoinGroupRequest {
  const groupId = reader.readCompactString();
  const sessionTimeoutMs = reader.readInt32();
  const rebalanceTimeoutMs = reader.readInt32();
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const protocolType = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(3, true);
  const items2: JoinGroupRequestProtocol[] = [];
  for (let index = 0; index < length1; index++) items2.push(readJoinGroupRequestProtocol(reader));
  const protocols = items2;
  const reason: string | null = null;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, sessionTimeoutMs, rebalanceTimeoutMs, memberId, groupInstanceId, protocolType, protocols, reason, unknownTaggedFields };
}

export function encodeJoinGroupRequestV7(writer: Writer, value: JoinGroupRequest): void {
  writer.writeCompactString(value.groupId);
  writer.writeInt32(value.sessionTimeoutMs);
  writer.writeInt32(value.rebalanceTimeoutMs);
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  writer.writeCompactString(value.protocolType);
  const items1 = value.protocols;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeJoinGroupRequestProtocol(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readJoinGroupRequestProtocol(reader: Reader): JoinGroupRequestProtocol {
  const name = reader.readCompactString();
  const metadata = reader.readCompactBytes();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, metadata, unknownTaggedFields };
}

function writeJoinGroupRequestProtocol(writer: Writer, value: JoinGroupRequestProtocol): void {
  writer.writeCompactString(value.name);
  writer.writeCompactBytes(value.metadata);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeJoinGroupResponseV7(reader: Reader): JoinGroupResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const generationId = reader.readInt32();
  const protocolType = reader.readCompactNullableString();
  const protocolName = reader.readCompactNullableString();
  const leader = reader.readCompactString();
  const skipAssignment: boolean = false;
  const memberId = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: JoinGroupResponseMember[] = [];
  for (let index = 0; index < length1; index++) items2.push(readJoinGroupResponseMember(reader));
  const members = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, generationId, protocolType, protocolName, leader, skipAssignment, memberId, members, unknownTaggedFields };
}

export function encodeJoinGroupResponseV7(writer: Writer, value: JoinGroupResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeInt32(value.generationId);
  writer.writeCompactNullableString(value.protocolType);
  writer.writeCompactNullableString(value.protocolName);
  writer.writeCompactString(value.leader);
  writer.writeCompactString(value.memberId);
  const items1 = value.members;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeJoinGroupResponseMember(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readJoinGroupResponseMember(reader: Reader): JoinGroupResponseMember {
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const metadata = reader.readCompactBytes();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { memberId, groupInstanceId, metadata, unknownTaggedFields };
}

function writeJoinGroupResponseMember(writer: Writer, value: JoinGroupResponseMember): void {
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  writer.writeCompactBytes(value.metadata);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
