// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { TxnOffsetCommitRequest, TxnOffsetCommitResponse } from "./types.gen.js";
import { decodeTxnOffsetCommitRequestV0, encodeTxnOffsetCommitRequestV0, decodeTxnOffsetCommitResponseV0, encodeTxnOffsetCommitResponseV0 } from "./v0.gen.js";
import { decodeTxnOffsetCommitRequestV1, encodeTxnOffsetCommitRequestV1, decodeTxnOffsetCommitResponseV1, encodeTxnOffsetCommitResponseV1 } from "./v1.gen.js";
import { decodeTxnOffsetCommitRequestV2, encodeTxnOffsetCommitRequestV2, decodeTxnOffsetCommitResponseV2, encodeTxnOffsetCommitResponseV2 } from "./v2.gen.js";
import { decodeTxnOffsetCommitRequestV3, encodeTxnOffsetCommitRequestV3, decodeTxnOffsetCommitResponseV3, encodeTxnOffsetCommitResponseV3 } from "./v3.gen.js";
import { decodeTxnOffsetCommitRequestV4, encodeTxnOffsetCommitRequestV4, decodeTxnOffsetCommitResponseV4, encodeTxnOffsetCommitResponseV4 } from "./v4.gen.js";

export type { TxnOffsetCommitRequest, TxnOffsetCommitRequestTopic, TxnOffsetCommitRequestPartition, TxnOffsetCommitResponse, TxnOffsetCommitResponseTopic, TxnOffsetCommitResponsePartition } from "./types.gen.js";
export { defaultTxnOffsetCommitRequest, isTxnOffsetCommitRequestDefault, defaultTxnOffsetCommitRequestTopic, isTxnOffsetCommitRequestTopicDefault, defaultTxnOffsetCommitRequestPartition, isTxnOffsetCommitRequestPartitionDefault, defaultTxnOffsetCommitResponse, isTxnOffsetCommitResponseDefault, defaultTxnOffsetCommitResponseTopic, isTxnOffsetCommitResponseTopicDefault, defaultTxnOffsetCommitResponsePartition, isTxnOffsetCommitResponsePartitionDefault } from "./defaults.gen.js";
export { decodeTxnOffsetCommitRequestV0, encodeTxnOffsetCommitRequestV0, decodeTxnOffsetCommitResponseV0, encodeTxnOffsetCommitResponseV0 };
export { decodeTxnOffsetCommitRequestV1, encodeTxnOffsetCommitRequestV1, decodeTxnOffsetCommitResponseV1, encodeTxnOffsetCommitResponseV1 };
export { decodeTxnOffsetCommitRequestV2, encodeTxnOffsetCommitRequestV2, decodeTxnOffsetCommitResponseV2, encodeTxnOffsetCommitResponseV2 };
export { decodeTxnOffsetCommitRequestV3, encodeTxnOffsetCommitRequestV3, decodeTxnOffsetCommitResponseV3, encodeTxnOffsetCommitResponseV3 };
export { decodeTxnOffsetCommitRequestV4, encodeTxnOffsetCommitRequestV4, decodeTxnOffsetCommitResponseV4, encodeTxnOffsetCommitResponseV4 };

export const txnOffsetCommitRequestMessage: GeneratedMessage<TxnOffsetCommitRequest> = {
  name: "TxnOffsetCommitRequest",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  decode: [decodeTxnOffsetCommitRequestV0, decodeTxnOffsetCommitRequestV1, decodeTxnOffsetCommitRequestV2, decodeTxnOffsetCommitRequestV3, decodeTxnOffsetCommitRequestV4],
  encode: [encodeTxnOffsetCommitRequestV0, encodeTxnOffsetCommitRequestV1, encodeTxnOffsetCommitRequestV2, encodeTxnOffsetCommitRequestV3, encodeTxnOffsetCommitRequestV4],
};

export const txnOffsetCommitResponseMessage: GeneratedMessage<TxnOffsetCommitResponse> = {
  name: "TxnOffsetCommitResponse",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  decode: [decodeTxnOffsetCommitResponseV0, decodeTxnOffsetCommitResponseV1, decodeTxnOffsetCommitResponseV2, decodeTxnOffsetCommitResponseV3, decodeTxnOffsetCommitResponseV4],
  encode: [encodeTxnOffsetCommitResponseV0, encodeTxnOffsetCommitResponseV1, encodeTxnOffsetCommitResponseV2, encodeTxnOffsetCommitResponseV3, encodeTxnOffsetCommitResponseV4],
};

export const txnOffsetCommitApi: GeneratedApi<TxnOffsetCommitRequest, TxnOffsetCommitResponse> = {
  apiKey: 28,
  name: "TxnOffsetCommit",
  minVersion: 0,
  maxVersion: 4,
  firstFlexibleVersion: 3,
  latestVersionUnstable: false,
  request: txnOffsetCommitRequestMessage,
  response: txnOffsetCommitResponseMessage,
};
