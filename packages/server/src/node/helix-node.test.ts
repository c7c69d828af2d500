/**
 * The node core end to end, in process, on simulated disks (the WAL's SimDisk) and a direct network:
 *   - one node bootstraps the controller, registers itself, creates a topic whose partitions it hosts,
 *     takes acks=all / leader / none produces and serves fetches of exactly the committed batches;
 *   - after a crash (unsynced bytes lost) and restart, every acknowledged record is still there, once,
 *     at the same offsets, and new produces continue the offsets;
 *   - three nodes replicate a topic with replication factor 3: followers register through the
 *     controller leader, every replica applies the same batches, a produce to a follower is refused
 *     with NOT_LEADER and the leader's id;
 *   - bad requests get typed errors.
 * Ticks and message deliveries are driven by the test; waits are on conditions with a bound.
 */
import { decodeRecords, HelixError, nodeId, readRecordBatchHeader } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { records as batchOf, TestCluster } from "../test-support/test-cluster.js";
import type { HelixNode } from "./helix-node.js";

function records(...values: string[]): Uint8Array {
  return batchOf(values);
}

function values(batches: readonly Uint8Array[]): string[] {
  return batches.flatMap((batch) =>
    decodeRecords(batch).map((record) => new TextDecoder().decode(record.value!)),
  );
}

const readyCluster = (size: number) => TestCluster.ready(size);
const partitionLeaderNode = (cluster: TestCluster, topic: string, partition: number) =>
  cluster.partitionLeader(topic, partition);

async function createTopicAndWait(
  cluster: TestCluster,
  name: string,
  partitions: number,
  replicationFactor: number,
) {
  await cluster.createTopic(name, partitions, replicationFactor);
  return cluster.node(cluster.ids[0] as number).topic(name)!;
}

describe("HelixNode", () => {
  it("runs a one-node cluster: topics, produce with every acks level, fetch", async () => {
    const cluster = await readyCluster(1);
    const node = cluster.nodes.get(nodeId(1))!;
    expect(node.clusterInfo().clusterId).toBe("helix");
    expect(node.listNodes()[0]).toMatchObject({ nodeId: 1, kafkaAddress: "127.0.0.1:9092" });
    await createTopicAndWait(cluster, "events", 2, 1);
    const first = await cluster.drive(node.produce("events", 0, records("a", "b"), "all"));
    expect(first).toEqual({ baseOffset: 0, lastOffset: 1, duplicate: false });
    const second = await cluster.drive(node.produce("events", 0, records("c"), "leader"));
    expect(second.baseOffset).toBe(2);
    const third = await cluster.drive(node.produce("events", 0, records("d"), "none"));
    expect(third.baseOffset).toBe(3);
    await cluster.until(() => node.partitionLeader("events", 0) !== undefined, "partition known");
    await cluster.until(() => node.highWatermark("events", 0) === 4, "high watermark 4");
    const fetched = await node.fetch("events", 0, 0, 1 << 20);
    expect(values(fetched.batches)).toEqual(["a", "b", "c", "d"]);
    expect(fetched.batches.map((batch) => readRecordBatchHeader(batch).baseOffset)).toEqual([0, 2, 3]);
    expect(values((await node.fetch("events", 0, 2, 1)).batches)).toEqual(["c"]);
    expect((await node.fetch("events", 0, 4, 1 << 20)).batches).toEqual([]);
    expect((await node.fetch("events", 1, 0, 1 << 20)).highWatermark).toBe(0);
  });

  it("keeps every acknowledged record, once, across a crash and restart", async () => {
    const cluster = await readyCluster(1);
    let node = cluster.nodes.get(nodeId(1))!;
    await createTopicAndWait(cluster, "durable", 1, 1);
    for (let i = 0; i < 20; i++) await cluster.drive(node.produce("durable", 0, records(`r${i}`), "all"));
    node = await cluster.crashAndRestart(nodeId(1));
    await cluster.until(
      () => node.partitionLeader("durable", 0)?.leader === node.nodeId,
      "leader after restart",
    );
    const restarted = await cluster.drive(node.produce("durable", 0, records("after"), "all"));
    expect(restarted.baseOffset).toBe(20);
    const fetched = await node.fetch("durable", 0, 0, 1 << 20);
    expect(values(fetched.batches)).toEqual([...Array.from({ length: 20 }, (_, i) => `r${i}`), "after"]);
  });

  it("replicates a topic over three nodes and refuses produces to followers", async () => {
    const cluster = await readyCluster(3);
    await createTopicAndWait(cluster, "replicated", 3, 3);
    for (let partition = 0; partition < 3; partition++) {
      const leader = partitionLeaderNode(cluster, "replicated", partition);
      for (let i = 0; i < 5; i++) {
        await cluster.drive(leader.produce("replicated", partition, records(`p${partition}-${i}`), "all"));
      }
      const follower = [...cluster.nodes.values()].find((node) => node !== leader)!;
      try {
        await follower.produce("replicated", partition, records("nope"), "all");
        expect.unreachable();
      } catch (error) {
        expect(HelixError.is(error, "NOT_LEADER")).toBe(true);
        expect((error as HelixError).details.leader).toBe(leader.nodeId);
      }
    }
    await cluster.until(
      () =>
        [...cluster.nodes.values()].every((node) =>
          [0, 1, 2].every((partition) => node.highWatermark("replicated", partition) === 5),
        ),
      "followers caught up",
    );
    for (const node of cluster.nodes.values()) {
      for (let partition = 0; partition < 3; partition++) {
        const fetched = await node.fetch("replicated", partition, 0, 1 << 20);
        expect(values(fetched.batches), `node ${node.nodeId} partition ${partition}`).toEqual(
          Array.from({ length: 5 }, (_, i) => `p${partition}-${i}`),
        );
      }
    }
  });

  it("alters a topic: configs change, partitions grow and the new ones take writes", async () => {
    const cluster = await readyCluster(1);
    const node = cluster.nodes.get(nodeId(1))!;
    await createTopicAndWait(cluster, "growing", 1, 1);
    const altered = await cluster.drive(
      node.alterTopic({ name: "growing", setConfigs: { "retention.ms": "60000" }, partitions: 3 }),
    );
    expect(altered.partitions).toHaveLength(3);
    expect(altered.config["retention.ms"]).toBe("60000");
    await cluster.until(
      () => node.partitionLeader("growing", 2)?.leader === node.nodeId,
      "new partition led",
    );
    expect((await cluster.drive(node.produce("growing", 2, records("x"), "all"))).baseOffset).toBe(0);
    for (const [request, code] of [
      [{ name: "growing", partitions: 2 }, "INVALID_PARTITIONS"],
      [{ name: "growing", setConfigs: { "retention.ms": "x" } }, "INVALID_CONFIG"],
      [{ name: "nope", partitions: 2 }, "UNKNOWN_TOPIC"],
    ] as const) {
      await expect(cluster.drive(node.alterTopic(request))).rejects.toMatchObject({ code });
    }
  });

  it("hands off every group it leads before shutting down", async () => {
    const cluster = await readyCluster(3);
    await createTopicAndWait(cluster, "handoff", 6, 3);
    const leading = (node: HelixNode) =>
      [0, 1, 2, 3, 4, 5].filter((p) => node.partitionLeader("handoff", p)?.leader === node.nodeId).length +
      (node.isControllerLeader() ? 1 : 0);
    const busiest = [...cluster.nodes.values()].sort((a, b) => leading(b) - leading(a))[0]!;
    expect(leading(busiest)).toBeGreaterThan(0);
    await cluster.until(() => busiest.handOffLeadership() === 0, "leadership handed off", 200);
    expect(leading(busiest)).toBe(0);
    const others = [...cluster.nodes.values()].filter((node) => node !== busiest);
    await cluster.until(
      () =>
        [0, 1, 2, 3, 4, 5].every((p) =>
          others.some((node) => node.partitionLeader("handoff", p)?.leader === node.nodeId),
        ),
      "others lead every partition",
    );
  });

  it("answers bad requests with typed errors", async () => {
    const cluster = await readyCluster(1);
    const node = cluster.nodes.get(nodeId(1))!;
    await createTopicAndWait(cluster, "t", 1, 1);
    const expectCode = async (attempt: () => Promise<unknown>, code: string) => {
      try {
        await cluster.drive(attempt());
        expect.unreachable();
      } catch (error) {
        expect((error as HelixError).code, String(error)).toBe(code);
      }
    };
    await expectCode(() => node.produce("missing", 0, records("x"), "all"), "UNKNOWN_TOPIC");
    await expectCode(() => node.produce("t", 7, records("x"), "all"), "UNKNOWN_PARTITION");
    await expectCode(() => node.produce("t", 0, new Uint8Array([1, 2, 3]), "all"), "CORRUPT_RECORD");
    await expectCode(() => node.fetch("t", 0, 99, 100), "OFFSET_OUT_OF_RANGE");
    await expectCode(
      () => node.createTopic({ name: "t", partitions: 1, replicationFactor: 1 }),
      "ALREADY_EXISTS",
    );
    await expectCode(
      () => node.createTopic({ name: "x", partitions: 1, replicationFactor: 2 }),
      "INVALID_REPLICATION_FACTOR",
    );
  });
});
