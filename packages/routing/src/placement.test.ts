/**
 * Checks replica placement for new topics: every partition gets distinct nodes, replicas and preferred
 * leaders are spread evenly (within one per node from an empty cluster), racks are spread when given,
 * existing load is filled from the emptiest node up, the plan depends only on the seed and the load, and
 * impossible requests are answered with Kafka's errors.
 */
import { HelixError, type NodeId, nodeId, SeededRng } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countLoad, spread } from "./internal/node-load.js";
import { type PlacementNode, placeReplicas } from "./placement.js";

function nodes(count: number, racks = 0): PlacementNode[] {
  return Array.from({ length: count }, (_, index) =>
    racks === 0 ? { id: nodeId(index + 1) } : { id: nodeId(index + 1), rack: `rack-${index % racks}` },
  );
}

const clusterShape = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 16 }),
    partitionCount: fc.integer({ min: 1, max: 200 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  })
  .chain((shape) =>
    fc.record({
      nodeCount: fc.constant(shape.nodeCount),
      partitionCount: fc.constant(shape.partitionCount),
      seed: fc.constant(shape.seed),
      replicationFactor: fc.integer({ min: 1, max: Math.min(shape.nodeCount, 7) }),
    }),
  );

describe("placeReplicas on an empty cluster", () => {
  it("never puts two replicas of one partition on the same node", () => {
    fc.assert(
      fc.property(clusterShape, ({ nodeCount, partitionCount, replicationFactor, seed }) => {
        const plan = placeReplicas(
          { nodes: nodes(nodeCount), partitionCount, replicationFactor },
          new SeededRng(seed),
        );
        // Plain comparisons, not expect(), inside the loop: this runs thousands of times per property.
        const distinct = plan.every((replicas) => new Set(replicas).size === replicationFactor);
        expect(plan.length === partitionCount && distinct).toBe(true);
      }),
    );
  });

  it("gives every node the same number of replicas and of preferred leaderships, give or take one", () => {
    fc.assert(
      fc.property(clusterShape, ({ nodeCount, partitionCount, replicationFactor, seed }) => {
        const cluster = nodes(nodeCount);
        const plan = placeReplicas(
          { nodes: cluster, partitionCount, replicationFactor },
          new SeededRng(seed),
        );
        const load = [
          ...countLoad(
            plan,
            cluster.map((node) => node.id),
          ).values(),
        ];
        expect(spread(load.map((entry) => entry.replicas))).toBeLessThanOrEqual(1);
        expect(spread(load.map((entry) => entry.leaders))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("is a function of the seed: the same seed gives the same plan", () => {
    fc.assert(
      fc.property(clusterShape, ({ nodeCount, partitionCount, replicationFactor, seed }) => {
        const request = { nodes: nodes(nodeCount), partitionCount, replicationFactor };
        expect(placeReplicas(request, new SeededRng(seed))).toEqual(
          placeReplicas(request, new SeededRng(seed)),
        );
      }),
    );
  });

  it("breaks ties differently for different seeds, so topics do not all start on node 1", () => {
    const request = { nodes: nodes(6), partitionCount: 1, replicationFactor: 3 };
    const leaders = new Set<NodeId>();
    for (let seed = 0; seed < 50; seed++)
      leaders.add(placeReplicas(request, new SeededRng(seed))[0]?.[0] as NodeId);
    expect(leaders.size).toBeGreaterThan(3);
  });
});

describe("placeReplicas with racks", () => {
  it("spreads each partition over as many racks as it has replicas, when there are enough racks", () => {
    const plan = placeReplicas(
      { nodes: nodes(9, 3), partitionCount: 30, replicationFactor: 3 },
      new SeededRng(7),
    );
    const rackOf = (node: NodeId): number => (node - 1) % 3;
    for (const replicas of plan) expect(new Set(replicas.map(rackOf)).size).toBe(3);
  });

  it("reuses a rack only once every rack holds a replica of the partition", () => {
    const plan = placeReplicas(
      { nodes: nodes(6, 2), partitionCount: 12, replicationFactor: 3 },
      new SeededRng(1),
    );
    const rackOf = (node: NodeId): number => (node - 1) % 2;
    for (const replicas of plan) expect(new Set(replicas.map(rackOf)).size).toBe(2);
  });
});

describe("placeReplicas with existing load", () => {
  it("fills the emptiest nodes first: a new node takes a replica of every new partition", () => {
    const cluster = nodes(4);
    const existingLoad = new Map(
      cluster.slice(0, 3).map((node) => [node.id, { replicas: 100, leaders: 33 }] as const),
    );
    const plan = placeReplicas(
      { nodes: cluster, partitionCount: 6, replicationFactor: 3, existingLoad },
      new SeededRng(3),
    );
    for (const replicas of plan) expect(replicas).toContain(nodeId(4));
    expect(plan.every((replicas) => replicas[0] === nodeId(4))).toBe(true);
  });

  it("is a function of the seed and the existing load", () => {
    const existingLoad = new Map([
      [nodeId(1), { replicas: 5, leaders: 2 }],
      [nodeId(2), { replicas: 1, leaders: 0 }],
    ]);
    const request = { nodes: nodes(5), partitionCount: 20, replicationFactor: 3, existingLoad };
    expect(placeReplicas(request, new SeededRng(9))).toEqual(placeReplicas(request, new SeededRng(9)));
  });
});

describe("placeReplicas rejects impossible requests", () => {
  const rng = new SeededRng(0);

  it("answers a replication factor above the live node count with INVALID_REPLICATION_FACTOR", () => {
    const attempt = () => placeReplicas({ nodes: nodes(2), partitionCount: 3, replicationFactor: 3 }, rng);
    expect(attempt).toThrowError(
      /replication factor 3 needs at least 3 live nodes, but only 2 are live \(1, 2\)/,
    );
    expect(errorCode(attempt)).toBe("INVALID_REPLICATION_FACTOR");
    expect(errorCode(() => placeReplicas({ nodes: [], partitionCount: 1, replicationFactor: 1 }, rng))).toBe(
      "INVALID_REPLICATION_FACTOR",
    );
  });

  it("answers a replication factor of zero, a fraction or above the limit with INVALID_REPLICATION_FACTOR", () => {
    for (const replicationFactor of [0, -1, 1.5, 8]) {
      const request = { nodes: nodes(10), partitionCount: 1, replicationFactor };
      expect(errorCode(() => placeReplicas(request, rng))).toBe("INVALID_REPLICATION_FACTOR");
    }
  });

  it("answers a partition count of zero or less with INVALID_PARTITIONS", () => {
    for (const partitionCount of [0, -3, 2.5, 1_000_000]) {
      const request = { nodes: nodes(3), partitionCount, replicationFactor: 1 };
      expect(errorCode(() => placeReplicas(request, rng))).toBe("INVALID_PARTITIONS");
    }
  });

  it("answers a node listed twice with INVALID_ARGUMENT", () => {
    const request = {
      nodes: [{ id: nodeId(1) }, { id: nodeId(1) }],
      partitionCount: 1,
      replicationFactor: 1,
    };
    expect(errorCode(() => placeReplicas(request, rng))).toBe("INVALID_ARGUMENT");
  });
});

function errorCode(attempt: () => unknown): string | undefined {
  try {
    attempt();
  } catch (error) {
    if (HelixError.isInstance(error)) return error.code;
    throw error;
  }
  return undefined;
}
