import type { Disk, DiskFile } from "@helixlog/core";
import { concatenate } from "./bytes.js";
import { encodeFileHeader, fileHeaderBytes } from "./file-header.js";
import { saltFrames } from "./frame.js";

/**
 * WAL segment files: `<directory>/<sequence, 20 digits>.wal`. The header's fields are
 * [sequence, basePosition, segmentSizeBytes]; basePosition is the WAL-wide byte position of the
 * segment's first frame (the previous segment's end), which lets recovery prove no frames were lost
 * between two segments.
 */
export const walMagic = "HLXWAL01";
/**
 * Version 2 salts every frame's CRC with `segmentCrcSalt(sequence)`. Version 1 files (zero-filled, unsalted)
 * are refused with UNSUPPORTED_VERSION: there is no migration before 1.0.
 */
export const walFormatVersion = 2;

/**
 * The value XORed into the CRC of every frame of segment `sequence`. Sequences are never reused, and
 * multiplying the low 32 bits by an odd constant is a bijection, so two segments less than 2^32 apart
 * always have different salts: a frame left intact in a recycled file (an older sequence) fails its check
 * deterministically, not by chance. Damaged or partly overwritten stale bytes fail like any torn write.
 */
export function segmentCrcSalt(sequence: number): number {
  return Math.imul((sequence % 0x1_0000_0000) >>> 0 || 1, 0x9e3779b1) >>> 0;
}
const zeroChunkBytes = 1024 * 1024;
const zeroChunk = new Uint8Array(zeroChunkBytes);

export function segmentName(sequence: number): string {
  return `${sequence.toString().padStart(20, "0")}.wal`;
}

/** The sequence a segment file name stands for, or undefined for other files. */
export function segmentSequence(name: string): number | undefined {
  const match = /^(\d{20})\.wal$/.exec(name);
  return match === null ? undefined : Number(match[1]);
}

export interface SegmentPlan {
  readonly directory: string;
  readonly sequence: number;
  readonly basePosition: number;
  readonly sizeBytes: number;
  /** Frames to place right after the header (the checkpoint). */
  readonly leadingFrames: readonly Uint8Array[];
}

/**
 * Creates a segment the crash-safe way: prepare it under a temporary name (zero-filled to its full size,
 * so later appends overwrite allocated blocks), write its header and leading frames, fdatasync, rename
 * into place, fsync the directory. A crash at any point leaves either no segment or a complete one;
 * recovery removes leftover temporary files. Returns the open file and the position after the leading
 * frames.
 */
export async function createSegment(
  disk: Disk,
  plan: SegmentPlan,
): Promise<{ file: DiskFile; writePosition: number }> {
  const file = await preallocateSegment(disk, plan.directory, plan.sequence, plan.sizeBytes, {
    zeroFill: true,
  });
  return finishSegment(disk, file, plan);
}

/** The temporary file a segment is prepared in before it gets its header and its name. */
export function preparingPath(directory: string, sequence: number): string {
  return `${directory}/${segmentName(sequence)}.tmp`;
}

/**
 * Where a reclaimed segment waits to be reused as a later segment's file. It carries the old sequence so
 * two spares never share a name. Recovery keeps spares (up to limits.walSpareSegmentsMax) and deletes
 * every other temporary file.
 */
export function sparePath(directory: string, oldSequence: number): string {
  return `${directory}/${oldSequence.toString().padStart(20, "0")}${spareSuffix}`;
}

export const spareSuffix = ".spare.wal.tmp";

/** How a future segment's file is prepared (see `preallocateSegment`). */
export interface PrepareOptions {
  /** A reclaimed segment, already durably renamed to its spare name, to reuse as it is. */
  readonly spare?: string | undefined;
  /**
   * Zero-fill what the file lacks up to the segment size (and fdatasync), so that appends overwrite
   * allocated blocks and an fdatasync commits data only. Otherwise the file grows as frames are written,
   * and each fdatasync also commits the new file size (fdatasync does: the size is needed to read the
   * data back), which costs a journal commit but writes every byte once instead of twice.
   */
  readonly zeroFill: boolean;
}

/**
 * Prepares the file of a future segment under its temporary name. The WAL does this for the next segment
 * in the background, so a roll only writes a header and a checkpoint and renames.
 *
 * A spare (a reclaimed segment) is reused as it is: its blocks are allocated and it is NOT zeroed. The
 * stale frames it still holds were salted with its old sequence, so they fail their check under the new
 * one and recovery reads the first of them as the end of data (format 2). A spare longer than the segment
 * is cut to its size; a shorter one is zero-filled beyond its length only with `zeroFill`.
 */
export async function preallocateSegment(
  disk: Disk,
  directory: string,
  sequence: number,
  sizeBytes: number,
  options: PrepareOptions,
): Promise<DiskFile> {
  const { spare, zeroFill } = options;
  const path = preparingPath(directory, sequence);
  if (spare !== undefined) {
    // Durably, before anything is written into it: the pipelined roll writes frames salted for
    // `sequence` into the prepared file before it is named. Were this rename undone by a crash, the file
    // would come back as a spare holding frames valid under the salt the next segment `sequence` (the
    // one recovery starts again) uses, and recycling it would bring them back as data.
    await disk.rename(spare, path);
    await disk.syncDirectory(directory);
  }
  const file = await disk.open(path, { create: true });
  try {
    const keep = spare === undefined ? 0 : Math.min(file.size(), sizeBytes);
    if (file.size() !== keep) await file.truncate(keep);
    if (zeroFill && keep < sizeBytes) {
      for (let position = keep; position < sizeBytes; position += zeroChunkBytes) {
        await file.write(position, zeroChunk.subarray(0, Math.min(zeroChunkBytes, sizeBytes - position)));
      }
      await file.sync();
    }
  } catch (error) {
    await discardPrepared(disk, file);
    throw error;
  }
  return file;
}

/** Writes header and leading frames into a prepared file, syncs, and renames it into place. */
export async function finishSegment(
  disk: Disk,
  file: DiskFile,
  plan: SegmentPlan,
): Promise<{ file: DiskFile; writePosition: number }> {
  try {
    const writePosition = await nameSegment(disk, file, plan);
    return { file, writePosition };
  } catch (error) {
    await discardPrepared(disk, file);
    throw error;
  }
}

/** The steps of `nameSegment`, reported as each starts (tests aim crashes at them). */
export type NamingStep = "header" | "sync" | "rename" | "directory";

/**
 * Writes the header and leading frames of a prepared file, fdatasyncs it (covering whatever frames were
 * already written after them), renames it to the segment's name and fsyncs the directory. Returns the
 * position after the leading frames. On failure the file is left to the caller.
 */
export async function nameSegment(
  disk: Disk,
  file: DiskFile,
  plan: SegmentPlan,
  onStep: (step: NamingStep) => void = () => undefined,
): Promise<number> {
  const header = encodeFileHeader({
    magic: walMagic,
    version: walFormatVersion,
    fields: [plan.sequence, plan.basePosition, plan.sizeBytes],
  });
  const prefixBytes = plan.leadingFrames.reduce((total, frame) => total + frame.length, fileHeaderBytes);
  const prefix = concatenate([header, ...plan.leadingFrames], prefixBytes);
  saltFrames(prefix, fileHeaderBytes, segmentCrcSalt(plan.sequence));
  onStep("header");
  await file.write(0, prefix);
  onStep("sync");
  await file.sync();
  onStep("rename");
  await disk.rename(
    preparingPath(plan.directory, plan.sequence),
    `${plan.directory}/${segmentName(plan.sequence)}`,
  );
  onStep("directory");
  await disk.syncDirectory(plan.directory);
  return prefixBytes;
}

export async function discardPrepared(disk: Disk, file: DiskFile): Promise<void> {
  await file.close().catch(() => undefined);
  await disk.remove(file.path).catch(() => undefined);
}
