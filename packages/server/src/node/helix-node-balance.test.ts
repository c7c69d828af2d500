/**
 * Leader balancing on the node (issue 7), three nodes in process on a ManualClock: partition leaders
 * end on their preferred replicas, so each node leads an even share; when a node is cut off its
 * partitions fail over to the others, and once it is back and caught up it gets them back, a bounded
 * number of transfers per pass.
 */
import { HelixError, limits, type NodeId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { records, TestCluster } from "../test-support/test-cluster.js";

const partitions = [0, 1, 2, 3, 4, 5];

function leaders(cluster: TestCluster, topic: string): (NodeId | undefined)[] {
  return partitions.map((partition) => {
    const leading = [...cluster.nodes.values()].find(
      (node) =>
        !cluster.isolated.has(node.nodeId) && node.partitionLeader(topic, partition)?.leader === node.nodeId,
    );
    return leading?.nodeId;
  });
}

function preferred(cluster: TestCluster, topic: string): NodeId[] {
  const record = cluster.node(1).topic(topic)!;
  return record.partitions.map((partition) => partition.replicas[0] as NodeId);
}

/** Produces through whichever node leads, retrying as a client would while leadership moves (bounded). */
async function produceRetrying(cluster: TestCluster, topic: string, partition: number, value: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      const leader = cluster.partitionLeader(topic, partition);
      return await cluster.drive(leader.produce(topic, partition, records([value]), "all"));
    } catch (error) {
      const leaderless = error instanceof Error && /no leader/.test(error.message);
      const retriable = HelixError.isInstance(error) && error.retriable;
      if (attempt >= 20 || !(leaderless || retriable)) throw error;
      await cluster.step();
    }
  }
}

function perNode(ids: readonly (NodeId | undefined)[]): number[] {
  return [1, 2, 3].map((id) => ids.filter((leader) => leader === id).length);
}

describe("HelixNode leader balancing", () => {
  it("moves leaders to their preferred replicas and back after a node returns", async () => {
    const cluster = await TestCluster.ready(3);
    await cluster.createTopic("balanced", 6, 3);
    const home = preferred(cluster, "balanced");
    expect(perNode(home)).toEqual([2, 2, 2]);
    // New partitions are first led by their preferred replica: the balancer has nothing to undo.
    expect(leaders(cluster, "balanced")).toEqual(home);
    await cluster.until(
      () => leaders(cluster, "balanced").every((leader, partition) => leader === home[partition]),
      "every leader on its preferred replica",
      limits.leaderBalanceEveryTicks * 8,
    );

    const away = home[0] as NodeId;
    cluster.isolated.add(away);
    await cluster.until(
      () => leaders(cluster, "balanced").every((leader) => leader !== undefined && leader !== away),
      "the others took over the cut-off node's partitions",
    );
    expect(perNode(leaders(cluster, "balanced"))[away - 1]).toBe(0);
    // Writes continue meanwhile, so the returning node must catch up before leading again.
    for (const partition of partitions) {
      await produceRetrying(cluster, "balanced", partition, `while-away-${partition}`);
    }

    cluster.isolated.delete(away);
    await cluster.until(
      () => leaders(cluster, "balanced").every((leader, partition) => leader === home[partition]),
      "leaders restored to their preferred replicas",
      limits.leaderBalanceEveryTicks * 10,
    );
    expect(perNode(leaders(cluster, "balanced"))).toEqual([2, 2, 2]);
    for (const partition of partitions) {
      const written = await produceRetrying(cluster, "balanced", partition, "back");
      expect(written.baseOffset).toBe(1);
    }
  });
});
