// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { DescribeClusterRequest, DescribeClusterResponse } from "./types.gen.js";
import { decodeDescribeClusterRequestV0, encodeDescribeClusterRequestV0, decodeDescribeClusterResponseV0, encodeDescribeClusterResponseV0 } from "./v0.gen.js";
import { decodeDescribeClusterRequestV1, encodeDescribeClusterRequestV1, decodeDescribeClusterResponseV1, encodeDescribeClusterResponseV1 } from "./v1.gen.js";

export type { DescribeClusterRequest, DescribeClusterResponse, DescribeClusterBroker } from "./types.gen.js";
export { defaultDescribeClusterRequest, isDescribeClusterRequestDefault, defaultDescribeClusterResponse, isDescribeClusterResponseDefault, defaultDescribeClusterBroker, isDescribeClusterBrokerDefault } from "./defaults.gen.js";
export { decodeDescribeClusterRequestV0, encodeDescribeClusterRequestV0, decodeDescribeClusterResponseV0, encodeDescribeClusterResponseV0 };
export { decodeDescribeClusterRequestV1, encodeDescribeClusterRequestV1, decodeDescribeClusterResponseV1, encodeDescribeClusterResponseV1 };

export const describeClusterRequestMessage: GeneratedMessage<DescribeClusterRequest> = {
  name: "DescribeClusterRequest",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 0,
  decode: [decodeDescribeClusterRequestV0, decodeDescribeClusterRequestV1],
  encode: [encodeDescribeClusterRequestV0, encodeDescribeClusterRequestV1],
};

export const describeClusterResponseMessage: GeneratedMessage<DescribeClusterResponse> = {
  name: "DescribeClusterResponse",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 0,
  decode: [decodeDescribeClusterResponseV0, decodeDescribeClusterResponseV1],
  encode: [encodeDescribeClusterResponseV0, encodeDescribeClusterResponseV1],
};

export const describeClusterApi: GeneratedApi<DescribeClusterRequest, DescribeClusterResponse> = {
  apiKey: 60,
  name: "DescribeCluster",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 0,
  latestVersionUnstable: false,
  request: describeClusterRequestMessage,
  response: describeClusterResponseMessage,
};
