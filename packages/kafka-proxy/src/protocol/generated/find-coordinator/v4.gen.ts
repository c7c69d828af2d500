// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { Coordinator, FindCoordinatorRequest, FindCoordinatorResponse } from "./types.gen.js";

export function decodeFindCoordinatorRequestV4(reader: Reader): FindCoordinatorRequest {
  const key: string = "";
  const keyType = reader.readInt8();
  const length1 = reader.readArrayLengthNotNull(1, true);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readCompactString());
  const coordinatorKeys = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { key, keyType, coordinatorKeys, unknownTaggedFields };
}

export function encodeFindCoordinatorRequestV4(writer: Writer, value: FindCoordinatorRequest): void {
  writer.writeInt8(value.keyType);
  const items1 = value.coordinatorKeys;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writer.writeCompactString(items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeFindCoordinatorResponseV4(reader: Reader): FindCoordinatorResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode: number = 0;
  const errorMessage: string | null = "";
  const nodeId: number = 0;
  const host: string = "";
  const port: number = 0;
  const length1 = reader.readArrayLengthNotNull(14, true);
  const items2: Coordinator[] = [];
  for (let index = 0; index < length1; index++) items2.push(readCoordinator(reader));
  const coordinators = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, errorMessage, nodeId, host, port, coordinators, unknownTaggedFields };
}

export function encodeFindCoordinatorResponseV4(writer: Writer, value: FindCoordinatorResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.coordinators;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeCoordinator(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readCoordinator(reader: Reader): Coordinator {
  const key = reader.readCompactString();
  const nodeId = reader.readInt32();
  const host = reader.readCompactString();
  const port = reader.readInt32();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { key, nodeId, host, port, errorCode, errorMessage, unknownTaggedFields };
}

function writeCoordinator(writer: Writer, value: Coordinator): void {
  writer.writeCompactString(value.key);
  writer.writeInt32(value.nodeId);
  writer.writeCompactString(value.host);
  writer.writeInt32(value.port);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
