/**
 * A follower installing a partition snapshot whose records are gone on every replica (three nodes in
 * process, low snapshot thresholds, the follower cut off while the others produce and compact):
 *   - DeleteRecords moved the replicated log start past the follower's log end: the snapshot carries
 *     it, the follower resets its segment store to start there and pulls only what follows;
 *   - retention deleted the early segments on the other replicas (their own log start, not in the
 *     snapshot): their answer names their log start, the follower resets to it and pulls from there;
 *   - in both cases the follower then serves the same records as the leader from the new log start,
 *     and another topic's partition on the same node keeps committing meanwhile; a log start inside a
 *     batch restarts the log at that batch; a crash right after the reset recovers and catches up;
 *   - an install that cannot make progress (no replica answers) is refused after a bounded number of
 *     attempts instead of stalling the node's Raft host, and succeeds once the data flows again;
 *   - a topic deleted while its snapshot is being installed ends the install and the partition is
 *     removed cleanly.
 */
import {
  batchNextOffset,
  decodeRecords,
  type GroupId,
  limits,
  type NodeId,
  nodeId,
  readRecordBatchHeader,
} from "@helixlog/core";
import type { PartitionLog } from "@helixlog/wal";
import { describe, expect, it } from "vitest";
import { records, TestCluster } from "../test-support/test-cluster.js";
import type { HelixNode, NodeEnvelope } from "./helix-node.js";
import type { PartitionTransfers } from "./partition-transfer.js";
import type { RaftHost } from "./raft-host.js";

interface Internals {
  readonly host: RaftHost;
  readonly transfers: PartitionTransfers;
  readonly failure: unknown;
  readonly partitions: Map<GroupId, unknown>;
}

const internals = (node: HelixNode) => node as unknown as Internals;

const snapshotPolicy = { afterEntries: 8, trailingEntries: 0 };

async function cluster3(): Promise<TestCluster> {
  return TestCluster.ready(3, { snapshotPolicy });
}

/** Produces `count` batches of two records through whoever leads, with acks=all. */
async function produce(cluster: TestCluster, topic: string, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await cluster.until(() => cluster.hasPartitionLeader(topic, 0), "a leader");
    const now = cluster.clock.nowMs();
    await cluster.drive(
      cluster.partitionLeader(topic, 0).produce(topic, 0, records([`r${i}a`, `r${i}b`], [now, now]), "all"),
    );
  }
}

/** Every record value a node serves from its log start to its high watermark, segment after segment. */
async function readAll(node: HelixNode, topic: string): Promise<string[]> {
  const values: string[] = [];
  let cursor = node.logStartOffset(topic, 0);
  while (cursor < node.highWatermark(topic, 0)) {
    const fetched = await node.fetch(topic, 0, cursor, 1 << 24);
    const last = fetched.batches.at(-1);
    if (last === undefined) break;
    for (const batch of fetched.batches) values.push(...decode(batch));
    cursor = batchNextOffset(readRecordBatchHeader(last));
  }
  return values;
}

function decode(batch: Uint8Array): string[] {
  return decodeRecords(batch).map((record) => new TextDecoder().decode(record.value ?? new Uint8Array()));
}

/** A follower of `topic`-0 that leads neither the controller nor the partition. */
function pickFollower(cluster: TestCluster, topic: string): NodeId {
  const controller = cluster.controllerLeader().nodeId;
  const leader = cluster.partitionLeader(topic, 0).nodeId;
  return cluster.ids.find((id) => id !== controller && id !== leader) as NodeId;
}

function groupOf(node: HelixNode, topic: string): GroupId {
  return node.topic(topic)?.partitions[0]?.group as GroupId;
}

describe("HelixNode partition snapshot over deleted records", () => {
  it("resets the follower's log to the log start DeleteRecords moved, then catches up", async () => {
    const cluster = await cluster3();
    await cluster.createTopic("cut", 1, 3);
    await cluster.createTopic("other", 1, 3);
    await produce(cluster, "cut", 0, 3);
    const lagging = pickFollower(cluster, "cut");
    const laggingNode = cluster.node(lagging);
    const group = groupOf(laggingNode, "cut");
    cluster.isolated.add(lagging);
    await produce(cluster, "cut", 3, 30);
    const leader = cluster.partitionLeader("cut", 0);
    // A log start inside a batch ([64, 65] holds r32a, r32b): replicas keep that batch's segment.
    expect((await cluster.drive(leader.deleteRecords("cut", 0, 65))).lowWatermark).toBe(65);
    // Everything before goes: the segment holding 65 rolls away with the next produces (DeleteRecords
    // to the high watermark drops whole segments, the active one rolled first).
    await produce(cluster, "cut", 33, 1);
    expect((await cluster.drive(leader.deleteRecords("cut", 0, -1))).lowWatermark).toBe(68);
    await produce(cluster, "cut", 34, 19);
    expect(leader.logStartOffset("cut", 0)).toBe(68);
    // Every replica dropped the records the follower lacks, and compacted its Raft log past it.
    for (const node of cluster.nodes.values()) {
      if (node.nodeId === lagging) continue;
      expect(node.logStartOffset("cut", 0)).toBe(68);
    }
    expect(laggingNode.highWatermark("cut", 0)).toBeLessThanOrEqual(6);

    cluster.isolated.delete(lagging);
    // Another partition on the same node keeps committing while the snapshot is installed.
    const otherWrites = (async () => {
      await produce(cluster, "other", 0, 5);
    })();
    await cluster.until(() => laggingNode.highWatermark("cut", 0) === 106, "the follower caught up");
    await otherWrites;
    await cluster.until(() => laggingNode.highWatermark("other", 0) === 10, "the other partition replicates");
    const { host, transfers } = internals(laggingNode);
    expect(host.statistics.snapshotsInstalled).toBeGreaterThan(0);
    expect(transfers.statistics.resets).toBeGreaterThan(0);
    expect(internals(laggingNode).failure).toBeUndefined();
    expect(laggingNode.logStartOffset("cut", 0)).toBe(68);
    expect(await readAll(laggingNode, "cut")).toEqual(
      await readAll(cluster.partitionLeader("cut", 0), "cut"),
    );
    expect((await readAll(laggingNode, "cut"))[0]).toBe("r34a");
    expect(host.hosts(group)).toBe(true);
    // It keeps replicating after the reset.
    await produce(cluster, "cut", 53, 2);
    await cluster.until(() => laggingNode.highWatermark("cut", 0) === 110, "replicates after the reset");
    expect(await readAll(laggingNode, "cut")).toEqual(
      await readAll(cluster.partitionLeader("cut", 0), "cut"),
    );
  });

  it("restarts the follower's log at the batch holding a log start DeleteRecords put inside it", async () => {
    const cluster = await cluster3();
    await cluster.createTopic("mid", 1, 3);
    await produce(cluster, "mid", 0, 3);
    const lagging = pickFollower(cluster, "mid");
    const laggingNode = cluster.node(lagging);
    cluster.isolated.add(lagging);
    await produce(cluster, "mid", 3, 30);
    const leader = cluster.partitionLeader("mid", 0);
    // [64, 65] holds r32a, r32b; the replicas keep their whole (single) segment.
    expect((await cluster.drive(leader.deleteRecords("mid", 0, 65))).lowWatermark).toBe(65);
    await produce(cluster, "mid", 33, 10);
    cluster.isolated.delete(lagging);
    await cluster.until(() => laggingNode.highWatermark("mid", 0) === 86, "the follower caught up");
    expect(internals(laggingNode).transfers.statistics.resets).toBeGreaterThan(0);
    expect(laggingNode.logStartOffset("mid", 0)).toBe(65);
    expect(await readAll(laggingNode, "mid")).toEqual(
      await readAll(cluster.partitionLeader("mid", 0), "mid"),
    );
    await produce(cluster, "mid", 43, 1);
    await cluster.until(() => laggingNode.highWatermark("mid", 0) === 88, "replicates after the reset");
    expect(await readAll(laggingNode, "mid")).toEqual(
      await readAll(cluster.partitionLeader("mid", 0), "mid"),
    );
    expect(internals(laggingNode).failure).toBeUndefined();
  });

  it("recovers a follower that crashed after resetting its log but before saving the snapshot", async () => {
    const cluster = await cluster3();
    await cluster.createTopic("crash", 1, 3);
    await produce(cluster, "crash", 0, 3);
    const lagging = pickFollower(cluster, "crash");
    const laggingNode = cluster.node(lagging);
    const group = groupOf(laggingNode, "crash");
    cluster.isolated.add(lagging);
    await produce(cluster, "crash", 3, 30);
    const leader = cluster.partitionLeader("crash", 0);
    expect((await cluster.drive(leader.deleteRecords("crash", 0, -1))).lowWatermark).toBe(66);
    await produce(cluster, "crash", 33, 5);
    // The reset completes durably, then the process dies before anything else of the install.
    const log = (internals(laggingNode).partitions.get(group) as { log: PartitionLog }).log;
    const resetTo = log.resetTo.bind(log);
    let reset = false;
    log.resetTo = async (offset: number) => {
      await resetTo(offset);
      reset = true;
      return new Promise<void>(() => {});
    };
    cluster.isolated.delete(lagging);
    await cluster.until(() => reset, "the follower reset its log");
    const restarted = await cluster.crashAndRestart(lagging);
    await cluster.until(
      () => restarted.topic("crash") !== undefined && restarted.highWatermark("crash", 0) === 76,
      "the restarted follower caught up",
    );
    expect(restarted.logStartOffset("crash", 0)).toBe(66);
    expect(await readAll(restarted, "crash")).toEqual(
      await readAll(cluster.partitionLeader("crash", 0), "crash"),
    );
    expect(internals(restarted).failure).toBeUndefined();
  });

  it("resets the follower's log to the replicas' log start after retention deleted segments", async () => {
    const cluster = await cluster3();
    // Each produce below rolls a segment (the clock moves past segment.ms); retention.ms expires them.
    await cluster.createTopic("aged", 1, 3, { "segment.ms": "60000", "retention.ms": "600000" });
    await cluster.createTopic("other", 1, 3);
    await produce(cluster, "aged", 0, 2);
    const lagging = pickFollower(cluster, "aged");
    const laggingNode = cluster.node(lagging);
    cluster.isolated.add(lagging);
    for (let i = 2; i < 30; i++) {
      cluster.clock.advance(61_000);
      await produce(cluster, "aged", i, 1);
    }
    for (let i = 0; i < limits.retentionCheckEveryTicks + 1; i++) await cluster.step();
    const sources = [...cluster.nodes.values()].filter((node) => node.nodeId !== lagging);
    await cluster.until(
      () => sources.every((node) => node.logStartOffset("aged", 0) > 10),
      "retention deleted the early segments on the other replicas",
    );
    const starts = sources.map((node) => node.logStartOffset("aged", 0));
    expect(laggingNode.highWatermark("aged", 0)).toBeLessThan(Math.min(...starts));

    cluster.isolated.delete(lagging);
    const otherWrites = produce(cluster, "other", 0, 5);
    await cluster.until(() => laggingNode.highWatermark("aged", 0) === 60, "the follower caught up");
    await otherWrites;
    await cluster.until(() => laggingNode.highWatermark("other", 0) === 10, "the other partition replicates");
    expect(internals(laggingNode).transfers.statistics.resets).toBeGreaterThan(0);
    expect(internals(laggingNode).failure).toBeUndefined();
    // It starts where a replica's log started (not at 0), and serves what the leader serves from there.
    const start = laggingNode.logStartOffset("aged", 0);
    expect(starts).toContain(start);
    const served = await readAll(laggingNode, "aged");
    expect(served[0]).toBe(`r${start / 2}a`);
    expect(served.at(-1)).toBe("r29b");
    const leader = cluster.partitionLeader("aged", 0);
    const leaderServed = await readAll(leader, "aged");
    expect(leaderServed.slice(leaderServed.length - served.length)).toEqual(served);
  });

  it("refuses an install that makes no progress, keeps the node working, and installs later", async () => {
    const cluster = await cluster3();
    await cluster.createTopic("stuck", 1, 3);
    await cluster.createTopic("other", 1, 3);
    await produce(cluster, "stuck", 0, 2);
    const lagging = pickFollower(cluster, "stuck");
    const laggingNode = cluster.node(lagging);
    cluster.isolated.add(lagging);
    await produce(cluster, "stuck", 2, 20);
    // The follower hears Raft but no partition data: its pull cannot make progress.
    let dropData = true;
    const receive = laggingNode.receive.bind(laggingNode);
    laggingNode.receive = (from: NodeId, envelope: NodeEnvelope) => {
      if (dropData && envelope.kind === "partitionData") return;
      receive(from, envelope);
    };
    cluster.isolated.delete(lagging);
    const { host } = internals(laggingNode);
    await cluster.until(() => host.statistics.snapshotsRefused > 0, "the install was refused", 600);
    expect(host.lastSnapshotRefusal?.reason).toMatch(/no replica/);
    expect(internals(laggingNode).failure).toBeUndefined();
    // Between the leader's attempts the node's other groups commit.
    await produce(cluster, "other", 0, 3);
    await cluster.until(
      () => laggingNode.highWatermark("other", 0) === 6,
      "the other partition replicates",
      600,
    );
    dropData = false;
    await cluster.until(() => laggingNode.highWatermark("stuck", 0) === 44, "installed once data flows", 600);
    const leader = cluster.partitionLeader("stuck", 0);
    expect(await readAll(laggingNode, "stuck")).toEqual(await readAll(leader, "stuck"));
    expect(internals(laggingNode).failure).toBeUndefined();
  });

  it("ends an install cleanly when the topic is deleted meanwhile", async () => {
    const cluster = await cluster3();
    await cluster.createTopic("doomed", 1, 3);
    await cluster.createTopic("other", 1, 3);
    await produce(cluster, "doomed", 0, 2);
    const lagging = pickFollower(cluster, "doomed");
    const laggingNode = cluster.node(lagging);
    const group = groupOf(laggingNode, "doomed");
    cluster.isolated.add(lagging);
    await produce(cluster, "doomed", 2, 20);
    let dropData = true;
    const receive = laggingNode.receive.bind(laggingNode);
    laggingNode.receive = (from: NodeId, envelope: NodeEnvelope) => {
      if (dropData && envelope.kind === "partitionData") return;
      receive(from, envelope);
    };
    cluster.isolated.delete(lagging);
    const { host, transfers } = internals(laggingNode);
    await cluster.until(() => transfers.statistics.requests > 0, "the pull started");
    await cluster.drive(cluster.controllerLeader().deleteTopic("doomed"), 800);
    dropData = false;
    await cluster.until(
      () => !host.hosts(group) && !internals(laggingNode).partitions.has(group),
      "the partition left the follower",
      800,
    );
    expect(host.statistics.snapshotsRefused).toBeGreaterThan(0);
    expect(internals(laggingNode).failure).toBeUndefined();
    expect(
      cluster.disks
        .get(nodeId(lagging))
        ?.paths()
        .filter((path) => path.includes("partitions/doomed-0/") && path.endsWith(".log")),
    ).toEqual([]);
    await produce(cluster, "other", 0, 2);
    await cluster.until(() => laggingNode.highWatermark("other", 0) === 4, "the node keeps working");
  });
});
