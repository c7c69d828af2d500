import { assert, type GroupId, HelixError, type NodeId } from "@helixlog/core";
import { compareByLeaders, compareForFollower, type NodeTally, spread } from "./internal/node-load.js";
import { type PlacementNode, validateNodes } from "./placement.js";

/** One partition's replicas as the controller holds them; the first replica is the preferred leader. */
export interface PartitionReplicas {
  readonly groupId: GroupId;
  readonly replicas: readonly NodeId[];
}

/** Copy one replica of a group from one node to another (the costly kind of change). */
export interface ReplicaMove {
  readonly groupId: GroupId;
  readonly from: NodeId;
  readonly to: NodeId;
}

/** Make another replica the group's preferred leader (a reordering only; no data moves). */
export interface PreferredLeaderChange {
  readonly groupId: GroupId;
  readonly from: NodeId;
  readonly to: NodeId;
}

export interface RebalancePlan {
  readonly moves: readonly ReplicaMove[];
  readonly preferredLeaderChanges: readonly PreferredLeaderChange[];
  /** Every group's replicas after the plan, preferred leader first, in the order of the input. */
  readonly assignments: readonly PartitionReplicas[];
}

/**
 * Plans the fewest replica moves that even out replicas across `nodes`, then the preferred-leader
 * reorderings that even out leaderships. Replicas on nodes outside `nodes` (decommissioned or dead) are
 * moved first. Each balancing move takes one replica from the fullest node to the emptiest node that may
 * hold it, so no replica moves that did not have to. Racks, where given, never end up less spread than
 * they were. The plan is deterministic: ties go to the lower node id and the earlier group.
 */
export function planRebalance(
  current: readonly PartitionReplicas[],
  nodes: readonly PlacementNode[],
): RebalancePlan {
  validateNodes(nodes);
  validatePartitions(current);
  const tallies = talliesFor(current, nodes);
  const working = current.map((partition) => ({
    groupId: partition.groupId,
    replicas: [...partition.replicas],
  }));
  for (const partition of working) evacuate(partition, tallies);
  balanceReplicas(working, tallies);
  balanceLeaders(working, tallies);
  return {
    moves: current.flatMap((before, index) => replicaMoves(before, working[index] as PartitionReplicas)),
    preferredLeaderChanges: current.flatMap((before, index) =>
      preferredLeaderChange(before, working[index] as PartitionReplicas),
    ),
    assignments: working,
  };
}

interface WorkingPartition {
  readonly groupId: GroupId;
  readonly replicas: NodeId[];
}

function validatePartitions(current: readonly PartitionReplicas[]): void {
  const groups = new Set<GroupId>();
  for (const { groupId, replicas } of current) {
    if (groups.has(groupId)) throw new HelixError("INVALID_ARGUMENT", `group ${groupId} is listed twice`);
    groups.add(groupId);
    if (replicas.length === 0 || new Set(replicas).size !== replicas.length) {
      throw new HelixError(
        "INVALID_ARGUMENT",
        `group ${groupId} must list at least one replica and no node twice, got [${replicas.join(", ")}]`,
      );
    }
  }
}

function talliesFor(
  current: readonly PartitionReplicas[],
  nodes: readonly PlacementNode[],
): Map<NodeId, NodeTally> {
  const ordered = [...nodes].sort((left, right) => left.id - right.id);
  const tallies = new Map<NodeId, NodeTally>();
  ordered.forEach((node, rank) => {
    tallies.set(node.id, { id: node.id, rack: node.rack, rank, replicas: 0, leaders: 0 });
  });
  for (const partition of current) {
    partition.replicas.forEach((node, slot) => {
      const tally = tallies.get(node);
      if (tally === undefined) return;
      tally.replicas++;
      if (slot === 0) tally.leaders++;
    });
  }
  return tallies;
}

/** Replaces every replica on a node outside the plan by the emptiest eligible node, in the same slot. */
function evacuate(partition: WorkingPartition, tallies: Map<NodeId, NodeTally>): void {
  const { groupId, replicas } = partition;
  replicas.forEach((node, slot) => {
    if (tallies.has(node)) return;
    const spreadKeeping = [...tallies.values()].filter((tally) =>
      keepsRackSpread(replicas, slot, tally, tallies),
    );
    const target = emptiestOutside(replicas, spreadKeeping) ?? emptiestOutside(replicas, tallies.values());
    if (target === undefined) {
      throw new HelixError(
        "INVALID_REPLICATION_FACTOR",
        `group ${groupId} has ${replicas.length} replicas but only ${tallies.size} nodes remain to hold them`,
      );
    }
    replaceReplica(replicas, slot, target, tallies);
  });
}

function emptiestOutside(
  replicas: readonly NodeId[],
  candidates: Iterable<NodeTally>,
): NodeTally | undefined {
  let best: NodeTally | undefined;
  for (const candidate of candidates) {
    if (replicas.includes(candidate.id)) continue;
    if (best === undefined || compareForFollower(candidate, best) < 0) best = candidate;
  }
  return best;
}

/** Moves the replica in `slot` to `target`, keeping the tallies in step (slot 0 carries leadership). */
function replaceReplica(
  replicas: NodeId[],
  slot: number,
  target: NodeTally,
  tallies: Map<NodeId, NodeTally>,
): void {
  assert(!replicas.includes(target.id), () => `node ${target.id} already holds a replica of this group`);
  const source = tallies.get(replicas[slot] as NodeId);
  if (source !== undefined) {
    source.replicas--;
    if (slot === 0) source.leaders--;
  }
  target.replicas++;
  if (slot === 0) target.leaders++;
  replicas[slot] = target.id;
}

/**
 * True when putting `target` in `slot` leaves the partition over at least as many racks. A node without a
 * rack counts as a rack of its own, so clusters without racks are never constrained.
 */
function keepsRackSpread(
  replicas: readonly NodeId[],
  slot: number,
  target: NodeTally,
  tallies: ReadonlyMap<NodeId, NodeTally>,
): boolean {
  const rackOf = (node: NodeId): string => tallies.get(node)?.rack ?? `node:${node}`;
  const before = new Set(replicas.map(rackOf)).size;
  const after = new Set(replicas.map((node, index) => (index === slot ? target.id : node)).map(rackOf)).size;
  return after >= before;
}

/** Moves replicas from the fullest to the emptiest nodes until counts differ by at most one. */
function balanceReplicas(working: WorkingPartition[], tallies: Map<NodeId, NodeTally>): void {
  // Every move lowers the sum of squared replica counts, so the loop ends; the bound makes that explicit.
  const movesMax = working.reduce((total, partition) => total + partition.replicas.length, 0);
  for (let move = 0; move < movesMax; move++) {
    if (!maybeMoveOneReplica(working, tallies)) return;
  }
}

/** Finds and applies one move that narrows the replica spread; returns whether it found one. */
function maybeMoveOneReplica(working: WorkingPartition[], tallies: Map<NodeId, NodeTally>): boolean {
  const emptiestFirst = [...tallies.values()].sort(compareForFollower);
  const fullestFirst = [...emptiestFirst].reverse();
  for (const source of fullestFirst) {
    for (const target of emptiestFirst) {
      if (target.replicas > source.replicas - 2) break;
      const found = findMovable(working, source, target, tallies);
      if (found === undefined) continue;
      replaceReplica(found.partition.replicas, found.slot, target, tallies);
      return true;
    }
  }
  return false;
}

/** A replica on `source` that may go to `target`; a follower is taken before a preferred leader. */
function findMovable(
  working: readonly WorkingPartition[],
  source: NodeTally,
  target: NodeTally,
  tallies: ReadonlyMap<NodeId, NodeTally>,
): { partition: WorkingPartition; slot: number } | undefined {
  let leaderSlot: { partition: WorkingPartition; slot: number } | undefined;
  for (const partition of working) {
    const slot = partition.replicas.indexOf(source.id);
    if (slot < 0 || partition.replicas.includes(target.id)) continue;
    if (!keepsRackSpread(partition.replicas, slot, target, tallies)) continue;
    if (slot > 0) return { partition, slot };
    leaderSlot ??= { partition, slot };
  }
  return leaderSlot;
}

/**
 * Reorders replicas until preferred leaderships differ by at most one. Leadership shifts along a chain:
 * a node with too many hands one partition to a co-replica, which may hand one of its own on, until a
 * node with too few is reached; the nodes in between keep their count.
 */
function balanceLeaders(working: WorkingPartition[], tallies: Map<NodeId, NodeTally>): void {
  // Every chain lowers the sum of squared leadership counts, so the loop ends; the bound makes it explicit.
  for (let chain = 0; chain <= working.length; chain++) {
    if (spread([...tallies.values()].map((tally) => tally.leaders)) <= 1) return;
    if (!maybeShiftOneLeadership(working, tallies)) return;
  }
}

function maybeShiftOneLeadership(working: WorkingPartition[], tallies: Map<NodeId, NodeTally>): boolean {
  const fullestFirst = [...tallies.values()].sort(compareByLeaders).reverse();
  for (const source of fullestFirst) {
    const chain = findLeadershipChain(working, source, tallies);
    if (chain === undefined) continue;
    for (const { partition, slot } of chain) swapPreferredLeader(partition, slot, tallies);
    return true;
  }
  return false;
}

interface ChainStep {
  readonly partition: WorkingPartition;
  readonly slot: number;
}

/** Breadth-first search from `source` to a node leading at least two fewer partitions. */
function findLeadershipChain(
  working: readonly WorkingPartition[],
  source: NodeTally,
  tallies: ReadonlyMap<NodeId, NodeTally>,
): ChainStep[] | undefined {
  const ledBy = new Map<NodeId, WorkingPartition[]>();
  for (const partition of working) {
    const leader = partition.replicas[0] as NodeId;
    ledBy.set(leader, [...(ledBy.get(leader) ?? []), partition]);
  }
  const reachedBy = new Map<NodeId, ChainStep | undefined>([[source.id, undefined]]);
  const queue: NodeId[] = [source.id];
  for (let head = 0; head < queue.length; head++) {
    for (const partition of ledBy.get(queue[head] as NodeId) ?? []) {
      for (let slot = 1; slot < partition.replicas.length; slot++) {
        const next = partition.replicas[slot] as NodeId;
        const tally = tallies.get(next);
        if (tally === undefined || reachedBy.has(next)) continue;
        reachedBy.set(next, { partition, slot });
        if (tally.leaders <= source.leaders - 2) return chainTo(next, reachedBy);
        queue.push(next);
      }
    }
  }
  return undefined;
}

function chainTo(end: NodeId, reachedBy: ReadonlyMap<NodeId, ChainStep | undefined>): ChainStep[] {
  const steps: ChainStep[] = [];
  for (
    let step = reachedBy.get(end);
    step !== undefined;
    step = reachedBy.get(step.partition.replicas[0] as NodeId)
  ) {
    steps.push(step);
  }
  // Each step touches a different partition (every node is expanded once), so order does not matter for
  // the outcome; source-first reads naturally in a plan.
  return steps.reverse();
}

function swapPreferredLeader(
  partition: WorkingPartition,
  slot: number,
  tallies: Map<NodeId, NodeTally>,
): void {
  const { replicas } = partition;
  const oldLeader = tallies.get(replicas[0] as NodeId);
  const newLeader = tallies.get(replicas[slot] as NodeId);
  assert(oldLeader !== undefined && newLeader !== undefined, "leadership shifts only between planned nodes");
  oldLeader.leaders--;
  newLeader.leaders++;
  replicas[slot] = oldLeader.id;
  replicas[0] = newLeader.id;
}

function replicaMoves(before: PartitionReplicas, after: PartitionReplicas): ReplicaMove[] {
  const removed = before.replicas.filter((node) => !after.replicas.includes(node));
  const added = after.replicas.filter((node) => !before.replicas.includes(node));
  assert(removed.length === added.length, "a plan keeps every group's replication factor");
  return removed.map((from, index) => ({ groupId: before.groupId, from, to: added[index] as NodeId }));
}

function preferredLeaderChange(before: PartitionReplicas, after: PartitionReplicas): PreferredLeaderChange[] {
  const from = before.replicas[0] as NodeId;
  const to = after.replicas[0] as NodeId;
  return from === to ? [] : [{ groupId: before.groupId, from, to }];
}
