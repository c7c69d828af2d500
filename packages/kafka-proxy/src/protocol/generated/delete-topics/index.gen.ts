// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { DeleteTopicsRequest, DeleteTopicsResponse } from "./types.gen.js";
import { decodeDeleteTopicsRequestV0, encodeDeleteTopicsRequestV0, decodeDeleteTopicsResponseV0, encodeDeleteTopicsResponseV0 } from "./v0.gen.js";
import { decodeDeleteTopicsRequestV1, encodeDeleteTopicsRequestV1, decodeDeleteTopicsResponseV1, encodeDeleteTopicsResponseV1 } from "./v1.gen.js";
import { decodeDeleteTopicsRequestV2, encodeDeleteTopicsRequestV2, decodeDeleteTopicsResponseV2, encodeDeleteTopicsResponseV2 } from "./v2.gen.js";
import { decodeDeleteTopicsRequestV3, encodeDeleteTopicsRequestV3, decodeDeleteTopicsResponseV3, encodeDeleteTopicsResponseV3 } from "./v3.gen.js";
import { decodeDeleteTopicsRequestV4, encodeDeleteTopicsRequestV4, decodeDeleteTopicsResponseV4, encodeDeleteTopicsResponseV4 } from "./v4.gen.js";
import { decodeDeleteTopicsRequestV5, encodeDeleteTopicsRequestV5, decodeDeleteTopicsResponseV5, encodeDeleteTopicsResponseV5 } from "./v5.gen.js";
import { decodeDeleteTopicsRequestV6, encodeDeleteTopicsRequestV6, decodeDeleteTopicsResponseV6, encodeDeleteTopicsResponseV6 } from "./v6.gen.js";

export type { DeleteTopicsRequest, DeleteTopicState, DeleteTopicsResponse, DeletableTopicResult } from "./types.gen.js";
export { defaultDeleteTopicsRequest, isDeleteTopicsRequestDefault, defaultDeleteTopicState, isDeleteTopicStateDefault, defaultDeleteTopicsResponse, isDeleteTopicsResponseDefault, defaultDeletableTopicResult, isDeletableTopicResultDefault } from "./defaults.gen.js";
export { decodeDeleteTopicsRequestV0, encodeDeleteTopicsRequestV0, decodeDeleteTopicsResponseV0, encodeDeleteTopicsResponseV0 };
export { decodeDeleteTopicsRequestV1, encodeDeleteTopicsRequestV1, decodeDeleteTopicsResponseV1, encodeDeleteTopicsResponseV1 };
export { decodeDeleteTopicsRequestV2, encodeDeleteTopicsRequestV2, decodeDeleteTopicsResponseV2, encodeDeleteTopicsResponseV2 };
export { decodeDeleteTopicsRequestV3, encodeDeleteTopicsRequestV3, decodeDeleteTopicsResponseV3, encodeDeleteTopicsResponseV3 };
export { decodeDeleteTopicsRequestV4, encodeDeleteTopicsRequestV4, decodeDeleteTopicsResponseV4, encodeDeleteTopicsResponseV4 };
export { decodeDeleteTopicsRequestV5, encodeDeleteTopicsRequestV5, decodeDeleteTopicsResponseV5, encodeDeleteTopicsResponseV5 };
export { decodeDeleteTopicsRequestV6, encodeDeleteTopicsRequestV6, decodeDeleteTopicsResponseV6, encodeDeleteTopicsResponseV6 };

export const deleteTopicsRequestMessage: GeneratedMessage<DeleteTopicsRequest> = {
  name: "DeleteTopicsRequest",
  minVersion: 0,
  maxVersion: 6,
  firstFlexibleVersion: 4,
  decode: [decodeDeleteTopicsRequestV0, decodeDeleteTopicsRequestV1, decodeDeleteTopicsRequestV2, decodeDeleteTopicsRequestV3, decodeDeleteTopicsRequestV4, decodeDeleteTopicsRequestV5, decodeDeleteTopicsRequestV6],
  encode: [encodeDeleteTopicsRequestV0, encodeDeleteTopicsRequestV1, encodeDeleteTopicsRequestV2, encodeDeleteTopicsRequestV3, encodeDeleteTopicsRequestV4, encodeDeleteTopicsRequestV5, encodeDeleteTopicsRequestV6],
};

export const deleteTopicsResponseMessage: GeneratedMessage<DeleteTopicsResponse> = {
  name: "DeleteTopicsResponse",
  minVersion: 0,
  maxVersion: 6,
  firstFlexibleVersion: 4,
  decode: [decodeDeleteTopicsResponseV0, decodeDeleteTopicsResponseV1, decodeDeleteTopicsResponseV2, decodeDeleteTopicsResponseV3, decodeDeleteTopicsResponseV4, decodeDeleteTopicsResponseV5, decodeDeleteTopicsResponseV6],
  encode: [encodeDeleteTopicsResponseV0, encodeDeleteTopicsResponseV1, encodeDeleteTopicsResponseV2, encodeDeleteTopicsResponseV3, encodeDeleteTopicsResponseV4, encodeDeleteTopicsResponseV5, encodeDeleteTopicsResponseV6],
};

export const deleteTopicsApi: GeneratedApi<DeleteTopicsRequest, DeleteTopicsResponse> = {
  apiKey: 20,
  name: "DeleteTopics",
  minVersion: 0,
  maxVersion: 6,
  firstFlexibleVersion: 4,
  latestVersionUnstable: false,
  request: deleteTopicsRequestMessage,
  response: deleteTopicsResponseMessage,
};
