// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse } from "./types.gen.js";
import { decodeConsumerGroupHeartbeatRequestV0, encodeConsumerGroupHeartbeatRequestV0, decodeConsumerGroupHeartbeatResponseV0, encodeConsumerGroupHeartbeatResponseV0 } from "./v0.gen.js";
import { decodeConsumerGroupHeartbeatRequestV1, encodeConsumerGroupHeartbeatRequestV1, decodeConsumerGroupHeartbeatResponseV1, encodeConsumerGroupHeartbeatResponseV1 } from "./v1.gen.js";

export type { ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatRequestTopicPartitions, ConsumerGroupHeartbeatResponse, ConsumerGroupHeartbeatResponseTopicPartitions, Assignment } from "./types.gen.js";
export { defaultConsumerGroupHeartbeatRequest, isConsumerGroupHeartbeatRequestDefault, defaultConsumerGroupHeartbeatRequestTopicPartitions, isConsumerGroupHeartbeatRequestTopicPartitionsDefault, defaultConsumerGroupHeartbeatResponse, isConsumerGroupHeartbeatResponseDefault, defaultConsumerGroupHeartbeatResponseTopicPartitions, isConsumerGroupHeartbeatResponseTopicPartitionsDefault, defaultAssignment, isAssignmentDefault } from "./defaults.gen.js";
export { decodeConsumerGroupHeartbeatRequestV0, encodeConsumerGroupHeartbeatRequestV0, decodeConsumerGroupHeartbeatResponseV0, encodeConsumerGroupHeartbeatResponseV0 };
export { decodeConsumerGroupHeartbeatRequestV1, encodeConsumerGroupHeartbeatRequestV1, decodeConsumerGroupHeartbeatResponseV1, encodeConsumerGroupHeartbeatResponseV1 };

export const consumerGroupHeartbeatRequestMessage: GeneratedMessage<ConsumerGroupHeartbeatRequest> = {
  name: "ConsumerGroupHeartbeatRequest",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 0,
  decode: [decodeConsumerGroupHeartbeatRequestV0, decodeConsumerGroupHeartbeatRequestV1],
  encode: [encodeConsumerGroupHeartbeatRequestV0, encodeConsumerGroupHeartbeatRequestV1],
};

export const consumerGroupHeartbeatResponseMessage: GeneratedMessage<ConsumerGroupHeartbeatResponse> = {
  name: "ConsumerGroupHeartbeatResponse",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 0,
  decode: [decodeConsumerGroupHeartbeatResponseV0, decodeConsumerGroupHeartbeatResponseV1],
  encode: [encodeConsumerGroupHeartbeatResponseV0, encodeConsumerGroupHeartbeatResponseV1],
};

export const consumerGroupHeartbeatApi: GeneratedApi<ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse> = {
  apiKey: 68,
  name: "ConsumerGroupHeartbeat",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 0,
  latestVersionUnstable: true,
  request: consumerGroupHeartbeatRequestMessage,
  response: consumerGroupHeartbeatResponseMessage,
};
