import type { Disk, DiskFile } from "@helixlog/core";
import { assert } from "@helixlog/core";

interface CachedFile {
  readonly file: Promise<DiskFile>;
  users: number;
  /** Set when the file was forgotten while in use: close it when the last user leaves. */
  closeWhenUnused: boolean;
}

/**
 * Open files for reading, at most `capacity` of them (least recently used ones are closed first), so a
 * WAL with many segments or a node with many partitions stays within its descriptor budget. A file in
 * use is never closed under its user.
 */
export class FileCache {
  private readonly files = new Map<string, CachedFile>();

  constructor(
    private readonly disk: Disk,
    private readonly capacity: number,
  ) {
    assert(capacity >= 1, "a file cache needs room for one file");
  }

  async use<T>(path: string, action: (file: DiskFile) => Promise<T>): Promise<T> {
    let entry = this.files.get(path);
    if (entry === undefined) {
      entry = { file: this.disk.open(path, { create: false }), users: 0, closeWhenUnused: false };
      this.files.set(path, entry);
      entry.file.catch(() => this.files.delete(path));
      await this.evict();
    } else {
      // Re-inserting moves the entry to the most recently used end of the map's order.
      this.files.delete(path);
      this.files.set(path, entry);
    }
    entry.users++;
    try {
      return await action(await entry.file);
    } finally {
      entry.users--;
      if (entry.users === 0 && entry.closeWhenUnused) await (await entry.file).close();
    }
  }

  /** Closes a file (now, or when its last user is done) before it is removed. */
  async forget(path: string): Promise<void> {
    const entry = this.files.get(path);
    if (entry === undefined) return;
    this.files.delete(path);
    if (entry.users > 0) entry.closeWhenUnused = true;
    else await (await entry.file).close();
  }

  async closeAll(): Promise<void> {
    for (const path of [...this.files.keys()]) await this.forget(path);
  }

  private async evict(): Promise<void> {
    for (const [path, entry] of this.files) {
      if (this.files.size <= this.capacity) return;
      if (entry.users === 0) {
        this.files.delete(path);
        await (await entry.file).close();
      }
    }
  }
}
