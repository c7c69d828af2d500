/**
 * Checks the simulated disk's promises: a crash keeps synced bytes and at most a prefix of unsynced
 * operations (the last possibly torn); names need a directory sync; dead views fail; faults are typed;
 * with a scheduler nothing takes effect until the host completes it (slow fsync on simulated time), and
 * an fdatasync covers only the writes completed when it was called.
 */
import type { GroupId, LogIndex, Term } from "@helixlog/core";
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { Wal } from "../wal.js";
import { SimDisk } from "./sim-disk.js";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("SimDisk", () => {
  it("keeps synced bytes and a torn prefix of unsynced writes at a crash", async () => {
    for (let seed = 1; seed <= 50; seed++) {
      let disk = new SimDisk({ rng: new SeededRng(seed) });
      const file = await disk.open("a", { create: true });
      await file.write(0, bytes(1, 2, 3));
      await file.sync();
      await disk.syncDirectory("");
      await file.write(3, bytes(4, 5, 6, 7));
      disk = disk.crash();
      const survived = disk.contents("a");
      expect(Array.from(survived.subarray(0, 3))).toEqual([1, 2, 3]);
      expect(Array.from(survived)).toEqual([1, 2, 3, 4, 5, 6, 7].slice(0, survived.length));
    }
  });

  it("keeps what a restarted process writes apart from what survived, until it is synced", async () => {
    let disk = new SimDisk({ rng: new SeededRng(1) });
    const file = await disk.open("a", { create: true });
    await file.write(0, bytes(1, 2, 3, 4));
    await file.sync();
    await disk.syncDirectory("");
    disk = disk.crash({ keepSomeUnsynced: false });
    // Media corruption and a test's overwrite change what survived once, in both views.
    disk.flipBit("a", 0, 1);
    disk.overwrite("a", 1, bytes(7));
    disk = disk.crash({ keepSomeUnsynced: false });
    expect([...disk.contents("a")]).toEqual([3, 7, 3, 4]);
    // Writes after a restart are visible at once and lost by the next crash unless synced.
    const reopened = await disk.open("a", { create: false });
    await reopened.write(2, bytes(8, 8, 8));
    expect([...(await reopened.read(0, 5))]).toEqual([3, 7, 8, 8, 8]);
    disk = disk.crash({ keepSomeUnsynced: false });
    expect([...disk.contents("a")]).toEqual([3, 7, 3, 4]);
    const again = await disk.open("a", { create: false });
    await again.write(0, bytes(9));
    await again.sync();
    disk = disk.crash({ keepSomeUnsynced: false });
    expect([...disk.contents("a")]).toEqual([9, 7, 3, 4]);
  });

  it("keeps the data of many small unsynced writes for the fdatasync that makes them durable", async () => {
    let disk = new SimDisk({ rng: new SeededRng(2) });
    const file = await disk.open("a", { create: true });
    await disk.syncDirectory("");
    const expected = new Uint8Array(3000 * 100);
    // Far more data than one of the disk's internal copy chunks holds, all pending at once.
    for (let i = 0; i < 3000; i++) {
      const data = new Uint8Array(100).fill(i % 251);
      expected.set(data, i * 100);
      await file.write(i * 100, data);
      data.fill(0); // The caller may reuse its buffer once the write completed.
    }
    await file.sync();
    disk = disk.crash({ keepSomeUnsynced: false });
    expect(disk.contents("a")).toEqual(expected);
  });

  it("forgets names not made durable by a directory sync, and kills the old view", async () => {
    const disk = new SimDisk({ rng: new SeededRng(1) });
    const file = await disk.open("kept", { create: true });
    await file.sync();
    await disk.syncDirectory("");
    await disk.open("lost", { create: true });
    const restarted = disk.crash({ keepSomeUnsynced: false });
    expect(restarted.paths()).toEqual(["kept"]);
    await expect(disk.open("kept", { create: false })).rejects.toSatisfy((error) =>
      HelixError.is(error, "IO_ERROR"),
    );
    await expect(file.read(0, 1)).rejects.toSatisfy((error) => HelixError.is(error, "IO_ERROR"));
  });

  it("fails operations with typed ENOSPC and EIO on command", async () => {
    const disk = new SimDisk({ rng: new SeededRng(1), capacityBytes: 10 });
    const file = await disk.open("a", { create: true });
    await expect(file.write(0, new Uint8Array(11))).rejects.toSatisfy((error) =>
      HelixError.is(error, "DISK_FULL"),
    );
    disk.failNext({ operation: "sync", fault: "EIO" });
    await expect(file.sync()).rejects.toSatisfy((error) => HelixError.is(error, "IO_ERROR"));
    await file.sync();
  });

  it("fails operations with the fault probabilities set, and none once they are 0 or cleared", async () => {
    const disk = new SimDisk({ rng: new SeededRng(1) });
    const file = await disk.open("a", { create: true });
    disk.setFaultProbabilities({ EIO: 1 });
    await expect(file.sync()).rejects.toSatisfy((error) => HelixError.is(error, "IO_ERROR"));
    disk.setFaultProbabilities({ EIO: 0, ENOSPC: 1 });
    await expect(file.truncate(4)).rejects.toSatisfy((error) => HelixError.is(error, "DISK_FULL"));
    disk.setFaultProbabilities({ EIO: 0 });
    await file.sync();
    disk.setFaultProbabilities({ EIO: 1 });
    disk.clearFaults();
    await file.write(0, bytes(1));
  });

  it("names files by their normal path however it is spelled", async () => {
    const disk = new SimDisk({ rng: new SeededRng(1) });
    await disk.mkdir("d");
    await (await disk.open("/d//f/", { create: true })).write(0, bytes(5));
    for (const spelling of ["d/f", "./d/f", "d/./f", "d//f", "/d/f/"]) {
      expect([...disk.contents(spelling)]).toEqual([5]);
    }
    expect(disk.paths()).toEqual(["d/f"]);
    expect(await disk.list("./d/")).toEqual(["f"]);
  });

  it("lets the host decide when operations complete", async () => {
    const waiting: Array<() => void> = [];
    const disk = new SimDisk({
      rng: new SeededRng(1),
      scheduler: (operation, _path, complete) => (operation === "sync" ? waiting.push(complete) : complete()),
    });
    let opened = false;
    const opening = Wal.open(disk, { directory: "wal", segmentSizeBytes: 4096 }).finally(() => {
      opened = true;
    });
    for (let turn = 0; turn < 10_000 && !opened; turn++) {
      for (const complete of waiting.splice(0)) complete();
      await Promise.resolve();
    }
    // The next segment is prepared in the background; let its fdatasync through too.
    for (let turn = 0; turn < 1000; turn++) {
      for (const complete of waiting.splice(0)) complete();
      await Promise.resolve();
    }
    const wal = await opening;
    let durable = false;
    const appending = wal
      .append(1 as GroupId, { entries: [{ index: 1 as LogIndex, term: 1 as Term, type: 0, data: bytes(9) }] })
      .then(() => {
        durable = true;
      });
    for (let turn = 0; turn < 100 && waiting.length === 0; turn++) await Promise.resolve();
    expect(waiting).toHaveLength(1);
    expect(durable).toBe(false);
    (waiting.shift() as () => void)();
    await appending;
    expect(durable).toBe(true);
  });

  it("makes durable only the writes that completed before sync was called", async () => {
    const held: Array<{ operation: string; complete: () => void }> = [];
    const disk = new SimDisk({
      rng: new SeededRng(3),
      scheduler: (operation, _path, complete) =>
        operation === "sync" || operation === "write" ? held.push({ operation, complete }) : complete(),
    });
    const file = await disk.open("f", { create: true });
    await disk.syncDirectory("");
    const release = async (operation: string) => {
      const at = held.findIndex((item) => item.operation === operation);
      expect(at).toBeGreaterThanOrEqual(0);
      held.splice(at, 1)[0]?.complete();
      await Promise.resolve();
    };
    const first = file.write(0, bytes(1, 1, 1, 1));
    await release("write");
    await first;
    const syncing = file.sync();
    // Called before the sync completes but after it was called: not covered by it.
    const second = file.write(4, bytes(2, 2, 2, 2));
    await release("write");
    await second;
    await release("sync");
    await syncing;
    const after = disk.crash({ keepSomeUnsynced: false });
    const reopened = await after.open("f", { create: false });
    expect([...(await reopened.read(0, 8))]).toEqual([1, 1, 1, 1]);
  });
});
