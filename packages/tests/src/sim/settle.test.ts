/**
 * The simulator's drain (settle.ts): the loop's next event must run only after every microtask the
 * last one started, however deeply chained, or runs would depend on how far promise chains got.
 */
import { describe, expect, it } from "vitest";
import { afterMicrotasks } from "./settle.js";

/** Starts two chains (queueMicrotask and await hops); returns a reading of how far they got. */
function startChains(): () => number {
  let steps = 0;
  const step = (): void => {
    steps++;
    if (steps < 5_000) queueMicrotask(step);
  };
  queueMicrotask(step);
  let awaited = 0;
  void (async () => {
    for (let i = 0; i < 1_000; i++) {
      await undefined;
      awaited++;
    }
  })();
  return () => steps * 10_000 + awaited;
}

const finished = 5_000 * 10_000 + 1_000;

/**
 * Runs rounds as the simulation loop does: each round (a microtask, like the loop) starts promise
 * work and waits with afterMicrotasks; the next round records how far that work got.
 */
function rounds(count: number, throughEventLoop: (round: number) => boolean): Promise<number[]> {
  return new Promise((resolve) => {
    const seen: number[] = [];
    let reading: (() => number) | undefined;
    const round = (): void => {
      if (reading !== undefined) seen.push(reading());
      if (seen.length === count) {
        resolve(seen);
        return;
      }
      reading = startChains();
      afterMicrotasks(round, throughEventLoop(seen.length));
    };
    queueMicrotask(round);
  });
}

describe("afterMicrotasks", () => {
  it("resumes each round only after the promise work of the previous one has finished", async () => {
    expect(await rounds(4, () => false)).toEqual([finished, finished, finished, finished]);
  });

  it("does the same through the event loop, and mixed with the microtask path", async () => {
    expect(await rounds(4, () => true)).toEqual([finished, finished, finished, finished]);
    expect(await rounds(6, (round) => round % 3 === 1)).toEqual(Array(6).fill(finished));
  });

  it("would resume too early if the tick called the loop directly (why it queues a microtask)", async () => {
    const seen = await new Promise<number>((resolve) =>
      process.nextTick(() => {
        const reading = startChains();
        process.nextTick(() => resolve(reading()));
      }),
    );
    expect(seen).toBeLessThan(finished);
  });
});
