/**
 * Topic configs enforced by every replica's segment store (Kafka log configs), three nodes in process
 * on a ManualClock:
 *   - segment.bytes rolls segments and retention.bytes deletes the oldest ones on every replica, on
 *     ticks; the log start offset moves with them and fetches below it are OFFSET_OUT_OF_RANGE;
 *   - AlterTopic changes take effect on open partitions: retention.ms expires old segments against
 *     the injected clock, and segment.ms rolls a segment whose first batch is too old.
 */
import { limits, nodeId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { codeOf, records, TestCluster } from "../test-support/test-cluster.js";

const mib = 1024 * 1024;

/** A batch of `count` records of 1 KiB each, stamped `timestamp`. */
function kibRecords(count: number, timestamp: number): Uint8Array {
  const value = "x".repeat(1024);
  return records(
    Array.from({ length: count }, () => value),
    Array.from({ length: count }, () => timestamp),
  );
}

function segmentFiles(cluster: TestCluster, id: number, topic: string): string[] {
  return cluster.disks
    .get(nodeId(id))!
    .paths()
    .filter((path) => path.includes(`partitions/${topic}-0/`) && path.endsWith(".log"))
    .sort();
}

describe("HelixNode topic configs on partition logs", () => {
  it("rolls by segment.bytes and deletes by retention.bytes on every replica, then by retention.ms", async () => {
    const cluster = await TestCluster.ready(3);
    await cluster.createTopic("sized", 1, 3, {
      "segment.bytes": String(mib),
      "retention.bytes": String(2 * mib),
    });
    const leader = cluster.partitionLeader("sized", 0);
    const now = cluster.clock.nowMs();
    // 5 MiB in batches of 200 records: about five 1 MiB segments before retention.
    for (let i = 0; i < 26; i++) await cluster.drive(leader.produce("sized", 0, kibRecords(200, now), "all"));
    const total = 26 * 200;
    await cluster.until(
      () => [1, 2, 3].every((id) => cluster.node(id).highWatermark("sized", 0) === total),
      "replicas caught up",
    );
    for (let i = 0; i < limits.retentionCheckEveryTicks + 1; i++) await cluster.step();
    await cluster.until(
      () => [1, 2, 3].every((id) => segmentFiles(cluster, id, "sized").length <= 3),
      "retention.bytes applied on every replica",
    );
    for (const node of cluster.nodes.values()) {
      const start = node.logStartOffset("sized", 0);
      expect(start, `node ${node.nodeId}`).toBeGreaterThan(0);
      expect(await codeOf(node.fetch("sized", 0, start - 1, 1024))).toBe("OFFSET_OUT_OF_RANGE");
      expect((await node.fetch("sized", 0, start, 1024)).batches.length).toBe(1);
    }

    // retention.ms: every sealed segment's records are older than a minute once the clock moves on.
    await cluster.drive(
      cluster.controllerLeader().alterTopic({
        name: "sized",
        setConfigs: { "retention.ms": "60000" },
        removeConfigs: ["retention.bytes"],
      }),
    );
    cluster.clock.advance(120_000);
    for (let i = 0; i < limits.retentionCheckEveryTicks + 1; i++) await cluster.step();
    await cluster.until(
      () => [1, 2, 3].every((id) => segmentFiles(cluster, id, "sized").length === 1),
      "retention.ms applied on every replica",
    );
    const active = segmentFiles(cluster, 1, "sized")[0]!;
    const activeBase = Number(/(\d{20})\.log$/.exec(active)![1]);
    for (const node of cluster.nodes.values()) expect(node.logStartOffset("sized", 0)).toBe(activeBase);
  });

  it("rolls a segment by segment.ms once AlterTopic sets it", async () => {
    const cluster = await TestCluster.ready(1);
    await cluster.createTopic("aged", 1, 1);
    const node = cluster.node(1);
    await cluster.drive(node.produce("aged", 0, kibRecords(1, cluster.clock.nowMs()), "all"));
    cluster.clock.advance(61_000);
    await cluster.drive(node.produce("aged", 0, kibRecords(1, cluster.clock.nowMs()), "all"));
    expect(segmentFiles(cluster, 1, "aged")).toHaveLength(1);
    await cluster.drive(node.alterTopic({ name: "aged", setConfigs: { "segment.ms": "60000" } }));
    cluster.clock.advance(61_000);
    await cluster.drive(node.produce("aged", 0, kibRecords(1, cluster.clock.nowMs()), "all"));
    await cluster.until(() => segmentFiles(cluster, 1, "aged").length === 2, "rolled by age");
  });
});
