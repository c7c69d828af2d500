/**
 * Durable Raft snapshots, one file per group: `<directory>/<group>.snap`, replaced atomically (write a
 * temporary file, fdatasync it, rename it over the old one, fsync the directory), so after a crash the
 * file is either the old snapshot or the new one, whole. The host writes a group's snapshot before it
 * releases the group's WAL prefix, so a snapshot file always covers what the WAL no longer holds.
 *
 * Format (version 1), integers little-endian:
 *
 *   offset size field
 *        0    8 magic "HLXSNAP1"
 *        8    2 format version (1)
 *       10    2 reserved (0)
 *       12    4 CRC32C of every byte after this field
 *       16    4 group id
 *       20    4 byte length of the configuration (JSON of the Raft ConfState)
 *       24    8 index of the last entry the snapshot covers
 *       32    8 term of that entry
 *       40    8 byte length of the state machine data
 *       48    - configuration, then state machine data (opaque here; each state machine versions its own)
 *
 * A file that is short, has a bad magic or fails its CRC is CORRUPT_DATA; an unknown version is
 * UNSUPPORTED_VERSION. Nothing is skipped silently (DESIGN.md §3 rule 3). Temporary files left by a
 * crash mid-write are ignored and overwritten.
 */
import {
  assert,
  crc32c,
  type Disk,
  type GroupId,
  HelixError,
  type LogIndex,
  limits,
  type Term,
} from "@helixlog/core";
import type { ConfState } from "@helixlog/raft";

export interface StoredSnapshot {
  readonly group: GroupId;
  readonly index: LogIndex;
  readonly term: Term;
  readonly confState: ConfState;
  readonly data: Uint8Array;
}

const magic = new TextEncoder().encode("HLXSNAP1");
const formatVersion = 1;
const headerBytes = 48;

export function encodeSnapshot(snapshot: StoredSnapshot): Uint8Array {
  const conf = new TextEncoder().encode(JSON.stringify(snapshot.confState));
  const bytes = new Uint8Array(headerBytes + conf.length + snapshot.data.length);
  const view = new DataView(bytes.buffer);
  bytes.set(magic, 0);
  view.setUint16(8, formatVersion, true);
  view.setUint32(16, snapshot.group, true);
  view.setUint32(20, conf.length, true);
  view.setBigUint64(24, BigInt(snapshot.index), true);
  view.setBigUint64(32, BigInt(snapshot.term), true);
  view.setBigUint64(40, BigInt(snapshot.data.length), true);
  bytes.set(conf, headerBytes);
  bytes.set(snapshot.data, headerBytes + conf.length);
  view.setUint32(12, crc32c(bytes, 0, 16), true);
  return bytes;
}

export function decodeSnapshot(bytes: Uint8Array, path: string): StoredSnapshot {
  const corrupt = (reason: string) => new HelixError("CORRUPT_DATA", `snapshot ${path}: ${reason}`);
  if (bytes.length < headerBytes) throw corrupt(`${bytes.length} bytes is shorter than its header`);
  if (!magic.every((byte, i) => bytes[i] === byte)) throw corrupt("bad magic");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(8, true);
  if (version !== formatVersion) {
    throw new HelixError("UNSUPPORTED_VERSION", `snapshot ${path}: format version ${version} is unknown`);
  }
  if (crc32c(bytes, 0, 16) !== view.getUint32(12, true)) throw corrupt("CRC32C mismatch");
  const confBytes = view.getUint32(20, true);
  const dataBytes = Number(view.getBigUint64(40, true));
  if (headerBytes + confBytes + dataBytes !== bytes.length) {
    throw corrupt(`lengths ${confBytes} + ${dataBytes} do not match the file's ${bytes.length} bytes`);
  }
  const index = Number(view.getBigUint64(24, true));
  const term = Number(view.getBigUint64(32, true));
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(term)) throw corrupt("index or term too large");
  const conf = bytes.subarray(headerBytes, headerBytes + confBytes);
  return {
    group: view.getUint32(16, true) as GroupId,
    index: index as LogIndex,
    term: term as Term,
    confState: JSON.parse(new TextDecoder().decode(conf)) as ConfState,
    data: bytes.slice(headerBytes + confBytes),
  };
}

export class SnapshotStore {
  /**
   * Whether every name in the directory is durable: once a load fsynced it, until a save's rename (its
   * own fsync sets it again). One fsync at start-up, not one per group loaded.
   */
  private namesDurable = false;

  constructor(
    private readonly disk: Disk,
    readonly directory = "snapshots",
  ) {}

  private path(group: GroupId): string {
    return `${this.directory}/${group}.snap`;
  }

  /** Makes `snapshot` the group's durable snapshot, atomically replacing the previous one. */
  async save(snapshot: StoredSnapshot): Promise<void> {
    const bytes = encodeSnapshot(snapshot);
    assert(bytes.length <= limits.snapshotSizeBytesMax, () => `snapshot of ${bytes.length} bytes`);
    const path = this.path(snapshot.group);
    const temporary = `${path}.tmp`;
    await this.disk.mkdir(this.directory);
    const file = await this.disk.open(temporary, { create: true });
    try {
      await file.truncate(0);
      await file.write(0, bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    this.namesDurable = false;
    await this.disk.rename(temporary, path);
    await this.disk.syncDirectory(this.directory);
    this.namesDurable = true;
  }

  /** The group's durable snapshot, or undefined when it has none. */
  async load(group: GroupId): Promise<StoredSnapshot | undefined> {
    const path = this.path(group);
    if (!(await this.disk.exists(path))) return undefined;
    const file = await this.disk.open(path, { create: false });
    let snapshot: StoredSnapshot;
    try {
      snapshot = decodeSnapshot(await file.read(0, file.size()), path);
      if (snapshot.group !== group) {
        throw new HelixError("CORRUPT_DATA", `snapshot ${path} belongs to group ${snapshot.group}`);
      }
    } finally {
      await file.close();
    }
    // Its data was fdatasynced before the rename; the name may not be durable yet (an earlier process
    // renamed it and stopped before its directory fsync). The host releases the WAL through what this
    // returns, so the name must be durable first.
    if (!this.namesDurable) {
      await this.disk.syncDirectory(this.directory);
      this.namesDurable = true;
    }
    return snapshot;
  }

  /** Deletes the group's snapshot (the group left this node); a group that never snapshotted has none. */
  async remove(group: GroupId): Promise<void> {
    const path = this.path(group);
    if (!(await this.disk.exists(path))) return;
    await this.disk.remove(path);
    await this.disk.syncDirectory(this.directory);
  }
}
