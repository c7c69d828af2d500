// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { InitProducerIdRequest, InitProducerIdResponse } from "./types.gen.js";
import { decodeInitProducerIdRequestV0, encodeInitProducerIdRequestV0, decodeInitProducerIdResponseV0, encodeInitProducerIdResponseV0 } from "./v0.gen.js";
import { decodeInitProducerIdRequestV1, encodeInitProducerIdRequestV1, decodeInitProducerIdResponseV1, encodeInitProducerIdResponseV1 } from "./v1.gen.js";
import { decodeInitProducerIdRequestV2, encodeInitProducerIdRequestV2, decodeInitProducerIdResponseV2, encodeInitProducerIdResponseV2 } from "./v2.gen.js";
import { decodeInitProducerIdRequestV3, encodeInitProducerIdRequestV3, decodeInitProducerIdResponseV3, encodeInitProducerIdResponseV3 } from "./v3.gen.js";
import { decodeInitProducerIdRequestV4, encodeInitProducerIdRequestV4, decodeInitProducerIdResponseV4, encodeInitProducerIdResponseV4 } from "./v4.gen.js";
import { decodeInitProducerIdRequestV5, encodeInitProducerIdRequestV5, decodeInitProducerIdResponseV5, encodeInitProducerIdResponseV5 } from "./v5.gen.js";

export type { InitProducerIdRequest, InitProducerIdResponse } from "./types.gen.js";
export { defaultInitProducerIdRequest, isInitProducerIdRequestDefault, defaultInitProducerIdResponse, isInitProducerIdResponseDefault } from "./defaults.gen.js";
export { decodeInitProducerIdRequestV0, encodeInitProducerIdRequestV0, decodeInitProducerIdResponseV0, encodeInitProducerIdResponseV0 };
export { decodeInitProducerIdRequestV1, encodeInitProducerIdRequestV1, decodeInitProducerIdResponseV1, encodeInitProducerIdResponseV1 };
export { decodeInitProducerIdRequestV2, encodeInitProducerIdRequestV2, decodeInitProducerIdResponseV2, encodeInitProducerIdResponseV2 };
export { decodeInitProducerIdRequestV3, encodeInitProducerIdRequestV3, decodeInitProducerIdResponseV3, encodeInitProducerIdResponseV3 };
export { decodeInitProducerIdRequestV4, encodeInitProducerIdRequestV4, decodeInitProducerIdResponseV4, encodeInitProducerIdResponseV4 };
export { decodeInitProducerIdRequestV5, encodeInitProducerIdRequestV5, decodeInitProducerIdResponseV5, encodeInitProducerIdResponseV5 };

export const initProducerIdRequestMessage: GeneratedMessage<InitProducerIdRequest> = {
  name: "InitProducerIdRequest",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 2,
  decode: [decodeInitProducerIdRequestV0, decodeInitProducerIdRequestV1, decodeInitProducerIdRequestV2, decodeInitProducerIdRequestV3, decodeInitProducerIdRequestV4, decodeInitProducerIdRequestV5],
  encode: [encodeInitProducerIdRequestV0, encodeInitProducerIdRequestV1, encodeInitProducerIdRequestV2, encodeInitProducerIdRequestV3, encodeInitProducerIdRequestV4, encodeInitProducerIdRequestV5],
};

export const initProducerIdResponseMessage: GeneratedMessage<InitProducerIdResponse> = {
  name: "InitProducerIdResponse",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 2,
  decode: [decodeInitProducerIdResponseV0, decodeInitProducerIdResponseV1, decodeInitProducerIdResponseV2, decodeInitProducerIdResponseV3, decodeInitProducerIdResponseV4, decodeInitProducerIdResponseV5],
  encode: [encodeInitProducerIdResponseV0, encodeInitProducerIdResponseV1, encodeInitProducerIdResponseV2, encodeInitProducerIdResponseV3, encodeInitProducerIdResponseV4, encodeInitProducerIdResponseV5],
};

export const initProducerIdApi: GeneratedApi<InitProducerIdRequest, InitProducerIdResponse> = {
  apiKey: 22,
  name: "InitProducerId",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 2,
  latestVersionUnstable: false,
  request: initProducerIdRequestMessage,
  response: initProducerIdResponseMessage,
};
