// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { SaslHandshakeRequest, SaslHandshakeResponse } from "./types.gen.js";
import { decodeSaslHandshakeRequestV0, encodeSaslHandshakeRequestV0, decodeSaslHandshakeResponseV0, encodeSaslHandshakeResponseV0 } from "./v0.gen.js";
import { decodeSaslHandshakeRequestV1, encodeSaslHandshakeRequestV1, decodeSaslHandshakeResponseV1, encodeSaslHandshakeResponseV1 } from "./v1.gen.js";

export type { SaslHandshakeRequest, SaslHandshakeResponse } from "./types.gen.js";
export { defaultSaslHandshakeRequest, isSaslHandshakeRequestDefault, defaultSaslHandshakeResponse, isSaslHandshakeResponseDefault } from "./defaults.gen.js";
export { decodeSaslHandshakeRequestV0, encodeSaslHandshakeRequestV0, decodeSaslHandshakeResponseV0, encodeSaslHandshakeResponseV0 };
export { decodeSaslHandshakeRequestV1, encodeSaslHandshakeRequestV1, decodeSaslHandshakeResponseV1, encodeSaslHandshakeResponseV1 };

export const saslHandshakeRequestMessage: GeneratedMessage<SaslHandshakeRequest> = {
  name: "SaslHandshakeRequest",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: null,
  decode: [decodeSaslHandshakeRequestV0, decodeSaslHandshakeRequestV1],
  encode: [encodeSaslHandshakeRequestV0, encodeSaslHandshakeRequestV1],
};

export const saslHandshakeResponseMessage: GeneratedMessage<SaslHandshakeResponse> = {
  name: "SaslHandshakeResponse",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: null,
  decode: [decodeSaslHandshakeResponseV0, decodeSaslHandshakeResponseV1],
  encode: [encodeSaslHandshakeResponseV0, encodeSaslHandshakeResponseV1],
};

export const saslHandshakeApi: GeneratedApi<SaslHandshakeRequest, SaslHandshakeResponse> = {
  apiKey: 17,
  name: "SaslHandshake",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: null,
  latestVersionUnstable: false,
  request: saslHandshakeRequestMessage,
  response: saslHandshakeResponseMessage,
};
