/**
 * ISR, liveness and min.insync.replicas on the node, three replicas in process:
 *   - the partition leader measures every replica's lag and the ISR; other nodes say theirs is an
 *     estimate;
 *   - a follower cut off the network stops being live and leaves the ISR on the leader; acks=all
 *     produce to a topic with min.insync.replicas=3 is then refused with NOT_ENOUGH_REPLICAS
 *     (retriable) while acks=leader still works; once the follower is back and caught up it rejoins
 *     the ISR and acks=all works again.
 */
import { HelixError, limits } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { records, TestCluster } from "../test-support/test-cluster.js";

describe("HelixNode ISR and min.insync.replicas", () => {
  it("measures the ISR on the leader, drops a cut-off follower, and enforces min.insync.replicas", async () => {
    const cluster = await TestCluster.ready(3);
    await cluster.createTopic("strict", 1, 3, { "min.insync.replicas": "3" });
    const leader = cluster.partitionLeader("strict", 0);
    await cluster.drive(leader.produce("strict", 0, records(["a"]), "all"));
    const status = leader.partitionStatus("strict", 0);
    expect(status).toMatchObject({ leader: leader.nodeId, measured: true });
    expect([...status.isr].sort()).toEqual([1, 2, 3]);
    expect(status.lags.map((lag) => lag.nodeId)).toEqual(status.replicas);
    const follower = [...cluster.nodes.values()].find((node) => node !== leader)!;
    const followerView = follower.partitionStatus("strict", 0);
    expect(followerView).toMatchObject({ leader: leader.nodeId, measured: false, lags: [] });
    expect(followerView.leaderEpoch).toBe(status.leaderEpoch);

    cluster.isolated.add(follower.nodeId);
    for (let i = 0; i <= limits.nodeLivenessTicksMax; i++) await cluster.step();
    await cluster.until(() => leader.partitionLeader("strict", 0)?.leader === leader.nodeId, "leader kept");
    expect(leader.isNodeLive(follower.nodeId)).toBe(false);
    expect(leader.partitionStatus("strict", 0).isr).not.toContain(follower.nodeId);
    try {
      await cluster.drive(leader.produce("strict", 0, records(["b"]), "all"));
      expect.unreachable();
    } catch (error) {
      expect(HelixError.is(error, "NOT_ENOUGH_REPLICAS")).toBe(true);
      expect((error as HelixError).retriable).toBe(true);
    }
    await cluster.drive(leader.produce("strict", 0, records(["c"]), "leader"));
    const lag = leader.partitionStatus("strict", 0).lags.find((entry) => entry.nodeId === follower.nodeId)!;
    expect(lag).toMatchObject({ live: false, inSync: false });
    expect(lag.lagEntries).toBeGreaterThan(0);

    cluster.isolated.delete(follower.nodeId);
    await cluster.until(
      () => leader.partitionStatus("strict", 0).isr.length === 3,
      "the follower rejoined the ISR",
    );
    const after = await cluster.drive(leader.produce("strict", 0, records(["d"]), "all"));
    expect(after.baseOffset).toBe(2);
  });
});
