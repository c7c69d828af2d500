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
  nonZeroEnd = Math.max(nonZeroEnd, from + nonZeroEndOf(window));
  while (candidate + frameHeaderBytes < fileSize) {
    const index = candidate - windowStart;
    if (index + 4 > window.length) {
      windowStart = candidate;
      window = await file.read(candidate, limits.walRecoveryReadBytes);
      const end = nonZeroEndOf(window);
      if (end > 0) nonZeroEnd = Math.max(nonZeroEnd, candidate + end);
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
    const end = nonZeroEndOf(rest);
    if (end > 0) nonZeroEnd = Math.max(nonZeroEnd, covered + end);
  }
  return { validFrameAt: undefined, nonZeroEnd };
}

function nextNonZero(bytes: Uint8Array, from: number): number {
  // A word at a time where aligned: recovery runs over the long zero tail of the newest (preallocated)
  // segment on every open, and byte loops over it were a visible share of a restart.
  let i = from;
  while (i < bytes.length && (bytes.byteOffset + i) % 4 !== 0) {
    if (bytes[i] !== 0) return i;
    i++;
  }
  if (i >= bytes.length) return i;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (bytes.length - i) >>> 2);
  let word = 0;
  while (word < words.length && words[word] === 0) word++;
  i += word * 4;
  while (i < bytes.length && bytes[i] === 0) i++;
  return i;
}

/** One past the last non-zero byte of `bytes`, 0 when every byte is zero (a word at a time, backwards). */
function nonZeroEndOf(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && (bytes.byteOffset + end) % 4 !== 0) {
    if (bytes[end - 1] !== 0) return end;
    end--;
  }
  const firstAligned = (4 - (bytes.byteOffset % 4)) % 4;
  if (end > firstAligned) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + firstAligned, (end - firstAligned) >>> 2);
    let word = words.length;
    while (word > 0 && words[word - 1] === 0) word--;
    end = firstAligned + word * 4;
  }
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end;
}
