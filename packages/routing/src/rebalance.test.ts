/**
 * Checks the rebalance planner: replicas on departed nodes are moved, replica and preferred-leader counts
 * end within one of each other, no replica moves that did not have to, racks are never less spread, and
 * the plan's moves and reorderings describe exactly the difference between before and after.
 */
import { type GroupId, groupId, type NodeId, nodeId, SeededRng, shuffle } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countLoad, spread } from "./internal/node-load.js";
import type { PlacementNode } from "./placement.js";
import { type PartitionReplicas, planRebalance } from "./rebalance.js";

const ids = (...values: number[]): NodeId[] => values.map(nodeId);
const cluster = (count: number): PlacementNode[] =>
  Array.from({ length: count }, (_, index) => ({ id: nodeId(index + 1) }));

function partitions(...replicaLists: number[][]): PartitionReplicas[] {
  return replicaLists.map((replicas, index) => ({ groupId: groupId(index + 1), replicas: ids(...replicas) }));
}

/** Random assignments over `nodeCount` nodes: any distinct replicas, as an unbalanced cluster may hold. */
const randomCluster = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 10 }),
    targetCount: fc.integer({ min: 1, max: 10 }),
    partitionCount: fc.integer({ min: 0, max: 60 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    replicationFactor: fc.integer({ min: 1, max: 5 }),
  })
  .filter((shape) => shape.replicationFactor <= Math.min(shape.nodeCount, shape.targetCount));

function assignmentsFor(shape: {
  nodeCount: number;
  partitionCount: number;
  replicationFactor: number;
  seed: number;
}): PartitionReplicas[] {
  const rng = new SeededRng(shape.seed);
  return Array.from({ length: shape.partitionCount }, (_, index) => ({
    groupId: groupId(index + 1),
    replicas: shuffle(
      rng,
      cluster(shape.nodeCount).map((node) => node.id),
    ).slice(0, shape.replicationFactor),
  }));
}

describe("planRebalance", () => {
  it("reaches balance: replica and preferred-leader counts differ by at most one", () => {
    fc.assert(
      fc.property(randomCluster, (shape) => {
        const targets = cluster(shape.targetCount);
        const plan = planRebalance(assignmentsFor(shape), targets);
        const load = [
          ...countLoad(
            plan.assignments.map((partition) => partition.replicas),
            targets.map((node) => node.id),
          ).values(),
        ];
        expect(spread(load.map((entry) => entry.replicas))).toBeLessThanOrEqual(1);
        expect(spread(load.map((entry) => entry.leaders))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every group's replicas distinct, on planned nodes, and in the same number", () => {
    fc.assert(
      fc.property(randomCluster, (shape) => {
        const targets = new Set(cluster(shape.targetCount).map((node) => node.id));
        const before = assignmentsFor(shape);
        const plan = planRebalance(before, cluster(shape.targetCount));
        const intact = plan.assignments.every(
          (partition, index) =>
            partition.groupId === before[index]?.groupId &&
            partition.replicas.length === shape.replicationFactor &&
            new Set(partition.replicas).size === shape.replicationFactor &&
            partition.replicas.every((node) => targets.has(node)),
        );
        expect(intact).toBe(true);
      }),
    );
  });

  it("moves no replica on a cluster that is already balanced", () => {
    const balanced = partitions([1, 2, 3], [2, 3, 1], [3, 1, 2]);
    const plan = planRebalance(balanced, cluster(3));
    expect(plan.moves).toEqual([]);
    expect(plan.preferredLeaderChanges).toEqual([]);
  });

  it("moves exactly the excess to a new, empty node", () => {
    // Three nodes hold 6 replicas each (18 in all); with a fourth node the target is 4 or 5 each, so
    // exactly 4 replicas should move, all of them to node 4.
    const before = partitions([1, 2, 3], [2, 3, 1], [3, 1, 2], [1, 2, 3], [2, 3, 1], [3, 1, 2]);
    const plan = planRebalance(before, cluster(4));
    expect(plan.moves).toHaveLength(4);
    for (const move of plan.moves) expect(move.to).toBe(nodeId(4));
  });

  it("moves every replica off a node that left, even when counts were balanced", () => {
    const before = partitions([1, 2], [2, 3], [3, 1]);
    const plan = planRebalance(before, cluster(2).concat({ id: nodeId(4) }));
    const movedFrom3 = plan.moves.filter((move) => move.from === nodeId(3));
    expect(movedFrom3).toHaveLength(2);
    for (const partition of plan.assignments) expect(partition.replicas).not.toContain(nodeId(3));
  });

  it("describes its moves and reorderings as the difference between before and after", () => {
    const before = partitions([1, 2], [1, 2], [1, 2], [1, 2]);
    const plan = planRebalance(before, cluster(2));
    const after = new Map<GroupId, readonly NodeId[]>(plan.assignments.map((p) => [p.groupId, p.replicas]));
    for (const change of plan.preferredLeaderChanges) {
      expect(before.find((p) => p.groupId === change.groupId)?.replicas[0]).toBe(change.from);
      expect(after.get(change.groupId)?.[0]).toBe(change.to);
    }
    for (const move of plan.moves) {
      expect(after.get(move.groupId)).toContain(move.to);
      expect(after.get(move.groupId)).not.toContain(move.from);
    }
    // Node 1 led all four; balance needs it to hand over two leaderships without moving any data.
    expect(plan.moves).toEqual([]);
    expect(plan.preferredLeaderChanges).toHaveLength(2);
  });

  it("never leaves a partition over fewer racks than before", () => {
    const racks: PlacementNode[] = [1, 2, 3, 4, 5, 6].map((id) => ({ id: nodeId(id), rack: `r${id % 2}` }));
    const before = partitions([1, 2], [1, 4], [3, 2], [1, 6], [3, 4]);
    const plan = planRebalance(before, racks);
    const rackOf = (node: NodeId): number => node % 2;
    for (const partition of plan.assignments) expect(new Set(partition.replicas.map(rackOf)).size).toBe(2);
  });

  it("is deterministic", () => {
    const before = assignmentsFor({ nodeCount: 5, partitionCount: 40, replicationFactor: 3, seed: 11 });
    expect(planRebalance(before, cluster(7))).toEqual(planRebalance(before, cluster(7)));
  });

  it("answers a replication factor the remaining nodes cannot hold with INVALID_REPLICATION_FACTOR", () => {
    expect(() => planRebalance(partitions([1, 2, 3]), cluster(2))).toThrowError(
      expect.objectContaining({ code: "INVALID_REPLICATION_FACTOR" }) as unknown as Error,
    );
  });

  it("answers a group listed twice or with a repeated replica with INVALID_ARGUMENT", () => {
    const twice = [...partitions([1, 2]), ...partitions([2, 3])];
    expect(() => planRebalance(twice, cluster(3))).toThrowError(/listed twice/);
    expect(() => planRebalance(partitions([1, 1]), cluster(3))).toThrowError(/no node twice/);
  });
});
