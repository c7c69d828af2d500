/**
 * Pace controller specification (AIMD on event-loop lag, GCRA pacing):
 * - the rate stays an integer within [min, max] whatever the lag readings and starts (property);
 * - sustained lag above the target shrinks the rate to the minimum, at most one cut per decrease
 *   interval, each cut to 80 % of the lesser of the rate and the rate actually started;
 * - lag at or below the target grows the rate back by the additive step, only while the pace held work
 *   back (an idle node does not grow an unused rate), up to the maximum;
 * - pacing: over any window of T µs at a fixed rate, the bytes started stay within
 *   rate × (T + burst) plus one item (property), and a large item delays the next start.
 */
import { HelixError } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PaceConfig, PaceController, paceConfigDefault, validatePaceConfig } from "./pace-controller.js";

const config: PaceConfig = {
  rateMinBytesPerSecond: 1_000_000,
  rateMaxBytesPerSecond: 100_000_000,
  lagTargetMicros: 10_000,
  increaseBytesPerSecond: 500_000,
  decreasePerMille: 800,
  decreaseIntervalMicros: 500_000,
  burstMicros: 50_000,
};
const sampleMicros = 50_000;

/** Starts as much work of `itemBytes` as the pace allows at `now`; returns the bytes started. */
function startWhatFits(pace: PaceController, itemBytes: number, now: number, itemsMax = 1000): number {
  let started = 0;
  for (let item = 0; item < itemsMax && pace.waitMicros(now) === 0; item++) {
    pace.start(itemBytes, now);
    started += itemBytes;
  }
  return started;
}

describe("PaceController", () => {
  it("shrinks the rate to the minimum under sustained lag, one cut per decrease interval", () => {
    const pace = new PaceController(config, 0);
    expect(pace.rateBytesPerSecond).toBe(config.rateMaxBytesPerSecond);
    // 10 MB/s is served (the node's real speed); the first cut starts from it, not from the 100 MB/s max.
    let now = 0;
    const rates: number[] = [];
    for (let sample = 1; sample <= 200; sample++) {
      pace.start(500_000, now);
      now = sample * sampleMicros;
      pace.observe({ eventLoopLagMicros: 25_000 }, now);
      rates.push(pace.rateBytesPerSecond);
    }
    expect(rates[0]).toBe(8_000_000); // 80 % of the 10 MB/s started in the first 50 ms
    expect(rates[1]).toBe(8_000_000); // no second cut within 500 ms
    expect(rates[10]).toBe(6_400_000);
    expect(rates.at(-1)).toBe(config.rateMinBytesPerSecond);
    expect(pace.metrics().decreases).toBeLessThanOrEqual(200 / 10 + 1);
  });

  it("recovers additively when the lag is back under the target and the pace holds work back", () => {
    const pace = new PaceController(config, 0);
    let now = 0;
    // Idle under lag: cuts from the nominal rate, one per 500 ms (100 MB/s × 0.8^40 < 1 MB/s).
    for (let sample = 1; sample <= 400; sample++) {
      now = sample * sampleMicros;
      pace.observe({ eventLoopLagMicros: 50_000 }, now);
    }
    expect(pace.rateBytesPerSecond).toBe(config.rateMinBytesPerSecond);
    // Healthy but idle: the rate does not grow.
    for (let sample = 401; sample <= 420; sample++) {
      now = sample * sampleMicros;
      pace.observe({ eventLoopLagMicros: 1_000 }, now);
    }
    expect(pace.rateBytesPerSecond).toBe(config.rateMinBytesPerSecond);
    // Healthy and busy: each held-back sample adds the step, up to the maximum.
    const rates: number[] = [];
    for (let sample = 421; sample <= 700; sample++) {
      startWhatFits(pace, 64 * 1024, now);
      expect(pace.waitMicros(now)).toBeGreaterThan(0);
      now = sample * sampleMicros;
      pace.observe({ eventLoopLagMicros: 1_000 }, now);
      rates.push(pace.rateBytesPerSecond);
    }
    expect(rates[0]).toBe(config.rateMinBytesPerSecond + config.increaseBytesPerSecond);
    expect(rates[9]).toBe(config.rateMinBytesPerSecond + 10 * config.increaseBytesPerSecond);
    expect(rates.at(-1)).toBe(config.rateMaxBytesPerSecond);
  });

  it("delays the start after a large item by its cost at the rate", () => {
    const pace = new PaceController({ ...config, rateMaxBytesPerSecond: 1_000_000, burstMicros: 0 }, 0);
    expect(pace.waitMicros(0)).toBe(0);
    pace.start(500_000, 0);
    expect(pace.waitMicros(0)).toBe(500_000);
    expect(pace.waitMicros(499_999)).toBe(1);
    expect(pace.waitMicros(500_000)).toBe(0);
  });

  it("keeps the rate an integer within [min, max] under any lag and starts (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            advance: fc.integer({ min: 0, max: 2_000_000 }),
            lag: fc.integer({ min: 0, max: 1_000_000 }),
            starts: fc.array(fc.integer({ min: 0, max: 16 * 1024 * 1024 }), { maxLength: 5 }),
          }),
          { maxLength: 200 },
        ),
        (steps) => {
          const pace = new PaceController(config, 0);
          let now = 0;
          for (const step of steps) {
            for (const cost of step.starts) if (pace.waitMicros(now) === 0) pace.start(cost, now);
            now += step.advance;
            pace.observe({ eventLoopLagMicros: step.lag }, now);
            const rate = pace.rateBytesPerSecond;
            expect(Number.isInteger(rate)).toBe(true);
            expect(rate).toBeGreaterThanOrEqual(config.rateMinBytesPerSecond);
            expect(rate).toBeLessThanOrEqual(config.rateMaxBytesPerSecond);
          }
        },
      ),
    );
  });

  it("never starts more than rate × (T + burst) plus one item over a window (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 50_000_000 }),
        fc.array(
          fc.record({
            advance: fc.integer({ min: 0, max: 200_000 }),
            cost: fc.integer({ min: 0, max: 1_000_000 }),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        (rate, steps) => {
          const fixed = { ...config, rateMinBytesPerSecond: rate, rateMaxBytesPerSecond: rate };
          const pace = new PaceController(fixed, 0);
          const starts: { at: number; cost: number }[] = [];
          let now = 0;
          for (const step of steps) {
            now += step.advance;
            if (pace.waitMicros(now) === 0) {
              pace.start(step.cost, now);
              starts.push({ at: now, cost: step.cost });
            }
          }
          // Every window [a, b] that starts and ends at a start time (the worst windows).
          const costMax = Math.max(0, ...starts.map((start) => start.cost));
          for (let first = 0; first < starts.length; first++) {
            let bytes = 0;
            for (let last = first; last < starts.length; last++) {
              bytes += (starts[last] as { cost: number }).cost;
              const window = (starts[last] as { at: number }).at - (starts[first] as { at: number }).at;
              expect(bytes).toBeLessThanOrEqual((rate * (window + fixed.burstMicros)) / 1e6 + costMax + 1);
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("refuses a bad configuration with INVALID_CONFIG", () => {
    expect(() => validatePaceConfig(paceConfigDefault)).not.toThrow();
    for (const bad of [
      { ...config, rateMinBytesPerSecond: 0 },
      { ...config, rateMinBytesPerSecond: config.rateMaxBytesPerSecond + 1 },
      { ...config, decreasePerMille: 1000 },
      { ...config, lagTargetMicros: 1.5 },
    ]) {
      expect(() => new PaceController(bad, 0)).toThrow(HelixError);
    }
  });
});
