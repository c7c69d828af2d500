// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { Coordinator, FindCoordinatorRequest, FindCoordinatorResponse } from "./types.gen.js";

export function decodeFindCoordinatorRequestV2(reader: Reader): FindCoordinatorRequest {
  const key = reader.readString();
  const keyType = reader.readInt8();
  const coordinatorKeys: readonly string[] = [];
  return { key, keyType, coordinatorKeys };
}

export function encodeFindCoordinatorRequestV2(writer: Writer, value: FindCoordinatorRequest): void {
  writer.writeString(value.key);
  writer.writeInt8(value.keyType);
}

export function decodeFindCoordinatorResponseV2(reader: Reader): FindCoordinatorResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readNullableString();
  const nodeId = reader.readInt32();
  const host = reader.readString();
  const port = reader.readInt32();
  const coordinators: readonly Coordinator[] = [];
  return { throttleTimeMs, errorCode, errorMessage, nodeId, host, port, coordinators };
}

export function encodeFindCoordinatorResponseV2(writer: Writer, value: FindCoordinatorResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeNullableString(value.errorMessage);
  writer.writeInt32(value.nodeId);
  writer.writeString(value.host);
  writer.writeInt32(value.port);
}
