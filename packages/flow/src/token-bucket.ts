import { assert, HelixError, limits } from "@helixlog/core";
import { ceilDivide, floorDivide, microsecondsPerSecond } from "./internal/exact.js";

/** A token bucket's shape: tokens (bytes or requests) refill at `ratePerSecond` up to `burst`. */
export interface TokenBucketConfig {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/** Checks a bucket configuration that came from outside (a quota definition, a flag). */
export function validateTokenBucketConfig(config: TokenBucketConfig, what = "token bucket"): void {
  checkIntegerInRange(`${what} ratePerSecond`, config.ratePerSecond, 1, limits.tokenBucketRatePerSecondMax);
  checkIntegerInRange(`${what} burst`, config.burst, 1, limits.tokenBucketBurstMax);
}

function checkIntegerInRange(what: string, value: number, minimum: number, maximum: number): void {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw new HelixError(
      "INVALID_CONFIG",
      `${what} must be an integer in [${minimum}, ${maximum}], got ${value}`,
    );
  }
}

/**
 * A token bucket with exact integer arithmetic over explicit time in integer microseconds.
 *
 * The level is kept as `tokens × 1,000,000`: one microsecond of refill adds exactly `ratePerSecond` units,
 * so refills, takes and waits are integer operations with no rounding and no float drift, however the
 * calls are spaced. The bucket starts full, like Kafka's and most others, so a new client can burst.
 *
 * Two ways to spend tokens:
 * - `tryTake` (gRPC style): admit only if the tokens are there; otherwise report the exact wait.
 *   Over any window of T microseconds it admits at most `ratePerSecond × T / 10^6 + burst` tokens.
 * - `takeWithDebt` (Kafka style, KIP-599's token bucket): always take, possibly into debt, and report
 *   the throttle time until the level is back to zero; the broker mutes the client for it (KIP-219).
 */
export class TokenBucket {
  private rate: number;
  /** Scaled capacity: `burst × 10^6`. */
  private capacity: number;
  /** Scaled deepest level: `−min(debt bound, rate × longest throttle)`; see `debtFloorFor`. */
  private floor: number;
  /** Scaled tokens at `updatedMicros`. Invariant: floor ≤ level ≤ capacity. */
  private level: number;
  /** The latest time seen; refills are computed from it. Never decreases. */
  private updatedMicros: number;

  constructor(config: TokenBucketConfig, nowMicros: number) {
    validateTokenBucketConfig(config);
    assertTime(nowMicros);
    this.rate = config.ratePerSecond;
    this.capacity = config.burst * microsecondsPerSecond;
    this.floor = debtFloorFor(config.ratePerSecond);
    this.level = this.capacity;
    this.updatedMicros = nowMicros;
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  get burst(): number {
    return this.capacity / microsecondsPerSecond;
  }

  /** Whole tokens available at `nowMicros` (negative while in debt), for metrics and tests. */
  tokensAt(nowMicros: number): number {
    this.refill(nowMicros);
    return Math.floor(this.level / microsecondsPerSecond);
  }

  /** True when the bucket is full at `nowMicros`: it then behaves exactly like a fresh bucket. */
  isFullAt(nowMicros: number): boolean {
    this.refill(nowMicros);
    return this.level === this.capacity;
  }

  /**
   * Microseconds from `nowMicros` until the bucket holds `cost` tokens: 0 if it already does. Exact:
   * `tryTake(cost)` succeeds at `nowMicros + wait` and fails at `nowMicros + wait − 1` (if nothing else
   * is taken meanwhile). The caller keeps `cost ≤ burst`; a larger cost could never be admitted.
   */
  waitMicros(cost: number, nowMicros: number): number {
    this.assertCost(cost);
    assert(
      cost <= this.burst,
      () => `cost ${cost} exceeds the burst ${this.burst}: it can never be admitted`,
    );
    this.refill(nowMicros);
    const deficit = cost * microsecondsPerSecond - this.level;
    return deficit <= 0 ? 0 : ceilDivide(deficit, this.rate);
  }

  /** Microseconds from `nowMicros` until the bucket is full again (when it can be forgotten). */
  microsUntilFull(nowMicros: number): number {
    this.refill(nowMicros);
    return ceilDivide(this.capacity - this.level, this.rate);
  }

  /**
   * Takes `cost` tokens if the bucket holds them at `nowMicros` and returns 0; otherwise takes nothing
   * and returns the exact wait in microseconds until it would (see `waitMicros`).
   */
  tryTake(cost: number, nowMicros: number): number {
    const wait = this.waitMicros(cost, nowMicros);
    if (wait === 0) this.level -= cost * microsecondsPerSecond;
    return wait;
  }

  /**
   * Takes `cost` tokens unconditionally, going into debt if needed (never below the floor, so a client
   * that ignores its throttles is forgiven the excess rather than overflowing the arithmetic). Returns the
   * throttle: microseconds until the level is back to zero, 0 if it did not go negative.
   */
  takeWithDebt(cost: number, nowMicros: number): number {
    this.assertCost(cost);
    this.refill(nowMicros);
    this.level = Math.max(this.floor, this.level - cost * microsecondsPerSecond);
    return this.level >= 0 ? 0 : ceilDivide(-this.level, this.rate);
  }

  /** Applies a new rate and burst from `nowMicros` on, keeping the tokens held (capped at the new burst). */
  reconfigure(config: TokenBucketConfig, nowMicros: number): void {
    validateTokenBucketConfig(config);
    this.refill(nowMicros);
    this.rate = config.ratePerSecond;
    this.capacity = config.burst * microsecondsPerSecond;
    this.floor = debtFloorFor(config.ratePerSecond);
    this.level = Math.min(this.capacity, Math.max(this.floor, this.level));
  }

  private refill(nowMicros: number): void {
    assertTime(nowMicros);
    // Requests read the clock before they reach the bucket, so two of them can arrive out of order by a
    // few microseconds. An earlier time than the last one seen therefore refills nothing.
    if (nowMicros <= this.updatedMicros) return;
    const elapsed = nowMicros - this.updatedMicros;
    this.updatedMicros = nowMicros;
    const room = this.capacity - this.level;
    // Comparing against the fill time first keeps `rate × elapsed` below `room`, inside the exact range.
    this.level = elapsed >= ceilDivide(room, this.rate) ? this.capacity : this.level + this.rate * elapsed;
    assert(
      this.level <= this.capacity && this.level >= this.floor,
      "bucket level out of bounds after refill",
    );
  }

  private assertCost(cost: number): void {
    assert(
      Number.isInteger(cost) && cost >= 0 && cost <= limits.tokenBucketBurstMax,
      () => `a bucket cost must be an integer in [0, ${limits.tokenBucketBurstMax}], got ${cost}`,
    );
  }
}

/**
 * The scaled level a bucket never goes below. It is the smaller debt of the two bounds: the arithmetic one
 * (`tokenBucketDebtMax`) and the one that keeps a throttle within `throttleMicrosMax`.
 */
function debtFloorFor(ratePerSecond: number): number {
  const debtBoundScaled = limits.tokenBucketDebtMax * microsecondsPerSecond;
  // `rate × throttle` can pass 2^53 for fast buckets, so it is multiplied out only when it is the smaller.
  const throttleIsSmaller = ratePerSecond <= floorDivide(debtBoundScaled, limits.throttleMicrosMax);
  return throttleIsSmaller ? -(ratePerSecond * limits.throttleMicrosMax) : -debtBoundScaled;
}

function assertTime(nowMicros: number): void {
  assert(
    Number.isSafeInteger(nowMicros) && nowMicros >= 0,
    () => `time must be a non-negative integer of microseconds, got ${nowMicros}`,
  );
}
