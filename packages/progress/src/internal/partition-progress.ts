import { assert, type LeaseId, limits, type PartitionId, type TopicId } from "@helixlog/core";
import type { LeaseMode } from "../commands.js";
import type { LeaseEpoch, MemberId } from "../names.js";
import { OffsetBitmap } from "../offset-bitmap.js";

/** A live lease. Leases leave the partition when released or when their expiry is processed. */
export interface Lease {
  readonly id: LeaseId;
  readonly epoch: LeaseEpoch;
  readonly mode: LeaseMode;
  readonly memberId: MemberId;
  readonly grantedAtMs: number;
  expiresAtMs: number;
  /** Offsets this lease holds (shared leases only); each has a delivery whose holder is this lease. */
  readonly held: Set<number>;
}

/** An unsettled record that was handed out at least once. */
export interface Delivery {
  /** Times the record was handed out; the dead-letter rule compares it with the group's threshold. */
  count: number;
  /** The lease the record is invisible under, or null when it is visible again. */
  holder: LeaseId | null;
}

export type ReturnOutcome = "redeliverable" | "dead-lettered";

/**
 * The progress of one consumer group on one partition: the low watermark and the settled offsets above it,
 * the live leases, and the delivery counts of records handed out but not yet settled.
 */
export class PartitionProgress {
  /** Its floor is the committed offset (low watermark); every delivery and held offset is at or above it. */
  settled: OffsetBitmap;
  metadata = "";
  committedAtMs = 0;
  /** The last epoch granted here; grows on every grant and is never reused, even after a rewind. */
  leaseEpoch = 0;
  readonly leases = new Map<LeaseId, Lease>();
  /** Keyed by offset; only unsettled offsets in [floor, floor + ack span). */
  readonly deliveries = new Map<number, Delivery>();
  /** Most recent dead-lettered offsets, oldest first, at most progressDeadLettersRetainedMax. */
  readonly recentDeadLetters: number[] = [];
  deadLetteredTotal = 0;

  constructor(
    readonly topic: TopicId,
    readonly partition: PartitionId,
    floor: number,
  ) {
    this.settled = new OffsetBitmap(floor);
  }

  get committedOffset(): number {
    return this.settled.floor;
  }

  /** The first offset past the ack span: nothing at or above it may be settled individually or handed out. */
  get spanEnd(): number {
    return this.settled.floor + limits.progressAckSpanOffsetsMax;
  }

  exclusiveLease(): Lease | undefined {
    for (const lease of this.leases.values()) if (lease.mode === "exclusive") return lease;
    return undefined;
  }

  hasSharedLeases(): boolean {
    for (const lease of this.leases.values()) if (lease.mode === "shared") return true;
    return false;
  }

  /** True when the record may be handed out: not settled and not invisible under a lease. */
  isAvailable(offset: number): boolean {
    return !this.settled.has(offset) && (this.deliveries.get(offset)?.holder ?? null) === null;
  }

  /**
   * The records a new shared lease would get: the first available offset, then the available offsets that
   * follow it without a gap, up to `maxRecords`, below the log end and inside the ack span.
   */
  availableRun(maxRecords: number, logEndOffset: number): number[] {
    const end = Math.min(logEndOffset, this.spanEnd);
    let offset = this.settled.floor;
    while (offset < end && !this.isAvailable(offset)) offset++;
    const run: number[] = [];
    while (offset < end && run.length < maxRecords && this.isAvailable(offset)) run.push(offset++);
    return run;
  }

  /** Makes `offsets` invisible under `lease` and counts one more delivery of each. */
  handOut(lease: Lease, offsets: readonly number[]): void {
    for (const offset of offsets) {
      assert(this.isAvailable(offset), () => `offset ${offset} handed out twice`);
      const delivery = this.deliveries.get(offset) ?? { count: 0, holder: null };
      delivery.count++;
      delivery.holder = lease.id;
      this.deliveries.set(offset, delivery);
      lease.held.add(offset);
    }
  }

  /** Settles one offset; false when it was already settled. */
  settle(offset: number): boolean {
    if (this.settled.has(offset)) return false;
    this.forgetDelivery(offset);
    return this.settled.add(offset);
  }

  /** Settles everything below `offset` (a cumulative ack); returns how many offsets became settled. */
  settleBelow(offset: number): number {
    for (const delivered of [...this.deliveries.keys()]) {
      if (delivered < offset) this.forgetDelivery(delivered);
    }
    return this.settled.settleBelow(offset);
  }

  /** Moves the watermark to `offset` in either direction, forgetting everything above it (commit or reset). */
  setCommittedOffset(offset: number): void {
    if (offset >= this.settled.floor) {
      this.settleBelow(offset);
      return;
    }
    assert(!this.hasSharedLeases(), "a rewind must not strand records held by shared leases");
    this.deliveries.clear();
    this.settled = new OffsetBitmap(offset);
  }

  /**
   * Makes a held record visible again, or dead-letters it when it has been delivered as often as the
   * group allows.
   */
  returnRecord(lease: Lease, offset: number, deadLetterAfterDeliveries: number): ReturnOutcome {
    const delivery = this.deliveries.get(offset);
    assert(
      delivery !== undefined && delivery.holder === lease.id,
      () => `offset ${offset} not held by lease`,
    );
    delivery.holder = null;
    lease.held.delete(offset);
    if (delivery.count < deadLetterAfterDeliveries) return "redeliverable";
    this.deadLetter(offset);
    return "dead-lettered";
  }

  /** Ends a lease (release or expiry), returning every record it still holds; dead-lettered offsets ascending. */
  endLease(
    lease: Lease,
    deadLetterAfterDeliveries: number,
  ): { redeliverable: number; deadLettered: number[] } {
    const deadLettered: number[] = [];
    let redeliverable = 0;
    for (const offset of [...lease.held].sort((a, b) => a - b)) {
      if (this.returnRecord(lease, offset, deadLetterAfterDeliveries) === "redeliverable") redeliverable++;
      else deadLettered.push(offset);
    }
    this.leases.delete(lease.id);
    return { redeliverable, deadLettered };
  }

  private deadLetter(offset: number): void {
    const settledNow = this.settle(offset);
    assert(settledNow, () => `dead-lettered offset ${offset} was already settled`);
    this.deadLetteredTotal++;
    this.recentDeadLetters.push(offset);
    if (this.recentDeadLetters.length > limits.progressDeadLettersRetainedMax) this.recentDeadLetters.shift();
  }

  /** Drops the delivery record of an offset about to be settled, releasing it from its holder. */
  private forgetDelivery(offset: number): void {
    const delivery = this.deliveries.get(offset);
    if (delivery === undefined) return;
    if (delivery.holder !== null) this.leases.get(delivery.holder)?.held.delete(offset);
    this.deliveries.delete(offset);
  }

  /** Checks the structural invariants; tests and the simulator call it after every command. */
  checkInvariants(clockMs: number): void {
    const floor = this.settled.floor;
    let exclusive = 0;
    for (const lease of this.leases.values()) {
      assert(lease.expiresAtMs > clockMs, () => `lease ${lease.id} outlived its expiry`);
      assert(lease.epoch <= this.leaseEpoch, "a lease epoch is above the partition's epoch");
      if (lease.mode === "exclusive") exclusive++;
      for (const offset of lease.held) {
        assert(
          this.deliveries.get(offset)?.holder === lease.id,
          () => `held offset ${offset} has no delivery`,
        );
      }
    }
    assert(exclusive === 0 || this.leases.size === 1, "an exclusive lease must be the only live lease");
    for (const [offset, delivery] of this.deliveries) {
      assert(offset >= floor && !this.settled.has(offset), () => `delivery of settled offset ${offset}`);
      assert(delivery.count >= 1, "a delivery counts at least one hand-out");
      if (delivery.holder !== null)
        assert(this.leases.get(delivery.holder)?.held.has(offset), "orphan holder");
    }
  }
}
