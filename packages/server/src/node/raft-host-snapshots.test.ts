/**
 * Snapshots and compaction in the Raft host (Raft §7, DESIGN.md §3 and §4):
 * - a group that applied enough is snapshotted: the file is durable before the WAL prefix is released,
 *   and released segments are reclaimed;
 * - a restart loads the snapshot, then replays only the WAL suffix;
 * - a follower behind the leader's first index receives the snapshot, and its state machine restores
 *   it durably before the acknowledgement leaves; it survives the follower's own restart;
 * - snapshot files are checksummed: damage is CORRUPT_DATA, never a silent fallback.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type GroupId, type NodeId, SeededRng, type Ticks } from "@helixlog/core";
import type { MultiRaftBatch } from "@helixlog/raft";
import { NodeDisk, Wal } from "@helixlog/wal";
import { SimDisk } from "@helixlog/wal/testing";
import { describe, expect, it } from "vitest";
import { RaftHost } from "./raft-host.js";
import { decodeSnapshot, encodeSnapshot, SnapshotStore } from "./snapshot-store.js";

const group = 3 as GroupId;
const voters = [1, 2, 3] as NodeId[];
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Node {
  id: NodeId;
  disk: SimDisk;
  wal: Wal;
  host: RaftHost;
  /** The state machine: every applied value, in order (restored from snapshots). */
  state: string[];
  /** Entries the state machine applied in this incarnation (to see what a restart replayed). */
  appliedThisIncarnation: number;
  restores: number;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

async function open(id: NodeId, disk: SimDisk, outbox: MultiRaftBatch[]): Promise<Node> {
  const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 64 * 1024 });
  const node = { id, disk, wal, state: [], appliedThisIncarnation: 0, restores: 0 } as unknown as Node;
  node.host = await RaftHost.open({
    nodeId: id,
    wal,
    groups: [{ group, voters }],
    rng: new SeededRng(id),
    send: (batch) => outbox.push(batch),
    stateMachine: {
      apply: (_group, entry) => {
        if (entry.data.length === 0) return;
        node.state.push(decoder.decode(entry.data));
        node.appliedThisIncarnation++;
      },
      snapshot: () => ({ data: encoder.encode(JSON.stringify(node.state)) }),
      restore: async (_group, snapshot) => {
        node.state = JSON.parse(decoder.decode(snapshot.data)) as string[];
        node.restores++;
      },
    },
    electionTicks: 10 as Ticks,
    snapshots: new SnapshotStore(disk),
    snapshotAfterEntries: 20,
    snapshotTrailingEntries: 0,
  });
  return node;
}

async function cluster(): Promise<{ nodes: Map<NodeId, Node>; outbox: MultiRaftBatch[]; cut: Set<NodeId> }> {
  const outbox: MultiRaftBatch[] = [];
  const nodes = new Map<NodeId, Node>();
  for (const id of voters)
    nodes.set(id, await open(id, new SimDisk({ rng: new SeededRng(10 + id) }), outbox));
  return { nodes, outbox, cut: new Set() };
}

async function deliver(world: { nodes: Map<NodeId, Node>; outbox: MultiRaftBatch[]; cut: Set<NodeId> }) {
  for (let round = 0; round < 200 && world.outbox.length > 0; round++) {
    for (const batch of world.outbox.splice(0)) {
      if (world.cut.has(batch.from) || world.cut.has(batch.to)) continue;
      world.nodes.get(batch.to)?.host.receive(batch);
    }
    await settle();
  }
}

async function tick(world: { nodes: Map<NodeId, Node>; outbox: MultiRaftBatch[]; cut: Set<NodeId> }, n = 1) {
  for (let i = 0; i < n; i++) {
    for (const node of world.nodes.values()) node.host.tick();
    await settle();
    await deliver(world);
  }
}

async function leaderOf(world: { nodes: Map<NodeId, Node>; outbox: MultiRaftBatch[]; cut: Set<NodeId> }) {
  for (let i = 0; i < 300; i++) {
    const leader = [...world.nodes.values()].find(
      (node) => !world.cut.has(node.id) && node.host.view(group).role === "leader",
    );
    if (leader !== undefined) return leader;
    await tick(world);
  }
  throw new Error("no leader");
}

async function produce(world: Parameters<typeof leaderOf>[0], from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const leader = await leaderOf(world);
    leader.host.propose(group, encoder.encode(`value-${i}`.padEnd(2000, ".")));
    await settle();
    await deliver(world);
  }
  await tick(world, 3);
}

const expected = (count: number) => Array.from({ length: count }, (_, i) => `value-${i}`.padEnd(2000, "."));

describe("RaftHost snapshots", () => {
  it("snapshots, releases the WAL prefix (segments reclaimed) and restarts from snapshot plus suffix", async () => {
    const world = await cluster();
    await produce(world, 0, 150);
    for (const node of world.nodes.values()) {
      expect(node.state).toEqual(expected(150));
      expect(node.host.statistics.snapshotsTaken).toBeGreaterThan(3);
      const status = node.wal.status(group);
      expect(status?.compaction.index).toBeGreaterThan(100);
      // 150 entries of 2 KB filled about five 64 KiB segments; the released ones are gone.
      expect(node.wal.segmentSequences().length).toBeLessThanOrEqual(2);
    }
    const victim = world.nodes.get(2 as NodeId) as Node;
    victim.host.stop();
    await victim.wal.close();
    const reopened = await open(victim.id, victim.disk.crash(), world.outbox);
    world.nodes.set(victim.id, reopened);
    expect(reopened.restores).toBe(1);
    await tick(world, 5);
    expect(reopened.state).toEqual(expected(150));
    // Only the suffix after the snapshot was replayed, not the whole log.
    expect(reopened.appliedThisIncarnation).toBeLessThan(20);
  });

  it("catches a lagging follower up through a snapshot it installs durably, and keeps it across a restart", async () => {
    const world = await cluster();
    await produce(world, 0, 10);
    const leader = await leaderOf(world);
    const lagging = [...world.nodes.values()].find((node) => node !== leader) as Node;
    world.cut.add(lagging.id);
    await produce(world, 10, 100);
    expect(leader.wal.status(group)?.compaction.index).toBeGreaterThan(lagging.host.view(group).lastIndex);
    world.cut.delete(lagging.id);
    await tick(world, 30);
    expect(lagging.host.statistics.snapshotsInstalled).toBe(1);
    expect(lagging.restores).toBe(1);
    expect(lagging.state).toEqual(expected(110));
    await produce(world, 110, 5);
    expect(lagging.state).toEqual(expected(115));
    lagging.host.stop();
    await lagging.wal.close();
    const reopened = await open(lagging.id, lagging.disk.crash(), world.outbox);
    world.nodes.set(lagging.id, reopened);
    await tick(world, 5);
    expect(reopened.state).toEqual(expected(115));
  });

  it("finishes an install a crash cut between the snapshot file and the WAL release (found by the simulator, seed 50)", async () => {
    const world = await cluster();
    await produce(world, 0, 10);
    const leader = await leaderOf(world);
    const lagging = [...world.nodes.values()].find((node) => node !== leader) as Node;
    world.cut.add(lagging.id);
    await produce(world, 10, 100);
    // The lagging node crashes mid-install: the leader's snapshot is durable on its disk, its WAL still
    // holds its old, shorter log (the release and truncation never happened).
    lagging.host.stop();
    await lagging.wal.close();
    const snapshot = await new SnapshotStore(leader.disk).load(group);
    expect(snapshot?.index).toBeGreaterThan(lagging.host.view(group).lastIndex);
    const disk = lagging.disk.crash();
    await new SnapshotStore(disk).save(snapshot as NonNullable<typeof snapshot>);
    const reopened = await open(lagging.id, disk.crash(), world.outbox);
    world.nodes.set(lagging.id, reopened);
    expect(reopened.wal.status(group)?.compaction.index).toBe(snapshot?.index);
    world.cut.delete(lagging.id);
    await produce(world, 110, 5);
    expect(reopened.host.failed).toBeUndefined();
    expect(reopened.state).toEqual(expected(115));
  });

  it("saves, loads and removes snapshot files on a real disk (removing none is no error)", async () => {
    const directory = mkdtempSync(join(tmpdir(), "helix-snapshots-"));
    try {
      const store = new SnapshotStore(new NodeDisk(directory));
      await store.remove(9 as GroupId);
      expect(await store.load(9 as GroupId)).toBeUndefined();
      const snapshot = {
        group: 9 as GroupId,
        index: 7,
        term: 2,
        confState: { voters, votersOutgoing: [], learners: [], learnersNext: [], autoLeave: false },
        data: new Uint8Array([9, 9]),
      } as unknown as Parameters<typeof encodeSnapshot>[0];
      await store.save(snapshot);
      await store.save({ ...snapshot, index: 8 as never });
      expect((await store.load(9 as GroupId))?.index).toBe(8);
      await store.remove(9 as GroupId);
      expect(await store.load(9 as GroupId)).toBeUndefined();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("loads only a snapshot whose name is durable: one an earlier process renamed without its directory fsync", async () => {
    const disk = new SimDisk({ rng: new SeededRng(4) });
    const snapshot = {
      group: 9 as GroupId,
      index: 7,
      term: 2,
      confState: { voters, votersOutgoing: [], learners: [], learnersNext: [], autoLeave: false },
      data: new Uint8Array([7]),
    } as unknown as Parameters<typeof encodeSnapshot>[0];
    disk.failNext({ operation: "syncDirectory", fault: "EIO" });
    await expect(new SnapshotStore(disk).save(snapshot)).rejects.toMatchObject({ code: "IO_ERROR" });
    // The process exits and starts again over the same disk, no power lost: the new name is there, and
    // the host would release the WAL through it.
    expect((await new SnapshotStore(disk).load(9 as GroupId))?.index).toBe(7);
    expect((await new SnapshotStore(disk.crash({ keepSomeUnsynced: false })).load(9 as GroupId))?.index).toBe(
      7,
    );
  });

  it("checksums snapshot files", () => {
    const snapshot = {
      group,
      index: 42,
      term: 3,
      confState: { voters, votersOutgoing: [], learners: [], learnersNext: [], autoLeave: false },
      data: new Uint8Array([1, 2, 3]),
    } as unknown as Parameters<typeof encodeSnapshot>[0];
    const bytes = encodeSnapshot(snapshot);
    expect(decodeSnapshot(bytes, "x")).toEqual(snapshot);
    const flipped = bytes.slice();
    flipped[bytes.length - 1] = (flipped[bytes.length - 1] as number) ^ 1;
    expect(() => decodeSnapshot(flipped, "x")).toThrow(/CRC32C/);
    expect(() => decodeSnapshot(bytes.subarray(0, 20), "x")).toThrow(/shorter/);
  });
});
