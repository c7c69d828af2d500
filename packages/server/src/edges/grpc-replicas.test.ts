/**
 * ISR, liveness and lag through the gRPC Admin API, three in-process nodes behind real gRPC servers
 * (simulated disks, a direct network stepped continuously while calls run):
 *   - Metadata reports every replica in sync and every broker alive while all is well;
 *   - with a follower cut off, the partition leader's Metadata drops it from the ISR and reports its
 *     broker dead, and its ClusterStatus lists the partition under-replicated with the follower's lag;
 *   - once healed, the follower is back in the ISR.
 */
import { limits, type NodeId } from "@helixlog/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HelixClient } from "../client/helix-client.js";
import { TestCluster } from "../test-support/test-cluster.js";
import { until } from "../test-support/until.js";
import { type GrpcApi, startGrpcApi } from "./grpc-api.js";

describe("gRPC Admin: ISR, liveness and lag", () => {
  let cluster: TestCluster;
  let running = true;
  let loop: Promise<void>;
  const apis = new Map<NodeId, GrpcApi>();
  const clients = new Map<NodeId, HelixClient>();

  beforeAll(async () => {
    cluster = await TestCluster.ready(3);
    await cluster.createTopic("watched", 1, 3);
    for (const [id, node] of cluster.nodes) {
      const api = await startGrpcApi({
        address: { host: "127.0.0.1", port: 0 },
        node,
        addressOf: (target) => node.listNodes().find((record) => record.nodeId === target)?.grpcAddress,
      });
      apis.set(id, api);
      clients.set(id, new HelixClient(`127.0.0.1:${api.port}`, { deadlineMs: 10_000 }));
    }
    loop = (async () => {
      while (running) {
        await cluster.step();
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
  });

  afterAll(async () => {
    running = false;
    await loop;
    for (const client of clients.values()) client.close();
    for (const api of apis.values()) await api.close();
    for (const node of cluster.nodes.values()) await node.close();
  });

  it("drops a cut-off follower from the ISR, reports it dead and lagging, and takes it back", async () => {
    const leader = cluster.partitionLeader("watched", 0);
    const follower = [...cluster.nodes.values()].find((node) => node !== leader)!;
    const viaLeader = clients.get(leader.nodeId)!;
    const partitionOf = async () => (await viaLeader.metadata(["watched"])).topics[0]!.partitions[0]!;
    expect([...(await partitionOf()).inSyncReplicas].sort()).toEqual([1, 2, 3]);
    expect((await viaLeader.metadata()).brokers.every((broker) => broker.alive)).toBe(true);

    cluster.isolated.add(follower.nodeId);
    try {
      await until(
        async () => !(await partitionOf()).inSyncReplicas.includes(follower.nodeId),
        "the follower left the ISR",
        30_000,
      );
      await viaLeader.produce({
        topic: "watched",
        partition: 0,
        acks: "ACKS_ALL",
        records: [{ value: Buffer.from("while cut off"), headers: [], timestampMs: 0 }],
      });
      const brokers = (await viaLeader.metadata()).brokers;
      expect(brokers.find((broker) => broker.nodeId === follower.nodeId)?.alive).toBe(false);
      const status = await viaLeader.clusterStatus();
      expect(status.answeredBy).toBe(leader.nodeId);
      const here = status.nodes.find((node) => node.broker.nodeId === leader.nodeId)!;
      expect(here.underReplicatedPartitions).toBeGreaterThanOrEqual(1);
      const watched = status.ledPartitions.find((entry) => entry.topic === "watched")!;
      const lagging = watched.replicas.find((replica) => replica.nodeId === follower.nodeId)!;
      expect(lagging).toMatchObject({ inSync: false, alive: false });
      expect(lagging.lagEntries).toBeGreaterThan(0);
    } finally {
      cluster.isolated.delete(follower.nodeId);
    }
    await until(
      async () => (await partitionOf()).inSyncReplicas.length === 3,
      "the follower is back in the ISR",
      limits.isrLagTicksMax * 1_000,
    );
  });
});
