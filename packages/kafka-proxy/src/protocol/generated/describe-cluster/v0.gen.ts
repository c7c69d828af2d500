// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { DescribeClusterBroker, DescribeClusterRequest, DescribeClusterResponse } from "./types.gen.js";

export function decodeDescribeClusterRequestV0(reader: Reader): DescribeClusterRequest {
  const includeClusterAuthorizedOperations = reader.readBoolean();
  const endpointType: number = 1;
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { includeClusterAuthorizedOperations, endpointType, unknownTaggedFields };
}

export function encodeDescribeClusterRequestV0(writer: Writer, value: DescribeClusterRequest): void {
  writer.writeBoolean(value.includeClusterAuthorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeDescribeClusterResponseV0(reader: Reader): DescribeClusterResponse {
  const throttleTimeMs = reader.readInt32();
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const endpointType: number = 1;
  const clusterId = reader.readCompactString();
  const controllerId = reader.readInt32();
  const length1 = reader.readArrayLengthNotNull(11, true);
  const items2: DescribeClusterBroker[] = [];
  for (let index = 0; index < length1; index++) items2.push(readDescribeClusterBroker(reader));
  const brokers = items2;
  const clusterAuthorizedOperations = reader.readInt32();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { throttleTimeMs, errorCode, errorMessage, endpointType, clusterId, controllerId, brokers, clusterAuthorizedOperations, unknownTaggedFields };
}

export function encodeDescribeClusterResponseV0(writer: Writer, value: DescribeClusterResponse): void {
  writer.writeInt32(value.throttleTimeMs);
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writer.writeCompactString(value.clusterId);
  writer.writeInt32(value.controllerId);
  const items1 = value.brokers;
  writer.writeArrayLength(items1.length, true);
  for (let index = 0; index < items1.length; index++) {
    writeDescribeClusterBroker(writer, items1[index]!);
  }
  writer.writeInt32(value.clusterAuthorizedOperations);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

function readDescribeClusterBroker(reader: Reader): DescribeClusterBroker {
  const brokerId = reader.readInt32();
  const host = reader.readCompactString();
  const port = reader.readInt32();
  const rack = reader.readCompactNullableString();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { brokerId, host, port, rack, unknownTaggedFields };
}

function writeDescribeClusterBroker(writer: Writer, value: DescribeClusterBroker): void {
  writer.writeInt32(value.brokerId);
  writer.writeCompactString(value.host);
  writer.writeInt32(value.port);
  writer.writeCompactNullableString(value.rack);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
