import type { Disk, DiskFile } from "@helixlog/core";
import { concatenate } from "./bytes.js";
import { encodeFileHeader, fileHeaderBytes } from "./file-header.js";

/**
 * WAL segment files: `<directory>/<sequence, 20 digits>.wal`. The header's fields are
 * [sequence, basePosition, segmentSizeBytes]; basePosition is the WAL-wide byte position of the
 * segment's first frame (the previous segment's end), which lets recovery prove no frames were lost
 * between two segments.
 */
export const walMagic = "HLXWAL01";
export const walFormatVersion = 1;
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
 * Creates a segment the crash-safe way: write it fully under a temporary name (header, leading frames,
 * zeros to its full size, so later appends overwrite allocated blocks), fdatasync, rename into place,
 * fsync the directory. A crash at any point leaves either no segment or a complete one; recovery
 * removes leftover temporary files. Returns the open file and the position after the leading frames.
 */
export async function createSegment(
  disk: Disk,
  plan: SegmentPlan,
): Promise<{ file: DiskFile; writePosition: number }> {
  const path = `${plan.directory}/${segmentName(plan.sequence)}`;
  const temporaryPath = `${path}.tmp`;
  const header = encodeFileHeader({
    magic: walMagic,
    version: walFormatVersion,
    fields: [plan.sequence, plan.basePosition, plan.sizeBytes],
  });
  const prefixBytes = plan.leadingFrames.reduce((total, frame) => total + frame.length, fileHeaderBytes);
  const file = await disk.open(temporaryPath, { create: true });
  try {
    await file.truncate(0);
    await file.write(0, concatenate([header, ...plan.leadingFrames], prefixBytes));
    for (let position = prefixBytes; position < plan.sizeBytes; position += zeroChunkBytes) {
      await file.write(position, zeroChunk.subarray(0, Math.min(zeroChunkBytes, plan.sizeBytes - position)));
    }
    await file.sync();
    await disk.rename(temporaryPath, path);
    await disk.syncDirectory(plan.directory);
  } catch (error) {
    await file.close().catch(() => undefined);
    await disk.remove(temporaryPath).catch(() => undefined);
    throw error;
  }
  return { file, writePosition: prefixBytes };
}
