import type { Disk, DiskFile, Rng } from "@helixlog/core";
import { assert, HelixError } from "@helixlog/core";

/**
 * A simulated disk for tests and the deterministic simulator. It keeps what a real disk would have made
 * durable apart from what only sits in the page cache:
 *
 * - file contents: every write and truncate is "unsynced" until `sync()` of that file; `crash()` keeps the
 *   synced bytes, then (driven by the seeded Rng) a prefix of the unsynced operations in order, the last
 *   one of which may be torn at any byte;
 * - directory entries: creations, renames and removals are durable only after `syncDirectory()` of their
 *   parent; `crash()` reverts the names to their durable state (a file created but never made durable
 *   in its directory disappears even if its contents were synced);
 * - faults: ENOSPC and EIO on command (`failNext`), with a probability per operation, or when a
 *   capacity is exceeded; a failed write may leave a random prefix of its data behind, as a real one can;
 * - media corruption: `flipBit` changes synced and unsynced bytes alike.
 *
 * Directories themselves are always durable once made (a simplification: the WAL and segment store
 * create their directories once and sync the parent).
 *
 * Every operation completes synchronously and returns an already-settled promise, unless a `scheduler`
 * is given: then the operation takes effect only when the host calls `complete`, so a simulator can
 * make an fdatasync slow on simulated time. After `crash()`, handles opened before fail with IO_ERROR.
 */
export type SimDiskOperation =
  | "open"
  | "list"
  | "exists"
  | "mkdir"
  | "remove"
  | "rename"
  | "syncDirectory"
  | "read"
  | "write"
  | "sync"
  | "truncate"
  | "close";

/** Decides when an operation takes effect: call `complete` now or later (at most once). */
export type SimDiskScheduler = (operation: SimDiskOperation, path: string, complete: () => void) => void;

export type SimDiskFault = "ENOSPC" | "EIO";

export interface SimDiskOptions {
  /** Drives torn writes at a crash, random faults and the partial data of failed writes. */
  readonly rng: Rng;
  readonly scheduler?: SimDiskScheduler;
  /** Total bytes all files may hold; a write or truncate beyond fails with ENOSPC. */
  readonly capacityBytes?: number;
}

export interface SimDiskFaultRule {
  readonly operation: SimDiskOperation;
  readonly fault: SimDiskFault;
  /** Only paths containing this text; every path when absent. */
  readonly pathIncludes?: string;
  /** How many matching operations fail; 1 when absent. */
  readonly count?: number;
}

export interface SimDiskCrashOptions {
  /** Whether unsynced operations may partly survive (a random prefix, the last maybe torn). Default true. */
  readonly keepSomeUnsynced?: boolean;
}

/** Counters for tests and benchmarks of the simulated disk. */
export interface SimDiskStatistics {
  writes: number;
  writtenBytes: number;
  syncs: number;
  directorySyncs: number;
  crashes: number;
}

/**
 * A file's contents and its unsynced operations. The durable contents (what survives a crash) are not
 * kept apart: they are the visible contents with the unsynced operations rolled back, so an fdatasync
 * only forgets how to undo what it covered, and nothing is copied at a crash or at the first write after
 * one. `UndoLog` is that representation; `RedoLog` (the durable contents plus the unsynced operations'
 * data) takes over when media corruption or a test's overwrite hits a file with unsynced operations,
 * whose visible bytes then differ from what the durable ones plus the operations would give.
 */
interface FileState {
  /** What the page cache shows: what reads return. */
  readonly current: Content;
  /** Unsynced operations, applied to `current`, not (yet) durable. */
  readonly unsyncedCount: number;
  /** Writes `data` (read during the call only). */
  write(position: number, data: Uint8Array, copies: CopyArena): void;
  truncate(size: number, copies: CopyArena): void;
  /** Makes the oldest `count` unsynced operations durable. */
  sync(count: number): void;
  /**
   * Power loss: the durable contents plus, when `keepSomeUnsynced`, a random prefix of the unsynced
   * operations in order, the last one maybe torn at a random byte. Returns the contents that survive
   * (this state is dead afterwards). The draws from `rng` are part of a seed's replay: both states draw
   * the same numbers in the same order.
   */
  crash(rng: Rng, keepSomeUnsynced: boolean): Content;
}

/** A write or truncate as the undo log keeps it: where it happened and the bytes it replaced. */
interface Undo {
  readonly kind: "write" | "truncate";
  /** A write's position, or a truncate's new size. */
  readonly position: number;
  /** Bytes written (0 for a truncate). */
  readonly length: number;
  /** The file's size before the operation. */
  readonly previousSize: number;
  /**
   * The bytes the operation overwrote or cut off, from `position`, up to the end of the bytes that were
   * not all zero (`Content.nonZeroEnd`): the rest of what it replaced below `previousSize` was zeros.
   */
  readonly replaced: Uint8Array;
}

const noBytes = new Uint8Array(0);

/**
 * The durable contents are `current` with the unsynced operations undone, newest first: each operation
 * remembers the file's size before it and the bytes it replaced below that size (bytes past a file's
 * size are always zero, see `Content`). The bytes a write replaced are copied once, when it happens;
 * the written data itself is never kept.
 */
class UndoLog implements FileState {
  /** Oldest first. */
  unsynced: Undo[] = [];

  constructor(readonly current: Content) {}

  get unsyncedCount(): number {
    return this.unsynced.length;
  }

  write(position: number, data: Uint8Array, copies: CopyArena): void {
    const content = this.current;
    const previousSize = content.size;
    const replacedEnd = Math.min(position + data.length, previousSize, content.nonZeroEnd);
    const replaced =
      position < replacedEnd ? copies.copyRange(content.bytes, position, replacedEnd) : noBytes;
    content.write(position, data);
    this.unsynced.push({ kind: "write", position, length: data.length, previousSize, replaced });
  }

  truncate(size: number, copies: CopyArena): void {
    const content = this.current;
    const previousSize = content.size;
    const replacedEnd = Math.min(previousSize, content.nonZeroEnd);
    const replaced = size < replacedEnd ? copies.copyRange(content.bytes, size, replacedEnd) : noBytes;
    content.truncate(size);
    this.unsynced.push({ kind: "truncate", position: size, length: 0, previousSize, replaced });
  }

  sync(count: number): void {
    if (count === this.unsynced.length) this.unsynced = [];
    else this.unsynced.splice(0, count);
  }

  crash(rng: Rng, keepSomeUnsynced: boolean): Content {
    const unsynced = this.unsynced;
    let kept = 0;
    let tornPrefix: number | undefined;
    if (keepSomeUnsynced && unsynced.length > 0) {
      kept = rng.integer(0, unsynced.length + 1);
      const torn = unsynced[kept];
      if (torn?.kind === "write" && rng.chance(0.5)) tornPrefix = rng.integer(0, torn.length + 1);
    }
    const content = this.current;
    for (let i = unsynced.length - 1; i > kept; i--) content.undo(unsynced[i] as Undo);
    const last = unsynced[kept];
    if (last !== undefined) {
      if (tornPrefix === undefined) content.undo(last);
      else content.tear(last, tornPrefix);
    }
    this.unsynced = [];
    return content;
  }

  /** The same file as the durable contents plus the unsynced operations' data (`RedoLog`). */
  toRedoLog(): RedoLog {
    const durable = this.current.copy();
    const operations: PendingOperation[] = new Array(this.unsynced.length);
    for (let i = this.unsynced.length - 1; i >= 0; i--) {
      // `durable` holds the contents just after operation i here: its data is what it left in place.
      const undo = this.unsynced[i] as Undo;
      operations[i] =
        undo.kind === "write"
          ? {
              kind: "write",
              position: undo.position,
              data: durable.bytes.slice(undo.position, undo.position + undo.length),
            }
          : { kind: "truncate", size: undo.position };
      durable.undo(undo);
    }
    return new RedoLog(this.current, durable, operations);
  }
}

type PendingOperation =
  | { readonly kind: "write"; readonly position: number; readonly data: Uint8Array }
  | { readonly kind: "truncate"; readonly size: number };

/**
 * The durable contents kept apart, and each unsynced operation's data to apply to them at an fdatasync
 * or a crash. Only for a file whose visible bytes were changed under unsynced operations by `flipBit`
 * or `overwrite` (which change the durable and the visible bytes alike, but not the operations' data),
 * until the next crash: those changes are kept exactly as they are, however later operations cover them.
 */
class RedoLog implements FileState {
  constructor(
    readonly current: Content,
    readonly durable: Content,
    /** Oldest first. */
    private operations: PendingOperation[],
  ) {}

  get unsyncedCount(): number {
    return this.operations.length;
  }

  write(position: number, data: Uint8Array, copies: CopyArena): void {
    this.apply({ kind: "write", position, data: copies.copy(data) });
  }

  truncate(size: number): void {
    this.apply({ kind: "truncate", size });
  }

  sync(count: number): void {
    for (const operation of this.operations.splice(0, count)) this.durable.apply(operation);
  }

  crash(rng: Rng, keepSomeUnsynced: boolean): Content {
    const survivor = this.durable;
    const operations = this.operations;
    if (keepSomeUnsynced && operations.length > 0) {
      const kept = rng.integer(0, operations.length + 1);
      for (let i = 0; i < kept; i++) survivor.apply(operations[i] as PendingOperation);
      const torn = operations[kept];
      if (torn?.kind === "write" && rng.chance(0.5)) {
        survivor.write(torn.position, torn.data.subarray(0, rng.integer(0, torn.data.length + 1)));
      }
    }
    this.operations = [];
    return survivor;
  }

  flipBit(position: number, mask: number): void {
    this.current.flipBit(position, mask);
    if (position < this.durable.size) this.durable.flipBit(position, mask);
  }

  overwrite(position: number, data: Uint8Array): void {
    this.current.write(position, data);
    this.durable.write(position, data);
  }

  private apply(operation: PendingOperation): void {
    this.current.apply(operation);
    this.operations.push(operation);
  }
}

/** A file: its contents and how many of its operations were ever settled (made durable or lost). */
class Inode {
  state: FileState = new UndoLog(new Content());
  /** Operations ever taken off the unsynced list: `settled + unsyncedCount` counts every operation. */
  settled = 0;

  /** The state that `flipBit` and `overwrite` change: a `RedoLog` once operations are pending. */
  corruptible(): RedoLog | Content {
    const state = this.state;
    if (state instanceof RedoLog) return state;
    if (state.unsyncedCount === 0) return state.current;
    const redo = (state as UndoLog).toRedoLog();
    this.state = redo;
    return redo;
  }
}

/** A growable byte buffer with a logical size. Invariant: the bytes past `size` are zero. */
class Content {
  bytes = new Uint8Array(0);
  size = 0;
  /**
   * Every byte from here on is zero (a bound, not always the least one). Most of a zero-filled segment
   * is zeros, and the undo log keeps no copy of zeros that a write replaces.
   */
  nonZeroEnd = 0;

  write(position: number, data: Uint8Array): void {
    this.reserve(position + data.length);
    this.bytes.set(data, position);
    this.size = Math.max(this.size, position + data.length);
    this.nonZeroEnd = Math.max(this.nonZeroEnd, position + data.length);
  }

  truncate(size: number): void {
    if (size > this.size) this.reserve(size);
    else this.bytes.fill(0, size, this.size);
    this.size = size;
    this.nonZeroEnd = Math.min(this.nonZeroEnd, size);
  }

  apply(operation: PendingOperation): void {
    if (operation.kind === "write") this.write(operation.position, operation.data);
    else this.truncate(operation.size);
  }

  /** Rolls back `undo`, the last operation applied. */
  undo(undo: Undo): void {
    this.truncate(undo.previousSize);
    this.restore(undo, 0);
  }

  /**
   * Rolls back all but the first `keptBytes` of the write `undo`, the last operation applied, as a write
   * of only those bytes would have left the file (a torn write).
   */
  tear(undo: Undo, keptBytes: number): void {
    this.truncate(Math.max(undo.previousSize, undo.position + keptBytes));
    this.restore(undo, keptBytes);
  }

  flipBit(position: number, mask: number): void {
    this.bytes[position] = (this.bytes[position] as number) ^ mask;
    this.nonZeroEnd = Math.max(this.nonZeroEnd, position + 1);
  }

  copy(): Content {
    const result = new Content();
    result.bytes = this.bytes.slice(0, this.size);
    result.size = this.size;
    result.nonZeroEnd = this.nonZeroEnd;
    return result;
  }

  /** Puts back what `undo` replaced below its `previousSize`, from its `from`-th byte on. */
  private restore(undo: Undo, from: number): void {
    const replaced = undo.replaced;
    if (from < replaced.length) {
      this.bytes.set(from === 0 ? replaced : replaced.subarray(from), undo.position + from);
      this.nonZeroEnd = Math.max(this.nonZeroEnd, undo.position + replaced.length);
    }
    // Replaced bytes past those kept were zeros (a write's data may still be there).
    const zeroEnd = Math.min(undo.position + undo.length, undo.previousSize);
    const zeroStart = undo.position + Math.max(from, replaced.length);
    if (zeroStart < zeroEnd) this.bytes.fill(0, zeroStart, zeroEnd);
  }

  private reserve(size: number): void {
    if (size <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(size, this.bytes.length * 2, 256));
    grown.set(this.bytes.subarray(0, this.size));
    this.bytes = grown;
  }
}

/**
 * Copies of bytes the disk keeps for later: what unsynced operations replaced (undo log), or the data
 * of unsynced writes (redo log). Most simulated writes are small (a group commit of a few records), and
 * a buffer of their own each (an allocation per write) was most of a simulated write's cost: small
 * copies are cut from shared chunks instead. A chunk is never written twice, so a copy stays valid for
 * as long as it is referenced, and the chunk is freed with the last copy cut from it.
 */
class CopyArena {
  private chunk = new Uint8Array(0);
  private used = 0;

  copy(data: Uint8Array): Uint8Array {
    return this.copyRange(data, 0, data.length);
  }

  /** A copy of `bytes[start, end)`. */
  copyRange(bytes: Uint8Array, start: number, end: number): Uint8Array {
    const length = end - start;
    if (length > arenaCopyBytesMax) return bytes.slice(start, end);
    if (this.used + length > this.chunk.length) {
      this.chunk = new Uint8Array(arenaChunkBytes);
      this.used = 0;
    }
    this.chunk.set(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end), this.used);
    const copy = this.chunk.subarray(this.used, this.used + length);
    this.used += length;
    return copy;
  }
}

const arenaChunkBytes = 64 * 1024;
/** Larger copies get a buffer of their own, so an arena chunk is never pinned by little more than one copy. */
const arenaCopyBytesMax = arenaChunkBytes / 16;

/** What all views of one simulated disk share: the files, the faults, the counters. */
class SimStorage {
  readonly statistics: SimDiskStatistics = {
    writes: 0,
    writtenBytes: 0,
    syncs: 0,
    directorySyncs: 0,
    crashes: 0,
  };
  readonly rng: Rng;
  readonly scheduler: SimDiskScheduler | undefined;
  capacityBytes: number;
  /** Names as the running process sees them. */
  names = new Map<string, Inode>();
  /** Names as they would be after a crash. */
  durableNames = new Map<string, Inode>();
  /**
   * Per directory, the names created, removed or renamed since its last fsync: what a syncDirectory
   * copies from `names` to `durableNames` (every other name is the same in both), so a directory
   * fsync costs its own changes, not the whole disk's files.
   */
  changedNames = new Map<string, Set<string>>();
  /** The file names (`names` keys) in each directory, so a listing costs that directory's size. */
  filesByDirectory = new Map<string, Set<string>>();
  readonly directories = new Set<string>([""]);
  faultRules: Array<SimDiskFaultRule & { remaining: number }> = [];
  readonly copies = new CopyArena();
  faultProbabilities: Partial<Record<SimDiskFault, number>> = {};
  /** Whether any of `faultProbabilities` is above 0 (most runs have none: nothing to look up per operation). */
  anyFaultProbability = false;
  /** Incremented by every crash; views and handles of an older generation are dead. */
  generation = 0;

  constructor(options: SimDiskOptions) {
    this.rng = options.rng;
    this.scheduler = options.scheduler;
    this.capacityBytes = options.capacityBytes ?? Number.POSITIVE_INFINITY;
  }
}

export class SimDisk implements Disk {
  private readonly storage: SimStorage;
  /** The process generation this view belongs to; after a crash the view and its handles are dead. */
  private readonly generation: number;

  constructor(options: SimDiskOptions, storage?: SimStorage) {
    this.storage = storage ?? new SimStorage(options);
    this.generation = this.storage.generation;
  }

  get statistics(): SimDiskStatistics {
    return this.storage.statistics;
  }

  /** Makes the next `count` matching operations fail with `fault`. */
  failNext(rule: SimDiskFaultRule): void {
    this.storage.faultRules.push({ ...rule, remaining: rule.count ?? 1 });
  }

  /** Makes every write, sync, truncate and create fail with the given probability per fault. */
  setFaultProbabilities(probabilities: Partial<Record<SimDiskFault, number>>): void {
    this.storage.faultProbabilities = { ...probabilities };
    this.storage.anyFaultProbability = faultsByPriority.some((fault) => (probabilities[fault] ?? 0) > 0);
  }

  setCapacity(capacityBytes: number): void {
    this.storage.capacityBytes = capacityBytes;
  }

  clearFaults(): void {
    this.storage.faultRules = [];
    this.storage.faultProbabilities = {};
    this.storage.anyFaultProbability = false;
  }

  /** Bytes all files currently hold. */
  usedBytes(): number {
    let total = 0;
    for (const inode of new Set(this.storage.names.values())) total += inode.state.current.size;
    return total;
  }

  /**
   * Power loss: unsynced data and directory changes are lost, except that (unless disabled) a random
   * prefix of each file's unsynced operations survives, the last one possibly torn at a random byte.
   * Returns the disk as the restarted process sees it: this view, and every file opened through it, is
   * dead from now on (its operations fail with IO_ERROR), as a crashed process can do nothing more.
   */
  crash(options: SimDiskCrashOptions = {}): SimDisk {
    const keepSomeUnsynced = options.keepSomeUnsynced ?? true;
    for (const inode of new Set([...this.storage.names.values(), ...this.storage.durableNames.values()])) {
      this.crashInode(inode, keepSomeUnsynced);
    }
    this.storage.names = new Map(this.storage.durableNames);
    this.storage.changedNames.clear();
    this.storage.filesByDirectory.clear();
    for (const path of this.storage.names.keys()) addTo(this.storage.filesByDirectory, parentOf(path), path);
    this.storage.generation++;
    this.storage.statistics.crashes++;
    return new SimDisk({ rng: this.storage.rng }, this.storage);
  }

  /** Flips one bit of a file's bytes, in what is durable and in what is visible alike (media corruption). */
  flipBit(path: string, position: number, bit: number): void {
    const inode = this.storage.names.get(normalize(path));
    assert(inode !== undefined, () => `flipBit: no file ${path}`);
    assert(
      position < inode.state.current.size,
      () => `flipBit: position ${position} past the end of ${path}`,
    );
    inode.corruptible().flipBit(position, 1 << bit);
  }

  /** Overwrites bytes of a file in what is durable and visible alike (a test's scalpel). */
  overwrite(path: string, position: number, data: Uint8Array): void {
    const inode = this.storage.names.get(normalize(path));
    assert(inode !== undefined, () => `overwrite: no file ${path}`);
    const target = inode.corruptible();
    if (target instanceof RedoLog) target.overwrite(position, data);
    else target.write(position, data);
  }

  /** A copy of a file's visible bytes, for assertions. */
  contents(path: string): Uint8Array {
    const inode = this.storage.names.get(normalize(path));
    assert(inode !== undefined, () => `contents: no file ${path}`);
    const content = inode.state.current;
    return content.bytes.slice(0, content.size);
  }

  /** Paths of every file, sorted. */
  paths(): string[] {
    return [...this.storage.names.keys()].sort();
  }

  open(path: string, options: { readonly create: boolean }): Promise<DiskFile> {
    const name = normalize(path);
    return this.run("open", name, () => {
      let inode = this.storage.names.get(name);
      if (inode === undefined) {
        if (!options.create)
          throw new HelixError("NOT_FOUND", `no such file: ${name}`, { details: { path } });
        this.checkParent(name);
        this.maybeFail("open", name);
        inode = new Inode();
        this.setName(name, inode);
      }
      return new SimDiskFile(this, inode, name, this.generation);
    });
  }

  list(directory: string): Promise<string[]> {
    const name = normalize(directory);
    return this.run("list", name, () => {
      const entries = new Set<string>();
      const prefix = name === "" ? "" : `${name}/`;
      const files = this.storage.filesByDirectory.get(name) ?? [];
      for (const path of [...files, ...this.storage.directories]) {
        if (path.startsWith(prefix) && path !== name) {
          const rest = path.slice(prefix.length);
          if (!rest.includes("/") && rest !== "") entries.add(rest);
        }
      }
      return [...entries].sort();
    });
  }

  exists(path: string): Promise<boolean> {
    const name = normalize(path);
    return this.run("exists", name, () => this.storage.names.has(name) || this.storage.directories.has(name));
  }

  mkdir(directory: string): Promise<void> {
    const name = normalize(directory);
    return this.run("mkdir", name, () => {
      const parts = name.split("/");
      for (let i = 1; i <= parts.length; i++) this.storage.directories.add(parts.slice(0, i).join("/"));
    });
  }

  remove(path: string): Promise<void> {
    const name = normalize(path);
    return this.run("remove", name, () => {
      this.maybeFail("remove", name);
      this.setName(name, undefined);
    });
  }

  rename(from: string, to: string): Promise<void> {
    const source = normalize(from);
    const target = normalize(to);
    return this.run("rename", source, () => {
      const inode = this.storage.names.get(source);
      if (inode === undefined)
        throw new HelixError("NOT_FOUND", `no such file: ${source}`, { details: { path: from } });
      this.checkParent(target);
      this.maybeFail("rename", source);
      this.setName(source, undefined);
      this.setName(target, inode);
    });
  }

  syncDirectory(directory: string): Promise<void> {
    const name = normalize(directory);
    return this.run("syncDirectory", name, () => {
      this.maybeFail("syncDirectory", name);
      this.storage.statistics.directorySyncs++;
      const changed = this.storage.changedNames.get(name) ?? new Set<string>();
      this.storage.changedNames.delete(name);
      for (const path of changed) {
        const inode = this.storage.names.get(path);
        if (inode === undefined) this.storage.durableNames.delete(path);
        else this.storage.durableNames.set(path, inode);
      }
    });
  }

  /** Creates, replaces or (with undefined) removes a name, noting the change for its directory's fsync. */
  private setName(path: string, inode: Inode | undefined): void {
    const directory = parentOf(path);
    if (inode === undefined) {
      this.storage.names.delete(path);
      this.storage.filesByDirectory.get(directory)?.delete(path);
    } else {
      this.storage.names.set(path, inode);
      addTo(this.storage.filesByDirectory, directory, path);
    }
    addTo(this.storage.changedNames, directory, path);
  }

  /**
   * Runs `action` now, or when the scheduler says; either way returns its outcome as a promise. Most
   * operations complete within the scheduler call (the simulator delays only fdatasync): their promise
   * is made already settled, without a resolver pair.
   */
  run<T>(operation: SimDiskOperation, path: string, action: () => T): Promise<T> {
    const scheduler = this.storage.scheduler;
    if (scheduler === undefined) {
      try {
        this.checkAlive(this.generation, path);
        return Promise.resolve(action());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    let outcome: "pending" | "fulfilled" | "rejected" = "pending";
    let value: T | undefined;
    let failure: unknown;
    let settle: (() => void) | undefined;
    scheduler(operation, path, () => {
      assert(outcome === "pending", "a SimDisk operation was completed twice");
      try {
        this.checkAlive(this.generation, path);
        value = action();
        outcome = "fulfilled";
      } catch (error) {
        failure = error;
        outcome = "rejected";
      }
      settle?.();
    });
    // The scheduler may have run the callback above, which TypeScript cannot see.
    const settled = outcome as typeof outcome | "fulfilled" | "rejected";
    if (settled === "fulfilled") return Promise.resolve(value as T);
    if (settled === "rejected") return Promise.reject(failure);
    return new Promise<T>((resolve, reject) => {
      settle = () => (outcome === "fulfilled" ? resolve(value as T) : reject(failure));
    });
  }

  /** Throws the fault a rule or the fault probabilities call for, if any. */
  maybeFail(operation: SimDiskOperation, path: string): void {
    const fault = this.pickFault(operation, path);
    if (fault !== undefined) throw faultError(fault, operation, path);
  }

  pickFault(operation: SimDiskOperation, path: string): SimDiskFault | undefined {
    const rules = this.storage.faultRules;
    const rule =
      rules.length === 0
        ? undefined
        : rules.find(
            (candidate) =>
              candidate.operation === operation &&
              (candidate.pathIncludes === undefined || path.includes(candidate.pathIncludes)),
          );
    if (rule !== undefined) {
      rule.remaining--;
      if (rule.remaining <= 0)
        this.storage.faultRules = this.storage.faultRules.filter((candidate) => candidate !== rule);
      return rule.fault;
    }
    if (operation === "read" || operation === "close" || !this.storage.anyFaultProbability) return undefined;
    for (const fault of faultsByPriority) {
      const probability = this.storage.faultProbabilities[fault] ?? 0;
      if (probability > 0 && this.storage.rng.chance(probability)) return fault;
    }
    return undefined;
  }

  checkAlive(generation: number, path: string): void {
    if (generation !== this.storage.generation) {
      throw new HelixError("IO_ERROR", `the disk crashed; ${path} was opened before the crash`, {
        details: { path },
      });
    }
  }

  /** Whether growing the disk's contents by `extraBytes` stays within capacity. */
  fits(extraBytes: number): boolean {
    // Without a capacity there is nothing to add up (this runs on every write).
    if (this.storage.capacityBytes === Number.POSITIVE_INFINITY) return true;
    return this.usedBytes() + extraBytes <= this.storage.capacityBytes;
  }

  /** Keeps copies for the disk (see CopyArena). */
  get copies(): CopyArena {
    return this.storage.copies;
  }

  /** A random prefix length of `length` bytes, for failed and torn writes. */
  randomPrefix(length: number): number {
    return this.storage.rng.integer(0, length + 1);
  }

  /**
   * What survives of a file is its durable content plus, maybe, a prefix of its unsynced operations (the
   * last one maybe torn). That is durable from now on, and the restarted process sees it.
   */
  private crashInode(inode: Inode, keepSomeUnsynced: boolean): void {
    const state = inode.state;
    inode.settled += state.unsyncedCount;
    const survivor = state.crash(this.storage.rng, keepSomeUnsynced);
    if (state instanceof RedoLog) inode.state = new UndoLog(survivor);
  }

  private checkParent(path: string): void {
    const parent = parentOf(path);
    if (!this.storage.directories.has(parent)) {
      throw new HelixError("NOT_FOUND", `no such directory: ${parent}`, { details: { path } });
    }
  }
}

class SimDiskFile implements DiskFile {
  constructor(
    private readonly disk: SimDisk,
    private readonly inode: Inode,
    readonly path: string,
    private readonly generation: number,
  ) {}

  size(): number {
    this.disk.checkAlive(this.generation, this.path);
    return this.inode.state.current.size;
  }

  read(position: number, length: number): Promise<Uint8Array> {
    return this.disk.run("read", this.path, () => {
      this.disk.checkAlive(this.generation, this.path);
      this.disk.maybeFail("read", this.path);
      const content = this.inode.state.current;
      const end = Math.min(content.size, position + length);
      return position >= end ? new Uint8Array(0) : content.bytes.slice(position, end);
    });
  }

  /**
   * The data is read when the write takes effect, as the call returns unless the scheduler defers it:
   * then it is copied first, since the caller may reuse its buffer meanwhile.
   */
  write(position: number, data: Uint8Array): Promise<void> {
    let source = data;
    let started = false;
    const writing = this.disk.run("write", this.path, () => {
      started = true;
      this.disk.checkAlive(this.generation, this.path);
      const state = this.inode.state;
      const growth = Math.max(0, position + source.length - state.current.size);
      const fault = this.disk.fits(growth) ? this.disk.pickFault("write", this.path) : "ENOSPC";
      if (fault !== undefined) {
        // A failed write may still have put some of its bytes in the page cache.
        const prefix = this.disk.randomPrefix(source.length);
        const partial = source.subarray(0, this.disk.fits(prefix) ? prefix : 0);
        if (partial.length > 0) state.write(position, partial, this.disk.copies);
        throw faultError(fault, "write", this.path);
      }
      this.disk.statistics.writes++;
      this.disk.statistics.writtenBytes += source.length;
      state.write(position, source, this.disk.copies);
    });
    if (!started) source = this.disk.copies.copy(data);
    return writing;
  }

  /**
   * Makes durable the operations that had completed when sync was called, and no later ones: with a
   * scheduler, a write that completes while the fdatasync is in flight is not covered by it (the Disk
   * contract), so a WAL that acknowledged it early would lose it at the next crash.
   */
  sync(): Promise<void> {
    const inode = this.inode;
    const coveredThrough = inode.settled + inode.state.unsyncedCount;
    return this.disk.run("sync", this.path, () => {
      this.disk.checkAlive(this.generation, this.path);
      // A failed fdatasync leaves the pending operations unsynced: a later crash may lose them.
      this.disk.maybeFail("sync", this.path);
      this.disk.statistics.syncs++;
      const state = inode.state;
      const count = Math.min(state.unsyncedCount, Math.max(0, coveredThrough - inode.settled));
      state.sync(count);
      inode.settled += count;
    });
  }

  truncate(size: number): Promise<void> {
    return this.disk.run("truncate", this.path, () => {
      this.disk.checkAlive(this.generation, this.path);
      const growth = Math.max(0, size - this.inode.state.current.size);
      if (!this.disk.fits(growth)) throw faultError("ENOSPC", "truncate", this.path);
      this.disk.maybeFail("truncate", this.path);
      this.inode.state.truncate(size, this.disk.copies);
    });
  }

  close(): Promise<void> {
    return this.disk.run("close", this.path, () => undefined);
  }
}

/** The faults drawn by probability, in the order they are drawn (the order is part of a seed's replay). */
const faultsByPriority = ["ENOSPC", "EIO"] as const;

function faultError(fault: SimDiskFault, operation: SimDiskOperation, path: string): HelixError {
  const details = { path, errno: fault, operation };
  return fault === "ENOSPC"
    ? new HelixError("DISK_FULL", `${operation} ${path}: no space left on device (simulated)`, { details })
    : new HelixError("IO_ERROR", `${operation} ${path}: input/output error (simulated)`, { details });
}

/** Paths that are already normal: no empty or "." parts, so no leading, trailing or doubled slash. */
const normalPath = /^(?!\.?(\/|$))(?!.*\/\.?(\/|$))/;

function normalize(path: string): string {
  // Most paths come normal (the WAL opens its segments by name): no arrays to split and join.
  if (normalPath.test(path)) return path;
  return path
    .split("/")
    .filter((part) => part !== "" && part !== ".")
    .join("/");
}

function addTo(sets: Map<string, Set<string>>, key: string, value: string): void {
  let set = sets.get(key);
  if (set === undefined) {
    set = new Set();
    sets.set(key, set);
  }
  set.add(value);
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}
