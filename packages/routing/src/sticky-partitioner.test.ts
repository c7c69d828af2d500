/**
 * Checks the sticky partitioner for null-key records (KIP-480, KIP-794): records stick to one partition
 * until the caller signals a batch boundary or the batch size is reached, a new partition is drawn from the
 * injected Rng among partitions with a leader, and the same seed gives the same sequence.
 */
import { type PartitionId, partitionId, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { StickyPartitioner, type TopicAvailability } from "./sticky-partitioner.js";

const allLed = (count: number): TopicAvailability => ({
  partitionCount: count,
  partitionsWithLeader: Array.from({ length: count }, (_, index) => partitionId(index)),
});

describe("StickyPartitioner", () => {
  it("sends records to one partition until the caller signals a new batch", () => {
    const partitioner = new StickyPartitioner(new SeededRng(1));
    const first = partitioner.partition("t", allLed(6), 10);
    for (let record = 0; record < 20; record++) expect(partitioner.partition("t", allLed(6), 10)).toBe(first);
    partitioner.onNewBatch("t", allLed(6), first);
    expect(partitioner.partition("t", allLed(6), 10)).not.toBe(first);
  });

  it("switches once when several batches of the old partition close", () => {
    const partitioner = new StickyPartitioner(new SeededRng(2));
    const first = partitioner.partition("t", allLed(6), 10);
    partitioner.onNewBatch("t", allLed(6), first);
    const second = partitioner.partition("t", allLed(6), 10);
    partitioner.onNewBatch("t", allLed(6), first);
    expect(partitioner.partition("t", allLed(6), 10)).toBe(second);
  });

  it("moves on after batchSizeBytes, counting the record that crosses the threshold to the old partition", () => {
    const partitioner = new StickyPartitioner(new SeededRng(3), { batchSizeBytes: 100 });
    const first = partitioner.partition("t", allLed(4), 60);
    expect(partitioner.partition("t", allLed(4), 60)).toBe(first);
    expect(partitioner.partition("t", allLed(4), 1)).not.toBe(first);
  });

  it("only chooses partitions that have a leader, and leaves one that lost its leader", () => {
    const partitioner = new StickyPartitioner(new SeededRng(4), { batchSizeBytes: 1 });
    const twoLed = { partitionCount: 8, partitionsWithLeader: [partitionId(2), partitionId(5)] };
    const seen = new Set<PartitionId>();
    for (let record = 0; record < 50; record++) seen.add(partitioner.partition("t", twoLed, 1));
    expect([...seen].sort()).toEqual([2, 5]);

    const sticky = new StickyPartitioner(new SeededRng(5));
    const first = sticky.partition("t", allLed(3), 1);
    const others = allLed(3).partitionsWithLeader.filter((partition) => partition !== first);
    expect(others).toContain(sticky.partition("t", { partitionCount: 3, partitionsWithLeader: others }, 1));
  });

  it("falls back to any partition when none has a leader", () => {
    const partitioner = new StickyPartitioner(new SeededRng(6), { batchSizeBytes: 1 });
    const seen = new Set<PartitionId>();
    for (let record = 0; record < 100; record++) {
      seen.add(partitioner.partition("t", { partitionCount: 3, partitionsWithLeader: [] }, 1));
    }
    expect(seen.size).toBe(3);
  });

  it("spreads batches over all partitions and keeps topics independent", () => {
    const partitioner = new StickyPartitioner(new SeededRng(7), { batchSizeBytes: 1 });
    const counts = new Map<PartitionId, number>();
    for (let record = 0; record < 3000; record++) {
      const partition = partitioner.partition("a", allLed(3), 1);
      counts.set(partition, (counts.get(partition) ?? 0) + 1);
    }
    for (const count of counts.values()) expect(count).toBeGreaterThan(800);
    const other = new StickyPartitioner(new SeededRng(7));
    const stuck = other.partition("b", allLed(3), 1);
    other.onNewBatch("c", allLed(3), partitionId(0));
    expect(other.partition("b", allLed(3), 1)).toBe(stuck);
  });

  it("gives the same sequence for the same seed", () => {
    const run = (seed: number) => {
      const partitioner = new StickyPartitioner(new SeededRng(seed), { batchSizeBytes: 50 });
      return Array.from({ length: 200 }, () => partitioner.partition("t", allLed(12), 7));
    };
    expect(run(42)).toEqual(run(42));
  });

  it("rejects a batch size outside 1 byte to the record batch limit, and a topic with no partitions", () => {
    expect(() => new StickyPartitioner(new SeededRng(0), { batchSizeBytes: 0 })).toThrowError(
      expect.objectContaining({ code: "INVALID_CONFIG" }) as Error,
    );
    const partitioner = new StickyPartitioner(new SeededRng(0));
    expect(() => partitioner.partition("t", { partitionCount: 0, partitionsWithLeader: [] }, 1)).toThrowError(
      expect.objectContaining({ code: "UNKNOWN_PARTITION" }) as Error,
    );
  });
});
