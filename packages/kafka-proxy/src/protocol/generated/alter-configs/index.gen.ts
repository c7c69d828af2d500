// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { AlterConfigsRequest, AlterConfigsResponse } from "./types.gen.js";
import { decodeAlterConfigsRequestV0, encodeAlterConfigsRequestV0, decodeAlterConfigsResponseV0, encodeAlterConfigsResponseV0 } from "./v0.gen.js";
import { decodeAlterConfigsRequestV1, encodeAlterConfigsRequestV1, decodeAlterConfigsResponseV1, encodeAlterConfigsResponseV1 } from "./v1.gen.js";
import { decodeAlterConfigsRequestV2, encodeAlterConfigsRequestV2, decodeAlterConfigsResponseV2, encodeAlterConfigsResponseV2 } from "./v2.gen.js";

export type { AlterConfigsRequest, AlterConfigsResource, AlterableConfig, AlterConfigsResponse, AlterConfigsResourceResponse } from "./types.gen.js";
export { defaultAlterConfigsRequest, isAlterConfigsRequestDefault, defaultAlterConfigsResource, isAlterConfigsResourceDefault, defaultAlterableConfig, isAlterableConfigDefault, defaultAlterConfigsResponse, isAlterConfigsResponseDefault, defaultAlterConfigsResourceResponse, isAlterConfigsResourceResponseDefault } from "./defaults.gen.js";
export { decodeAlterConfigsRequestV0, encodeAlterConfigsRequestV0, decodeAlterConfigsResponseV0, encodeAlterConfigsResponseV0 };
export { decodeAlterConfigsRequestV1, encodeAlterConfigsRequestV1, decodeAlterConfigsResponseV1, encodeAlterConfigsResponseV1 };
export { decodeAlterConfigsRequestV2, encodeAlterConfigsRequestV2, decodeAlterConfigsResponseV2, encodeAlterConfigsResponseV2 };

export const alterConfigsRequestMessage: GeneratedMessage<AlterConfigsRequest> = {
  name: "AlterConfigsRequest",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeAlterConfigsRequestV0, decodeAlterConfigsRequestV1, decodeAlterConfigsRequestV2],
  encode: [encodeAlterConfigsRequestV0, encodeAlterConfigsRequestV1, encodeAlterConfigsRequestV2],
};

export const alterConfigsResponseMessage: GeneratedMessage<AlterConfigsResponse> = {
  name: "AlterConfigsResponse",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeAlterConfigsResponseV0, decodeAlterConfigsResponseV1, decodeAlterConfigsResponseV2],
  encode: [encodeAlterConfigsResponseV0, encodeAlterConfigsResponseV1, encodeAlterConfigsResponseV2],
};

export const alterConfigsApi: GeneratedApi<AlterConfigsRequest, AlterConfigsResponse> = {
  apiKey: 33,
  name: "AlterConfigs",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  latestVersionUnstable: false,
  request: alterConfigsRequestMessage,
  response: alterConfigsResponseMessage,
};
