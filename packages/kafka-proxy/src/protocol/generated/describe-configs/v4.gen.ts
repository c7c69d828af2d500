// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { DescribeConfigsRequest, DescribeConfigsResource, DescribeConfigsResourceResult, DescribeConfigsResponse, DescribeConfigsResult, DescribeConfigsSynonym } from "./types.gen.js";

export function decodeDescribeConfigsRequestV4(reader: Reader): DescribeConfigsRequest {
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: DescribeConfigsResource[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribeConfigsResource(reader));
  const resources = items2;
  const includeSynonyms = reader.readBoolean();
  const includeDocumentation = reader.readBoolean();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { resources, includeSynonyms, includeDocumentation, unknownTaggedFields };
}

export function encodeDescribeConfigsRequestV4(writer: Writer, value: DescribeConfigsRequest): void {
  const items1 = value.resources;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDescribeConfigsResource(writer, items1[index]!);
  }
  writer.writeBoolean(value.includeSynonyms);
  writer.writeBoolean(value.includeDocumentation);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDescribeConfigsResource(reader: Reader): DescribeConfigsResource {
  const resourceType = reader.readInt8();
  const resourceName = reader.readCompactString();
  const length1 = reader.readCompactArrayLength(1);
  let items2: string[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(reader.readCompactString());
  }
  const configurationKeys = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { resourceType, resourceName, configurationKeys, unknownTaggedFields };
}

function writeDescribeConfigsResource(writer: Writer, value: DescribeConfigsResource): void {
  writer.writeInt8(value.resourceType);
  writer.writeCompactString(value.resourceName);
  const items1 = value.configurationKeys;
  if (items1 === null) {
    writer.writeArrayLength(null, true);
  } else {
    writer.writeArrayLength(items1.length, true);
    for (let index = 0; index < items1.length; index++) {
      writer.writeCompactString(items1[index]!);
    }
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeDescribeConfigsResponseV4(reader: Reader): DescribeConfigsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(7, true);
  const items2: DescribeConfigsResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribeConfigsResult(reader));
  const results = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, results, unknownTaggedFields };
}

export function encodeDescribeConfigsResponseV4(writer: Writer, value: DescribeConfigsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.results;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDescribeConfigsResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDescribeConfigsResult(reader: Reader): DescribeConfigsResult {
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const resourceType = reader.readInt8();
  const resourceName = reader.readCompactString();
  const length1 = reader.readArrayLengthNotNull(9, true);
  const items2: DescribeConfigsResourceResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribeConfigsResourceResult(reader));
  const configs = items2;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { errorCode, errorMessage, resourceType, resourceName, configs, unknownTaggedFields };
}

function writeDescribeConfigsResult(writer: Writer, value: DescribeConfigsResult): void {
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writer.writeInt8(value.resourceType);
  writer.writeCompactString(value.resourceName);
  const items1 = value.configs;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDescribeConfigsResourceResult(writer, items1[index]!);
  }
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDescribeConfigsResourceResult(reader: Reader): DescribeConfigsResourceResult {
  const name = reader.readCompactString();
  const valueField = reader.readCompactNullableString();
  const readOnly = reader.readBoolean();
  const isDefault: boolean = false;
  const configSource = reader.readInt8();
  const isSensitive = reader.readBoolean();
  const length1 = reader.readArrayLengthNotNull(4, true);
  const items2: DescribeConfigsSynonym[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribeConfigsSynonym(reader));
  const synonyms = items2;
  const configType = reader.readInt8();
  const documentation = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, value: valueField, readOnly, isDefault, configSource, isSensitive, synonyms, configType, documentation, unknownTaggedFields };
}

function writeDescribeConfigsResourceResult(writer: Writer, value: DescribeConfigsResourceResult): void {
  writer.writeCompactString(value.name);
  writer.writeCompactNullableString(value.value);
  writer.writeBoolean(value.readOnly);
  writer.writeInt8(value.configSource);
  writer.writeBoolean(value.isSensitive);
  const items1 = value.synonyms;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDescribeConfigsSynonym(writer, items1[index]!);
  }
  writer.writeInt8(value.configType);
  writer.writeCompactNullableString(value.documentation);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDescribeConfigsSynonym(reader: Reader): DescribeConfigsSynonym {
  const name = reader.readCompactString();
  const valueField = reader.readCompactNullableString();
  const source = reader.readInt8();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, value: valueField, source, unknownTaggedFields };
}

function writeDescribeConfigsSynonym(writer: Writer, value: DescribeConfigsSynonym): void {
  writer.writeCompactString(value.name);
  writer.writeCompactNullableString(value.value);
  writer.writeInt8(value.source);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
