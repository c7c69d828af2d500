import {
  assert,
  crc32c,
  HelixError,
  limits,
  type ObjectInfo,
  type ObjectStore,
  type Rng,
} from "@helixlog/core";
import { checkRange, hex } from "../internal/object-range.js";
import { validateObjectKey, validateObjectKeyPrefix } from "../object-key.js";

/**
 * An in-memory ObjectStore for tests and the simulator, with faults drawn from a seeded Rng so a run
 * replays exactly from its seed.
 *
 * Faults it injects, each the way a real store shows them:
 *   - an operation fails with UNAVAILABLE (a 503, a reset connection);
 *   - a put fails with UNAVAILABLE after the object was stored whole (the acknowledgement was lost);
 *   - an operation is slow: it waits on the injected scheduler (the simulator's clock, never a timer);
 *   - `crash()`: every operation still waiting fails; each interrupted put has either stored its whole
 *     object or nothing, so readers see the old object (or none), never part of the new one.
 * Objects change only atomically, at the end of a put.
 */
export interface Scheduler {
  /** Resolves after `durationMs` of the caller's (simulated) time. */
  sleep(durationMs: number): Promise<void>;
}

/** A scheduler that never waits: slow calls cost no time. */
export const immediateScheduler: Scheduler = { sleep: () => Promise.resolve() };

export interface SimObjectStoreFaults {
  /** Probability that an operation fails with UNAVAILABLE. */
  readonly failureProbability: number;
  /** Probability that a failed put nevertheless stored its whole object. */
  readonly lostAcknowledgementProbability: number;
  /** Probability that an operation waits on the scheduler before it takes effect. */
  readonly slowProbability: number;
  /** Longest wait of a slow operation, in the scheduler's milliseconds. */
  readonly slowDelayMsMax: number;
}

export const noFaults: SimObjectStoreFaults = {
  failureProbability: 0,
  lostAcknowledgementProbability: 0,
  slowProbability: 0,
  slowDelayMsMax: 0,
};

export function validateSimObjectStoreFaults(faults: SimObjectStoreFaults): void {
  for (const name of ["failureProbability", "lostAcknowledgementProbability", "slowProbability"] as const) {
    const value = faults[name];
    if (!(value >= 0 && value <= 1)) {
      throw new HelixError("INVALID_CONFIG", `${name} must be a probability in [0, 1], got ${value}`);
    }
  }
  if (!Number.isInteger(faults.slowDelayMsMax) || faults.slowDelayMsMax < 0) {
    throw new HelixError("INVALID_CONFIG", `slowDelayMsMax must be a non-negative integer`);
  }
}

interface StoredObject {
  readonly body: Uint8Array;
  readonly crc32c: number;
}

export class SimObjectStore implements ObjectStore {
  private readonly objects = new Map<string, StoredObject>();
  private readonly rng: Rng;
  private readonly scheduler: Scheduler;
  private faults: SimObjectStoreFaults;
  /** Incremented by crash(); an operation that started in an earlier epoch was interrupted. */
  private epoch = 0;
  /** Operations started, for tests that check a retry happened. */
  operationCount = 0;

  constructor(rng: Rng, faults: SimObjectStoreFaults = noFaults, scheduler: Scheduler = immediateScheduler) {
    validateSimObjectStoreFaults(faults);
    this.rng = rng;
    this.faults = faults;
    this.scheduler = scheduler;
  }

  setFaults(faults: SimObjectStoreFaults): void {
    validateSimObjectStoreFaults(faults);
    this.faults = faults;
  }

  /** Interrupts every operation still waiting on the scheduler, as a process crash would. */
  crash(): void {
    this.epoch++;
  }

  async put(key: string, body: Uint8Array, options: { readonly crc32c: number }): Promise<void> {
    validateObjectKey(key);
    if (body.length > limits.objectSizeBytesMax) {
      throw new HelixError("INVALID_ARGUMENT", `an object is at most ${limits.objectSizeBytesMax} bytes`);
    }
    const computed = crc32c(body);
    if (computed !== options.crc32c >>> 0) {
      throw new HelixError(
        "CORRUPT_DATA",
        `object ${key}: CRC32C given to put is ${hex(options.crc32c)} but the body's is ${hex(computed)}`,
      );
    }
    // Copied now: the caller may reuse its buffer while the put is in flight.
    const stored: StoredObject = { body: body.slice(), crc32c: computed };
    const interrupted = await this.begin(`put ${key}`);
    const storeAnyway = this.rng.chance(interrupted ? 0.5 : this.faults.lostAcknowledgementProbability);
    if (interrupted || this.rng.chance(this.faults.failureProbability)) {
      if (storeAnyway) this.objects.set(key, stored);
      throw unavailable(`put ${key}`, interrupted);
    }
    this.objects.set(key, stored);
  }

  async get(key: string): Promise<Uint8Array> {
    validateObjectKey(key);
    await this.beginOrFail(`get ${key}`);
    const object = this.objects.get(key);
    if (object === undefined) throw new HelixError("NOT_FOUND", `object ${key} does not exist`);
    const computed = crc32c(object.body);
    if (computed !== object.crc32c) {
      throw new HelixError(
        "CORRUPT_DATA",
        `object ${key}: stored CRC32C ${hex(object.crc32c)}, computed ${hex(computed)}`,
      );
    }
    return object.body.slice();
  }

  async getRange(key: string, start: number, endExclusive: number): Promise<Uint8Array> {
    validateObjectKey(key);
    await this.beginOrFail(`get range of ${key}`);
    const object = this.objects.get(key);
    if (object === undefined) throw new HelixError("NOT_FOUND", `object ${key} does not exist`);
    checkRange(key, start, endExclusive, object.body.length);
    return object.body.slice(start, endExclusive);
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    validateObjectKey(key);
    await this.beginOrFail(`head ${key}`);
    const object = this.objects.get(key);
    return object === undefined ? undefined : { key, sizeBytes: object.body.length, crc32c: object.crc32c };
  }

  async list(prefix: string): Promise<string[]> {
    validateObjectKeyPrefix(prefix);
    await this.beginOrFail(`list ${prefix}`);
    return this.keysUnder(prefix);
  }

  async delete(key: string): Promise<void> {
    validateObjectKey(key);
    await this.beginOrFail(`delete ${key}`);
    this.objects.delete(key);
  }

  /** Every key under `prefix`, sorted, with no faults: for checkers that inspect the store's true state. */
  keysUnder(prefix: string): string[] {
    return [...this.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  /** The stored bytes of `key` with no faults and no verification, for checkers. */
  peek(key: string): Uint8Array | undefined {
    return this.objects.get(key)?.body;
  }

  /** Flips one bit of a stored object (its recorded checksum stays), to test that readers notice. */
  corrupt(key: string): void {
    const object = this.objects.get(key);
    assert(object !== undefined && object.body.length > 0, `cannot corrupt missing or empty object ${key}`);
    const body = object.body.slice();
    const position = this.rng.integer(0, body.length);
    body[position] = (body[position] as number) ^ (1 << this.rng.integer(0, 8));
    this.objects.set(key, { body, crc32c: object.crc32c });
  }

  /** Waits if this call is slow; returns true when a crash interrupted it meanwhile. */
  private async begin(what: string): Promise<boolean> {
    this.operationCount++;
    const startedIn = this.epoch;
    if (this.rng.chance(this.faults.slowProbability)) {
      await this.scheduler.sleep(this.rng.integer(0, this.faults.slowDelayMsMax + 1));
    }
    assert(this.epoch >= startedIn, `${what}: store epoch went backwards`);
    return this.epoch !== startedIn;
  }

  private async beginOrFail(what: string): Promise<void> {
    const interrupted = await this.begin(what);
    if (interrupted || this.rng.chance(this.faults.failureProbability)) throw unavailable(what, interrupted);
  }
}

function unavailable(what: string, interrupted: boolean): HelixError {
  return new HelixError(
    "UNAVAILABLE",
    interrupted ? `${what}: interrupted by a crash` : `${what}: injected transient failure`,
    { details: { injected: true } },
  );
}
