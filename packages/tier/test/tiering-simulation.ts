/**
 * A seeded simulation of one partition's tiering across three replicas over a faulty SimObjectStore:
 * appends, segment rolls (each replica rolls at its own size, so segment boundaries differ), uploads
 * that fail, lose their acknowledgement or are interrupted, leader changes and crashes in the middle of
 * uploads, proposals that commit late or are dropped, retention, local deletion and orphan cleanup.
 * Every step is followed by the two checkers; the first violation ends the run with its description.
 *
 * `variant` deliberately breaks the system so the tests can see each checker fail (STYLE.md rule 15).
 */
import {
  crc32c,
  encodeRecordBatch,
  type Offset,
  offset,
  partitionId,
  SeededRng,
  type Term,
  term,
  topicId,
} from "@helixlog/core";
import {
  decodeTieredObjectFooter,
  encodeTieredObject,
  type ManifestCommand,
  type SealedSegment,
  type TieringConfig,
  TieringPartition,
  TierManifest,
  tieredObjectFooterBytes,
  type UploadClaim,
  uploadClaimedSegment,
} from "../src/index.js";
import { SimObjectStore } from "../src/testing/index.js";

export type SimulationVariant = "correct" | "propose-before-upload" | "delete-local-before-commit";

export interface SimulationResult {
  readonly failure: string | undefined;
  readonly stats: Record<string, number>;
}

const topic = topicId("6a1f0c2e-4b7d-4e8a-9c3b-2d5e6f708192");
const partition = partitionId(3);
const retentionMs = 40_000;
const config: TieringConfig = {
  enabled: true,
  localRetentionBytes: 1500,
  localRetentionMs: -1,
  retentionBytes: -1,
  retentionMs,
};

interface Batch {
  readonly baseOffset: number;
  readonly endOffset: number;
  readonly timestampMs: number;
  readonly bytes: Uint8Array;
}

interface Replica {
  tiering: TieringPartition;
  readonly rollBatches: number;
  /** Sealed local segments by base offset, with their bytes. */
  readonly segments: Map<number, { segment: SealedSegment; bytes: Uint8Array }>;
  active: Batch[];
}

interface UploadTask {
  readonly replica: number;
  readonly claim: UploadClaim;
  readonly bytes: Uint8Array;
}

export async function runTieringSimulation(
  seed: number,
  variant: SimulationVariant = "correct",
  steps = 600,
): Promise<SimulationResult> {
  const rng = new SeededRng(seed);
  const store = new SimObjectStore(rng.split(), {
    failureProbability: 0.15,
    lostAcknowledgementProbability: 0.3,
    slowProbability: 0,
    slowDelayMsMax: 0,
  });
  const stats: Record<string, number> = {};
  const count = (name: string) => {
    stats[name] = (stats[name] ?? 0) + 1;
  };
  const replicas: Replica[] = [0, 1, 2].map((index) => ({
    tiering: new TieringPartition(topic, partition, config),
    rollBatches: 3 + index,
    segments: new Map(),
    active: [],
  }));
  const batches: Batch[] = [];
  let nowMs = 1_000_000;
  let currentTerm: Term = term(1);
  let leader = 0;
  const pending: Array<{ command: ManifestCommand; proposer: number }> = [];
  let tasks: UploadTask[] = [];
  const announceLeadership = () => {
    for (const [index, replica] of replicas.entries())
      replica.tiering.onLeadership(currentTerm, index === leader);
  };
  announceLeadership();

  const commit = (command: ManifestCommand) => {
    count(`commit-${command.type}`);
    for (const replica of replicas) replica.tiering.applyCommitted(command);
  };

  const append = () => {
    const endOffset = batches.at(-1)?.endOffset ?? 0;
    const records = Array.from({ length: rng.integer(1, 4) }, (_, index) => ({
      timestampDelta: 0,
      offsetDelta: index,
      key: null,
      value: new Uint8Array(rng.integer(20, 120)),
      headers: [],
    }));
    const bytes = encodeRecordBatch({ baseOffset: endOffset, baseTimestamp: nowMs, records });
    const batch = { baseOffset: endOffset, endOffset: endOffset + records.length, timestampMs: nowMs, bytes };
    batches.push(batch);
    for (const replica of replicas) {
      replica.active.push(batch);
      if (replica.active.length >= replica.rollBatches) seal(replica);
    }
  };

  const seal = (replica: Replica) => {
    const first = replica.active[0] as Batch;
    const last = replica.active.at(-1) as Batch;
    const bytes = concat(replica.active.map((batch) => batch.bytes));
    const segment: SealedSegment = {
      baseOffset: offset(first.baseOffset),
      endOffset: offset(last.endOffset),
      sizeBytes: bytes.length,
      maxTimestampMs: last.timestampMs,
    };
    replica.segments.set(first.baseOffset, { segment, bytes });
    replica.tiering.onSegmentSealed(segment);
    replica.active = [];
  };

  const changeLeader = () => {
    count("leader-change");
    // Proposals of the old leader were either replicated (and commit before the new fence) or lost.
    for (const { command } of pending.splice(0)) {
      if (rng.chance(0.5)) commit(command);
      else replicas[leader]?.tiering.onProposalDropped(command);
    }
    leader = rng.integer(0, replicas.length);
    currentTerm = term(currentTerm + 1);
    announceLeadership();
  };

  const crashLeader = async () => {
    count("crash");
    const crashed = replicas[leader] as Replica;
    // Uploads in flight on the crashed node: some puts landed whole, none was reported.
    for (const task of tasks.filter((candidate) => candidate.replica === leader)) {
      if (rng.chance(0.5))
        await store
          .put(task.claim.objectKey, task.bytes, { crc32c: crc32c(task.bytes) })
          .catch(() => undefined);
    }
    tasks = tasks.filter((task) => task.replica !== leader);
    // Restart from the manifest snapshot and the sealed segments on disk.
    crashed.tiering = new TieringPartition(
      topic,
      partition,
      config,
      TierManifest.restore(crashed.tiering.manifest.snapshot()),
    );
    for (const { segment } of crashed.segments.values()) crashed.tiering.onSegmentSealed(segment);
    changeLeader();
  };

  const claimUploads = () => {
    const replica = replicas[leader] as Replica;
    for (const claim of replica.tiering.claimUploads(nowMs)) {
      count("claim");
      const local = replica.segments.get(claim.segment.baseOffset);
      if (local === undefined) throw new Error("claimed a segment that is not on disk");
      const object = encodeTieredObject(local.bytes, 200);
      tasks.push({ replica: leader, claim, bytes: object.bytes });
      if (variant === "propose-before-upload") {
        pending.push({
          command: {
            type: "add",
            entry: {
              objectKey: claim.objectKey,
              baseOffset: claim.segment.baseOffset,
              endOffset: claim.segment.endOffset,
              sizeBytes: object.bytes.length,
              crc32c: object.crc32c,
              term: claim.term,
              maxTimestampMs: claim.segment.maxTimestampMs,
            },
          },
          proposer: leader,
        });
      }
    }
  };

  const progressUpload = async () => {
    const index = rng.integer(0, tasks.length);
    const task = tasks[index] as UploadTask;
    tasks.splice(index, 1);
    const outcome = await uploadClaimedSegment(store, task.claim, task.bytes);
    const tiering = (replicas[task.replica] as Replica).tiering;
    if (outcome.ok) tiering.onUploadSucceeded(task.claim, outcome.uploaded, outcome.head, nowMs);
    else tiering.onUploadFailed(task.claim, nowMs);
    count(outcome.ok ? "upload-ok" : "upload-failed");
  };

  const propose = () => {
    for (const command of (replicas[leader] as Replica).tiering.proposals(nowMs))
      pending.push({ command, proposer: leader });
  };

  const deleteRemote = async () => {
    const tiering = (replicas[leader] as Replica).tiering;
    for (const key of tiering.remoteObjectsToDelete()) {
      try {
        await store.delete(key);
        tiering.onRemoteObjectDeleted(key);
        count("remote-delete");
      } catch {
        tiering.onRemoteDeleteFailed(key);
      }
    }
  };

  const deleteLocal = () => {
    for (const replica of replicas) {
      const deletable =
        variant === "delete-local-before-commit"
          ? naiveLocalDeletion(replica)
          : replica.tiering.localSegmentsToDelete(nowMs);
      for (const segment of deletable) {
        replica.segments.delete(segment.baseOffset);
        replica.tiering.onLocalSegmentDeleted(segment.baseOffset);
        count("local-delete");
      }
    }
  };

  const listOrphans = async () => {
    const tiering = (replicas[leader] as Replica).tiering;
    try {
      tiering.onObjectListing(await store.list(tiering.keyPrefix));
    } catch {
      count("list-failed");
    }
  };

  for (let step = 0; step < steps; step++) {
    nowMs += rng.integer(0, 400);
    const roll = rng.integer(0, 100);
    if (roll < 25) append();
    else if (roll < 35) claimUploads();
    else if (roll < 55 && tasks.length > 0) await progressUpload();
    else if (roll < 65) propose();
    else if (roll < 78 && pending.length > 0) {
      const next = pending.shift() as { command: ManifestCommand };
      commit(next.command);
    } else if (roll < 84) deleteLocal();
    else if (roll < 88) await deleteRemote();
    else if (roll < 92) await listOrphans();
    else if (roll < 95) changeLeader();
    else if (roll < 97) await crashLeader();
    const failure = checkManifestObjects(replicas, store) ?? checkReadable(replicas, batches, store, nowMs);
    if (failure !== undefined) return { failure: `seed ${seed} step ${step}: ${failure}`, stats };
  }
  return { failure: undefined, stats };
}

/** The broken variant's rule: delete by local retention alone, without waiting for the manifest. */
function naiveLocalDeletion(replica: Replica): SealedSegment[] {
  const sorted = [...replica.segments.values()]
    .map((local) => local.segment)
    .sort((a, b) => a.baseOffset - b.baseOffset);
  let remaining = sorted.reduce((total, segment) => total + segment.sizeBytes, 0);
  const deletable: SealedSegment[] = [];
  for (const segment of sorted) {
    if (remaining - segment.sizeBytes < config.localRetentionBytes) break;
    remaining -= segment.sizeBytes;
    deletable.push(segment);
  }
  return deletable;
}

/**
 * Checker: no manifest entry points at a missing or corrupt object. Every replica's manifest is the
 * same (they apply the same log), and every entry's object exists with the recorded size and CRC32C
 * and a footer naming the entry's offsets.
 */
export function checkManifestObjects(
  replicas: readonly Replica[],
  store: SimObjectStore,
): string | undefined {
  const images = replicas.map((replica) => replica.tiering.manifest.snapshot());
  for (const image of images.slice(1)) {
    if (!equalBytes(image, images[0] as Uint8Array)) return "replicas disagree on the manifest";
  }
  for (const entry of (replicas[0] as Replica).tiering.manifest.entries) {
    const problem = objectProblem(store, entry);
    if (problem !== undefined)
      return `manifest entry ${entry.objectKey} [${entry.baseOffset}, ${entry.endOffset}): ${problem}`;
  }
  return undefined;
}

function objectProblem(
  store: SimObjectStore,
  entry: { objectKey: string; sizeBytes: number; crc32c: number; baseOffset: Offset; endOffset: Offset },
): string | undefined {
  const bytes = store.peek(entry.objectKey);
  if (bytes === undefined) return "object missing";
  if (bytes.length !== entry.sizeBytes || crc32c(bytes) !== entry.crc32c)
    return "object size or CRC32C differs";
  const footer = decodeTieredObjectFooter(
    bytes.subarray(bytes.length - tieredObjectFooterBytes),
    bytes.length,
  );
  if (footer.baseOffset !== entry.baseOffset || footer.endOffset !== entry.endOffset)
    return "object holds other offsets";
  return undefined;
}

/**
 * Checker: every committed offset stays readable, from the replica's local segments or from an intact
 * tiered object, until retention removes it. Retention may remove a batch only once it is older than
 * `retentionMs`, so every offset from the first younger batch (or from the replica's earliest readable
 * offset, if lower) to the end of the replica's sealed log must be readable, with no hole.
 */
export function checkReadable(
  replicas: readonly Replica[],
  batches: readonly Batch[],
  store: SimObjectStore,
  nowMs: number,
): string | undefined {
  const retentionFloor =
    batches.find((batch) => batch.timestampMs >= nowMs - retentionMs)?.baseOffset ?? Number.POSITIVE_INFINITY;
  for (const [index, replica] of replicas.entries()) {
    const sealedEnd = replica.active[0]?.baseOffset ?? batches.at(-1)?.endOffset ?? 0;
    const localStart = Math.min(...[...replica.segments.keys()], sealedEnd);
    const earliest = replica.tiering.earliestReadableOffset(offset(localStart));
    const from = Math.min(retentionFloor, earliest);
    for (const batch of batches) {
      if (batch.endOffset <= from || batch.baseOffset >= sealedEnd) continue;
      for (const target of [batch.baseOffset, batch.endOffset - 1]) {
        if (target < from) continue;
        if (!readable(replica, store, target)) {
          return `replica ${index}: offset ${target} is readable neither locally nor remotely (earliest ${earliest}, retention floor ${retentionFloor})`;
        }
      }
    }
  }
  return undefined;
}

function readable(replica: Replica, store: SimObjectStore, target: number): boolean {
  for (const { segment } of replica.segments.values()) {
    if (segment.baseOffset <= target && target < segment.endOffset) return true;
  }
  const entry = replica.tiering.manifest.find(target as Offset);
  return entry !== undefined && objectProblem(store, entry) === undefined;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let position = 0;
  for (const part of parts) {
    joined.set(part, position);
    position += part.length;
  }
  return joined;
}

function equalBytes(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index]);
}
