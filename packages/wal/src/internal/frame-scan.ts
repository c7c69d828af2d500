import type { DiskFile } from "@helixlog/core";
import { assert, limits } from "@helixlog/core";
import { checkFrame, type FrameRules, frameHeaderBytes } from "./frame.js";

/** A frame found by a scan. `bytes` views the scan's buffer: copy what must outlive the callback. */
export interface ScannedFrame {
  readonly position: number;
  readonly type: number;
  readonly size: number;
  readonly bytes: Uint8Array;
}

export type ScanStop =
  /** The file ended, or four zero bytes stood where the next frame would start. */
  | { readonly kind: "end"; readonly position: number }
  /** Something that is not a valid frame starts at `position`. */
  | { readonly kind: "bad"; readonly position: number; readonly reason: string };

/**
 * Reads frames from `start` in file order, calling `onFrame` for each, until the data ends or a frame is
 * bad. Reads `walRecoveryReadBytes` at a time (more only for a frame larger than that).
 */
export async function scanFrames(
  file: DiskFile,
  start: number,
  rules: FrameRules,
  onFrame: (frame: ScannedFrame) => void,
): Promise<ScanStop> {
  const fileSize = file.size();
  let windowStart = start;
  let window = await file.read(start, limits.walRecoveryReadBytes);
  let position = start;
  for (;;) {
    const check = checkFrame(window, position - windowStart, fileSize - position, rules);
    if (check.kind === "need") {
      assert(windowStart !== position || window.length < check.size, "frame scan made no progress");
      windowStart = position;
      window = await file.read(position, Math.max(limits.walRecoveryReadBytes, check.size));
      continue;
    }
    if (check.kind === "end") return { kind: "end", position };
    if (check.kind === "bad") return { kind: "bad", position, reason: check.reason };
    const offset = position - windowStart;
    onFrame({
      position,
      type: check.type,
      size: check.size,
      bytes: window.subarray(offset, offset + check.size),
    });
    position += check.size;
  }
}

export interface TailInspection {
  /** The first position after `from` where a valid frame starts, if any. */
  readonly validFrameAt: number | undefined;
  /** One past the last non-zero byte at or after `from` (`from` when everything there is zero). */
  readonly nonZeroEnd: number;
}

/**
 * Looks at every byte position after `from` for a valid frame, skipping zero runs quickly, and finds how
 * far non-zero bytes reach. Recovery uses it to tell a torn tail (nothing valid after the bad spot) from
 * corruption in the middle of the log (valid frames after it).
 */
export async function inspectTail(file: DiskFile, from: number, rules: FrameRules): Promise<TailInspection> {
  const fileSize = file.size();
  let nonZeroEnd = from;
  let windowStart = from;
  let window = await file.read(from, limits.walRecoveryReadBytes);
  let candidate = from + 1;
  for (let i = 0; i < window.length; i++) if (window[i] !== 0) nonZeroEnd = from + i + 1;
  while (candidate + frameHeaderBytes < fileSize) {
    const index = candidate - windowStart;
    if (index + 4 > window.length) {
      windowStart = candidate;
      window = await file.read(candidate, limits.walRecoveryReadBytes);
      for (let i = 0; i < window.length; i++)
        if (window[i] !== 0) nonZeroEnd = Math.max(nonZeroEnd, candidate + i + 1);
      continue;
    }
    if (
      window[index] === 0 &&
      window[index + 1] === 0 &&
      window[index + 2] === 0 &&
      window[index + 3] === 0
    ) {
      candidate = windowStart + nextNonZero(window, index + 4) - 3;
      continue;
    }
    const check = checkFrame(window, index, fileSize - candidate, rules);
    if (check.kind === "need") {
      const wanted = Math.max(limits.walRecoveryReadBytes, check.size);
      assert(windowStart !== candidate || window.length < wanted, "tail scan made no progress");
      windowStart = candidate;
      window = await file.read(candidate, wanted);
      continue;
    }
    if (check.kind === "valid")
      return { validFrameAt: candidate, nonZeroEnd: Math.max(nonZeroEnd, candidate + check.size) };
    candidate++;
  }
  const covered = windowStart + window.length;
  if (covered < fileSize) {
    const rest = await file.read(covered, fileSize - covered);
    for (let i = 0; i < rest.length; i++)
      if (rest[i] !== 0) nonZeroEnd = Math.max(nonZeroEnd, covered + i + 1);
  }
  return { validFrameAt: undefined, nonZeroEnd };
}

function nextNonZero(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && bytes[i] === 0) i++;
  return i;
}
