/**
 * Checks the shared WAL's contract on the simulated disk: appends resolve once durable and read back
 * byte for byte, conflicts truncate, releases reclaim segments, the state survives a reopen, and group
 * commit coalesces concurrent appends into one fdatasync.
 */
import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import { HelixError, limits, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { fileHeaderBytes } from "./internal/file-header.js";
import { checkpointFrameBytes, entryFrameBytes } from "./internal/wal-record.js";
import { SimDisk } from "./testing/index.js";
import { Wal } from "./wal.js";
import type { WalEntry } from "./wal-types.js";

const group = (value: number) => value as GroupId;
const entry = (index: number, term: number, text = `entry ${index}`): WalEntry => ({
  index: index as LogIndex,
  term: term as Term,
  type: 1,
  data: new TextEncoder().encode(text),
});
const text = (entries: WalEntry[]) => entries.map((item) => new TextDecoder().decode(item.data));

async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 2000 && !condition(); turn++) await Promise.resolve();
  expect(condition()).toBe(true);
}

/**
 * A simulated disk whose fdatasyncs of the file whose path contains `hold.path` ("" for every file) wait
 * in `held` (each a completion to call) while `hold.on` is set; every other operation completes at once.
 */
function diskHoldingSyncs(seed: number, path = "00000000000000000001.wal", on = false) {
  const held: Array<() => void> = [];
  const hold = { on, path };
  const disk = new SimDisk({
    rng: new SeededRng(seed),
    scheduler: (operation, file, complete) =>
      hold.on && operation === "sync" && file.includes(hold.path) ? held.push(complete) : complete(),
  });
  return { disk, held, hold };
}

async function openFresh(segmentSizeBytes = 4096) {
  const disk = new SimDisk({ rng: new SeededRng(1) });
  const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes });
  return { disk, wal };
}

describe("Wal", () => {
  it("reads back appended entries and hard state, before and after a reopen", async () => {
    const { disk, wal } = await openFresh();
    await wal.append(group(1), {
      entries: [entry(1, 1), entry(2, 1)],
      hardState: { term: 1 as Term, vote: 2 as NodeId, commit: 1 as LogIndex },
    });
    await wal.append(group(2), { entries: [entry(1, 3, "other")] });
    expect(text(await wal.entries(group(1), 1 as LogIndex, 3 as LogIndex))).toEqual(["entry 1", "entry 2"]);
    await wal.close();
    const reopened = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 4096 });
    expect(reopened.status(group(1))).toMatchObject({
      firstIndex: 1,
      lastIndex: 2,
      hardState: { term: 1, vote: 2, commit: 1 },
    });
    expect(text(await reopened.entries(group(2), 1 as LogIndex, 2 as LogIndex))).toEqual(["other"]);
    expect(reopened.term(group(1), 2 as LogIndex)).toBe(1);
  });

  it("builds each read entry with the caller's decoder, from recovery's bytes and from the disk", async () => {
    const { disk, wal } = await openFresh();
    await wal.append(group(1), { entries: [entry(1, 1), entry(2, 3), { ...entry(3, 3), type: 0 }] });
    await wal.append(group(2), { entries: [entry(1, 2, "other")] });
    await wal.close();
    const reopened = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 4096 });
    const decode = (index: LogIndex, term: Term, type: number, data: Uint8Array) => ({
      index,
      data,
      label: `${index}/${term}/${type}/${new TextDecoder().decode(data)}`,
    });
    const expected = ["1/1/1/entry 1", "2/3/1/entry 2", "3/3/0/entry 3"];
    // The first read after open decodes recovery's checked bytes; the second reads the disk.
    for (let read = 0; read < 2; read++) {
      const entries = await reopened.entries(
        group(1),
        1 as LogIndex,
        4 as LogIndex,
        Number.POSITIVE_INFINITY,
        decode,
      );
      expect(entries.map((item) => item.label)).toEqual(expected);
    }
    expect(await reopened.entries(group(2), 1 as LogIndex, 2 as LogIndex)).toEqual([entry(1, 2, "other")]);
  });

  it("replaces a conflicting suffix when entries overlap, and truncates explicitly", async () => {
    const { wal } = await openFresh();
    await wal.append(group(1), { entries: [entry(1, 1), entry(2, 1), entry(3, 1)] });
    await wal.append(group(1), { entries: [entry(2, 2, "new 2")] });
    expect(text(await wal.entries(group(1), 1 as LogIndex, 3 as LogIndex))).toEqual(["entry 1", "new 2"]);
    await wal.truncate(group(1), 2 as LogIndex);
    expect(wal.status(group(1))?.lastIndex).toBe(1);
  });

  it("reads a group's entries interleaved with other groups' frames with one read per span", async () => {
    let reads = 0;
    const disk = new SimDisk({
      rng: new SeededRng(1),
      scheduler: (operation, _path, complete) => {
        if (operation === "read") reads++;
        complete();
      },
    });
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 64 * 1024 });
    for (let index = 1; index <= 20; index++) {
      await Promise.all([
        wal.append(group(1), { entries: [entry(index, 1)] }),
        wal.append(group(2), { entries: [entry(index, 1, `other ${index}`)] }),
      ]);
    }
    // A gap wider than walReadGapBytesMax between entries 20 and 21 of group 1 starts a second read.
    await wal.append(group(3), { entries: [entry(1, 1, "x".repeat(limits.walReadGapBytesMax + 1))] });
    await wal.append(group(1), { entries: [entry(21, 1)] });
    const expected = Array.from({ length: 21 }, (_, i) => `entry ${i + 1}`);
    reads = 0;
    expect(text(await wal.entries(group(1), 1 as LogIndex, 21 as LogIndex))).toEqual(expected.slice(0, 20));
    expect(reads).toBe(1);
    reads = 0;
    expect(text(await wal.entries(group(1), 1 as LogIndex, 22 as LogIndex))).toEqual(expected);
    expect(reads).toBe(2);
    reads = 0;
    expect(text(await wal.entries(group(2), 5 as LogIndex, 21 as LogIndex, 30))).toEqual(
      Array.from({ length: 4 }, (_, i) => `other ${i + 5}`),
    );
    expect(reads).toBe(1);
  });

  it("rejects appends that leave a gap or go below the compaction point", async () => {
    const { wal } = await openFresh();
    await expect(wal.append(group(1), { entries: [entry(2, 1)] })).rejects.toSatisfy((error) =>
      HelixError.is(error, "INVALID_ARGUMENT"),
    );
    await wal.append(group(1), { entries: [entry(1, 1), entry(2, 1)] });
    await wal.release(group(1), { index: 1 as LogIndex, term: 1 as Term });
    await expect(wal.append(group(1), { entries: [entry(1, 1)] })).rejects.toSatisfy((error) =>
      HelixError.is(error, "INVALID_ARGUMENT"),
    );
    await expect(wal.entries(group(1), 1 as LogIndex, 2 as LogIndex)).rejects.toSatisfy((error) =>
      HelixError.is(error, "OFFSET_OUT_OF_RANGE"),
    );
  });

  it("rejects an append that no longer fits behind a roll's checkpoints with the appends queued after it, and forgets them", async () => {
    const segmentBytes = 4096;
    const { disk, wal } = await openFresh(segmentBytes);
    await wal.append(group(1), { entries: [entry(1, 1, "y".repeat(500))] });
    // Accepted while one group exists (too large for what is left of the first segment, so it rolls): room for two checkpoints. Before the roll it has to make, two new
    // groups arrive, so the new segment leads with three checkpoints and the entry no longer fits.
    const fitsTwoCheckpoints = segmentBytes - fileHeaderBytes - 2 * checkpointFrameBytes;
    const large = entry(2, 1, "x".repeat(fitsTwoCheckpoints - entryFrameBytes(0)));
    const outcomes = [
      wal.append(group(1), { entries: [large] }),
      wal.append(group(2), { entries: [entry(1, 1, "second group")] }),
      wal.append(group(3), { entries: [entry(1, 1, "third group")] }),
    ].map((call) =>
      call.then(
        () => "durable",
        (error: unknown) => (HelixError.isInstance(error) ? error.code : error),
      ),
    );
    expect(await Promise.all(outcomes)).toEqual(["RECORD_TOO_LARGE", "RECORD_TOO_LARGE", "RECORD_TOO_LARGE"]);
    // Nothing of them was kept as accepted: group 1 still ends at entry 1, group 2 starts from nothing.
    await expect(wal.append(group(1), { entries: [entry(3, 1)] })).rejects.toSatisfy((error) =>
      HelixError.is(error, "INVALID_ARGUMENT"),
    );
    await wal.append(group(1), { entries: [entry(2, 1)] });
    await wal.append(group(2), { entries: [entry(1, 1, "second group")] });
    await wal.close();
    const reopened = await Wal.open(disk, { directory: "wal", segmentSizeBytes: segmentBytes });
    expect(text(await reopened.entries(group(1), 1 as LogIndex, 3 as LogIndex))).toEqual([
      "y".repeat(500),
      "entry 2",
    ]);
    expect(text(await reopened.entries(group(2), 1 as LogIndex, 2 as LogIndex))).toEqual(["second group"]);
  });

  it("leaves no trace of a call rejected for room: later calls are validated against the log as it was", async () => {
    const { wal } = await openFresh(4096);
    const tooLarge = entry(1, 5, "x".repeat(5000));
    await expect(
      wal.append(group(1), {
        entries: [tooLarge],
        hardState: { term: 5 as Term, vote: undefined, commit: 0 as LogIndex },
      }),
    ).rejects.toSatisfy((error) => HelixError.is(error, "RECORD_TOO_LARGE"));
    // Entry 1 was never accepted, so entry 2 leaves a gap, and term 5 was never accepted either.
    await expect(wal.append(group(1), { entries: [entry(2, 1)] })).rejects.toSatisfy((error) =>
      HelixError.is(error, "INVALID_ARGUMENT"),
    );
    await wal.append(group(1), {
      entries: [entry(1, 1)],
      hardState: { term: 3 as Term, vote: undefined, commit: 0 as LogIndex },
    });
    expect(wal.status(group(1))).toMatchObject({ lastIndex: 1, hardState: { term: 3 } });
  });

  it("coalesces concurrent appends of many groups into one write and one fdatasync", async () => {
    const { disk, wal } = await openFresh(64 * 1024);
    const syncsBefore = disk.statistics.syncs;
    await Promise.all(Array.from({ length: 50 }, (_, i) => wal.append(group(i), { entries: [entry(1, 1)] })));
    // Calls made in one burst are accepted before the first write starts, so all 50 share it.
    expect(disk.statistics.syncs - syncsBefore).toBe(1);
    expect(wal.statistics.commits).toBe(1);
    expect(wal.statistics.writes).toBe(1);
  });

  it("keeps closed-loop callers together: each fdatasync covers all of them, not alternating halves", async () => {
    // fdatasyncs are slow here (held until the callers have settled), as on a real disk.
    const { disk, held } = diskHoldingSyncs(8, "", true);
    const opening = Wal.open(disk, { directory: "wal", segmentSizeBytes: 256 * 1024 });
    const flush = async () => {
      for (let turn = 0; turn < 50; turn++) await Promise.resolve();
      for (const complete of held.splice(0)) complete();
    };
    let opened = false;
    void opening.then(() => {
      opened = true;
    });
    for (let round = 0; round < 100 && !opened; round++) await flush();
    const wal = await opening;
    let finished = 0;
    const writer = async (id: number) => {
      for (let index = 1; index <= 10; index++) await wal.append(group(id), { entries: [entry(index, 1)] });
      finished++;
    };
    // Half the callers start while the first half's fdatasync runs, so they are written during it.
    const writers = Array.from({ length: 8 }, (_, i) => writer(i + 1));
    for (let turn = 0; turn < 50; turn++) await Promise.resolve();
    expect(held).toHaveLength(1);
    writers.push(...Array.from({ length: 8 }, (_, i) => writer(i + 9)));
    for (let round = 0; round < 100 && finished < 16; round++) await flush();
    await Promise.all(writers);
    expect(wal.statistics.appends).toBe(160);
    // The first fdatasync covers the first half; from then on one covers everybody.
    expect(wal.statistics.commits).toBe(11);
  });

  it("rolls segments and deletes the ones every group has released", async () => {
    const { disk, wal } = await openFresh(4096);
    const payload = "x".repeat(500);
    for (let index = 1; index <= 30; index++)
      await wal.append(group(1), { entries: [entry(index, 1, payload)] });
    await wal.append(group(2), { entries: [entry(1, 1)] });
    const before = wal.segmentSequences();
    expect(before.length).toBeGreaterThan(3);
    await wal.release(group(1), { index: 25 as LogIndex, term: 1 as Term });
    // Group 2's only entry lives in the last segment, so everything before group 1's entry 26 goes.
    const after = wal.segmentSequences();
    expect(after.length).toBeLessThan(before.length);
    expect(disk.paths().filter((path) => path.endsWith(".wal"))).toHaveLength(after.length);
    // The removals were made durable by a directory fsync: a power loss does not bring the files back.
    const afterCrash = disk.crash({ keepSomeUnsynced: false });
    expect(afterCrash.paths().filter((path) => path.endsWith(".wal"))).toHaveLength(after.length);
    await wal.close().catch(() => undefined);
    const reopened = await Wal.open(afterCrash, { directory: "wal", segmentSizeBytes: 4096 });
    expect(reopened.status(group(1))).toMatchObject({
      firstIndex: 26,
      lastIndex: 30,
      compaction: { index: 25, term: 1 },
    });
    expect(text(await reopened.entries(group(1), 26 as LogIndex, 31 as LogIndex))).toEqual(
      Array(5).fill(payload),
    );
  });

  it("records a compaction point past the last entry (a snapshot from the leader)", async () => {
    const { disk, wal } = await openFresh();
    await wal.append(group(1), { entries: [entry(1, 1)] });
    await wal.release(group(1), { index: 100 as LogIndex, term: 7 as Term });
    await wal.append(group(1), { entries: [entry(101, 7)] });
    await wal.close();
    const reopened = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 4096 });
    expect(reopened.status(group(1))).toMatchObject({ firstIndex: 101, lastIndex: 101 });
    expect(reopened.term(group(1), 100 as LogIndex)).toBe(7);
  });

  it("writes the next batch while the previous fdatasync runs, and acknowledges each only after its own", async () => {
    const { disk, held, hold } = diskHoldingSyncs(5);
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 64 * 1024 });
    const until = async (condition: () => boolean) => {
      for (let turn = 0; turn < 1000 && !condition(); turn++) await Promise.resolve();
      expect(condition()).toBe(true);
    };
    hold.on = true;
    const acknowledged: number[] = [];
    const first = wal.append(group(1), { entries: [entry(1, 1)] }).then(() => acknowledged.push(1));
    await until(() => held.length === 1);
    const writesBefore = disk.statistics.writes;
    void wal.append(group(2), { entries: [entry(1, 1)] }).then(() => acknowledged.push(2));
    // The second batch reaches the page cache while the first fdatasync is still running.
    await until(() => disk.statistics.writes === writesBefore + 1);
    expect(acknowledged).toEqual([]);
    (held.shift() as () => void)();
    await first;
    // That fdatasync was called before the second write completed: it does not cover it.
    await until(() => held.length === 1);
    expect(acknowledged).toEqual([1]);
    hold.on = false;
    const reopened = await Wal.open(disk.crash({ keepSomeUnsynced: false }), {
      directory: "wal",
      segmentSizeBytes: 64 * 1024,
    });
    expect(reopened.status(group(1))?.lastIndex).toBe(1);
    expect(reopened.status(group(2))?.lastIndex ?? 0).toBe(0);
  });

  it("flushes a full write's worth written during an fdatasync at once, before acknowledging, in call order", async () => {
    const { disk, held, hold } = diskHoldingSyncs(7);
    const segmentSizeBytes = 8 * 1024 * 1024;
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes });
    const until = async (condition: () => boolean) => {
      for (let turn = 0; turn < 1000 && !condition(); turn++) await Promise.resolve();
      expect(condition()).toBe(true);
    };
    const large = (index: number): WalEntry => ({
      index: index as LogIndex,
      term: 1 as Term,
      type: 1,
      data: new Uint8Array(400 * 1024).fill(index),
    });
    hold.on = true;
    const acknowledged: string[] = [];
    const syncsRequestedAtFirstAck: number[] = [];
    const first = wal.append(group(1), { entries: [entry(1, 1)] }).then(() => {
      acknowledged.push("small");
      syncsRequestedAtFirstAck.push(held.length);
    });
    await until(() => held.length === 1);
    const bytesBefore = disk.statistics.writtenBytes;
    // 1.2 MiB reaches the page cache during the first fdatasync.
    const large1 = [1, 2, 3].map((index) =>
      wal.append(group(2), { entries: [large(index)] }).then(() => acknowledged.push(`large ${index}`)),
    );
    await until(() => disk.statistics.writtenBytes - bytesBefore >= 3 * 400 * 1024);
    (held.shift() as () => void)();
    await first;
    // The next fdatasync was requested before the first one's callers were acknowledged.
    expect(syncsRequestedAtFirstAck).toEqual([1]);
    expect(acknowledged).toEqual(["small"]);
    // More callers arrive while it runs; the crash loses them and the unacknowledged large entries only.
    const late = wal.append(group(1), { entries: [entry(2, 1)] }).catch(() => "lost");
    await until(() => held.length === 1);
    hold.on = false;
    const restarted = disk.crash({ keepSomeUnsynced: false });
    (held.shift() as () => void)();
    await Promise.allSettled([...large1, late]);
    const reopened = await Wal.open(restarted, { directory: "wal", segmentSizeBytes });
    expect(reopened.status(group(1))?.lastIndex).toBe(1);
    expect(reopened.status(group(2))?.lastIndex ?? 0).toBe(0);
  });

  it("acknowledges chained fdatasyncs in call order and keeps every acknowledged large entry", async () => {
    const { disk, held, hold } = diskHoldingSyncs(8, undefined, true);
    const segmentSizeBytes = 16 * 1024 * 1024;
    hold.on = false;
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes });
    hold.on = true;
    const order: number[] = [];
    const appends: Array<Promise<unknown>> = [];
    for (let index = 1; index <= 24; index++) {
      const data = new Uint8Array(300 * 1024).fill(index);
      appends.push(
        wal
          .append(group(1 + (index % 3)), {
            entries: [{ index: Math.ceil(index / 3) as LogIndex, term: 1 as Term, type: 1, data }],
          })
          .then(() => order.push(index)),
      );
      // Release one held fdatasync now and then, so several chain while appends keep arriving.
      if (index % 4 === 0) (held.shift() ?? (() => undefined))();
      for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    }
    while (order.length < 24) {
      (held.shift() ?? (() => undefined))();
      for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    }
    await Promise.all(appends);
    expect(order).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(wal.statistics.commits).toBeLessThan(24);
    hold.on = false;
    const reopened = await Wal.open(disk.crash({ keepSomeUnsynced: false }), {
      directory: "wal",
      segmentSizeBytes,
    });
    for (const id of [1, 2, 3]) {
      const entries = await reopened.entries(group(id), 1 as LogIndex, 9 as LogIndex);
      expect(entries.map((item) => item.data[0])).toEqual(
        Array.from({ length: 8 }, (_, i) => ([3, 1, 2][id - 1] as number) + 3 * i),
      );
    }
  });

  it("fails closed on a write that fails during an fdatasync, which still acknowledges what it covers", async () => {
    const { disk, held, hold } = diskHoldingSyncs(6);
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 64 * 1024 });
    hold.on = true;
    const first = wal.append(group(1), { entries: [entry(1, 1)] });
    for (let turn = 0; turn < 1000 && held.length === 0; turn++) await Promise.resolve();
    expect(held).toHaveLength(1);
    disk.failNext({ operation: "write", fault: "EIO" });
    await expect(wal.append(group(1), { entries: [entry(2, 1)] })).rejects.toSatisfy((error) =>
      HelixError.is(error, "IO_ERROR"),
    );
    (held.shift() as () => void)();
    await first;
    await expect(wal.append(group(1), { entries: [entry(2, 1)] })).rejects.toSatisfy((error) =>
      HelixError.is(error, "IO_ERROR"),
    );
    hold.on = false;
    const reopened = await Wal.open(disk.crash({ keepSomeUnsynced: true }), {
      directory: "wal",
      segmentSizeBytes: 64 * 1024,
    });
    expect(reopened.status(group(1))?.lastIndex).toBe(1);
    expect(text(await reopened.entries(group(1), 1 as LogIndex, 2 as LogIndex))).toEqual(["entry 1"]);
  });

  it("keeps as many spares as the last release cycle grew the log, reuses them, and keeps them across a restart", async () => {
    const { disk, wal } = await openFresh(4096);
    const payload = "y".repeat(500);
    const spares = () => disk.paths().filter((path) => path.endsWith(".spare.wal.tmp"));
    // A short cycle: the log grows by 8 segments, then one release frees them all at once (a burst, as
    // when a partition store flushes). The pool keeps what the cycle used, so the next cycle grows nothing.
    for (let index = 1; index <= 60; index++)
      await wal.append(group(1), { entries: [entry(index, 1, payload)] });
    const cycle = wal.statistics.segmentsCreated;
    expect(cycle).toBeGreaterThan(limits.walSpareSegmentsMin);
    expect(cycle).toBeLessThan(limits.walSpareSegmentsMax);
    await wal.release(group(1), { index: 60 as LogIndex, term: 1 as Term });
    expect(spares()).toHaveLength(wal.statistics.segmentsRemoved);
    const recycledBefore = wal.statistics.segmentsRecycled;
    for (let index = 61; index <= 120; index++)
      await wal.append(group(1), { entries: [entry(index, 1, payload)] });
    expect(wal.statistics.segmentsRecycled - recycledBefore).toBeGreaterThanOrEqual(cycle - 1);
    expect(wal.statistics.segmentsGrown).toBe(0);
    // A long cycle: more segments than the pool's bound are freed at once; the pool is full, the rest
    // are deleted.
    for (let index = 121; index <= 300; index++)
      await wal.append(group(1), { entries: [entry(index, 1, payload)] });
    expect(wal.segmentSequences().length - 1).toBeGreaterThan(limits.walSpareSegmentsMax);
    const removedBefore = wal.statistics.segmentsRemoved;
    await wal.release(group(1), { index: 295 as LogIndex, term: 1 as Term });
    expect(spares()).toHaveLength(limits.walSpareSegmentsMax);
    expect(wal.statistics.segmentsRemoved - removedBefore).toBeGreaterThan(limits.walSpareSegmentsMax);
    // Then the cycle shrinks to a couple of segments: spares beyond the floor give their space back.
    for (let index = 301; index <= 310; index++)
      await wal.append(group(1), { entries: [entry(index, 1, payload)] });
    await wal.release(group(1), { index: 308 as LogIndex, term: 1 as Term });
    expect(spares()).toHaveLength(limits.walSpareSegmentsMin);
    const sparesAtCrash = spares().sort();
    // A power loss keeps the spares (their renames were synced) and the next WAL reuses them.
    const restarted = disk.crash({ keepSomeUnsynced: false });
    const reopened = await Wal.open(restarted, { directory: "wal", segmentSizeBytes: 4096 });
    expect(reopened.status(group(1))).toMatchObject({ firstIndex: 309, lastIndex: 310 });
    expect(
      restarted
        .paths()
        .filter((path) => path.endsWith(".spare.wal.tmp"))
        .sort(),
    ).toEqual(sparesAtCrash);
    expect(restarted.paths().filter((path) => path.endsWith(".tmp") && !path.includes(".spare."))).toEqual(
      [],
    );
    for (let index = 311; index <= 330; index++)
      await reopened.append(group(1), { entries: [entry(index, 1, payload)] });
    expect(reopened.statistics.segmentsRecycled).toBeGreaterThan(0);
    expect(text(await reopened.entries(group(1), 309 as LogIndex, 331 as LogIndex))).toEqual(
      Array(22).fill(payload),
    );
  });

  it("writes the next segment's frames while the old one drains, and acknowledges them only once it is named", async () => {
    // (A file keeps the path it was opened under: segment 1 was prepared as "....wal.tmp".)
    const { disk, held, hold } = diskHoldingSyncs(3);
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 4096, newSegments: "append" });
    const payload = "z".repeat(500);
    await wal.append(group(1), { entries: [entry(1, 1, payload)] });
    hold.on = true;
    const bytesBefore = disk.statistics.writtenBytes;
    const acknowledged: number[] = [];
    // More than the first segment holds, at once: what fits goes to segment 1, whose fdatasync is held;
    // the rest goes to segment 2 under its temporary name.
    const calls = Array.from({ length: 12 }, (_, i) =>
      wal.append(group(1), { entries: [entry(i + 2, 1, payload)] }).then(() => acknowledged.push(i + 2)),
    );
    // All twelve are written, the rest into segment 2 while segment 1's fdatasync is held.
    await until(
      () =>
        wal.rollStage === "draining" &&
        held.length === 1 &&
        disk.statistics.writtenBytes > bytesBefore + 12 * 500,
    );
    expect(disk.paths()).toContain("wal/00000000000000000002.wal.tmp");
    expect(disk.paths()).not.toContain("wal/00000000000000000002.wal");
    expect(acknowledged).toEqual([]);
    hold.on = false;
    (held.shift() as () => void)();
    await Promise.all(calls);
    expect(acknowledged).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    expect(wal.segmentSequences()).toEqual([1, 2]);
    expect(wal.statistics.rollsPipelined).toBe(1);
    const reopened = await Wal.open(disk.crash({ keepSomeUnsynced: false }), {
      directory: "wal",
      segmentSizeBytes: 4096,
    });
    expect(reopened.status(group(1))?.lastIndex).toBe(13);
  });

  it("names nothing once it failed closed during a roll (a new instance may own the directory by then)", async () => {
    const { disk, held } = diskHoldingSyncs(6, "00000000000000000002.wal", true);
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 4096, newSegments: "append" });
    const payload = "n".repeat(500);
    await wal.append(group(1), { entries: [entry(1, 1, payload)] });
    const calls = Array.from({ length: 12 }, (_, i) =>
      wal.append(group(1), { entries: [entry(i + 2, 1, payload)] }).catch(() => undefined),
    );
    // Segment 1 is durable; segment 2's naming fdatasync is held.
    await until(() => wal.rollStage === "sync" && held.length === 1);
    disk.failNext({ operation: "write", fault: "EIO", pathIncludes: "00000000000000000002" });
    const failed = wal.append(group(1), { entries: [entry(14, 1, "x")] }).then(
      () => false,
      () => true,
    );
    expect(await failed).toBe(true);
    (held.shift() as () => void)();
    await Promise.all(calls);
    await wal.close();
    expect(disk.paths()).not.toContain("wal/00000000000000000002.wal");
  });

  it("a crash while the old segment drains leaves the log ending with it, and the spare taken stays out of the pool", async () => {
    const { disk, held, hold } = diskHoldingSyncs(4);
    const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 4096 });
    const payload = "s".repeat(500);
    const spares = (on: SimDisk) => on.paths().filter((path) => path.endsWith(".spare.wal.tmp"));
    for (let index = 1; index <= 40; index++)
      await wal.append(group(1), { entries: [entry(index, 1, payload)] });
    await wal.release(group(1), { index: 40 as LogIndex, term: 1 as Term });
    const sparesBefore = spares(disk);
    expect(sparesBefore.length).toBeGreaterThan(0);
    const active = wal.segmentSequences().at(-1) as number;
    hold.path = `${String(active).padStart(20, "0")}.wal`;
    hold.on = true;
    const bytesBefore = disk.statistics.writtenBytes;
    const calls = Array.from({ length: 12 }, (_, i) =>
      wal.append(group(1), { entries: [entry(41 + i, 1, payload)] }).catch(() => undefined),
    );
    await until(
      // The active segment takes what fits (two entries here), the next one most of the rest.
      () =>
        wal.rollStage === "draining" &&
        held.length === 1 &&
        disk.statistics.writtenBytes > bytesBefore + 6 * 500,
    );
    expect(wal.statistics.segmentsRecycled).toBeGreaterThan(0);
    const restarted = disk.crash({ keepSomeUnsynced: true });
    // The spare's rename to the next segment's temporary name was durable before frames salted for that
    // sequence went into it: a crash cannot bring it back as a spare (the next roll reuses the sequence).
    expect(spares(restarted)).toHaveLength(sparesBefore.length - 1);
    expect(restarted.paths()).not.toContain(`wal/${String(active + 1).padStart(20, "0")}.wal`);
    // The crashed process's held fdatasync fails (its handles are gone): its calls reject.
    hold.on = false;
    for (const complete of held.splice(0)) complete();
    await Promise.all(calls);
    const reopened = await Wal.open(restarted, { directory: "wal", segmentSizeBytes: 4096 });
    expect(reopened.segmentSequences().at(-1)).toBe(active);
    expect(reopened.status(group(1))?.lastIndex).toBe(40);
    expect(restarted.paths().filter((path) => path.endsWith(".tmp") && !path.includes(".spare."))).toEqual(
      [],
    );
    for (let index = 41; index <= 70; index++)
      await reopened.append(group(1), { entries: [entry(index, 1, payload)] });
    expect(text(await reopened.entries(group(1), 41 as LogIndex, 71 as LogIndex))).toEqual(
      Array(30).fill(payload),
    );
  });

  it("makes the names it recovered durable: a segment an earlier process named without its directory fsync", async () => {
    const options = { directory: "wal", segmentSizeBytes: 4096 };
    const disk = new SimDisk({ rng: new SeededRng(9) });
    disk.failNext({ operation: "syncDirectory", fault: "EIO" });
    await expect(Wal.open(disk, options)).rejects.toMatchObject({ code: "IO_ERROR" });
    // The process exits and starts again over the same disk, no power lost: the segment is there, by a
    // name the directory never made durable.
    expect(disk.paths()).toEqual(["wal/00000000000000000001.wal"]);
    const wal = await Wal.open(disk, options);
    await wal.append(group(1), {
      entries: [entry(1, 1), entry(2, 1)],
      hardState: { term: 1 as Term, vote: 0 as NodeId, commit: 0 as LogIndex },
    });
    await wal.close();
    const reopened = await Wal.open(disk.crash({ keepSomeUnsynced: false }), options);
    expect(reopened.status(group(1))?.lastIndex).toBe(2);
    expect(text(await reopened.entries(group(1), 1 as LogIndex, 3 as LogIndex))).toEqual([
      "entry 1",
      "entry 2",
    ]);
  });

  it("grows new segments by append when asked, and recovers them after a power loss", async () => {
    const disk = new SimDisk({ rng: new SeededRng(12) });
    const options = { directory: "wal", segmentSizeBytes: 4096, newSegments: "append" } as const;
    const wal = await Wal.open(disk, options);
    const payload = "z".repeat(300);
    for (let index = 1; index <= 40; index++)
      await wal.append(group(1), { entries: [entry(index, 1, payload)] });
    expect(wal.statistics.segmentsGrown).toBeGreaterThan(0);
    // A grown segment's file ends at its data (the first segment is zero-filled when the WAL is created).
    const files = disk.paths().filter((path) => path.endsWith(".wal"));
    expect(files.length).toBeGreaterThan(2);
    for (const path of files.slice(1)) expect(disk.contents(path).length).toBeLessThan(4096);
    const reopened = await Wal.open(disk.crash({ keepSomeUnsynced: false }), options);
    expect(reopened.status(group(1))).toMatchObject({ firstIndex: 1, lastIndex: 40 });
    expect(text(await reopened.entries(group(1), 1 as LogIndex, 41 as LogIndex))).toEqual(
      Array(40).fill(payload),
    );
    // The active segment takes its size from its header, not from its (shorter) file: it fills to 4 KiB.
    const before = reopened.segmentSequences().length;
    await reopened.append(group(1), { entries: [entry(41, 1, payload)] });
    expect(reopened.segmentSequences().length).toBe(before);
  });
});
