// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { EndTxnRequest, EndTxnResponse } from "./types.gen.js";
import { decodeEndTxnRequestV0, encodeEndTxnRequestV0, decodeEndTxnResponseV0, encodeEndTxnResponseV0 } from "./v0.gen.js";
import { decodeEndTxnRequestV1, encodeEndTxnRequestV1, decodeEndTxnResponseV1, encodeEndTxnResponseV1 } from "./v1.gen.js";
import { decodeEndTxnRequestV2, encodeEndTxnRequestV2, decodeEndTxnResponseV2, encodeEndTxnResponseV2 } from "./v2.gen.js";
import { decodeEndTxnRequestV3, encodeEndTxnRequestV3, decodeEndTxnResponseV3, encodeEndTxnResponseV3 } from "./v3.gen.js";
import { decodeEndTxnRequestV4, encodeEndTxnRequestV4, decodeEndTxnResponseV4, encodeEndTxnResponseV4 } from "./v4.gen.js";
import { decodeEndTxnRequestV5, encodeEndTxnRequestV5, decodeEndTxnResponseV5, encodeEndTxnResponseV5 } from "./v5.gen.js";

export type { EndTxnRequest, EndTxnResponse } from "./types.gen.js";
export { defaultEndTxnRequest, isEndTxnRequestDefault, defaultEndTxnResponse, isEndTxnResponseDefault } from "./defaults.gen.js";
export { decodeEndTxnRequestV0, encodeEndTxnRequestV0, decodeEndTxnResponseV0, encodeEndTxnResponseV0 };
export { decodeEndTxnRequestV1, encodeEndTxnRequestV1, decodeEndTxnResponseV1, encodeEndTxnResponseV1 };
export { decodeEndTxnRequestV2, encodeEndTxnRequestV2, decodeEndTxnResponseV2, encodeEndTxnResponseV2 };
export { decodeEndTxnRequestV3, encodeEndTxnRequestV3, decodeEndTxnResponseV3, encodeEndTxnResponseV3 };
export { decodeEndTxnRequestV4, encodeEndTxnRequestV4, decodeEndTxnResponseV4, encodeEndTxnResponseV4 };
export { decodeEndTxnRequestV5, encodeEndTxnRequestV5, decodeEndTxnResponseV5, encodeEndTxnResponseV5 };

export const endTxnRequestMessage: GeneratedMessage<EndTxnRequest> = {
  name: "EndTxnRequest",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  decode: [decodeEndTxnRequestV0, decodeEndTxnRequestV1, decodeEndTxnRequestV2, decodeEndTxnRequestV3, decodeEndTxnRequestV4, decodeEndTxnRequestV5],
  encode: [encodeEndTxnRequestV0, encodeEndTxnRequestV1, encodeEndTxnRequestV2, encodeEndTxnRequestV3, encodeEndTxnRequestV4, encodeEndTxnRequestV5],
};

export const endTxnResponseMessage: GeneratedMessage<EndTxnResponse> = {
  name: "EndTxnResponse",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  decode: [decodeEndTxnResponseV0, decodeEndTxnResponseV1, decodeEndTxnResponseV2, decodeEndTxnResponseV3, decodeEndTxnResponseV4, decodeEndTxnResponseV5],
  encode: [encodeEndTxnResponseV0, encodeEndTxnResponseV1, encodeEndTxnResponseV2, encodeEndTxnResponseV3, encodeEndTxnResponseV4, encodeEndTxnResponseV5],
};

export const endTxnApi: GeneratedApi<EndTxnRequest, EndTxnResponse> = {
  apiKey: 26,
  name: "EndTxn",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 3,
  latestVersionUnstable: true,
  request: endTxnRequestMessage,
  response: endTxnResponseMessage,
};
