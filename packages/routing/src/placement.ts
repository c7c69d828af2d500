import { HelixError, limits, type NodeId, type Rng, shuffle } from "@helixlog/core";
import { compareByLeaders, compareForFollower, type NodeLoad, type NodeTally } from "./internal/node-load.js";

export type { NodeLoad } from "./internal/node-load.js";

/** A live node that may receive replicas. */
export interface PlacementNode {
  readonly id: NodeId;
  /** Failure domain (rack, zone); replicas of one partition go to distinct racks where possible. */
  readonly rack?: string;
}

export interface PlacementRequest {
  readonly nodes: readonly PlacementNode[];
  readonly partitionCount: number;
  readonly replicationFactor: number;
  /** What each node already carries from other topics; a node missing here carries nothing. */
  readonly existingLoad?: ReadonlyMap<NodeId, NodeLoad>;
}

/**
 * Chooses the replicas of every partition of a new topic. `result[partition]` lists distinct nodes,
 * the first being the preferred leader (Kafka's convention, which leader balancing restores).
 *
 * Greedy water-filling: each partition takes the emptiest nodes, so from an empty cluster replica counts
 * never differ by more than one, and a new topic fills the nodes that carry least. Racks come first when
 * given: a partition uses a second replica in one rack only when it has run out of racks. Ties are broken
 * by one random permutation of the nodes, so the plan is a pure function of (request, rng state).
 */
export function placeReplicas(request: PlacementRequest, rng: Rng): NodeId[][] {
  validatePlacementRequest(request);
  const tallies = initialTallies(request, rng);
  const assignments: NodeId[][] = [];
  for (let partition = 0; partition < request.partitionCount; partition++) {
    const chosen = chooseReplicaSet(tallies, request.replicationFactor);
    for (const tally of chosen) tally.replicas++;
    (chosen[0] as NodeTally).leaders++;
    assignments.push(chosen.map((tally) => tally.id));
  }
  return assignments;
}

/** Rejects requests no placement can satisfy, with the error Kafka's CreateTopics would return. */
export function validatePlacementRequest(request: PlacementRequest): void {
  const { nodes, partitionCount, replicationFactor } = request;
  if (
    !Number.isInteger(partitionCount) ||
    partitionCount < 1 ||
    partitionCount > limits.partitionsPerTopicMax
  ) {
    throw new HelixError(
      "INVALID_PARTITIONS",
      `partition count must be an integer from 1 to ${limits.partitionsPerTopicMax}, got ${partitionCount}`,
    );
  }
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
    throw new HelixError(
      "INVALID_REPLICATION_FACTOR",
      `replication factor must be a positive integer, got ${replicationFactor}`,
    );
  }
  if (replicationFactor > limits.replicationFactorMax) {
    throw new HelixError(
      "INVALID_REPLICATION_FACTOR",
      `replication factor ${replicationFactor} exceeds the maximum of ${limits.replicationFactorMax}`,
    );
  }
  validateNodes(nodes);
  if (replicationFactor > nodes.length) {
    const live = nodes.map((node) => node.id).join(", ");
    throw new HelixError(
      "INVALID_REPLICATION_FACTOR",
      `replication factor ${replicationFactor} needs at least ${replicationFactor} live nodes, ` +
        `but only ${nodes.length} ${nodes.length === 1 ? "is" : "are"} live${live === "" ? "" : ` (${live})`}`,
      { details: { replicationFactor, liveNodes: nodes.length } },
    );
  }
}

/** Node lists must be sets: a node listed twice would receive two replicas of one partition. */
export function validateNodes(nodes: readonly PlacementNode[]): void {
  if (nodes.length > limits.placementNodesMax) {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `placement considers at most ${limits.placementNodesMax} nodes, got ${nodes.length}`,
    );
  }
  const seen = new Set<NodeId>();
  for (const node of nodes) {
    if (seen.has(node.id)) throw new HelixError("INVALID_ARGUMENT", `node ${node.id} is listed twice`);
    seen.add(node.id);
  }
}

function initialTallies(request: PlacementRequest, rng: Rng): NodeTally[] {
  const ranks = shuffle(
    rng,
    request.nodes.map((_, index) => index),
  );
  return request.nodes.map((node, index) => {
    const load = request.existingLoad?.get(node.id);
    return {
      id: node.id,
      rack: node.rack,
      rank: ranks[index] as number,
      replicas: load?.replicas ?? 0,
      leaders: load?.leaders ?? 0,
    };
  });
}

/**
 * The preferred leader, then `count - 1` followers. The leader is the node that leads least, so preferred
 * leaderships never differ by more than one; followers are the emptiest remaining nodes, taking an unused
 * rack over a lighter node in a used one.
 */
function chooseReplicaSet(tallies: readonly NodeTally[], count: number): NodeTally[] {
  let leader = tallies[0] as NodeTally;
  for (const tally of tallies) if (compareByLeaders(tally, leader) < 0) leader = tally;
  const chosen: NodeTally[] = [leader];
  const racksUsed = new Set<string>(leader.rack === undefined ? [] : [leader.rack]);
  while (chosen.length < count) {
    let best: NodeTally | undefined;
    for (const tally of tallies) {
      if (chosen.includes(tally)) continue;
      if (best === undefined || isBetterReplica(tally, best, racksUsed)) best = tally;
    }
    if (best === undefined) break;
    chosen.push(best);
    if (best.rack !== undefined) racksUsed.add(best.rack);
  }
  return chosen;
}

function isBetterReplica(candidate: NodeTally, best: NodeTally, racksUsed: ReadonlySet<string>): boolean {
  const candidateRepeatsRack = candidate.rack !== undefined && racksUsed.has(candidate.rack);
  const bestRepeatsRack = best.rack !== undefined && racksUsed.has(best.rack);
  if (candidateRepeatsRack !== bestRepeatsRack) return bestRepeatsRack;
  return compareForFollower(candidate, best) < 0;
}
