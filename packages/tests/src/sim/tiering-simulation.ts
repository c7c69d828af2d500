/**
 * Tiered storage in the simulator (issue 11): three HelixNodes, unchanged, on simulated disks, with one
 * SimObjectStore as the cluster's bucket. One seed drives every fault:
 *   - the store fails calls (UNAVAILABLE), loses acknowledgements of puts that did store the object, is
 *     slow (calls wait on the simulated clock), and "crashes" (every waiting call fails; an interrupted put
 *     stored all or nothing);
 *   - nodes crash (unsynced bytes lost) and restart, also in the middle of an upload;
 *   - nodes are cut off the network for a while (leader changes mid-upload), messages are dropped.
 * A producer writes acks=all batches to a topic with tiering on, tiny segments and local.retention.bytes 0,
 * so segments are tiered and deleted locally all the time. Total retention is unlimited: nothing may
 * ever become unreadable.
 *
 * Checkers:
 *   - "no manifest entry points at a missing or corrupt object": on every running replica, every entry
 *     of its applied manifest names an object the store holds whole, with the entry's size and CRC32C,
 *     whose footer names the entry's offsets (checked every `checkEverySteps` steps and at the end);
 *   - "every committed offset is readable from local or remote storage": acknowledged offsets, sampled
 *     during the run on a running replica and all of them on every replica at the end, read back with
 *     the value that was acknowledged (the read is retried while the store fails it: a transient fault
 *     is not data loss).
 * The driver is a plain stepped loop like the in-process test cluster (packages/server test-support):
 * deterministic for a seed as far as promise scheduling is.
 */
import {
  batchNextOffset,
  crc32c,
  decodeRecords,
  encodeRecordBatch,
  HelixError,
  ManualClock,
  type NodeId,
  nodeId,
  readRecordBatchHeader,
  SeededRng,
} from "@helixlog/core";
import { HelixNode, type NodeEnvelope } from "@helixlog/server";
import { decodeTieredObjectFooter, tieredObjectFooterBytes } from "@helixlog/tier";
import { noFaults, type Scheduler, SimObjectStore, type SimObjectStoreFaults } from "@helixlog/tier/testing";
import { SimDisk } from "@helixlog/wal/testing";
import { SimulationViolation } from "./checkers.js";

export interface TieringSimulationOptions {
  readonly seed: number;
  readonly steps?: number;
  /** Breaks the system on purpose, to show a checker fails. */
  readonly mutation?: "corrupt-object" | "drop-object";
  /** Runs without the manifest checker, to show the readability checker catches a broken store alone. */
  readonly skipManifestChecker?: boolean;
}

const topic = "tiered";
const ids = [1, 2, 3].map((id) => nodeId(id));
const checkEverySteps = 25;
const storeFaults: SimObjectStoreFaults = {
  failureProbability: 0.1,
  lostAcknowledgementProbability: 0.3,
  slowProbability: 0.2,
  slowDelayMsMax: 3_000,
};

interface Acknowledged {
  readonly offset: number;
  readonly value: string;
}

/** Slow store calls wait on the simulated clock. */
class ClockScheduler implements Scheduler {
  private waiting: { at: number; resolve: () => void }[] = [];
  constructor(private readonly clock: ManualClock) {}
  sleep(durationMs: number): Promise<void> {
    return new Promise((resolve) => this.waiting.push({ at: this.clock.nowMs() + durationMs, resolve }));
  }
  wake(): void {
    const now = this.clock.nowMs();
    const due = this.waiting.filter((wait) => wait.at <= now);
    this.waiting = this.waiting.filter((wait) => wait.at > now);
    for (const wait of due) wait.resolve();
  }
}

export interface TieringSimulationResult {
  readonly seed: number;
  readonly acknowledged: number;
  /** Objects in the leader's manifest at the end, and the offset tiering reached. */
  readonly objects: number;
  readonly tieredEnd: number;
  readonly highWatermark: number;
  readonly remoteReads: number;
  readonly crashes: number;
  readonly isolations: number;
}

export async function runTieringSimulation(
  options: TieringSimulationOptions,
): Promise<TieringSimulationResult> {
  const rng = new SeededRng(options.seed);
  const clock = new ManualClock();
  const scheduler = new ClockScheduler(clock);
  const store = new SimObjectStore(rng.split(), storeFaults, scheduler);
  const disks = new Map<NodeId, SimDisk>();
  const nodes = new Map<NodeId, HelixNode>();
  const isolated = new Map<NodeId, number>();
  const inbox: [NodeId, NodeId, NodeEnvelope][] = [];
  const acknowledged: Acknowledged[] = [];
  let produced = 0;
  let crashes = 0;
  let isolations = 0;
  let remoteReads = 0;

  const start = async (id: NodeId, disk: SimDisk) => {
    disks.set(id, disk);
    const node = await HelixNode.open({
      nodeId: id,
      voters: ids,
      addresses: {
        kafkaAddress: `127.0.0.1:${9091 + id}`,
        grpcAddress: `127.0.0.1:${9189 + id}`,
        peerAddress: `127.0.0.1:${9289 + id}`,
        rack: undefined,
      },
      disk,
      rng: rng.split(),
      clock,
      send: (to, envelope) => inbox.push([id, to, envelope]),
      objectStore: store,
      snapshotPolicy: { afterEntries: 40, trailingEntries: 10 },
      tierOrphanListEveryTicks: 100,
      // A node stopped by a storage failure of a crashed disk view is simply gone.
      onFailure: () => {},
    });
    nodes.set(id, node);
  };

  const step = async () => {
    clock.advance(100);
    scheduler.wake();
    for (const node of nodes.values()) node.tick();
    for (let round = 0; round < 50 && inbox.length > 0; round++) {
      for (const [from, to, envelope] of inbox.splice(0)) {
        if (isolated.has(from) || isolated.has(to) || rng.chance(0.02)) continue;
        nodes.get(to)?.receive(from, envelope);
      }
      await settle();
    }
    await settle();
  };

  const leaderOf = (): HelixNode | undefined =>
    [...nodes.values()].find(
      (node) =>
        !isolated.has(node.nodeId) && safely(() => node.partitionLeader(topic, 0)?.leader) === node.nodeId,
    );

  for (const id of ids) await start(id, new SimDisk({ rng: new SeededRng(options.seed * 10 + id) }));
  await until(
    step,
    () => [...nodes.values()].every((node) => node.listNodes().length === 3),
    "nodes registered",
  );
  const creator = [...nodes.values()].find((node) => node.isControllerLeader()) as HelixNode;
  const created = creator.createTopic({
    name: topic,
    partitions: 1,
    replicationFactor: 3,
    config: {
      "tiering.enabled": "true",
      "segment.bytes": "2048",
      "local.retention.bytes": "0",
      "retention.ms": "-1",
    },
  });
  await until(step, () => leaderOf() !== undefined, "partition leader");
  await created;

  const corrupted = new Set<string>();
  const steps = options.steps ?? 600;
  for (let index = 0; index < steps; index++) {
    // Produce: one acks=all batch of three records most steps.
    const leader = leaderOf();
    if (leader !== undefined && rng.chance(0.6)) {
      const values = [0, 1, 2].map((i) => `r${produced + i}`);
      produced += values.length;
      leader.produce(topic, 0, batchOf(values, clock.nowMs()), "all").then(
        (result) => {
          for (const [i, value] of values.entries())
            acknowledged.push({ offset: result.baseOffset + i, value });
        },
        () => {},
      );
    }
    // Faults.
    if (rng.chance(0.01)) store.crash();
    if (rng.chance(0.008)) {
      const victim = ids[rng.integer(0, ids.length)] as NodeId;
      if (nodes.has(victim)) {
        crashes++;
        nodes.delete(victim);
        await start(victim, (disks.get(victim) as SimDisk).crash({ keepSomeUnsynced: rng.chance(0.5) }));
      }
    }
    if (isolated.size === 0 && rng.chance(0.01)) {
      const target = leaderOf() ?? (nodes.get(ids[0] as NodeId) as HelixNode);
      isolations++;
      isolated.set(target.nodeId, index + 20 + rng.integer(0, 40));
    }
    for (const [id, until] of isolated) if (until <= index) isolated.delete(id);
    if (options.mutation !== undefined && index > steps / 2 && corrupted.size === 0) {
      const entry = leaderOf()?.tierManifest(topic, 0).entries[0];
      if (entry !== undefined) {
        corrupted.add(entry.objectKey);
        if (options.mutation === "corrupt-object") store.corrupt(entry.objectKey);
        else await store.delete(entry.objectKey);
      }
    }
    await step();
    if (index % checkEverySteps === 0) {
      if (!options.skipManifestChecker) await checkManifests(nodes, store, options.seed);
      const sample = acknowledged[rng.integer(0, Math.max(1, acknowledged.length))];
      const reader = [...nodes.values()][rng.integer(0, Math.max(1, nodes.size))];
      if (sample !== undefined && reader !== undefined)
        await checkReadable(reader, [sample], store, step, options.seed, storeFaults);
    }
  }

  // Heal: no more faults; every replica catches up and agrees on the manifest; then read everything.
  isolated.clear();
  store.setFaults(noFaults);
  const highWatermark = () =>
    Math.max(...[...nodes.values()].map((node) => safely(() => node.highWatermark(topic, 0)) ?? 0));
  await until(
    step,
    () =>
      [...nodes.values()].every(
        (node) =>
          safely(() => node.highWatermark(topic, 0)) === highWatermark() &&
          safely(() => Buffer.from(node.tierManifest(topic, 0).snapshot()).toString("hex")) ===
            safely(() =>
              Buffer.from((leaderOf() as HelixNode).tierManifest(topic, 0).snapshot()).toString("hex"),
            ),
      ),
    "replicas agree after healing",
    3_000,
  );
  if (!options.skipManifestChecker) await checkManifests(nodes, store, options.seed);
  for (const node of nodes.values()) {
    await checkReadable(node, acknowledged, store, step, options.seed, noFaults);
    const status = node.tierStatus();
    remoteReads += status.remoteReads;
  }
  const finalLeader = leaderOf() as HelixNode;
  const manifest = finalLeader.tierManifest(topic, 0);
  return {
    seed: options.seed,
    acknowledged: acknowledged.length,
    objects: manifest.entries.length,
    tieredEnd: manifest.tieredEndOffset,
    highWatermark: finalLeader.highWatermark(topic, 0),
    remoteReads,
    crashes,
    isolations,
  };
}

function batchOf(values: readonly string[], timestamp: number): Uint8Array {
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: timestamp,
    records: values.map((value, offsetDelta) => ({
      timestampDelta: 0,
      offsetDelta,
      key: null,
      value: new TextEncoder().encode(value),
      headers: [],
    })),
  });
}

/** No manifest entry points at a missing or corrupt object, on any running replica. */
async function checkManifests(
  nodes: Map<NodeId, HelixNode>,
  store: SimObjectStore,
  seed: number,
): Promise<void> {
  for (const node of nodes.values()) {
    const manifest = safely(() => node.tierManifest(topic, 0));
    if (manifest === undefined) continue;
    for (const entry of manifest.entries) {
      const body = store.peek(entry.objectKey);
      const problem =
        body === undefined
          ? "is missing"
          : body.length !== entry.sizeBytes
            ? `holds ${body.length} bytes, the entry says ${entry.sizeBytes}`
            : crc32c(body) !== entry.crc32c
              ? "fails the entry's CRC32C"
              : footerProblem(body, entry.baseOffset, entry.endOffset);
      if (problem !== undefined) {
        throw new SimulationViolation(
          "manifest-objects",
          `seed ${seed}: node ${node.nodeId}'s manifest entry [${entry.baseOffset}, ${entry.endOffset}) names object ${entry.objectKey}, which ${problem}`,
        );
      }
    }
  }
}

function footerProblem(body: Uint8Array, base: number, end: number): string | undefined {
  try {
    const footer = decodeTieredObjectFooter(
      body.subarray(body.length - tieredObjectFooterBytes),
      body.length,
    );
    if (footer.baseOffset !== base || footer.endOffset !== end)
      return `holds offsets [${footer.baseOffset}, ${footer.endOffset})`;
    return undefined;
  } catch (error) {
    return `has a bad footer (${(error as Error).message})`;
  }
}

/**
 * Every acknowledged offset reads back with its value on `node`, from local or remote storage. Store
 * faults are lifted during the check (a failed remote read is not lost data); a replica that has not
 * applied the offset yet is given steps to catch up.
 */
async function checkReadable(
  node: HelixNode,
  offsets: readonly Acknowledged[],
  store: SimObjectStore,
  step: () => Promise<void>,
  seed: number,
  faultsAfter: SimObjectStoreFaults,
): Promise<void> {
  const wanted = new Map(offsets.map((ack) => [ack.offset, ack.value]));
  const last = Math.max(...wanted.keys());
  for (let attempt = 0; attempt < 100 && (safely(() => node.highWatermark(topic, 0)) ?? 0) <= last; attempt++)
    await step();
  if ((safely(() => node.highWatermark(topic, 0)) ?? 0) <= last) return; // A replica cut off or restarting.
  store.setFaults(noFaults);
  try {
    const found = new Map<number, string>();
    const sorted = [...wanted.keys()].sort((a, b) => a - b);
    let cursor = sorted[0] as number;
    while (cursor <= last) {
      const result = await node.fetch(topic, 0, cursor, 4096);
      if (result.batches.length === 0) break;
      for (const batch of result.batches) {
        const header = readRecordBatchHeader(batch);
        for (const record of decodeRecords(batch))
          found.set(
            header.baseOffset + record.offsetDelta,
            new TextDecoder().decode(record.value as Uint8Array),
          );
        cursor = batchNextOffset(header);
      }
      // A sampled check needs only the batch holding its offset.
      if (sorted.length === 1) break;
    }
    for (const [offset, value] of wanted) {
      if (found.get(offset) !== value) {
        throw new SimulationViolation(
          "committed-readable",
          `seed ${seed}: node ${node.nodeId} reads ${JSON.stringify(found.get(offset))} at acknowledged offset ${offset}, expected ${value}`,
        );
      }
    }
  } catch (error) {
    if (error instanceof SimulationViolation) throw error;
    if (HelixError.isInstance(error) && (error.code === "UNKNOWN_TOPIC" || error.code === "NOT_LEADER"))
      return;
    throw new SimulationViolation(
      "committed-readable",
      `seed ${seed}: node ${node.nodeId} cannot read acknowledged offsets: ${(error as Error).message}`,
    );
  } finally {
    store.setFaults(faultsAfter);
  }
}

async function until(
  step: () => Promise<void>,
  condition: () => boolean,
  what: string,
  steps = 600,
): Promise<void> {
  for (let index = 0; index < steps; index++) {
    if (condition()) return;
    await step();
  }
  throw new Error(`not reached within ${steps} steps: ${what}`);
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
