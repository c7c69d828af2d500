/** SyncGroup (key 14): the leader hands out assignments; every member receives its own. */
import {
  type SyncGroupRequest,
  type SyncGroupResponse,
  syncGroupApi,
} from "../../protocol/generated/sync-group/index.gen.js";
import { defineHandler } from "../context.js";

export const syncGroupHandler = defineHandler<SyncGroupRequest, SyncGroupResponse>({
  api: syncGroupApi,
  handle: (context, request) =>
    context.coordinator.sync({
      groupId: request.groupId,
      generationId: request.generationId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      assignments: request.assignments.map((entry) => ({
        memberId: entry.memberId,
        assignment: entry.assignment.slice(),
      })),
    }),
  errorResponse: (_request, errorCode) => ({
    throttleTimeMs: 0,
    errorCode,
    protocolType: null,
    protocolName: null,
    assignment: new Uint8Array(0),
  }),
});
