/**
 * Model-based property test of the partition segment store on the simulated disk. Each seed picks the
 * store's settings (segment size and age, retention by size and age, index interval) and drives a random
 * sequence of appends, flushes, explicit rolls, time passing, retention, DeleteRecords, clean reopens,
 * damaged or missing index files, crashes at a random microtask (only synced bytes survive, the rest a
 * random prefix, maybe torn) and invalid batches. After every step the store is compared with a plain
 * model, a list of batches cut into segments:
 *
 * - log start and end offsets, segment base offsets and total size equal the model's;
 * - `read` from random offsets returns the model's whole batches, byte for byte (at least one, more while
 *   they fit, never past the end of the segment);
 * - `offsetForTime` returns the first batch whose maxTimestamp is at or after the time;
 * - every sealed segment has its `.index` and `.timeindex` on disk, and no temporary file is left.
 *
 * After a crash the reopened store must hold every batch that a flush, roll or close made durable, and
 * only batches that were appended, in order; its segments must be segments the model had.
 *
 * 150 seeds by default; HELIX_WAL_SEEDS=N runs N (a longer budget); HELIX_PARTITION_SEED=S replays one seed.
 */
import type { Rng } from "@helixlog/core";
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { FileCache } from "../src/internal/file-cache.js";
import { PartitionLog, type PartitionLogOptions, partitionFileName } from "../src/partition-log.js";
import { SimDisk } from "../src/testing/index.js";

const directory = "data/partitions/orders-0";
const fileHeaderBytes = 40;
const frameHeaderBytes = 12;

interface ModelBatch {
  readonly base: number;
  /** One past the batch's last offset. */
  readonly next: number;
  readonly maxTimestamp: number;
  readonly bytes: Uint8Array;
}

/** The store as a list of batches and the base offsets where its segments start. */
interface Model {
  batches: ModelBatch[];
  bases: number[];
  /** Log end offset. */
  end: number;
  /** Everything below this offset was made durable (flush, roll, close). */
  durableEnd: number;
}

/** A Kafka record batch v2 with the header fields the store reads and random record bytes. */
function makeBatch(rng: Rng, baseOffset: number, records: number, maxTimestamp: number): Uint8Array {
  const bodyBytes = rng.chance(0.1) ? rng.integer(300, 900) : rng.integer(0, 120);
  const bytes = new Uint8Array(61 + bodyBytes);
  for (let i = 61; i < bytes.length; i++) bytes[i] = rng.integer(0, 256);
  const view = new DataView(bytes.buffer);
  view.setBigInt64(0, BigInt(baseOffset));
  view.setInt32(8, bytes.length - 12);
  bytes[16] = 2;
  view.setInt32(23, records - 1);
  view.setBigInt64(27, BigInt(maxTimestamp));
  view.setBigInt64(35, BigInt(maxTimestamp));
  return bytes;
}

/** Batches of the segment starting at bases[slot]. */
function segmentBatches(model: Model, slot: number): ModelBatch[] {
  const base = model.bases[slot] as number;
  const next = model.bases[slot + 1] ?? Number.POSITIVE_INFINITY;
  return model.batches.filter((batch) => batch.base >= base && batch.base < next);
}

function segmentBytes(batches: readonly ModelBatch[]): number {
  return batches.reduce((total, batch) => total + frameHeaderBytes + batch.bytes.length, fileHeaderBytes);
}

function totalBytes(model: Model): number {
  return model.bases.reduce((total, _, slot) => total + segmentBytes(segmentBatches(model, slot)), 0);
}

function roll(model: Model): void {
  if (segmentBatches(model, model.bases.length - 1).length > 0) model.bases.push(model.end);
  model.durableEnd = model.end;
}

function appendToModel(model: Model, settings: Settings, batch: ModelBatch, nowMs: number): void {
  const active = segmentBatches(model, model.bases.length - 1);
  const first = active[0];
  const full = segmentBytes(active) + frameHeaderBytes + batch.bytes.length > settings.segmentSizeBytes;
  const old = first !== undefined && nowMs - first.maxTimestamp >= settings.segmentAgeMs;
  if (first !== undefined && (full || old)) roll(model);
  model.batches.push(batch);
  model.end = batch.next;
}

function dropOldest(model: Model): void {
  const next = model.bases[1] as number;
  model.batches = model.batches.filter((batch) => batch.base >= next);
  model.bases.shift();
}

function retentionOnModel(model: Model, settings: Settings, nowMs: number): number {
  let removed = 0;
  while (model.bases.length >= 2) {
    const oldest = segmentBatches(model, 0);
    const overSize =
      settings.retentionBytes !== undefined &&
      totalBytes(model) - segmentBytes(oldest) >= settings.retentionBytes;
    const largest = Math.max(...oldest.map((batch) => batch.maxTimestamp));
    const tooOld = settings.retentionMs !== undefined && largest < nowMs - settings.retentionMs;
    if (!overSize && !tooOld) break;
    dropOldest(model);
    removed++;
  }
  return removed;
}

function deleteBeforeOnModel(model: Model, offset: number): number {
  const active = segmentBatches(model, model.bases.length - 1);
  if (active.length > 0 && model.end <= offset) roll(model);
  let removed = 0;
  while (model.bases.length > 1 && (model.bases[1] as number) <= offset) {
    dropOldest(model);
    removed++;
  }
  return removed;
}

/** What `read(offset, maxBytes)` must return: whole batches of one segment, at least one. */
function expectedRead(model: Model, offset: number, maxBytes: number): Uint8Array[] {
  let slot = model.bases.length - 1;
  while (slot > 0 && (model.bases[slot] as number) > offset) slot--;
  const result: Uint8Array[] = [];
  let bytes = 0;
  for (const batch of segmentBatches(model, slot)) {
    if (batch.next <= offset) continue;
    if (result.length > 0 && bytes + batch.bytes.length > maxBytes) break;
    result.push(batch.bytes);
    bytes += batch.bytes.length;
    if (bytes >= maxBytes) break;
  }
  return result;
}

interface Settings {
  segmentSizeBytes: number;
  segmentAgeMs: number;
  retentionBytes: number | undefined;
  retentionMs: number | undefined;
  readonly indexIntervalBytes: number;
  /** Capacity of the open-file cache (1 to 3 makes every operation close and reopen files), or the default. */
  readonly openFiles: number | undefined;
}

/** Each disk (a crash returns a new one) gets its own cache of `settings.openFiles` files. */
const caches = new WeakMap<SimDisk, FileCache>();

function optionsOf(settings: Settings, disk: SimDisk): PartitionLogOptions {
  let fileCache = caches.get(disk);
  if (fileCache === undefined && settings.openFiles !== undefined) {
    fileCache = new FileCache(disk, settings.openFiles);
    caches.set(disk, fileCache);
  }
  return {
    ...(fileCache === undefined ? {} : { fileCache }),
    directory,
    segmentSizeBytes: settings.segmentSizeBytes,
    segmentAgeMs: settings.segmentAgeMs,
    indexIntervalBytes: settings.indexIntervalBytes,
    ...(settings.retentionBytes === undefined ? {} : { retentionBytes: settings.retentionBytes }),
    ...(settings.retentionMs === undefined ? {} : { retentionMs: settings.retentionMs }),
  };
}

async function checkAgainstModel(log: PartitionLog, disk: SimDisk, model: Model, rng: Rng, where: string) {
  const start = model.bases[0] as number;
  expect([log.logStartOffset, log.logEndOffset], `${where}: start and end offsets`).toEqual([
    start,
    model.end,
  ]);
  expect(log.segmentBaseOffsets(), `${where}: segments`).toEqual(model.bases);
  expect(log.sizeBytes, `${where}: size`).toBe(totalBytes(model));
  for (let probe = 0; probe < 3; probe++) {
    const offset = rng.integer(start, model.end + 1);
    const maxBytes = rng.integer(1, 700);
    const actual = (await log.read(offset, maxBytes)).map((bytes) => Buffer.from(bytes).toString("hex"));
    const expected = expectedRead(model, offset, maxBytes).map((bytes) => Buffer.from(bytes).toString("hex"));
    expect(actual, `${where}: read(${offset}, ${maxBytes})`).toEqual(expected);
  }
  const timestamps = model.batches.map((batch) => batch.maxTimestamp);
  for (let probe = 0; probe < 2; probe++) {
    const time =
      timestamps.length > 0 && rng.chance(0.8)
        ? (timestamps[rng.integer(0, timestamps.length)] as number) + rng.integer(-1, 2)
        : rng.integer(0, 100_000);
    const expected = model.batches.find((batch) => batch.maxTimestamp >= time)?.base;
    expect(await log.offsetForTime(time), `${where}: offsetForTime(${time})`).toBe(expected);
  }
  const paths = disk.paths().filter((path) => path.startsWith(`${directory}/`));
  expect(
    paths.filter((path) => path.endsWith(".tmp")),
    `${where}: temporary files`,
  ).toEqual([]);
  for (const base of model.bases.slice(0, -1)) {
    for (const extension of ["log", "index", "timeindex"] as const) {
      expect(paths, `${where}: sealed segment files`).toContain(
        `${directory}/${partitionFileName(base, extension)}`,
      );
    }
  }
}

/** Damages or removes an index file of a sealed segment; the store must rebuild it from the log. */
async function damageIndex(disk: SimDisk, model: Model, rng: Rng): Promise<string | undefined> {
  if (model.bases.length < 2) return undefined;
  const base = model.bases[rng.integer(0, model.bases.length - 1)] as number;
  const path = `${directory}/${partitionFileName(base, rng.chance(0.5) ? "index" : "timeindex")}`;
  const contents = disk.contents(path);
  const damage = rng.integer(0, 4);
  if (damage === 0) {
    await disk.remove(path);
    await disk.syncDirectory(directory);
  } else if (damage === 1) {
    disk.flipBit(path, rng.integer(0, contents.length), rng.integer(0, 8));
  } else if (damage === 2) {
    const file = await disk.open(path, { create: false });
    await file.truncate(rng.integer(0, contents.length));
    await file.sync();
    await file.close();
  } else {
    const garbage = new Uint8Array(rng.integer(1, 16)).map(() => rng.integer(0, 256));
    disk.overwrite(path, rng.integer(0, contents.length), garbage);
  }
  return `${["removed", "flipped a bit of", "truncated", "overwrote bytes of"][damage]} ${path}`;
}

type Step =
  | { readonly kind: "append"; readonly batch: ModelBatch; readonly nowMs: number }
  | { readonly kind: "flush" }
  | { readonly kind: "roll" }
  | { readonly kind: "retention"; readonly nowMs: number }
  | { readonly kind: "deleteBefore"; readonly offset: number };

/**
 * Random steps, some placed exactly at a boundary (a segment exactly as old as segment.ms, retention
 * limits equal to what the oldest segment would leave), where an off-by-one would show.
 */
function randomStep(rng: Rng, model: Model, settings: Settings, clock: { nowMs: number }): Step {
  const roll = rng.nextFloat();
  if (roll < 0.55) {
    clock.nowMs += rng.chance(0.2) ? rng.integer(0, 400) : rng.integer(0, 20);
    const first = segmentBatches(model, model.bases.length - 1)[0];
    if (first !== undefined && rng.chance(0.15))
      clock.nowMs = Math.max(clock.nowMs, first.maxTimestamp + settings.segmentAgeMs + rng.integer(-1, 1));
    const records = rng.integer(1, 5);
    const maxTimestamp = clock.nowMs - (rng.chance(0.2) ? rng.integer(0, 300) : 0);
    const bytes = makeBatch(rng, model.end, records, maxTimestamp);
    return {
      kind: "append",
      batch: { base: model.end, next: model.end + records, maxTimestamp, bytes },
      nowMs: clock.nowMs,
    };
  }
  if (roll < 0.7) return { kind: "flush" };
  if (roll < 0.77) return { kind: "roll" };
  if (roll < 0.92) {
    clock.nowMs += rng.integer(0, 200);
    const oldest = segmentBatches(model, 0);
    if (model.bases.length > 1 && rng.chance(0.3)) {
      if (rng.chance(0.5))
        settings.retentionBytes = totalBytes(model) - segmentBytes(oldest) + rng.integer(0, 2);
      else settings.retentionMs ??= rng.integer(200, 3000);
      const largest = Math.max(...oldest.map((batch) => batch.maxTimestamp));
      if (settings.retentionMs !== undefined && rng.chance(0.5))
        clock.nowMs = Math.max(clock.nowMs, largest + settings.retentionMs + rng.integer(0, 2));
    }
    return { kind: "retention", nowMs: clock.nowMs };
  }
  return { kind: "deleteBefore", offset: rng.integer(model.bases[0] as number, model.end + 2) };
}

/** Runs a step on the store and returns what the model says it returns. */
function perform(log: PartitionLog, step: Step): Promise<unknown> {
  switch (step.kind) {
    case "append":
      return log.append(step.batch.bytes, step.nowMs).then(() => undefined);
    case "flush":
      return log.flush();
    case "roll":
      return log.roll();
    case "retention":
      return log.enforceRetention(step.nowMs);
    case "deleteBefore":
      return log.deleteSegmentsBefore(step.offset);
  }
}

function applyStep(model: Model, settings: Settings, step: Step): unknown {
  switch (step.kind) {
    case "append":
      appendToModel(model, settings, step.batch, step.nowMs);
      return undefined;
    case "flush":
      model.durableEnd = model.end;
      return undefined;
    case "roll":
      roll(model);
      return undefined;
    case "retention":
      return retentionOnModel(model, settings, step.nowMs);
    case "deleteBefore":
      return deleteBeforeOnModel(model, step.offset);
  }
}

function cloneModel(model: Model): Model {
  return { ...model, batches: [...model.batches], bases: [...model.bases] };
}

/**
 * After a crash in the middle of `step` (or between steps): the store holds a contiguous run of batches
 * from a segment start the model had before or after the step, up to a batch boundary at or past what was
 * durable, and its segments are segments the model had. The model becomes what survived.
 */
function matchAfterCrash(log: PartitionLog, before: Model, after: Model, where: string): Model {
  const known = [...before.batches, ...after.batches.filter((batch) => batch.base >= before.end)];
  const start = log.logStartOffset as number;
  const end = log.logEndOffset as number;
  expect([before.bases[0], after.bases[0]], `${where}: log start ${start}`).toContain(start);
  expect(end, `${where}: log end ${end} below what was durable`).toBeGreaterThanOrEqual(before.durableEnd);
  expect(end, `${where}: log end ${end} past what was appended`).toBeLessThanOrEqual(after.end);
  const batches = known.filter((batch) => batch.base >= start && batch.base < end);
  expect(batches.at(-1)?.next ?? start, `${where}: log end ${end} is not a batch boundary`).toBe(end);
  const bases = log.segmentBaseOffsets();
  const possible = new Set([...before.bases, ...after.bases, end]);
  for (const base of bases) expect(possible.has(base), `${where}: unknown segment ${base}`).toBe(true);
  return { batches, bases, end, durableEnd: end };
}

function randomSettings(rng: Rng): Settings {
  return {
    segmentSizeBytes: rng.integer(1024, 4097),
    segmentAgeMs: rng.chance(0.5) ? rng.integer(50, 1000) : 7 * 24 * 3600 * 1000,
    retentionBytes: rng.chance(0.5) ? rng.integer(1024, 8193) : undefined,
    retentionMs: rng.chance(0.5) ? rng.integer(200, 3000) : undefined,
    indexIntervalBytes: [64, 256, 4096][rng.integer(0, 3)] as number,
    openFiles: rng.chance(0.5) ? rng.integer(1, 4) : undefined,
  };
}

async function runSeed(seed: number): Promise<void> {
  const rng = new SeededRng(seed);
  let disk = new SimDisk({ rng: rng.split() });
  const settings: Settings = randomSettings(rng);
  let log = await PartitionLog.open(disk, optionsOf(settings, disk));
  let model: Model = { batches: [], bases: [0], end: 0, durableEnd: 0 };
  const clock = { nowMs: 1_000 };
  for (let step = 0; step < 30; step++) {
    const where = `seed ${seed} step ${step}`;
    const choice = rng.nextFloat();
    if (choice < 0.05) {
      await log.close();
      const damage = await damageIndex(disk, model, rng);
      log = await PartitionLog.open(disk, optionsOf(settings, disk));
      model.durableEnd = model.end;
      await checkAgainstModel(log, disk, model, rng, `${where} after ${damage ?? "a reopen"}`);
      continue;
    }
    if (choice < 0.1) {
      const wrongBase = makeBatch(rng, model.end + rng.integer(1, 5), 1, clock.nowMs);
      const bad = rng.chance(0.5) ? wrongBase : wrongBase.subarray(0, rng.integer(0, 61));
      await expect(log.append(bad, clock.nowMs), `${where}: bad batch`).rejects.toSatisfy((error) =>
        HelixError.is(error, "INVALID_RECORD"),
      );
      await checkAgainstModel(log, disk, model, rng, `${where} after a bad batch`);
      continue;
    }
    const retentionBefore = [settings.retentionBytes, settings.retentionMs];
    const operation = randomStep(rng, model, settings, clock);
    if (settings.retentionBytes !== retentionBefore[0] || settings.retentionMs !== retentionBefore[1]) {
      await log.configure(optionsOf(settings, disk));
    }
    if (choice < 0.22) {
      const before = cloneModel(model);
      const after = cloneModel(model);
      applyStep(after, settings, operation);
      const running = perform(log, operation).catch(() => undefined);
      for (let turn = rng.integer(0, 40); turn > 0; turn--) await Promise.resolve();
      disk = disk.crash({ keepSomeUnsynced: rng.chance(0.8) });
      await running;
      log = await PartitionLog.open(disk, optionsOf(settings, disk));
      model = matchAfterCrash(log, before, after, `${where} after a crash during ${operation.kind}`);
      await checkAgainstModel(log, disk, model, rng, `${where} after a crash during ${operation.kind}`);
      continue;
    }
    const expected = applyStep(model, settings, operation);
    expect(await perform(log, operation), `${where}: ${operation.kind}`).toEqual(expected);
    await checkAgainstModel(log, disk, model, rng, `${where} after ${operation.kind}`);
  }
  await log.close();
}

const seedCount = Number(process.env.HELIX_WAL_SEEDS ?? 150);
const singleSeed =
  process.env.HELIX_PARTITION_SEED === undefined ? undefined : Number(process.env.HELIX_PARTITION_SEED);

describe("partition segment store against a model", () => {
  it(
    `matches the model over ${singleSeed === undefined ? seedCount : 1} seeds of appends, rolls, retention, index damage and crashes`,
    async () => {
      const seeds =
        singleSeed === undefined ? Array.from({ length: seedCount }, (_, i) => i + 1) : [singleSeed];
      for (const seed of seeds) {
        try {
          await runSeed(seed);
        } catch (error) {
          throw new Error(
            `seed ${seed} failed (replay: HELIX_PARTITION_SEED=${seed} npx vitest run --project wal partition-log-model): ${error}`,
            { cause: error },
          );
        }
      }
    },
    Math.max(600_000, seedCount * 2_000),
  ); // generous: the longer budgets run on a shared machine
});
