/** DescribeGroups (key 15): state, protocol and members; unknown groups are described as Dead. */
import {
  type DescribedGroup,
  type DescribeGroupsRequest,
  type DescribeGroupsResponse,
  describeGroupsApi,
} from "../../protocol/generated/describe-groups/index.gen.js";
import { defineHandler } from "../context.js";

const operationsNotRequested = -2147483648;

export const describeGroupsHandler = defineHandler<DescribeGroupsRequest, DescribeGroupsResponse>({
  api: describeGroupsApi,
  handle: async (context, request) => {
    const groups: DescribedGroup[] = [];
    for (const groupId of request.groups) {
      const summary = await context.coordinator.decide(groupId, () =>
        context.coordinator.coordinator.describeGroup(groupId),
      );
      if (summary === undefined) {
        groups.push(dead(groupId, 0));
        continue;
      }
      groups.push({
        errorCode: 0,
        groupId,
        groupState: summary.state,
        protocolType: summary.protocolType,
        protocolData: summary.protocolName,
        members: summary.members.map((member) => ({
          memberId: member.memberId,
          groupInstanceId: member.groupInstanceId,
          clientId: member.clientId,
          clientHost: member.clientHost,
          memberMetadata: member.metadata,
          memberAssignment: member.assignment,
        })),
        authorizedOperations: operationsNotRequested,
      });
    }
    return { throttleTimeMs: 0, groups };
  },
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    groups: request.groups.map((groupId) => dead(groupId, errorCode)),
  }),
});

/** Kafka describes a group it does not know as Dead with no error. */
function dead(groupId: string, errorCode: number): DescribedGroup {
  return {
    errorCode,
    groupId,
    groupState: "Dead",
    protocolType: "",
    protocolData: "",
    members: [],
    authorizedOperations: operationsNotRequested,
  };
}
