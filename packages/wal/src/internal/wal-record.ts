import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import type { EntryDecoder, HardState, StoredEntry, WalEntry } from "../wal-types.js";
import { readUint32, readUint64, writeUint32, writeUint64 } from "./bytes.js";
import { frameHeaderBytes, sealFrameAt } from "./frame.js";

/**
 * The WAL's record types, one per frame type byte. Payload layouts (all integers little-endian; u64 hold
 * safe integers; `vote` 0 means none):
 *
 *   1 entry       group u64, index u64, term u64, entryType u8, data (the rest)
 *   2 hardState   group u64, term u64, vote u32, commit u64
 *   3 truncate    group u64, fromIndex u64            (entries >= fromIndex are removed)
 *   4 release     group u64, index u64, term u64      (entries <= index are released; the compaction point)
 *   5 checkpoint  group u64, term u64, vote u32, commit u64, compactedIndex u64, compactedTerm u64, lastIndex u64
 *
 * Every segment begins with one checkpoint per group, so the metadata of reclaimed segments is never
 * needed again.
 */
export const recordTypes = { entry: 1, hardState: 2, truncate: 3, release: 4, checkpoint: 5 } as const;

export function isWalRecordType(type: number): boolean {
  return type >= recordTypes.entry && type <= recordTypes.checkpoint;
}

export type WalRecord =
  | { readonly kind: "entry"; readonly group: GroupId; readonly index: LogIndex; readonly term: Term }
  | { readonly kind: "hardState"; readonly group: GroupId; readonly hardState: HardState }
  | { readonly kind: "truncate"; readonly group: GroupId; readonly fromIndex: LogIndex }
  | { readonly kind: "release"; readonly group: GroupId; readonly index: LogIndex; readonly term: Term }
  | {
      readonly kind: "checkpoint";
      readonly group: GroupId;
      readonly hardState: HardState;
      readonly compactedIndex: LogIndex;
      readonly compactedTerm: Term;
      readonly lastIndex: LogIndex;
    };

const entryFixedBytes = 25;
const hardStateBytes = 28;
const truncateBytes = 16;
const releaseBytes = 24;
const checkpointBytes = 52;

/** Frame bytes of an entry record carrying `dataBytes` of data. */
export function entryFrameBytes(dataBytes: number): number {
  return frameHeaderBytes + entryFixedBytes + dataBytes;
}

export const checkpointFrameBytes = frameHeaderBytes + checkpointBytes;

/** An entry record with the entry whose frame it is: what group commit encodes. */
export type EntryWrite = Extract<WalRecord, { kind: "entry" }> & { readonly entry: WalEntry };

/** A record as the WAL writes it: an entry carries its entry's data; the others are whole. */
export type RecordWrite = Exclude<WalRecord, { kind: "entry" }> | EntryWrite;

/** Frame bytes of a record. */
export function recordFrameBytes(record: RecordWrite): number {
  switch (record.kind) {
    case "entry":
      return entryFrameBytes(record.entry.data.length);
    case "hardState":
      return frameHeaderBytes + hardStateBytes;
    case "truncate":
      return frameHeaderBytes + truncateBytes;
    case "release":
      return frameHeaderBytes + releaseBytes;
    case "checkpoint":
      return checkpointFrameBytes;
  }
}

/** A record's frame, unsalted (the segment's salt is applied where the frame lands: `saltFrames`). */
export function encodeRecord(record: Exclude<WalRecord, { kind: "entry" }>): Uint8Array {
  const frame = new Uint8Array(recordFrameBytes(record));
  encodeRecordInto(frame, 0, record, 0);
  return frame;
}

/**
 * Encodes a record's frame into `target` at `position`, its CRC salted with `crcSalt`, and returns its
 * size. Group commit encodes a whole batch into one reused buffer this way, allocating nothing per record.
 */
export function encodeRecordInto(
  target: Uint8Array,
  position: number,
  record: RecordWrite,
  crcSalt: number,
): number {
  const size = recordFrameBytes(record);
  writeUint64(target, position + 12, record.group);
  switch (record.kind) {
    case "entry":
      writeUint64(target, position + 20, record.index);
      writeUint64(target, position + 28, record.term);
      target[position + 36] = record.entry.type;
      target.set(record.entry.data, position + frameHeaderBytes + entryFixedBytes);
      break;
    case "hardState":
      writeHardState(target, position + 20, record.hardState);
      break;
    case "truncate":
      writeUint64(target, position + 20, record.fromIndex);
      break;
    case "release":
      writeUint64(target, position + 20, record.index);
      writeUint64(target, position + 28, record.term);
      break;
    case "checkpoint":
      writeHardState(target, position + 20, record.hardState);
      writeUint64(target, position + 40, record.compactedIndex);
      writeUint64(target, position + 48, record.compactedTerm);
      writeUint64(target, position + 56, record.lastIndex);
      break;
  }
  sealFrameAt(target, position, size, recordTypes[record.kind], crcSalt);
  return size;
}

/**
 * Payload bytes of each record type (by type byte): exact for fixed-size records, the negated minimum
 * for entries (whose data follows the fixed fields); 0 for bytes that are not a record type.
 */
const payloadBytesByType = [
  0,
  -entryFixedBytes,
  hardStateBytes,
  truncateBytes,
  releaseBytes,
  checkpointBytes,
];

const notSafeInteger = "a field is not a safe integer";
const notSafeHardState = "hard state field is not a safe integer";

/**
 * Decodes the record of the checksummed frame of `size` bytes at `start` of `bytes`. Returns a reason
 * string when the payload does not fit its type (only possible for frames written by a different, buggy
 * or hostile writer: the CRC matched). Recovery calls this for every frame on every restart, so it reads
 * the bytes where they are and allocates nothing but the record.
 */
export function decodeRecord(bytes: Uint8Array, start: number, size: number): WalRecord | string {
  const type = bytes[start + 8] as number;
  const payloadBytes = size - frameHeaderBytes;
  const group = payloadBytes < 8 ? undefined : (readUint64(bytes, start + 12) as GroupId | undefined);
  if (group === undefined) return "record too short for a group id";
  const expected = payloadBytesByType[type] ?? 0;
  if (expected > 0 ? payloadBytes !== expected : payloadBytes < -expected)
    return `record of type ${type} has ${payloadBytes} bytes`;
  switch (type) {
    case recordTypes.entry: {
      const index = readUint64(bytes, start + 20);
      const term = readUint64(bytes, start + 28);
      if (index === undefined || term === undefined) return notSafeInteger;
      return { kind: "entry", group, index: index as LogIndex, term: term as Term };
    }
    case recordTypes.hardState: {
      const hardState = readHardState(bytes, start + 20);
      if (hardState === undefined) return notSafeHardState;
      return { kind: "hardState", group, hardState };
    }
    case recordTypes.truncate: {
      const fromIndex = readUint64(bytes, start + 20);
      if (fromIndex === undefined) return notSafeInteger;
      return { kind: "truncate", group, fromIndex: fromIndex as LogIndex };
    }
    case recordTypes.release: {
      const index = readUint64(bytes, start + 20);
      const term = readUint64(bytes, start + 28);
      if (index === undefined || term === undefined) return notSafeInteger;
      return { kind: "release", group, index: index as LogIndex, term: term as Term };
    }
    case recordTypes.checkpoint: {
      const hardState = readHardState(bytes, start + 20);
      if (hardState === undefined) return notSafeHardState;
      const compactedIndex = readUint64(bytes, start + 40);
      const compactedTerm = readUint64(bytes, start + 48);
      const lastIndex = readUint64(bytes, start + 56);
      if (compactedIndex === undefined || compactedTerm === undefined || lastIndex === undefined)
        return notSafeInteger;
      return {
        kind: "checkpoint",
        group,
        hardState,
        compactedIndex: compactedIndex as LogIndex,
        compactedTerm: compactedTerm as Term,
        lastIndex: lastIndex as LogIndex,
      };
    }
    default:
      return `unknown record type ${type}`;
  }
}

/**
 * The group of the entry record in the frame of `size` bytes at `start` of `bytes`, read in place, or
 * undefined when the frame is too short for an entry record or the field is not a safe integer; with
 * `entryRecordIndex` and `entryRecordTerm`, what `decodeRecord` returns for an entry record when all
 * three are defined (and otherwise it says why not). Recovery replays entry records, nearly all of a
 * WAL's frames, this way, without a record object for each.
 */
export function entryRecordGroup(bytes: Uint8Array, start: number, size: number): GroupId | undefined {
  return size < entryFrameBytes(0) ? undefined : (readUint64(bytes, start + 12) as GroupId | undefined);
}

/** See `entryRecordGroup` (which checked the frame's size). */
export function entryRecordIndex(bytes: Uint8Array, start: number): LogIndex | undefined {
  return readUint64(bytes, start + 20) as LogIndex | undefined;
}

/** See `entryRecordGroup` (which checked the frame's size). */
export function entryRecordTerm(bytes: Uint8Array, start: number): Term | undefined {
  return readUint64(bytes, start + 28) as Term | undefined;
}

/**
 * The hard state of the hard-state record in the frame of `size` bytes at `start` of `bytes`, or
 * undefined when the frame is not a well-formed one (then `decodeRecord` says why); its group is then
 * `recordGroupAt`. What `decodeRecord` returns, without the record object: recovery replays one such
 * record for about every round of every group.
 */
export function hardStateRecordOf(bytes: Uint8Array, start: number, size: number): HardState | undefined {
  if (size !== frameHeaderBytes + hardStateBytes || readUint64(bytes, start + 12) === undefined)
    return undefined;
  return readHardState(bytes, start + 20);
}

/** The group of the record in the frame at `start` of `bytes`, already known to be well-formed. */
export function recordGroupAt(bytes: Uint8Array, start: number): GroupId {
  return readUint64(bytes, start + 12) as GroupId;
}

/** The entry stored in the entry frame of `size` bytes at `start` of `bytes` (already checked), as `decode` builds it. */
export function decodeEntry<T extends StoredEntry>(
  bytes: Uint8Array,
  start: number,
  size: number,
  decode: EntryDecoder<T>,
): T {
  return decode(
    readUint64(bytes, start + 20) as LogIndex,
    readUint64(bytes, start + 28) as Term,
    bytes[start + 36] as number,
    bytes.slice(start + frameHeaderBytes + entryFixedBytes, start + size),
  );
}

function writeHardState(bytes: Uint8Array, position: number, hardState: HardState): void {
  writeUint64(bytes, position, hardState.term);
  writeUint32(bytes, position + 8, hardState.vote ?? 0);
  writeUint64(bytes, position + 12, hardState.commit);
}

function readHardState(bytes: Uint8Array, position: number): HardState | undefined {
  const term = readUint64(bytes, position);
  const vote = readUint32(bytes, position + 8);
  const commit = readUint64(bytes, position + 12);
  if (term === undefined || commit === undefined) return undefined;
  return { term: term as Term, vote: vote === 0 ? undefined : (vote as NodeId), commit: commit as LogIndex };
}
