// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { HeartbeatRequest, HeartbeatResponse } from "./types.gen.js";

export function decodeHeartbeatRequestV3(reader: Reader): HeartbeatRequest {
  const groupId = reader.readString();
  const generationId = reader.readInt32();
  const memberId = reader.readString();
  const groupInstanceId = reader.readNullableString();
  return { groupId, generationId, memberId, groupInstanceId };
}

export function encodeHeartbeatRequestV3(writer: Writer, value: HeartbeatRequest): void {
  writer.writeString(value.groupId);
  writer.writeInt32(value.generationId);
  writer.writeString(value.memberId);
  writer.writeNullableString(value.groupInstanceId);
}

export function decodeHeartbeatResponseV3(reader: Reader): HeartbeatResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  return { throttleTimeMs, errorCode };
}

export function encodeHeartbeatResponseV3(writer: Writer, value: HeartbeatResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
}
