/**
 * A node's clock in the simulation: its monotonic time runs at `rate` times simulated time (drift),
 * and its wall clock can jump (NTP steps, operators). Raft counts ticks, so drift shows up as nodes
 * ticking at slightly different rates, which is what leases and election timeouts must tolerate.
 */
import type { Clock } from "@helixlog/core";

export class SimClock implements Clock {
  private wallOffsetMs = 0;

  constructor(
    private readonly now: () => number,
    /** Local milliseconds per simulated millisecond, e.g. 1.01 for a clock 1% fast. */
    readonly rate: number,
    private readonly startWallMs = 1_700_000_000_000,
  ) {}

  monotonicMs(): number {
    return this.now() * this.rate;
  }

  nowMs(): number {
    return this.startWallMs + this.monotonicMs() + this.wallOffsetMs;
  }

  /** Steps the wall clock (monotonic time is unaffected). */
  jumpWall(deltaMs: number): void {
    this.wallOffsetMs += deltaMs;
  }

  /** Simulated milliseconds until this clock has advanced by `localMs`. */
  simulatedDuration(localMs: number): number {
    return localMs / this.rate;
  }
}
