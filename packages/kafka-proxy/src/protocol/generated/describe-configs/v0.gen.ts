// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { DescribeConfigsRequest, DescribeConfigsResource, DescribeConfigsResourceResult, DescribeConfigsResponse, DescribeConfigsResult, DescribeConfigsSynonym } from "./types.gen.js";

export function decodeDescribeConfigsRequestV0(reader: Reader): DescribeConfigsRequest {
  const length1 = reader.readArrayLengthNotNull(7, false);
  const items2: DescribeConfigsResource[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribeConfigsResource(reader));
  const resources = items2;
  const includeSynonyms: boolean = false;
  const includeDocumentation: boolean = false;
  return { resources, includeSynonyms, includeDocumentation };
}

export function encodeDescribeConfigsRequestV0(writer: Writer, value: DescribeConfigsRequest): void {
  const items1 = value.resources;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDescribeConfigsResource(writer, items1[index]!);
  }
}

function readDescribeConfigsResource(reader: Reader): DescribeConfigsResource {
  const resourceType = reader.readInt8();
  const resourceName = reader.readString();
  const length1 = reader.readArrayLength(2);
  let items2: string[] | null = null;
  if (length1 >= 0) {
    items2 = [];
    for (let index = 0; index < length1; index++) items2.push(reader.readString());
  }
  const configurationKeys = items2;
  return { resourceType, resourceName, configurationKeys };
}

function writeDescribeConfigsResource(writer: Writer, value: DescribeConfigsResource): void {
  writer.writeInt8(value.resourceType);
  writer.writeString(value.resourceName);
  const items1 = value.configurationKeys;
  if (items1 === null) {
    writer.writeArrayLength(null, false);
  } else {
    writer.writeArrayLength(items1.length, false);
    for (let index = 0; index < items1.length; index++) {
      writer.writeString(items1[index]!);
    }
  }
}

export function decodeDescribeConfigsResponseV0(reader: Reader): DescribeConfigsResponse {
  const throttleTimeMs = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(11, false);
  const items2: DescribeConfigsResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribeConfigsResult(reader));
  const results = items2;
  return { throttleTimeMs, results };
}

export function encodeDescribeConfigsResponseV0(writer: Writer, value: DescribeConfigsResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  const items1 = value.results;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDescribeConfigsResult(writer, items1[index]!);
  }
}

function readDescribeConfigsResult(reader: Reader): DescribeConfigsResult {
  const errorCode = reader.readInt16();
  const errorMessage = reader.readNullableString();
  const resourceType = reader.readInt8();
  const resourceName = reader.readString();
  const length1 = reader.readArrayLengthNotNull(7, false);
  const items2: DescribeConfigsResourceResult[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribeConfigsResourceResult(reader));
  const configs = items2;
  return { errorCode, errorMessage, resourceType, resourceName, configs };
}

function writeDescribeConfigsResult(writer: Writer, value: DescribeConfigsResult): void {
  writer.writeInt16(value.errorCode);
  writer.writeNullableString(value.errorMessage);
  writer.writeInt8(value.resourceType);
  writer.writeString(value.resourceName);
  const items1 = value.configs;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeDescribeConfigsResourceResult(writer, items1[index]!);
  }
}

function readDescribeConfigsResourceResult(reader: Reader): DescribeConfigsResourceResult {
  const name = reader.readString();
  const valueField = reader.readNullableString();
  const readOnly = reader.readBoolean();
  const isDefault = reader.readBoolean();
  const configSource: number = -1;
  const isSensitive = reader.readBoolean();
  const synonyms: readonly DescribeConfigsSynonym[] = [];
  const configType: number = 0;
  const documentation: string | null = "";
  return { name, value: valueField, readOnly, isDefault, configSource, isSensitive, synonyms, configType, documentation };
}

function writeDescribeConfigsResourceResult(writer: Writer, value: DescribeConfigsResourceResult): void {
  writer.writeString(value.name);
  writer.writeNullableString(value.value);
  writer.writeBoolean(value.readOnly);
  writer.writeBoolean(value.isDefault);
  writer.writeBoolean(value.isSensitive);
}
