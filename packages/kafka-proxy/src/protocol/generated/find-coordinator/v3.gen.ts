// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { Coordinator, FindCoordinatorRequest, FindCoordinatorResponse } from "./types.gen.js";

export function decodeFindCoordinatorRequestV3(reader: Reader): FindCoordinatorRequest {
  const key = reader.readCompactString();
  const keyType = reader.readInt8();
  const coordinatorKeys: readonly string[] = [];
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { key, keyType, coordinatorKeys, unknownTaggedFields };
}

export function encodeFindCoordinatorRequestV3(writer: Writer, value: FindCoordinatorRequest): void {
  writer.writeCompactString(value.key);
  writer.writeInt8(value.keyType);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeFindCoordinatorResponseV3(reader: Reader): FindCoordinatorResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const nodeId = reader.readInt32();
  const host = reader.readCompactString();
  const port = reader.readInt32();
  const coordinators: readonly Coordinator[] = [];
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, errorMessage, nodeId, host, port, coordinators, unknownTaggedFields };
}

export function encodeFindCoordinatorResponseV3(writer: Writer, value: FindCoordinatorResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writer.writeInt32(value.nodeId);
  writer.writeCompactString(value.host);
  writer.writeInt32(value.port);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
