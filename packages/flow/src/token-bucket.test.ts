/**
 * Token bucket specification. A bucket with rate r tokens/s and burst b:
 * - starts full and refills exactly (integer arithmetic, no drift however the time is sliced);
 * - never admits more than r × T + b tokens over any window of T (property, against a naive reference
 *   that checks every window of the admission history instead of keeping a level);
 * - reports for a denied request the exact wait: admitted at that time, not a microsecond before;
 * - in Kafka style (KIP-599 debt), reports the exact throttle until its level is back to zero, and never
 *   owes more than its debt floor allows.
 */
import { HelixError, limits } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TokenBucket, type TokenBucketConfig, validateTokenBucketConfig } from "./token-bucket.js";

const second = 1_000_000;

/**
 * The naive reference: no level at all, only the history of admissions. A request of `cost` at `now` is
 * admissible iff for every window starting at the bucket's creation or at an earlier admission, the
 * tokens admitted since then plus `cost` fit in `burst + rate × window`. (A bucket that was full at the
 * window's start is the tightest constraint, and it was full at one of those instants.) BigInt keeps the
 * reference obviously exact.
 */
class NaiveBucket {
  private readonly admissions: { readonly atMicros: bigint; readonly cost: bigint }[] = [];

  constructor(
    private readonly config: TokenBucketConfig,
    private readonly createdMicros: number,
  ) {}

  /** Microseconds from `nowMicros` until `cost` is admissible: the worst window's shortfall over the rate. */
  waitMicros(cost: number, nowMicros: number): number {
    const rate = BigInt(this.config.ratePerSecond);
    const burstScaled = BigInt(this.config.burst) * BigInt(second);
    let wait = 0n;
    for (const start of this.windowStarts()) {
      const admitted = this.admittedSince(start) + BigInt(cost);
      const shortfall = admitted * BigInt(second) - burstScaled - rate * (BigInt(nowMicros) - start);
      if (shortfall > 0n) {
        const needed = (shortfall + rate - 1n) / rate;
        if (needed > wait) wait = needed;
      }
    }
    return Number(wait);
  }

  admits(cost: number, nowMicros: number): boolean {
    return this.waitMicros(cost, nowMicros) === 0;
  }

  record(cost: number, nowMicros: number): void {
    this.admissions.push({ atMicros: BigInt(nowMicros), cost: BigInt(cost) });
  }

  private windowStarts(): bigint[] {
    return [BigInt(this.createdMicros), ...this.admissions.map((admission) => admission.atMicros)];
  }

  private admittedSince(start: bigint): bigint {
    let total = 0n;
    for (const admission of this.admissions) if (admission.atMicros >= start) total += admission.cost;
    return total;
  }
}

interface Attempt {
  readonly advanceMicros: number;
  readonly cost: number;
}

const configArbitrary = fc.oneof(
  fc.record({ ratePerSecond: fc.integer({ min: 1, max: 1000 }), burst: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({
    ratePerSecond: fc.integer({ min: 1, max: limits.tokenBucketRatePerSecondMax }),
    burst: fc.integer({ min: 1, max: limits.tokenBucketBurstMax }),
  }),
);

function attemptsArbitrary(config: TokenBucketConfig): fc.Arbitrary<Attempt[]> {
  const attempt = fc.record({
    advanceMicros: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 5 * second }),
    ),
    cost: fc.oneof(fc.integer({ min: 0, max: config.burst }), fc.constant(config.burst)),
  });
  return fc.array(attempt, { maxLength: 40 });
}

const scenarioArbitrary = configArbitrary.chain((config) =>
  fc.record({
    config: fc.constant(config),
    startMicros: fc.integer({ min: 0, max: 2 ** 40 }),
    attempts: attemptsArbitrary(config),
  }),
);

/** Replays admitted requests on a fresh bucket, to probe its answer at a time without disturbing the original. */
function replay(
  config: TokenBucketConfig,
  startMicros: number,
  admitted: readonly { atMicros: number; cost: number }[],
) {
  const bucket = new TokenBucket(config, startMicros);
  for (const { atMicros, cost } of admitted) expect(bucket.tryTake(cost, atMicros)).toBe(0);
  return bucket;
}

describe("TokenBucket: construction and refill", () => {
  it("starts full, so a new client may burst at once", () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 100 }, 0);
    expect(bucket.tokensAt(0)).toBe(100);
    expect(bucket.tryTake(100, 0)).toBe(0);
    expect(bucket.tokensAt(0)).toBe(0);
  });

  it("refills exactly, with no drift, however finely time is sliced", () => {
    const bucket = new TokenBucket({ ratePerSecond: 3, burst: 10 }, 0);
    expect(bucket.tryTake(10, 0)).toBe(0);
    // One second in one-microsecond steps adds exactly 3 tokens: each step adds 3 scaled units.
    for (let now = 1; now <= second; now++) bucket.tokensAt(now);
    expect(bucket.tokensAt(second)).toBe(3);
    expect(bucket.waitMicros(4, second)).toBe(Math.ceil(second / 3));
  });

  it("never refills past the burst", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1000, burst: 5 }, 0);
    bucket.tryTake(5, 0);
    expect(bucket.tokensAt(3600 * second)).toBe(5);
    expect(bucket.isFullAt(3600 * second)).toBe(true);
  });

  it("ignores a time earlier than one already seen: requests can reach it slightly out of order", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 }, 0);
    expect(bucket.tryTake(1, 10 * second)).toBe(0);
    expect(bucket.tryTake(1, 9 * second)).toBe(second);
    expect(bucket.tryTake(1, 11 * second)).toBe(0);
  });

  it("rejects configurations outside the limits with INVALID_CONFIG", () => {
    for (const config of [
      { ratePerSecond: 0, burst: 1 },
      { ratePerSecond: 1, burst: 0 },
      { ratePerSecond: 1.5, burst: 1 },
      { ratePerSecond: limits.tokenBucketRatePerSecondMax + 1, burst: 1 },
      { ratePerSecond: 1, burst: limits.tokenBucketBurstMax + 1 },
    ]) {
      expect(() => validateTokenBucketConfig(config)).toThrowError(HelixError);
      try {
        validateTokenBucketConfig(config);
      } catch (error) {
        expect(HelixError.is(error, "INVALID_CONFIG")).toBe(true);
      }
    }
  });

  it("keeps its tokens across a reconfiguration, capped at the new burst", () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 100 }, 0);
    bucket.tryTake(40, 0);
    bucket.reconfigure({ ratePerSecond: 20, burst: 50 }, 0);
    expect(bucket.tokensAt(0)).toBe(50);
    bucket.tryTake(50, 0);
    expect(bucket.waitMicros(20, 0)).toBe(second);
  });
});

describe("TokenBucket: strict admission (properties)", () => {
  it("admits exactly what the naive every-window reference admits, and reports the same wait", () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ config, startMicros, attempts }) => {
        const bucket = new TokenBucket(config, startMicros);
        const naive = new NaiveBucket(config, startMicros);
        let now = startMicros;
        for (const { advanceMicros, cost } of attempts) {
          now += advanceMicros;
          const expectedWait = naive.waitMicros(cost, now);
          expect(bucket.tryTake(cost, now)).toBe(expectedWait);
          if (expectedWait === 0) naive.record(cost, now);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never admits more than rate × T + burst over any window of T microseconds", () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ config, startMicros, attempts }) => {
        const bucket = new TokenBucket(config, startMicros);
        const admitted: { atMicros: number; cost: number }[] = [];
        let now = startMicros;
        for (const { advanceMicros, cost } of attempts) {
          now += advanceMicros;
          if (bucket.tryTake(cost, now) === 0) admitted.push({ atMicros: now, cost });
        }
        for (let first = 0; first < admitted.length; first++) {
          let total = 0n;
          for (let last = first; last < admitted.length; last++) {
            total += BigInt(admitted[last]!.cost);
            const window = BigInt(admitted[last]!.atMicros - admitted[first]!.atMicros);
            const allowedScaled =
              BigInt(config.ratePerSecond) * window + BigInt(config.burst) * BigInt(second);
            expect(total * BigInt(second) <= allowedScaled).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reports an exact wait: the request is admitted at now + wait and not one microsecond earlier", () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ config, startMicros, attempts }) => {
        const bucket = new TokenBucket(config, startMicros);
        const admitted: { atMicros: number; cost: number }[] = [];
        let now = startMicros;
        for (const { advanceMicros, cost } of attempts) {
          now += advanceMicros;
          const wait = bucket.tryTake(cost, now);
          if (wait === 0) {
            admitted.push({ atMicros: now, cost });
            continue;
          }
          expect(replay(config, startMicros, admitted).tryTake(cost, now + wait - 1)).toBe(1);
          expect(replay(config, startMicros, admitted).tryTake(cost, now + wait)).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("takes nothing when it denies", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 10 }, 0);
    bucket.tryTake(8, 0);
    expect(bucket.tryTake(5, 0)).toBe(3 * second);
    expect(bucket.tokensAt(0)).toBe(2);
  });
});

describe("TokenBucket: Kafka-style debt (KIP-599 bucket, KIP-219 throttle)", () => {
  it("always takes, and throttles for exactly the time the debt takes to repay", () => {
    fc.assert(
      fc.property(
        fc.record({
          ratePerSecond: fc.integer({ min: 1, max: 10_000 }),
          burst: fc.integer({ min: 1, max: 10_000 }),
        }),
        fc.array(
          fc.record({
            advanceMicros: fc.integer({ min: 0, max: 2 * second }),
            cost: fc.integer({ min: 0, max: 50_000 }),
          }),
          {
            maxLength: 30,
          },
        ),
        (config, attempts) => {
          const bucket = new TokenBucket(config, 0);
          let now = 0;
          for (const { advanceMicros, cost } of attempts) {
            now += advanceMicros;
            const throttle = bucket.takeWithDebt(cost, now);
            expect(throttle).toBeLessThanOrEqual(limits.throttleMicrosMax);
            if (throttle > 0) {
              expect(bucket.tokensAt(now + throttle - 1)).toBeLessThan(0);
              expect(bucket.tokensAt(now + throttle)).toBeGreaterThanOrEqual(0);
              now += throttle;
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("caps the debt so a throttle never exceeds throttleMicrosMax, even for a client ignoring it", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1000, burst: 1000 }, 0);
    for (let i = 0; i < 100; i++) bucket.takeWithDebt(1_000_000, 0);
    expect(bucket.takeWithDebt(0, 0)).toBe(limits.throttleMicrosMax);
  });

  it("caps the debt of the fastest bucket inside the exact range", () => {
    const bucket = new TokenBucket(
      { ratePerSecond: limits.tokenBucketRatePerSecondMax, burst: limits.tokenBucketBurstMax },
      0,
    );
    for (let i = 0; i < 100; i++) bucket.takeWithDebt(limits.tokenBucketBurstMax, 0);
    expect(bucket.tokensAt(0)).toBe(-limits.tokenBucketDebtMax);
    const throttle = bucket.takeWithDebt(0, 0);
    expect(throttle).toBeLessThanOrEqual(limits.throttleMicrosMax);
    expect(bucket.tokensAt(throttle)).toBe(0);
  });
});
