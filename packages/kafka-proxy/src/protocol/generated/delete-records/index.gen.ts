// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { DeleteRecordsRequest, DeleteRecordsResponse } from "./types.gen.js";
import { decodeDeleteRecordsRequestV0, encodeDeleteRecordsRequestV0, decodeDeleteRecordsResponseV0, encodeDeleteRecordsResponseV0 } from "./v0.gen.js";
import { decodeDeleteRecordsRequestV1, encodeDeleteRecordsRequestV1, decodeDeleteRecordsResponseV1, encodeDeleteRecordsResponseV1 } from "./v1.gen.js";
import { decodeDeleteRecordsRequestV2, encodeDeleteRecordsRequestV2, decodeDeleteRecordsResponseV2, encodeDeleteRecordsResponseV2 } from "./v2.gen.js";

export type { DeleteRecordsRequest, DeleteRecordsTopic, DeleteRecordsPartition, DeleteRecordsResponse, DeleteRecordsTopicResult, DeleteRecordsPartitionResult } from "./types.gen.js";
export { defaultDeleteRecordsRequest, isDeleteRecordsRequestDefault, defaultDeleteRecordsTopic, isDeleteRecordsTopicDefault, defaultDeleteRecordsPartition, isDeleteRecordsPartitionDefault, defaultDeleteRecordsResponse, isDeleteRecordsResponseDefault, defaultDeleteRecordsTopicResult, isDeleteRecordsTopicResultDefault, defaultDeleteRecordsPartitionResult, isDeleteRecordsPartitionResultDefault } from "./defaults.gen.js";
export { decodeDeleteRecordsRequestV0, encodeDeleteRecordsRequestV0, decodeDeleteRecordsResponseV0, encodeDeleteRecordsResponseV0 };
export { decodeDeleteRecordsRequestV1, encodeDeleteRecordsRequestV1, decodeDeleteRecordsResponseV1, encodeDeleteRecordsResponseV1 };
export { decodeDeleteRecordsRequestV2, encodeDeleteRecordsRequestV2, decodeDeleteRecordsResponseV2, encodeDeleteRecordsResponseV2 };

export const deleteRecordsRequestMessage: GeneratedMessage<DeleteRecordsRequest> = {
  name: "DeleteRecordsRequest",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeDeleteRecordsRequestV0, decodeDeleteRecordsRequestV1, decodeDeleteRecordsRequestV2],
  encode: [encodeDeleteRecordsRequestV0, encodeDeleteRecordsRequestV1, encodeDeleteRecordsRequestV2],
};

export const deleteRecordsResponseMessage: GeneratedMessage<DeleteRecordsResponse> = {
  name: "DeleteRecordsResponse",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeDeleteRecordsResponseV0, decodeDeleteRecordsResponseV1, decodeDeleteRecordsResponseV2],
  encode: [encodeDeleteRecordsResponseV0, encodeDeleteRecordsResponseV1, encodeDeleteRecordsResponseV2],
};

export const deleteRecordsApi: GeneratedApi<DeleteRecordsRequest, DeleteRecordsResponse> = {
  apiKey: 21,
  name: "DeleteRecords",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  latestVersionUnstable: false,
  request: deleteRecordsRequestMessage,
  response: deleteRecordsResponseMessage,
};
