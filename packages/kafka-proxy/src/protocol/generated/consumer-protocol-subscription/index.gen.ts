// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ConsumerProtocolSubscription } from "./types.gen.js";
import { decodeConsumerProtocolSubscriptionV0, encodeConsumerProtocolSubscriptionV0 } from "./v0.gen.js";
import { decodeConsumerProtocolSubscriptionV1, encodeConsumerProtocolSubscriptionV1 } from "./v1.gen.js";
import { decodeConsumerProtocolSubscriptionV2, encodeConsumerProtocolSubscriptionV2 } from "./v2.gen.js";
import { decodeConsumerProtocolSubscriptionV3, encodeConsumerProtocolSubscriptionV3 } from "./v3.gen.js";

export type { ConsumerProtocolSubscription, TopicPartition } from "./types.gen.js";
export { defaultConsumerProtocolSubscription, isConsumerProtocolSubscriptionDefault, defaultTopicPartition, isTopicPartitionDefault } from "./defaults.gen.js";
export { decodeConsumerProtocolSubscriptionV0, encodeConsumerProtocolSubscriptionV0 };
export { decodeConsumerProtocolSubscriptionV1, encodeConsumerProtocolSubscriptionV1 };
export { decodeConsumerProtocolSubscriptionV2, encodeConsumerProtocolSubscriptionV2 };
export { decodeConsumerProtocolSubscriptionV3, encodeConsumerProtocolSubscriptionV3 };

export const consumerProtocolSubscriptionMessage: GeneratedMessage<ConsumerProtocolSubscription> = {
  name: "ConsumerProtocolSubscription",
  minVersion: 0,
  maxVersion: 3,
  firstFlexibleVersion: null,
  decode: [decodeConsumerProtocolSubscriptionV0, decodeConsumerProtocolSubscriptionV1, decodeConsumerProtocolSubscriptionV2, decodeConsumerProtocolSubscriptionV3],
  encode: [encodeConsumerProtocolSubscriptionV0, encodeConsumerProtocolSubscriptionV1, encodeConsumerProtocolSubscriptionV2, encodeConsumerProtocolSubscriptionV3],
};

