/**
 * Micro-benchmark: proposals committed per second by a 3-node in-memory cluster, for several batch
 * sizes (proposals submitted between two Ready cycles; the leader sends them as one append per
 * follower). Storage is MemoryStorage, the network a direct in-process hand-off, so this measures the
 * state machine's own cost, not disks or sockets. Each configuration runs for a fixed wall time;
 * the whole script stays well under a minute.
 *
 *   npx tsx packages/raft/bench/raft-bench.ts      (or: npm run bench -- raft)
 *
 * Workspace packages resolve to their sources through the "source" export condition; when started
 * without it (plain `npx tsx`), the script re-runs itself with it.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LogIndex } from "@helixlog/core";
import type { MemoryStorage as MemoryStorageType, Message, RaftNode as RaftNodeType } from "../src/index.js";

if (!process.execArgv.some((argument) => argument.includes("conditions=source") || argument === "source")) {
  const result = spawnSync(
    process.execPath,
    ["--conditions=source", "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(result.status ?? 1);
}

const { groupId, nodeId, SeededRng, ticks } = await import("@helixlog/core");
const { MemoryStorage, RaftNode } = await import("../src/index.js");
type MemoryStorage = MemoryStorageType;
type RaftNode = RaftNodeType;

const voters = [1, 2, 3];
const payloadBytes = 256;
const secondsPerRun = 4;

interface BenchNode {
  readonly node: RaftNode;
  readonly storage: MemoryStorage;
}

function createCluster(): Map<number, BenchNode> {
  const cluster = new Map<number, BenchNode>();
  const confState = {
    voters: voters.map(nodeId),
    votersOutgoing: [],
    learners: [],
    learnersNext: [],
    autoLeave: false,
  };
  for (const id of voters) {
    const storage = MemoryStorage.bootstrapped(confState);
    const node = new RaftNode(
      {
        id: nodeId(id),
        group: groupId(1),
        rng: new SeededRng(id),
        electionTicks: ticks(10),
        heartbeatTicks: ticks(1),
      },
      storage,
    );
    cluster.set(id, { node, storage });
  }
  return cluster;
}

/** One host cycle on every node; returns the messages to deliver and how many entries were applied. */
function cycle(cluster: Map<number, BenchNode>, leaderId: number): { messages: Message[]; applied: number } {
  const messages: Message[] = [];
  let applied = 0;
  for (const [id, { node, storage }] of cluster) {
    if (!node.hasReady()) continue;
    const ready = node.ready();
    messages.push(...ready.messages);
    if (ready.snapshot !== undefined) storage.applySnapshot(ready.snapshot);
    storage.append(ready.entries);
    if (ready.hardState !== undefined) storage.setHardState(ready.hardState);
    messages.push(...ready.messagesAfterPersist);
    if (id === leaderId) applied += ready.committedEntries.length;
    node.advance();
    // Keep memory bounded: snapshot and compact well behind the applied index.
    const appliedIndex = node.appliedIndex();
    if (appliedIndex - storage.firstIndex() > 200_000) {
      const keepFrom = (appliedIndex - 10_000) as LogIndex;
      storage.createSnapshot(keepFrom, node.confState(), new Uint8Array(0));
      storage.compact(keepFrom);
    }
  }
  return { messages, applied };
}

function deliver(cluster: Map<number, BenchNode>, messages: Message[]): void {
  for (const message of messages) cluster.get(message.to)?.node.step(message);
}

function run(batch: number): { committedPerSecond: number; appendsPerSecond: number } {
  const cluster = createCluster();
  const leader = cluster.get(1)?.node;
  if (leader === undefined) throw new Error("no node 1");
  leader.campaign();
  for (let round = 0; round < 20; round++) deliver(cluster, cycle(cluster, 1).messages);
  if (leader.raft.role !== "leader") throw new Error("node 1 did not become leader");
  const payload = new Uint8Array(payloadBytes);
  let committed = 0;
  let messagesSent = 0;
  const started = performance.now();
  const deadline = started + secondsPerRun * 1000;
  let rounds = 0;
  while (performance.now() < deadline) {
    for (let i = 0; i < batch; i++) leader.propose(payload);
    // Two cycles move a batch from proposal to commit: append out, acknowledgements back.
    for (let step = 0; step < 2; step++) {
      const { messages, applied } = cycle(cluster, 1);
      committed += applied;
      messagesSent += messages.length;
      deliver(cluster, messages);
    }
    if (++rounds % 64 === 0) leader.tick();
  }
  const seconds = (performance.now() - started) / 1000;
  return { committedPerSecond: committed / seconds, appendsPerSecond: messagesSent / seconds };
}

console.log(`raft: 3 in-memory nodes, ${payloadBytes}-byte proposals, ${secondsPerRun} s per batch size\n`);
console.log("| proposals per Ready cycle | proposals committed/s | messages/s |");
console.log("|---:|---:|---:|");
for (const batch of [1, 16, 256, 1024]) {
  const { committedPerSecond, appendsPerSecond } = run(batch);
  const format = (value: number) => Math.round(value).toLocaleString("en-US");
  console.log(`| ${batch} | ${format(committedPerSecond)} | ${format(appendsPerSecond)} |`);
}
