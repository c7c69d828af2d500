// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { SaslAuthenticateRequest, SaslAuthenticateResponse } from "./types.gen.js";
import { decodeSaslAuthenticateRequestV0, encodeSaslAuthenticateRequestV0, decodeSaslAuthenticateResponseV0, encodeSaslAuthenticateResponseV0 } from "./v0.gen.js";
import { decodeSaslAuthenticateRequestV1, encodeSaslAuthenticateRequestV1, decodeSaslAuthenticateResponseV1, encodeSaslAuthenticateResponseV1 } from "./v1.gen.js";
import { decodeSaslAuthenticateRequestV2, encodeSaslAuthenticateRequestV2, decodeSaslAuthenticateResponseV2, encodeSaslAuthenticateResponseV2 } from "./v2.gen.js";

export type { SaslAuthenticateRequest, SaslAuthenticateResponse } from "./types.gen.js";
export { defaultSaslAuthenticateRequest, isSaslAuthenticateRequestDefault, defaultSaslAuthenticateResponse, isSaslAuthenticateResponseDefault } from "./defaults.gen.js";
export { decodeSaslAuthenticateRequestV0, encodeSaslAuthenticateRequestV0, decodeSaslAuthenticateResponseV0, encodeSaslAuthenticateResponseV0 };
export { decodeSaslAuthenticateRequestV1, encodeSaslAuthenticateRequestV1, decodeSaslAuthenticateResponseV1, encodeSaslAuthenticateResponseV1 };
export { decodeSaslAuthenticateRequestV2, encodeSaslAuthenticateRequestV2, decodeSaslAuthenticateResponseV2, encodeSaslAuthenticateResponseV2 };

export const saslAuthenticateRequestMessage: GeneratedMessage<SaslAuthenticateRequest> = {
  name: "SaslAuthenticateRequest",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeSaslAuthenticateRequestV0, decodeSaslAuthenticateRequestV1, decodeSaslAuthenticateRequestV2],
  encode: [encodeSaslAuthenticateRequestV0, encodeSaslAuthenticateRequestV1, encodeSaslAuthenticateRequestV2],
};

export const saslAuthenticateResponseMessage: GeneratedMessage<SaslAuthenticateResponse> = {
  name: "SaslAuthenticateResponse",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeSaslAuthenticateResponseV0, decodeSaslAuthenticateResponseV1, decodeSaslAuthenticateResponseV2],
  encode: [encodeSaslAuthenticateResponseV0, encodeSaslAuthenticateResponseV1, encodeSaslAuthenticateResponseV2],
};

export const saslAuthenticateApi: GeneratedApi<SaslAuthenticateRequest, SaslAuthenticateResponse> = {
  apiKey: 36,
  name: "SaslAuthenticate",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  latestVersionUnstable: false,
  request: saslAuthenticateRequestMessage,
  response: saslAuthenticateResponseMessage,
};
