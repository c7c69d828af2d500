// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { FindCoordinatorRequest, FindCoordinatorResponse } from "./types.gen.js";
import { decodeFindCoordinatorRequestV0, encodeFindCoordinatorRequestV0, decodeFindCoordinatorResponseV0, encodeFindCoordinatorResponseV0 } from "./v0.gen.js";
import { decodeFindCoordinatorRequestV1, encodeFindCoordinatorRequestV1, decodeFindCoordinatorResponseV1, encodeFindCoordinatorResponseV1 } from "./v1.gen.js";
import { decodeFindCoordinatorRequestV2, encodeFindCoordinatorRequestV2, decodeFindCoordinatorResponseV2, encodeFindCoordinatorResponseV2 } from "./v2.gen.js";
import { decodeFindCoordinatorRequestV3, encodeFindCoordinatorRequestV3, decodeFindCoordinatorResponseV3, encodeFindCoordinatorResponseV3 } from "./v3.gen.js";
import { decodeFindCoordinatorRequestV4, encodeFindCoordinatorRequestV4, decodeFindCoordinatorResponseV4, encodeFindCoordinatorResponseV4 } from "./v4.gen.js";
import { decodeFindCoordinatorRequestV5, encodeFindCoordinatorRequestV5, decodeFindCoordinatorResponseV5, encodeFindCoordinatorResponseV5 } from "./v5.gen.js";
import { decodeFindCoordinatorRequestV6, encodeFindCoordinatorRequestV6, decodeFindCoordinatorResponseV6, encodeFindCoordinatorResponseV6 } from "./v6.gen.js";

export type { FindCoordinatorRequest, FindCoordinatorResponse, Coordinator } from "./types.gen.js";
export { defaultFindCoordinatorRequest, isFindCoordinatorRequestDefault, defaultFindCoordinatorResponse, isFindCoordinatorResponseDefault, defaultCoordinator, isCoordinatorDefault } from "./defaults.gen.js";
export { decodeFindCoordinatorRequestV0, encodeFindCoordinatorRequestV0, decodeFindCoordinatorResponseV0, encodeFindCoordinatorResponseV0 };
export { decodeFindCoordinatorRequestV1, encodeFindCoordinatorRequestV1, decodeFindCoordinatorResponseV1, encodeFindCoordinatorResponseV1 };
export { decodeFindCoordinatorRequestV2, encodeFindCoordinatorRequestV2, decodeFindCoordinatorResponseV2, encodeFindCoordinatorResponseV2 };
export { decodeFindCoordinatorRequestV3, encodeFindCoordinatorRequestV3, decodeFindCoordinatorResponseV3, encodeFindCoordinatorResponseV3 };
export { decodeFindCoordinatorRequestV4, encodeFindCoordinatorRequestV4, decodeFindCoordinatorResponseV4, encodeFindCoordinatorResponseV4 };
export { decodeFindCoordinatorRequestV5, encodeFindCoordinatorRequestV5, decodeFindCoordinatorResponseV5, encodeFindCoordinatorResponseV5 };
export { decodeFindCoordinatorRequestV6, encodeFindCoordinatorRequestV6, decodeFindCoordinatorResponseV6, encodeFindCoordinatorResponseV6 };

export const findCoordinatorRequestMessage: GeneratedMessage<FindCoordinatorRequest> = {
  name: "FindCoordinatorRequest",
  minVersion: 0,
  maxVersion: 6,
  firstFlexibleVersion: 3,
  decode: [decodeFindCoordinatorRequestV0, decodeFindCoordinatorRequestV1, decodeFindCoordinatorRequestV2, decodeFindCoordinatorRequestV3, decodeFindCoordinatorRequestV4, decodeFindCoordinatorRequestV5, decodeFindCoordinatorRequestV6],
  encode: [encodeFindCoordinatorRequestV0, encodeFindCoordinatorRequestV1, encodeFindCoordinatorRequestV2, encodeFindCoordinatorRequestV3, encodeFindCoordinatorRequestV4, encodeFindCoordinatorRequestV5, encodeFindCoordinatorRequestV6],
};

export const findCoordinatorResponseMessage: GeneratedMessage<FindCoordinatorResponse> = {
  name: "FindCoordinatorResponse",
  minVersion: 0,
  maxVersion: 6,
  firstFlexibleVersion: 3,
  decode: [decodeFindCoordinatorResponseV0, decodeFindCoordinatorResponseV1, decodeFindCoordinatorResponseV2, decodeFindCoordinatorResponseV3, decodeFindCoordinatorResponseV4, decodeFindCoordinatorResponseV5, decodeFindCoordinatorResponseV6],
  encode: [encodeFindCoordinatorResponseV0, encodeFindCoordinatorResponseV1, encodeFindCoordinatorResponseV2, encodeFindCoordinatorResponseV3, encodeFindCoordinatorResponseV4, encodeFindCoordinatorResponseV5, encodeFindCoordinatorResponseV6],
};

export const findCoordinatorApi: GeneratedApi<FindCoordinatorRequest, FindCoordinatorResponse> = {
  apiKey: 10,
  name: "FindCoordinator",
  minVersion: 0,
  maxVersion: 6,
  firstFlexibleVersion: 3,
  latestVersionUnstable: false,
  request: findCoordinatorRequestMessage,
  response: findCoordinatorResponseMessage,
};
