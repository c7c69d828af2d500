/**
 * The Raft host's contract (DESIGN.md §3 rule 1, Raft thesis §3.8):
 * - messages that depend on durable state (votes, append acknowledgements) leave only after the WAL's
 *   fdatasync resolved; messages that do not (a leader's appends) leave at once;
 * - committed entries reach the state machine in order, and a restarted node rebuilds its Raft storage
 *   from exactly what the WAL recovered, then replays the committed prefix;
 * - a failed WAL stops the host (fail-stop) and reports the error.
 */
import { type GroupId, type NodeId, SeededRng, type Ticks } from "@helixlog/core";
import type { Entry, Message } from "@helixlog/raft";
import { Wal } from "@helixlog/wal";
import { SimDisk } from "@helixlog/wal/testing";
import { describe, expect, it } from "vitest";
import { RaftHost } from "./raft-host.js";

const group = 7 as GroupId;
const voters = [1, 2, 3] as NodeId[];
const textDecoder = new TextDecoder();

interface TestNode {
  disk: SimDisk;
  host: RaftHost;
  applied: string[];
  heldSyncs: Array<() => void>;
  holdSyncs: boolean;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

async function openNode(id: NodeId, disk: SimDisk, outbox: Message[], node?: TestNode): Promise<TestNode> {
  const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 64 * 1024 });
  const applied: string[] = [];
  const host = await RaftHost.open({
    nodeId: id,
    wal,
    groups: [{ group, voters }],
    rng: new SeededRng(id),
    send: (message) => outbox.push(message),
    stateMachine: {
      apply: (_group, entry: Entry) => {
        if (entry.data.length > 0) applied.push(textDecoder.decode(entry.data));
      },
    },
    electionTicks: 10 as Ticks,
  });
  if (node !== undefined) {
    node.host = host;
    node.applied = applied;
    return node;
  }
  return { disk, host, applied, heldSyncs: [], holdSyncs: false };
}

async function cluster(): Promise<{ nodes: Map<NodeId, TestNode>; outbox: Message[] }> {
  const outbox: Message[] = [];
  const nodes = new Map<NodeId, TestNode>();
  for (const id of voters) {
    const holder: { node?: TestNode } = {};
    const disk = new SimDisk({
      rng: new SeededRng(100 + id),
      scheduler: (operation, _path, complete) => {
        if (operation === "sync" && holder.node?.holdSyncs === true) holder.node.heldSyncs.push(complete);
        else complete();
      },
    });
    holder.node = await openNode(id, disk, outbox);
    nodes.set(id, holder.node);
  }
  return { nodes, outbox };
}

async function deliverAll(nodes: Map<NodeId, TestNode>, outbox: Message[]): Promise<void> {
  for (let round = 0; round < 100 && outbox.length > 0; round++) {
    for (const message of outbox.splice(0)) nodes.get(message.to)?.host.receive(message);
    await settle();
  }
}

async function electLeader(nodes: Map<NodeId, TestNode>, outbox: Message[]): Promise<TestNode> {
  for (let tick = 0; tick < 200; tick++) {
    for (const node of nodes.values()) node.host.tick();
    await settle();
    await deliverAll(nodes, outbox);
    const leader = [...nodes.values()].find((node) => node.host.view(group).role === "leader");
    if (leader !== undefined) return leader;
  }
  throw new Error("no leader elected");
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
      .filter((m) => m.type === "appendEntries" && m.to === follower.host.nodeId);
    expect(appends.length).toBeGreaterThan(0);
    for (const message of appends) follower.host.receive(message);
    await settle();
    expect(follower.heldSyncs.length).toBeGreaterThan(0);
    expect(outbox.filter((m) => m.from === follower.host.nodeId && m.type === "appendResponse")).toEqual([]);
    follower.holdSyncs = false;
    for (const complete of follower.heldSyncs.splice(0)) complete();
    await settle();
    expect(outbox.some((m) => m.from === follower.host.nodeId && m.type === "appendResponse")).toBe(true);
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
});
