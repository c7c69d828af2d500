// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { AddOffsetsToTxnRequest, AddOffsetsToTxnResponse } from "./types.gen.js";
import { decodeAddOffsetsToTxnRequestV0, encodeAddOffsetsToTxnRequestV0, decodeAddOffsetsToTxnResponseV0, encodeAddOffsetsToTxnResponseV0 } from "./v0.gen.js";
import { decodeAddOffsetsToTxnRequestV1, encodeAddOffsetsToTxnRequestV1, decodeAddOffsetsToTxnResponseV1, encodeAddOffsetsToTxnResponseV1 } from "./v1.gen.js";
import { decodeAddOffsetsToTxnRequestV2, encodeAddOffsetsToTxnRequestV2, decodeAddOffsetsToTxnResponseV2, encodeAddOffsetsToTxnResponseV2 } from "./v2.gen.js";
import { decodeAddOffsetsToTxnRequestV3, encodeAddOffsetsToTxnRequestV3, decodeAddOffsetsToTxnResponseV3, encodeAddOffsetsToTxnResponseV3 } from "./v3.gen.js";
import { decodeAddOffsetsToTxnRequestV4, encodeAddOffsetsToTxnRequestV4, decodeAddOffsetsToTxnResponseV4, encodeAddOffsetsToTxnResponseV4 } from "./v4.gen.js";

export type { AddOffsetsToTxnRequest, AddOffsetsToTxnResponse } from "./types.gen.js";
export { defaultAddOffsetsToTxnRequest, isAddOffsetsToTxnRequestDefault, defaultAddOffsetsToTxnResponse, isAddOffsetsToTxnResponseDefault } from "./defaults.gen.js";
export { decodeAddOffsetsToTxnRequestV0, encodeAddOffsetsToTxnRequestV0, decodeAddOffsetsToTxnResponseV0, encodeAddOffsetsToTxnResponseV0 };
export { decodeAddOffsetsToTxnRequestV1, encodeAddOffsetsToTxnRequestV1, decodeAddOffsetsToTxnResponseV1, encodeAddOffsetsToTxnResponseV1 };
export { decodeAddOffsetsToTxnRequestV2, encodeAddOffsetsToTxnRequestV2, decodeAddOffsetsToTxnResponseV2, encodeAddOffsetsToTxnResponseV2 };
export { decodeAddOffsetsToTxnRequestV3, encodeAddOffsetsToTxnRequestV3, decodeAddOffsetsToTxnResponseV3, encodeAddOffsetsToTxnResponseV3 };
export { decodeAddOffsetsToTxnRequestV4, encodeAddOffsetsToTxnRequestV4, decodeAddOffsetsToTxnResponseV4, encodeAddOffsetsToTxnResponseV4 };

export const addOffsetsToTxnRequestMessage: GeneratedMessage<AddOffsetsToTxnRequest> = {
  name: "AddOffsetsToTxnRequest",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  decode: [decodeAddOffsetsToTxnRequestV0, decodeAddOffsetsToTxnRequestV1, decodeAddOffsetsToTxnRequestV2, decodeAddOffsetsToTxnRequestV3, decodeAddOffsetsToTxnRequestV4],
  encode: [encodeAddOffsetsToTxnRequestV0, encodeAddOffsetsToTxnRequestV1, encodeAddOffsetsToTxnRequestV2, encodeAddOffsetsToTxnRequestV3, encodeAddOffsetsToTxnRequestV4],
};

export const addOffsetsToTxnResponseMessage: GeneratedMessage<AddOffsetsToTxnResponse> = {
  name: "AddOffsetsToTxnResponse",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  decode: [decodeAddOffsetsToTxnResponseV0, decodeAddOffsetsToTxnResponseV1, decodeAddOffsetsToTxnResponseV2, decodeAddOffsetsToTxnResponseV3, decodeAddOffsetsToTxnResponseV4],
  encode: [encodeAddOffsetsToTxnResponseV0, encodeAddOffsetsToTxnResponseV1, encodeAddOffsetsToTxnResponseV2, encodeAddOffsetsToTxnResponseV3, encodeAddOffsetsToTxnResponseV4],
};

export const addOffsetsToTxnApi: GeneratedApi<AddOffsetsToTxnRequest, AddOffsetsToTxnResponse> = {
  apiKey: 25,
  name: "AddOffsetsToTxn",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  latestVersionUnstable: false,
  request: addOffsetsToTxnRequestMessage,
  response: addOffsetsToTxnResponseMessage,
};
