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

type PendingOperation =
  | { readonly kind: "write"; readonly position: number; readonly data: Uint8Array }
  | { readonly kind: "truncate"; readonly size: number };

/**
 * A file's contents: what the page cache shows (`current`) and what survives a crash (`durable`). The two
 * are one object while they are equal and nothing is pending (after a crash, until the file is written
 * again): a crash then copies no file, and a file only read after a restart (a sealed WAL segment) is
 * never copied. `writableCurrent` separates them before the first change.
 */
class Inode {
  current = new Content();
  durable = new Content();
  /** Operations applied to `current` but not yet to `durable`, in order. */
  pending: PendingOperation[] = [];
  /** Operations ever taken off `pending` (made durable or lost): `settled + pending.length` counts every operation. */
  settled = 0;

  /** `current`, first given its own copy of the bytes if it is still shared with `durable`. */
  writableCurrent(): Content {
    if (this.current === this.durable) this.current = this.durable.copy();
    return this.current;
  }
}

/** A growable byte buffer with a logical size. */
class Content {
  bytes = new Uint8Array(0);
  size = 0;

  write(position: number, data: Uint8Array): void {
    this.reserve(position + data.length);
    this.bytes.set(data, position);
    this.size = Math.max(this.size, position + data.length);
  }

  truncate(size: number): void {
    if (size > this.size) this.reserve(size);
    else this.bytes.fill(0, size, this.size);
    this.size = size;
  }

  apply(operation: PendingOperation): void {
    if (operation.kind === "write") this.write(operation.position, operation.data);
    else this.truncate(operation.size);
  }

  copy(): Content {
    const result = new Content();
    result.bytes = this.bytes.slice(0, this.size);
    result.size = this.size;
    return result;
  }

  private reserve(size: number): void {
    if (size <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(size, this.bytes.length * 2, 256));
    grown.set(this.bytes.subarray(0, this.size));
    this.bytes = grown;
  }
}

/**
 * Copies of the data given to writes, which the disk keeps for the fdatasync and crash that apply them to
 * the durable contents. Most simulated writes are small (a group commit of a few records), and a buffer
 * of their own each (an allocation per write) was most of a simulated write's cost: small copies are cut
 * from shared chunks instead. A chunk is never written twice, so a copy stays valid for as long as it is
 * referenced, and the chunk is freed with the last copy cut from it.
 */
class CopyArena {
  private chunk = new Uint8Array(0);
  private used = 0;

  copy(data: Uint8Array): Uint8Array {
    if (data.length > arenaCopyBytesMax) return data.slice();
    if (this.used + data.length > this.chunk.length) {
      this.chunk = new Uint8Array(arenaChunkBytes);
      this.used = 0;
    }
    this.chunk.set(data, this.used);
    const copy = this.chunk.subarray(this.used, this.used + data.length);
    this.used += data.length;
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
  }

  setCapacity(capacityBytes: number): void {
    this.storage.capacityBytes = capacityBytes;
  }

  clearFaults(): void {
    this.storage.faultRules = [];
    this.storage.faultProbabilities = {};
  }

  /** Bytes all files currently hold. */
  usedBytes(): number {
    let total = 0;
    for (const inode of new Set(this.storage.names.values())) total += inode.current.size;
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
    assert(position < inode.current.size, () => `flipBit: position ${position} past the end of ${path}`);
    const mask = 1 << bit;
    inode.current.bytes[position] = (inode.current.bytes[position] as number) ^ mask;
    if (position < inode.durable.size && inode.durable !== inode.current) {
      inode.durable.bytes[position] = (inode.durable.bytes[position] as number) ^ mask;
    }
  }

  /** Overwrites bytes of a file in what is durable and visible alike (a test's scalpel). */
  overwrite(path: string, position: number, data: Uint8Array): void {
    const inode = this.storage.names.get(normalize(path));
    assert(inode !== undefined, () => `overwrite: no file ${path}`);
    inode.current.write(position, data);
    if (inode.durable !== inode.current) inode.durable.write(position, data);
  }

  /** A copy of a file's visible bytes, for assertions. */
  contents(path: string): Uint8Array {
    const inode = this.storage.names.get(normalize(path));
    assert(inode !== undefined, () => `contents: no file ${path}`);
    return inode.current.bytes.slice(0, inode.current.size);
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

  /** Runs `perform` now, or when the scheduler says; either way returns its outcome as a promise. */
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
    return new Promise<T>((resolve, reject) => {
      let completed = false;
      scheduler(operation, path, () => {
        assert(!completed, "a SimDisk operation was completed twice");
        completed = true;
        try {
          this.checkAlive(this.generation, path);
          resolve(action());
        } catch (error) {
          reject(error);
        }
      });
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
    if (operation === "read" || operation === "close") return undefined;
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

  /** A copy of a write's data for the disk to keep (see CopyArena). */
  copyOf(data: Uint8Array): Uint8Array {
    return this.storage.copies.copy(data);
  }

  /** A random prefix length of `length` bytes, for failed and torn writes. */
  randomPrefix(length: number): number {
    return this.storage.rng.integer(0, length + 1);
  }

  /**
   * What survives of a file is its durable content plus, maybe, a prefix of its unsynced operations (the
   * last one maybe torn). That is durable from now on, and the restarted process sees it: `durable` takes
   * the surviving operations in place (nothing shares it while operations are pending) and `current`
   * shares it until the next change.
   */
  private crashInode(inode: Inode, keepSomeUnsynced: boolean): void {
    const survivor = inode.durable;
    if (keepSomeUnsynced && inode.pending.length > 0) {
      const kept = this.storage.rng.integer(0, inode.pending.length + 1);
      for (let i = 0; i < kept; i++) survivor.apply(inode.pending[i] as PendingOperation);
      const torn = inode.pending[kept];
      if (torn?.kind === "write" && this.storage.rng.chance(0.5)) {
        survivor.write(
          torn.position,
          torn.data.subarray(0, this.storage.rng.integer(0, torn.data.length + 1)),
        );
      }
    }
    inode.current = survivor;
    inode.settled += inode.pending.length;
    inode.pending = [];
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
    return this.inode.current.size;
  }

  read(position: number, length: number): Promise<Uint8Array> {
    return this.disk.run("read", this.path, () => {
      this.disk.checkAlive(this.generation, this.path);
      this.disk.maybeFail("read", this.path);
      const content = this.inode.current;
      const end = Math.min(content.size, position + length);
      return position >= end ? new Uint8Array(0) : content.bytes.slice(position, end);
    });
  }

  write(position: number, data: Uint8Array): Promise<void> {
    const copy = this.disk.copyOf(data);
    return this.disk.run("write", this.path, () => {
      this.disk.checkAlive(this.generation, this.path);
      const growth = Math.max(0, position + copy.length - this.inode.current.size);
      const fault = this.disk.fits(growth) ? this.disk.pickFault("write", this.path) : "ENOSPC";
      if (fault !== undefined) {
        // A failed write may still have put some of its bytes in the page cache.
        const prefix = this.disk.randomPrefix(copy.length);
        const partial = copy.subarray(0, this.disk.fits(prefix) ? prefix : 0);
        if (partial.length > 0) this.apply({ kind: "write", position, data: partial });
        throw faultError(fault, "write", this.path);
      }
      this.disk.statistics.writes++;
      this.disk.statistics.writtenBytes += copy.length;
      this.apply({ kind: "write", position, data: copy });
    });
  }

  /**
   * Makes durable the operations that had completed when sync was called, and no later ones: with a
   * scheduler, a write that completes while the fdatasync is in flight is not covered by it (the Disk
   * contract), so a WAL that acknowledged it early would lose it at the next crash.
   */
  sync(): Promise<void> {
    const inode = this.inode;
    const coveredThrough = inode.settled + inode.pending.length;
    return this.disk.run("sync", this.path, () => {
      this.disk.checkAlive(this.generation, this.path);
      // A failed fdatasync leaves the pending operations unsynced: a later crash may lose them.
      this.disk.maybeFail("sync", this.path);
      this.disk.statistics.syncs++;
      const count = Math.min(inode.pending.length, Math.max(0, coveredThrough - inode.settled));
      for (const operation of inode.pending.splice(0, count)) inode.durable.apply(operation);
      inode.settled += count;
    });
  }

  truncate(size: number): Promise<void> {
    return this.disk.run("truncate", this.path, () => {
      this.disk.checkAlive(this.generation, this.path);
      const growth = Math.max(0, size - this.inode.current.size);
      if (!this.disk.fits(growth)) throw faultError("ENOSPC", "truncate", this.path);
      this.disk.maybeFail("truncate", this.path);
      this.apply({ kind: "truncate", size });
    });
  }

  close(): Promise<void> {
    return this.disk.run("close", this.path, () => undefined);
  }

  private apply(operation: PendingOperation): void {
    this.inode.writableCurrent().apply(operation);
    this.inode.pending.push(operation);
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

function normalize(path: string): string {
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
