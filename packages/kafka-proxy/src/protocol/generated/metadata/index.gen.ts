// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { MetadataRequest, MetadataResponse } from "./types.gen.js";
import { decodeMetadataRequestV0, encodeMetadataRequestV0, decodeMetadataResponseV0, encodeMetadataResponseV0 } from "./v0.gen.js";
import { decodeMetadataRequestV1, encodeMetadataRequestV1, decodeMetadataResponseV1, encodeMetadataResponseV1 } from "./v1.gen.js";
import { decodeMetadataRequestV2, encodeMetadataRequestV2, decodeMetadataResponseV2, encodeMetadataResponseV2 } from "./v2.gen.js";
import { decodeMetadataRequestV3, encodeMetadataRequestV3, decodeMetadataResponseV3, encodeMetadataResponseV3 } from "./v3.gen.js";
import { decodeMetadataRequestV4, encodeMetadataRequestV4, decodeMetadataResponseV4, encodeMetadataResponseV4 } from "./v4.gen.js";
import { decodeMetadataRequestV5, encodeMetadataRequestV5, decodeMetadataResponseV5, encodeMetadataResponseV5 } from "./v5.gen.js";
import { decodeMetadataRequestV6, encodeMetadataRequestV6, decodeMetadataResponseV6, encodeMetadataResponseV6 } from "./v6.gen.js";
import { decodeMetadataRequestV7, encodeMetadataRequestV7, decodeMetadataResponseV7, encodeMetadataResponseV7 } from "./v7.gen.js";
import { decodeMetadataRequestV8, encodeMetadataRequestV8, decodeMetadataResponseV8, encodeMetadataResponseV8 } from "./v8.gen.js";
import { decodeMetadataRequestV9, encodeMetadataRequestV9, decodeMetadataResponseV9, encodeMetadataResponseV9 } from "./v9.gen.js";
import { decodeMetadataRequestV10, encodeMetadataRequestV10, decodeMetadataResponseV10, encodeMetadataResponseV10 } from "./v10.gen.js";
import { decodeMetadataRequestV11, encodeMetadataRequestV11, decodeMetadataResponseV11, encodeMetadataResponseV11 } from "./v11.gen.js";
import { decodeMetadataRequestV12, encodeMetadataRequestV12, decodeMetadataResponseV12, encodeMetadataResponseV12 } from "./v12.gen.js";

export type { MetadataRequest, MetadataRequestTopic, MetadataResponse, MetadataResponseBroker, MetadataResponseTopic, MetadataResponsePartition } from "./types.gen.js";
export { defaultMetadataRequest, isMetadataRequestDefault, defaultMetadataRequestTopic, isMetadataRequestTopicDefault, defaultMetadataResponse, isMetadataResponseDefault, defaultMetadataResponseBroker, isMetadataResponseBrokerDefault, defaultMetadataResponseTopic, isMetadataResponseTopicDefault, defaultMetadataResponsePartition, isMetadataResponsePartitionDefault } from "./defaults.gen.js";
export { decodeMetadataRequestV0, encodeMetadataRequestV0, decodeMetadataResponseV0, encodeMetadataResponseV0 };
export { decodeMetadataRequestV1, encodeMetadataRequestV1, decodeMetadataResponseV1, encodeMetadataResponseV1 };
export { decodeMetadataRequestV2, encodeMetadataRequestV2, decodeMetadataResponseV2, encodeMetadataResponseV2 };
export { decodeMetadataRequestV3, encodeMetadataRequestV3, decodeMetadataResponseV3, encodeMetadataResponseV3 };
export { decodeMetadataRequestV4, encodeMetadataRequestV4, decodeMetadataResponseV4, encodeMetadataResponseV4 };
export { decodeMetadataRequestV5, encodeMetadataRequestV5, decodeMetadataResponseV5, encodeMetadataResponseV5 };
export { decodeMetadataRequestV6, encodeMetadataRequestV6, decodeMetadataResponseV6, encodeMetadataResponseV6 };
export { decodeMetadataRequestV7, encodeMetadataRequestV7, decodeMetadataResponseV7, encodeMetadataResponseV7 };
export { decodeMetadataRequestV8, encodeMetadataRequestV8, decodeMetadataResponseV8, encodeMetadataResponseV8 };
export { decodeMetadataRequestV9, encodeMetadataRequestV9, decodeMetadataResponseV9, encodeMetadataResponseV9 };
export { decodeMetadataRequestV10, encodeMetadataRequestV10, decodeMetadataResponseV10, encodeMetadataResponseV10 };
export { decodeMetadataRequestV11, encodeMetadataRequestV11, decodeMetadataResponseV11, encodeMetadataResponseV11 };
export { decodeMetadataRequestV12, encodeMetadataRequestV12, decodeMetadataResponseV12, encodeMetadataResponseV12 };

export const metadataRequestMessage: GeneratedMessage<MetadataRequest> = {
  name: "MetadataRequest",
  minVersion: 0,
  maxVersion: 12,
  firstFlexibleVersion: 9,
  decode: [decodeMetadataRequestV0, decodeMetadataRequestV1, decodeMetadataRequestV2, decodeMetadataRequestV3, decodeMetadataRequestV4, decodeMetadataRequestV5, decodeMetadataRequestV6, decodeMetadataRequestV7, decodeMetadataRequestV8, decodeMetadataRequestV9, decodeMetadataRequestV10, decodeMetadataRequestV11, decodeMetadataRequestV12],
  encode: [encodeMetadataRequestV0, encodeMetadataRequestV1, encodeMetadataRequestV2, encodeMetadataRequestV3, encodeMetadataRequestV4, encodeMetadataRequestV5, encodeMetadataRequestV6, encodeMetadataRequestV7, encodeMetadataRequestV8, encodeMetadataRequestV9, encodeMetadataRequestV10, encodeMetadataRequestV11, encodeMetadataRequestV12],
};

export const metadataResponseMessage: GeneratedMessage<MetadataResponse> = {
  name: "MetadataResponse",
  minVersion: 0,
  maxVersion: 12,
  firstFlexibleVersion: 9,
  decode: [decodeMetadataResponseV0, decodeMetadataResponseV1, decodeMetadataResponseV2, decodeMetadataResponseV3, decodeMetadataResponseV4, decodeMetadataResponseV5, decodeMetadataResponseV6, decodeMetadataResponseV7, decodeMetadataResponseV8, decodeMetadataResponseV9, decodeMetadataResponseV10, decodeMetadataResponseV11, decodeMetadataResponseV12],
  encode: [encodeMetadataResponseV0, encodeMetadataResponseV1, encodeMetadataResponseV2, encodeMetadataResponseV3, encodeMetadataResponseV4, encodeMetadataResponseV5, encodeMetadataResponseV6, encodeMetadataResponseV7, encodeMetadataResponseV8, encodeMetadataResponseV9, encodeMetadataResponseV10, encodeMetadataResponseV11, encodeMetadataResponseV12],
};

export const metadataApi: GeneratedApi<MetadataRequest, MetadataResponse> = {
  apiKey: 3,
  name: "Metadata",
  minVersion: 0,
  maxVersion: 12,
  firstFlexibleVersion: 9,
  latestVersionUnstable: false,
  request: metadataRequestMessage,
  response: metadataResponseMessage,
};
