// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { OffsetFetchRequest, OffsetFetchResponse } from "./types.gen.js";
import { decodeOffsetFetchRequestV0, encodeOffsetFetchRequestV0, decodeOffsetFetchResponseV0, encodeOffsetFetchResponseV0 } from "./v0.gen.js";
import { decodeOffsetFetchRequestV1, encodeOffsetFetchRequestV1, decodeOffsetFetchResponseV1, encodeOffsetFetchResponseV1 } from "./v1.gen.js";
import { decodeOffsetFetchRequestV2, encodeOffsetFetchRequestV2, decodeOffsetFetchResponseV2, encodeOffsetFetchResponseV2 } from "./v2.gen.js";
import { decodeOffsetFetchRequestV3, encodeOffsetFetchRequestV3, decodeOffsetFetchResponseV3, encodeOffsetFetchResponseV3 } from "./v3.gen.js";
import { decodeOffsetFetchRequestV4, encodeOffsetFetchRequestV4, decodeOffsetFetchResponseV4, encodeOffsetFetchResponseV4 } from "./v4.gen.js";
import { decodeOffsetFetchRequestV5, encodeOffsetFetchRequestV5, decodeOffsetFetchResponseV5, encodeOffsetFetchResponseV5 } from "./v5.gen.js";
import { decodeOffsetFetchRequestV6, encodeOffsetFetchRequestV6, decodeOffsetFetchResponseV6, encodeOffsetFetchResponseV6 } from "./v6.gen.js";
import { decodeOffsetFetchRequestV7, encodeOffsetFetchRequestV7, decodeOffsetFetchResponseV7, encodeOffsetFetchResponseV7 } from "./v7.gen.js";
import { decodeOffsetFetchRequestV8, encodeOffsetFetchRequestV8, decodeOffsetFetchResponseV8, encodeOffsetFetchResponseV8 } from "./v8.gen.js";
import { decodeOffsetFetchRequestV9, encodeOffsetFetchRequestV9, decodeOffsetFetchResponseV9, encodeOffsetFetchResponseV9 } from "./v9.gen.js";

export type { OffsetFetchRequest, OffsetFetchRequestTopic, OffsetFetchRequestGroup, OffsetFetchRequestTopics, OffsetFetchResponse, OffsetFetchResponseTopic, OffsetFetchResponsePartition, OffsetFetchResponseGroup, OffsetFetchResponseTopics, OffsetFetchResponsePartitions } from "./types.gen.js";
export { defaultOffsetFetchRequest, isOffsetFetchRequestDefault, defaultOffsetFetchRequestTopic, isOffsetFetchRequestTopicDefault, defaultOffsetFetchRequestGroup, isOffsetFetchRequestGroupDefault, defaultOffsetFetchRequestTopics, isOffsetFetchRequestTopicsDefault, defaultOffsetFetchResponse, isOffsetFetchResponseDefault, defaultOffsetFetchResponseTopic, isOffsetFetchResponseTopicDefault, defaultOffsetFetchResponsePartition, isOffsetFetchResponsePartitionDefault, defaultOffsetFetchResponseGroup, isOffsetFetchResponseGroupDefault, defaultOffsetFetchResponseTopics, isOffsetFetchResponseTopicsDefault, defaultOffsetFetchResponsePartitions, isOffsetFetchResponsePartitionsDefault } from "./defaults.gen.js";
export { decodeOffsetFetchRequestV0, encodeOffsetFetchRequestV0, decodeOffsetFetchResponseV0, encodeOffsetFetchResponseV0 };
export { decodeOffsetFetchRequestV1, encodeOffsetFetchRequestV1, decodeOffsetFetchResponseV1, encodeOffsetFetchResponseV1 };
export { decodeOffsetFetchRequestV2, encodeOffsetFetchRequestV2, decodeOffsetFetchResponseV2, encodeOffsetFetchResponseV2 };
export { decodeOffsetFetchRequestV3, encodeOffsetFetchRequestV3, decodeOffsetFetchResponseV3, encodeOffsetFetchResponseV3 };
export { decodeOffsetFetchRequestV4, encodeOffsetFetchRequestV4, decodeOffsetFetchResponseV4, encodeOffsetFetchResponseV4 };
export { decodeOffsetFetchRequestV5, encodeOffsetFetchRequestV5, decodeOffsetFetchResponseV5, encodeOffsetFetchResponseV5 };
export { decodeOffsetFetchRequestV6, encodeOffsetFetchRequestV6, decodeOffsetFetchResponseV6, encodeOffsetFetchResponseV6 };
export { decodeOffsetFetchRequestV7, encodeOffsetFetchRequestV7, decodeOffsetFetchResponseV7, encodeOffsetFetchResponseV7 };
export { decodeOffsetFetchRequestV8, encodeOffsetFetchRequestV8, decodeOffsetFetchResponseV8, encodeOffsetFetchResponseV8 };
export { decodeOffsetFetchRequestV9, encodeOffsetFetchRequestV9, decodeOffsetFetchResponseV9, encodeOffsetFetchResponseV9 };

export const offsetFetchRequestMessage: GeneratedMessage<OffsetFetchRequest> = {
  name: "OffsetFetchRequest",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 6,
  decode: [decodeOffsetFetchRequestV0, decodeOffsetFetchRequestV1, decodeOffsetFetchRequestV2, decodeOffsetFetchRequestV3, decodeOffsetFetchRequestV4, decodeOffsetFetchRequestV5, decodeOffsetFetchRequestV6, decodeOffsetFetchRequestV7, decodeOffsetFetchRequestV8, decodeOffsetFetchRequestV9],
  encode: [encodeOffsetFetchRequestV0, encodeOffsetFetchRequestV1, encodeOffsetFetchRequestV2, encodeOffsetFetchRequestV3, encodeOffsetFetchRequestV4, encodeOffsetFetchRequestV5, encodeOffsetFetchRequestV6, encodeOffsetFetchRequestV7, encodeOffsetFetchRequestV8, encodeOffsetFetchRequestV9],
};

export const offsetFetchResponseMessage: GeneratedMessage<OffsetFetchResponse> = {
  name: "OffsetFetchResponse",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 6,
  decode: [decodeOffsetFetchResponseV0, decodeOffsetFetchResponseV1, decodeOffsetFetchResponseV2, decodeOffsetFetchResponseV3, decodeOffsetFetchResponseV4, decodeOffsetFetchResponseV5, decodeOffsetFetchResponseV6, decodeOffsetFetchResponseV7, decodeOffsetFetchResponseV8, decodeOffsetFetchResponseV9],
  encode: [encodeOffsetFetchResponseV0, encodeOffsetFetchResponseV1, encodeOffsetFetchResponseV2, encodeOffsetFetchResponseV3, encodeOffsetFetchResponseV4, encodeOffsetFetchResponseV5, encodeOffsetFetchResponseV6, encodeOffsetFetchResponseV7, encodeOffsetFetchResponseV8, encodeOffsetFetchResponseV9],
};

export const offsetFetchApi: GeneratedApi<OffsetFetchRequest, OffsetFetchResponse> = {
  apiKey: 9,
  name: "OffsetFetch",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 6,
  latestVersionUnstable: false,
  request: offsetFetchRequestMessage,
  response: offsetFetchResponseMessage,
};
