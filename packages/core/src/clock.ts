/**
 * Time enters pure components only through a Clock. The real clock lives at the edges; simulations and
 * tests drive a ManualClock (or the simulator's own clock) explicitly.
 */
export interface Clock {
  /** Wall-clock milliseconds since the Unix epoch: may jump (NTP, operators). Use for timestamps only. */
  nowMs(): number;
  /** Monotonic milliseconds from an arbitrary origin: never goes backwards. Use for timeouts and rates. */
  monotonicMs(): number;
}

/** The real clock, for process edges. */
export const systemClock: Clock = {
  nowMs: () => Date.now(),
  monotonicMs: () => performance.now(),
};

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  private wallMs: number;
  private monotonic: number;

  constructor(startWallMs = 1_700_000_000_000) {
    this.wallMs = startWallMs;
    this.monotonic = 0;
  }

  nowMs(): number {
    return this.wallMs;
  }

  monotonicMs(): number {
    return this.monotonic;
  }

  /** Moves both clocks forward by `durationMs`. */
  advance(durationMs: number): void {
    if (durationMs < 0)
      throw new RangeError(`cannot advance a clock by a negative duration (${durationMs} ms)`);
    this.wallMs += durationMs;
    this.monotonic += durationMs;
  }

  /** Moves only the wall clock, as an NTP step or an operator would. */
  jumpWall(deltaMs: number): void {
    this.wallMs += deltaMs;
  }
}
