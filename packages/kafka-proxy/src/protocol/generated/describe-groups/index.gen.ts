// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { DescribeGroupsRequest, DescribeGroupsResponse } from "./types.gen.js";
import { decodeDescribeGroupsRequestV0, encodeDescribeGroupsRequestV0, decodeDescribeGroupsResponseV0, encodeDescribeGroupsResponseV0 } from "./v0.gen.js";
import { decodeDescribeGroupsRequestV1, encodeDescribeGroupsRequestV1, decodeDescribeGroupsResponseV1, encodeDescribeGroupsResponseV1 } from "./v1.gen.js";
import { decodeDescribeGroupsRequestV2, encodeDescribeGroupsRequestV2, decodeDescribeGroupsResponseV2, encodeDescribeGroupsResponseV2 } from "./v2.gen.js";
import { decodeDescribeGroupsRequestV3, encodeDescribeGroupsRequestV3, decodeDescribeGroupsResponseV3, encodeDescribeGroupsResponseV3 } from "./v3.gen.js";
import { decodeDescribeGroupsRequestV4, encodeDescribeGroupsRequestV4, decodeDescribeGroupsResponseV4, encodeDescribeGroupsResponseV4 } from "./v4.gen.js";
import { decodeDescribeGroupsRequestV5, encodeDescribeGroupsRequestV5, decodeDescribeGroupsResponseV5, encodeDescribeGroupsResponseV5 } from "./v5.gen.js";

export type { DescribeGroupsRequest, DescribeGroupsResponse, DescribedGroup, DescribedGroupMember } from "./types.gen.js";
export { defaultDescribeGroupsRequest, isDescribeGroupsRequestDefault, defaultDescribeGroupsResponse, isDescribeGroupsResponseDefault, defaultDescribedGroup, isDescribedGroupDefault, defaultDescribedGroupMember, isDescribedGroupMemberDefault } from "./defaults.gen.js";
export { decodeDescribeGroupsRequestV0, encodeDescribeGroupsRequestV0, decodeDescribeGroupsResponseV0, encodeDescribeGroupsResponseV0 };
export { decodeDescribeGroupsRequestV1, encodeDescribeGroupsRequestV1, decodeDescribeGroupsResponseV1, encodeDescribeGroupsResponseV1 };
export { decodeDescribeGroupsRequestV2, encodeDescribeGroupsRequestV2, decodeDescribeGroupsResponseV2, encodeDescribeGroupsResponseV2 };
export { decodeDescribeGroupsRequestV3, encodeDescribeGroupsRequestV3, decodeDescribeGroupsResponseV3, encodeDescribeGroupsResponseV3 };
export { decodeDescribeGroupsRequestV4, encodeDescribeGroupsRequestV4, decodeDescribeGroupsResponseV4, encodeDescribeGroupsResponseV4 };
export { decodeDescribeGroupsRequestV5, encodeDescribeGroupsRequestV5, decodeDescribeGroupsResponseV5, encodeDescribeGroupsResponseV5 };

export const describeGroupsRequestMessage: GeneratedMessage<DescribeGroupsRequest> = {
  name: "DescribeGroupsRequest",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 5,
  decode: [decodeDescribeGroupsRequestV0, decodeDescribeGroupsRequestV1, decodeDescribeGroupsRequestV2, decodeDescribeGroupsRequestV3, decodeDescribeGroupsRequestV4, decodeDescribeGroupsRequestV5],
  encode: [encodeDescribeGroupsRequestV0, encodeDescribeGroupsRequestV1, encodeDescribeGroupsRequestV2, encodeDescribeGroupsRequestV3, encodeDescribeGroupsRequestV4, encodeDescribeGroupsRequestV5],
};

export const describeGroupsResponseMessage: GeneratedMessage<DescribeGroupsResponse> = {
  name: "DescribeGroupsResponse",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 5,
  decode: [decodeDescribeGroupsResponseV0, decodeDescribeGroupsResponseV1, decodeDescribeGroupsResponseV2, decodeDescribeGroupsResponseV3, decodeDescribeGroupsResponseV4, decodeDescribeGroupsResponseV5],
  encode: [encodeDescribeGroupsResponseV0, encodeDescribeGroupsResponseV1, encodeDescribeGroupsResponseV2, encodeDescribeGroupsResponseV3, encodeDescribeGroupsResponseV4, encodeDescribeGroupsResponseV5],
};

export const describeGroupsApi: GeneratedApi<DescribeGroupsRequest, DescribeGroupsResponse> = {
  apiKey: 15,
  name: "DescribeGroups",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 5,
  latestVersionUnstable: false,
  request: describeGroupsRequestMessage,
  response: describeGroupsResponseMessage,
};
