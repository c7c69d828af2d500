/** Heartbeat (key 12): keeps a member's session; REBALANCE_IN_PROGRESS tells it to rejoin. */
import {
  type HeartbeatRequest,
  type HeartbeatResponse,
  heartbeatApi,
} from "../../protocol/generated/heartbeat/index.gen.js";
import { defineHandler } from "../context.js";

export const heartbeatHandler = defineHandler<HeartbeatRequest, HeartbeatResponse>({
  api: heartbeatApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    errorCode: await context.coordinator.decide(request.groupId, (nowMs) =>
      context.coordinator.coordinator.onHeartbeat(request, nowMs),
    ),
  }),
  errorResponse: (_request, errorCode) => ({ throttleTimeMs: 0, errorCode }),
});
