import type { Disk, DiskFile } from "@helixlog/core";
import { assert } from "@helixlog/core";

/** What `FileCache.use` may be told about the file it opens. */
export interface FileUseOptions {
  /** Create the file (empty) when missing; otherwise a missing file is NOT_FOUND. */
  readonly create?: boolean;
  /**
   * Called when the cache evicts this file with writes not yet synced and the fdatasync it does before
   * closing fails: those writes may be lost, so the owner must fail closed (DESIGN.md §3).
   */
  readonly onEvictionFailure?: (error: unknown) => void;
}

export interface FileCacheStatistics {
  /** Files opened on the disk (a reopen after an eviction counts again). */
  opens: number;
  /** Least recently used files closed to make room. */
  evictions: number;
  /** Evicted files with unsynced writes, fdatasynced before being closed. */
  evictionSyncs: number;
  /** The most files open at once. */
  openMax: number;
  /** Callers that waited because every open file was in use. */
  waits: number;
}

interface CachedFile {
  readonly path: string;
  readonly opening: Promise<DiskFile>;
  /** The handle given to users: the opened file, counting writes so eviction knows when to sync. */
  readonly handle: TrackedFile;
  users: number;
  /** Set when the file was forgotten while in use: close it when the last user leaves. */
  closeWhenUnused: boolean;
  onEvictionFailure: ((error: unknown) => void) | undefined;
}

/**
 * An LRU of open files with a hard bound: at most `capacity` files are open at once, counting files
 * being opened and being closed. Least recently used files are closed to make room (fdatasynced first
 * when written since their last sync, so a writeback error is never lost with the descriptor); a
 * file in use is never closed under its user, and when every open file is in use, `use` waits for one
 * to be released. One cache can be shared by every store on a disk, so thousands of partitions share
 * one descriptor budget (`limits.partitionOpenFilesMax`).
 *
 * Deadlock freedom needs one rule from callers: an action never calls `use` on the same cache.
 */
export class FileCache {
  readonly statistics: FileCacheStatistics = {
    opens: 0,
    evictions: 0,
    evictionSyncs: 0,
    openMax: 0,
    waits: 0,
  };
  /** Open (or opening) files in least recently used first order (a Map keeps insertion order). */
  private readonly files = new Map<string, CachedFile>();
  /** Descriptors held: open, being opened or being closed. Never above capacity. */
  private descriptors = 0;
  /** Callers waiting for a descriptor, first come first served. */
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly disk: Disk,
    readonly capacity: number,
  ) {
    assert(Number.isInteger(capacity) && capacity >= 1, "a file cache needs room for one file");
  }

  /** Files open now (or being opened or closed). */
  get openCount(): number {
    return this.descriptors;
  }

  /** Runs `action` with the file at `path`, opening it (and closing another) when it is not open. */
  async use<T>(
    path: string,
    action: (file: DiskFile) => Promise<T>,
    options: FileUseOptions = {},
  ): Promise<T> {
    const entry = await this.acquire(path, options);
    try {
      await entry.opening;
      return await action(entry.handle);
    } finally {
      entry.users--;
      if (entry.users === 0) {
        if (entry.closeWhenUnused) await this.close(entry);
        else this.wakeOne();
      }
    }
  }

  /**
   * Closes a file without syncing it (now, or when its last user is done) because it is about to be
   * removed or renamed; the next `use` of the path opens it again.
   */
  async forget(path: string): Promise<void> {
    const entry = this.files.get(path);
    if (entry === undefined) return;
    this.files.delete(path);
    if (entry.users > 0) entry.closeWhenUnused = true;
    else await this.close(entry);
  }

  /** Forgets every file under `directory` (a store closing or deleting its directory). */
  async forgetUnder(directory: string): Promise<void> {
    const prefix = `${directory}/`;
    for (const path of [...this.files.keys()]) if (path.startsWith(prefix)) await this.forget(path);
  }

  async closeAll(): Promise<void> {
    for (const path of [...this.files.keys()]) await this.forget(path);
  }

  /** A user slot on the file at `path`: found, or opened once a descriptor is free. */
  private async acquire(path: string, options: FileUseOptions): Promise<CachedFile> {
    for (;;) {
      const found = this.files.get(path);
      if (found !== undefined) {
        // Re-inserting moves the entry to the most recently used end of the map's order.
        this.files.delete(path);
        this.files.set(path, found);
        found.users++;
        if (options.onEvictionFailure !== undefined) found.onEvictionFailure = options.onEvictionFailure;
        return found;
      }
      if (this.descriptors < this.capacity) {
        this.descriptors++;
        return this.openEntry(path, options);
      }
      const victim = this.leastRecentlyUsedIdle();
      if (victim !== undefined) {
        this.files.delete(victim.path);
        this.statistics.evictions++;
        // The victim's descriptor passes straight to this caller, so a waiter cannot take it meanwhile.
        await this.close(victim, { keepDescriptor: true });
        if (!this.files.has(path)) return this.openEntry(path, options);
        this.release(); // another caller opened the same file meanwhile: use theirs
      } else {
        this.statistics.waits++;
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
    }
  }

  /** Opens a file on a descriptor the caller already counted. */
  private openEntry(path: string, options: FileUseOptions): CachedFile {
    this.statistics.opens++;
    this.statistics.openMax = Math.max(this.statistics.openMax, this.descriptors);
    const opening = this.disk.open(path, { create: options.create ?? false });
    const entry: CachedFile = {
      path,
      opening,
      handle: new TrackedFile(path, opening),
      users: 1,
      closeWhenUnused: false,
      onEvictionFailure: options.onEvictionFailure,
    };
    this.files.set(path, entry);
    opening.catch(() => {
      // A failed open holds no descriptor; its users see the error from `use`.
      if (this.files.get(path) === entry) this.files.delete(path);
      this.release();
    });
    return entry;
  }

  private leastRecentlyUsedIdle(): CachedFile | undefined {
    for (const entry of this.files.values()) if (entry.users === 0) return entry;
    return undefined;
  }

  /**
   * Closes an entry already taken out of the map, syncing first if it holds unsynced writes. With
   * `keepDescriptor` the descriptor stays counted, for the caller to open another file on it.
   */
  private async close(entry: CachedFile, options: { keepDescriptor?: boolean } = {}): Promise<void> {
    let file: DiskFile;
    try {
      file = await entry.opening;
    } catch {
      // The failed open already gave its descriptor back. A victim is never such an entry: its open
      // settled before its last user left, and a failed open leaves the map at once.
      assert(options.keepDescriptor !== true, "evicting a file whose open failed");
      return;
    }
    try {
      if (entry.handle.dirty()) {
        this.statistics.evictionSyncs++;
        try {
          await entry.handle.sync();
        } catch (error) {
          entry.onEvictionFailure?.(error);
        }
      }
      await file.close().catch(() => undefined);
    } finally {
      if (options.keepDescriptor !== true) this.release();
    }
  }

  private release(): void {
    this.descriptors--;
    assert(this.descriptors >= 0, "file cache released more descriptors than it held");
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiters.shift()?.();
  }
}

/** The cached file as users see it: counts writes so the cache knows whether closing needs an fdatasync. */
class TrackedFile implements DiskFile {
  private file: DiskFile | undefined;
  /** Writes and truncates started; a sync covers those started before it was called. */
  private changes = 0;
  private syncedChanges = 0;

  constructor(
    readonly path: string,
    opening: Promise<DiskFile>,
  ) {
    opening.then(
      (file) => {
        this.file = file;
      },
      () => undefined,
    );
  }

  dirty(): boolean {
    return this.changes !== this.syncedChanges;
  }

  size(): number {
    return this.opened().size();
  }

  read(position: number, length: number): Promise<Uint8Array> {
    return this.opened().read(position, length);
  }

  write(position: number, data: Uint8Array): Promise<void> {
    this.changes++;
    return this.opened().write(position, data);
  }

  async sync(): Promise<void> {
    const covered = this.changes;
    await this.opened().sync();
    this.syncedChanges = Math.max(this.syncedChanges, covered);
  }

  truncate(size: number): Promise<void> {
    this.changes++;
    return this.opened().truncate(size);
  }

  close(): Promise<void> {
    assert(false, "a cached file is closed by its cache (forget), never by a user");
  }

  private opened(): DiskFile {
    assert(this.file !== undefined, () => `${this.path} used before it was opened`);
    return this.file;
  }
}
