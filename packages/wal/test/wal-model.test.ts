/**
 * Model-based property test of the shared WAL on the simulated disk. Each seed drives a random sequence
 * of appends (with conflicts), hard states, truncations and releases over three groups, issued a few at
 * a time so group commit coalesces them, interleaved with settles, clean reopens, crashes at random
 * moments (unsynced writes lost or torn) and injected ENOSPC/EIO. After every step the WAL is compared
 * with a plain in-memory model:
 *
 * - after a settle or a clean reopen, the WAL equals the model of every acknowledged operation;
 * - after a crash or a failure, the recovered WAL equals the model of the first j records for some j
 *   between the number acknowledged and the number issued: every acknowledged append is present byte
 *   for byte, nothing appears that was never appended, and what survives is a prefix in append order.
 *   Records, not calls: an append of several entries and a hard state is several frames, and an
 *   unacknowledged one may survive in part (a prefix of its frames), which Raft tolerates.
 *
 * Half the seeds run on a disk whose fdatasyncs take a random number of microtask turns, and some of
 * their steps issue operations a few turns apart, so writes land during an fdatasync and the next one
 * is chained to it (the path taken at disk bandwidth); the run checks that path was taken.
 *
 * 1,000 seeds by default; HELIX_WAL_SEEDS=N runs N (a longer budget; HELIX_SIM_SEEDS also works);
 * HELIX_WAL_SEED=S replays one seed.
 */
import type { GroupId, LogIndex, NodeId, Rng, Term } from "@helixlog/core";
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { SimDisk } from "../src/testing/index.js";
import { Wal } from "../src/wal.js";
import type { CompactionPoint, HardState, WalEntry } from "../src/wal-types.js";

type Operation =
  | {
      readonly kind: "append";
      readonly group: number;
      readonly entries: WalEntry[];
      readonly hardState?: HardState;
    }
  | { readonly kind: "truncate"; readonly group: number; readonly fromIndex: number }
  | { readonly kind: "release"; readonly group: number; readonly point: CompactionPoint };

interface ModelGroup {
  hardState: HardState;
  compaction: CompactionPoint;
  /** Entries compaction.index + 1 .. lastIndex, in order. */
  entries: WalEntry[];
}

type Model = Map<number, ModelGroup>;

const groupCount = 3;
const directory = "node/wal";

function emptyGroup(): ModelGroup {
  return {
    hardState: { term: 0 as Term, vote: undefined, commit: 0 as LogIndex },
    compaction: { index: 0 as LogIndex, term: 0 as Term },
    entries: [],
  };
}

function lastIndex(group: ModelGroup): number {
  return group.compaction.index + group.entries.length;
}

function applyOperation(model: Model, operation: Operation): void {
  const group = model.get(operation.group) ?? emptyGroup();
  model.set(operation.group, group);
  switch (operation.kind) {
    case "append": {
      const first = operation.entries[0];
      if (first !== undefined)
        group.entries = [
          ...group.entries.slice(0, first.index - group.compaction.index - 1),
          ...operation.entries,
        ];
      if (operation.hardState !== undefined) group.hardState = operation.hardState;
      return;
    }
    case "truncate":
      group.entries = group.entries.slice(0, operation.fromIndex - group.compaction.index - 1);
      return;
    case "release":
      group.entries = group.entries.slice(Math.max(0, operation.point.index - group.compaction.index));
      group.compaction = operation.point;
  }
}

/** An operation as the frames it becomes: one per entry, then one for the hard state. */
function records(operation: Operation): Operation[] {
  if (operation.kind !== "append") return [operation];
  const parts: Operation[] = operation.entries.map((entry) => ({
    kind: "append",
    group: operation.group,
    entries: [entry],
  }));
  if (operation.hardState !== undefined)
    parts.push({ kind: "append", group: operation.group, entries: [], hardState: operation.hardState });
  return parts;
}

function modelOf(operations: readonly Operation[], count: number): Model {
  const model: Model = new Map();
  for (const operation of operations.slice(0, count)) applyOperation(model, operation);
  return model;
}

/** A valid random operation against the model of everything issued so far. */
function randomOperation(rng: Rng, model: Model): Operation {
  const groupNumber = rng.integer(1, groupCount + 1);
  const group = model.get(groupNumber) ?? emptyGroup();
  const last = lastIndex(group);
  const roll = rng.nextFloat();
  if (roll < 0.1 && last > group.compaction.index) {
    return {
      kind: "truncate",
      group: groupNumber,
      fromIndex: rng.integer(group.compaction.index + 1, last + 2),
    };
  }
  if (roll < 0.2) {
    const index = rng.chance(0.15) ? last + rng.integer(1, 4) : rng.integer(group.compaction.index, last + 1);
    const term = index <= last ? termAt(group, index) : group.hardState.term;
    return { kind: "release", group: groupNumber, point: { index: index as LogIndex, term: term as Term } };
  }
  const start = rng.chance(0.2) ? rng.integer(group.compaction.index + 1, last + 2) : last + 1;
  const term = group.hardState.term + (rng.chance(0.2) ? 1 : 0);
  const entries = Array.from({ length: rng.integer(0, 4) }, (_, i) => ({
    index: (start + i) as LogIndex,
    term: term as Term,
    type: rng.integer(0, 256),
    data: randomBytes(rng, rng.chance(0.05) ? rng.integer(300, 1500) : rng.integer(0, 100)),
  }));
  const hardState =
    rng.chance(0.5) || entries.length === 0
      ? {
          term: term as Term,
          vote: rng.chance(0.5) ? (rng.integer(1, 4) as NodeId) : undefined,
          commit: rng.integer(0, start) as LogIndex,
        }
      : undefined;
  return hardState === undefined
    ? { kind: "append", group: groupNumber, entries }
    : { kind: "append", group: groupNumber, entries, hardState };
}

function termAt(group: ModelGroup, index: number): number {
  return index === group.compaction.index
    ? group.compaction.term
    : (group.entries[index - group.compaction.index - 1]?.term ?? 0);
}

function randomBytes(rng: Rng, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = rng.integer(0, 256);
  return bytes;
}

function issue(wal: Wal, operation: Operation): Promise<void> {
  const group = operation.group as GroupId;
  switch (operation.kind) {
    case "append":
      return wal.append(
        group,
        operation.hardState === undefined
          ? { entries: operation.entries }
          : { entries: operation.entries, hardState: operation.hardState },
      );
    case "truncate":
      return wal.truncate(group, operation.fromIndex as LogIndex);
    case "release":
      return wal.release(group, operation.point);
  }
}

/** The WAL's durable state in the model's shape. */
async function snapshot(wal: Wal): Promise<Model> {
  const result: Model = new Map();
  for (const group of wal.groupIds()) {
    const status = wal.status(group);
    if (status === undefined) continue;
    const entries =
      status.lastIndex >= status.firstIndex
        ? await wal.entries(group, status.firstIndex, (status.lastIndex + 1) as LogIndex)
        : [];
    result.set(group, { hardState: status.hardState, compaction: status.compaction, entries });
  }
  return result;
}

function sameModel(actual: Model, expected: Model): boolean {
  for (let group = 1; group <= groupCount; group++) {
    const left = actual.get(group) ?? emptyGroup();
    const right = expected.get(group) ?? emptyGroup();
    if (
      left.hardState.term !== right.hardState.term ||
      left.hardState.vote !== right.hardState.vote ||
      left.hardState.commit !== right.hardState.commit ||
      left.compaction.index !== right.compaction.index ||
      left.compaction.term !== right.compaction.term ||
      left.entries.length !== right.entries.length
    ) {
      return false;
    }
    for (const [i, entry] of left.entries.entries()) {
      const other = right.entries[i] as WalEntry;
      if (entry.index !== other.index || entry.term !== other.term || entry.type !== other.type) return false;
      if (Buffer.compare(entry.data, other.data) !== 0) return false;
    }
  }
  return true;
}

function describeGroup(group: ModelGroup): unknown {
  return {
    hardState: [group.hardState.term, group.hardState.vote ?? 0, group.hardState.commit],
    compaction: [group.compaction.index, group.compaction.term],
    entries: group.entries.map((entry) => [
      entry.index,
      entry.term,
      entry.type,
      Buffer.from(entry.data).toString("hex"),
    ]),
  };
}

/**
 * On the simulated disk every operation completes at once, so every append settles within a bounded
 * number of microtask turns; one that does not was lost by the WAL (a missed wake-up of its commit loop).
 */
async function settleWithinBound(promises: ReadonlyArray<Promise<void>>, seed: number): Promise<void> {
  let unsettled = promises.length;
  for (const promise of promises) void promise.finally(() => unsettled--);
  for (let turn = 0; turn < 100_000 && unsettled > 0; turn++) await Promise.resolve();
  expect(unsettled, `seed ${seed}: appends never settled`).toBe(0);
}

async function yieldMicrotasks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await Promise.resolve();
}

interface RunState {
  wal: Wal;
  operations: Operation[];
  /** Operations known durable: the WAL acknowledged them, or recovery found them. */
  durable: number;
}

/** Reopens after a crash or failure and finds the prefix of operations the WAL recovered. */
async function reopenAndMatchPrefix(
  disk: SimDisk,
  state: RunState,
  config: WalConfig,
  seed: number,
): Promise<void> {
  disk.clearFaults();
  state.wal = await openWal(disk, config);
  const actual = await snapshot(state.wal);
  const durableRecords = state.operations.slice(0, state.durable).flatMap(records);
  const issuedRecords = [...durableRecords, ...state.operations.slice(state.durable).flatMap(records)];
  const model = modelOf(issuedRecords, durableRecords.length);
  for (let count = durableRecords.length; count <= issuedRecords.length; count++) {
    if (count > durableRecords.length) applyOperation(model, issuedRecords[count - 1] as Operation);
    if (sameModel(actual, model)) {
      state.operations = issuedRecords.slice(0, count);
      state.durable = count;
      return;
    }
  }
  const show = (model: Model) =>
    JSON.stringify([...model.entries()].map(([group, value]) => [group, describeGroup(value)]));
  expect.fail(
    `seed ${seed}: recovered WAL matches no prefix of [${durableRecords.length}, ${issuedRecords.length}] records\n` +
      `recovered: ${show(actual)}\nacknowledged: ${show(modelOf(durableRecords, durableRecords.length))}`,
  );
}

/** Every WAL the seeds opened, for coverage statistics. */
const openedWals: Wal[] = [];

/**
 * The crash points of the pipelined roll, as disk operations in flight (see `atCrashPoint`): the
 * previous segment's fdatasync while frames were already placed in the new, unnamed segment; the new
 * segment's fdatasync under its temporary name; its rename; the directory fsync after that rename.
 */
type RollCrashPoint = "draining" | "sync" | "rename" | "directory";
const rollCrashPoints: readonly RollCrashPoint[] = ["draining", "sync", "rename", "directory"];
/** How many crashes landed at each roll crash point over the seeds (coverage). */
const crashesAt = new Map<RollCrashPoint, number>();

/** A disk operation the slow disk has not completed yet. */
interface InFlight {
  readonly operation: string;
  readonly path: string;
  /** A directory fsync called after a segment's rename from its temporary name. */
  readonly afterRename: boolean;
}

function atCrashPoint(point: RollCrashPoint, inFlight: Iterable<InFlight>, wal: Wal): boolean {
  const unnamed = (path: string) => path.endsWith(".wal.tmp") && !path.endsWith(".spare.wal.tmp");
  for (const { operation, path, afterRename } of inFlight) {
    switch (point) {
      // (A segment's file keeps the path it was opened under, its temporary name, so the stage tells
      // whose fdatasync this is: while draining, only the old segment's.)
      case "draining":
        if (operation === "sync" && wal.rollStage === "draining") return true;
        break;
      case "sync":
        if (operation === "sync" && wal.rollStage === "sync") return true;
        break;
      case "rename":
        if (operation === "rename" && unnamed(path)) return true;
        break;
      case "directory":
        if (operation === "syncDirectory" && afterRename) return true;
        break;
    }
  }
  return false;
}

/**
 * The WAL's settings for one seed. New segments are zero-filled in half the seeds and grow by append in
 * the other half (the two ways `newSegments` prepares a file when no spare is left).
 */
interface WalConfig {
  readonly segmentSizeBytes: number;
  readonly newSegments: "zero-fill" | "append";
}

async function openWal(disk: SimDisk, config: WalConfig): Promise<Wal> {
  const wal = await Wal.open(disk, { directory, ...config });
  openedWals.push(wal);
  return wal;
}

async function runSeed(seed: number): Promise<void> {
  const rng = new SeededRng(seed);
  const diskRng = rng.split();
  // Half the seeds run fdatasyncs (and writes) that take a random number of microtask turns, so writes
  // complete while one is in flight and the next one chains, and batches are encoded ahead of a write in
  // flight (the paths taken at disk bandwidth).
  const syncRng = rng.chance(0.5) ? rng.split() : undefined;
  const inFlight = new Set<InFlight>();
  let renamedSegment = false;
  let disk = new SimDisk({
    rng: diskRng,
    ...(syncRng === undefined
      ? {}
      : {
          scheduler: (operation: string, path: string, complete: () => void) => {
            // Writes take a few turns too, so appends queue up behind one and are encoded ahead; so do
            // renames and directory fsyncs, so crashes can land between a roll's rename and its fsync.
            const slow = ["sync", "write", "rename", "syncDirectory"];
            if (!slow.includes(operation)) return complete();
            const operationInFlight: InFlight = {
              operation,
              path,
              afterRename: operation === "syncDirectory" && renamedSegment,
            };
            if (operation === "syncDirectory") renamedSegment = false;
            inFlight.add(operationInFlight);
            let turns = syncRng.integer(0, operation === "write" ? 8 : operation === "sync" ? 40 : 20);
            const step = () => {
              if (turns-- > 0) return queueMicrotask(step);
              inFlight.delete(operationInFlight);
              if (operation === "rename" && path.endsWith(".wal.tmp") && !path.endsWith(".spare.wal.tmp")) {
                renamedSegment = true;
              }
              complete();
            };
            step();
          },
        }),
  });
  const config: WalConfig = {
    segmentSizeBytes: rng.chance(0.5) ? 4096 : 8192,
    newSegments: rng.chance(0.5) ? "zero-fill" : "append",
  };
  const faulty = rng.chance(0.3);
  const state: RunState = {
    wal: await openWal(disk, config),
    operations: [],
    durable: 0,
  };
  for (let step = 0; step < 12; step++) {
    if (faulty && rng.chance(0.15)) {
      if (rng.chance(0.75)) {
        disk.failNext({
          operation: rng.chance(0.5) ? "write" : "sync",
          fault: rng.chance(0.5) ? "EIO" : "ENOSPC",
          pathIncludes: rng.chance(0.3) ? ".tmp" : ".wal",
        });
      } else {
        // A failed rename or directory fsync of a roll leaves a name the directory may not have made
        // durable; the reopen that follows (no power lost) must make it durable before building on it.
        disk.failNext({ operation: rng.chance(0.5) ? "rename" : "syncDirectory", fault: "EIO" });
      }
    }
    const issuedFrom = state.operations.length;
    const model = modelOf(state.operations, state.operations.length);
    const batch = Array.from({ length: rng.integer(1, 6) }, () => {
      const operation = randomOperation(rng, model);
      applyOperation(model, operation);
      return operation;
    });
    const outcomes: Array<"pending" | "done" | HelixError> = batch.map(() => "pending");
    // Some steps issue each operation from inside the previous one's acknowledgement, the moment the
    // commit loop is winding down: an append arriving then must still be committed.
    const chained = rng.chance(0.3);
    const wal = state.wal;
    const settle = (i: number): Promise<void> =>
      issue(wal, batch[i] as Operation).then(
        () => {
          const inOrder = outcomes.slice(0, i).every((outcome) => outcome !== "pending");
          expect(inOrder, `seed ${seed}: acknowledged out of order`).toBe(true);
          outcomes[i] = "done";
        },
        (error: unknown) => {
          expect(HelixError.isInstance(error), `seed ${seed}: not a HelixError: ${error}`).toBe(true);
          outcomes[i] = error as HelixError;
        },
      );
    const chain = async () => {
      for (let i = 0; i < batch.length; i++) await settle(i);
    };
    // With slow fdatasyncs, some steps issue the operations a few turns apart, so later ones arrive while
    // an fdatasync runs and are written during it.
    const delays =
      syncRng !== undefined && !chained && rng.chance(0.5) ? batch.map(() => rng.integer(0, 30)) : [];
    const staggered = async () => {
      const settled: Array<Promise<void>> = [];
      for (let i = 0; i < batch.length; i++) {
        settled.push(settle(i));
        await yieldMicrotasks(delays[i] as number);
      }
      await Promise.all(settled);
    };
    const acknowledgements = chained
      ? [chain()]
      : delays.length > 0
        ? [staggered()]
        : batch.map((_, i) => settle(i));
    state.operations.push(...batch);
    // On the slow disk some steps aim a crash at a crash point of the pipelined roll: they crash there
    // (a few turns after reaching it) if the step reaches it within a bound. Other crashes land at a
    // random moment.
    const aim =
      syncRng !== undefined && rng.chance(0.3)
        ? (rollCrashPoints[rng.integer(0, rollCrashPoints.length)] as RollCrashPoint)
        : undefined;
    let aimed = false;
    if (aim !== undefined) {
      for (let turn = 0; turn < 2000 && !aimed; turn++) {
        await Promise.resolve();
        aimed = atCrashPoint(aim, inFlight, wal);
      }
    }
    if (aimed || rng.chance(0.15)) {
      await yieldMicrotasks(rng.integer(0, aimed ? 8 : 12));
      for (const point of rollCrashPoints) {
        if (atCrashPoint(point, inFlight, wal)) crashesAt.set(point, (crashesAt.get(point) ?? 0) + 1);
      }
      inFlight.clear();
      dropNeverHappened(state, issuedFrom, outcomes);
      disk = disk.crash({ keepSomeUnsynced: rng.chance(0.8) });
      await Promise.all(acknowledgements);
      // Storage errors only; an operation may be invalid only because an earlier one was rejected.
      const invalid = outcomes.find(
        (outcome, i) =>
          outcome instanceof HelixError &&
          outcome.code !== "IO_ERROR" &&
          outcome.code !== "DISK_FULL" &&
          // Too large for an empty segment (rejected at the call or at the roll): never written.
          outcome.code !== "RECORD_TOO_LARGE" &&
          !(
            outcome.code === "INVALID_ARGUMENT" &&
            outcomes.slice(0, i).some((earlier) => earlier instanceof HelixError)
          ),
      );
      expect(invalid, `seed ${seed}: ${invalid}`).toBeUndefined();
      await reopenAndMatchPrefix(disk, state, config, seed);
      continue;
    }
    await settleWithinBound(acknowledgements, seed);
    const failure = outcomes.find((outcome): outcome is HelixError => outcome instanceof HelixError);
    state.durable = issuedFrom + countPrefix(outcomes);
    if (failure !== undefined) {
      await settleFailure(disk, state, outcomes, issuedFrom, config, seed);
      continue;
    }
    if (rng.chance(0.1)) {
      await state.wal.close();
      state.wal = await openAgain(disk, config);
    }
    const actual = await snapshot(state.wal);
    expect(
      sameModel(actual, modelOf(state.operations, state.operations.length)),
      `seed ${seed} step ${step}: WAL differs from the model`,
    ).toBe(true);
  }
  await state.wal.close();
}

/**
 * A clean reopen. An injected fault still waiting (a rename or directory fsync no roll reached) may fail
 * the open, as it would fail a restarted process: that process exits and starts again, so the open is
 * repeated; each fault fails one operation.
 */
async function openAgain(disk: SimDisk, config: WalConfig): Promise<Wal> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openWal(disk, config);
    } catch (error) {
      const injected =
        HelixError.isInstance(error) && (error.code === "IO_ERROR" || error.code === "DISK_FULL");
      if (!injected || attempt === 10) throw error;
    }
  }
}

/**
 * A call rejected as invalid or too large, or with the queue by a roll that could not get its file
 * (DISK_FULL, or IO_ERROR from a failed write while preparing it; the WAL stays usable), never happened,
 * and a later call may then succeed. A later call of the step acknowledged proves the WAL did not fail
 * closed there (a failed write into the log is DISK_FULL or IO_ERROR too, and may leave part of its
 * frames): only then are those calls dropped, and the durable prefix counted without them. (Seed 2923
 * rejected a roll with IO_ERROR, then acknowledged two small calls that still fit the old segment.)
 */
function dropNeverHappened(
  state: RunState,
  issuedFrom: number,
  outcomes: ReadonlyArray<"pending" | "done" | HelixError>,
): void {
  const lastDone = outcomes.lastIndexOf("done");
  const happened = outcomes.map(
    (outcome, i) =>
      !(
        i < lastDone &&
        outcome instanceof HelixError &&
        ["DISK_FULL", "IO_ERROR", "INVALID_ARGUMENT", "RECORD_TOO_LARGE"].includes(outcome.code)
      ),
  );
  state.operations = [
    ...state.operations.slice(0, issuedFrom),
    ...state.operations.slice(issuedFrom).filter((_, i) => happened[i]),
  ];
  state.durable = issuedFrom + countPrefix(outcomes.filter((_, i) => happened[i]));
}

function countPrefix(outcomes: ReadonlyArray<unknown>): number {
  const firstNotDone = outcomes.findIndex((outcome) => outcome !== "done");
  return firstNotDone < 0 ? outcomes.length : firstNotDone;
}

/**
 * After a rejected operation: a failed segment creation rejects the waiting appends and leaves the WAL
 * usable (those operations never happened); a failed write or fdatasync fails the WAL closed, and the
 * reopened WAL must hold a prefix of the operations.
 */
async function settleFailure(
  disk: SimDisk,
  state: RunState,
  outcomes: ReadonlyArray<"pending" | "done" | HelixError>,
  issuedFrom: number,
  config: WalConfig,
  seed: number,
): Promise<void> {
  const failedClosed = await state.wal.append(1 as GroupId, {}).then(
    () => false,
    () => true,
  );
  if (!failedClosed) {
    // A rejected roll rejects what waited and leaves the WAL usable: exactly the acknowledged operations
    // happened (a later one may succeed, or be rejected as invalid because it built on a rejected one).
    const happened = state.operations.slice(issuedFrom).filter((_, i) => outcomes[i] === "done");
    state.operations = [...state.operations.slice(0, issuedFrom), ...happened];
    state.durable = state.operations.length;
    expect(
      sameModel(await snapshot(state.wal), modelOf(state.operations, state.operations.length)),
      `seed ${seed}: WAL after a rejected roll`,
    ).toBe(true);
    return;
  }
  dropNeverHappened(state, issuedFrom, outcomes);
  await reopenAndMatchPrefix(disk, state, config, seed);
}

const defaultSeeds = 1000;
const seedCount = Number(process.env.HELIX_WAL_SEEDS ?? process.env.HELIX_SIM_SEEDS ?? defaultSeeds);
const singleSeed = process.env.HELIX_WAL_SEED === undefined ? undefined : Number(process.env.HELIX_WAL_SEED);

describe("WAL against an in-memory model", () => {
  it(
    `matches the model over ${singleSeed === undefined ? seedCount : 1} seeds of appends, truncations, releases, crashes and faults`,
    async () => {
      const seeds =
        singleSeed === undefined ? Array.from({ length: seedCount }, (_, i) => i + 1) : [singleSeed];
      for (const seed of seeds) {
        try {
          await runSeed(seed);
        } catch (error) {
          throw new Error(
            `seed ${seed} failed (replay: HELIX_WAL_SEED=${seed} npx vitest run --project wal wal-model): ${error}`,
            { cause: error },
          );
        }
      }
      // The seeds reach the chained fdatasync path (a quarter of a small segment written during one).
      if (singleSeed === undefined && seedCount >= 100) {
        const total = (
          counter: "chainedSyncs" | "encodedAhead" | "segmentsGrown" | "segmentsRecycled" | "rollsPipelined",
        ) => openedWals.reduce((sum, wal) => sum + wal.statistics[counter], 0);
        expect(total("chainedSyncs")).toBeGreaterThan(0);
        expect(total("encodedAhead")).toBeGreaterThan(0);
        // ... and segments that grow by append, and recycled spares from the pool.
        expect(total("segmentsGrown")).toBeGreaterThan(0);
        expect(total("segmentsRecycled")).toBeGreaterThan(0);
        // ... and rolls whose new segment received frames before it was named, with crashes inside
        // every step of such a roll.
        expect(total("rollsPipelined")).toBeGreaterThan(0);
        for (const point of rollCrashPoints) {
          expect(crashesAt.get(point) ?? 0, `crashes at roll step "${point}"`).toBeGreaterThan(0);
        }
      }
    },
    Math.max(600_000, seedCount * 500),
  ); // generous: the longer budgets run on a shared machine
});
