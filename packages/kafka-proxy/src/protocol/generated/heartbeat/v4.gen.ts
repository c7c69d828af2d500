// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { HeartbeatRequest, HeartbeatResponse } from "./types.gen.js";

export function decodeHeartbeatRequestV4(reader: Reader): HeartbeatRequest {
  const groupId = reader.readCompactString();
  const generationId = reader.readInt32();
  const memberId = reader.readCompactString();
  const groupInstanceId = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { groupId, generationId, memberId, groupInstanceId, unknownTaggedFields };
}

export function encodeHeartbeatRequestV4(writer: Writer, value: HeartbeatRequest): void {
  writer.writeCompactString(value.groupId);
  writer.writeInt32(value.generationId);
  writer.writeCompactString(value.memberId);
  writer.writeCompactNullableString(value.groupInstanceId);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeHeartbeatResponseV4(reader: Reader): HeartbeatResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, unknownTaggedFields };
}

export function encodeHeartbeatResponseV4(writer: Writer, value: HeartbeatResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
