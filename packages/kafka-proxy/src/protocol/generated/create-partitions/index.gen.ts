// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { CreatePartitionsRequest, CreatePartitionsResponse } from "./types.gen.js";
import { decodeCreatePartitionsRequestV0, encodeCreatePartitionsRequestV0, decodeCreatePartitionsResponseV0, encodeCreatePartitionsResponseV0 } from "./v0.gen.js";
import { decodeCreatePartitionsRequestV1, encodeCreatePartitionsRequestV1, decodeCreatePartitionsResponseV1, encodeCreatePartitionsResponseV1 } from "./v1.gen.js";
import { decodeCreatePartitionsRequestV2, encodeCreatePartitionsRequestV2, decodeCreatePartitionsResponseV2, encodeCreatePartitionsResponseV2 } from "./v2.gen.js";
import { decodeCreatePartitionsRequestV3, encodeCreatePartitionsRequestV3, decodeCreatePartitionsResponseV3, encodeCreatePartitionsResponseV3 } from "./v3.gen.js";

export type { CreatePartitionsRequest, CreatePartitionsTopic, CreatePartitionsAssignment, CreatePartitionsResponse, CreatePartitionsTopicResult } from "./types.gen.js";
export { defaultCreatePartitionsRequest, isCreatePartitionsRequestDefault, defaultCreatePartitionsTopic, isCreatePartitionsTopicDefault, defaultCreatePartitionsAssignment, isCreatePartitionsAssignmentDefault, defaultCreatePartitionsResponse, isCreatePartitionsResponseDefault, defaultCreatePartitionsTopicResult, isCreatePartitionsTopicResultDefault } from "./defaults.gen.js";
export { decodeCreatePartitionsRequestV0, encodeCreatePartitionsRequestV0, decodeCreatePartitionsResponseV0, encodeCreatePartitionsResponseV0 };
export { decodeCreatePartitionsRequestV1, encodeCreatePartitionsRequestV1, decodeCreatePartitionsResponseV1, encodeCreatePartitionsResponseV1 };
export { decodeCreatePartitionsRequestV2, encodeCreatePartitionsRequestV2, decodeCreatePartitionsResponseV2, encodeCreatePartitionsResponseV2 };
export { decodeCreatePartitionsRequestV3, encodeCreatePartitionsRequestV3, decodeCreatePartitionsResponseV3, encodeCreatePartitionsResponseV3 };

export const createPartitionsRequestMessage: GeneratedMessage<CreatePartitionsRequest> = {
  name: "CreatePartitionsRequest",
  minVersion: 0,
  maxVersion: 3,
  firstFlexibleVersion: 2,
  decode: [decodeCreatePartitionsRequestV0, decodeCreatePartitionsRequestV1, decodeCreatePartitionsRequestV2, decodeCreatePartitionsRequestV3],
  encode: [encodeCreatePartitionsRequestV0, encodeCreatePartitionsRequestV1, encodeCreatePartitionsRequestV2, encodeCreatePartitionsRequestV3],
};

export const createPartitionsResponseMessage: GeneratedMessage<CreatePartitionsResponse> = {
  name: "CreatePartitionsResponse",
  minVersion: 0,
  maxVersion: 3,
  firstFlexibleVersion: 2,
  decode: [decodeCreatePartitionsResponseV0, decodeCreatePartitionsResponseV1, decodeCreatePartitionsResponseV2, decodeCreatePartitionsResponseV3],
  encode: [encodeCreatePartitionsResponseV0, encodeCreatePartitionsResponseV1, encodeCreatePartitionsResponseV2, encodeCreatePartitionsResponseV3],
};

export const createPartitionsApi: GeneratedApi<CreatePartitionsRequest, CreatePartitionsResponse> = {
  apiKey: 37,
  name: "CreatePartitions",
  minVersion: 0,
  maxVersion: 3,
  firstFlexibleVersion: 2,
  latestVersionUnstable: false,
  request: createPartitionsRequestMessage,
  response: createPartitionsResponseMessage,
};
