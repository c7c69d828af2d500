import { type Offset, offset, partitionId, type TopicId, topicId } from "@helixlog/core";
import type {
  LeaseFence,
  LeaseGrant,
  OffsetCommit,
  PartitionDescription,
  ProgressCommand,
  ResultOf,
} from "../commands.js";
import { type ConsumerGroupId, consumerGroupId, memberId } from "../names.js";
import { ProgressStateMachine } from "../progress-state-machine.js";

/** Two fixed topics for tests. */
export const topicOne: TopicId = topicId("00000000-0000-4000-8000-000000000001");
export const topicTwo: TopicId = topicId("00000000-0000-4000-8000-000000000002");

/**
 * Drives a state machine for one group on one partition, the way the server would: it stamps each command
 * with the driver's clock (the leader's choice) and builds branded values. Tests read as transcripts.
 */
export class ProgressDriver {
  nowMs = 1_000;

  constructor(
    readonly machine: ProgressStateMachine = new ProgressStateMachine(),
    readonly group: ConsumerGroupId = consumerGroupId("orders"),
    readonly topic: TopicId = topicOne,
    readonly partition = partitionId(0),
  ) {}

  apply<Command extends ProgressCommand>(command: Command): ResultOf<Command> {
    const result = this.machine.apply(command);
    this.machine.checkInvariants();
    return result;
  }

  advance(milliseconds: number) {
    this.nowMs += milliseconds;
    return this.apply({ type: "AdvanceClock", nowMs: this.nowMs });
  }

  acquireShared(member: string, maxRecords: number, logEndOffset: number, durationMs = 10_000) {
    return this.apply({
      type: "AcquireLease",
      nowMs: this.nowMs,
      group: this.group,
      memberId: memberId(member),
      topic: this.topic,
      partition: this.partition,
      mode: "shared",
      durationMs,
      initialOffset: offset(0),
      maxRecords,
      logEndOffset: offset(logEndOffset),
    });
  }

  acquireExclusive(member: string, durationMs = 10_000, initialOffset = 0) {
    return this.apply({
      type: "AcquireLease",
      nowMs: this.nowMs,
      group: this.group,
      memberId: memberId(member),
      topic: this.topic,
      partition: this.partition,
      mode: "exclusive",
      durationMs,
      initialOffset: offset(initialOffset),
    });
  }

  ack(lease: LeaseFence, offsets: readonly number[], cumulative?: number) {
    return this.apply({
      type: "Ack",
      nowMs: this.nowMs,
      group: this.group,
      lease: fenceOf(lease),
      offsets: offsets.map(offset),
      ...(cumulative === undefined ? {} : { cumulative: offset(cumulative) }),
    });
  }

  nack(lease: LeaseFence, offsets: readonly number[]) {
    return this.apply({
      type: "Nack",
      nowMs: this.nowMs,
      group: this.group,
      lease: fenceOf(lease),
      offsets: offsets.map(offset),
    });
  }

  renew(lease: LeaseFence, durationMs = 10_000) {
    return this.apply({
      type: "RenewLease",
      nowMs: this.nowMs,
      group: this.group,
      lease: fenceOf(lease),
      durationMs,
    });
  }

  release(lease: LeaseFence) {
    return this.apply({ type: "ReleaseLease", nowMs: this.nowMs, group: this.group, lease: fenceOf(lease) });
  }

  commit(committed: number, options: { lease?: LeaseFence; metadata?: string } = {}) {
    const commit: OffsetCommit = {
      topic: this.topic,
      partition: this.partition,
      offset: offset(committed),
      metadata: options.metadata ?? "",
      ...(options.lease === undefined ? {} : { lease: fenceOf(options.lease) }),
    };
    return this.apply({ type: "CommitOffsets", nowMs: this.nowMs, group: this.group, offsets: [commit] });
  }

  /** The partition as DescribeGroup shows it, or undefined when the group does not track it. */
  partitionView(): PartitionDescription | undefined {
    const described = this.machine.query({ type: "DescribeGroup", nowMs: this.nowMs, group: this.group });
    if (!described.ok) return undefined;
    return described.value.partitions.find(
      (view) => view.topic === this.topic && view.partition === this.partition,
    );
  }

  committedOffset(): number | undefined {
    return this.partitionView()?.committedOffset;
  }
}

/** The fencing token of a grant (tests pass grants where commands want a fence). */
export function fenceOf(lease: LeaseFence | LeaseGrant): LeaseFence {
  return { leaseId: lease.leaseId, epoch: lease.epoch };
}

/** Unwraps a successful result, failing the test with the error otherwise. */
export function expectOk<Value>(result: { ok: true; value: Value } | { ok: false; error: Error }): Value {
  if (!result.ok) throw new Error(`expected success, got ${result.error.message}`);
  return result.value;
}

export function offsetsOf(grant: LeaseGrant | null): Offset[] {
  return grant === null ? [] : grant.records.map((record) => record.offset);
}
