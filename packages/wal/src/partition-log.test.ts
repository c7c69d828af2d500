/**
 * Checks the partition segment store: batches read back whole from any offset inside them, at least
 * one past the byte limit; offsets stay contiguous; segments roll by size and by age; retention drops
 * old segments by size and by age; offsetForTime finds the first batch at or after a time; indexes are
 * rebuilt when missing or damaged; a torn tail is cut and damage before valid data is reported;
 * resetTo starts an empty log at a new offset, and a crash at any step of it recovers the old or the
 * new log, never a mix.
 */
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { PartitionLog, partitionFileName } from "./partition-log.js";
import { SimDisk } from "./testing/index.js";

const directory = "data/partitions/orders-0";

/** A Kafka v2 batch with the header fields the store reads and opaque record bytes. */
function batch(baseOffset: number, records: number, maxTimestamp: number, bodyBytes = 40): Uint8Array {
  const bytes = new Uint8Array(61 + bodyBytes).fill(0xab, 61);
  const view = new DataView(bytes.buffer);
  view.setBigInt64(0, BigInt(baseOffset));
  view.setInt32(8, bytes.length - 12);
  bytes[16] = 2;
  view.setInt32(23, records - 1);
  view.setBigInt64(27, BigInt(maxTimestamp));
  view.setBigInt64(35, BigInt(maxTimestamp));
  return bytes;
}

const baseOf = (stored: Uint8Array) => Number(new DataView(stored.buffer, stored.byteOffset).getBigInt64(0));

async function filled(options: { segmentSizeBytes?: number; batches?: number; disk?: SimDisk } = {}) {
  const disk = options.disk ?? new SimDisk({ rng: new SeededRng(1) });
  const log = await PartitionLog.open(disk, {
    directory,
    segmentSizeBytes: options.segmentSizeBytes ?? 1024,
    indexIntervalBytes: 256,
  });
  for (let i = 0; i < (options.batches ?? 40); i++) await log.append(batch(i * 3, 3, 1_000 + i * 10), 0);
  await log.flush();
  return { disk, log };
}

describe("PartitionLog", () => {
  it("returns whole batches from any offset inside them and keeps offsets contiguous", async () => {
    const { log } = await filled();
    expect(log.logEndOffset).toBe(120);
    expect(log.segmentBaseOffsets().length).toBeGreaterThan(3);
    for (let offset = 0; offset < 120; offset++) {
      const [first] = await log.read(offset, 1);
      expect(baseOf(first as Uint8Array)).toBe(offset - (offset % 3));
    }
    expect(await log.read(120, 1000)).toEqual([]);
    await expect(log.read(121, 10)).rejects.toSatisfy((error) => HelixError.is(error, "OFFSET_OUT_OF_RANGE"));
    await expect(log.append(batch(7, 1, 0), 0)).rejects.toSatisfy((error) =>
      HelixError.is(error, "INVALID_RECORD"),
    );
  });

  it("describes its sealed segments and reads one back whole, as tiered storage uploads them", async () => {
    const { log } = await filled();
    const sealed = log.sealedSegments();
    const bases = log.segmentBaseOffsets();
    expect(sealed.map((segment) => segment.baseOffset)).toEqual(bases.slice(0, -1));
    for (const [i, segment] of sealed.entries()) {
      expect(segment.endOffset).toBe(bases[i + 1]);
      const bytes = await log.readSealedSegment(segment.baseOffset);
      // The segment's batches, back to back, exactly as appended: 101 bytes each, 3 offsets each.
      expect(bytes.length).toBe(((segment.endOffset - segment.baseOffset) / 3) * 101);
      for (let position = 0; position < bytes.length; position += 101) {
        const offset = segment.baseOffset + (position / 101) * 3;
        expect(bytes.subarray(position, position + 101)).toEqual(batch(offset, 3, 1_000 + (offset / 3) * 10));
      }
      expect(segment.maxTimestampMs).toBe(1_000 + ((segment.endOffset - 3) / 3) * 10);
      expect(segment.sizeBytes).toBeGreaterThan(bytes.length);
    }
    const active = bases.at(-1) as number;
    await expect(log.readSealedSegment(active)).rejects.toSatisfy((error) =>
      HelixError.is(error, "OFFSET_OUT_OF_RANGE"),
    );
    await log.deleteSegmentsBefore((sealed[0] as { endOffset: number }).endOffset);
    expect(log.sealedSegments()[0]?.baseOffset).toBe(sealed[1]?.baseOffset);
  });

  it("returns at least one batch even past maxBytes, and more while they fit", async () => {
    const { log } = await filled({ segmentSizeBytes: 64 * 1024 });
    expect((await log.read(0, 1)).length).toBe(1);
    expect((await log.read(0, 101 * 3)).map(baseOf)).toEqual([0, 3, 6]);
  });

  it("finds the first batch at or after a timestamp", async () => {
    const { log } = await filled();
    expect(await log.offsetForTime(0)).toBe(0);
    expect(await log.offsetForTime(1_000)).toBe(0);
    expect(await log.offsetForTime(1_001)).toBe(3);
    expect(await log.offsetForTime(1_255)).toBe(78);
    expect(await log.offsetForTime(1_390)).toBe(117);
    expect(await log.offsetForTime(1_391)).toBeUndefined();
  });

  it("finds the batch holding the largest timestamp, the first one on a tie", async () => {
    const empty = await PartitionLog.open(new SimDisk({ rng: new SeededRng(3) }), { directory });
    expect(await empty.batchWithLargestTimestamp()).toBeUndefined();
    const { log } = await filled();
    await log.append(batch(120, 2, 9_000), 0);
    await log.append(batch(122, 1, 5_000), 0);
    await log.append(batch(123, 1, 9_000), 0);
    expect(baseOf((await log.batchWithLargestTimestamp()) as Uint8Array)).toBe(120);
    const sealed = await filled();
    expect(baseOf((await sealed.log.batchWithLargestTimestamp()) as Uint8Array)).toBe(117);
  });

  it("deletes whole segments below an offset, rolling the active one when all of it is below", async () => {
    const { disk, log } = await filled();
    const bases = log.segmentBaseOffsets();
    const cut = (bases[2] as number) + 1;
    expect(await log.deleteSegmentsBefore(cut)).toBe(2);
    expect(log.logStartOffset).toBe(bases[2]);
    expect(log.logEndOffset).toBe(120);
    expect(await log.deleteSegmentsBefore(0)).toBe(0);
    await log.deleteSegmentsBefore(120);
    expect(log.segmentBaseOffsets()).toEqual([120]);
    expect(log.logEndOffset).toBe(120);
    await log.append(batch(120, 1, 2_000), 0);
    await log.close();
    expect(disk.paths().filter((path) => path.endsWith(".log"))).toHaveLength(1);
    const reopened = await PartitionLog.open(disk, { directory, segmentSizeBytes: 1024 });
    expect([reopened.logStartOffset, reopened.logEndOffset]).toEqual([120, 121]);
  });

  it("takes new rolling and retention settings while open", async () => {
    const { log } = await filled({ segmentSizeBytes: 64 * 1024, batches: 10 });
    expect(log.segmentBaseOffsets()).toEqual([0]);
    await expect(log.configure({ segmentSizeBytes: 10 })).rejects.toSatisfy((error) =>
      HelixError.is(error, "INVALID_CONFIG"),
    );
    await log.configure({ segmentSizeBytes: 1024, retentionBytes: 1024 });
    for (let i = 10; i < 40; i++) await log.append(batch(i * 3, 3, 1_000 + i * 10), 0);
    expect(log.segmentBaseOffsets().length).toBeGreaterThan(3);
    expect(await log.enforceRetention(0)).toBeGreaterThan(0);
    expect(log.sizeBytes).toBeLessThan(2048);
    expect(log.logEndOffset).toBe(120);
  });

  it("rolls by age measured from the first batch's timestamp", async () => {
    const disk = new SimDisk({ rng: new SeededRng(2) });
    const log = await PartitionLog.open(disk, { directory, segmentAgeMs: 100 });
    await log.append(batch(0, 1, 1_000), 1_000);
    await log.append(batch(1, 1, 1_050), 1_099);
    await log.append(batch(2, 1, 1_100), 1_100);
    expect(log.segmentBaseOffsets()).toEqual([0, 2]);
  });

  it("applies retention by size and by age, never deleting the active segment", async () => {
    const { disk } = await filled({ batches: 40 });
    const bySize = await PartitionLog.open(disk, { directory, segmentSizeBytes: 1024, retentionBytes: 2048 });
    const removed = await bySize.enforceRetention(0);
    expect(removed).toBeGreaterThan(0);
    expect(bySize.sizeBytes).toBeGreaterThanOrEqual(2048 - 1024);
    expect(bySize.logStartOffset).toBe(bySize.segmentBaseOffsets()[0]);
    await expect(bySize.read(0, 10)).rejects.toSatisfy((error) =>
      HelixError.is(error, "OFFSET_OUT_OF_RANGE"),
    );
    await bySize.close();
    const byAge = await PartitionLog.open(disk, { directory, segmentSizeBytes: 1024, retentionMs: 10 });
    await byAge.enforceRetention(1_000_000);
    expect(byAge.segmentBaseOffsets()).toHaveLength(1);
    expect(disk.paths().filter((path) => path.endsWith(".log"))).toHaveLength(1);
  });

  it("survives a reopen and rebuilds missing or damaged index files from the log", async () => {
    const { disk, log } = await filled();
    await log.close();
    const bases = log.segmentBaseOffsets();
    await disk.remove(`${directory}/${partitionFileName(bases[0] as number, "index")}`);
    disk.flipBit(`${directory}/${partitionFileName(bases[1] as number, "timeindex")}`, 45, 3);
    const reopened = await PartitionLog.open(disk, {
      directory,
      segmentSizeBytes: 1024,
      indexIntervalBytes: 256,
    });
    expect(reopened.logEndOffset).toBe(120);
    for (let offset = 0; offset < 120; offset += 7)
      expect(baseOf((await reopened.read(offset, 1))[0] as Uint8Array)).toBe(offset - (offset % 3));
    expect(await reopened.offsetForTime(1_255)).toBe(78);
    expect(await disk.exists(`${directory}/${partitionFileName(bases[0] as number, "index")}`)).toBe(true);
  });

  it("resets to an empty log at a new start offset, durably, and appends from there", async () => {
    const { disk, log } = await filled();
    expect(log.segmentBaseOffsets().length).toBeGreaterThan(3);
    await log.resetTo(500);
    expect([log.logStartOffset, log.logEndOffset, log.segmentBaseOffsets()]).toEqual([500, 500, [500]]);
    expect(await log.read(500, 100)).toEqual([]);
    await expect(log.read(120, 100)).rejects.toSatisfy((error) =>
      HelixError.is(error, "OFFSET_OUT_OF_RANGE"),
    );
    await expect(log.append(batch(120, 3, 9_000), 0)).rejects.toSatisfy((error) =>
      HelixError.is(error, "INVALID_RECORD"),
    );
    await log.append(batch(500, 3, 9_000), 0);
    await log.flush();
    expect(await disk.list(directory)).toEqual([partitionFileName(500, "log")]);
    const reopened = await PartitionLog.open(disk.crash({ keepSomeUnsynced: false }), { directory });
    expect([reopened.logStartOffset, reopened.logEndOffset]).toEqual([500, 503]);
    expect((await reopened.read(501, 100)).map(baseOf)).toEqual([500]);
    // A reset below the old start works alike (the log is dropped whole).
    await reopened.resetTo(7);
    expect([reopened.logStartOffset, reopened.logEndOffset]).toEqual([7, 7]);
  });

  it("makes what it recovered durable: data and names an earlier process left unsynced", async () => {
    const disk = new SimDisk({ rng: new SeededRng(3) });
    disk.failNext({ operation: "syncDirectory", fault: "EIO" });
    await expect(PartitionLog.open(disk, { directory })).rejects.toMatchObject({ code: "IO_ERROR" });
    // The process exits and starts again over the same disk, no power lost: the segment is there, by a
    // name the directory never made durable.
    const log = await PartitionLog.open(disk, { directory });
    await log.append(batch(0, 3, 1_000), 0);
    await log.flush();
    // This batch is written but never synced before the process goes; the next instance reads it back.
    await log.append(batch(3, 3, 1_010), 0);
    const next = await PartitionLog.open(disk, { directory });
    expect(next.logEndOffset).toBe(6);
    const reopened = await PartitionLog.open(disk.crash({ keepSomeUnsynced: false }), { directory });
    expect([reopened.logStartOffset, reopened.logEndOffset]).toEqual([0, 6]);
    expect((await reopened.read(0, 1_000)).map(baseOf)).toEqual([0, 3]);
  });

  it("recovers either the old or the reset log after a crash at any step of a reset", async () => {
    let steps = 0;
    let crashAt = Number.POSITIVE_INFINITY;
    let frozen = false;
    const scheduler = (_operation: string, _path: string, complete: () => void) => {
      if (frozen) return; // the crashed process never sees its operation finish
      if (++steps === crashAt) {
        frozen = true;
        return;
      }
      complete();
    };
    let outcomes = { old: 0, reset: 0 };
    for (let step = 1; ; step++) {
      const disk = new SimDisk({ rng: new SeededRng(step), scheduler });
      frozen = false;
      crashAt = Number.POSITIVE_INFINITY;
      const { log } = await filled({ disk, batches: 20 });
      const bases = log.segmentBaseOffsets();
      steps = 0;
      crashAt = step;
      let finished = false;
      void log.resetTo(900).then(() => {
        finished = true;
      });
      // Enough microtask turns for every operation of the reset (each disk operation takes a few).
      for (let i = 0; i < 500; i++) await Promise.resolve();
      if (finished) break;
      expect(frozen, `step ${step}`).toBe(true);
      const restarted = disk.crash();
      frozen = false;
      crashAt = Number.POSITIVE_INFINITY;
      const reopened = await PartitionLog.open(restarted, {
        directory,
        segmentSizeBytes: 1024,
        indexIntervalBytes: 256,
      });
      if (reopened.logStartOffset === 900) {
        outcomes = { ...outcomes, reset: outcomes.reset + 1 };
        expect([reopened.logEndOffset, reopened.segmentBaseOffsets()]).toEqual([900, [900]]);
        expect(await restarted.list(directory)).toEqual([partitionFileName(900, "log")]);
      } else {
        outcomes = { ...outcomes, old: outcomes.old + 1 };
        expect([reopened.logStartOffset, reopened.logEndOffset]).toEqual([0, 60]);
        expect(reopened.segmentBaseOffsets()).toEqual(bases);
        for (let offset = 0; offset < 60; offset += 5)
          expect(baseOf((await reopened.read(offset, 1))[0] as Uint8Array)).toBe(offset - (offset % 3));
      }
      await reopened.append(batch(reopened.logEndOffset, 1, 10_000), 0);
    }
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.reset).toBeGreaterThan(0);
  });

  it("cuts a torn last batch at any byte, and reports a damaged batch followed by valid ones", async () => {
    const probe = await filled({ segmentSizeBytes: 64 * 1024, batches: 5 });
    const path = `${directory}/${partitionFileName(0, "log")}`;
    const size = probe.disk.contents(path).length;
    const frameBytes = 12 + 101;
    for (let tear = 1; tear < frameBytes; tear += 7) {
      const { disk, log } = await filled({ segmentSizeBytes: 64 * 1024, batches: 5 });
      await log.close();
      const restarted = disk.crash({ keepSomeUnsynced: false });
      restarted.flipBit(path, size - tear, 0);
      const reopened = await PartitionLog.open(restarted, { directory, segmentSizeBytes: 64 * 1024 });
      expect(reopened.logEndOffset, `damage ${tear} bytes before the end`).toBe(12);
      await reopened.append(batch(12, 3, 5_000), 0);
    }
    const { disk, log } = await filled({ segmentSizeBytes: 64 * 1024, batches: 5 });
    await log.close();
    disk.flipBit(path, 40 + 12 + 30, 2);
    await expect(PartitionLog.open(disk, { directory, segmentSizeBytes: 64 * 1024 })).rejects.toSatisfy(
      (error) => HelixError.is(error, "CORRUPT_DATA"),
    );
  });
});
