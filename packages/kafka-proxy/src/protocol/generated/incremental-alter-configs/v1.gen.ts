// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { AlterConfigsResource, AlterConfigsResourceResponse, AlterableConfig, IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse } from "./types.gen.js";

export function decodeIncrementalAlterConfigsRequestV1(reader: Reader): IncrementalAlterConfigsRequest {
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: AlterConfigsResource[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAlterConfigsResource(reader));
  const resources = items2;
  const validateOnly = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { resources, validateOnly, unknownTaggedFields };
}

export function encodeIncrementalAlterConfigsRequestV1(writer: Writer, value: IncrementalAlterConfigsRequest): void {
  const items1 = value.resources;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeAlterConfigsResource(writer, items1[index]!);
  }
  writer.writeBoolean(value.validateOnly);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAlterConfigsResource(reader: Reader): AlterConfigsResource {
  const resourceType = reader.readInt8();
  const resourceName = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: AlterableConfig[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAlterableConfig(reader));
  const configs = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { resourceType, resourceName, configs, unknownTaggedFields };
}

function writeAlterConfigsResource(writer: Writer, value: AlterConfigsResource): void {
  writer.writeInt8(value.resourceType);
  writer.writeCompactString(value.resourceName);
  const items1 = value.configs;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeAlterableConfig(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAlterableConfig(reader: Reader): AlterableConfig {
  const name = reader.readCompactString();
  const configOperation = reader.readInt8();
  const valueField = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, configOperation, value: valueField, unknownTaggedFields };
}

function writeAlterableConfig(writer: Writer, value: AlterableConfig): void {
  writer.writeCompactString(value.name);
  writer.writeInt8(value.configOperation);
  writer.writeCompactNullableString(value.value);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeIncrementalAlterConfigsResponseV1(reader: Reader): IncrementalAlterConfigsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(6, true);
  const items2: AlterConfigsResourceResponse[] = [];
  for (let index = 0; index < length1; index++) items2.push(readAlterConfigsResourceResponse(reader));
  const responses = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, responses, unknownTaggedFields };
}

export function encodeIncrementalAlterConfigsResponseV1(writer: Writer, value: IncrementalAlterConfigsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.responses;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeAlterConfigsResourceResponse(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readAlterConfigsResourceResponse(reader: Reader): AlterConfigsResourceResponse {
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const resourceType = reader.readInt8();
  const resourceName = reader.readCompactString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { errorCode, errorMessage, resourceType, resourceName, unknownTaggedFields };
}

function writeAlterConfigsResourceResponse(writer: Writer, value: AlterConfigsResourceResponse): void {
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writer.writeInt8(value.resourceType);
  writer.writeCompactString(value.resourceName);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
