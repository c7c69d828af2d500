// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { AlterConfigsRequest, AlterConfigsResource, AlterConfigsResourceResponse, AlterConfigsResponse, AlterableConfig } from "./types.gen.js";

export function decodeAlterConfigsRequestV0(reader: Reader): AlterConfigsRequest {
  const length1 = reader.readArrayLengthNotNull(7, false);
  const items2: AlterConfigsResource[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAlterConfigsResource(reader));
  const resources = items2;
  const validateOnly = reader.readBoolean();
  return { resources, validateOnly };
}

export function encodeAlterConfigsRequestV0(writer: Writer, value: AlterConfigsRequest): void {
  const items1 = value.resources;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeAlterConfigsResource(writer, items1[index]!);
  }
  writer.writeBoolean(value.validateOnly);
}

function readAlterConfigsResource(reader: Reader): AlterConfigsResource {
  const resourceType = reader.readInt8();
  const resourceName = reader.readString();
  const length1 = reader.readArrayLengthNotNull(4, false);
  const items2: AlterableConfig[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAlterableConfig(reader));
  const configs = items2;
  return { resourceType, resourceName, configs };
}

function writeAlterConfigsResource(writer: Writer, value: AlterConfigsResource): void {
  writer.writeInt8(value.resourceType);
  writer.writeString(value.resourceName);
  const items1 = value.configs;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeAlterableConfig(writer, items1[index]!);
  }
}

function readAlterableConfig(reader: Reader): AlterableConfig {
  const name = reader.readString();
  const valueField = reader.readNullableString();
  return { name, value: valueField };
}

function writeAlterableConfig(writer: Writer, value: AlterableConfig): void {
  writer.writeString(value.name);
  writer.writeNullableString(value.value);
}

export function decodeAlterConfigsResponseV0(reader: Reader): AlterConfigsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(7, false);
  const items2: AlterConfigsResourceResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAlterConfigsResourceResponse(reader));
  const responses = items2;
  return { throttleTimeMs, responses };
}

export function encodeAlterConfigsResponseV0(writer: Writer, value: AlterConfigsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeAlterConfigsResourceResponse(writer, items1[index]!);
  }
}

function readAlterConfigsResourceResponse(reader: Reader): AlterConfigsResourceResponse {
  const errorCode = reader.readInt16();
  const errorMessage = reader.readNullableString();
  const resourceType = reader.readInt8();
  const resourceName = reader.readString();
  return { errorCode, errorMessage, resourceType, resourceName };
}

function writeAlterConfigsResourceResponse(writer: Writer, value: AlterConfigsResourceResponse): void {
  writer.writeInt16(value.errorCode);
  writer.writeNullableString(value.errorMessage);
  writer.writeInt8(value.resourceType);
  writer.writeString(value.resourceName);
}
