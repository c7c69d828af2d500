// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ApiVersionsRequest, ApiVersionsResponse } from "./types.gen.js";
import { decodeApiVersionsRequestV0, encodeApiVersionsRequestV0, decodeApiVersionsResponseV0, encodeApiVersionsResponseV0 } from "./v0.gen.js";
import { decodeApiVersionsRequestV1, encodeApiVersionsRequestV1, decodeApiVersionsResponseV1, encodeApiVersionsResponseV1 } from "./v1.gen.js";
import { decodeApiVersionsRequestV2, encodeApiVersionsRequestV2, decodeApiVersionsResponseV2, encodeApiVersionsResponseV2 } from "./v2.gen.js";
import { decodeApiVersionsRequestV3, encodeApiVersionsRequestV3, decodeApiVersionsResponseV3, encodeApiVersionsResponseV3 } from "./v3.gen.js";
import { decodeApiVersionsRequestV4, encodeApiVersionsRequestV4, decodeApiVersionsResponseV4, encodeApiVersionsResponseV4 } from "./v4.gen.js";

export type { ApiVersionsRequest, ApiVersionsResponse, ApiVersion, SupportedFeatureKey, FinalizedFeatureKey } from "./types.gen.js";
export { defaultApiVersionsRequest, isApiVersionsRequestDefault, defaultApiVersionsResponse, isApiVersionsResponseDefault, defaultApiVersion, isApiVersionDefault, defaultSupportedFeatureKey, isSupportedFeatureKeyDefault, defaultFinalizedFeatureKey, isFinalizedFeatureKeyDefault } from "./defaults.gen.js";
export { decodeApiVersionsRequestV0, encodeApiVersionsRequestV0, decodeApiVersionsResponseV0, encodeApiVersionsResponseV0 };
export { decodeApiVersionsRequestV1, encodeApiVersionsRequestV1, decodeApiVersionsResponseV1, encodeApiVersionsResponseV1 };
export { decodeApiVersionsRequestV2, encodeApiVersionsRequestV2, decodeApiVersionsResponseV2, encodeApiVersionsResponseV2 };
export { decodeApiVersionsRequestV3, encodeApiVersionsRequestV3, decodeApiVersionsResponseV3, encodeApiVersionsResponseV3 };
export { decodeApiVersionsRequestV4, encodeApiVersionsRequestV4, decodeApiVersionsResponseV4, encodeApiVersionsResponseV4 };

export const apiVersionsRequestMessage: GeneratedMessage<ApiVersionsRequest> = {
  name: "ApiVersionsRequest",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  decode: [decodeApiVersionsRequestV0, decodeApiVersionsRequestV1, decodeApiVersionsRequestV2, decodeApiVersionsRequestV3, decodeApiVersionsRequestV4],
  encode: [encodeApiVersionsRequestV0, encodeApiVersionsRequestV1, encodeApiVersionsRequestV2, encodeApiVersionsRequestV3, encodeApiVersionsRequestV4],
};

export const apiVersionsResponseMessage: GeneratedMessage<ApiVersionsResponse> = {
  name: "ApiVersionsResponse",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  decode: [decodeApiVersionsResponseV0, decodeApiVersionsResponseV1, decodeApiVersionsResponseV2, decodeApiVersionsResponseV3, decodeApiVersionsResponseV4],
  encode: [encodeApiVersionsResponseV0, encodeApiVersionsResponseV1, encodeApiVersionsResponseV2, encodeApiVersionsResponseV3, encodeApiVersionsResponseV4],
};

export const apiVersionsApi: GeneratedApi<ApiVersionsRequest, ApiVersionsResponse> = {
  apiKey: 18,
  name: "ApiVersions",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  latestVersionUnstable: false,
  request: apiVersionsRequestMessage,
  response: apiVersionsResponseMessage,
};
