import { assert } from "@helixlog/core";

/**
 * Exact integer helpers. Flow keeps every quantity an integer below 2^52 (see core limits
 * `tokenBucketScaledLevelMax`), where JavaScript numbers are exact; these helpers are the only places a
 * division happens, and they correct the float quotient so the result is the exact integer one.
 */

/** Microseconds in one second: flow's unit of time, and the scale of token-bucket levels. */
export const microsecondsPerSecond = 1_000_000;

/** Microseconds in one millisecond, for Kafka's `throttle_time_ms` and gRPC retry delays. */
export const microsecondsPerMillisecond = 1_000;

const exactRangeMax = 2 ** 52;

/** ⌈dividend / divisor⌉ for integers 0 ≤ dividend ≤ 2^52 and 0 < divisor ≤ 2^52, computed exactly. */
export function ceilDivide(dividend: number, divisor: number): number {
  const quotient = floorDivide(dividend, divisor);
  return quotient * divisor === dividend ? quotient : quotient + 1;
}

/** ⌊dividend / divisor⌋ for integers 0 ≤ dividend ≤ 2^52 and 0 < divisor ≤ 2^52, computed exactly. */
export function floorDivide(dividend: number, divisor: number): number {
  assert(
    Number.isInteger(dividend) && dividend >= 0 && dividend <= exactRangeMax,
    () => `dividend must be an integer in [0, 2^52], got ${dividend}`,
  );
  assert(
    Number.isInteger(divisor) && divisor > 0 && divisor <= exactRangeMax,
    () => `divisor must be an integer in (0, 2^52], got ${divisor}`,
  );
  // The float quotient is correctly rounded, so it can be one above the true floor when the exact
  // quotient sits just below an integer. Both products below stay under 2^53, so the check is exact.
  let quotient = Math.floor(dividend / divisor);
  if (quotient * divisor > dividend) quotient -= 1;
  if ((quotient + 1) * divisor <= dividend) quotient += 1;
  return quotient;
}

/** Whole milliseconds a client must wait to wait at least `durationMicros` (rounded up, never short). */
export function microsToMillisRoundedUp(durationMicros: number): number {
  return ceilDivide(durationMicros, microsecondsPerMillisecond);
}
