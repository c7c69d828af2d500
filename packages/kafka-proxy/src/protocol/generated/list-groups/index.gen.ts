// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ListGroupsRequest, ListGroupsResponse } from "./types.gen.js";
import { decodeListGroupsRequestV0, encodeListGroupsRequestV0, decodeListGroupsResponseV0, encodeListGroupsResponseV0 } from "./v0.gen.js";
import { decodeListGroupsRequestV1, encodeListGroupsRequestV1, decodeListGroupsResponseV1, encodeListGroupsResponseV1 } from "./v1.gen.js";
import { decodeListGroupsRequestV2, encodeListGroupsRequestV2, decodeListGroupsResponseV2, encodeListGroupsResponseV2 } from "./v2.gen.js";
import { decodeListGroupsRequestV3, encodeListGroupsRequestV3, decodeListGroupsResponseV3, encodeListGroupsResponseV3 } from "./v3.gen.js";
import { decodeListGroupsRequestV4, encodeListGroupsRequestV4, decodeListGroupsResponseV4, encodeListGroupsResponseV4 } from "./v4.gen.js";
import { decodeListGroupsRequestV5, encodeListGroupsRequestV5, decodeListGroupsResponseV5, encodeListGroupsResponseV5 } from "./v5.gen.js";

export type { ListGroupsRequest, ListGroupsResponse, ListedGroup } from "./types.gen.js";
export { defaultListGroupsRequest, isListGroupsRequestDefault, defaultListGroupsResponse, isListGroupsResponseDefault, defaultListedGroup, isListedGroupDefault } from "./defaults.gen.js";
export { decodeListGroupsRequestV0, encodeListGroupsRequestV0, decodeListGroupsResponseV0, encodeListGroupsResponseV0 };
export { decodeListGroupsRequestV1, encodeListGroupsRequestV1, decodeListGroupsResponseV1, encodeListGroupsResponseV1 };
export { decodeListGroupsRequestV2, encodeListGroupsRequestV2, decodeListGroupsResponseV2, encodeListGroupsResponseV2 };
export { decodeListGroupsRequestV3, encodeListGroupsRequestV3, decodeListGroupsResponseV3, encodeListGroupsResponseV3 };
export { decodeListGroupsRequestV4, encodeListGroupsRequestV4, decodeListGroupsResponseV4, encodeListGroupsResponseV4 };
export { decodeListGroupsRequestV5, encodeListGroupsRequestV5, decodeListGroupsResponseV5, encodeListGroupsResponseV5 };

export const listGroupsRequestMessage: GeneratedMessage<ListGroupsRequest> = {
  name: "ListGroupsRequest",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  decode: [decodeListGroupsRequestV0, decodeListGroupsRequestV1, decodeListGroupsRequestV2, decodeListGroupsRequestV3, decodeListGroupsRequestV4, decodeListGroupsRequestV5],
  encode: [encodeListGroupsRequestV0, encodeListGroupsRequestV1, encodeListGroupsRequestV2, encodeListGroupsRequestV3, encodeListGroupsRequestV4, encodeListGroupsRequestV5],
};

export const listGroupsResponseMessage: GeneratedMessage<ListGroupsResponse> = {
  name: "ListGroupsResponse",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  decode: [decodeListGroupsResponseV0, decodeListGroupsResponseV1, decodeListGroupsResponseV2, decodeListGroupsResponseV3, decodeListGroupsResponseV4, decodeListGroupsResponseV5],
  encode: [encodeListGroupsResponseV0, encodeListGroupsResponseV1, encodeListGroupsResponseV2, encodeListGroupsResponseV3, encodeListGroupsResponseV4, encodeListGroupsResponseV5],
};

export const listGroupsApi: GeneratedApi<ListGroupsRequest, ListGroupsResponse> = {
  apiKey: 16,
  name: "ListGroups",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  latestVersionUnstable: false,
  request: listGroupsRequestMessage,
  response: listGroupsResponseMessage,
};
