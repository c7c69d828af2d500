import { type GroupId, limits, type NodeId } from "@helixlog/core";

/** A group's replicas (preferred leader first) and its leader as last reported. */
export interface GroupLeadership {
  readonly groupId: GroupId;
  readonly replicas: readonly NodeId[];
  /** Absent while the group has no leader (an election is running). */
  readonly leader?: NodeId;
}

export interface LeaderTransfer {
  readonly groupId: GroupId;
  readonly from: NodeId;
  readonly to: NodeId;
}

/**
 * The groups that should hand leadership back to their preferred replica, as Kafka's preferred leader
 * election does (`auto.leader.rebalance.enable`). Placement balances preferred leaders, so moving every
 * leader home restores the balance it planned. A group is skipped while it has no leader (transferring
 * would fight the election) or while its preferred replica is not live.
 *
 * At most `transfersMax` transfers are returned, taken first from the nodes leading the most groups, so the
 * worst imbalance is fixed first and the next round continues.
 */
export function planLeaderTransfers(
  groups: readonly GroupLeadership[],
  liveNodes: ReadonlySet<NodeId>,
  transfersMax: number = limits.leaderTransfersPerRoundMax,
): LeaderTransfer[] {
  const leadCounts = new Map<NodeId, number>();
  for (const { leader } of groups) {
    if (leader !== undefined) leadCounts.set(leader, (leadCounts.get(leader) ?? 0) + 1);
  }
  const transfers: LeaderTransfer[] = [];
  for (const { groupId, replicas, leader } of groups) {
    const preferred = replicas[0];
    if (leader === undefined || preferred === undefined || leader === preferred) continue;
    if (!liveNodes.has(preferred)) continue;
    transfers.push({ groupId, from: leader, to: preferred });
  }
  const countOf = (node: NodeId): number => leadCounts.get(node) ?? 0;
  transfers.sort(
    (left, right) =>
      countOf(right.from) - countOf(left.from) || left.from - right.from || left.groupId - right.groupId,
  );
  return transfers.slice(0, Math.max(0, transfersMax));
}
