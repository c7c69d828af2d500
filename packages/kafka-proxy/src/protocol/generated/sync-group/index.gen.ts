// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { SyncGroupRequest, SyncGroupResponse } from "./types.gen.js";
import { decodeSyncGroupRequestV0, encodeSyncGroupRequestV0, decodeSyncGroupResponseV0, encodeSyncGroupResponseV0 } from "./v0.gen.js";
import { decodeSyncGroupRequestV1, encodeSyncGroupRequestV1, decodeSyncGroupResponseV1, encodeSyncGroupResponseV1 } from "./v1.gen.js";
import { decodeSyncGroupRequestV2, encodeSyncGroupRequestV2, decodeSyncGroupResponseV2, encodeSyncGroupResponseV2 } from "./v2.gen.js";
import { decodeSyncGroupRequestV3, encodeSyncGroupRequestV3, decodeSyncGroupResponseV3, encodeSyncGroupResponseV3 } from "./v3.gen.js";
import { decodeSyncGroupRequestV4, encodeSyncGroupRequestV4, decodeSyncGroupResponseV4, encodeSyncGroupResponseV4 } from "./v4.gen.js";
import { decodeSyncGroupRequestV5, encodeSyncGroupRequestV5, decodeSyncGroupResponseV5, encodeSyncGroupResponseV5 } from "./v5.gen.js";

export type { SyncGroupRequest, SyncGroupRequestAssignment, SyncGroupResponse } from "./types.gen.js";
export { defaultSyncGroupRequest, isSyncGroupRequestDefault, defaultSyncGroupRequestAssignment, isSyncGroupRequestAssignmentDefault, defaultSyncGroupResponse, isSyncGroupResponseDefault } from "./defaults.gen.js";
export { decodeSyncGroupRequestV0, encodeSyncGroupRequestV0, decodeSyncGroupResponseV0, encodeSyncGroupResponseV0 };
export { decodeSyncGroupRequestV1, encodeSyncGroupRequestV1, decodeSyncGroupResponseV1, encodeSyncGroupResponseV1 };
export { decodeSyncGroupRequestV2, encodeSyncGroupRequestV2, decodeSyncGroupResponseV2, encodeSyncGroupResponseV2 };
export { decodeSyncGroupRequestV3, encodeSyncGroupRequestV3, decodeSyncGroupResponseV3, encodeSyncGroupResponseV3 };
export { decodeSyncGroupRequestV4, encodeSyncGroupRequestV4, decodeSyncGroupResponseV4, encodeSyncGroupResponseV4 };
export { decodeSyncGroupRequestV5, encodeSyncGroupRequestV5, decodeSyncGroupResponseV5, encodeSyncGroupResponseV5 };

export const syncGroupRequestMessage: GeneratedMessage<SyncGroupRequest> = {
  name: "SyncGroupRequest",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 4,
  decode: [decodeSyncGroupRequestV0, decodeSyncGroupRequestV1, decodeSyncGroupRequestV2, decodeSyncGroupRequestV3, decodeSyncGroupRequestV4, decodeSyncGroupRequestV5],
  encode: [encodeSyncGroupRequestV0, encodeSyncGroupRequestV1, encodeSyncGroupRequestV2, encodeSyncGroupRequestV3, encodeSyncGroupRequestV4, encodeSyncGroupRequestV5],
};

export const syncGroupResponseMessage: GeneratedMessage<SyncGroupResponse> = {
  name: "SyncGroupResponse",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 4,
  decode: [decodeSyncGroupResponseV0, decodeSyncGroupResponseV1, decodeSyncGroupResponseV2, decodeSyncGroupResponseV3, decodeSyncGroupResponseV4, decodeSyncGroupResponseV5],
  encode: [encodeSyncGroupResponseV0, encodeSyncGroupResponseV1, encodeSyncGroupResponseV2, encodeSyncGroupResponseV3, encodeSyncGroupResponseV4, encodeSyncGroupResponseV5],
};

export const syncGroupApi: GeneratedApi<SyncGroupRequest, SyncGroupResponse> = {
  apiKey: 14,
  name: "SyncGroup",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 4,
  latestVersionUnstable: false,
  request: syncGroupRequestMessage,
  response: syncGroupResponseMessage,
};
