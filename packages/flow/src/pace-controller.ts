import { assert, HelixError, limits } from "@helixlog/core";
import { ceilDivide, floorDivide, microsecondsPerSecond } from "./internal/exact.js";

/**
 * How fast a node starts work from its fair queue, adapted to event-loop lag by AIMD.
 *
 * A node whose CPU is the bottleneck does not queue its excess work where the fair queue can order it:
 * everything it admits it starts, and the backlog forms in socket buffers, the event loop and the
 * clients' connections, served first come first served. Pacing the starts below what the CPU can do
 * keeps the backlog in the fair queue. The pace is a rate (bytes per second), not a concurrency: one
 * request at a time can saturate a CPU when each is quick.
 *
 * - **Decrease**: while the lag reading is above the target, at most once per `decreaseIntervalMicros`,
 *   the rate becomes `decreasePerMille`/1000 of the lesser of the rate and the rate actually started
 *   over the last observation (a rate far above what was served would take many cuts to bite).
 * - **Increase**: at or below the target, if the pace held work back since the last observation, the
 *   rate grows by `increaseBytesPerSecond` (an idle node does not grow a rate it does not use).
 * - The rate stays in `[rateMinBytesPerSecond, rateMaxBytesPerSecond]` and starts at the maximum.
 * - **Pacing** is a generic cell rate algorithm over the rate: work may start while the theoretical
 *   arrival time `tat` is at most `burstMicros` ahead of now; each start moves `tat` on by its cost at
 *   the rate, so a large item delays the next ones instead of being refused.
 *
 * Pure: time is integer microseconds supplied by the caller; the lag is a reading the caller takes.
 */
/** Bytes started per observation counted at most (2^32): bytes × 10^6 stays exact below 2^52. */
const startedBytesCountedMax = 2 ** 32;

export interface PaceConfig {
  readonly rateMinBytesPerSecond: number;
  readonly rateMaxBytesPerSecond: number;
  readonly lagTargetMicros: number;
  readonly increaseBytesPerSecond: number;
  readonly decreasePerMille: number;
  readonly decreaseIntervalMicros: number;
  readonly burstMicros: number;
}

export const paceConfigDefault: PaceConfig = {
  rateMinBytesPerSecond: limits.nodeFlowPaceBytesPerSecondMin,
  rateMaxBytesPerSecond: limits.nodeFlowPaceBytesPerSecondMax,
  lagTargetMicros: limits.nodeFlowPaceLagTargetMicros,
  increaseBytesPerSecond: limits.nodeFlowPaceIncreaseBytesPerSecond,
  decreasePerMille: limits.nodeFlowPaceDecreasePerMille,
  decreaseIntervalMicros: limits.nodeFlowPaceDecreaseIntervalMicros,
  burstMicros: limits.nodeFlowPaceBurstMicros,
};

/** Checks a pace configuration from outside (flags, environment); throws INVALID_CONFIG. */
export function validatePaceConfig(config: PaceConfig): void {
  const integerIn = (name: keyof PaceConfig, minimum: number, maximum: number) => {
    const value = config[name];
    if (!Number.isInteger(value) || value < minimum || value > maximum) {
      throw new HelixError(
        "INVALID_CONFIG",
        `pace ${name} must be an integer in [${minimum}, ${maximum}], got ${value}`,
      );
    }
  };
  integerIn("rateMaxBytesPerSecond", 1, limits.tokenBucketRatePerSecondMax);
  integerIn("rateMinBytesPerSecond", 1, config.rateMaxBytesPerSecond);
  integerIn("lagTargetMicros", 1, limits.throttleMicrosMax);
  integerIn("increaseBytesPerSecond", 1, limits.tokenBucketRatePerSecondMax);
  integerIn("decreasePerMille", 1, 999);
  integerIn("decreaseIntervalMicros", 0, limits.throttleMicrosMax);
  integerIn("burstMicros", 0, limits.throttleMicrosMax);
}

export interface PaceObservation {
  /** The event-loop lag reading (the caller's smoothing: a median over the last second). */
  readonly eventLoopLagMicros: number;
}

export interface PaceMetrics {
  readonly rateBytesPerSecond: number;
  readonly decreases: number;
  readonly increases: number;
  /** Times `waitMicros` answered a positive wait: the pace held work back. */
  readonly heldBack: number;
  readonly startedBytes: number;
}

export class PaceController {
  /** Invariant: an integer in [rateMinBytesPerSecond, rateMaxBytesPerSecond]. */
  private rate: number;
  /** Theoretical arrival time of the next start (GCRA); work starts while tat ≤ now + burstMicros. */
  private tat: number;
  private lastDecreaseMicros: number | undefined;
  private observedAtMicros: number;
  /** Bytes started since the last observation. */
  private startedSinceObservation = 0;
  private heldBackSinceObservation = false;
  private readonly counters = { decreases: 0, increases: 0, heldBack: 0, startedBytes: 0 };

  constructor(
    private readonly config: PaceConfig,
    nowMicros: number,
  ) {
    validatePaceConfig(config);
    assertTime(nowMicros);
    this.rate = config.rateMaxBytesPerSecond;
    this.tat = nowMicros;
    this.observedAtMicros = nowMicros;
  }

  get rateBytesPerSecond(): number {
    return this.rate;
  }

  /** Microseconds until work may start (0: now). A positive answer counts as holding work back. */
  waitMicros(nowMicros: number): number {
    assertTime(nowMicros);
    const wait = Math.max(0, this.tat - this.config.burstMicros - nowMicros);
    if (wait > 0 && !this.heldBackSinceObservation) {
      this.heldBackSinceObservation = true;
      this.counters.heldBack += 1;
    }
    return wait;
  }

  /** Records work of `costBytes` starting now; the caller checked `waitMicros` (or starts it anyway). */
  start(costBytes: number, nowMicros: number): void {
    assertTime(nowMicros);
    assert(
      Number.isInteger(costBytes) && costBytes >= 0 && costBytes <= startedBytesCountedMax,
      "a cost is an integer in [0, 2^32]",
    );
    this.tat = Math.max(this.tat, nowMicros) + ceilDivide(costBytes * microsecondsPerSecond, this.rate);
    this.startedSinceObservation = Math.min(startedBytesCountedMax, this.startedSinceObservation + costBytes);
    this.counters.startedBytes += costBytes;
  }

  /** Adapts the rate to a lag reading (the caller observes every sample interval). */
  observe(observation: PaceObservation, nowMicros: number): void {
    assertTime(nowMicros);
    const elapsed = nowMicros - this.observedAtMicros;
    const { config } = this;
    if (observation.eventLoopLagMicros > config.lagTargetMicros) {
      const since =
        this.lastDecreaseMicros === undefined
          ? Number.POSITIVE_INFINITY
          : nowMicros - this.lastDecreaseMicros;
      if (since >= config.decreaseIntervalMicros) {
        let base = this.rate;
        if (elapsed > 0 && this.startedSinceObservation > 0) {
          base = Math.min(base, floorDivide(this.startedSinceObservation * microsecondsPerSecond, elapsed));
        }
        this.setRate(floorDivide(base * config.decreasePerMille, 1000));
        this.lastDecreaseMicros = nowMicros;
        this.counters.decreases += 1;
      }
    } else if (this.heldBackSinceObservation && this.rate < config.rateMaxBytesPerSecond) {
      this.setRate(this.rate + config.increaseBytesPerSecond);
      this.counters.increases += 1;
    }
    this.heldBackSinceObservation = false;
    this.startedSinceObservation = 0;
    this.observedAtMicros = Math.max(this.observedAtMicros, nowMicros);
  }

  metrics(): PaceMetrics {
    return { rateBytesPerSecond: this.rate, ...this.counters };
  }

  private setRate(rate: number): void {
    const { rateMinBytesPerSecond, rateMaxBytesPerSecond } = this.config;
    this.rate = Math.min(rateMaxBytesPerSecond, Math.max(rateMinBytesPerSecond, rate));
    assert(Number.isInteger(this.rate), "the rate stays an integer");
  }
}

function assertTime(nowMicros: number): void {
  assert(Number.isSafeInteger(nowMicros) && nowMicros >= 0, "time is a non-negative integer of microseconds");
}
