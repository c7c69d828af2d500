// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { AddPartitionsToTxnRequest, AddPartitionsToTxnResponse } from "./types.gen.js";
import { decodeAddPartitionsToTxnRequestV0, encodeAddPartitionsToTxnRequestV0, decodeAddPartitionsToTxnResponseV0, encodeAddPartitionsToTxnResponseV0 } from "./v0.gen.js";
import { decodeAddPartitionsToTxnRequestV1, encodeAddPartitionsToTxnRequestV1, decodeAddPartitionsToTxnResponseV1, encodeAddPartitionsToTxnResponseV1 } from "./v1.gen.js";
import { decodeAddPartitionsToTxnRequestV2, encodeAddPartitionsToTxnRequestV2, decodeAddPartitionsToTxnResponseV2, encodeAddPartitionsToTxnResponseV2 } from "./v2.gen.js";
import { decodeAddPartitionsToTxnRequestV3, encodeAddPartitionsToTxnRequestV3, decodeAddPartitionsToTxnResponseV3, encodeAddPartitionsToTxnResponseV3 } from "./v3.gen.js";
import { decodeAddPartitionsToTxnRequestV4, encodeAddPartitionsToTxnRequestV4, decodeAddPartitionsToTxnResponseV4, encodeAddPartitionsToTxnResponseV4 } from "./v4.gen.js";
import { decodeAddPartitionsToTxnRequestV5, encodeAddPartitionsToTxnRequestV5, decodeAddPartitionsToTxnResponseV5, encodeAddPartitionsToTxnResponseV5 } from "./v5.gen.js";

export type { AddPartitionsToTxnRequest, AddPartitionsToTxnTopic, AddPartitionsToTxnTransaction, AddPartitionsToTxnResponse, AddPartitionsToTxnTopicResult, AddPartitionsToTxnPartitionResult, AddPartitionsToTxnResult } from "./types.gen.js";
export { defaultAddPartitionsToTxnRequest, isAddPartitionsToTxnRequestDefault, defaultAddPartitionsToTxnTopic, isAddPartitionsToTxnTopicDefault, defaultAddPartitionsToTxnTransaction, isAddPartitionsToTxnTransactionDefault, defaultAddPartitionsToTxnResponse, isAddPartitionsToTxnResponseDefault, defaultAddPartitionsToTxnTopicResult, isAddPartitionsToTxnTopicResultDefault, defaultAddPartitionsToTxnPartitionResult, isAddPartitionsToTxnPartitionResultDefault, defaultAddPartitionsToTxnResult, isAddPartitionsToTxnResultDefault } from "./defaults.gen.js";
export { decodeAddPartitionsToTxnRequestV0, encodeAddPartitionsToTxnRequestV0, decodeAddPartitionsToTxnResponseV0, encodeAddPartitionsToTxnResponseV0 };
export { decodeAddPartitionsToTxnRequestV1, encodeAddPartitionsToTxnRequestV1, decodeAddPartitionsToTxnResponseV1, encodeAddPartitionsToTxnResponseV1 };
export { decodeAddPartitionsToTxnRequestV2, encodeAddPartitionsToTxnRequestV2, decodeAddPartitionsToTxnResponseV2, encodeAddPartitionsToTxnResponseV2 };
export { decodeAddPartitionsToTxnRequestV3, encodeAddPartitionsToTxnRequestV3, decodeAddPartitionsToTxnResponseV3, encodeAddPartitionsToTxnResponseV3 };
export { decodeAddPartitionsToTxnRequestV4, encodeAddPartitionsToTxnRequestV4, decodeAddPartitionsToTxnResponseV4, encodeAddPartitionsToTxnResponseV4 };
export { decodeAddPartitionsToTxnRequestV5, encodeAddPartitionsToTxnRequestV5, decodeAddPartitionsToTxnResponseV5, encodeAddPartitionsToTxnResponseV5 };

export const addPartitionsToTxnRequestMessage: GeneratedMessage<AddPartitionsToTxnRequest> = {
  name: "AddPartitionsToTxnRequest",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  decode: [decodeAddPartitionsToTxnRequestV0, decodeAddPartitionsToTxnRequestV1, decodeAddPartitionsToTxnRequestV2, decodeAddPartitionsToTxnRequestV3, decodeAddPartitionsToTxnRequestV4, decodeAddPartitionsToTxnRequestV5],
  encode: [encodeAddPartitionsToTxnRequestV0, encodeAddPartitionsToTxnRequestV1, encodeAddPartitionsToTxnRequestV2, encodeAddPartitionsToTxnRequestV3, encodeAddPartitionsToTxnRequestV4, encodeAddPartitionsToTxnRequestV5],
};

export const addPartitionsToTxnResponseMessage: GeneratedMessage<AddPartitionsToTxnResponse> = {
  name: "AddPartitionsToTxnResponse",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  decode: [decodeAddPartitionsToTxnResponseV0, decodeAddPartitionsToTxnResponseV1, decodeAddPartitionsToTxnResponseV2, decodeAddPartitionsToTxnResponseV3, decodeAddPartitionsToTxnResponseV4, decodeAddPartitionsToTxnResponseV5],
  encode: [encodeAddPartitionsToTxnResponseV0, encodeAddPartitionsToTxnResponseV1, encodeAddPartitionsToTxnResponseV2, encodeAddPartitionsToTxnResponseV3, encodeAddPartitionsToTxnResponseV4, encodeAddPartitionsToTxnResponseV5],
};

export const addPartitionsToTxnApi: GeneratedApi<AddPartitionsToTxnRequest, AddPartitionsToTxnResponse> = {
  apiKey: 24,
  name: "AddPartitionsToTxn",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  latestVersionUnstable: false,
  request: addPartitionsToTxnRequestMessage,
  response: addPartitionsToTxnResponseMessage,
};
