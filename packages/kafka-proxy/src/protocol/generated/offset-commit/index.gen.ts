// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { OffsetCommitRequest, OffsetCommitResponse } from "./types.gen.js";
import { decodeOffsetCommitRequestV0, encodeOffsetCommitRequestV0, decodeOffsetCommitResponseV0, encodeOffsetCommitResponseV0 } from "./v0.gen.js";
import { decodeOffsetCommitRequestV1, encodeOffsetCommitRequestV1, decodeOffsetCommitResponseV1, encodeOffsetCommitResponseV1 } from "./v1.gen.js";
import { decodeOffsetCommitRequestV2, encodeOffsetCommitRequestV2, decodeOffsetCommitResponseV2, encodeOffsetCommitResponseV2 } from "./v2.gen.js";
import { decodeOffsetCommitRequestV3, encodeOffsetCommitRequestV3, decodeOffsetCommitResponseV3, encodeOffsetCommitResponseV3 } from "./v3.gen.js";
import { decodeOffsetCommitRequestV4, encodeOffsetCommitRequestV4, decodeOffsetCommitResponseV4, encodeOffsetCommitResponseV4 } from "./v4.gen.js";
import { decodeOffsetCommitRequestV5, encodeOffsetCommitRequestV5, decodeOffsetCommitResponseV5, encodeOffsetCommitResponseV5 } from "./v5.gen.js";
import { decodeOffsetCommitRequestV6, encodeOffsetCommitRequestV6, decodeOffsetCommitResponseV6, encodeOffsetCommitResponseV6 } from "./v6.gen.js";
import { decodeOffsetCommitRequestV7, encodeOffsetCommitRequestV7, decodeOffsetCommitResponseV7, encodeOffsetCommitResponseV7 } from "./v7.gen.js";
import { decodeOffsetCommitRequestV8, encodeOffsetCommitRequestV8, decodeOffsetCommitResponseV8, encodeOffsetCommitResponseV8 } from "./v8.gen.js";
import { decodeOffsetCommitRequestV9, encodeOffsetCommitRequestV9, decodeOffsetCommitResponseV9, encodeOffsetCommitResponseV9 } from "./v9.gen.js";

export type { OffsetCommitRequest, OffsetCommitRequestTopic, OffsetCommitRequestPartition, OffsetCommitResponse, OffsetCommitResponseTopic, OffsetCommitResponsePartition } from "./types.gen.js";
export { defaultOffsetCommitRequest, isOffsetCommitRequestDefault, defaultOffsetCommitRequestTopic, isOffsetCommitRequestTopicDefault, defaultOffsetCommitRequestPartition, isOffsetCommitRequestPartitionDefault, defaultOffsetCommitResponse, isOffsetCommitResponseDefault, defaultOffsetCommitResponseTopic, isOffsetCommitResponseTopicDefault, defaultOffsetCommitResponsePartition, isOffsetCommitResponsePartitionDefault } from "./defaults.gen.js";
export { decodeOffsetCommitRequestV0, encodeOffsetCommitRequestV0, decodeOffsetCommitResponseV0, encodeOffsetCommitResponseV0 };
export { decodeOffsetCommitRequestV1, encodeOffsetCommitRequestV1, decodeOffsetCommitResponseV1, encodeOffsetCommitResponseV1 };
export { decodeOffsetCommitRequestV2, encodeOffsetCommitRequestV2, decodeOffsetCommitResponseV2, encodeOffsetCommitResponseV2 };
export { decodeOffsetCommitRequestV3, encodeOffsetCommitRequestV3, decodeOffsetCommitResponseV3, encodeOffsetCommitResponseV3 };
export { decodeOffsetCommitRequestV4, encodeOffsetCommitRequestV4, decodeOffsetCommitResponseV4, encodeOffsetCommitResponseV4 };
export { decodeOffsetCommitRequestV5, encodeOffsetCommitRequestV5, decodeOffsetCommitResponseV5, encodeOffsetCommitResponseV5 };
export { decodeOffsetCommitRequestV6, encodeOffsetCommitRequestV6, decodeOffsetCommitResponseV6, encodeOffsetCommitResponseV6 };
export { decodeOffsetCommitRequestV7, encodeOffsetCommitRequestV7, decodeOffsetCommitResponseV7, encodeOffsetCommitResponseV7 };
export { decodeOffsetCommitRequestV8, encodeOffsetCommitRequestV8, decodeOffsetCommitResponseV8, encodeOffsetCommitResponseV8 };
export { decodeOffsetCommitRequestV9, encodeOffsetCommitRequestV9, decodeOffsetCommitResponseV9, encodeOffsetCommitResponseV9 };

export const offsetCommitRequestMessage: GeneratedMessage<OffsetCommitRequest> = {
  name: "OffsetCommitRequest",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 8,
  decode: [decodeOffsetCommitRequestV0, decodeOffsetCommitRequestV1, decodeOffsetCommitRequestV2, decodeOffsetCommitRequestV3, decodeOffsetCommitRequestV4, decodeOffsetCommitRequestV5, decodeOffsetCommitRequestV6, decodeOffsetCommitRequestV7, decodeOffsetCommitRequestV8, decodeOffsetCommitRequestV9],
  encode: [encodeOffsetCommitRequestV0, encodeOffsetCommitRequestV1, encodeOffsetCommitRequestV2, encodeOffsetCommitRequestV3, encodeOffsetCommitRequestV4, encodeOffsetCommitRequestV5, encodeOffsetCommitRequestV6, encodeOffsetCommitRequestV7, encodeOffsetCommitRequestV8, encodeOffsetCommitRequestV9],
};

export const offsetCommitResponseMessage: GeneratedMessage<OffsetCommitResponse> = {
  name: "OffsetCommitResponse",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 8,
  decode: [decodeOffsetCommitResponseV0, decodeOffsetCommitResponseV1, decodeOffsetCommitResponseV2, decodeOffsetCommitResponseV3, decodeOffsetCommitResponseV4, decodeOffsetCommitResponseV5, decodeOffsetCommitResponseV6, decodeOffsetCommitResponseV7, decodeOffsetCommitResponseV8, decodeOffsetCommitResponseV9],
  encode: [encodeOffsetCommitResponseV0, encodeOffsetCommitResponseV1, encodeOffsetCommitResponseV2, encodeOffsetCommitResponseV3, encodeOffsetCommitResponseV4, encodeOffsetCommitResponseV5, encodeOffsetCommitResponseV6, encodeOffsetCommitResponseV7, encodeOffsetCommitResponseV8, encodeOffsetCommitResponseV9],
};

export const offsetCommitApi: GeneratedApi<OffsetCommitRequest, OffsetCommitResponse> = {
  apiKey: 8,
  name: "OffsetCommit",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 8,
  latestVersionUnstable: false,
  request: offsetCommitRequestMessage,
  response: offsetCommitResponseMessage,
};
