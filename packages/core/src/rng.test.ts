/**
 * The seeded Rng is deterministic for a seed (the simulator's replay depends on it), differs across
 * seeds and splits, stays in range, and is close to uniform.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SeededRng, shuffle } from "./rng.js";

describe("SeededRng", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = new SeededRng(12345);
    const b = new SeededRng(12345);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it("follows the xoshiro128** reference algorithm", () => {
    // Worked by hand from the reference C code (Blackman and Vigna) for state {1, 2, 3, 4}:
    // result = rotl(s1 * 5, 7) * 9, then the xor/shift state update.
    const rng = SeededRng.fromState(1, 2, 3, 4);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it("produces the pinned sequence for seed 1 (cross-platform determinism)", () => {
    const rng = new SeededRng(1);
    const first = Array.from({ length: 4 }, () => rng.nextUint32());
    expect(first).toEqual(PINNED_SEED_1);
  });

  it("differs across seeds and across splits", () => {
    expect(new SeededRng(1).nextUint32()).not.toBe(new SeededRng(2).nextUint32());
    const parent = new SeededRng(7);
    const childA = parent.split();
    const childB = parent.split();
    expect(childA.nextUint32()).not.toBe(childB.nextUint32());
  });

  it("keeps integer() within bounds", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (seed, min, span) => {
          const rng = new SeededRng(seed);
          for (let i = 0; i < 20; i++) {
            const value = rng.integer(min, min + span);
            expect(value).toBeGreaterThanOrEqual(min);
            expect(value).toBeLessThan(min + span);
          }
        },
      ),
    );
  });

  it("is roughly uniform (chi-squared over 10 buckets)", () => {
    const rng = new SeededRng(99);
    const buckets = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) buckets[rng.integer(0, 10)]! += 1;
    const expected = draws / 10;
    const chiSquared = buckets.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: 27.9 is the 99.9th percentile.
    expect(chiSquared).toBeLessThan(27.9);
  });

  it("shuffles into a permutation", () => {
    const items = shuffle(
      new SeededRng(3),
      Array.from({ length: 50 }, (_, i) => i),
    );
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

/** Recorded once; a change here means every recorded simulation seed replays differently. */
const PINNED_SEED_1 = [2442144158, 3238099751, 3819917871, 2104621829];
