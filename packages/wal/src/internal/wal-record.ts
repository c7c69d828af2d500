import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import type { HardState, WalEntry } from "../wal-types.js";
import { readUint32, readUint64, writeUint32, writeUint64 } from "./bytes.js";
import { frameHeaderBytes, sealFrame, sealFrameAt } from "./frame.js";

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

export function encodeEntry(group: GroupId, entry: WalEntry): Uint8Array {
  const frame = new Uint8Array(entryFrameBytes(entry.data.length));
  encodeEntryInto(frame, 0, group, entry);
  return frame;
}

/**
 * Encodes an entry frame into `target` at `position` and returns its size. Group commit encodes a whole
 * batch into one reused buffer this way, allocating nothing per entry.
 */
export function encodeEntryInto(
  target: Uint8Array,
  position: number,
  group: GroupId,
  entry: WalEntry,
): number {
  const size = entryFrameBytes(entry.data.length);
  writeUint64(target, position + 12, group);
  writeUint64(target, position + 20, entry.index);
  writeUint64(target, position + 28, entry.term);
  target[position + 36] = entry.type;
  target.set(entry.data, position + frameHeaderBytes + entryFixedBytes);
  sealFrameAt(target, position, size, recordTypes.entry);
  return size;
}

export function encodeRecord(record: Exclude<WalRecord, { kind: "entry" }>): Uint8Array {
  switch (record.kind) {
    case "hardState": {
      const frame = newFrame(hardStateBytes);
      writeHardState(frame, 20, record.hardState);
      return finish(frame, record.group, recordTypes.hardState);
    }
    case "truncate": {
      const frame = newFrame(truncateBytes);
      writeUint64(frame, 20, record.fromIndex);
      return finish(frame, record.group, recordTypes.truncate);
    }
    case "release": {
      const frame = newFrame(releaseBytes);
      writeUint64(frame, 20, record.index);
      writeUint64(frame, 28, record.term);
      return finish(frame, record.group, recordTypes.release);
    }
    case "checkpoint": {
      const frame = newFrame(checkpointBytes);
      writeHardState(frame, 20, record.hardState);
      writeUint64(frame, 40, record.compactedIndex);
      writeUint64(frame, 48, record.compactedTerm);
      writeUint64(frame, 56, record.lastIndex);
      return finish(frame, record.group, recordTypes.checkpoint);
    }
  }
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

/** The entry stored in the entry frame of `size` bytes at `start` of `bytes` (already checked). */
export function decodeEntry(bytes: Uint8Array, start: number, size: number): WalEntry {
  return {
    index: readUint64(bytes, start + 20) as LogIndex,
    term: readUint64(bytes, start + 28) as Term,
    type: bytes[start + 36] as number,
    data: bytes.slice(start + frameHeaderBytes + entryFixedBytes, start + size),
  };
}

function newFrame(payloadBytes: number): Uint8Array {
  return new Uint8Array(frameHeaderBytes + payloadBytes);
}

function finish(frame: Uint8Array, group: GroupId, type: number): Uint8Array {
  writeUint64(frame, 12, group);
  sealFrame(frame, type);
  return frame;
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
