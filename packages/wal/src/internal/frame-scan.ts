import { Buffer } from "node:buffer";
import type { DiskFile } from "@helixlog/core";
import { assert, limits } from "@helixlog/core";
import { checkFrame, type FrameRules, frameHeaderBytes, validFrameSize } from "./frame.js";

/**
 * Called by a scan for each frame found: the frame starts at file position `position`, has record type
 * `type` and `size` bytes, and its bytes are at `offset` of `window`, the scan's buffer (copy what must
 * outlive the call). Plain arguments, no object or view per frame: recovery scans every frame on every
 * restart.
 */
export type OnScannedFrame = (
  position: number,
  type: number,
  size: number,
  window: Uint8Array,
  offset: number,
) => void;

/** Bytes of a file from `start`, as a scan last read them. */
export interface FileWindow {
  readonly start: number;
  readonly bytes: Uint8Array;
}

export type ScanStop = (
  | /** The file ended, or four zero bytes stood where the next frame would start. */
  { readonly kind: "end"; readonly position: number }
  /** Something that is not a valid frame starts at `position`. */
  | { readonly kind: "bad"; readonly position: number; readonly reason: string }
) & {
  /** The last bytes the scan read, holding `position`: `inspectTail` starts from them. */
  readonly window: FileWindow;
};

/**
 * Reads frames from `start` in file order, calling `onFrame` for each, until the data ends or a frame is
 * bad. Reads `walRecoveryReadBytes` at a time (more only for a frame larger than that).
 */
export async function scanFrames(
  file: DiskFile,
  start: number,
  rules: FrameRules,
  onFrame: OnScannedFrame,
): Promise<ScanStop> {
  const fileSize = file.size();
  let windowStart = start;
  let window = await file.read(start, limits.walRecoveryReadBytes);
  let position = start;
  for (;;) {
    // The common case, a valid frame, is found without allocating; anything else is looked at again.
    const size = validFrameSize(window, position - windowStart, fileSize - position, rules);
    if (size > 0) {
      onFrame(position, window[position - windowStart + 8] as number, size, window, position - windowStart);
      position += size;
      continue;
    }
    const check = checkFrame(window, position - windowStart, fileSize - position, rules);
    if (check.kind === "need") {
      assert(windowStart !== position || window.length < check.size, "frame scan made no progress");
      windowStart = position;
      window = await file.read(position, Math.max(limits.walRecoveryReadBytes, check.size));
      continue;
    }
    if (check.kind === "end") return { kind: "end", position, window: { start: windowStart, bytes: window } };
    if (check.kind === "bad") {
      return { kind: "bad", position, reason: check.reason, window: { start: windowStart, bytes: window } };
    }
    assert(false, "a frame checkFrame finds valid is found by validFrameSize");
  }
}

export interface TailInspection {
  /** The first position after `from` where a valid frame starts, if any. */
  readonly validFrameAt: number | undefined;
}

/**
 * Looks at every byte position after `from` for a valid frame, skipping zero runs quickly. Recovery uses
 * it to tell a torn tail (nothing valid after the bad spot) from corruption in the middle of the log
 * (valid frames after it). `known` (the scan's last window) is used instead of reading again when it
 * holds `from`.
 */
export async function inspectTail(
  file: DiskFile,
  from: number,
  rules: FrameRules,
  known?: FileWindow,
): Promise<TailInspection> {
  const fileSize = file.size();
  const usable = known !== undefined && known.start <= from && from < known.start + known.bytes.length;
  let windowStart = usable ? known.start : from;
  let window = usable ? known.bytes : await file.read(from, limits.walRecoveryReadBytes);
  let candidate = from + 1;
  while (candidate + frameHeaderBytes < fileSize) {
    const index = candidate - windowStart;
    if (index + 4 > window.length) {
      windowStart = candidate;
      window = await file.read(candidate, limits.walRecoveryReadBytes);
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
    if (check.kind === "valid") return { validFrameAt: candidate };
    candidate++;
  }
  return { validFrameAt: undefined };
}

/**
 * All zeros, compared a block at a time against the bytes scanned: recovery runs over the long zero tail
 * of the newest (zero-filled) segment on every open, and memcmp does that several times faster than a
 * loop over words.
 */
const zeroBlock = Buffer.alloc(4096);

/** The first position at or after `from` holding a non-zero byte, or the length when there is none. */
function nextNonZero(bytes: Uint8Array, from: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const block = zeroBlock.length;
  let i = from;
  while (bytes.length - i >= block && buffer.compare(zeroBlock, 0, block, i, i + block) === 0) i += block;
  while (i < bytes.length && bytes[i] === 0) i++;
  return i;
}
