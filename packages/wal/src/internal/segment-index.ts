import { crc32c, HelixError } from "@helixlog/core";
import { viewOf } from "./bytes.js";
import { decodeFileHeader, encodeFileHeader, fileHeaderBytes } from "./file-header.js";

/**
 * A segment's sparse indexes, in memory and on disk.
 *
 * `.index`: header (magic "HLXPIDX1", fields [baseOffset, entryCount, CRC32C of the entries]) then
 * entries of 8 bytes: relativeOffset u32 LE, position u32 LE (of the batch's frame in the .log).
 *
 * `.timeindex`: header (magic "HLXPTIX1", same fields) then entries of 12 bytes: timestamp i64 LE (the
 * largest batch maxTimestamp so far), relativeOffset u32 LE (the batch indexed at that point).
 *
 * Both are written whole when a segment is sealed; the active segment's live only in memory and are
 * rebuilt by scanning its log on open.
 */
export const offsetIndexMagic = "HLXPIDX1";
export const timeIndexMagic = "HLXPTIX1";
export const indexFormatVersion = 1;
const offsetEntryBytes = 8;
const timeEntryBytes = 12;

export class SegmentIndex {
  readonly relativeOffsets: number[] = [];
  readonly positions: number[] = [];
  readonly timestamps: number[] = [];
  readonly timeRelativeOffsets: number[] = [];

  add(relativeOffset: number, position: number, largestTimestamp: number): void {
    this.relativeOffsets.push(relativeOffset);
    this.positions.push(position);
    if (largestTimestamp > (this.timestamps.at(-1) ?? Number.NEGATIVE_INFINITY)) {
      this.timestamps.push(largestTimestamp);
      this.timeRelativeOffsets.push(relativeOffset);
    }
  }

  /** The position of the last indexed batch starting at or before `relativeOffset`, if any. */
  floorPosition(relativeOffset: number): number | undefined {
    const slot = lastAtOrBelow(this.relativeOffsets, relativeOffset);
    return slot < 0 ? undefined : this.positions[slot];
  }

  /** The relative offset to start a time search from: the last time entry below `timestamp`. */
  timeFloor(timestamp: number): number | undefined {
    const slot = lastAtOrBelow(this.timestamps, timestamp - 1);
    return slot < 0 ? undefined : this.timeRelativeOffsets[slot];
  }

  encodeOffsetIndex(baseOffset: number): Uint8Array {
    const entries = new Uint8Array(this.relativeOffsets.length * offsetEntryBytes);
    const view = viewOf(entries);
    for (const [i, relativeOffset] of this.relativeOffsets.entries()) {
      view.setUint32(i * offsetEntryBytes, relativeOffset, true);
      view.setUint32(i * offsetEntryBytes + 4, this.positions[i] as number, true);
    }
    return withHeader(offsetIndexMagic, baseOffset, this.relativeOffsets.length, entries);
  }

  encodeTimeIndex(baseOffset: number): Uint8Array {
    const entries = new Uint8Array(this.timestamps.length * timeEntryBytes);
    const view = viewOf(entries);
    for (const [i, timestamp] of this.timestamps.entries()) {
      view.setBigInt64(i * timeEntryBytes, BigInt(timestamp), true);
      view.setUint32(i * timeEntryBytes + 8, this.timeRelativeOffsets[i] as number, true);
    }
    return withHeader(timeIndexMagic, baseOffset, this.timestamps.length, entries);
  }

  /**
   * Loads both index files, checking header, count, entries' CRC, ordering and that positions lie inside
   * the log. Throws CORRUPT_DATA (or NOT_FOUND) for anything wrong: the caller rebuilds from the log.
   */
  static decode(
    offsetFile: Uint8Array,
    timeFile: Uint8Array,
    baseOffset: number,
    logSize: number,
    path: string,
  ): SegmentIndex {
    const index = new SegmentIndex();
    const offsets = entriesOf(offsetFile, offsetIndexMagic, baseOffset, offsetEntryBytes, `${path}.index`);
    const times = entriesOf(timeFile, timeIndexMagic, baseOffset, timeEntryBytes, `${path}.timeindex`);
    for (let i = 0; i < offsets.count; i++) {
      const relativeOffset = offsets.view.getUint32(i * offsetEntryBytes, true);
      const position = offsets.view.getUint32(i * offsetEntryBytes + 4, true);
      const previous = index.relativeOffsets.at(-1);
      if (
        (previous !== undefined && relativeOffset <= previous) ||
        position < fileHeaderBytes ||
        position >= logSize
      ) {
        throw corrupt(`${path}.index`, "entries out of order or outside the log");
      }
      index.relativeOffsets.push(relativeOffset);
      index.positions.push(position);
    }
    for (let i = 0; i < times.count; i++) {
      const timestamp = Number(times.view.getBigInt64(i * timeEntryBytes, true));
      const previous = index.timestamps.at(-1);
      if (previous !== undefined && timestamp <= previous)
        throw corrupt(`${path}.timeindex`, "timestamps out of order");
      index.timestamps.push(timestamp);
      index.timeRelativeOffsets.push(times.view.getUint32(i * timeEntryBytes + 8, true));
    }
    return index;
  }
}

function withHeader(magic: string, baseOffset: number, count: number, entries: Uint8Array): Uint8Array {
  const header = encodeFileHeader({
    magic,
    version: indexFormatVersion,
    fields: [baseOffset, count, crc32c(entries)],
  });
  const file = new Uint8Array(header.length + entries.length);
  file.set(header, 0);
  file.set(entries, header.length);
  return file;
}

function entriesOf(file: Uint8Array, magic: string, baseOffset: number, entryBytes: number, path: string) {
  const header = decodeFileHeader(file, { magic, version: indexFormatVersion }, path);
  const [headerBase, count, entriesCrc] = header.fields;
  const entries = file.subarray(fileHeaderBytes);
  if (headerBase !== baseOffset) throw corrupt(path, `base offset ${headerBase}, expected ${baseOffset}`);
  if (entries.length !== count * entryBytes)
    throw corrupt(path, `${entries.length} bytes for ${count} entries`);
  if (crc32c(entries) !== entriesCrc) throw corrupt(path, "entries checksum mismatch");
  return { count, view: viewOf(entries) };
}

function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function corrupt(path: string, reason: string): HelixError {
  return new HelixError("CORRUPT_DATA", `${path}: ${reason}`, { details: { path } });
}
