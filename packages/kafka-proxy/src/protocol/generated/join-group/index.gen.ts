// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { JoinGroupRequest, JoinGroupResponse } from "./types.gen.js";
import { decodeJoinGroupRequestV0, encodeJoinGroupRequestV0, decodeJoinGroupResponseV0, encodeJoinGroupResponseV0 } from "./v0.gen.js";
import { decodeJoinGroupRequestV1, encodeJoinGroupRequestV1, decodeJoinGroupResponseV1, encodeJoinGroupResponseV1 } from "./v1.gen.js";
import { decodeJoinGroupRequestV2, encodeJoinGroupRequestV2, decodeJoinGroupResponseV2, encodeJoinGroupResponseV2 } from "./v2.gen.js";
import { decodeJoinGroupRequestV3, encodeJoinGroupRequestV3, decodeJoinGroupResponseV3, encodeJoinGroupResponseV3 } from "./v3.gen.js";
import { decodeJoinGroupRequestV4, encodeJoinGroupRequestV4, decodeJoinGroupResponseV4, encodeJoinGroupResponseV4 } from "./v4.gen.js";
import { decodeJoinGroupRequestV5, encodeJoinGroupRequestV5, decodeJoinGroupResponseV5, encodeJoinGroupResponseV5 } from "./v5.gen.js";
import { decodeJoinGroupRequestV6, encodeJoinGroupRequestV6, decodeJoinGroupResponseV6, encodeJoinGroupResponseV6 } from "./v6.gen.js";
import { decodeJoinGroupRequestV7, encodeJoinGroupRequestV7, decodeJoinGroupResponseV7, encodeJoinGroupResponseV7 } from "./v7.gen.js";
import { decodeJoinGroupRequestV8, encodeJoinGroupRequestV8, decodeJoinGroupResponseV8, encodeJoinGroupResponseV8 } from "./v8.gen.js";
import { decodeJoinGroupRequestV9, encodeJoinGroupRequestV9, decodeJoinGroupResponseV9, encodeJoinGroupResponseV9 } from "./v9.gen.js";

export type { JoinGroupRequest, JoinGroupRequestProtocol, JoinGroupResponse, JoinGroupResponseMember } from "./types.gen.js";
export { defaultJoinGroupRequest, isJoinGroupRequestDefault, defaultJoinGroupRequestProtocol, isJoinGroupRequestProtocolDefault, defaultJoinGroupResponse, isJoinGroupResponseDefault, defaultJoinGroupResponseMember, isJoinGroupResponseMemberDefault } from "./defaults.gen.js";
export { decodeJoinGroupRequestV0, encodeJoinGroupRequestV0, decodeJoinGroupResponseV0, encodeJoinGroupResponseV0 };
export { decodeJoinGroupRequestV1, encodeJoinGroupRequestV1, decodeJoinGroupResponseV1, encodeJoinGroupResponseV1 };
export { decodeJoinGroupRequestV2, encodeJoinGroupRequestV2, decodeJoinGroupResponseV2, encodeJoinGroupResponseV2 };
export { decodeJoinGroupRequestV3, encodeJoinGroupRequestV3, decodeJoinGroupResponseV3, encodeJoinGroupResponseV3 };
export { decodeJoinGroupRequestV4, encodeJoinGroupRequestV4, decodeJoinGroupResponseV4, encodeJoinGroupResponseV4 };
export { decodeJoinGroupRequestV5, encodeJoinGroupRequestV5, decodeJoinGroupResponseV5, encodeJoinGroupResponseV5 };
export { decodeJoinGroupRequestV6, encodeJoinGroupRequestV6, decodeJoinGroupResponseV6, encodeJoinGroupResponseV6 };
export { decodeJoinGroupRequestV7, encodeJoinGroupRequestV7, decodeJoinGroupResponseV7, encodeJoinGroupResponseV7 };
export { decodeJoinGroupRequestV8, encodeJoinGroupRequestV8, decodeJoinGroupResponseV8, encodeJoinGroupResponseV8 };
export { decodeJoinGroupRequestV9, encodeJoinGroupRequestV9, decodeJoinGroupResponseV9, encodeJoinGroupResponseV9 };

export const joinGroupRequestMessage: GeneratedMessage<JoinGroupRequest> = {
  name: "JoinGroupRequest",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 6,
  decode: [decodeJoinGroupRequestV0, decodeJoinGroupRequestV1, decodeJoinGroupRequestV2, decodeJoinGroupRequestV3, decodeJoinGroupRequestV4, decodeJoinGroupRequestV5, decodeJoinGroupRequestV6, decodeJoinGroupRequestV7, decodeJoinGroupRequestV8, decodeJoinGroupRequestV9],
  encode: [encodeJoinGroupRequestV0, encodeJoinGroupRequestV1, encodeJoinGroupRequestV2, encodeJoinGroupRequestV3, encodeJoinGroupRequestV4, encodeJoinGroupRequestV5, encodeJoinGroupRequestV6, encodeJoinGroupRequestV7, encodeJoinGroupRequestV8, encodeJoinGroupRequestV9],
};

export const joinGroupResponseMessage: GeneratedMessage<JoinGroupResponse> = {
  name: "JoinGroupResponse",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 6,
  decode: [decodeJoinGroupResponseV0, decodeJoinGroupResponseV1, decodeJoinGroupResponseV2, decodeJoinGroupResponseV3, decodeJoinGroupResponseV4, decodeJoinGroupResponseV5, decodeJoinGroupResponseV6, decodeJoinGroupResponseV7, decodeJoinGroupResponseV8, decodeJoinGroupResponseV9],
  encode: [encodeJoinGroupResponseV0, encodeJoinGroupResponseV1, encodeJoinGroupResponseV2, encodeJoinGroupResponseV3, encodeJoinGroupResponseV4, encodeJoinGroupResponseV5, encodeJoinGroupResponseV6, encodeJoinGroupResponseV7, encodeJoinGroupResponseV8, encodeJoinGroupResponseV9],
};

export const joinGroupApi: GeneratedApi<JoinGroupRequest, JoinGroupResponse> = {
  apiKey: 11,
  name: "JoinGroup",
  minVersion: 0,
  maxVersion: 9,
  firstFlexibleVersion: 6,
  latestVersionUnstable: false,
  request: joinGroupRequestMessage,
  response: joinGroupResponseMessage,
};
