// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ProduceRequest, ProduceResponse } from "./types.gen.js";
import { decodeProduceRequestV0, encodeProduceRequestV0, decodeProduceResponseV0, encodeProduceResponseV0 } from "./v0.gen.js";
import { decodeProduceRequestV1, encodeProduceRequestV1, decodeProduceResponseV1, encodeProduceResponseV1 } from "./v1.gen.js";
import { decodeProduceRequestV2, encodeProduceRequestV2, decodeProduceResponseV2, encodeProduceResponseV2 } from "./v2.gen.js";
import { decodeProduceRequestV3, encodeProduceRequestV3, decodeProduceResponseV3, encodeProduceResponseV3 } from "./v3.gen.js";
import { decodeProduceRequestV4, encodeProduceRequestV4, decodeProduceResponseV4, encodeProduceResponseV4 } from "./v4.gen.js";
import { decodeProduceRequestV5, encodeProduceRequestV5, decodeProduceResponseV5, encodeProduceResponseV5 } from "./v5.gen.js";
import { decodeProduceRequestV6, encodeProduceRequestV6, decodeProduceResponseV6, encodeProduceResponseV6 } from "./v6.gen.js";
import { decodeProduceRequestV7, encodeProduceRequestV7, decodeProduceResponseV7, encodeProduceResponseV7 } from "./v7.gen.js";
import { decodeProduceRequestV8, encodeProduceRequestV8, decodeProduceResponseV8, encodeProduceResponseV8 } from "./v8.gen.js";
import { decodeProduceRequestV9, encodeProduceRequestV9, decodeProduceResponseV9, encodeProduceResponseV9 } from "./v9.gen.js";
import { decodeProduceRequestV10, encodeProduceRequestV10, decodeProduceResponseV10, encodeProduceResponseV10 } from "./v10.gen.js";
import { decodeProduceRequestV11, encodeProduceRequestV11, decodeProduceResponseV11, encodeProduceResponseV11 } from "./v11.gen.js";

export type { ProduceRequest, TopicProduceData, PartitionProduceData, ProduceResponse, TopicProduceResponse, PartitionProduceResponse, BatchIndexAndErrorMessage, LeaderIdAndEpoch, NodeEndpoint } from "./types.gen.js";
export { defaultProduceRequest, isProduceRequestDefault, defaultTopicProduceData, isTopicProduceDataDefault, defaultPartitionProduceData, isPartitionProduceDataDefault, defaultProduceResponse, isProduceResponseDefault, defaultTopicProduceResponse, isTopicProduceResponseDefault, defaultPartitionProduceResponse, isPartitionProduceResponseDefault, defaultBatchIndexAndErrorMessage, isBatchIndexAndErrorMessageDefault, defaultLeaderIdAndEpoch, isLeaderIdAndEpochDefault, defaultNodeEndpoint, isNodeEndpointDefault } from "./defaults.gen.js";
export { decodeProduceRequestV0, encodeProduceRequestV0, decodeProduceResponseV0, encodeProduceResponseV0 };
export { decodeProduceRequestV1, encodeProduceRequestV1, decodeProduceResponseV1, encodeProduceResponseV1 };
export { decodeProduceRequestV2, encodeProduceRequestV2, decodeProduceResponseV2, encodeProduceResponseV2 };
export { decodeProduceRequestV3, encodeProduceRequestV3, decodeProduceResponseV3, encodeProduceResponseV3 };
export { decodeProduceRequestV4, encodeProduceRequestV4, decodeProduceResponseV4, encodeProduceResponseV4 };
export { decodeProduceRequestV5, encodeProduceRequestV5, decodeProduceResponseV5, encodeProduceResponseV5 };
export { decodeProduceRequestV6, encodeProduceRequestV6, decodeProduceResponseV6, encodeProduceResponseV6 };
export { decodeProduceRequestV7, encodeProduceRequestV7, decodeProduceResponseV7, encodeProduceResponseV7 };
export { decodeProduceRequestV8, encodeProduceRequestV8, decodeProduceResponseV8, encodeProduceResponseV8 };
export { decodeProduceRequestV9, encodeProduceRequestV9, decodeProduceResponseV9, encodeProduceResponseV9 };
export { decodeProduceRequestV10, encodeProduceRequestV10, decodeProduceResponseV10, encodeProduceResponseV10 };
export { decodeProduceRequestV11, encodeProduceRequestV11, decodeProduceResponseV11, encodeProduceResponseV11 };

export const produceRequestMessage: GeneratedMessage<ProduceRequest> = {
  name: "ProduceRequest",
  minVersion: 0,
  maxVersion: 11,
  firstFlexibleVersion: 9,
  decode: [decodeProduceRequestV0, decodeProduceRequestV1, decodeProduceRequestV2, decodeProduceRequestV3, decodeProduceRequestV4, decodeProduceRequestV5, decodeProduceRequestV6, decodeProduceRequestV7, decodeProduceRequestV8, decodeProduceRequestV9, decodeProduceRequestV10, decodeProduceRequestV11],
  encode: [encodeProduceRequestV0, encodeProduceRequestV1, encodeProduceRequestV2, encodeProduceRequestV3, encodeProduceRequestV4, encodeProduceRequestV5, encodeProduceRequestV6, encodeProduceRequestV7, encodeProduceRequestV8, encodeProduceRequestV9, encodeProduceRequestV10, encodeProduceRequestV11],
};

export const produceResponseMessage: GeneratedMessage<ProduceResponse> = {
  name: "ProduceResponse",
  minVersion: 0,
  maxVersion: 11,
  firstFlexibleVersion: 9,
  decode: [decodeProduceResponseV0, decodeProduceResponseV1, decodeProduceResponseV2, decodeProduceResponseV3, decodeProduceResponseV4, decodeProduceResponseV5, decodeProduceResponseV6, decodeProduceResponseV7, decodeProduceResponseV8, decodeProduceResponseV9, decodeProduceResponseV10, decodeProduceResponseV11],
  encode: [encodeProduceResponseV0, encodeProduceResponseV1, encodeProduceResponseV2, encodeProduceResponseV3, encodeProduceResponseV4, encodeProduceResponseV5, encodeProduceResponseV6, encodeProduceResponseV7, encodeProduceResponseV8, encodeProduceResponseV9, encodeProduceResponseV10, encodeProduceResponseV11],
};

export const produceApi: GeneratedApi<ProduceRequest, ProduceResponse> = {
  apiKey: 0,
  name: "Produce",
  minVersion: 0,
  maxVersion: 11,
  firstFlexibleVersion: 9,
  latestVersionUnstable: false,
  request: produceRequestMessage,
  response: produceResponseMessage,
};
