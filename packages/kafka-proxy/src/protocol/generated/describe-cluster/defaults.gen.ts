// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { DescribeClusterRequest, DescribeClusterResponse, DescribeClusterBroker } from "./types.gen.js";

/** A DescribeClusterRequest with every field at its schema default. */
export function defaultDescribeClusterRequest(): DescribeClusterRequest {
  return {
    includeClusterAuthorizedOperations: false,
    endpointType: 1,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeClusterRequestDefault(value: DescribeClusterRequest): boolean {
  return value.includeClusterAuthorizedOperations === false &&
    value.endpointType === 1 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeClusterResponse with every field at its schema default. */
export function defaultDescribeClusterResponse(): DescribeClusterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    endpointType: 1,
    clusterId: "",
    controllerId: -1,
    brokers: [],
    clusterAuthorizedOperations: -2147483648,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeClusterResponseDefault(value: DescribeClusterResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.errorMessage === null &&
    value.endpointType === 1 &&
    value.clusterId === "" &&
    value.controllerId === -1 &&
    value.brokers.length === 0 &&
    value.clusterAuthorizedOperations === -2147483648 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeClusterBroker with every field at its schema default. */
export function defaultDescribeClusterBroker(): DescribeClusterBroker {
  return {
    brokerId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeClusterBrokerDefault(value: DescribeClusterBroker): boolean {
  return value.brokerId === 0 &&
    value.host === "" &&
    value.port === 0 &&
    value.rack === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
