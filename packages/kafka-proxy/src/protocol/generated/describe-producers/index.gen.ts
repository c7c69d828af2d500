// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { DescribeProducersRequest, DescribeProducersResponse } from "./types.gen.js";
import { decodeDescribeProducersRequestV0, encodeDescribeProducersRequestV0, decodeDescribeProducersResponseV0, encodeDescribeProducersResponseV0 } from "./v0.gen.js";

export type { DescribeProducersRequest, TopicRequest, DescribeProducersResponse, TopicResponse, PartitionResponse, ProducerState } from "./types.gen.js";
export { defaultDescribeProducersRequest, isDescribeProducersRequestDefault, defaultTopicRequest, isTopicRequestDefault, defaultDescribeProducersResponse, isDescribeProducersResponseDefault, defaultTopicResponse, isTopicResponseDefault, defaultPartitionResponse, isPartitionResponseDefault, defaultProducerState, isProducerStateDefault } from "./defaults.gen.js";
export { decodeDescribeProducersRequestV0, encodeDescribeProducersRequestV0, decodeDescribeProducersResponseV0, encodeDescribeProducersResponseV0 };

export const describeProducersRequestMessage: GeneratedMessage<DescribeProducersRequest> = {
  name: "DescribeProducersRequest",
  minVersion: 0,
  maxVersion: 0,
  firstFlexibleVersion: 0,
  decode: [decodeDescribeProducersRequestV0],
  encode: [encodeDescribeProducersRequestV0],
};

export const describeProducersResponseMessage: GeneratedMessage<DescribeProducersResponse> = {
  name: "DescribeProducersResponse",
  minVersion: 0,
  maxVersion: 0,
  firstFlexibleVersion: 0,
  decode: [decodeDescribeProducersResponseV0],
  encode: [encodeDescribeProducersResponseV0],
};

export const describeProducersApi: GeneratedApi<DescribeProducersRequest, DescribeProducersResponse> = {
  apiKey: 61,
  name: "DescribeProducers",
  minVersion: 0,
  maxVersion: 0,
  firstFlexibleVersion: 0,
  latestVersionUnstable: false,
  request: describeProducersRequestMessage,
  response: describeProducersResponseMessage,
};
