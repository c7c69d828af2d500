// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse } from "./types.gen.js";
import { decodeIncrementalAlterConfigsRequestV0, encodeIncrementalAlterConfigsRequestV0, decodeIncrementalAlterConfigsResponseV0, encodeIncrementalAlterConfigsResponseV0 } from "./v0.gen.js";
import { decodeIncrementalAlterConfigsRequestV1, encodeIncrementalAlterConfigsRequestV1, decodeIncrementalAlterConfigsResponseV1, encodeIncrementalAlterConfigsResponseV1 } from "./v1.gen.js";

export type { IncrementalAlterConfigsRequest, AlterConfigsResource, AlterableConfig, IncrementalAlterConfigsResponse, AlterConfigsResourceResponse } from "./types.gen.js";
export { defaultIncrementalAlterConfigsRequest, isIncrementalAlterConfigsRequestDefault, defaultAlterConfigsResource, isAlterConfigsResourceDefault, defaultAlterableConfig, isAlterableConfigDefault, defaultIncrementalAlterConfigsResponse, isIncrementalAlterConfigsResponseDefault, defaultAlterConfigsResourceResponse, isAlterConfigsResourceResponseDefault } from "./defaults.gen.js";
export { decodeIncrementalAlterConfigsRequestV0, encodeIncrementalAlterConfigsRequestV0, decodeIncrementalAlterConfigsResponseV0, encodeIncrementalAlterConfigsResponseV0 };
export { decodeIncrementalAlterConfigsRequestV1, encodeIncrementalAlterConfigsRequestV1, decodeIncrementalAlterConfigsResponseV1, encodeIncrementalAlterConfigsResponseV1 };

export const incrementalAlterConfigsRequestMessage: GeneratedMessage<IncrementalAlterConfigsRequest> = {
  name: "IncrementalAlterConfigsRequest",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 1,
  decode: [decodeIncrementalAlterConfigsRequestV0, decodeIncrementalAlterConfigsRequestV1],
  encode: [encodeIncrementalAlterConfigsRequestV0, encodeIncrementalAlterConfigsRequestV1],
};

export const incrementalAlterConfigsResponseMessage: GeneratedMessage<IncrementalAlterConfigsResponse> = {
  name: "IncrementalAlterConfigsResponse",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 1,
  decode: [decodeIncrementalAlterConfigsResponseV0, decodeIncrementalAlterConfigsResponseV1],
  encode: [encodeIncrementalAlterConfigsResponseV0, encodeIncrementalAlterConfigsResponseV1],
};

export const incrementalAlterConfigsApi: GeneratedApi<IncrementalAlterConfigsRequest, IncrementalAlterConfigsResponse> = {
  apiKey: 44,
  name: "IncrementalAlterConfigs",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 1,
  latestVersionUnstable: false,
  request: incrementalAlterConfigsRequestMessage,
  response: incrementalAlterConfigsResponseMessage,
};
