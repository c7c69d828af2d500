/**
 * The Raft host's contract (DESIGN.md §3 rule 1, Raft thesis §3.8):
 * - batches that depend on durable state (votes, append acknowledgements) leave only after the WAL's
 *   fdatasync resolved; batches that do not (a leader's appends) leave at once;
 * - committed entries reach the state machine in order, and a restarted node rebuilds its Raft storage
 *   from exactly what the WAL recovered, then replays the committed prefix;
 * - a failed WAL stops the host (fail-stop) and reports the error;
 * - readIndex resolves with a quorum-confirmed commit index once applied locally (thesis §6.4);
 * - removeGroup stops hosting a group and releases its WAL entries, so its segments are reclaimed;
 * - idle groups quiesce: ticks then cost them nothing and peers exchange only node-level heartbeats.
 */
import { type GroupId, type LogIndex, type NodeId, SeededRng, type Ticks } from "@helixlog/core";
import type { Entry, Message, MultiRaftBatch } from "@helixlog/raft";
import { Wal } from "@helixlog/wal";
import { SimDisk } from "@helixlog/wal/testing";
import { describe, expect, it } from "vitest";
import { RaftHost } from "./raft-host.js";

const group = 7 as GroupId;
const voters = [1, 2, 3] as NodeId[];
const textDecoder = new TextDecoder();

interface TestNode {
  /** fdatasyncs of WAL files so far. */
  walSyncs: number;
  disk: SimDisk;
  wal: Wal;
  host: RaftHost;
  applied: string[];
  heldSyncs: Array<() => void>;
  holdSyncs: boolean;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

async function openNode(
  id: NodeId,
  disk: SimDisk,
  outbox: MultiRaftBatch[],
  node?: TestNode,
  groups: readonly GroupId[] = [group],
): Promise<TestNode> {
  const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 64 * 1024 });
  const applied: string[] = [];
  const host = await RaftHost.open({
    nodeId: id,
    wal,
    groups: groups.map((g) => ({ group: g, voters })),
    rng: new SeededRng(id),
    send: (batch) => outbox.push(batch),
    stateMachine: {
      apply: (_group, entry: Entry) => {
        if (entry.data.length > 0) applied.push(textDecoder.decode(entry.data));
      },
    },
    electionTicks: 10 as Ticks,
  });
  if (node !== undefined) {
    node.host = host;
    node.wal = wal;
    node.applied = applied;
    return node;
  }
  return { disk, wal, host, applied, heldSyncs: [], holdSyncs: false, walSyncs: 0 };
}

async function cluster(
  groups: readonly GroupId[] = [group],
): Promise<{ nodes: Map<NodeId, TestNode>; outbox: MultiRaftBatch[] }> {
  const outbox: MultiRaftBatch[] = [];
  const nodes = new Map<NodeId, TestNode>();
  for (const id of voters) {
    const holder: { node?: TestNode } = {};
    const disk = new SimDisk({
      rng: new SeededRng(100 + id),
      scheduler: (operation, path, complete) => {
        if (operation === "sync" && path.startsWith("wal/") && holder.node !== undefined)
          holder.node.walSyncs++;
        if (operation === "sync" && holder.node?.holdSyncs === true) holder.node.heldSyncs.push(complete);
        else complete();
      },
    });
    holder.node = await openNode(id, disk, outbox, undefined, groups);
    nodes.set(id, holder.node);
  }
  return { nodes, outbox };
}

async function deliverAll(nodes: Map<NodeId, TestNode>, outbox: MultiRaftBatch[]): Promise<void> {
  for (let round = 0; round < 100 && outbox.length > 0; round++) {
    for (const batch of outbox.splice(0)) nodes.get(batch.to)?.host.receive(batch);
    await settle();
  }
}

async function tickAll(nodes: Map<NodeId, TestNode>, outbox: MultiRaftBatch[], ticks: number): Promise<void> {
  for (let tick = 0; tick < ticks; tick++) {
    for (const node of nodes.values()) node.host.tick();
    await settle();
    await deliverAll(nodes, outbox);
  }
}

async function electLeader(
  nodes: Map<NodeId, TestNode>,
  outbox: MultiRaftBatch[],
  of: GroupId = group,
): Promise<TestNode> {
  for (let tick = 0; tick < 200; tick++) {
    for (const node of nodes.values()) node.host.tick();
    await settle();
    await deliverAll(nodes, outbox);
    const leader = [...nodes.values()].find((node) => node.host.view(of).role === "leader");
    if (leader !== undefined) return leader;
  }
  throw new Error("no leader elected");
}

function messagesOf(batches: readonly MultiRaftBatch[]): Message[] {
  return batches.flatMap((batch) => batch.messages);
}

describe("RaftHost", () => {
  it("holds votes and acknowledgements until the WAL is durable (thesis §3.8)", async () => {
    const { nodes, outbox } = await cluster();
    const leader = await electLeader(nodes, outbox);
    const follower = [...nodes.values()].find((node) => node !== leader) as TestNode;
    follower.holdSyncs = true;
    leader.host.propose(group, new TextEncoder().encode("x"));
    await settle();
    const appends = outbox
      .splice(0)
      .filter(
        (batch) =>
          batch.to === follower.host.nodeId && batch.messages.some((m) => m.type === "appendEntries"),
      );
    expect(appends.length).toBeGreaterThan(0);
    for (const batch of appends) follower.host.receive(batch);
    await settle();
    expect(follower.heldSyncs.length).toBeGreaterThan(0);
    const acknowledgements = () =>
      messagesOf(outbox.filter((batch) => batch.from === follower.host.nodeId)).filter(
        (m) => m.type === "appendResponse",
      );
    expect(acknowledgements()).toEqual([]);
    follower.holdSyncs = false;
    for (const complete of follower.heldSyncs.splice(0)) complete();
    await settle();
    expect(acknowledgements().length).toBeGreaterThan(0);
  });

  it("reports every write it handed to the WAL as durable, hard-state-only writes included", async () => {
    const disk = new SimDisk({
      rng: new SeededRng(5),
      scheduler: (_operation, _path, complete) => complete(),
    });
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 64 * 1024 });
    const persisting: string[] = [];
    const durable: string[] = [];
    const describeWrite = (g: GroupId, entries: readonly Entry[], hardState: unknown) =>
      JSON.stringify([g, entries.map((entry) => entry.index), hardState]);
    const host = await RaftHost.open({
      nodeId: 1 as NodeId,
      wal,
      groups: [{ group, voters: [1 as NodeId] }],
      rng: new SeededRng(1),
      send: () => {},
      stateMachine: { apply: () => {} },
      electionTicks: 10 as Ticks,
      observer: {
        onPersisting: (g, entries, hardState) => persisting.push(describeWrite(g, entries, hardState)),
        onDurable: (g, entries, hardState) => durable.push(describeWrite(g, entries, hardState)),
      },
    });
    for (let tick = 0; tick < 30 && host.view(group).role !== "leader"; tick++) {
      host.tick();
      await settle();
    }
    expect(host.view(group).role).toBe("leader");
    // The campaign's vote is a write without entries; the leader's first entry follows.
    expect(persisting.some((write) => write.startsWith(`[${group},[],{`))).toBe(true);
    expect(persisting.some((write) => !write.startsWith(`[${group},[],`))).toBe(true);
    expect(durable).toEqual(persisting);
  });

  it("applies committed entries in order and recovers them from the WAL after a crash", async () => {
    const { nodes, outbox } = await cluster();
    const leader = await electLeader(nodes, outbox);
    for (const value of ["a", "b", "c"]) leader.host.propose(group, new TextEncoder().encode(value));
    await settle();
    await deliverAll(nodes, outbox);
    for (const node of nodes.values()) node.host.tick();
    await settle();
    await deliverAll(nodes, outbox);
    for (const node of nodes.values()) expect(node.applied).toEqual(["a", "b", "c"]);
    const victim = [...nodes.values()].find((node) => node !== leader) as TestNode;
    victim.host.stop();
    const disk = victim.disk.crash();
    victim.disk = disk;
    await openNode(victim.host.nodeId, disk, outbox, victim);
    expect(victim.host.view(group).lastIndex).toBeGreaterThanOrEqual(4);
    for (const node of nodes.values()) node.host.tick();
    await settle();
    await deliverAll(nodes, outbox);
    expect(victim.applied).toEqual(["a", "b", "c"]);
  });

  it("stops and reports when the WAL fails", async () => {
    const { nodes, outbox } = await cluster();
    const leader = await electLeader(nodes, outbox);
    const errors: unknown[] = [];
    leader.disk.failNext({ operation: "sync", fault: "EIO" });
    (leader.host as unknown as { options: { observer: unknown } }).options.observer = {
      onFailure: (error: unknown) => errors.push(error),
    };
    leader.host.propose(group, new TextEncoder().encode("doomed"));
    await settle();
    expect(errors).toHaveLength(1);
    expect(leader.host.failed).toBeDefined();
    outbox.splice(0);
    leader.host.tick();
    expect(outbox).toEqual([]);
  });

  it("readIndex resolves with a quorum-confirmed commit index, applied locally, on leader and follower", async () => {
    const { nodes, outbox } = await cluster();
    const leader = await electLeader(nodes, outbox);
    for (const value of ["a", "b"]) leader.host.propose(group, new TextEncoder().encode(value));
    await settle();
    await deliverAll(nodes, outbox);
    const committed = leader.host.view(group).commit;
    const follower = [...nodes.values()].find((node) => node !== leader) as TestNode;
    const onLeader = leader.host.readIndex(group);
    const onFollower = follower.host.readIndex(group);
    let leaderIndex: LogIndex | undefined;
    onLeader.then((index) => {
      leaderIndex = index;
    });
    // The read point needs a heartbeat round acknowledged by a quorum: nothing resolves before delivery.
    await settle();
    expect(leaderIndex).toBeUndefined();
    await tickAll(nodes, outbox, 3);
    expect(await onLeader).toBe(committed);
    const followerIndex = await onFollower;
    expect(followerIndex).toBe(committed);
    expect(follower.host.view(group).applied).toBeGreaterThanOrEqual(followerIndex);
    expect(follower.applied).toEqual(["a", "b"]);
  });

  it("readIndex fails with TIMEOUT when no quorum answers, and NOT_FOUND-style errors for unknown groups", async () => {
    const { nodes, outbox } = await cluster();
    const leader = await electLeader(nodes, outbox);
    const read = leader.host.readIndex(group);
    const outcome = read.then(
      () => "resolved",
      (error: { code?: string }) => error.code,
    );
    // The followers never hear of it: the leader cannot confirm its leadership.
    for (let tick = 0; tick < 40; tick++) {
      leader.host.tick();
      outbox.splice(0);
      await settle();
    }
    expect(await outcome).toBe("TIMEOUT");
    await expect(leader.host.readIndex(99 as GroupId)).rejects.toMatchObject({ code: "UNKNOWN_GROUP" });
  });

  it("removeGroup stops hosting a group and releases its WAL entries so its segments are reclaimed", async () => {
    const { nodes, outbox } = await cluster();
    const leader = await electLeader(nodes, outbox);
    const payload = "x".repeat(4096);
    for (let round = 0; round < 60; round++) {
      leader.host.propose(group, new TextEncoder().encode(payload));
      await settle();
      await deliverAll(nodes, outbox);
    }
    const follower = [...nodes.values()].find((node) => node !== leader) as TestNode;
    const before = follower.wal.segmentSequences().length;
    expect(before).toBeGreaterThan(2);
    await follower.host.removeGroup(group);
    expect(follower.host.hosts(group)).toBe(false);
    expect(follower.host.groupIds()).toEqual([]);
    const status = follower.wal.status(group);
    expect(status?.compaction.index).toBe(status?.lastIndex);
    // Only the active segment is left: no group holds a live entry in the sealed ones.
    expect(follower.wal.segmentSequences().length).toBe(1);
    // Batches for the removed group are dropped, not fatal.
    await tickAll(nodes, outbox, 5);
    expect(follower.host.failed).toBeUndefined();
  });

  it("persists every group's writes of a round with one fdatasync (group commit)", async () => {
    const groups = Array.from({ length: 5 }, (_, i) => (20 + i) as GroupId);
    const { nodes, outbox } = await cluster(groups);
    for (const g of groups) await electLeader(nodes, outbox, g);
    await tickAll(nodes, outbox, 20);
    // Some node leads at least two of the five groups; a follower then gets both appends in one batch.
    const leader = [...nodes.values()].find(
      (node) => groups.filter((g) => node.host.view(g).role === "leader").length >= 2,
    ) as TestNode;
    const led = groups.filter((g) => leader.host.view(g).role === "leader");
    // The first proposal starts a round at once; the others arrive while its fdatasync is held, so the
    // next round carries all of them: one batch per follower with an append for each of those groups.
    leader.holdSyncs = true;
    for (const g of led) leader.host.propose(g, new TextEncoder().encode(`to-${g}`));
    await settle();
    leader.holdSyncs = false;
    for (const complete of leader.heldSyncs.splice(0)) complete();
    await settle();
    const groupsIn = (batch: MultiRaftBatch) =>
      new Set(batch.messages.filter((m) => m.type === "appendEntries").map((m) => m.group)).size;
    const toFollower = outbox.splice(0).find((batch) => groupsIn(batch) >= 2) as MultiRaftBatch;
    expect(toFollower).toBeDefined();
    const follower = nodes.get(toFollower.to) as TestNode;
    const before = follower.walSyncs;
    follower.host.receive(toFollower);
    await settle();
    expect(follower.walSyncs - before).toBe(1);
    expect(follower.host.statistics.walAppends).toBeGreaterThanOrEqual(led.length);
  });

  it("stops and reports when finishing a round that waited for the WAL fails", async () => {
    const { nodes, outbox } = await cluster();
    const leader = await electLeader(nodes, outbox);
    const errors: unknown[] = [];
    const options = (leader.host as unknown as { options: { observer: unknown; stateMachine: unknown } })
      .options;
    options.observer = { onFailure: (error: unknown) => errors.push(error) };
    options.stateMachine = {
      apply: () => {
        throw new Error("state machine broken");
      },
    };
    leader.host.propose(group, new TextEncoder().encode("unappliable"));
    await deliverAll(nodes, outbox);
    expect(errors).toEqual([new Error("state machine broken")]);
    expect(leader.host.failed).toBe(errors[0]);
    expect(leader.host.busy).toBe(false);
  });

  it("quiesces idle groups: ticks then send only node-level heartbeats", async () => {
    const groups = Array.from({ length: 50 }, (_, i) => (10 + i) as GroupId);
    const { nodes, outbox } = await cluster(groups);
    for (const g of groups) await electLeader(nodes, outbox, g);
    await tickAll(nodes, outbox, 30);
    for (const node of nodes.values()) expect(node.host.multiRaft.awakeGroupCount()).toBe(0);
    const sent: MultiRaftBatch[] = [];
    for (let tick = 0; tick < 10; tick++) {
      for (const node of nodes.values()) node.host.tick();
      await settle();
      sent.push(...outbox);
      await deliverAll(nodes, outbox);
    }
    expect(messagesOf(sent)).toEqual([]);
    expect(sent.flatMap((batch) => batch.heartbeats)).toEqual([]);
    expect(sent.length).toBeGreaterThan(0);
  });
});
