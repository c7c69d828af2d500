import { SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { EventQueue } from "./event-queue.js";

/**
 * The reference: every push and every keyed entry in one list, ordered by (time, insertion number);
 * a keyed entry replaced or cancelled stays in the list marked dead and is skipped when it comes up,
 * which is what the simulator did before keyed entries existed.
 */
class ReferenceQueue {
  private readonly entries: Array<{ time: number; sequence: number; event: string; live: boolean }> = [];
  private readonly byKey = new Map<number, { live: boolean }>();
  private sequence = 0;

  push(time: number, event: string): void {
    this.entries.push({ time, sequence: this.sequence++, event, live: true });
  }

  schedule(key: number, time: number, event: string): void {
    this.cancel(key);
    const entry = { time, sequence: this.sequence++, event, live: true };
    this.entries.push(entry);
    this.byKey.set(key, entry);
  }

  cancel(key: number): void {
    const entry = this.byKey.get(key);
    if (entry !== undefined) entry.live = false;
    this.byKey.delete(key);
  }

  get size(): number {
    return this.entries.filter((entry) => entry.live).length;
  }

  pop(): { time: number; sequence: number; event: string } | undefined {
    this.entries.sort((left, right) => left.time - right.time || left.sequence - right.sequence);
    for (;;) {
      const entry = this.entries.shift();
      if (entry === undefined) return undefined;
      if (!entry.live) continue;
      for (const [key, keyed] of this.byKey) if (keyed === entry) this.byKey.delete(key);
      return { time: entry.time, sequence: entry.sequence, event: entry.event };
    }
  }
}

describe("EventQueue", () => {
  it("orders by time, then insertion", () => {
    const queue = new EventQueue<string>();
    queue.push(5, "a");
    queue.push(1, "b");
    queue.push(5, "c");
    queue.push(1, "d");
    const order: string[] = [];
    for (let event = queue.next(); event !== undefined; event = queue.next())
      order.push(`${queue.time}${event}`);
    expect(order).toEqual(["1b", "1d", "5a", "5c"]);
  });

  it("keeps one entry per key: a later schedule replaces it, cancel drops it", () => {
    const queue = new EventQueue<string>();
    queue.push(3, "pushed");
    queue.schedule(1, 2, "first");
    queue.schedule(1, 4, "replaced");
    queue.schedule(2, 3, "keyed");
    queue.schedule(3, 1, "cancelled");
    queue.cancel(3);
    queue.cancel(7);
    expect(queue.size).toBe(3);
    const order: string[] = [];
    for (let slot = queue.pop(); slot !== undefined; slot = queue.pop())
      order.push(`${slot.time}/${slot.sequence}/${slot.event}`);
    // "keyed" at 3 was queued after "pushed" at 3 (insertion 3 against 0).
    expect(order).toEqual(["3/0/pushed", "3/3/keyed", "4/2/replaced"]);
    expect(queue.size).toBe(0);
  });

  it("refuses keys it cannot index and times that are not finite", () => {
    const queue = new EventQueue<string>();
    expect(() => queue.schedule(-1, 0, "x")).toThrow(/key/);
    expect(() => queue.schedule(1.5, 0, "x")).toThrow(/key/);
    expect(() => queue.schedule(1 << 20, 0, "x")).toThrow(/key/);
    expect(() => queue.schedule(0, Number.NaN, "x")).toThrow(/finite/);
    expect(() => queue.push(Number.POSITIVE_INFINITY, "x")).toThrow(/finite/);
  });

  it("gives the same sequence as the reference over random pushes, schedules, cancels and pops", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rng = new SeededRng(seed);
      const queue = new EventQueue<string>();
      const reference = new ReferenceQueue();
      let now = 0;
      for (let step = 0; step < 2_000; step++) {
        const choice = rng.nextFloat();
        // Few distinct times, so ties between pushes and keyed entries are common.
        const time = now + rng.integer(0, 8);
        if (choice < 0.35) {
          queue.push(time, `p${step}`);
          reference.push(time, `p${step}`);
        } else if (choice < 0.6) {
          const key = rng.integer(0, 5);
          queue.schedule(key, time, `k${key}.${step}`);
          reference.schedule(key, time, `k${key}.${step}`);
        } else if (choice < 0.65) {
          const key = rng.integer(0, 6);
          queue.cancel(key);
          reference.cancel(key);
        } else {
          const slot = queue.pop();
          const expected = reference.pop();
          expect(slot).toEqual(expected);
          if (slot !== undefined) now = slot.time;
        }
        expect(queue.size).toBe(reference.size);
      }
      for (let slot = queue.pop(); slot !== undefined; slot = queue.pop())
        expect(slot).toEqual(reference.pop());
      expect(reference.pop()).toBeUndefined();
    }
  });
});
