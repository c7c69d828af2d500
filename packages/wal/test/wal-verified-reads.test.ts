/**
 * The first read of each group's entries after open is served from the bytes recovery read and checked
 * (VerifiedFrames), not read from the disk and checked again: it returns exactly what a read from the
 * disk returns, for any range and byte bound; every later read, and any read after the group's log
 * changed, goes to the disk and checks every frame; frames recovery did not keep (past the bound, past
 * the checked end, outside its windows) are never served from memory.
 */
import type { GroupId, LogIndex, Term } from "@helixlog/core";
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { fileHeaderBytes } from "../src/internal/file-header.js";
import { scanFrames } from "../src/internal/frame-scan.js";
import { VerifiedFrames } from "../src/internal/verified-frames.js";
import { decodeRecord } from "../src/internal/wal-record.js";
import { walFrameRulesFor } from "../src/internal/wal-recovery.js";
import { SimDisk } from "../src/testing/index.js";
import { Wal } from "../src/wal.js";
import type { WalEntry } from "../src/wal-types.js";

const directory = "wal";
const segmentSizeBytes = 8192;
const groups = [1, 2] as GroupId[];

const entry = (group: number, index: number): WalEntry => ({
  index: index as LogIndex,
  term: 1 as Term,
  type: 2,
  data: new TextEncoder().encode(`group ${group} entry ${index} `.repeat(1 + ((index * group) % 4))),
});

/** Entries 1..count of both groups, interleaved over several segments, on a crashed (reopenable) disk. */
async function diskWithEntries(count: number): Promise<SimDisk> {
  const disk = new SimDisk({ rng: new SeededRng(11) });
  const wal = await Wal.open(disk, { directory, segmentSizeBytes });
  for (let index = 1; index <= count; index++) {
    for (const group of groups) await wal.append(group, { entries: [entry(group, index)] });
  }
  await wal.close();
  return disk.crash({ keepSomeUnsynced: false });
}

/** Where the frame of a group's entry lies: the segment file and the frame's position and size. */
async function frameOf(disk: SimDisk, group: GroupId, index: number) {
  for (const path of disk.paths().filter((name) => name.endsWith(".wal"))) {
    const sequence = Number(path.slice(directory.length + 1, -".wal".length));
    const file = await disk.open(path, { create: false });
    const frames: Array<{ position: number; size: number }> = [];
    await scanFrames(
      file,
      fileHeaderBytes,
      walFrameRulesFor(sequence),
      (position, _type, size, window, offset) => {
        const record = decodeRecord(window, offset, size);
        if (
          typeof record !== "string" &&
          record.kind === "entry" &&
          record.group === group &&
          record.index === index
        ) {
          frames.push({ position, size });
        }
      },
    );
    const found = frames.at(-1);
    if (found !== undefined) return { path, ...found };
  }
  throw new Error(`no frame for entry ${index} of group ${group}`);
}

const texts = (entries: readonly WalEntry[]) => entries.map((item) => Buffer.from(item.data).toString());
const isCorrupt = (error: unknown) => HelixError.is(error, "CORRUPT_DATA");

describe("WAL reads of what recovery checked", () => {
  it("serves a group's first read after open from memory, and checks later reads on the disk", async () => {
    const disk = await diskWithEntries(120);
    const wal = await Wal.open(disk, { directory, segmentSizeBytes });
    expect(wal.segmentSequences().length).toBeGreaterThan(2);
    // Media corruption after recovery read the log: the first read does not see it, the next one does.
    const damaged = await frameOf(disk, groups[0] as GroupId, 3);
    disk.flipBit(damaged.path, damaged.position + damaged.size - 1, 0);
    const first = await wal.entries(groups[0] as GroupId, 1 as LogIndex, 41 as LogIndex);
    expect(texts(first)).toEqual(texts(Array.from({ length: 40 }, (_, i) => entry(1, i + 1))));
    await expect(wal.entries(groups[0] as GroupId, 1 as LogIndex, 41 as LogIndex)).rejects.toSatisfy(
      isCorrupt,
    );
    await wal.close();
  });

  it("reads from the disk once the group's log changed after open", async () => {
    const disk = await diskWithEntries(10);
    const wal = await Wal.open(disk, { directory, segmentSizeBytes });
    await wal.append(groups[1] as GroupId, { entries: [entry(2, 11)] });
    const damaged = await frameOf(disk, groups[1] as GroupId, 2);
    disk.flipBit(damaged.path, damaged.position + damaged.size - 1, 0);
    await expect(wal.entries(groups[1] as GroupId, 1 as LogIndex, 12 as LogIndex)).rejects.toSatisfy(
      isCorrupt,
    );
    // The other group's log did not change: its first read is still served from memory.
    const other = await frameOf(disk, groups[0] as GroupId, 2);
    disk.flipBit(other.path, other.position + other.size - 1, 0);
    expect(await wal.entries(groups[0] as GroupId, 1 as LogIndex, 11 as LogIndex)).toHaveLength(10);
    await wal.close();
  });

  it("returns what a read from the disk returns, for any range and byte bound", async () => {
    let disk = await diskWithEntries(80);
    const rng = new SeededRng(5);
    for (let round = 0; round < 40; round++) {
      const group = groups[rng.integer(0, groups.length)] as GroupId;
      const from = rng.integer(1, 81);
      const to = rng.integer(from, 82);
      const maxBytes = rng.chance(0.3) ? Number.POSITIVE_INFINITY : rng.integer(0, 600);
      const wal = await Wal.open(disk, { directory, segmentSizeBytes });
      const fromMemory = await wal.entries(group, from as LogIndex, to as LogIndex, maxBytes);
      const fromDisk = await wal.entries(group, from as LogIndex, to as LogIndex, maxBytes);
      expect(fromMemory).toEqual(fromDisk);
      if (to > from) expect(fromMemory.length).toBeGreaterThan(0);
      await wal.close();
      disk = disk.crash({ keepSomeUnsynced: false });
    }
  });

  it("serves only frames within the windows it kept, below the checked end and the bound", () => {
    const window = (start: number, length: number) => ({ start, bytes: new Uint8Array(length) });
    const frames = new VerifiedFrames(300);
    frames.keep(1, window(40, 100));
    // The scan read again from 120 for a frame that did not fit in the first window.
    frames.keep(1, window(120, 100));
    frames.keep(1, window(300, 200)); // past the bound: not kept
    frames.checkedThrough(1, 210);
    expect(frames.windowFor(1, 40, 50)?.start).toBe(40);
    expect(frames.windowFor(1, 110, 40)).toBeUndefined(); // runs past the first window
    expect(frames.windowFor(1, 120, 60)?.start).toBe(120);
    expect(frames.windowFor(1, 190, 30)).toBeUndefined(); // past the checked end
    expect(frames.windowFor(1, 30, 20)).toBeUndefined(); // before every window
    expect(frames.windowFor(2, 40, 10)).toBeUndefined(); // another segment
    const unchecked = new VerifiedFrames();
    unchecked.keep(1, window(40, 100));
    expect(unchecked.windowFor(1, 40, 10)).toBeUndefined(); // its scan never ended
  });
});
