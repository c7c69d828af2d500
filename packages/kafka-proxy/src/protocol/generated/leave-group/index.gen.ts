// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";
import type { LeaveGroupRequest, LeaveGroupResponse } from "./types.gen.js";
import { decodeLeaveGroupRequestV0, encodeLeaveGroupRequestV0, decodeLeaveGroupResponseV0, encodeLeaveGroupResponseV0 } from "./v0.gen.js";
import { decodeLeaveGroupRequestV1, encodeLeaveGroupRequestV1, decodeLeaveGroupResponseV1, encodeLeaveGroupResponseV1 } from "./v1.gen.js";
import { decodeLeaveGroupRequestV2, encodeLeaveGroupRequestV2, decodeLeaveGroupResponseV2, encodeLeaveGroupResponseV2 } from "./v2.gen.js";
import { decodeLeaveGroupRequestV3, encodeLeaveGroupRequestV3, decodeLeaveGroupResponseV3, encodeLeaveGroupResponseV3 } from "./v3.gen.js";
import { decodeLeaveGroupRequestV4, encodeLeaveGroupRequestV4, decodeLeaveGroupResponseV4, encodeLeaveGroupResponseV4 } from "./v4.gen.js";
import { decodeLeaveGroupRequestV5, encodeLeaveGroupRequestV5, decodeLeaveGroupResponseV5, encodeLeaveGroupResponseV5 } from "./v5.gen.js";

export type { LeaveGroupRequest, MemberIdentity, LeaveGroupResponse, MemberResponse } from "./types.gen.js";
export { defaultLeaveGroupRequest, isLeaveGroupRequestDefault, defaultMemberIdentity, isMemberIdentityDefault, defaultLeaveGroupResponse, isLeaveGroupResponseDefault, defaultMemberResponse, isMemberResponseDefault } from "./defaults.gen.js";
export { decodeLeaveGroupRequestV0, encodeLeaveGroupRequestV0, decodeLeaveGroupResponseV0, encodeLeaveGroupResponseV0 };
export { decodeLeaveGroupRequestV1, encodeLeaveGroupRequestV1, decodeLeaveGroupResponseV1, encodeLeaveGroupResponseV1 };
export { decodeLeaveGroupRequestV2, encodeLeaveGroupRequestV2, decodeLeaveGroupResponseV2, encodeLeaveGroupResponseV2 };
export { decodeLeaveGroupRequestV3, encodeLeaveGroupRequestV3, decodeLeaveGroupResponseV3, encodeLeaveGroupResponseV3 };
export { decodeLeaveGroupRequestV4, encodeLeaveGroupRequestV4, decodeLeaveGroupResponseV4, encodeLeaveGroupResponseV4 };
export { decodeLeaveGroupRequestV5, encodeLeaveGroupRequestV5, decodeLeaveGroupResponseV5, encodeLeaveGroupResponseV5 };

export const leaveGroupRequestMessage: GeneratedMessage<LeaveGroupRequest> = {
  name: "LeaveGroupRequest",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 4,
  decode: [decodeLeaveGroupRequestV0, decodeLeaveGroupRequestV1, decodeLeaveGroupRequestV2, decodeLeaveGroupRequestV3, decodeLeaveGroupRequestV4, decodeLeaveGroupRequestV5],
  encode: [encodeLeaveGroupRequestV0, encodeLeaveGroupRequestV1, encodeLeaveGroupRequestV2, encodeLeaveGroupRequestV3, encodeLeaveGroupRequestV4, encodeLeaveGroupRequestV5],
};

export const leaveGroupResponseMessage: GeneratedMessage<LeaveGroupResponse> = {
  name: "LeaveGroupResponse",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 4,
  decode: [decodeLeaveGroupResponseV0, decodeLeaveGroupResponseV1, decodeLeaveGroupResponseV2, decodeLeaveGroupResponseV3, decodeLeaveGroupResponseV4, decodeLeaveGroupResponseV5],
  encode: [encodeLeaveGroupResponseV0, encodeLeaveGroupResponseV1, encodeLeaveGroupResponseV2, encodeLeaveGroupResponseV3, encodeLeaveGroupResponseV4, encodeLeaveGroupResponseV5],
};

export const leaveGroupApi: GeneratedApi<LeaveGroupRequest, LeaveGroupResponse> = {
  apiKey: 13,
  name: "LeaveGroup",
  minVersion: 0,
  maxVersion: 5,
  firstFlexibleVersion: 4,
  latestVersionUnstable: false,
  request: leaveGroupRequestMessage,
  response: leaveGroupResponseMessage,
};
