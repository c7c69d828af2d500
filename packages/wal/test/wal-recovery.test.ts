/**
 * Recovery of the shared WAL from damaged files (DESIGN.md §3 rule 3): a torn or bit-flipped last frame
 * is cut off, at every byte position; damage followed by valid frames, a bad header, a damaged end of a
 * sealed segment and a missing segment are CORRUPT_DATA naming the file; ENOSPC and EIO surface as
 * typed errors and leave the WAL usable or failed closed, never half-written.
 */
import type { GroupId, LogIndex, Term } from "@helixlog/core";
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { fileHeaderBytes } from "../src/internal/file-header.js";
import { scanFrames } from "../src/internal/frame-scan.js";
import { walFrameRulesFor } from "../src/internal/wal-recovery.js";
import { SimDisk } from "../src/testing/index.js";
import { Wal } from "../src/wal.js";
import type { WalEntry } from "../src/wal-types.js";

const group = 1 as GroupId;
const directory = "wal";
const firstSegment = `${directory}/00000000000000000001.wal`;
const entry = (index: number): WalEntry => ({
  index: index as LogIndex,
  term: 1 as Term,
  type: 2,
  data: new TextEncoder().encode(`payload of entry ${index}`.repeat(1 + (index % 3))),
});

/** A WAL holding entries 1..count of group 1, each its own group commit, closed; with frame positions. */
async function walWithEntries(count: number, segmentSizeBytes = 8192) {
  const disk = new SimDisk({ rng: new SeededRng(7) });
  const wal = await Wal.open(disk, { directory, segmentSizeBytes });
  for (let index = 1; index <= count; index++) await wal.append(group, { entries: [entry(index)] });
  await wal.close();
  const file = await disk.open(firstSegment, { create: false });
  const frames: Array<{ position: number; size: number }> = [];
  await scanFrames(file, fileHeaderBytes, walFrameRulesFor(1), (position, _type, size) =>
    frames.push({ position, size }),
  );
  return { disk, frames };
}

async function lastIndexAfterReopen(disk: SimDisk): Promise<number> {
  const wal = await Wal.open(disk, { directory, segmentSizeBytes: 8192 });
  const last = wal.status(group)?.lastIndex ?? 0;
  const entries = last > 0 ? await wal.entries(group, 1 as LogIndex, (last + 1) as LogIndex) : [];
  expect(entries.map((item) => Buffer.from(item.data).toString())).toEqual(
    Array.from({ length: last }, (_, i) => Buffer.from(entry(i + 1).data).toString()),
  );
  await wal.close();
  return last;
}

async function expectCorrupt(disk: SimDisk, fileName: string, position?: number): Promise<void> {
  const error = await Wal.open(disk, { directory, segmentSizeBytes: 8192 }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(HelixError.is(error, "CORRUPT_DATA"), `expected CORRUPT_DATA, got ${error}`).toBe(true);
  expect((error as HelixError).message).toContain(fileName);
  if (position !== undefined) {
    expect((error as HelixError).message).toContain(`at byte ${position}`);
    expect((error as HelixError).details).toMatchObject({ position });
  }
}

describe("recovery of a damaged last frame", () => {
  it("cuts a frame torn at any byte (zeros after the tear) and accepts the entry again", async () => {
    const { frames } = await walWithEntries(5);
    const last = frames.at(-1) as { position: number; size: number };
    for (let tear = 0; tear < last.size; tear++) {
      const { disk } = await walWithEntries(5);
      disk.overwrite(firstSegment, last.position + tear, new Uint8Array(last.size - tear));
      expect(await lastIndexAfterReopen(disk), `torn at byte ${tear}`).toBe(4);
      const wal = await Wal.open(disk, { directory, segmentSizeBytes: 8192 });
      await wal.append(group, { entries: [entry(5), entry(6)] });
      await wal.close();
      expect(await lastIndexAfterReopen(disk), `re-appended after a tear at byte ${tear}`).toBe(6);
    }
  });

  it("cuts a frame torn at any byte followed by garbage instead of zeros", async () => {
    const { frames } = await walWithEntries(5);
    const last = frames.at(-1) as { position: number; size: number };
    const rng = new SeededRng(11);
    for (let tear = 0; tear < last.size; tear++) {
      const { disk } = await walWithEntries(5);
      const garbage = Uint8Array.from({ length: last.size - tear + rng.integer(0, 64) }, () =>
        rng.integer(0, 256),
      );
      disk.overwrite(firstSegment, last.position + tear, garbage);
      expect(await lastIndexAfterReopen(disk), `garbage from byte ${tear}`).toBe(4);
    }
  });

  it("cuts a last frame with one flipped bit at any byte", async () => {
    const { frames } = await walWithEntries(5);
    const last = frames.at(-1) as { position: number; size: number };
    for (let position = 0; position < last.size; position++) {
      const { disk } = await walWithEntries(5);
      disk.flipBit(firstSegment, last.position + position, position % 8);
      expect(await lastIndexAfterReopen(disk), `bit flipped at byte ${position}`).toBe(4);
    }
  });
});

describe("a damaged tail left in place by recovery", () => {
  // Recovery does not zero what follows the last valid frame: appends overwrite it. The damaged frame
  // (nearly valid: one flipped bit, or torn with garbage after the tear) then sits behind shorter new
  // frames, and must never come back, whatever a later crash keeps.
  const short = (index: number): WalEntry => ({
    index: index as LogIndex,
    term: 1 as Term,
    type: 2,
    data: new TextEncoder().encode(`new ${index}`),
  });

  it("never resurfaces after shorter appends over it and a crash, at any damaged byte", async () => {
    const { frames } = await walWithEntries(5);
    const last = frames.at(-1) as { position: number; size: number };
    const rng = new SeededRng(13);
    for (let position = 0; position < last.size; position++) {
      const { disk } = await walWithEntries(5);
      if (position % 2 === 0) {
        disk.flipBit(firstSegment, last.position + position, position % 8);
      } else {
        const garbage = Uint8Array.from({ length: last.size - position }, () => rng.integer(0, 256));
        disk.overwrite(firstSegment, last.position + position, garbage);
      }
      const damaged = disk.contents(firstSegment).slice(last.position, last.position + last.size);
      const wal = await Wal.open(disk, { directory, segmentSizeBytes: 8192 });
      expect(wal.status(group)?.lastIndex, `damaged at byte ${position}`).toBe(4);
      // Recovery wrote nothing over the damaged frame.
      expect(
        Buffer.from(disk.contents(firstSegment).slice(last.position, last.position + last.size)).equals(
          Buffer.from(damaged),
        ),
      ).toBe(true);
      await wal.append(group, { entries: [short(5)] });
      const unacknowledged = wal.append(group, { entries: [short(6)] });
      unacknowledged.catch(() => undefined);
      const restarted = disk.crash({ keepSomeUnsynced: rng.chance(0.5) });
      const reopened = await Wal.open(restarted, { directory, segmentSizeBytes: 8192 });
      const lastIndex = reopened.status(group)?.lastIndex ?? 0;
      expect([5, 6], `damaged at byte ${position}: last index ${lastIndex}`).toContain(lastIndex);
      const entries = await reopened.entries(group, 1 as LogIndex, (lastIndex + 1) as LogIndex);
      expect(entries.map((item) => Buffer.from(item.data).toString())).toEqual(
        [1, 2, 3, 4, 5, 6]
          .slice(0, lastIndex)
          .map((index) => Buffer.from((index <= 4 ? entry(index) : short(index)).data).toString()),
      );
      await reopened.append(group, { entries: [short(lastIndex + 1)] });
      await reopened.close();
    }
  });
});

describe("corruption that is never skipped", () => {
  it("reports a flipped bit at any byte of a frame followed by valid frames, with file and position", async () => {
    const { frames } = await walWithEntries(5);
    const middle = frames[2] as { position: number; size: number };
    for (let position = 0; position < middle.size; position++) {
      const { disk } = await walWithEntries(5);
      disk.flipBit(firstSegment, middle.position + position, position % 8);
      await expectCorrupt(disk, "00000000000000000001.wal", middle.position);
    }
  });

  it("reports a zeroed frame in the middle of the log", async () => {
    const { disk, frames } = await walWithEntries(5);
    const middle = frames[1] as { position: number; size: number };
    disk.overwrite(firstSegment, middle.position, new Uint8Array(middle.size));
    await expectCorrupt(disk, "00000000000000000001.wal", middle.position);
  });

  it("reports a bad segment header", async () => {
    for (const position of [0, 8, 12, 16, 24, 39]) {
      const { disk } = await walWithEntries(2);
      disk.flipBit(firstSegment, position, 1);
      await expectCorrupt(disk, "00000000000000000001.wal");
    }
  });

  it("reports damage at the end of a sealed segment and a missing segment", async () => {
    const disk = new SimDisk({ rng: new SeededRng(3) });
    const wal = await Wal.open(disk, { directory, segmentSizeBytes: 4096 });
    for (let index = 1; index <= 150; index++) await wal.append(group, { entries: [entry(index)] });
    await wal.close();
    expect(disk.paths().length).toBeGreaterThanOrEqual(3);
    const file = await disk.open(firstSegment, { create: false });
    const frames: Array<{ position: number; size: number }> = [];
    await scanFrames(file, fileHeaderBytes, walFrameRulesFor(1), (position, _type, size) =>
      frames.push({ position, size }),
    );
    const last = frames.at(-1) as { position: number; size: number };
    disk.flipBit(firstSegment, last.position + last.size - 1, 0);
    await expectCorrupt(disk, "00000000000000000001.wal");
    disk.flipBit(firstSegment, last.position + last.size - 1, 0);
    await disk.remove(`${directory}/00000000000000000002.wal`);
    await expectCorrupt(disk, "00000000000000000003.wal");
  });
});

describe("disk faults", () => {
  it("rejects appends with DISK_FULL when the next segment cannot be created, and stays usable", async () => {
    const disk = new SimDisk({ rng: new SeededRng(5) });
    const wal = await Wal.open(disk, { directory, segmentSizeBytes: 4096 });
    let index = 1;
    while (wal.segmentSequences().length === 1) await wal.append(group, { entries: [entry(index++)] });
    const acknowledged = index - 1;
    disk.setCapacity(disk.usedBytes() + 100);
    let rejected: unknown;
    for (let attempt = 0; attempt < 300 && rejected === undefined; attempt++) {
      await wal.append(group, { entries: [entry(index)] }).then(
        () => index++,
        (error: unknown) => {
          rejected = error;
        },
      );
    }
    expect(HelixError.is(rejected, "DISK_FULL"), String(rejected)).toBe(true);
    expect(disk.paths().some((path) => path.endsWith(".tmp"))).toBe(false);
    disk.setCapacity(Number.POSITIVE_INFINITY);
    await wal.append(group, { entries: [entry(index)] });
    await wal.close();
    expect(await lastIndexAfterReopenAt(disk, 4096)).toBeGreaterThanOrEqual(acknowledged + 1);
  });

  it("fails closed on EIO from fdatasync, and a reopen recovers every acknowledged entry", async () => {
    const disk = new SimDisk({ rng: new SeededRng(9) });
    const wal = await Wal.open(disk, { directory, segmentSizeBytes: 8192 });
    await wal.append(group, { entries: [entry(1), entry(2)] });
    disk.failNext({ operation: "sync", fault: "EIO" });
    await expect(wal.append(group, { entries: [entry(3)] })).rejects.toSatisfy((error) =>
      HelixError.is(error, "IO_ERROR"),
    );
    await expect(wal.append(group, { entries: [entry(3)] })).rejects.toSatisfy(
      (error) => HelixError.is(error, "IO_ERROR") && /failed closed/.test((error as Error).message),
    );
    const restarted = disk.crash({ keepSomeUnsynced: false });
    expect(await lastIndexAfterReopenAt(restarted, 8192)).toBe(2);
  });

  it("never leaves a half-written record visible after a failed write", async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const disk = new SimDisk({ rng: new SeededRng(seed) });
      const wal = await Wal.open(disk, { directory, segmentSizeBytes: 8192 });
      await wal.append(group, { entries: [entry(1)] });
      disk.failNext({ operation: "write", fault: seed % 2 === 0 ? "EIO" : "ENOSPC" });
      const big = Array.from({ length: 6 }, (_, i) => entry(2 + i));
      await expect(wal.append(group, { entries: big })).rejects.toSatisfy((error) =>
        HelixError.isInstance(error),
      );
      // What the failed write left in the page cache is either whole frames (a prefix) or cut off.
      const last = await lastIndexAfterReopenAt(disk, 8192);
      expect(last).toBeGreaterThanOrEqual(1);
      expect(last).toBeLessThanOrEqual(7);
    }
  });
});

async function lastIndexAfterReopenAt(disk: SimDisk, segmentSizeBytes: number): Promise<number> {
  const wal = await Wal.open(disk, { directory, segmentSizeBytes });
  const last = wal.status(group)?.lastIndex ?? 0;
  if (last > 0) {
    const entries = await wal.entries(group, 1 as LogIndex, (last + 1) as LogIndex);
    expect(entries.map((item) => item.index)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    for (const item of entries) expect(Buffer.from(item.data)).toEqual(Buffer.from(entry(item.index).data));
  }
  await wal.close();
  return last;
}
