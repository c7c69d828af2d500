// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { RequestHeader } from "./types.gen.js";
import { decodeRequestHeaderV0, encodeRequestHeaderV0 } from "./v0.gen.js";
import { decodeRequestHeaderV1, encodeRequestHeaderV1 } from "./v1.gen.js";
import { decodeRequestHeaderV2, encodeRequestHeaderV2 } from "./v2.gen.js";

export type { RequestHeader } from "./types.gen.js";
export { defaultRequestHeader, isRequestHeaderDefault } from "./defaults.gen.js";
export { decodeRequestHeaderV0, encodeRequestHeaderV0 };
export { decodeRequestHeaderV1, encodeRequestHeaderV1 };
export { decodeRequestHeaderV2, encodeRequestHeaderV2 };

export const requestHeaderMessage: GeneratedMessage<RequestHeader> = {
  name: "RequestHeader",
  minVersion: 0,
  maxVersion: 2,
  firstFlexibleVersion: 2,
  decode: [decodeRequestHeaderV0, decodeRequestHeaderV1, decodeRequestHeaderV2],
  encode: [encodeRequestHeaderV0, encodeRequestHeaderV1, encodeRequestHeaderV2],
};

