import { limits } from "@helixlog/core";
import type { FileWindow } from "./frame-scan.js";

/**
 * The bytes recovery read from each segment, and where the frames it checked end there. The host reads
 * every group's log once, right after open (to rebuild its Raft storage): those entries are served from
 * the bytes recovery already read and checked instead of being read from the disk and checked a second
 * time (etcd's WAL likewise hands out the entries it replayed). At most `walRecoveryKeptBytesMax` are
 * kept; past that, reads go to the disk and check every frame as usual.
 */
export class VerifiedFrames {
  private readonly segments = new Map<number, SegmentWindows>();
  private keptBytes = 0;

  constructor(private readonly keptBytesMax = limits.walRecoveryKeptBytesMax) {}

  /** Keeps a window recovery read from segment `sequence`, unless that would pass the bound. */
  keep(sequence: number, window: FileWindow): void {
    if (this.keptBytes + window.bytes.length > this.keptBytesMax) return;
    this.keptBytes += window.bytes.length;
    let segment = this.segments.get(sequence);
    if (segment === undefined) {
      segment = { windows: [], checkedEnd: 0 };
      this.segments.set(sequence, segment);
    }
    segment.windows.push(window);
  }

  /** Recovery checked every frame of segment `sequence` before position `end`. */
  checkedThrough(sequence: number, end: number): void {
    const segment = this.segments.get(sequence);
    if (segment !== undefined) segment.checkedEnd = end;
  }

  /**
   * The kept window holding the checked frame of `size` bytes at `position` of segment `sequence`, if
   * any. Windows of a segment were kept in file order (each starts after the one before, where the scan
   * needed bytes past the previous one), so the frame is in the last one starting at or before it.
   */
  windowFor(sequence: number, position: number, size: number): FileWindow | undefined {
    const segment = this.segments.get(sequence);
    if (segment === undefined || position + size > segment.checkedEnd) return undefined;
    const windows = segment.windows;
    let low = 0;
    let high = windows.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((windows[middle] as FileWindow).start <= position) low = middle;
      else high = middle - 1;
    }
    const window = windows[low];
    if (window === undefined || window.start > position) return undefined;
    return position + size <= window.start + window.bytes.length ? window : undefined;
  }
}

interface SegmentWindows {
  /** Ordered by `start`. */
  readonly windows: FileWindow[];
  /** Every frame before this position was checked (0 until the segment's scan ends). */
  checkedEnd: number;
}
