import { assert } from "./assert.js";

/**
 * Randomness enters every decision-making component through this interface, never through
 * Math.random, so a simulation seed reproduces a run exactly. Implementations must give the same
 * sequence for the same seed on every platform: only 32-bit integer arithmetic is used.
 */
export interface Rng {
  /** A uniformly distributed integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniformly distributed float in [0, 1) with 32 bits of precision. */
  nextFloat(): number;
  /** A uniformly distributed integer in [minimum, maximumExclusive). */
  integer(minimum: number, maximumExclusive: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** An independent generator derived from this one; the parent's sequence moves on by a fixed amount. */
  split(): Rng;
}

/** SplitMix32: expands one seed into well-mixed state words (used only to seed xoshiro). */
function splitMix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** (Blackman and Vigna): fast, 128 bits of state, passes BigCrush. Seeded from any safe
 * integer through SplitMix32 over both 32-bit halves of the seed.
 */
export class SeededRng implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    assert(Number.isSafeInteger(seed), () => `rng seed must be a safe integer, got ${seed}`);
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    const state = { value: low ^ Math.imul(high, 0x27d4eb2f) };
    this.s0 = splitMix32(state);
    this.s1 = splitMix32(state);
    this.s2 = splitMix32(state) ^ high;
    this.s3 = splitMix32(state);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator at an exact xoshiro128** state (for checking against the reference algorithm). */
  static fromState(s0: number, s1: number, s2: number, s3: number): SeededRng {
    const rng = new SeededRng(0);
    rng.s0 = s0 | 0;
    rng.s1 = s1 | 0;
    rng.s2 = s2 | 0;
    rng.s3 = s3 | 0;
    return rng;
  }

  nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  nextFloat(): number {
    return this.nextUint32() / 2 ** 32;
  }

  integer(minimum: number, maximumExclusive: number): number {
    assert(Number.isInteger(minimum) && Number.isInteger(maximumExclusive), "rng bounds must be integers");
    const span = maximumExclusive - minimum;
    assert(span > 0 && span <= 2 ** 32, () => `rng span must be in (0, 2^32], got ${span}`);
    // Rejection sampling removes the modulo bias of small spans.
    const limit = 2 ** 32 - (2 ** 32 % span);
    let value = this.nextUint32();
    while (value >= limit) value = this.nextUint32();
    return minimum + (value % span);
  }

  chance(probability: number): boolean {
    return this.nextFloat() < probability;
  }

  split(): Rng {
    const high = this.nextUint32() & 0x1fffff;
    const low = this.nextUint32();
    return new SeededRng(high * 2 ** 32 + low);
  }
}

function rotateLeft(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** Fisher-Yates shuffle in place, driven by `rng`. */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.integer(0, i + 1);
    const held = items[i] as T;
    items[i] = items[j] as T;
    items[j] = held;
  }
  return items;
}
