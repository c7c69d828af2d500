// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse } from "./types.gen.js";
import { decodeConsumerGroupDescribeRequestV0, encodeConsumerGroupDescribeRequestV0, decodeConsumerGroupDescribeResponseV0, encodeConsumerGroupDescribeResponseV0 } from "./v0.gen.js";

export type { ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse, TopicPartitions, Assignment, DescribedGroup, Member } from "./types.gen.js";
export { defaultConsumerGroupDescribeRequest, isConsumerGroupDescribeRequestDefault, defaultConsumerGroupDescribeResponse, isConsumerGroupDescribeResponseDefault, defaultTopicPartitions, isTopicPartitionsDefault, defaultAssignment, isAssignmentDefault, defaultDescribedGroup, isDescribedGroupDefault, defaultMember, isMemberDefault } from "./defaults.gen.js";
export { decodeConsumerGroupDescribeRequestV0, encodeConsumerGroupDescribeRequestV0, decodeConsumerGroupDescribeResponseV0, encodeConsumerGroupDescribeResponseV0 };

export const consumerGroupDescribeRequestMessage: GeneratedMessage<ConsumerGroupDescribeRequest> = {
  name: "ConsumerGroupDescribeRequest",
  minVersion: 0,
  maxVersion: 0,
  firstFlexibleVersion: 0,
  decode: [decodeConsumerGroupDescribeRequestV0],
  encode: [encodeConsumerGroupDescribeRequestV0],
};

export const consumerGroupDescribeResponseMessage: GeneratedMessage<ConsumerGroupDescribeResponse> = {
  name: "ConsumerGroupDescribeResponse",
  minVersion: 0,
  maxVersion: 0,
  firstFlexibleVersion: 0,
  decode: [decodeConsumerGroupDescribeResponseV0],
  encode: [encodeConsumerGroupDescribeResponseV0],
};

export const consumerGroupDescribeApi: GeneratedApi<ConsumerGroupDescribeRequest, ConsumerGroupDescribeResponse> = {
  apiKey: 69,
  name: "ConsumerGroupDescribe",
  minVersion: 0,
  maxVersion: 0,
  firstFlexibleVersion: 0,
  latestVersionUnstable: false,
  request: consumerGroupDescribeRequestMessage,
  response: consumerGroupDescribeResponseMessage,
};
