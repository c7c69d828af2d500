// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { FetchRequest, FetchResponse } from "./types.gen.js";
import { decodeFetchRequestV0, encodeFetchRequestV0, decodeFetchResponseV0, encodeFetchResponseV0 } from "./v0.gen.js";
import { decodeFetchRequestV1, encodeFetchRequestV1, decodeFetchResponseV1, encodeFetchResponseV1 } from "./v1.gen.js";
import { decodeFetchRequestV2, encodeFetchRequestV2, decodeFetchResponseV2, encodeFetchResponseV2 } from "./v2.gen.js";
import { decodeFetchRequestV3, encodeFetchRequestV3, decodeFetchResponseV3, encodeFetchResponseV3 } from "./v3.gen.js";
import { decodeFetchRequestV4, encodeFetchRequestV4, decodeFetchResponseV4, encodeFetchResponseV4 } from "./v4.gen.js";
import { decodeFetchRequestV5, encodeFetchRequestV5, decodeFetchResponseV5, encodeFetchResponseV5 } from "./v5.gen.js";
import { decodeFetchRequestV6, encodeFetchRequestV6, decodeFetchResponseV6, encodeFetchResponseV6 } from "./v6.gen.js";
import { decodeFetchRequestV7, encodeFetchRequestV7, decodeFetchResponseV7, encodeFetchResponseV7 } from "./v7.gen.js";
import { decodeFetchRequestV8, encodeFetchRequestV8, decodeFetchResponseV8, encodeFetchResponseV8 } from "./v8.gen.js";
import { decodeFetchRequestV9, encodeFetchRequestV9, decodeFetchResponseV9, encodeFetchResponseV9 } from "./v9.gen.js";
import { decodeFetchRequestV10, encodeFetchRequestV10, decodeFetchResponseV10, encodeFetchResponseV10 } from "./v10.gen.js";
import { decodeFetchRequestV11, encodeFetchRequestV11, decodeFetchResponseV11, encodeFetchResponseV11 } from "./v11.gen.js";
import { decodeFetchRequestV12, encodeFetchRequestV12, decodeFetchResponseV12, encodeFetchResponseV12 } from "./v12.gen.js";
import { decodeFetchRequestV13, encodeFetchRequestV13, decodeFetchResponseV13, encodeFetchResponseV13 } from "./v13.gen.js";
import { decodeFetchRequestV14, encodeFetchRequestV14, decodeFetchResponseV14, encodeFetchResponseV14 } from "./v14.gen.js";
import { decodeFetchRequestV15, encodeFetchRequestV15, decodeFetchResponseV15, encodeFetchResponseV15 } from "./v15.gen.js";
import { decodeFetchRequestV16, encodeFetchRequestV16, decodeFetchResponseV16, encodeFetchResponseV16 } from "./v16.gen.js";
import { decodeFetchRequestV17, encodeFetchRequestV17, decodeFetchResponseV17, encodeFetchResponseV17 } from "./v17.gen.js";

export type { FetchRequest, ReplicaState, FetchTopic, FetchPartition, ForgottenTopic, FetchResponse, FetchableTopicResponse, PartitionData, EpochEndOffset, LeaderIdAndEpoch, SnapshotId, AbortedTransaction, NodeEndpoint } from "./types.gen.js";
export { defaultFetchRequest, isFetchRequestDefault, defaultReplicaState, isReplicaStateDefault, defaultFetchTopic, isFetchTopicDefault, defaultFetchPartition, isFetchPartitionDefault, defaultForgottenTopic, isForgottenTopicDefault, defaultFetchResponse, isFetchResponseDefault, defaultFetchableTopicResponse, isFetchableTopicResponseDefault, defaultPartitionData, isPartitionDataDefault, defaultEpochEndOffset, isEpochEndOffsetDefault, defaultLeaderIdAndEpoch, isLeaderIdAndEpochDefault, defaultSnapshotId, isSnapshotIdDefault, defaultAbortedTransaction, isAbortedTransactionDefault, defaultNodeEndpoint, isNodeEndpointDefault } from "./defaults.gen.js";
export { decodeFetchRequestV0, encodeFetchRequestV0, decodeFetchResponseV0, encodeFetchResponseV0 };
export { decodeFetchRequestV1, encodeFetchRequestV1, decodeFetchResponseV1, encodeFetchResponseV1 };
export { decodeFetchRequestV2, encodeFetchRequestV2, decodeFetchResponseV2, encodeFetchResponseV2 };
export { decodeFetchRequestV3, encodeFetchRequestV3, decodeFetchResponseV3, encodeFetchResponseV3 };
export { decodeFetchRequestV4, encodeFetchRequestV4, decodeFetchResponseV4, encodeFetchResponseV4 };
export { decodeFetchRequestV5, encodeFetchRequestV5, decodeFetchResponseV5, encodeFetchResponseV5 };
export { decodeFetchRequestV6, encodeFetchRequestV6, decodeFetchResponseV6, encodeFetchResponseV6 };
export { decodeFetchRequestV7, encodeFetchRequestV7, decodeFetchResponseV7, encodeFetchResponseV7 };
export { decodeFetchRequestV8, encodeFetchRequestV8, decodeFetchResponseV8, encodeFetchResponseV8 };
export { decodeFetchRequestV9, encodeFetchRequestV9, decodeFetchResponseV9, encodeFetchResponseV9 };
export { decodeFetchRequestV10, encodeFetchRequestV10, decodeFetchResponseV10, encodeFetchResponseV10 };
export { decodeFetchRequestV11, encodeFetchRequestV11, decodeFetchResponseV11, encodeFetchResponseV11 };
export { decodeFetchRequestV12, encodeFetchRequestV12, decodeFetchResponseV12, encodeFetchResponseV12 };
export { decodeFetchRequestV13, encodeFetchRequestV13, decodeFetchResponseV13, encodeFetchResponseV13 };
export { decodeFetchRequestV14, encodeFetchRequestV14, decodeFetchResponseV14, encodeFetchResponseV14 };
export { decodeFetchRequestV15, encodeFetchRequestV15, decodeFetchResponseV15, encodeFetchResponseV15 };
export { decodeFetchRequestV16, encodeFetchRequestV16, decodeFetchResponseV16, encodeFetchResponseV16 };
export { decodeFetchRequestV17, encodeFetchRequestV17, decodeFetchResponseV17, encodeFetchResponseV17 };

export const fetchRequestMessage: GeneratedMessage<FetchRequest> = {
  name: "FetchRequest",
  minVersion: 0,
  maxVersion: 17,
  firstFlexibleVersion: 12,
  decode: [decodeFetchRequestV0, decodeFetchRequestV1, decodeFetchRequestV2, decodeFetchRequestV3, decodeFetchRequestV4, decodeFetchRequestV5, decodeFetchRequestV6, decodeFetchRequestV7, decodeFetchRequestV8, decodeFetchRequestV9, decodeFetchRequestV10, decodeFetchRequestV11, decodeFetchRequestV12, decodeFetchRequestV13, decodeFetchRequestV14, decodeFetchRequestV15, decodeFetchRequestV16, decodeFetchRequestV17],
  encode: [encodeFetchRequestV0, encodeFetchRequestV1, encodeFetchRequestV2, encodeFetchRequestV3, encodeFetchRequestV4, encodeFetchRequestV5, encodeFetchRequestV6, encodeFetchRequestV7, encodeFetchRequestV8, encodeFetchRequestV9, encodeFetchRequestV10, encodeFetchRequestV11, encodeFetchRequestV12, encodeFetchRequestV13, encodeFetchRequestV14, encodeFetchRequestV15, encodeFetchRequestV16, encodeFetchRequestV17],
};

export const fetchResponseMessage: GeneratedMessage<FetchResponse> = {
  name: "FetchResponse",
  minVersion: 0,
  maxVersion: 17,
  firstFlexibleVersion: 12,
  decode: [decodeFetchResponseV0, decodeFetchResponseV1, decodeFetchResponseV2, decodeFetchResponseV3, decodeFetchResponseV4, decodeFetchResponseV5, decodeFetchResponseV6, decodeFetchResponseV7, decodeFetchResponseV8, decodeFetchResponseV9, decodeFetchResponseV10, decodeFetchResponseV11, decodeFetchResponseV12, decodeFetchResponseV13, decodeFetchResponseV14, decodeFetchResponseV15, decodeFetchResponseV16, decodeFetchResponseV17],
  encode: [encodeFetchResponseV0, encodeFetchResponseV1, encodeFetchResponseV2, encodeFetchResponseV3, encodeFetchResponseV4, encodeFetchResponseV5, encodeFetchResponseV6, encodeFetchResponseV7, encodeFetchResponseV8, encodeFetchResponseV9, encodeFetchResponseV10, encodeFetchResponseV11, encodeFetchResponseV12, encodeFetchResponseV13, encodeFetchResponseV14, encodeFetchResponseV15, encodeFetchResponseV16, encodeFetchResponseV17],
};

export const fetchApi: GeneratedApi<FetchRequest, FetchResponse> = {
  apiKey: 1,
  name: "Fetch",
  minVersion: 0,
  maxVersion: 17,
  firstFlexibleVersion: 12,
  latestVersionUnstable: false,
  request: fetchRequestMessage,
  response: fetchResponseMessage,
};
