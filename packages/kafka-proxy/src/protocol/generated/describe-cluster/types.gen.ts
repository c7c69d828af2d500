// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** DescribeClusterRequest, all versions. */
export interface DescribeClusterRequest {
  /** Whether to include cluster authorized operations. Versions 0+. */
  readonly includeClusterAuthorizedOperations: boolean;
  /** The endpoint type to describe. 1=brokers, 2=controllers. Versions 1+. */
  readonly endpointType: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeClusterResponse, all versions. */
export interface DescribeClusterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error Versions 0+. */
  readonly errorCode: number;
  /** The top-level error message, or null if there was no error. Versions 0+. */
  readonly errorMessage: string | null;
  /** The endpoint type that was described. 1=brokers, 2=controllers. Versions 1+. */
  readonly endpointType: number;
  /** The cluster ID that responding broker belongs to. Versions 0+. */
  readonly clusterId: string;
  /** The ID of the controller broker. Versions 0+. */
  readonly controllerId: number;
  /** Each broker in the response. Versions 0+. */
  readonly brokers: readonly DescribeClusterBroker[];
  /** 32-bit bitfield to represent authorized operations for this cluster. Versions 0+. */
  readonly clusterAuthorizedOperations: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeClusterBroker in DescribeClusterResponse. */
export interface DescribeClusterBroker {
  /** The broker ID. Versions 0+. */
  readonly brokerId: number;
  /** The broker hostname. Versions 0+. */
  readonly host: string;
  /** The broker port. Versions 0+. */
  readonly port: number;
  /** The rack of the broker, or null if it has not been assigned to a rack. Versions 0+. */
  readonly rack: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
