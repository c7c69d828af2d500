/** JoinGroup (key 11): enters the member into the coordinator's join phase; answered when it completes. */
import {
  type JoinGroupRequest,
  type JoinGroupResponse,
  joinGroupApi,
} from "../../protocol/generated/join-group/index.gen.js";
import { defineHandler } from "../context.js";

/** KIP-394: from v4 a new member must first learn its id (MEMBER_ID_REQUIRED) and join again with it. */
const firstVersionRequiringMemberId = 4;
const firstNullableProtocolNameVersion = 7;

export const joinGroupHandler = defineHandler<JoinGroupRequest, JoinGroupResponse>({
  api: joinGroupApi,
  handle: async (context, request) => {
    const response = await context.coordinator.join({
      groupId: request.groupId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      clientId: context.header.clientId ?? "",
      clientHost: context.clientHost,
      sessionTimeoutMs: request.sessionTimeoutMs,
      // v0 has no rebalance timeout: Kafka uses the session timeout.
      rebalanceTimeoutMs:
        context.header.requestApiVersion === 0 ? request.sessionTimeoutMs : request.rebalanceTimeoutMs,
      protocolType: request.protocolType,
      // Metadata bytes are views into the frame; the group keeps them for generations.
      protocols: request.protocols.map((protocol) => ({
        name: protocol.name,
        metadata: protocol.metadata.slice(),
      })),
      requireKnownMemberId: context.header.requestApiVersion >= firstVersionRequiringMemberId,
    });
    return withProtocolName(response, context.header.requestApiVersion);
  },
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    errorCode,
    generationId: -1,
    protocolType: null,
    protocolName: "",
    leader: "",
    skipAssignment: false,
    memberId: request.memberId,
    members: [],
  }),
});

/** ProtocolName is nullable only from v7; older versions carry "" for "none chosen". */
function withProtocolName(response: JoinGroupResponse, version: number): JoinGroupResponse {
  return response.protocolName === null && version < firstNullableProtocolNameVersion
    ? { ...response, protocolName: "" }
    : response;
}
