/**
 * Checks the bound on open partition files: every partition log on a disk opens its files through one
 * shared LRU (`FileCache`), so 2,000 partitions with several segments each never hold more than the
 * cache's capacity of descriptors, counted by the disk itself, not by the cache. Appends, flushes and
 * reads stay correct when a partition's active segment was closed to make room and is reopened on
 * demand; unsynced writes of an evicted file are fdatasynced first, and when that fdatasync fails the
 * owning log fails closed while the others go on; a crash after all that loses only what no flush or
 * eviction made durable. The cache waits, rather than exceed its bound, when every open file is in use.
 */
import type { Disk, DiskFile } from "@helixlog/core";
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { FileCache } from "../src/internal/file-cache.js";
import { PartitionLog, partitionFileCache } from "../src/partition-log.js";
import { SimDisk } from "../src/testing/index.js";

/** A Kafka v2 batch with the header fields the store reads and opaque record bytes tagged by partition. */
function batch(partition: number, baseOffset: number, records: number): Uint8Array {
  const bytes = new Uint8Array(61 + 360); // two batches per 1 KiB segment
  const view = new DataView(bytes.buffer);
  view.setBigInt64(0, BigInt(baseOffset));
  view.setInt32(8, bytes.length - 12);
  bytes[16] = 2;
  view.setInt32(23, records - 1);
  view.setBigInt64(27, BigInt(baseOffset));
  view.setBigInt64(35, BigInt(baseOffset));
  view.setUint32(61, partition);
  bytes.fill(partition % 251, 65);
  return bytes;
}

/** Counts the descriptors open on a disk at once, independently of any cache. */
class CountingDisk implements Disk {
  openNow = 0;
  openMax = 0;
  opens = 0;

  constructor(private readonly inner: SimDisk) {}

  async open(path: string, options: { readonly create: boolean }): Promise<DiskFile> {
    const file = await this.inner.open(path, options);
    this.opens++;
    this.openNow++;
    this.openMax = Math.max(this.openMax, this.openNow);
    const close = file.close.bind(file);
    file.close = async () => {
      this.openNow--;
      await close();
    };
    return file;
  }

  list(directory: string) {
    return this.inner.list(directory);
  }
  exists(path: string) {
    return this.inner.exists(path);
  }
  mkdir(directory: string) {
    return this.inner.mkdir(directory);
  }
  remove(path: string) {
    return this.inner.remove(path);
  }
  rename(from: string, to: string) {
    return this.inner.rename(from, to);
  }
  syncDirectory(directory: string) {
    return this.inner.syncDirectory(directory);
  }
}

const directoryOf = (partition: number) => `data/partitions/topic-${partition}`;
const tagOf = (stored: Uint8Array) => new DataView(stored.buffer, stored.byteOffset).getUint32(61);
const baseOf = (stored: Uint8Array) => Number(new DataView(stored.buffer, stored.byteOffset).getBigInt64(0));

describe("open partition files", () => {
  it("stay within a shared limit of 256 for 2,000 partitions of several segments, and reads and appends stay right", async () => {
    const sim = new SimDisk({ rng: new SeededRng(11) });
    const disk = new CountingDisk(sim);
    const cache = new FileCache(disk, 256);
    const partitions = 2_000;
    const logs: PartitionLog[] = [];
    for (let partition = 0; partition < partitions; partition++) {
      logs.push(
        await PartitionLog.open(disk, {
          directory: directoryOf(partition),
          segmentSizeBytes: 1024,
          indexIntervalBytes: 256,
          fileCache: cache,
        }),
      );
    }
    // Round-robin appends (each touching another partition's active segment) roll every partition into
    // five segments; every other round is flushed, the last one is not.
    const rounds = 9;
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        logs.map(async (log, partition) => {
          await log.append(batch(partition, round * 2, 2), 0);
          if (round % 2 === 1) await log.flush();
        }),
      );
    }
    expect(logs.every((log) => log.segmentBaseOffsets().length === 5)).toBe(true);
    expect(disk.openMax).toBeLessThanOrEqual(256);
    expect(cache.statistics.openMax).toBeLessThanOrEqual(256);
    expect(disk.opens).toBeGreaterThan(partitions * 4); // files were closed and reopened on demand
    expect(cache.statistics.evictions).toBeGreaterThan(partitions);

    // Reads in random order, from sealed and active segments, after their files were evicted.
    const rng = new SeededRng(5);
    for (let i = 0; i < 2_000; i++) {
      const partition = rng.integer(0, partitions);
      const offset = rng.integer(0, rounds * 2);
      const [first] = await (logs[partition] as PartitionLog).read(offset, 1);
      expect([tagOf(first as Uint8Array), baseOf(first as Uint8Array)]).toEqual([
        partition,
        offset - (offset % 2),
      ]);
    }
    expect(disk.openMax).toBeLessThanOrEqual(256);

    // Evicting an active segment with unflushed batches fdatasyncs it first.
    expect(cache.statistics.evictionSyncs).toBeGreaterThan(0);
    // A power loss: every flushed batch survives; the last round was never flushed, so it may be lost
    // (unless an eviction synced it), but nothing else.
    const restarted = sim.crash({ keepSomeUnsynced: false });
    const reopenedCache = new FileCache(restarted, 256);
    for (let partition = 0; partition < partitions; partition += 7) {
      const reopened = await PartitionLog.open(restarted, {
        directory: directoryOf(partition),
        segmentSizeBytes: 1024,
        indexIntervalBytes: 256,
        fileCache: reopenedCache,
      });
      expect(reopened.logEndOffset).toBeGreaterThanOrEqual((rounds - 1) * 2);
      for (let offset = 0; offset < reopened.logEndOffset; offset += 3) {
        const [first] = await reopened.read(offset, 1);
        expect(tagOf(first as Uint8Array)).toBe(partition);
      }
      await reopened.append(batch(partition, reopened.logEndOffset, 1), 0);
      await reopened.close();
    }
    expect(reopenedCache.openCount).toBe(0);
  });

  it("fails only the owning log closed when the fdatasync before an eviction fails", async () => {
    const sim = new SimDisk({ rng: new SeededRng(3) });
    const cache = new FileCache(sim, 1);
    const open = (partition: number) =>
      PartitionLog.open(sim, { directory: directoryOf(partition), fileCache: cache });
    const first = await open(1);
    const second = await open(2);
    await first.append(batch(1, 0, 1), 0); // unsynced, in the one open file
    sim.failNext({ operation: "sync", fault: "EIO", pathIncludes: "topic-1/" });
    await second.append(batch(2, 0, 1), 0); // evicts the first log's file; its fdatasync fails
    await expect(first.append(batch(1, 1, 1), 0)).rejects.toSatisfy((error) =>
      HelixError.is(error, "IO_ERROR"),
    );
    await expect(first.read(0, 100)).rejects.toSatisfy((error) => HelixError.is(error, "IO_ERROR"));
    await second.append(batch(2, 1, 1), 0);
    await second.flush();
    expect((await second.read(0, 10_000)).map(baseOf)).toEqual([0, 1]);
    // Reopening recovers from what the disk holds, and the log is usable again.
    const reopened = await open(1);
    await reopened.append(batch(1, reopened.logEndOffset, 1), 0);
    await reopened.flush();
    expect(cache.openCount).toBe(1);
  });

  it("makes every log on a disk share one cache bounded by limits.partitionOpenFilesMax by default", async () => {
    const sim = new SimDisk({ rng: new SeededRng(4) });
    const cache = partitionFileCache(sim);
    expect(partitionFileCache(sim)).toBe(cache);
    expect(partitionFileCache(new SimDisk({ rng: new SeededRng(4) }))).not.toBe(cache);
    const logs = await Promise.all(
      [1, 2, 3].map((partition) => PartitionLog.open(sim, { directory: directoryOf(partition) })),
    );
    await Promise.all(logs.map((log, partition) => log.append(batch(partition, 0, 1), 0)));
    expect(cache.openCount).toBe(3);
    await Promise.all(logs.map((log) => log.close()));
    expect(cache.openCount).toBe(0);
    await expect(logs[0]?.read(0, 1)).rejects.toSatisfy((error) => HelixError.is(error, "UNAVAILABLE"));
  });

  it("waits for a file to be released rather than open more than its capacity", async () => {
    const disk = new CountingDisk(new SimDisk({ rng: new SeededRng(9) }));
    const cache = new FileCache(disk, 2);
    for (const name of ["a", "b", "c"]) await cache.use(name, async () => undefined, { create: true });
    const releases: Array<() => void> = [];
    const holding = (name: string) =>
      cache.use(name, () => new Promise<string>((resolve) => releases.push(() => resolve(name))));
    const a = holding("a");
    const b = holding("b");
    let cStarted = false;
    const c = cache.use("c", async () => {
      cStarted = true;
      return "c";
    });
    for (let turn = 0; turn < 50; turn++) await Promise.resolve();
    expect(cStarted).toBe(false); // both descriptors are in use: c waits
    expect(cache.statistics.waits).toBeGreaterThan(0);
    releases[0]?.();
    expect(await a).toBe("a");
    expect(await c).toBe("c");
    releases[1]?.();
    expect(await b).toBe("b");
    expect(disk.openMax).toBe(2);
    await cache.closeAll();
    expect(disk.openNow).toBe(0);
  });
});
