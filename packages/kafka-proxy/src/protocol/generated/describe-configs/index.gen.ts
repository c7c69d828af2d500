// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { DescribeConfigsRequest, DescribeConfigsResponse } from "./types.gen.js";
import { decodeDescribeConfigsRequestV0, encodeDescribeConfigsRequestV0, decodeDescribeConfigsResponseV0, encodeDescribeConfigsResponseV0 } from "./v0.gen.js";
import { decodeDescribeConfigsRequestV1, encodeDescribeConfigsRequestV1, decodeDescribeConfigsResponseV1, encodeDescribeConfigsResponseV1 } from "./v1.gen.js";
import { decodeDescribeConfigsRequestV2, encodeDescribeConfigsRequestV2, decodeDescribeConfigsResponseV2, encodeDescribeConfigsResponseV2 } from "./v2.gen.js";
import { decodeDescribeConfigsRequestV3, encodeDescribeConfigsRequestV3, decodeDescribeConfigsResponseV3, encodeDescribeConfigsResponseV3 } from "./v3.gen.js";
import { decodeDescribeConfigsRequestV4, encodeDescribeConfigsRequestV4, decodeDescribeConfigsResponseV4, encodeDescribeConfigsResponseV4 } from "./v4.gen.js";

export type { DescribeConfigsRequest, DescribeConfigsResource, DescribeConfigsResponse, DescribeConfigsResult, DescribeConfigsResourceResult, DescribeConfigsSynonym } from "./types.gen.js";
export { defaultDescribeConfigsRequest, isDescribeConfigsRequestDefault, defaultDescribeConfigsResource, isDescribeConfigsResourceDefault, defaultDescribeConfigsResponse, isDescribeConfigsResponseDefault, defaultDescribeConfigsResult, isDescribeConfigsResultDefault, defaultDescribeConfigsResourceResult, isDescribeConfigsResourceResultDefault, defaultDescribeConfigsSynonym, isDescribeConfigsSynonymDefault } from "./defaults.gen.js";
export { decodeDescribeConfigsRequestV0, encodeDescribeConfigsRequestV0, decodeDescribeConfigsResponseV0, encodeDescribeConfigsResponseV0 };
export { decodeDescribeConfigsRequestV1, encodeDescribeConfigsRequestV1, decodeDescribeConfigsResponseV1, encodeDescribeConfigsResponseV1 };
export { decodeDescribeConfigsRequestV2, encodeDescribeConfigsRequestV2, decodeDescribeConfigsResponseV2, encodeDescribeConfigsResponseV2 };
export { decodeDescribeConfigsRequestV3, encodeDescribeConfigsRequestV3, decodeDescribeConfigsResponseV3, encodeDescribeConfigsResponseV3 };
export { decodeDescribeConfigsRequestV4, encodeDescribeConfigsRequestV4, decodeDescribeConfigsResponseV4, encodeDescribeConfigsResponseV4 };

export const describeConfigsRequestMessage: GeneratedMessage<DescribeConfigsRequest> = {
  name: "DescribeConfigsRequest",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  decode: [decodeDescribeConfigsRequestV0, decodeDescribeConfigsRequestV1, decodeDescribeConfigsRequestV2, decodeDescribeConfigsRequestV3, decodeDescribeConfigsRequestV4],
  encode: [encodeDescribeConfigsRequestV0, encodeDescribeConfigsRequestV1, encodeDescribeConfigsRequestV2, encodeDescribeConfigsRequestV3, encodeDescribeConfigsRequestV4],
};

export const describeConfigsResponseMessage: GeneratedMessage<DescribeConfigsResponse> = {
  name: "DescribeConfigsResponse",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  decode: [decodeDescribeConfigsResponseV0, decodeDescribeConfigsResponseV1, decodeDescribeConfigsResponseV2, decodeDescribeConfigsResponseV3, decodeDescribeConfigsResponseV4],
  encode: [encodeDescribeConfigsResponseV0, encodeDescribeConfigsResponseV1, encodeDescribeConfigsResponseV2, encodeDescribeConfigsResponseV3, encodeDescribeConfigsResponseV4],
};

export const describeConfigsApi: GeneratedApi<DescribeConfigsRequest, DescribeConfigsResponse> = {
  apiKey: 32,
  name: "DescribeConfigs",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  latestVersionUnstable: false,
  request: describeConfigsRequestMessage,
  response: describeConfigsResponseMessage,
};
