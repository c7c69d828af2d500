/** DeleteGroups (key 42): removes Empty groups and their offsets; NON_EMPTY_GROUP while members remain. */
import {
  type DeleteGroupsRequest,
  type DeleteGroupsResponse,
  deleteGroupsApi,
} from "../../protocol/generated/delete-groups/index.gen.js";
import { defineHandler } from "../context.js";

export const deleteGroupsHandler = defineHandler<DeleteGroupsRequest, DeleteGroupsResponse>({
  api: deleteGroupsApi,
  handle: async (context, request) => {
    const results = [];
    for (const groupId of request.groupsNames) {
      const errorCode = await context.coordinator.decide(groupId, () =>
        context.coordinator.coordinator.deleteGroup(groupId),
      );
      results.push({ groupId, errorCode });
    }
    return { throttleTimeMs: 0, results };
  },
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    results: request.groupsNames.map((groupId) => ({ groupId, errorCode })),
  }),
});
