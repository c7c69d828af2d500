/**
 * Node liveness and in-sync replicas (DESIGN.md §2: the ISR reported to Kafka clients is the voters
 * whose replication is within the lag bound of the leader). Pure: the node feeds it ticks, the peers
 * it heard from, and, for the groups it leads, each voter's match index each tick.
 *
 * A node is live while something arrived from it within limits.nodeLivenessTicksMax ticks. A voter is
 * in sync while it is live and its match index trails the leader's last index by at most
 * limits.isrLagEntriesMax entries, or did within the last limits.isrLagTicksMax ticks (Kafka's
 * replica.lag.time.max.ms idea: a follower that keeps up under load is not dropped for one burst). The
 * leader itself is always in sync. A leader starts each follower's clock when it first observes it, so
 * a fresh leader does not drop followers before their first acknowledgement arrives.
 */
import { type GroupId, limits, type NodeId } from "@helixlog/core";

export interface ReplicaLag {
  readonly nodeId: NodeId;
  /** Raft entries the replica's log trails the leader's by (0 for the leader). */
  readonly lagEntries: number;
  readonly inSync: boolean;
  readonly live: boolean;
}

export class ReplicaTracker {
  private tickCount = 0;
  /** The tick each peer was last heard from. */
  private readonly heard = new Map<NodeId, number>();
  /** Per group this node leads: the last tick each voter was within the entry bound. */
  private readonly caughtUp = new Map<GroupId, Map<NodeId, number>>();

  constructor(private readonly self: NodeId) {}

  tick(): void {
    this.tickCount++;
  }

  heardFrom(node: NodeId): void {
    this.heard.set(node, this.tickCount);
  }

  isLive(node: NodeId): boolean {
    if (node === this.self) return true;
    const last = this.heard.get(node);
    return last !== undefined && this.tickCount - last <= limits.nodeLivenessTicksMax;
  }

  /** A group this node leads, this tick: `matches` holds every voter's match index. */
  observeLeader(group: GroupId, lastIndex: number, matches: ReadonlyMap<NodeId, number>): void {
    let forGroup = this.caughtUp.get(group);
    if (forGroup === undefined) {
      forGroup = new Map();
      this.caughtUp.set(group, forGroup);
    }
    for (const [node, match] of matches) {
      if (!forGroup.has(node) || lastIndex - match <= limits.isrLagEntriesMax)
        forGroup.set(node, this.tickCount);
    }
  }

  /** This node no longer leads `group` (or no longer hosts it): its follower clocks restart next time. */
  forgetGroup(group: GroupId): void {
    this.caughtUp.delete(group);
  }

  /** Each replica's lag and ISR membership, for a group this node leads (observed at least once). */
  replicaLags(
    group: GroupId,
    replicas: readonly NodeId[],
    lastIndex: number,
    matches: ReadonlyMap<NodeId, number>,
  ): ReplicaLag[] {
    const forGroup = this.caughtUp.get(group);
    return replicas.map((nodeId) => {
      if (nodeId === this.self) return { nodeId, lagEntries: 0, inSync: true, live: true };
      const live = this.isLive(nodeId);
      const lagEntries = Math.max(0, lastIndex - (matches.get(nodeId) ?? 0));
      const since = forGroup?.get(nodeId);
      const recent = since !== undefined && this.tickCount - since <= limits.isrLagTicksMax;
      return { nodeId, lagEntries, inSync: live && recent, live };
    });
  }
}
