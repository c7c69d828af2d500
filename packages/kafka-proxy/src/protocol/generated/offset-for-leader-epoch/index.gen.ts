// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse } from "./types.gen.js";
import { decodeOffsetForLeaderEpochRequestV0, encodeOffsetForLeaderEpochRequestV0, decodeOffsetForLeaderEpochResponseV0, encodeOffsetForLeaderEpochResponseV0 } from "./v0.gen.js";
import { decodeOffsetForLeaderEpochRequestV1, encodeOffsetForLeaderEpochRequestV1, decodeOffsetForLeaderEpochResponseV1, encodeOffsetForLeaderEpochResponseV1 } from "./v1.gen.js";
import { decodeOffsetForLeaderEpochRequestV2, encodeOffsetForLeaderEpochRequestV2, decodeOffsetForLeaderEpochResponseV2, encodeOffsetForLeaderEpochResponseV2 } from "./v2.gen.js";
import { decodeOffsetForLeaderEpochRequestV3, encodeOffsetForLeaderEpochRequestV3, decodeOffsetForLeaderEpochResponseV3, encodeOffsetForLeaderEpochResponseV3 } from "./v3.gen.js";
import { decodeOffsetForLeaderEpochRequestV4, encodeOffsetForLeaderEpochRequestV4, decodeOffsetForLeaderEpochResponseV4, encodeOffsetForLeaderEpochResponseV4 } from "./v4.gen.js";

export type { OffsetForLeaderEpochRequest, OffsetForLeaderTopic, OffsetForLeaderPartition, OffsetForLeaderEpochResponse, OffsetForLeaderTopicResult, EpochEndOffset } from "./types.gen.js";
export { defaultOffsetForLeaderEpochRequest, isOffsetForLeaderEpochRequestDefault, defaultOffsetForLeaderTopic, isOffsetForLeaderTopicDefault, defaultOffsetForLeaderPartition, isOffsetForLeaderPartitionDefault, defaultOffsetForLeaderEpochResponse, isOffsetForLeaderEpochResponseDefault, defaultOffsetForLeaderTopicResult, isOffsetForLeaderTopicResultDefault, defaultEpochEndOffset, isEpochEndOffsetDefault } from "./defaults.gen.js";
export { decodeOffsetForLeaderEpochRequestV0, encodeOffsetForLeaderEpochRequestV0, decodeOffsetForLeaderEpochResponseV0, encodeOffsetForLeaderEpochResponseV0 };
export { decodeOffsetForLeaderEpochRequestV1, encodeOffsetForLeaderEpochRequestV1, decodeOffsetForLeaderEpochResponseV1, encodeOffsetForLeaderEpochResponseV1 };
export { decodeOffsetForLeaderEpochRequestV2, encodeOffsetForLeaderEpochRequestV2, decodeOffsetForLeaderEpochResponseV2, encodeOffsetForLeaderEpochResponseV2 };
export { decodeOffsetForLeaderEpochRequestV3, encodeOffsetForLeaderEpochRequestV3, decodeOffsetForLeaderEpochResponseV3, encodeOffsetForLeaderEpochResponseV3 };
export { decodeOffsetForLeaderEpochRequestV4, encodeOffsetForLeaderEpochRequestV4, decodeOffsetForLeaderEpochResponseV4, encodeOffsetForLeaderEpochResponseV4 };

export const offsetForLeaderEpochRequestMessage: GeneratedMessage<OffsetForLeaderEpochRequest> = {
  name: "OffsetForLeaderEpochRequest",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  decode: [decodeOffsetForLeaderEpochRequestV0, decodeOffsetForLeaderEpochRequestV1, decodeOffsetForLeaderEpochRequestV2, decodeOffsetForLeaderEpochRequestV3, decodeOffsetForLeaderEpochRequestV4],
  encode: [encodeOffsetForLeaderEpochRequestV0, encodeOffsetForLeaderEpochRequestV1, encodeOffsetForLeaderEpochRequestV2, encodeOffsetForLeaderEpochRequestV3, encodeOffsetForLeaderEpochRequestV4],
};

export const offsetForLeaderEpochResponseMessage: GeneratedMessage<OffsetForLeaderEpochResponse> = {
  name: "OffsetForLeaderEpochResponse",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  decode: [decodeOffsetForLeaderEpochResponseV0, decodeOffsetForLeaderEpochResponseV1, decodeOffsetForLeaderEpochResponseV2, decodeOffsetForLeaderEpochResponseV3, decodeOffsetForLeaderEpochResponseV4],
  encode: [encodeOffsetForLeaderEpochResponseV0, encodeOffsetForLeaderEpochResponseV1, encodeOffsetForLeaderEpochResponseV2, encodeOffsetForLeaderEpochResponseV3, encodeOffsetForLeaderEpochResponseV4],
};

export const offsetForLeaderEpochApi: GeneratedApi<OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse> = {
  apiKey: 23,
  name: "OffsetForLeaderEpoch",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  latestVersionUnstable: false,
  request: offsetForLeaderEpochRequestMessage,
  response: offsetForLeaderEpochResponseMessage,
};
