/** LeaveGroup (key 13): one member (v0–v2) or a batch of members by id or instance id (v3+, KIP-345). */
import {
  type LeaveGroupRequest,
  type LeaveGroupResponse,
  leaveGroupApi,
} from "../../protocol/generated/leave-group/index.gen.js";
import { defineHandler } from "../context.js";

const firstBatchVersion = 3;

export const leaveGroupHandler = defineHandler<LeaveGroupRequest, LeaveGroupResponse>({
  api: leaveGroupApi,
  handle: async (context, request) => {
    const batched = context.header.requestApiVersion >= firstBatchVersion;
    const leaving = batched
      ? request.members.map((member) => ({
          memberId: member.memberId,
          groupInstanceId: member.groupInstanceId,
        }))
      : [{ memberId: request.memberId, groupInstanceId: null }];
    const codes = await context.coordinator.decide(request.groupId, (nowMs) =>
      context.coordinator.coordinator.onLeaveGroup(request.groupId, leaving, nowMs),
    );
    const members = leaving.map((member, index) => ({ ...member, errorCode: codes[index] ?? -1 }));
    // Before v3 the single member's result is the top-level error.
    return { throttleTimeMs: 0, errorCode: batched ? 0 : (codes[0] ?? -1), members: batched ? members : [] };
  },
  errorResponse: (_request, errorCode) => ({ throttleTimeMs: 0, errorCode, members: [] }),
});
