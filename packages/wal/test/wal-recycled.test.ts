/**
 * Recycled WAL segments are reused without zero-filling (format 2): frames of the file's previous use stay
 * on disk after the new data. Their CRCs were salted with the old segment's sequence, so recovery must
 * read the first of them as the end of data and never replay one. These tests build a recycled active
 * segment whose stale region holds frames that are valid under their old salt, write fewer frames than
 * the previous use held, crash the simulated disk and check that exactly the acknowledged entries come
 * back (and nothing stale), also when the stale region starts exactly at a frame boundary.
 */
import type { GroupId, LogIndex, Term } from "@helixlog/core";
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { decodeFileHeader, encodeFileHeader } from "../src/internal/file-header.js";
import { checkFrame } from "../src/internal/frame.js";
import { walFrameRulesFor } from "../src/internal/wal-recovery.js";
import { segmentName, walFormatVersion, walMagic } from "../src/internal/wal-segment.js";
import { SimDisk } from "../src/testing/index.js";
import { Wal } from "../src/wal.js";
import type { WalEntry } from "../src/wal-types.js";

const group = 1 as GroupId;
const directory = "wal";
const segmentSizeBytes = 4096;

function entry(index: number, dataBytes: number): WalEntry {
  const data = new Uint8Array(dataBytes);
  for (let i = 0; i < dataBytes; i++) data[i] = (index * 31 + i) & 0xff;
  return { index: index as LogIndex, term: 1 as Term, type: 2, data };
}

/** Where the active segment's valid frames end, and which older sequence's salt a frame there passes. */
function staleAtEnd(disk: SimDisk, sequence: number): { end: number; staleOf: number | undefined } {
  const bytes = disk.contents(`${directory}/${segmentName(sequence)}`);
  let position = 40;
  for (;;) {
    const check = checkFrame(bytes, position, bytes.length - position, walFrameRulesFor(sequence));
    if (check.kind !== "valid") break;
    position += check.size;
  }
  for (let older = 1; older < sequence; older++) {
    const check = checkFrame(bytes, position, bytes.length - position, walFrameRulesFor(older));
    if (check.kind === "valid") return { end: position, staleOf: older };
  }
  return { end: position, staleOf: undefined };
}

/**
 * Appends entries (sizes from `sizeOf`) and releases them as it goes, until the active segment is a
 * recycled file whose valid frames are followed by at least one frame valid under an older salt, with
 * `newFrames` or more frames of its own; then fires one unacknowledged append and crashes.
 */
async function crashInRecycledSegment(seed: number, sizeOf: (index: number) => number, newFrames: number) {
  const rng = new SeededRng(seed);
  const disk = new SimDisk({ rng });
  const wal = await Wal.open(disk, { directory, segmentSizeBytes });
  const sizes = new Map<number, number>();
  let index = 0;
  let framesInSegment = 0;
  let activeSequence = 1;
  let stale: number | undefined;
  for (let step = 0; step < 5000; step++) {
    index++;
    sizes.set(index, sizeOf(index));
    await wal.append(group, { entries: [entry(index, sizeOf(index))] });
    if (index % 4 === 0) await wal.release(group, { index: (index - 1) as LogIndex, term: 1 as Term });
    const sequence = wal.segmentSequences().at(-1) as number;
    if (sequence !== activeSequence) {
      activeSequence = sequence;
      framesInSegment = 0;
    }
    framesInSegment++;
    if (framesInSegment >= newFrames && wal.statistics.segmentsRecycled > 0) {
      const found = staleAtEnd(disk, sequence);
      if (found.staleOf !== undefined) {
        stale = found.staleOf;
        break;
      }
    }
  }
  expect(
    stale,
    "a recycled active segment with stale valid-under-old-salt frames after its end",
  ).toBeDefined();
  const acknowledged = index;
  const firstLive = wal.status(group)?.firstIndex ?? 1;
  sizes.set(index + 1, sizeOf(index + 1));
  const unacknowledged = wal.append(group, { entries: [entry(index + 1, sizeOf(index + 1))] });
  unacknowledged.catch(() => undefined);
  const restarted = disk.crash({ keepSomeUnsynced: rng.chance(0.5) });
  const reopened = await Wal.open(restarted, { directory, segmentSizeBytes });
  const status = reopened.status(group);
  const last = status?.lastIndex ?? 0;
  expect(
    last === acknowledged || last === acknowledged + 1,
    `last index ${last}, acknowledged ${acknowledged}`,
  ).toBe(true);
  const from = Math.max(firstLive, status?.firstIndex ?? 1);
  const entries = await reopened.entries(group, from as LogIndex, (last + 1) as LogIndex);
  expect(entries.map((item) => item.index)).toEqual(
    Array.from({ length: last - from + 1 }, (_, i) => from + i),
  );
  for (const item of entries) {
    expect(
      Buffer.from(item.data).equals(Buffer.from(entry(item.index, sizes.get(item.index) ?? -1).data)),
    ).toBe(true);
  }
  // Appending on after recovery and reopening again still finds exactly the log.
  await reopened.append(group, { entries: [entry(last + 1, 10)] });
  await reopened.close();
  const again = await Wal.open(restarted, { directory, segmentSizeBytes });
  expect(again.status(group)?.lastIndex).toBe(last + 1);
  await again.close();
}

describe("recycled segments (stale frames of a previous use)", () => {
  it("recovers exactly the acknowledged entries when the stale region starts at a frame boundary", async () => {
    // Every frame has the same size and every segment starts with the same checkpoint, so the old and
    // new frames line up: the first byte after the new data is the start of a stale, once-valid frame.
    for (let seed = 1; seed <= 20; seed++) {
      await crashInRecycledSegment(seed, () => 60, 1 + (seed % 5));
    }
  });

  it("recovers exactly the acknowledged entries when the stale region starts inside an old frame", async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = new SeededRng(1000 + seed);
      const sizes: number[] = [];
      const sizeOf = (index: number) => {
        while (sizes.length < index) sizes.push(rng.integer(1, 201));
        return sizes[index - 1] as number;
      };
      await crashInRecycledSegment(seed, sizeOf, 1 + (seed % 7));
    }
  });
});

describe("format versions", () => {
  it("refuses a version-1 segment (zero-filled, unsalted) with UNSUPPORTED_VERSION naming the file", async () => {
    const disk = new SimDisk({ rng: new SeededRng(11) });
    const wal = await Wal.open(disk, { directory, segmentSizeBytes });
    await wal.append(group, { entries: [entry(1, 10)] });
    await wal.close();
    const path = `${directory}/${segmentName(1)}`;
    const header = decodeFileHeader(
      disk.contents(path),
      { magic: walMagic, version: walFormatVersion },
      path,
    );
    disk.overwrite(path, 0, encodeFileHeader({ magic: walMagic, version: 1, fields: header.fields }));
    const error = await Wal.open(disk, { directory, segmentSizeBytes }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(HelixError.is(error, "UNSUPPORTED_VERSION"), String(error)).toBe(true);
    expect((error as Error).message).toContain(segmentName(1));
  });
});
