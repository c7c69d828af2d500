/**
 * The read path: a tiered object's format round-trips; the reader finds the object for an offset,
 * fetches only the index blocks it needs with ranged gets, returns whole verified batches starting with
 * the one holding the offset (at least one, like Kafka's fetch), serves repeats from its bounded cache,
 * and reports damaged objects and uncovered offsets instead of returning bad data.
 */
import {
  crc32c,
  encodeRecordBatch,
  limits,
  offset,
  SeededRng,
  splitRecordBatches,
  term,
} from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { LruCache } from "./internal/lru-cache.js";
import { SimObjectStore } from "./testing/index.js";
import { TierManifest } from "./tier-manifest.js";
import { encodeTieredObject } from "./tiered-object.js";
import { TieredReader } from "./tiered-reader.js";

/** A segment of `count` batches of 3 records each, starting at `base`. */
function segmentBytes(base: number, count: number): Uint8Array {
  const batches = Array.from({ length: count }, (_, index) =>
    encodeRecordBatch({
      baseOffset: base + index * 3,
      baseTimestamp: 1000 + index,
      records: [0, 1, 2].map((delta) => ({
        timestampDelta: 0,
        offsetDelta: delta,
        key: null,
        value: new Uint8Array(40).fill(index),
        headers: [],
      })),
    }),
  );
  const joined = new Uint8Array(batches.reduce((total, batch) => total + batch.length, 0));
  let position = 0;
  for (const batch of batches) {
    joined.set(batch, position);
    position += batch.length;
  }
  return joined;
}

async function setUp(): Promise<{
  store: SimObjectStore;
  manifest: TierManifest;
  key: string;
  object: Uint8Array;
}> {
  const store = new SimObjectStore(new SeededRng(1));
  const manifest = new TierManifest();
  const object = encodeTieredObject(segmentBytes(0, 40), 500);
  const key = "t/0/00000000000000000000-00000000000000000001.tier";
  await store.put(key, object.bytes, { crc32c: object.crc32c });
  manifest.apply({
    type: "add",
    entry: {
      objectKey: key,
      baseOffset: offset(0),
      endOffset: offset(120),
      sizeBytes: object.bytes.length,
      crc32c: object.crc32c,
      term: term(1),
      maxTimestampMs: object.footer.maxTimestampMs,
    },
  });
  return { store, manifest, key, object: object.bytes };
}

describe("TieredReader", () => {
  it("returns whole batches starting with the one holding each offset", async () => {
    const { store, manifest } = await setUp();
    const reader = new TieredReader(store);
    for (const target of [0, 1, 2, 3, 59, 60, 118, 119]) {
      const read = await reader.read(manifest, offset(target), 400);
      const batches = splitRecordBatches(read.batches);
      const first = batches[0]?.header;
      expect(first?.baseOffset).toBeLessThanOrEqual(target);
      expect((first?.baseOffset ?? 0) + 3).toBeGreaterThan(target);
      expect(read.nextOffset).toBe((batches.at(-1)?.header.baseOffset ?? Number.NaN) + 3);
    }
  });

  it("returns at least one whole batch however small maxBytes is, and stops before exceeding it otherwise", async () => {
    const { store, manifest } = await setUp();
    const reader = new TieredReader(store);
    expect(splitRecordBatches((await reader.read(manifest, offset(30), 1)).batches)).toHaveLength(1);
    const read = await reader.read(manifest, offset(30), 1000);
    expect(read.batches.length).toBeLessThanOrEqual(1000);
    expect(splitRecordBatches(read.batches).length).toBeGreaterThan(1);
  });

  it("fetches the footer and index once and serves repeated reads from its cache", async () => {
    const { store, manifest } = await setUp();
    const reader = new TieredReader(store);
    await reader.read(manifest, offset(60), 300);
    const afterFirst = reader.rangeRequests;
    expect(afterFirst).toBe(3);
    await reader.read(manifest, offset(60), 300);
    expect(reader.rangeRequests).toBe(afterFirst);
  });

  it("answers an offset the manifest does not cover with OFFSET_OUT_OF_RANGE", async () => {
    const { store, manifest } = await setUp();
    await expect(new TieredReader(store).read(manifest, offset(120), 100)).rejects.toMatchObject({
      code: "OFFSET_OUT_OF_RANGE",
    });
  });

  it("reports a damaged object as CORRUPT_DATA instead of returning its bytes", async () => {
    const { store, manifest, key, object } = await setUp();
    const damaged = object.slice();
    damaged[100] = (damaged[100] as number) ^ 0xff;
    await store.put(key, damaged, { crc32c: crc32c(damaged) });
    await expect(new TieredReader(store).read(manifest, offset(0), 100)).rejects.toMatchObject({
      code: "CORRUPT_DATA",
    });
  });
});

describe("LruCache", () => {
  it("evicts the least recently used entries to stay within its byte and entry bounds", () => {
    const cache = new LruCache<string>(100, 3);
    cache.set("a", "a", 40);
    cache.set("b", "b", 40);
    cache.get("a");
    cache.set("c", "c", 40);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["a", undefined, "c"]);
    cache.set("d", "d", 1);
    cache.set("e", "e", 1);
    expect(cache.size).toBe(3);
    expect(cache.weight).toBeLessThanOrEqual(100);
    cache.set("huge", "huge", 101);
    expect(cache.get("huge")).toBeUndefined();
    expect(limits.tierReadCacheBytesDefault).toBeLessThanOrEqual(limits.tierReadCacheBytesMax);
  });
});
