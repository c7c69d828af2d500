// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { CreateTopicsRequest, CreateTopicsResponse } from "./types.gen.js";
import { decodeCreateTopicsRequestV0, encodeCreateTopicsRequestV0, decodeCreateTopicsResponseV0, encodeCreateTopicsResponseV0 } from "./v0.gen.js";
import { decodeCreateTopicsRequestV1, encodeCreateTopicsRequestV1, decodeCreateTopicsResponseV1, encodeCreateTopicsResponseV1 } from "./v1.gen.js";
import { decodeCreateTopicsRequestV2, encodeCreateTopicsRequestV2, decodeCreateTopicsResponseV2, encodeCreateTopicsResponseV2 } from "./v2.gen.js";
import { decodeCreateTopicsRequestV3, encodeCreateTopicsRequestV3, decodeCreateTopicsResponseV3, encodeCreateTopicsResponseV3 } from "./v3.gen.js";
import { decodeCreateTopicsRequestV4, encodeCreateTopicsRequestV4, decodeCreateTopicsResponseV4, encodeCreateTopicsResponseV4 } from "./v4.gen.js";
import { decodeCreateTopicsRequestV5, encodeCreateTopicsRequestV5, decodeCreateTopicsResponseV5, encodeCreateTopicsResponseV5 } from "./v5.gen.js";
import { decodeCreateTopicsRequestV6, encodeCreateTopicsRequestV6, decodeCreateTopicsResponseV6, encodeCreateTopicsResponseV6 } from "./v6.gen.js";
import { decodeCreateTopicsRequestV7, encodeCreateTopicsRequestV7, decodeCreateTopicsResponseV7, encodeCreateTopicsResponseV7 } from "./v7.gen.js";

export type { CreateTopicsRequest, CreatableTopic, CreatableReplicaAssignment, CreatableTopicConfig, CreateTopicsResponse, CreatableTopicResult, CreatableTopicConfigs } from "./types.gen.js";
export { defaultCreateTopicsRequest, isCreateTopicsRequestDefault, defaultCreatableTopic, isCreatableTopicDefault, defaultCreatableReplicaAssignment, isCreatableReplicaAssignmentDefault, defaultCreatableTopicConfig, isCreatableTopicConfigDefault, defaultCreateTopicsResponse, isCreateTopicsResponseDefault, defaultCreatableTopicResult, isCreatableTopicResultDefault, defaultCreatableTopicConfigs, isCreatableTopicConfigsDefault } from "./defaults.gen.js";
export { decodeCreateTopicsRequestV0, encodeCreateTopicsRequestV0, decodeCreateTopicsResponseV0, encodeCreateTopicsResponseV0 };
export { decodeCreateTopicsRequestV1, encodeCreateTopicsRequestV1, decodeCreateTopicsResponseV1, encodeCreateTopicsResponseV1 };
export { decodeCreateTopicsRequestV2, encodeCreateTopicsRequestV2, decodeCreateTopicsResponseV2, encodeCreateTopicsResponseV2 };
export { decodeCreateTopicsRequestV3, encodeCreateTopicsRequestV3, decodeCreateTopicsResponseV3, encodeCreateTopicsResponseV3 };
export { decodeCreateTopicsRequestV4, encodeCreateTopicsRequestV4, decodeCreateTopicsResponseV4, encodeCreateTopicsResponseV4 };
export { decodeCreateTopicsRequestV5, encodeCreateTopicsRequestV5, decodeCreateTopicsResponseV5, encodeCreateTopicsResponseV5 };
export { decodeCreateTopicsRequestV6, encodeCreateTopicsRequestV6, decodeCreateTopicsResponseV6, encodeCreateTopicsResponseV6 };
export { decodeCreateTopicsRequestV7, encodeCreateTopicsRequestV7, decodeCreateTopicsResponseV7, encodeCreateTopicsResponseV7 };

export const createTopicsRequestMessage: GeneratedMessage<CreateTopicsRequest> = {
  name: "CreateTopicsRequest",
  minVersion: 0,
  maxVersion: 7,
  firstFlexibleVersion: 5,
  decode: [decodeCreateTopicsRequestV0, decodeCreateTopicsRequestV1, decodeCreateTopicsRequestV2, decodeCreateTopicsRequestV3, decodeCreateTopicsRequestV4, decodeCreateTopicsRequestV5, decodeCreateTopicsRequestV6, decodeCreateTopicsRequestV7],
  encode: [encodeCreateTopicsRequestV0, encodeCreateTopicsRequestV1, encodeCreateTopicsRequestV2, encodeCreateTopicsRequestV3, encodeCreateTopicsRequestV4, encodeCreateTopicsRequestV5, encodeCreateTopicsRequestV6, encodeCreateTopicsRequestV7],
};

export const createTopicsResponseMessage: GeneratedMessage<CreateTopicsResponse> = {
  name: "CreateTopicsResponse",
  minVersion: 0,
  maxVersion: 7,
  firstFlexibleVersion: 5,
  decode: [decodeCreateTopicsResponseV0, decodeCreateTopicsResponseV1, decodeCreateTopicsResponseV2, decodeCreateTopicsResponseV3, decodeCreateTopicsResponseV4, decodeCreateTopicsResponseV5, decodeCreateTopicsResponseV6, decodeCreateTopicsResponseV7],
  encode: [encodeCreateTopicsResponseV0, encodeCreateTopicsResponseV1, encodeCreateTopicsResponseV2, encodeCreateTopicsResponseV3, encodeCreateTopicsResponseV4, encodeCreateTopicsResponseV5, encodeCreateTopicsResponseV6, encodeCreateTopicsResponseV7],
};

export const createTopicsApi: GeneratedApi<CreateTopicsRequest, CreateTopicsResponse> = {
  apiKey: 19,
  name: "CreateTopics",
  minVersion: 0,
  maxVersion: 7,
  firstFlexibleVersion: 5,
  latestVersionUnstable: false,
  request: createTopicsRequestMessage,
  response: createTopicsResponseMessage,
};
