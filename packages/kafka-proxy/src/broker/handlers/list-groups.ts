/**
 * ListGroups (key 16): the groups this coordinator holds in memory and those the backend stores for it
 * (KafkaBackend.listStoredGroups: persisted by an earlier coordinator, not used here yet), filtered by
 * state (v4+) and type (v5+).
 */
import {
  type ListGroupsRequest,
  type ListGroupsResponse,
  listGroupsApi,
} from "../../protocol/generated/list-groups/index.gen.js";
import { defineHandler } from "../context.js";

export const listGroupsHandler = defineHandler<ListGroupsRequest, ListGroupsResponse>({
  api: listGroupsApi,
  handle: async (context, request) => {
    const states = new Set(request.statesFilter.map((state) => state.toLowerCase()));
    const types = new Set(request.typesFilter.map((type) => type.toLowerCase()));
    const inMemory = context.coordinator.coordinator.listGroups();
    const known = new Set(inMemory.map((group) => group.groupId));
    const stored = (await context.backend.listStoredGroups?.()) ?? [];
    const groups = [...inMemory, ...stored.filter((group) => !known.has(group.groupId))]
      .filter((group) => states.size === 0 || states.has(group.state.toLowerCase()))
      .filter(() => types.size === 0 || types.has("classic"))
      .map((group) => ({
        groupId: group.groupId,
        protocolType: group.protocolType,
        groupState: group.state,
        groupType: "classic",
      }));
    return { throttleTimeMs: 0, errorCode: 0, groups };
  },
  errorResponse: (_request, errorCode) => ({ throttleTimeMs: 0, errorCode, groups: [] }),
});
