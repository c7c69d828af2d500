// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ResponseHeader } from "./types.gen.js";
import { decodeResponseHeaderV0, encodeResponseHeaderV0 } from "./v0.gen.js";
import { decodeResponseHeaderV1, encodeResponseHeaderV1 } from "./v1.gen.js";

export type { ResponseHeader } from "./types.gen.js";
export { defaultResponseHeader, isResponseHeaderDefault } from "./defaults.gen.js";
export { decodeResponseHeaderV0, encodeResponseHeaderV0 };
export { decodeResponseHeaderV1, encodeResponseHeaderV1 };

export const responseHeaderMessage: GeneratedMessage<ResponseHeader> = {
  name: "ResponseHeader",
  minVersion: 0,
  maxVersion: 1,
  firstFlexibleVersion: 1,
  decode: [decodeResponseHeaderV0, decodeResponseHeaderV1],
  encode: [encodeResponseHeaderV0, encodeResponseHeaderV1],
};

