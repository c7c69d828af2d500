import type { NodeId } from "@helixlog/core";

/** What a node already carries, as placement and rebalancing count it. */
export interface NodeLoad {
  /** Replicas of any partition on the node. */
  readonly replicas: number;
  /** Partitions whose preferred leader (first replica) is the node. */
  readonly leaders: number;
}

/** A node's load while a plan is being built; `rank` is its random tie-break position. */
export interface NodeTally {
  readonly id: NodeId;
  readonly rack: string | undefined;
  readonly rank: number;
  replicas: number;
  leaders: number;
}

/**
 * Orders tallies for a follower slot: fewer replicas first, then MORE preferred leaderships, then rank.
 * Among equally full nodes, the ones that already lead more take the follower slots, keeping room under the
 * replica bound for the nodes that still owe leaderships.
 */
export function compareForFollower(left: NodeTally, right: NodeTally): number {
  return left.replicas - right.replicas || right.leaders - left.leaders || left.rank - right.rank;
}

/** Orders tallies for preferred leadership: fewer leaderships, then fewer replicas, then rank. */
export function compareByLeaders(left: NodeTally, right: NodeTally): number {
  return left.leaders - right.leaders || left.replicas - right.replicas || left.rank - right.rank;
}

/** Largest minus smallest of `values`; 0 for an empty list. */
export function spread(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return Math.max(...values) - Math.min(...values);
}

/** Counts replicas and preferred leaderships per node over `assignments` (first replica leads). */
export function countLoad(
  assignments: Iterable<readonly NodeId[]>,
  nodes: Iterable<NodeId>,
): Map<NodeId, { replicas: number; leaders: number }> {
  const load = new Map<NodeId, { replicas: number; leaders: number }>();
  for (const node of nodes) load.set(node, { replicas: 0, leaders: 0 });
  for (const replicas of assignments) {
    replicas.forEach((node, index) => {
      const entry = load.get(node) ?? { replicas: 0, leaders: 0 };
      entry.replicas++;
      if (index === 0) entry.leaders++;
      load.set(node, entry);
    });
  }
  return load;
}
