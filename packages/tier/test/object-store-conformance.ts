/**
 * The behaviour every ObjectStore must share (the contract in @helixlog/core object-store.ts), run
 * against each implementation: the filesystem store, the S3 store over a real s3rver, SimObjectStore.
 */
import { crc32c, HelixError, limits, type ObjectStore } from "@helixlog/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

export interface ConformanceTarget {
  readonly store: ObjectStore;
  readonly close: () => Promise<void>;
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function put(store: ObjectStore, key: string, body: Uint8Array): Promise<void> {
  await store.put(key, body, { crc32c: crc32c(body) });
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the operation to fail");
}

export function describeObjectStoreConformance(name: string, open: () => Promise<ConformanceTarget>): void {
  describe(`ObjectStore conformance: ${name}`, () => {
    let target: ConformanceTarget;
    let store: ObjectStore;
    beforeAll(async () => {
      target = await open();
      store = target.store;
    });
    afterAll(async () => {
      await target.close();
    });

    it("returns what was put, and head reports its size and CRC32C", async () => {
      const body = bytesOf("the quick brown fox");
      await put(store, "roundtrip/a", body);
      expect(await store.get("roundtrip/a")).toEqual(body);
      expect(await store.head("roundtrip/a")).toEqual({
        key: "roundtrip/a",
        sizeBytes: body.length,
        crc32c: crc32c(body),
      });
    });

    it("stores an empty object", async () => {
      await put(store, "empty/object", new Uint8Array(0));
      expect(await store.get("empty/object")).toEqual(new Uint8Array(0));
      expect((await store.head("empty/object"))?.sizeBytes).toBe(0);
    });

    it("rejects a put whose CRC32C does not match its body, and stores nothing", async () => {
      const body = bytesOf("payload");
      const error = await errorOf(store.put("badcrc/a", body, { crc32c: (crc32c(body) + 1) >>> 0 }));
      expect(HelixError.is(error, "CORRUPT_DATA")).toBe(true);
      expect(await store.head("badcrc/a")).toBeUndefined();
    });

    it("overwrites an existing key with the new object", async () => {
      await put(store, "overwrite/a", bytesOf("first version, longer"));
      await put(store, "overwrite/a", bytesOf("second"));
      expect(new TextDecoder().decode(await store.get("overwrite/a"))).toBe("second");
      expect((await store.head("overwrite/a"))?.sizeBytes).toBe(6);
    });

    it("keeps its own copy: changing the caller's buffer after put changes nothing", async () => {
      const body = bytesOf("immutable");
      await put(store, "copy/a", body);
      body[0] = 0x58;
      expect(new TextDecoder().decode(await store.get("copy/a"))).toBe("immutable");
    });

    it("answers a missing object with NOT_FOUND for get and getRange, undefined for head", async () => {
      expect(HelixError.is(await errorOf(store.get("missing/a")), "NOT_FOUND")).toBe(true);
      expect(HelixError.is(await errorOf(store.getRange("missing/a", 0, 1)), "NOT_FOUND")).toBe(true);
      expect(await store.head("missing/a")).toBeUndefined();
    });

    it("reads exact byte ranges, including empty and whole ones", async () => {
      const body = new Uint8Array(1000).map((_, index) => index % 251);
      await put(store, "range/a", body);
      expect(await store.getRange("range/a", 10, 20)).toEqual(body.slice(10, 20));
      expect(await store.getRange("range/a", 0, 1000)).toEqual(body);
      expect(await store.getRange("range/a", 999, 1000)).toEqual(body.slice(999));
      expect((await store.getRange("range/a", 500, 500)).length).toBe(0);
    });

    it("rejects a range outside the object with INVALID_ARGUMENT instead of a short read", async () => {
      await put(store, "range/b", bytesOf("0123456789"));
      for (const [start, end] of [
        [0, 11],
        [5, 4],
        [-1, 3],
      ] as const) {
        expect(HelixError.is(await errorOf(store.getRange("range/b", start, end)), "INVALID_ARGUMENT")).toBe(
          true,
        );
      }
    });

    it("lists the keys under a prefix in sorted order, and nothing else", async () => {
      for (const key of ["list/p/b", "list/p/a", "list/p/sub/c", "list/q/a", "list/pp"]) {
        await put(store, key, bytesOf(key));
      }
      expect(await store.list("list/p/")).toEqual(["list/p/a", "list/p/b", "list/p/sub/c"]);
      expect(await store.list("list/p")).toEqual(["list/p/a", "list/p/b", "list/p/sub/c", "list/pp"]);
      expect(await store.list("list/nothing/")).toEqual([]);
      expect((await store.list("")).filter((key) => key.startsWith("list/"))).toHaveLength(5);
    });

    it("deletes an object, and deleting a missing one is not an error", async () => {
      await put(store, "delete/a", bytesOf("x"));
      await store.delete("delete/a");
      expect(await store.head("delete/a")).toBeUndefined();
      expect(await store.list("delete/")).toEqual([]);
      await store.delete("delete/a");
      await store.delete("delete/never-existed");
    });

    it("rejects unsafe keys with INVALID_ARGUMENT before touching storage", async () => {
      const unsafe = [
        "",
        "../escape",
        "a/../../escape",
        "/absolute",
        "a//b",
        "a/./b",
        ".hidden",
        "trailing/",
        "back\\slash",
        "nul\u0000byte",
        "space in key",
        "ünicode",
        "x".repeat(limits.objectKeyLengthBytesMax + 1),
        `segment/${"y".repeat(limits.objectKeySegmentLengthBytesMax + 1)}`,
      ];
      for (const key of unsafe) {
        const error = await errorOf(put(store, key, bytesOf("x")));
        expect(HelixError.is(error, "INVALID_ARGUMENT"), `key ${JSON.stringify(key)}`).toBe(true);
        expect(HelixError.is(await errorOf(store.get(key)), "INVALID_ARGUMENT")).toBe(true);
      }
      expect(HelixError.is(await errorOf(store.list("../")), "INVALID_ARGUMENT")).toBe(true);
    });

    it("accepts a key of exactly the maximum length", async () => {
      const key = `long/${"k".repeat(200)}/${"l".repeat(200)}/${"m".repeat(200)}/${"n".repeat(200)}/`;
      const full = key + "o".repeat(limits.objectKeyLengthBytesMax - key.length);
      expect(full.length).toBe(limits.objectKeyLengthBytesMax);
      await put(store, full, bytesOf("long"));
      expect(await store.get(full)).toEqual(bytesOf("long"));
    });

    it("serves concurrent puts of different keys", async () => {
      const keys = Array.from({ length: 16 }, (_, index) => `concurrent/${index}`);
      await Promise.all(keys.map((key) => put(store, key, bytesOf(key))));
      expect(await store.list("concurrent/")).toEqual([...keys].sort());
    });
  });
}
