/**
 * The offset bitmap against a naive model: a floor plus a Set of settled offsets above it. Whatever mix of
 * individual and cumulative settlements arrives, the bitmap must agree with the model on which offsets are
 * settled, on the floor (the low watermark), on the count above the floor and on its run encoding.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OffsetBitmap } from "./offset-bitmap.js";

/** The obviously correct version: a Set, and a floor that walks forward one offset at a time. */
class NaiveSettledOffsets {
  floor: number;
  readonly above = new Set<number>();

  constructor(floor: number) {
    this.floor = floor;
  }

  has(offset: number): boolean {
    return offset < this.floor || this.above.has(offset);
  }

  add(offset: number): boolean {
    if (this.has(offset)) return false;
    this.above.add(offset);
    this.walk();
    return true;
  }

  settleBelow(offset: number): number {
    let settled = 0;
    for (let current = this.floor; current < offset; current++) {
      if (!this.above.delete(current)) settled++;
    }
    this.floor = Math.max(this.floor, offset);
    this.walk();
    return settled;
  }

  private walk(): void {
    while (this.above.delete(this.floor)) this.floor++;
  }

  sorted(): number[] {
    return [...this.above].sort((a, b) => a - b);
  }
}

type Operation = { kind: "add"; delta: number } | { kind: "settleBelow"; delta: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("add" as const), delta: fc.integer({ min: -8, max: 200 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("settleBelow" as const),
      delta: fc.integer({ min: -8, max: 100 }),
    }),
  },
);

describe("OffsetBitmap", () => {
  it("agrees with a Set-based model on every settlement", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.array(operation, { maxLength: 300 }),
        (start, operations) => {
          const bitmap = new OffsetBitmap(start);
          const model = new NaiveSettledOffsets(start);
          for (const step of operations) {
            const target = Math.max(0, model.floor + step.delta);
            if (step.kind === "add") expect(bitmap.add(target)).toBe(model.add(target));
            else expect(bitmap.settleBelow(target)).toBe(model.settleBelow(target));
            expect(bitmap.floor).toBe(model.floor);
            expect(bitmap.size).toBe(model.above.size);
          }
          expect([...bitmap.offsets()]).toEqual(model.sorted());
          for (let offset = Math.max(0, start - 5); offset < model.floor + 210; offset++) {
            expect(bitmap.has(offset)).toBe(model.has(offset));
          }
          const sorted = model.sorted();
          expect(bitmap.end).toBe(
            sorted.length === 0 ? model.floor : (sorted[sorted.length - 1] as number) + 1,
          );
        },
      ),
      { seed: 9001, numRuns: 120 },
    );
  });

  it("round-trips through its run encoding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 500 })),
        (start, deltas) => {
          const bitmap = new OffsetBitmap(start);
          for (const delta of deltas) bitmap.add(start + delta);
          const copy = OffsetBitmap.fromRuns(bitmap.floor, bitmap.runs());
          expect(copy.floor).toBe(bitmap.floor);
          expect([...copy.offsets()]).toEqual([...bitmap.offsets()]);
        },
      ),
      { seed: 9002, numRuns: 200 },
    );
  });

  it("moves the floor across whole words of settled offsets", () => {
    const bitmap = new OffsetBitmap(5);
    for (let offset = 6; offset < 200; offset++) bitmap.add(offset);
    expect(bitmap.floor).toBe(5);
    expect(bitmap.size).toBe(194);
    bitmap.add(5);
    expect(bitmap.floor).toBe(200);
    expect(bitmap.size).toBe(0);
  });

  it("reports an offset already settled instead of counting it twice", () => {
    const bitmap = new OffsetBitmap(10);
    expect(bitmap.add(12)).toBe(true);
    expect(bitmap.add(12)).toBe(false);
    expect(bitmap.add(3)).toBe(false);
    expect(bitmap.settleBelow(14)).toBe(3);
    expect(bitmap.floor).toBe(14);
  });
});
