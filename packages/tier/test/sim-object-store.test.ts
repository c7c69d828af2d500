/**
 * SimObjectStore: the shared conformance suite with no faults, then its faults: seeded (the same seed
 * gives the same faults), failures surface as UNAVAILABLE, a put whose acknowledgement is lost may
 * still have stored its object, slow calls wait on the injected scheduler, and a crash leaves every
 * interrupted put either whole or absent, never partial.
 */
import { crc32c, HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { type Scheduler, SimObjectStore } from "../src/testing/index.js";
import { describeObjectStoreConformance } from "./object-store-conformance.js";

describeObjectStoreConformance("SimObjectStore", async () => ({
  store: new SimObjectStore(new SeededRng(1)),
  close: async () => undefined,
}));

const encoder = new TextEncoder();
function body(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A scheduler whose sleeps resolve only when the test releases them. */
class HeldScheduler implements Scheduler {
  readonly waiting: Array<() => void> = [];
  sleep(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  releaseAll(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

async function outcomes(seed: number): Promise<string[]> {
  const store = new SimObjectStore(new SeededRng(seed), {
    failureProbability: 0.3,
    lostAcknowledgementProbability: 0.5,
    slowProbability: 0,
    slowDelayMsMax: 0,
  });
  const results: string[] = [];
  for (let index = 0; index < 50; index++) {
    const value = body(`v${index}`);
    try {
      await store.put(`k/${index}`, value, { crc32c: crc32c(value) });
      results.push("ok");
    } catch (error) {
      expect(HelixError.is(error, "UNAVAILABLE")).toBe(true);
      results.push((await store.head(`k/${index}`).catch(() => undefined)) ? "lost-ack" : "failed");
    }
  }
  return results;
}

describe("SimObjectStore faults", () => {
  it("draws the same faults from the same seed, and different ones from another", async () => {
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    expect(await outcomes(8)).not.toEqual(first);
    expect(first).toContain("ok");
    expect(first).toContain("failed");
  });

  it("reports a put whose acknowledgement was lost as UNAVAILABLE although the object is stored", async () => {
    const store = new SimObjectStore(new SeededRng(3), {
      failureProbability: 1,
      lostAcknowledgementProbability: 1,
      slowProbability: 0,
      slowDelayMsMax: 0,
    });
    const value = body("stored anyway");
    await expect(store.put("a", value, { crc32c: crc32c(value) })).rejects.toSatisfy((error) =>
      HelixError.is(error, "UNAVAILABLE"),
    );
    expect(store.peek("a")).toEqual(value);
  });

  it("waits on the injected scheduler for a slow call and takes effect only after it", async () => {
    const scheduler = new HeldScheduler();
    const store = new SimObjectStore(
      new SeededRng(4),
      { failureProbability: 0, lostAcknowledgementProbability: 0, slowProbability: 1, slowDelayMsMax: 100 },
      scheduler,
    );
    const value = body("slow");
    const pending = store.put("slow", value, { crc32c: crc32c(value) });
    await Promise.resolve();
    expect(scheduler.waiting).toHaveLength(1);
    expect(store.peek("slow")).toBeUndefined();
    scheduler.releaseAll();
    await pending;
    expect(store.peek("slow")).toEqual(value);
  });

  it("leaves each put interrupted by a crash whole or absent, and the old object otherwise", async () => {
    const scheduler = new HeldScheduler();
    const store = new SimObjectStore(new SeededRng(5), undefined, scheduler);
    const keys = Array.from({ length: 40 }, (_, index) => `crash/${index}`);
    for (const key of keys) await store.put(key, body(`old ${key}`), { crc32c: crc32c(body(`old ${key}`)) });
    store.setFaults({
      failureProbability: 0,
      lostAcknowledgementProbability: 0,
      slowProbability: 1,
      slowDelayMsMax: 10,
    });
    const puts = keys.map((key) => {
      const value = body(`new ${key} `.repeat(10));
      return store.put(key, value, { crc32c: crc32c(value) }).then(
        () => "ok",
        (error: unknown) => (HelixError.is(error, "UNAVAILABLE") ? "interrupted" : "other"),
      );
    });
    await Promise.resolve();
    store.crash();
    scheduler.releaseAll();
    expect(new Set(await Promise.all(puts))).toEqual(new Set(["interrupted"]));
    const seen = new Set<string>();
    for (const key of keys) {
      const text = new TextDecoder().decode(store.peek(key));
      const isOld = text === `old ${key}`;
      const isNew = text === `new ${key} `.repeat(10);
      expect(isOld || isNew, `${key} holds "${text}"`).toBe(true);
      seen.add(isOld ? "old" : "new");
    }
    expect(seen).toEqual(new Set(["old", "new"]));
  });

  it("reports a corrupted object as CORRUPT_DATA on get", async () => {
    const store = new SimObjectStore(new SeededRng(6));
    const value = body("to be corrupted");
    await store.put("c", value, { crc32c: crc32c(value) });
    store.corrupt("c");
    await expect(store.get("c")).rejects.toSatisfy((error) => HelixError.is(error, "CORRUPT_DATA"));
  });
});
