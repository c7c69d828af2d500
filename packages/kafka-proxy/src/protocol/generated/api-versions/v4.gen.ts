// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { TaggedField } from "../../tagged-field.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { ApiVersion, ApiVersionsRequest, ApiVersionsResponse, FinalizedFeatureKey, SupportedFeatureKey } from "./types.gen.js";

const emptyTaggedFields: readonly TaggedField[] = [];

export function decodeApiVersionsRequestV4(reader: Reader): ApiVersionsRequest {
  const clientSoftwareName = reader.readCompactString();
  const clientSoftwareVersion = reader.readCompactString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { clientSoftwareName, clientSoftwareVersion, unknownTaggedFields };
}

export function encodeApiVersionsRequestV4(writer: Writer, value: ApiVersionsRequest): void {
  writer.writeCompactString(value.clientSoftwareName);
  writer.writeCompactString(value.clientSoftwareVersion);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeApiVersionsResponseV4(reader: Reader): ApiVersionsResponse {
  const errorCode = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(7, true);
  const items2: ApiVersion[] = [];
  for (let index = 0; index < length1; index++) items2.push(readApiVersion(reader));
  const apiKeys = items2;
  const throttleTimeMs = reader.readInt32();
  let supportedFeatures: readonly SupportedFeatureKey[] = [];
  let finalizedFeaturesEpoch: bigint = -1n;
  let finalizedFeatures: readonly FinalizedFeatureKey[] = [];
  let zkMigrationReady: boolean = false;
  let unknownTaggedFields: TaggedField[] | undefined;
  const taggedFieldCount = reader.readTaggedFieldCount();
  let previousTag = -1;
  for (let index = 0; index < taggedFieldCount; index++) {
    const tag = reader.readTag(previousTag);
    previousTag = tag;
    const end = reader.readTaggedFieldEnd();
    switch (tag) {
      case 0: {
        const length3 = reader.readArrayLengthNotNull(6, true);
        const items4: SupportedFeatureKey[] = [];
        for (let index = 0; index < length3; index++) items4.push(readSupportedFeatureKey(reader));
        supportedFeatures = items4;
        break;
      }
      case 1: {
        finalizedFeaturesEpoch = reader.readInt64();
        break;
      }
      case 2: {
        const length5 = reader.readArrayLengthNotNull(6, true);
        const items6: FinalizedFeatureKey[] = [];
        for (let index = 0; index < length5; index++) items6.push(readFinalizedFeatureKey(reader));
        finalizedFeatures = items6;
        break;
      }
      case 3: {
        zkMigrationReady = reader.readBoolean();
        break;
      }
      default:
        unknownTaggedFields ??= [];
        unknownTaggedFields.push(reader.readUnknownTaggedField(tag, end));
    }
    reader.expectTaggedFieldEnd(end, tag);
  }
  return { errorCode, apiKeys, throttleTimeMs, supportedFeatures, finalizedFeaturesEpoch, finalizedFeatures, zkMigrationReady, unknownTaggedFields };
}

export function encodeApiVersionsResponseV4(writer: Writer, value: ApiVersionsResponse): void {
  writer.writeInt16(value.errorCode);
  const items1 = value.apiKeys;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeApiVersion(writer, items1[index]!);
  }
  writer.writeInt32(value.throttleTimeMs);
  const unknownTaggedFields = value.unknownTaggedFields ?? emptyTaggedFields;
  let taggedFieldCount = unknownTaggedFields.length;
  const hasTag0 = value.supportedFeatures.length !== 0;
  if (hasTag0) taggedFieldCount++;
  const hasTag1 = value.finalizedFeaturesEpoch !== -1n;
  if (hasTag1) taggedFieldCount++;
  const hasTag2 = value.finalizedFeatures.length !== 0;
  if (hasTag2) taggedFieldCount++;
  const hasTag3 = value.zkMigrationReady !== false;
  if (hasTag3) taggedFieldCount++;
  writer.writeUnsignedVarint(taggedFieldCount);
  let unknownIndex = 0;
  if (hasTag0) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 0);
    const sizePosition = writer.beginTaggedField(0);
    const items2 = value.supportedFeatures;
    writer.writeArrayLength(items2.length, true);
    for (let index = 0; index < items2.length; index++) {
      writeSupportedFeatureKey(writer, items2[index]!);
    }
    writer.endTaggedField(sizePosition);
  }
  if (hasTag1) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 1);
    const sizePosition = writer.beginTaggedField(1);
    writer.writeInt64(value.finalizedFeaturesEpoch);
    writer.endTaggedField(sizePosition);
  }
  if (hasTag2) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 2);
    const sizePosition = writer.beginTaggedField(2);
    const items3 = value.finalizedFeatures;
    writer.writeArrayLength(items3.length, true);
    for (let index = 0; index < items3.length; index++) {
      writeFinalizedFeatureKey(writer, items3[index]!);
    }
    writer.endTaggedField(sizePosition);
  }
  if (hasTag3) {
    unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, 3);
    const sizePosition = writer.beginTaggedField(3);
    writer.writeBoolean(value.zkMigrationReady);
    writer.endTaggedField(sizePosition);
  }
  writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, Number.POSITIVE_INFINITY);
}

function readApiVersion(reader: Reader): ApiVersion {
  const apiKey = reader.readInt16();
  const minVersion = reader.readInt16();
  const maxVersion = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { apiKey, minVersion, maxVersion, unknownTaggedFields };
}

function writeApiVersion(writer: Writer, value: ApiVersion): void {
  writer.writeInt16(value.apiKey);
  writer.writeInt16(value.minVersion);
  writer.writeInt16(value.maxVersion);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readSupportedFeatureKey(reader: Reader): SupportedFeatureKey {
  const name = reader.readCompactString();
  const minVersion = reader.readInt16();
  const maxVersion = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, minVersion, maxVersion, unknownTaggedFields };
}

function writeSupportedFeatureKey(writer: Writer, value: SupportedFeatureKey): void {
  writer.writeCompactString(value.name);
  writer.writeInt16(value.minVersion);
  writer.writeInt16(value.maxVersion);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readFinalizedFeatureKey(reader: Reader): FinalizedFeatureKey {
  const name = reader.readCompactString();
  const maxVersionLevel = reader.readInt16();
  const minVersionLevel = reader.readInt16();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { name, maxVersionLevel, minVersionLevel, unknownTaggedFields };
}

function writeFinalizedFeatureKey(writer: Writer, value: FinalizedFeatureKey): void {
  writer.writeCompactString(value.name);
  writer.writeInt16(value.maxVersionLevel);
  writer.writeInt16(value.minVersionLevel);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
