// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { HeartbeatRequest, HeartbeatResponse } from "./types.gen.js";
import { decodeHeartbeatRequestV0, encodeHeartbeatRequestV0, decodeHeartbeatResponseV0, encodeHeartbeatResponseV0 } from "./v0.gen.js";
import { decodeHeartbeatRequestV1, encodeHeartbeatRequestV1, decodeHeartbeatResponseV1, encodeHeartbeatResponseV1 } from "./v1.gen.js";
import { decodeHeartbeatRequestV2, encodeHeartbeatRequestV2, decodeHeartbeatResponseV2, encodeHeartbeatResponseV2 } from "./v2.gen.js";
import { decodeHeartbeatRequestV3, encodeHeartbeatRequestV3, decodeHeartbeatResponseV3, encodeHeartbeatResponseV3 } from "./v3.gen.js";
import { decodeHeartbeatRequestV4, encodeHeartbeatRequestV4, decodeHeartbeatResponseV4, encodeHeartbeatResponseV4 } from "./v4.gen.js";

export type { HeartbeatRequest, HeartbeatResponse } from "./types.gen.js";
export { defaultHeartbeatRequest, isHeartbeatRequestDefault, defaultHeartbeatResponse, isHeartbeatResponseDefault } from "./defaults.gen.js";
export { decodeHeartbeatRequestV0, encodeHeartbeatRequestV0, decodeHeartbeatResponseV0, encodeHeartbeatResponseV0 };
export { decodeHeartbeatRequestV1, encodeHeartbeatRequestV1, decodeHeartbeatResponseV1, encodeHeartbeatResponseV1 };
export { decodeHeartbeatRequestV2, encodeHeartbeatRequestV2, decodeHeartbeatResponseV2, encodeHeartbeatResponseV2 };
export { decodeHeartbeatRequestV3, encodeHeartbeatRequestV3, decodeHeartbeatResponseV3, encodeHeartbeatResponseV3 };
export { decodeHeartbeatRequestV4, encodeHeartbeatRequestV4, decodeHeartbeatResponseV4, encodeHeartbeatResponseV4 };

export const heartbeatRequestMessage: GeneratedMessage<HeartbeatRequest> = {
  name: "HeartbeatRequest",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  decode: [decodeHeartbeatRequestV0, decodeHeartbeatRequestV1, decodeHeartbeatRequestV2, decodeHeartbeatRequestV3, decodeHeartbeatRequestV4],
  encode: [encodeHeartbeatRequestV0, encodeHeartbeatRequestV1, encodeHeartbeatRequestV2, encodeHeartbeatRequestV3, encodeHeartbeatRequestV4],
};

export const heartbeatResponseMessage: GeneratedMessage<HeartbeatResponse> = {
  name: "HeartbeatResponse",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  decode: [decodeHeartbeatResponseV0, decodeHeartbeatResponseV1, decodeHeartbeatResponseV2, decodeHeartbeatResponseV3, decodeHeartbeatResponseV4],
  encode: [encodeHeartbeatResponseV0, encodeHeartbeatResponseV1, encodeHeartbeatResponseV2, encodeHeartbeatResponseV3, encodeHeartbeatResponseV4],
};

export const heartbeatApi: GeneratedApi<HeartbeatRequest, HeartbeatResponse> = {
  apiKey: 12,
  name: "Heartbeat",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 4,
  latestVersionUnstable: false,
  request: heartbeatRequestMessage,
  response: heartbeatResponseMessage,
};
