/**
 * Snapshots in the node core, in process on simulated disks (DESIGN.md §3, §4):
 *   - every group (controller with its KV store, partitions) snapshots after a few entries and releases
 *     its WAL prefix; a partition's prefix only once its segment store is flushed past it;
 *   - a follower cut off while the others compacted comes back through snapshots: the controller's
 *     state and KV store arrive in the snapshot, the partition's records are pulled from a replica's
 *     segment store before the snapshot is acknowledged, and the follower then serves every record;
 *   - a node restarted after compaction recovers from its snapshots plus the WAL suffix, replaying
 *     only the suffix, with every acknowledged record and all topic metadata intact.
 */
import {
  decodeRecords,
  encodeRecordBatch,
  type GroupId,
  ManualClock,
  type NodeId,
  nodeId,
  SeededRng,
} from "@helixlog/core";
import type { Wal } from "@helixlog/wal";
import { SimDisk } from "@helixlog/wal/testing";
import { describe, expect, it } from "vitest";
import { settle } from "../test-support/test-cluster.js";
import { HelixNode, type NodeEnvelope } from "./helix-node.js";
import type { RaftHost } from "./raft-host.js";

function records(...values: string[]): Uint8Array {
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: 1_700_000_000_000,
    records: values.map((value, offsetDelta) => ({
      timestampDelta: 0,
      offsetDelta,
      key: null,
      value: new TextEncoder().encode(value),
      headers: [],
    })),
  });
}

function values(batches: readonly Uint8Array[]): string[] {
  return batches.flatMap((batch) =>
    decodeRecords(batch).map((record) => new TextDecoder().decode(record.value ?? new Uint8Array())),
  );
}

/** The node's internals a test inspects (no public API exposes the WAL or the host). */
function internals(node: HelixNode): { host: RaftHost; wal: Wal } {
  return node as unknown as { host: RaftHost; wal: Wal };
}

class Cluster {
  readonly nodes = new Map<NodeId, HelixNode>();
  readonly disks = new Map<NodeId, SimDisk>();
  /** Nodes cut off from the network: everything to or from them is lost. */
  readonly cut = new Set<NodeId>();
  private readonly inbox: [NodeId, NodeId, NodeEnvelope][] = [];
  readonly clock = new ManualClock();

  constructor(readonly ids: NodeId[]) {}

  /** While set, fdatasyncs of partition segment files wait here until the test releases them. */
  holdPartitionSyncs = false;
  readonly heldSyncs: Array<() => void> = [];

  async start(id: NodeId, disk?: SimDisk): Promise<HelixNode> {
    const simDisk =
      disk ??
      new SimDisk({
        rng: new SeededRng(id),
        scheduler: (operation, path, complete) => {
          if (this.holdPartitionSyncs && operation === "sync" && path.startsWith("partitions/")) {
            this.heldSyncs.push(complete);
          } else complete();
        },
      });
    this.disks.set(id, simDisk);
    const node = await HelixNode.open({
      nodeId: id,
      voters: this.ids,
      addresses: {
        kafkaAddress: `127.0.0.1:${9091 + id}`,
        grpcAddress: `127.0.0.1:${9189 + id}`,
        peerAddress: `127.0.0.1:${9289 + id}`,
        rack: undefined,
      },
      disk: simDisk,
      rng: new SeededRng(100 + id),
      clock: this.clock,
      send: (to, envelope) => this.inbox.push([id, to, envelope]),
      snapshotPolicy: { afterEntries: 16, trailingEntries: 0 },
    });
    this.nodes.set(id, node);
    return node;
  }

  async crashAndRestart(id: NodeId): Promise<HelixNode> {
    const old = this.nodes.get(id);
    this.nodes.delete(id);
    internals(old as HelixNode).host.stop();
    const disk = (this.disks.get(id) as SimDisk).crash({ keepSomeUnsynced: false });
    return this.start(id, disk);
  }

  async step(): Promise<void> {
    this.clock.advance(100);
    for (const node of this.nodes.values()) node.tick();
    for (let round = 0; round < 50 && this.inbox.length > 0; round++) {
      for (const [from, to, envelope] of this.inbox.splice(0)) {
        if (this.cut.has(from) || this.cut.has(to)) continue;
        this.nodes.get(to)?.receive(from, envelope);
      }
      await settle();
    }
    await settle();
  }

  async until(condition: () => boolean, what: string, steps = 600): Promise<void> {
    for (let i = 0; i < steps; i++) {
      if (condition()) return;
      await this.step();
    }
    throw new Error(`not reached within ${steps} steps: ${what}`);
  }

  async drive<T>(operation: Promise<T>): Promise<T> {
    let done = false;
    const watched = operation.finally(() => {
      done = true;
    });
    watched.catch(() => {});
    await this.until(() => done, "operation to finish");
    return watched;
  }

  live(): HelixNode[] {
    return [...this.nodes.values()].filter((node) => !this.cut.has(node.nodeId));
  }

  controllerLeader(): HelixNode {
    const leader = this.live().find((node) => node.isControllerLeader());
    if (leader === undefined) throw new Error("no controller leader");
    return leader;
  }

  partitionLeader(topic: string): HelixNode {
    const leader = this.live().find((node) => node.partitionLeader(topic, 0)?.leader === node.nodeId);
    if (leader === undefined) throw new Error(`no leader of ${topic}-0`);
    return leader;
  }
}

async function readyCluster(): Promise<Cluster> {
  const cluster = new Cluster([nodeId(1), nodeId(2), nodeId(3)]);
  for (const id of cluster.ids) await cluster.start(id);
  await cluster.until(
    () => [...cluster.nodes.values()].every((node) => node.listNodes().length === 3),
    "every node registered",
  );
  return cluster;
}

async function createTopic(cluster: Cluster, name: string): Promise<GroupId> {
  const topic = await cluster.drive(
    cluster.controllerLeader().createTopic({ name, partitions: 1, replicationFactor: 3 }),
  );
  await cluster.until(
    () => cluster.live().some((n) => n.partitionLeader(name, 0)?.leader === n.nodeId),
    "leader",
  );
  return topic.partitions[0]?.group as GroupId;
}

/** Produces `count` batches of two records each through whoever leads, with acks=all. */
async function produce(cluster: Cluster, topic: string, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await cluster.until(
      () => cluster.live().some((n) => n.partitionLeader(topic, 0)?.leader === n.nodeId),
      "leader",
    );
    const leader = cluster.partitionLeader(topic);
    await cluster.drive(leader.produce(topic, 0, records(`r${i}a`, `r${i}b`), "all"));
  }
}

const expected = (count: number) => Array.from({ length: count }, (_, i) => [`r${i}a`, `r${i}b`]).flat();

describe("HelixNode snapshots", () => {
  it("catches a cut-off follower up through controller and partition snapshots, records pulled first", async () => {
    const cluster = await readyCluster();
    const group = await createTopic(cluster, "snap");
    await produce(cluster, "snap", 0, 5);
    const controllerLeader = cluster.controllerLeader().nodeId;
    const partitionLeader = cluster.partitionLeader("snap").nodeId;
    const lagging = cluster.ids.find((id) => id !== controllerLeader && id !== partitionLeader) ?? nodeId(3);
    cluster.cut.add(lagging);
    await produce(cluster, "snap", 5, 60);
    const kvLeader = cluster.controllerLeader();
    for (let i = 0; i < 20; i++) {
      await cluster.drive(kvLeader.proposeKv([{ type: "put", key: `k${i}`, value: new Uint8Array([i]) }]));
    }
    const leader = cluster.partitionLeader("snap");
    const leaderWal = internals(leader).wal;
    const laggingNode = cluster.nodes.get(lagging) as HelixNode;
    const laggingView = internals(laggingNode).host.view(group);
    // The leader released its log past everything the lagging node holds: only a snapshot can help.
    expect(leaderWal.status(group)?.compaction.index).toBeGreaterThan(laggingView.lastIndex);
    expect(leaderWal.status(0 as GroupId)?.compaction.index).toBeGreaterThan(
      internals(laggingNode).host.view(0 as GroupId).lastIndex,
    );
    cluster.cut.delete(lagging);
    await cluster.until(() => laggingNode.highWatermark("snap", 0) === 130, "the lagging node caught up");
    await cluster.until(() => laggingNode.kvGet("k19") !== undefined, "the lagging node has the KV store");
    const host = internals(laggingNode).host;
    expect(host.statistics.snapshotsInstalled).toBeGreaterThanOrEqual(2);
    // Its segment store holds every record, pulled from a replica, not only the snapshot's state.
    const fetched = await laggingNode.fetch("snap", 0, 0, 1 << 24);
    expect(values(fetched.batches)).toEqual(expected(65));
    expect(laggingNode.kvGet("k7")?.value).toEqual(new Uint8Array([7]));
    const transfers = (laggingNode as unknown as { transfers: { statistics: { batchesPulled: number } } })
      .transfers;
    expect(transfers.statistics.batchesPulled).toBeGreaterThan(0);
    // It keeps replicating after the snapshot.
    await produce(cluster, "snap", 65, 3);
    await cluster.until(() => laggingNode.highWatermark("snap", 0) === 136, "replicates after the snapshot");
    expect(values((await laggingNode.fetch("snap", 0, 0, 1 << 24)).batches)).toEqual(expected(68));
  });

  it("never releases a partition's WAL prefix past its segment store's durable end", async () => {
    const cluster = await readyCluster();
    const group = await createTopic(cluster, "held");
    cluster.holdPartitionSyncs = true;
    await produce(cluster, "held", 0, 40);
    for (let i = 0; i < 10; i++) await cluster.step();
    // Produces are acknowledged (the WAL is durable) but no segment store was flushed: nothing released.
    for (const node of cluster.nodes.values()) {
      expect(internals(node).wal.status(group)?.compaction.index).toBe(1);
    }
    expect(cluster.heldSyncs.length).toBeGreaterThan(0);
    cluster.holdPartitionSyncs = false;
    for (const complete of cluster.heldSyncs.splice(0)) complete();
    await cluster.until(
      () =>
        [...cluster.nodes.values()].every(
          (n) => (internals(n).wal.status(group)?.compaction.index ?? 0) > 16,
        ),
      "released once the segment stores are durable",
    );
  });

  it("restarts every node after compaction from snapshots plus the WAL suffix", async () => {
    const cluster = await readyCluster();
    const group = await createTopic(cluster, "restart");
    await produce(cluster, "restart", 0, 50);
    for (const node of cluster.nodes.values()) {
      expect(internals(node).wal.status(group)?.compaction.index).toBeGreaterThan(16);
      expect(internals(node).host.statistics.snapshotsTaken).toBeGreaterThan(0);
    }
    for (const id of cluster.ids) await cluster.crashAndRestart(id);
    await cluster.until(
      () => cluster.live().some((n) => n.partitionLeader("restart", 0)?.leader === n.nodeId),
      "a leader after the restart",
    );
    for (const node of cluster.nodes.values()) {
      expect(node.topic("restart")?.partitions).toHaveLength(1);
      await cluster.until(() => node.highWatermark("restart", 0) === 100, "high watermark recovered");
      expect(values((await node.fetch("restart", 0, 0, 1 << 24)).batches)).toEqual(expected(50));
      // Only the suffix after the last snapshot was replayed, not all 50 produces.
      expect(internals(node).host.statistics.entriesApplied).toBeLessThan(40);
    }
    await produce(cluster, "restart", 50, 2);
    const leader = cluster.partitionLeader("restart");
    expect(values((await leader.fetch("restart", 0, 0, 1 << 24)).batches)).toEqual(expected(52));
  });
});
