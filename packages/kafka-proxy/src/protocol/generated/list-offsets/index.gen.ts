// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { ListOffsetsRequest, ListOffsetsResponse } from "./types.gen.js";
import { decodeListOffsetsRequestV0, encodeListOffsetsRequestV0, decodeListOffsetsResponseV0, encodeListOffsetsResponseV0 } from "./v0.gen.js";
import { decodeListOffsetsRequestV1, encodeListOffsetsRequestV1, decodeListOffsetsResponseV1, encodeListOffsetsResponseV1 } from "./v1.gen.js";
import { decodeListOffsetsRequestV2, encodeListOffsetsRequestV2, decodeListOffsetsResponseV2, encodeListOffsetsResponseV2 } from "./v2.gen.js";
import { decodeListOffsetsRequestV3, encodeListOffsetsRequestV3, decodeListOffsetsResponseV3, encodeListOffsetsResponseV3 } from "./v3.gen.js";
import { decodeListOffsetsRequestV4, encodeListOffsetsRequestV4, decodeListOffsetsResponseV4, encodeListOffsetsResponseV4 } from "./v4.gen.js";
import { decodeListOffsetsRequestV5, encodeListOffsetsRequestV5, decodeListOffsetsResponseV5, encodeListOffsetsResponseV5 } from "./v5.gen.js";
import { decodeListOffsetsRequestV6, encodeListOffsetsRequestV6, decodeListOffsetsResponseV6, encodeListOffsetsResponseV6 } from "./v6.gen.js";
import { decodeListOffsetsRequestV7, encodeListOffsetsRequestV7, decodeListOffsetsResponseV7, encodeListOffsetsResponseV7 } from "./v7.gen.js";
import { decodeListOffsetsRequestV8, encodeListOffsetsRequestV8, decodeListOffsetsResponseV8, encodeListOffsetsResponseV8 } from "./v8.gen.js";
import { decodeListOffsetsRequestV9, encodeListOffsetsRequestV9, decodeListOffsetsResponseV9, encodeListOffsetsResponseV9 } from "./v9.gen.js";
import { decodeListOffsetsRequestV10, encodeListOffsetsRequestV10, decodeListOffsetsResponseV10, encodeListOffsetsResponseV10 } from "./v10.gen.js";

export type { ListOffsetsRequest, ListOffsetsTopic, ListOffsetsPartition, ListOffsetsResponse, ListOffsetsTopicResponse, ListOffsetsPartitionResponse } from "./types.gen.js";
export { defaultListOffsetsRequest, isListOffsetsRequestDefault, defaultListOffsetsTopic, isListOffsetsTopicDefault, defaultListOffsetsPartition, isListOffsetsPartitionDefault, defaultListOffsetsResponse, isListOffsetsResponseDefault, defaultListOffsetsTopicResponse, isListOffsetsTopicResponseDefault, defaultListOffsetsPartitionResponse, isListOffsetsPartitionResponseDefault } from "./defaults.gen.js";
export { decodeListOffsetsRequestV0, encodeListOffsetsRequestV0, decodeListOffsetsResponseV0, encodeListOffsetsResponseV0 };
export { decodeListOffsetsRequestV1, encodeListOffsetsRequestV1, decodeListOffsetsResponseV1, encodeListOffsetsResponseV1 };
export { decodeListOffsetsRequestV2, encodeListOffsetsRequestV2, decodeListOffsetsResponseV2, encodeListOffsetsResponseV2 };
export { decodeListOffsetsRequestV3, encodeListOffsetsRequestV3, decodeListOffsetsResponseV3, encodeListOffsetsResponseV3 };
export { decodeListOffsetsRequestV4, encodeListOffsetsRequestV4, decodeListOffsetsResponseV4, encodeListOffsetsResponseV4 };
export { decodeListOffsetsRequestV5, encodeListOffsetsRequestV5, decodeListOffsetsResponseV5, encodeListOffsetsResponseV5 };
export { decodeListOffsetsRequestV6, encodeListOffsetsRequestV6, decodeListOffsetsResponseV6, encodeListOffsetsResponseV6 };
export { decodeListOffsetsRequestV7, encodeListOffsetsRequestV7, decodeListOffsetsResponseV7, encodeListOffsetsResponseV7 };
export { decodeListOffsetsRequestV8, encodeListOffsetsRequestV8, decodeListOffsetsResponseV8, encodeListOffsetsResponseV8 };
export { decodeListOffsetsRequestV9, encodeListOffsetsRequestV9, decodeListOffsetsResponseV9, encodeListOffsetsResponseV9 };
export { decodeListOffsetsRequestV10, encodeListOffsetsRequestV10, decodeListOffsetsResponseV10, encodeListOffsetsResponseV10 };

export const listOffsetsRequestMessage: GeneratedMessage<ListOffsetsRequest> = {
  name: "ListOffsetsRequest",
  minVersion: 0,
  maxVersion: 10,
  firstFlexibleVersion: 6,
  decode: [decodeListOffsetsRequestV0, decodeListOffsetsRequestV1, decodeListOffsetsRequestV2, decodeListOffsetsRequestV3, decodeListOffsetsRequestV4, decodeListOffsetsRequestV5, decodeListOffsetsRequestV6, decodeListOffsetsRequestV7, decodeListOffsetsRequestV8, decodeListOffsetsRequestV9, decodeListOffsetsRequestV10],
  encode: [encodeListOffsetsRequestV0, encodeListOffsetsRequestV1, encodeListOffsetsRequestV2, encodeListOffsetsRequestV3, encodeListOffsetsRequestV4, encodeListOffsetsRequestV5, encodeListOffsetsRequestV6, encodeListOffsetsRequestV7, encodeListOffsetsRequestV8, encodeListOffsetsRequestV9, encodeListOffsetsRequestV10],
};

export const listOffsetsResponseMessage: GeneratedMessage<ListOffsetsResponse> = {
  name: "ListOffsetsResponse",
  minVersion: 0,
  maxVersion: 10,
  firstFlexibleVersion: 6,
  decode: [decodeListOffsetsResponseV0, decodeListOffsetsResponseV1, decodeListOffsetsResponseV2, decodeListOffsetsResponseV3, decodeListOffsetsResponseV4, decodeListOffsetsResponseV5, decodeListOffsetsResponseV6, decodeListOffsetsResponseV7, decodeListOffsetsResponseV8, decodeListOffsetsResponseV9, decodeListOffsetsResponseV10],
  encode: [encodeListOffsetsResponseV0, encodeListOffsetsResponseV1, encodeListOffsetsResponseV2, encodeListOffsetsResponseV3, encodeListOffsetsResponseV4, encodeListOffsetsResponseV5, encodeListOffsetsResponseV6, encodeListOffsetsResponseV7, encodeListOffsetsResponseV8, encodeListOffsetsResponseV9, encodeListOffsetsResponseV10],
};

export const listOffsetsApi: GeneratedApi<ListOffsetsRequest, ListOffsetsResponse> = {
  apiKey: 2,
  name: "ListOffsets",
  minVersion: 0,
  maxVersion: 10,
  firstFlexibleVersion: 6,
  latestVersionUnstable: false,
  request: listOffsetsRequestMessage,
  response: listOffsetsResponseMessage,
};
