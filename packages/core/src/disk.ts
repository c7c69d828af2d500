/**
 * The file operations storage code needs, as an interface, so the WAL and segment store run unchanged
 * on the real filesystem and on the simulator's disk (which can lose unsynced bytes, tear writes, flip
 * bits and fail with ENOSPC/EIO). Failures surface as HelixError with code DISK_FULL or IO_ERROR.
 *
 * Paths are plain strings joined with "/"; implementations resolve them under their own root.
 */
export interface Disk {
  /** Opens a file for reading and writing. `create` makes it (empty) when missing; otherwise a missing file is an error. */
  open(path: string, options: { readonly create: boolean }): Promise<DiskFile>;
  /** Names (not paths) of the entries of a directory, sorted; [] when the directory does not exist. */
  list(directory: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** Creates a directory and its parents; no error if it exists. */
  mkdir(directory: string): Promise<void>;
  /** Removes a file; no error if it does not exist. Durable only after syncDirectory. */
  remove(path: string): Promise<void>;
  /** Atomically replaces `to` with `from`. Durable only after syncDirectory. */
  rename(from: string, to: string): Promise<void>;
  /** fsync of a directory: makes creations, renames and removals in it durable. */
  syncDirectory(directory: string): Promise<void>;
}

export interface DiskFile {
  readonly path: string;
  /** The file's current size including writes not yet synced. */
  size(): number;
  /** Reads up to `length` bytes at `position`; returns fewer only at end of file. */
  read(position: number, length: number): Promise<Uint8Array>;
  /**
   * Writes all of `data` at `position`, extending the file if needed. Durable only after sync(). A write
   * that fails may still have written a prefix of `data` (as a real short write can): callers must not
   * assume the region is unchanged.
   */
  write(position: number, data: Uint8Array): Promise<void>;
  /**
   * fdatasync: every write that completed before this call is durable when it resolves. After a failed
   * sync the state of unsynced writes is unknown (Linux may drop the dirty pages), so callers fail closed.
   */
  sync(): Promise<void>;
  /** Sets the file's size (shrinking or zero-extending). Durable only after sync(). */
  truncate(size: number): Promise<void>;
  close(): Promise<void>;
}
