/**
 * A small seeded simulation at the state-machine level: consumers take leases, process records, crash
 * (forgetting their lease without releasing it), come back as zombies that still try their old lease, and
 * leases expire on the replicated clock. A safety phase runs with crashes; a liveness phase stops them and
 * demands that the watermark reach the log end within a bound. Checked throughout: never two live
 * exclusive leases on the partition (and never an exclusive lease beside a shared one); at the end, every
 * record was settled into the watermark exactly once. Set HELIX_SIM_SEEDS to run more seeds.
 */
import { type Rng, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import type { LeaseGrant } from "./commands.js";
import { ProgressDriver } from "./internal/test-driver.js";
import { ProgressStateMachine } from "./progress-state-machine.js";

const seedCount = Number(process.env.HELIX_SIM_SEEDS ?? 5);
const seeds = Array.from({ length: seedCount }, (_, index) => 1_000 + index);
const leaseDurationMs = 1_000;
const consumerCount = 4;
const safetySteps = 400;
const livenessStepsMax = 2_000;

interface Consumer {
  readonly name: string;
  lease: LeaseGrant | null;
  /** A lease the consumer held before it crashed: as a zombie it may still try to use it. */
  zombieLease: LeaseGrant | null;
  crashed: boolean;
}

function checkLeaseExclusivity(driver: ProgressDriver): void {
  const leases = driver.partitionView()?.leases ?? [];
  const live = leases.filter((lease) => lease.expiresAtMs > driver.nowMs);
  const exclusive = live.filter((lease) => lease.mode === "exclusive");
  expect(exclusive.length).toBeLessThanOrEqual(1);
  if (exclusive.length === 1) expect(live).toHaveLength(1);
}

function makeConsumers(): Consumer[] {
  return Array.from({ length: consumerCount }, (_, index) => ({
    name: `consumer-${index}`,
    lease: null,
    zombieLease: null,
    crashed: false,
  }));
}

/** Crashes or restarts a consumer; returns true when it is down for this step. */
function maybeCrash(rng: Rng, consumer: Consumer, crashes: boolean): boolean {
  if (consumer.crashed) {
    if (crashes && !rng.chance(0.3)) return true;
    consumer.crashed = false;
    return false;
  }
  if (crashes && consumer.lease !== null && rng.chance(0.05)) {
    consumer.zombieLease = consumer.lease;
    consumer.lease = null;
    consumer.crashed = true;
    return true;
  }
  return false;
}

describe("consumers crash and leases expire: shared (queue-style) leases", () => {
  it.each(seeds)("seed %i: every record is settled exactly once", (seed) => {
    const rng = new SeededRng(seed);
    const driver = new ProgressDriver(new ProgressStateMachine({ deadLetterAfterDeliveries: 1_000 }));
    const consumers = makeConsumers();
    const settledTimes = new Map<number, number>();
    let logEnd = 0;
    const recordsTotal = 200 + rng.integer(0, 100);

    const step = (crashes: boolean) => {
      driver.nowMs += rng.integer(0, 150);
      logEnd = Math.min(recordsTotal, logEnd + rng.integer(0, 4));
      for (const consumer of consumers) {
        if (maybeCrash(rng, consumer, crashes)) continue;
        if (consumer.zombieLease !== null) {
          // A zombie acks what it had; this is only accepted while its lease is still live.
          const zombie = consumer.zombieLease;
          consumer.zombieLease = null;
          const offsets = zombie.records.map((record) => record.offset);
          recordSettled(driver.ack(zombie, offsets), offsets, settledTimes);
        }
        if (consumer.lease === null) {
          const granted = driver.acquireShared(consumer.name, rng.integer(1, 8), logEnd, leaseDurationMs);
          consumer.lease = granted.ok ? granted.value.lease : null;
          continue;
        }
        workOnLease(rng, driver, consumer, settledTimes);
      }
      checkLeaseExclusivity(driver);
    };

    for (let index = 0; index < safetySteps; index++) step(true);
    let steps = 0;
    while ((driver.committedOffset() ?? 0) < recordsTotal) {
      expect(steps++).toBeLessThan(livenessStepsMax);
      step(false);
    }
    expect(driver.partitionView()?.deadLetteredTotal).toBe(0);
    for (let record = 0; record < recordsTotal; record++) expect(settledTimes.get(record)).toBe(1);
  });
});

/** A live consumer acks some of its records, maybe nacks one, and renews or finishes its lease. */
function workOnLease(
  rng: Rng,
  driver: ProgressDriver,
  consumer: Consumer,
  settledTimes: Map<number, number>,
) {
  const lease = consumer.lease;
  if (lease === null) return;
  const pending = lease.records.map((record) => record.offset);
  const chosen = pending.filter(() => rng.chance(0.5));
  const acked = driver.ack(lease, chosen);
  recordSettled(acked, chosen, settledTimes);
  const remaining = new Set(pending.filter((offset) => !chosen.includes(offset)));
  if (!acked.ok) {
    consumer.lease = null;
    return;
  }
  if (remaining.size > 0 && rng.chance(0.1)) {
    const [first] = remaining;
    if (first !== undefined && driver.nack(lease, [first]).ok) remaining.delete(first);
  }
  if (remaining.size === 0) {
    driver.release(lease);
    consumer.lease = null;
    return;
  }
  consumer.lease = { ...lease, records: lease.records.filter((record) => remaining.has(record.offset)) };
  if (rng.chance(0.7) && !driver.renew(lease, leaseDurationMs).ok) consumer.lease = null;
}

/** Counts the offsets an accepted ack settled: the offsets it named, minus those reported as duplicates. */
function recordSettled(
  result: ReturnType<ProgressDriver["ack"]>,
  ackedOffsets: readonly number[],
  settledTimes: Map<number, number>,
): void {
  if (!result.ok) {
    expect(["FENCED", "INVALID_ARGUMENT"]).toContain(result.error.code);
    return;
  }
  const duplicates = new Set<number>(result.value.duplicates);
  const settled = ackedOffsets.filter((offset) => !duplicates.has(offset));
  expect(settled).toHaveLength(result.value.newlySettled);
  for (const offset of settled) settledTimes.set(offset, (settledTimes.get(offset) ?? 0) + 1);
}

describe("consumers crash and leases expire: exclusive (stream-style) leases", () => {
  it.each(seeds)("seed %i: one holder at a time, and the watermark counts every record once", (seed) => {
    const rng = new SeededRng(seed);
    const driver = new ProgressDriver();
    const consumers = makeConsumers();
    let logEnd = 0;
    let settledTotal = 0;
    const recordsTotal = 300;

    const step = (crashes: boolean) => {
      driver.nowMs += rng.integer(0, 150);
      logEnd = Math.min(recordsTotal, logEnd + rng.integer(0, 5));
      for (const consumer of consumers) {
        if (maybeCrash(rng, consumer, crashes)) continue;
        const lease = consumer.lease ?? consumer.zombieLease;
        consumer.zombieLease = null;
        if (lease === null) {
          const granted = driver.acquireExclusive(consumer.name, leaseDurationMs);
          consumer.lease = granted.ok ? granted.value.lease : null;
          continue;
        }
        const position = driver.committedOffset() ?? 0;
        const acked = driver.ack(lease, [], Math.min(logEnd, position + rng.integer(0, 6)));
        if (!acked.ok) {
          expect(acked.error.code).toBe("FENCED");
          consumer.lease = null;
          continue;
        }
        settledTotal += acked.value.newlySettled;
        consumer.lease = lease;
        if (!driver.renew(lease, leaseDurationMs).ok) consumer.lease = null;
      }
      checkLeaseExclusivity(driver);
    };

    for (let index = 0; index < safetySteps; index++) step(true);
    let steps = 0;
    while ((driver.committedOffset() ?? 0) < recordsTotal) {
      expect(steps++).toBeLessThan(livenessStepsMax);
      step(false);
    }
    expect(settledTotal).toBe(recordsTotal);
    expect(driver.committedOffset()).toBe(recordsTotal);
  });
});
