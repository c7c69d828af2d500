// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ConsumerProtocolAssignment } from "./types.gen.js";
import { decodeConsumerProtocolAssignmentV0, encodeConsumerProtocolAssignmentV0 } from "./v0.gen.js";
import { decodeConsumerProtocolAssignmentV1, encodeConsumerProtocolAssignmentV1 } from "./v1.gen.js";
import { decodeConsumerProtocolAssignmentV2, encodeConsumerProtocolAssignmentV2 } from "./v2.gen.js";
import { decodeConsumerProtocolAssignmentV3, encodeConsumerProtocolAssignmentV3 } from "./v3.gen.js";

export type { ConsumerProtocolAssignment, TopicPartition } from "./types.gen.js";
export { defaultConsumerProtocolAssignment, isConsumerProtocolAssignmentDefault, defaultTopicPartition, isTopicPartitionDefault } from "./defaults.gen.js";
export { decodeConsumerProtocolAssignmentV0, encodeConsumerProtocolAssignmentV0 };
export { decodeConsumerProtocolAssignmentV1, encodeConsumerProtocolAssignmentV1 };
export { decodeConsumerProtocolAssignmentV2, encodeConsumerProtocolAssignmentV2 };
export { decodeConsumerProtocolAssignmentV3, encodeConsumerProtocolAssignmentV3 };

export const consumerProtocolAssignmentMessage: GeneratedMessage<ConsumerProtocolAssignment> = {
  name: "ConsumerProtocolAssignment",
  minVersion: 0,
  maxVersion: 3,
  firstFlexibleVersion: null,
  decode: [decodeConsumerProtocolAssignmentV0, decodeConsumerProtocolAssignmentV1, decodeConsumerProtocolAssignmentV2, decodeConsumerProtocolAssignmentV3],
  encode: [encodeConsumerProtocolAssignmentV0, encodeConsumerProtocolAssignmentV1, encodeConsumerProtocolAssignmentV2, encodeConsumerProtocolAssignmentV3],
};

