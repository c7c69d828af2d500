/**
 * The state machine against a naive model of one partition of one group: Sets and linear scans, written
 * straight from the rules (leases with epochs, acks, nacks, expiry on the clock, the dead-letter rule).
 * Random command sequences drive both; after every command the results and the visible state must agree,
 * and four properties must hold on the real machine:
 *   - no offset is settled twice into the watermark (every settlement is counted exactly once);
 *   - a fenced or otherwise rejected command never moves progress (the state equals a copy that only saw
 *     the clock advance);
 *   - an expired lease's unacked records are handed out again (the model redelivers; grants must match);
 *   - the watermark never moves backwards.
 */
import { type LeaseId, offset } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LeaseFence, ProgressResult } from "./commands.js";
import { ProgressDriver } from "./internal/test-driver.js";
import type { LeaseEpoch } from "./names.js";
import { ProgressStateMachine } from "./progress-state-machine.js";

const ackSpan = 65_536;

interface NaiveLease {
  readonly id: number;
  readonly epoch: number;
  readonly exclusive: boolean;
  readonly member: number;
  expiresAtMs: number;
  readonly held: Set<number>;
}

type NaiveOutcome = { ok: true; value: unknown } | { ok: false; code: string };

/** The obviously correct version, one partition, everything recomputed by scanning. */
class NaiveProgress {
  clockMs = 0;
  readonly settled = new Set<number>();
  leases: NaiveLease[] = [];
  readonly deliveries = new Map<number, number>();
  epoch = 0;
  nextLeaseId = 1;
  deadLettered = 0;

  constructor(readonly deadLetterAfter: number) {}

  floor(): number {
    let floor = 0;
    while (this.settled.has(floor)) floor++;
    return floor;
  }

  advance(nowMs: number): void {
    this.clockMs = Math.max(this.clockMs, nowMs);
    const due = this.leases
      .filter((lease) => lease.expiresAtMs <= this.clockMs)
      .sort((a, b) => a.expiresAtMs - b.expiresAtMs || a.id - b.id);
    for (const lease of due) this.end(lease);
  }

  private end(lease: NaiveLease): { redeliverable: number; deadLettered: number[] } {
    const deadLettered: number[] = [];
    let redeliverable = 0;
    for (const held of [...lease.held].sort((a, b) => a - b)) {
      if (this.giveBack(lease, held)) deadLettered.push(held);
      else redeliverable++;
    }
    this.leases = this.leases.filter((other) => other !== lease);
    return { redeliverable, deadLettered };
  }

  /** Returns true when the record was dead-lettered. */
  private giveBack(lease: NaiveLease, held: number): boolean {
    lease.held.delete(held);
    if ((this.deliveries.get(held) ?? 0) < this.deadLetterAfter) return false;
    this.settle(held);
    this.deadLettered++;
    return true;
  }

  private settle(target: number): boolean {
    if (this.settled.has(target)) return false;
    this.settled.add(target);
    this.deliveries.delete(target);
    for (const lease of this.leases) lease.held.delete(target);
    return true;
  }

  private available(target: number): boolean {
    return !this.settled.has(target) && !this.leases.some((lease) => lease.held.has(target));
  }

  private grant(member: number, exclusive: boolean, durationMs: number): NaiveLease {
    this.epoch++;
    const lease = {
      id: this.nextLeaseId++,
      epoch: this.epoch,
      exclusive,
      member,
      expiresAtMs: this.clockMs + durationMs,
      held: new Set<number>(),
    };
    this.leases.push(lease);
    return lease;
  }

  acquireShared(member: number, maxRecords: number, logEnd: number, durationMs: number): NaiveOutcome {
    if (this.leases.some((lease) => lease.exclusive)) return { ok: false, code: "CONFLICT" };
    const floor = this.floor();
    const end = Math.min(logEnd, floor + ackSpan);
    let next = floor;
    while (next < end && !this.available(next)) next++;
    const run: number[] = [];
    while (next < end && run.length < maxRecords && this.available(next)) run.push(next++);
    if (run.length === 0) return { ok: true, value: null };
    const lease = this.grant(member, false, durationMs);
    const records = run.map((held) => {
      lease.held.add(held);
      const count = (this.deliveries.get(held) ?? 0) + 1;
      this.deliveries.set(held, count);
      return { offset: held, deliveryCount: count };
    });
    return { ok: true, value: { leaseId: lease.id, epoch: lease.epoch, records } };
  }

  acquireExclusive(member: number, durationMs: number): NaiveOutcome {
    const holder = this.leases.find((lease) => lease.exclusive);
    if (holder !== undefined && holder.member !== member) return { ok: false, code: "CONFLICT" };
    if (this.leases.some((lease) => !lease.exclusive)) return { ok: false, code: "CONFLICT" };
    if (holder !== undefined) this.end(holder);
    const lease = this.grant(member, true, durationMs);
    return { ok: true, value: { leaseId: lease.id, epoch: lease.epoch, records: [] } };
  }

  find(fence: { leaseId: number; epoch: number }): NaiveLease | string {
    const lease = this.leases.find((candidate) => candidate.id === fence.leaseId);
    if (lease === undefined) return fence.leaseId >= this.nextLeaseId ? "NOT_FOUND" : "FENCED";
    return lease.epoch === fence.epoch ? lease : "FENCED";
  }

  ack(fence: { leaseId: number; epoch: number }, offsets: number[], cumulative?: number): NaiveOutcome {
    const lease = this.find(fence);
    if (typeof lease === "string") return { ok: false, code: lease };
    if (!lease.exclusive && cumulative !== undefined) return { ok: false, code: "INVALID_ARGUMENT" };
    const floor = Math.max(this.floor(), cumulative ?? 0);
    for (const target of offsets) {
      if (target < floor || this.settled.has(target)) continue;
      if (!lease.exclusive && !lease.held.has(target)) return { ok: false, code: "INVALID_ARGUMENT" };
      if (target >= floor + ackSpan) return { ok: false, code: "RESOURCE_EXHAUSTED" };
    }
    let newlySettled = 0;
    for (let below = 0; below < (cumulative ?? 0); below++) if (this.settle(below)) newlySettled++;
    const duplicates: number[] = [];
    for (const target of offsets) {
      if (this.settle(target)) newlySettled++;
      else duplicates.push(target);
    }
    return { ok: true, value: { committedOffset: this.floor(), newlySettled, duplicates } };
  }

  nack(fence: { leaseId: number; epoch: number }, offsets: number[]): NaiveOutcome {
    const lease = this.find(fence);
    if (typeof lease === "string") return { ok: false, code: lease };
    if (lease.exclusive) return { ok: false, code: "INVALID_ARGUMENT" };
    const unique = [...new Set(offsets)].sort((a, b) => a - b);
    if (unique.some((target) => !lease.held.has(target))) return { ok: false, code: "INVALID_ARGUMENT" };
    const deadLettered: number[] = [];
    for (const target of unique) if (this.giveBack(lease, target)) deadLettered.push(target);
    return { ok: true, value: { redeliverable: unique.length - deadLettered.length, deadLettered } };
  }

  renew(fence: { leaseId: number; epoch: number }, durationMs: number): NaiveOutcome {
    const lease = this.find(fence);
    if (typeof lease === "string") return { ok: false, code: lease };
    lease.expiresAtMs = this.clockMs + durationMs;
    return { ok: true, value: { expiresAtMs: lease.expiresAtMs } };
  }

  release(fence: { leaseId: number; epoch: number }): NaiveOutcome {
    const lease = this.find(fence);
    if (typeof lease === "string") return { ok: false, code: lease };
    return { ok: true, value: this.end(lease) };
  }
}

type Step =
  | { kind: "advance"; milliseconds: number }
  | { kind: "produce"; records: number }
  | { kind: "acquireShared"; member: number; maxRecords: number }
  | { kind: "acquireExclusive"; member: number }
  | { kind: "ackHeld"; lease: number; mask: number; extra: number[] }
  | { kind: "ackCumulative"; lease: number; cumulative: number; extra: number[] }
  | { kind: "nackHeld"; lease: number; mask: number }
  | { kind: "renew"; lease: number; durationMs: number }
  | { kind: "release"; lease: number }
  | { kind: "staleEpoch"; lease: number; cumulative: number };

const leasePick = fc.nat(50);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("advance" as const), milliseconds: fc.integer({ min: 0, max: 1_500 }) }),
  fc.record({ kind: fc.constant("produce" as const), records: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant("acquireShared" as const),
    member: fc.nat(3),
    maxRecords: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant("acquireExclusive" as const), member: fc.nat(3) }),
  fc.record({
    kind: fc.constant("ackHeld" as const),
    lease: leasePick,
    mask: fc.nat(31),
    extra: fc.array(fc.nat(30), { maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant("ackCumulative" as const),
    lease: leasePick,
    cumulative: fc.nat(40),
    extra: fc.array(fc.nat(40), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant("nackHeld" as const), lease: leasePick, mask: fc.nat(31) }),
  fc.record({
    kind: fc.constant("renew" as const),
    lease: leasePick,
    durationMs: fc.integer({ min: 100, max: 3_000 }),
  }),
  fc.record({ kind: fc.constant("release" as const), lease: leasePick }),
  fc.record({ kind: fc.constant("staleEpoch" as const), lease: leasePick, cumulative: fc.nat(40) }),
);

interface Run {
  readonly driver: ProgressDriver;
  readonly model: NaiveProgress;
  readonly grants: Array<{ leaseId: number; epoch: number }>;
  readonly durationMs: number;
  logEnd: number;
}

function fenceOf(grant: { leaseId: number; epoch: number }): LeaseFence {
  return { leaseId: grant.leaseId as LeaseId, epoch: grant.epoch as LeaseEpoch };
}

function heldSubset(model: NaiveProgress, leaseId: number | undefined, mask: number): number[] {
  const held = [...(model.leases.find((lease) => lease.id === leaseId)?.held ?? [])].sort((a, b) => a - b);
  const chosen = held.filter((_, index) => ((mask >> index) & 1) === 1);
  return chosen.length > 0 ? chosen : held.slice(0, 1);
}

/** Applies one step to both; returns the real result and the model's outcome. */
function applyStep(run: Run, next: Step): [ProgressResult<unknown>, NaiveOutcome] {
  const { driver, model } = run;
  const grant =
    run.grants.length === 0 ? undefined : run.grants[("lease" in next ? next.lease : 0) % run.grants.length];
  const fence = grant ?? { leaseId: 999, epoch: 1 };
  model.advance(driver.nowMs);
  switch (next.kind) {
    case "advance":
    case "produce":
      return [driver.advance(0), { ok: true, value: { clockMs: model.clockMs } }];
    case "acquireShared":
      return [
        driver.acquireShared(`m${next.member}`, next.maxRecords, run.logEnd, run.durationMs),
        model.acquireShared(next.member, next.maxRecords, run.logEnd, run.durationMs),
      ];
    case "acquireExclusive":
      return [
        driver.acquireExclusive(`m${next.member}`, run.durationMs),
        model.acquireExclusive(next.member, run.durationMs),
      ];
    case "ackHeld": {
      const offsets = [...heldSubset(model, grant?.leaseId, next.mask), ...next.extra];
      return [driver.ack(fenceOf(fence), offsets), model.ack(fence, offsets)];
    }
    case "ackCumulative":
      return [
        driver.ack(fenceOf(fence), next.extra, next.cumulative),
        model.ack(fence, next.extra, next.cumulative),
      ];
    case "nackHeld": {
      const offsets = heldSubset(model, grant?.leaseId, next.mask);
      return [driver.nack(fenceOf(fence), offsets), model.nack(fence, offsets)];
    }
    case "renew":
      return [driver.renew(fenceOf(fence), next.durationMs), model.renew(fence, next.durationMs)];
    case "release":
      return [driver.release(fenceOf(fence)), model.release(fence)];
    case "staleEpoch": {
      const stale = { leaseId: fence.leaseId, epoch: fence.epoch + 1 };
      return [driver.ack(fenceOf(stale), [], next.cumulative), model.ack(stale, [], next.cumulative)];
    }
  }
}

function moveClock(run: Run, next: Step): void {
  if (next.kind === "advance") run.driver.nowMs += next.milliseconds;
  if (next.kind === "produce") run.logEnd += next.records;
}

/** The comparable part of a real success value, shaped like the model's. */
function comparable(next: Step, value: unknown): unknown {
  if (next.kind !== "acquireShared" && next.kind !== "acquireExclusive") return value;
  const lease = (value as { lease: { leaseId: number; epoch: number; records: unknown[] } | null }).lease;
  return lease === null ? null : { leaseId: lease.leaseId, epoch: lease.epoch, records: lease.records };
}

describe("the state machine against a naive model", () => {
  it("agrees on every result, never settles twice, never moves progress when rejecting, never goes back", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 500, max: 3_000 }),
        fc.array(step, { minLength: 1, maxLength: 120 }),
        (deadLetterAfter, durationMs, steps) => {
          const driver = new ProgressDriver(
            new ProgressStateMachine({ deadLetterAfterDeliveries: deadLetterAfter }),
          );
          const run: Run = {
            driver,
            model: new NaiveProgress(deadLetterAfter),
            grants: [],
            durationMs,
            logEnd: 8,
          };
          driver.apply({
            type: "ResetOffsets",
            nowMs: driver.nowMs,
            group: driver.group,
            offsets: [{ topic: driver.topic, partition: driver.partition, offset: offset(0) }],
          });
          let settledCount = 0;
          let watermark = 0;
          for (const next of steps) {
            moveClock(run, next);
            const before = driver.machine.snapshot();
            const [real, naive] = applyStep(run, next);
            expect(real.ok ? { ok: true } : { ok: false, code: real.error.code }).toEqual(
              naive.ok ? { ok: true } : { ok: false, code: naive.code },
            );
            if (real.ok && naive.ok) expect(comparable(next, real.value)).toEqual(naive.value);
            if (real.ok && (next.kind === "acquireShared" || next.kind === "acquireExclusive")) {
              const lease = (real.value as { lease: { leaseId: number; epoch: number } | null }).lease;
              if (lease !== null) run.grants.push({ leaseId: lease.leaseId, epoch: lease.epoch });
            }
            if (real.ok && (next.kind === "ackHeld" || next.kind === "ackCumulative")) {
              settledCount += (real.value as { newlySettled: number }).newlySettled;
            }
            if (!real.ok) {
              // A rejected command changes nothing but the clock (and what the clock expires).
              const shadow = new ProgressStateMachine({ deadLetterAfterDeliveries: deadLetterAfter });
              shadow.restore(before);
              shadow.apply({ type: "AdvanceClock", nowMs: driver.nowMs });
              expect(driver.machine.snapshot()).toEqual(shadow.snapshot());
            }
            const view = driver.partitionView();
            expect(view?.committedOffset).toBe(run.model.floor());
            expect(view?.settledAbove).toEqual(
              [...run.model.settled].filter((o) => o > run.model.floor()).sort((a, b) => a - b),
            );
            expect(view?.committedOffset ?? 0).toBeGreaterThanOrEqual(watermark);
            watermark = view?.committedOffset ?? 0;
            // Each settled offset was counted exactly once: by an ack or by the dead-letter rule.
            expect(settledCount + (view?.deadLetteredTotal ?? 0)).toBe(
              watermark + (view?.settledAbove.length ?? 0),
            );
          }
        },
      ),
      { seed: 9_003, numRuns: 80 },
    );
  });

  it("hands an expired lease's unacked records out again, each with one more delivery", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.nat(1023), (taken, ackMask) => {
        const driver = new ProgressDriver();
        const first = driver.acquireShared("crashing", taken, 20, 1_000);
        if (!first.ok || first.value.lease === null) throw new Error("expected a lease");
        const lease = first.value.lease;
        const acked = lease.records
          .map((record) => record.offset)
          .filter((_, index) => ((ackMask >> index) & 1) === 1);
        driver.ack(lease, acked);
        driver.advance(1_000);
        const redelivered: unknown[] = [];
        for (let attempt = 0; attempt < 20; attempt++) {
          const again = driver.acquireShared(`survivor${attempt}`, 20, 20);
          if (!again.ok || again.value.lease === null) break;
          redelivered.push(...again.value.lease.records);
        }
        const unacked = lease.records.map((record) => record.offset).filter((o) => !acked.includes(o));
        for (const missing of unacked) {
          expect(redelivered).toContainEqual({ offset: missing, deliveryCount: 2 });
        }
      }),
      { seed: 9_004, numRuns: 100 },
    );
  });
});
