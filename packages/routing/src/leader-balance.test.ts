/**
 * Checks the preferred-leader election planner: a group whose leader is not its first replica is asked to
 * transfer back, unless it has no leader or its preferred replica is down; the busiest leaders go first and
 * a round is bounded.
 */
import { groupId, type NodeId, nodeId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { type GroupLeadership, planLeaderTransfers } from "./leader-balance.js";

const live = (...nodes: number[]): ReadonlySet<NodeId> => new Set(nodes.map(nodeId));

function group(id: number, replicas: number[], leader?: number): GroupLeadership {
  const base = { groupId: groupId(id), replicas: replicas.map(nodeId) };
  return leader === undefined ? base : { ...base, leader: nodeId(leader) };
}

describe("planLeaderTransfers", () => {
  it("asks a group led away from its preferred replica to transfer back", () => {
    const transfers = planLeaderTransfers([group(1, [1, 2, 3], 2), group(2, [2, 3, 1], 2)], live(1, 2, 3));
    expect(transfers).toEqual([{ groupId: groupId(1), from: nodeId(2), to: nodeId(1) }]);
  });

  it("leaves alone a group without a leader and a group whose preferred replica is not live", () => {
    const groups = [group(1, [1, 2, 3]), group(2, [3, 1, 2], 1)];
    expect(planLeaderTransfers(groups, live(1, 2))).toEqual([]);
  });

  it("takes transfers from the nodes leading the most groups first, and bounds a round", () => {
    const groups = [
      group(1, [1, 2], 2),
      group(2, [3, 4], 4),
      group(3, [3, 2], 2),
      group(4, [5, 2], 2),
      group(5, [4, 3], 3),
    ];
    const transfers = planLeaderTransfers(groups, live(1, 2, 3, 4, 5), 3);
    expect(transfers.map((transfer) => transfer.from)).toEqual([2, 2, 2].map(nodeId));
    expect(planLeaderTransfers(groups, live(1, 2, 3, 4, 5), 0)).toEqual([]);
  });
});
