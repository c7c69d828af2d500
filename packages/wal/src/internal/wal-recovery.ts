import type { Disk, DiskFile, GroupId } from "@helixlog/core";
import { HelixError, limits } from "@helixlog/core";
import { applyRecord } from "./apply-record.js";
import { decodeFileHeader, fileHeaderBytes } from "./file-header.js";
import { type FrameRules, frameHeaderBytes } from "./frame.js";
import { inspectTail, type ScanStop, scanFrames } from "./frame-scan.js";
import { type GroupLog, SegmentUsage } from "./group-log.js";
import { decodeRecord, isWalRecordType } from "./wal-record.js";
import { segmentName, segmentSequence, walFormatVersion, walMagic } from "./wal-segment.js";

export const walFrameRules: FrameRules = {
  payloadBytesMax: limits.walEntrySizeBytesMax,
  isKnownType: isWalRecordType,
};

export interface RecoveredSegment {
  readonly sequence: number;
  readonly basePosition: number;
}

export interface RecoveredWal {
  readonly groups: Map<GroupId, GroupLog>;
  readonly usage: SegmentUsage;
  /** Every segment, oldest first; the last is where appends continue. */
  readonly segments: RecoveredSegment[];
  /** The last segment, open, and where its data ends (any torn tail already zeroed and synced). */
  readonly active: { readonly file: DiskFile; readonly writePosition: number } | undefined;
}

/**
 * Rebuilds the WAL's state from its directory (DESIGN.md §3 rule 3): validates every header, replays
 * every frame, zeroes a torn tail of the last segment, and reports anything else (a bad header, a bad
 * frame followed by valid ones, a bad frame at the end of an older segment, a gap between segments,
 * entries that should be there and are not) as CORRUPT_DATA naming the file and position.
 */
export async function recoverWal(disk: Disk, directory: string): Promise<RecoveredWal> {
  const names = await disk.list(directory);
  for (const name of names) if (name.endsWith(".wal.tmp")) await disk.remove(`${directory}/${name}`);
  const sequences = names.map(segmentSequence).filter((value): value is number => value !== undefined);
  const groups = new Map<GroupId, GroupLog>();
  const usage = new SegmentUsage();
  const segments: RecoveredSegment[] = [];
  let active: RecoveredWal["active"];
  let expectedBase: number | undefined;
  for (const [i, sequence] of sequences.entries()) {
    const isLast = i === sequences.length - 1;
    const path = `${directory}/${segmentName(sequence)}`;
    const file = await disk.open(path, { create: false });
    const header = decodeFileHeader(
      await file.read(0, fileHeaderBytes),
      { magic: walMagic, version: walFormatVersion },
      path,
    );
    const [headerSequence, basePosition] = header.fields;
    if (headerSequence !== sequence) throw corrupt(path, 0, `header says segment ${headerSequence}`);
    if (expectedBase !== undefined && basePosition !== expectedBase) {
      throw corrupt(
        path,
        0,
        `segment starts at WAL position ${basePosition} but the previous one ends at ${expectedBase}`,
      );
    }
    const stop = await replaySegment(file, path, sequence, groups, usage);
    const end = await settleTail(file, path, stop, isLast);
    segments.push({ sequence, basePosition });
    expectedBase = basePosition + end - fileHeaderBytes;
    if (isLast) active = { file, writePosition: end };
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
  }
  return { groups, usage, segments, active };
}

async function replaySegment(
  file: DiskFile,
  path: string,
  sequence: number,
  groups: Map<GroupId, GroupLog>,
  usage: SegmentUsage,
): Promise<ScanStop> {
  let failure: HelixError | undefined;
  const stop = await scanFrames(file, fileHeaderBytes, walFrameRules, (frame) => {
    if (failure !== undefined) return;
    const record = decodeRecord(frame.bytes);
    const reason =
      typeof record === "string"
        ? record
        : applyRecord(groups, usage, record, {
            segment: sequence,
            position: frame.position,
            size: frame.size,
          });
    if (reason !== undefined) failure = corrupt(path, frame.position, reason);
  });
  if (failure !== undefined) throw failure;
  return stop;
}

/**
 * Decides what the bytes after the last good frame are. Zeros: the clean end. Anything followed by a
 * valid frame: corruption in the middle of the log. Otherwise a torn tail: allowed in the last segment
 * only (older ones were fully synced before the next was created), where it is zeroed and synced.
 */
async function settleTail(file: DiskFile, path: string, stop: ScanStop, isLast: boolean): Promise<number> {
  const tail = await inspectTail(file, stop.position, walFrameRules);
  const reason = stop.kind === "bad" ? stop.reason : "zeroed frame header";
  if (tail.validFrameAt !== undefined) {
    throw corrupt(path, stop.position, `${reason}, followed by a valid frame at ${tail.validFrameAt}`);
  }
  if (tail.nonZeroEnd > stop.position) {
    if (!isLast) throw corrupt(path, stop.position, `${reason} at the end of a sealed segment`);
    await file.write(stop.position, new Uint8Array(tail.nonZeroEnd - stop.position));
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
