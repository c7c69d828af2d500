/**
 * The leader-epoch history (Kafka's LeaderEpochFileCache semantics, KIP-101/279/320): assignment with
 * the monotonicity rule (an epoch that wrote nothing is replaced by the next one starting at the same
 * offset), OffsetForLeaderEpoch's end offsets, epochForOffset, truncation from the log start.
 */
import { describe, expect, it } from "vitest";
import {
  assignEpoch,
  type EpochStart,
  endOffsetForEpoch,
  epochForOffset,
  truncateEpochsBefore,
} from "./leader-epochs.js";

function history(...pairs: [number, number][]): EpochStart[] {
  const built: EpochStart[] = [];
  for (const [epoch, startOffset] of pairs) assignEpoch(built, epoch, startOffset);
  return built;
}

describe("leader epochs", () => {
  it("assigns each new epoch where its first entry starts, once", () => {
    expect(history([1, 0], [1, 5], [2, 10], [2, 12], [4, 20])).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 10 },
      { epoch: 4, startOffset: 20 },
    ]);
  });

  it("replaces an epoch that wrote nothing with the next one starting at the same offset (Kafka)", () => {
    // Term 2's leader appended only its no-op at offset 10; term 3 starts there too.
    expect(history([1, 0], [2, 10], [3, 10])).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 10 },
    ]);
  });

  it("refuses an epoch older than the newest (the log's terms never go back)", () => {
    expect(() => history([3, 0], [2, 5])).toThrow(/leader epoch 2/);
  });

  it("answers end offsets as Kafka's endOffsetFor does", () => {
    const epochs = history([1, 0], [3, 10], [5, 25]);
    // The newest epoch ends at the log end offset.
    expect(endOffsetForEpoch(epochs, 5, 40)).toEqual({ epoch: 5, endOffset: 40 });
    // A known epoch ends where the next larger one starts.
    expect(endOffsetForEpoch(epochs, 1, 40)).toEqual({ epoch: 1, endOffset: 10 });
    expect(endOffsetForEpoch(epochs, 3, 40)).toEqual({ epoch: 3, endOffset: 25 });
    // An epoch with no records answers the largest epoch below it, with the same end.
    expect(endOffsetForEpoch(epochs, 2, 40)).toEqual({ epoch: 1, endOffset: 10 });
    expect(endOffsetForEpoch(epochs, 4, 40)).toEqual({ epoch: 3, endOffset: 25 });
    // Older than the history: itself, ending at the first known start.
    expect(endOffsetForEpoch(history([3, 10], [5, 25]), 1, 40)).toEqual({ epoch: 1, endOffset: 10 });
    // Unknown: epoch -1, newer than every epoch, or no history.
    expect(endOffsetForEpoch(epochs, -1, 40)).toBeUndefined();
    expect(endOffsetForEpoch(epochs, 6, 40)).toBeUndefined();
    expect(endOffsetForEpoch([], 1, 40)).toBeUndefined();
  });

  it("names the epoch each offset was written in", () => {
    const epochs = history([2, 5], [3, 10], [5, 25]);
    expect(epochForOffset(epochs, 4)).toBeUndefined();
    expect(epochForOffset(epochs, 5)).toBe(2);
    expect(epochForOffset(epochs, 9)).toBe(2);
    expect(epochForOffset(epochs, 10)).toBe(3);
    expect(epochForOffset(epochs, 24)).toBe(3);
    expect(epochForOffset(epochs, 1_000)).toBe(5);
  });

  it("drops what lies below the log start, keeping the epoch that covers it", () => {
    const epochs = history([1, 0], [3, 10], [5, 25]);
    truncateEpochsBefore(epochs, 12);
    expect(epochs).toEqual([
      { epoch: 3, startOffset: 12 },
      { epoch: 5, startOffset: 25 },
    ]);
    truncateEpochsBefore(epochs, 25);
    expect(epochs).toEqual([{ epoch: 5, startOffset: 25 }]);
    truncateEpochsBefore(epochs, 30);
    expect(epochs).toEqual([{ epoch: 5, startOffset: 30 }]);
  });
});
