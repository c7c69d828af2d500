// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { DeleteGroupsRequest, DeleteGroupsResponse } from "./types.gen.js";
import { decodeDeleteGroupsRequestV0, encodeDeleteGroupsRequestV0, decodeDeleteGroupsResponseV0, encodeDeleteGroupsResponseV0 } from "./v0.gen.js";
import { decodeDeleteGroupsRequestV1, encodeDeleteGroupsRequestV1, decodeDeleteGroupsResponseV1, encodeDeleteGroupsResponseV1 } from "./v1.gen.js";
import { decodeDeleteGroupsRequestV2, encodeDeleteGroupsRequestV2, decodeDeleteGroupsResponseV2, encodeDeleteGroupsResponseV2 } from "./v2.gen.js";

export type { DeleteGroupsRequest, DeleteGroupsResponse, DeletableGroupResult } from "./types.gen.js";
export { defaultDeleteGroupsRequest, isDeleteGroupsRequestDefault, defaultDeleteGroupsResponse, isDeleteGroupsResponseDefault, defaultDeletableGroupResult, isDeletableGroupResultDefault } from "./defaults.gen.js";
export { decodeDeleteGroupsRequestV0, encodeDeleteGroupsRequestV0, decodeDeleteGroupsResponseV0, encodeDeleteGroupsResponseV0 };
export { decodeDeleteGroupsRequestV1, encodeDeleteGroupsRequestV1, decodeDeleteGroupsResponseV1, encodeDeleteGroupsResponseV1 };
export { decodeDeleteGroupsRequestV2, encodeDeleteGroupsRequestV2, decodeDeleteGroupsResponseV2, encodeDeleteGroupsResponseV2 };

export const deleteGroupsRequestMessage: GeneratedMessage<DeleteGroupsRequest> = {
  name: "DeleteGroupsRequest",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeDeleteGroupsRequestV0, decodeDeleteGroupsRequestV1, decodeDeleteGroupsRequestV2],
  encode: [encodeDeleteGroupsRequestV0, encodeDeleteGroupsRequestV1, encodeDeleteGroupsRequestV2],
};

export const deleteGroupsResponseMessage: GeneratedMessage<DeleteGroupsResponse> = {
  name: "DeleteGroupsResponse",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeDeleteGroupsResponseV0, decodeDeleteGroupsResponseV1, decodeDeleteGroupsResponseV2],
  encode: [encodeDeleteGroupsResponseV0, encodeDeleteGroupsResponseV1, encodeDeleteGroupsResponseV2],
};

export const deleteGroupsApi: GeneratedApi<DeleteGroupsRequest, DeleteGroupsResponse> = {
  apiKey: 42,
  name: "DeleteGroups",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  latestVersionUnstable: false,
  request: deleteGroupsRequestMessage,
  response: deleteGroupsResponseMessage,
};
