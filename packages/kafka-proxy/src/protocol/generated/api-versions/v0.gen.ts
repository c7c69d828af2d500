// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { ApiVersion, ApiVersionsRequest, ApiVersionsResponse, FinalizedFeatureKey, SupportedFeatureKey } from "./types.gen.js";

export function decodeApiVersionsRequestV0(reader: Reader): ApiVersionsRequest {
  const clientSoftwareName: string = "";
  const clientSoftwareVersion: string = "";
  return { clientSoftwareName, clientSoftwareVersion };
}

export function encodeApiVersionsRequestV0(writer: Writer, value: ApiVersionsRequest): void {
}

export function decodeApiVersionsResponseV0(reader: Reader): ApiVersionsResponse {
  const errorCode = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(6, false);
  const items2: ApiVersion[] = [];
  for (let index = 0; index < length1; index++) items2.push(readApiVersion(reader));
  const apiKeys = items2;
  const throttleTimeMs: number = 0;
  const supportedFeatures: readonly SupportedFeatureKey[] = [];
  const finalizedFeaturesEpoch: bigint = -1n;
  const finalizedFeatures: readonly FinalizedFeatureKey[] = [];
  const zkMigrationReady: boolean = false;
  return { errorCode, apiKeys, throttleTimeMs, supportedFeatures, finalizedFeaturesEpoch, finalizedFeatures, zkMigrationReady };
}

export function encodeApiVersionsResponseV0(writer: Writer, value: ApiVersionsResponse): void {
  writer.writeInt16(value.errorCode);
  const items1 = value.apiKeys;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writeApiVersion(writer, items1[index]!);
  }
}

function readApiVersion(reader: Reader): ApiVersion {
  const apiKey = reader.readInt16();
  const minVersion = reader.readInt16();
  const maxVersion = reader.readInt16();
  return { apiKey, minVersion, maxVersion };
}

function writeApiVersion(writer: Writer, value: ApiVersion): void {
  writer.writeInt16(value.apiKey);
  writer.writeInt16(value.minVersion);
  writer.writeInt16(value.maxVersion);
}
