import type { Disk, DiskFile, GroupId } from "@helixlog/core";
import { HelixError, limits } from "@helixlog/core";
import { applyEntryRecord, applyHardStateRecord, applyRecord } from "./apply-record.js";
import { decodeFileHeader, fileHeaderBytes } from "./file-header.js";
import { type FrameRules, frameHeaderBytes } from "./frame.js";
import { inspectTail, type ScanStop, scanFrames } from "./frame-scan.js";
import { type GroupLog, SegmentUsage } from "./group-log.js";
import { VerifiedFrames } from "./verified-frames.js";
import {
  decodeRecord,
  entryRecordGroup,
  entryRecordIndex,
  entryRecordTerm,
  hardStateRecordOf,
  isWalRecordType,
  recordGroupAt,
  recordTypes,
} from "./wal-record.js";
import {
  segmentCrcSalt,
  segmentName,
  segmentSequence,
  spareSuffix,
  walFormatVersion,
  walMagic,
} from "./wal-segment.js";

export const walFrameRules: FrameRules = {
  payloadBytesMax: limits.walEntrySizeBytesMax,
  isKnownType: isWalRecordType,
};

/** The rules for the frames of segment `sequence`: its CRC salt (format 2). */
export function walFrameRulesFor(sequence: number): FrameRules {
  return {
    payloadBytesMax: walFrameRules.payloadBytesMax,
    isKnownType: walFrameRules.isKnownType,
    crcSalt: segmentCrcSalt(sequence),
  };
}

export interface RecoveredSegment {
  readonly sequence: number;
  readonly basePosition: number;
}

export interface RecoveredWal {
  readonly groups: Map<GroupId, GroupLog>;
  readonly usage: SegmentUsage;
  /** Every segment, oldest first; the last is where appends continue. */
  readonly segments: RecoveredSegment[];
  /**
   * The last segment, open, where its data ends and its size from its header (the file may be shorter:
   * a segment not zero-filled grows as it is written).
   */
  readonly active:
    | { readonly file: DiskFile; readonly writePosition: number; readonly sizeBytes: number }
    | undefined;
  /** Spare segment files kept for reuse (at most limits.walSpareSegmentsMax), durably named. */
  readonly spares: string[];
}

/**
 * Rebuilds the WAL's state from its directory (DESIGN.md §3 rule 3): validates every header, replays
 * every frame, finds the end of the last segment (a torn or stale tail is left in place, see
 * `settleTail`), and reports anything else (a bad header, a bad
 * frame followed by valid ones, a bad frame at the end of an older segment, a gap between segments,
 * entries that should be there and are not) as CORRUPT_DATA naming the file and position.
 */
export async function recoverWal(disk: Disk, directory: string): Promise<RecoveredWal> {
  const names = await disk.list(directory);
  const spares: string[] = [];
  for (const name of names) {
    if (!name.endsWith(".wal.tmp")) continue;
    // A spare was renamed durably before it became one, and its stale frames fail their check in any
    // later segment: it stays in the pool. Anything else temporary is a segment whose preparation a
    // crash interrupted.
    if (name.endsWith(spareSuffix) && spares.length < limits.walSpareSegmentsMax) {
      spares.push(`${directory}/${name}`);
    } else {
      await disk.remove(`${directory}/${name}`);
    }
  }
  const sequences = names.map(segmentSequence).filter((value): value is number => value !== undefined);
  const groups = new Map<GroupId, GroupLog>();
  const usage = new SegmentUsage();
  const segments: RecoveredSegment[] = [];
  const verified = new VerifiedFrames();
  let active: RecoveredWal["active"];
  let expectedBase: number | undefined;
  let previous: { readonly path: string; readonly end: number; readonly reason: string } | undefined;
  for (const [i, sequence] of sequences.entries()) {
    const isLast = i === sequences.length - 1;
    const path = `${directory}/${segmentName(sequence)}`;
    const file = await disk.open(path, { create: false });
    const header = decodeFileHeader(
      await file.read(0, fileHeaderBytes),
      { magic: walMagic, version: walFormatVersion },
      path,
    );
    const [headerSequence, basePosition, sizeBytes] = header.fields;
    if (headerSequence !== sequence) throw corrupt(path, 0, `header says segment ${headerSequence}`);
    if (
      (sizeBytes as number) < limits.walSegmentSizeBytesMin ||
      (sizeBytes as number) > limits.walSegmentSizeBytesMax
    ) {
      throw corrupt(path, 0, `header gives a segment size of ${sizeBytes} bytes`);
    }
    if (previous !== undefined && basePosition !== expectedBase) {
      // Frames at the end of the previous segment are damaged (its scan stopped early) or a segment
      // between the two is gone: both name the previous segment's end and this segment.
      throw corrupt(
        previous.path,
        previous.end,
        `${previous.reason} ends this sealed segment at WAL position ${expectedBase}, but the next segment ${path} starts at WAL position ${basePosition}`,
      );
    }
    const stop = await replaySegment(file, path, sequence, groups, usage, verified);
    const end = await settleTail(file, path, sequence, stop, isLast);
    verified.checkedThrough(sequence, end);
    segments.push({ sequence, basePosition });
    expectedBase = basePosition + end - fileHeaderBytes;
    previous = {
      path,
      end,
      reason: stop.kind === "bad" ? `a bad frame (${stop.reason})` : "the end of data",
    };
    if (isLast) active = { file, writePosition: end, sizeBytes: sizeBytes as number };
    else await file.close();
  }
  for (const log of groups.values()) {
    if (log.holes > 0) {
      throw new HelixError(
        "CORRUPT_DATA",
        `${directory}: ${log.holes} entries of group ${log.group} are missing (a segment is gone)`,
        {
          details: { path: directory, group: log.group },
        },
      );
    }
    log.acceptedLastIndex = log.lastIndex;
    log.acceptedCompactedIndex = log.compaction.index;
    log.acceptedTerm = log.hardState.term;
    log.verified = verified;
  }
  // The names as well as the data (settleTail): an earlier process may have named a segment or a spare,
  // or removed a file, and stopped before its directory fsync (it failed, or the process exited with no
  // power lost). Recovery found the files by those names and appends build on them, so the names must be
  // durable first: otherwise a power loss later takes back a segment whose entries were acknowledged.
  if (names.length > 0) await disk.syncDirectory(directory);
  return { groups, usage, segments, active, spares };
}

async function replaySegment(
  file: DiskFile,
  path: string,
  sequence: number,
  groups: Map<GroupId, GroupLog>,
  usage: SegmentUsage,
  verified: VerifiedFrames,
): Promise<ScanStop> {
  let failure: HelixError | undefined;
  let kept: Uint8Array | undefined;
  const onFrame = (position: number, type: number, size: number, window: Uint8Array, offset: number) => {
    if (failure !== undefined) return;
    if (window !== kept) {
      kept = window;
      verified.keep(sequence, { start: position - offset, bytes: window });
    }
    // Entry and hard-state records, nearly all of a WAL, apply straight from their bytes; any other
    // record, or one of these that is not well formed, goes through decodeRecord (which says why).
    const group = type === recordTypes.entry ? entryRecordGroup(window, offset, size) : undefined;
    const index = group === undefined ? undefined : entryRecordIndex(window, offset);
    const term = index === undefined ? undefined : entryRecordTerm(window, offset);
    const hardState = type === recordTypes.hardState ? hardStateRecordOf(window, offset, size) : undefined;
    let reason: string | undefined;
    if (group !== undefined && index !== undefined && term !== undefined) {
      reason = applyEntryRecord(groups, usage, group, index, term, sequence, position, size);
    } else if (hardState !== undefined) {
      reason = applyHardStateRecord(groups, recordGroupAt(window, offset), hardState);
    } else {
      const record = decodeRecord(window, offset, size);
      reason =
        typeof record === "string"
          ? record
          : applyRecord(groups, usage, record, { segment: sequence, position, size });
    }
    if (reason !== undefined) failure = corrupt(path, position, reason);
  };
  const stop = await scanFrames(file, fileHeaderBytes, walFrameRulesFor(sequence), onFrame);
  if (failure !== undefined) throw failure;
  return stop;
}

/**
 * Decides what the bytes after the last good frame are. Anything followed by a valid frame (of this
 * segment's salt): corruption in the middle of the log. Otherwise the end of data: zeros, a torn tail, or
 * stale frames of the file's previous use as an older segment (recycled without zeroing; their salt
 * differs, so none of them is valid here). In a sealed segment that is accepted as its end because the
 * next segment's header carries the WAL position where it must end (checked by the caller), so a lost
 * frame is still caught.
 *
 * In the last segment the tail is left as it is, not zeroed: appends continue at the end and overwrite
 * it. That is safe because this scan has just proven that no byte position after the end starts a frame
 * valid in this segment, and a later recovery sees, after the frames appended from here, either more of
 * those same bytes (still invalid) or the durable prefix of a torn append over them. A frame that passes
 * its check across such a tear holds exactly the bytes that append wrote: a durable, unacknowledged
 * frame, which recovery may keep (like any write that reached the disk before a crash).
 */
async function settleTail(
  file: DiskFile,
  path: string,
  sequence: number,
  stop: ScanStop,
  isLast: boolean,
): Promise<number> {
  const tail = await inspectTail(file, stop.position, walFrameRulesFor(sequence), stop.window);
  const reason = stop.kind === "bad" ? stop.reason : "zeroed frame header";
  if (tail.validFrameAt !== undefined) {
    throw corrupt(path, stop.position, `${reason}, followed by a valid frame at ${tail.validFrameAt}`);
  }
  // What recovery read may have come from the page cache after a failed fdatasync; new appends build on
  // it, so it must be durable before they are acknowledged.
  if (isLast) await file.sync();
  return stop.position;
}

function corrupt(path: string, position: number, reason: string): HelixError {
  return new HelixError("CORRUPT_DATA", `${path} at byte ${position}: ${reason}`, {
    details: { path, position },
  });
}

export { frameHeaderBytes };
