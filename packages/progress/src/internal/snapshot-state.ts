import { type LeaseId, limits, type PartitionId, partitionId, type TopicId, topicId } from "@helixlog/core";
import type { KafkaGeneration, LeaseMode } from "../commands.js";
import type { ConsumerGroupId, LeaseEpoch, MemberId } from "../names.js";
import { OffsetBitmap } from "../offset-bitmap.js";
import { GroupProgress, partitionKey } from "./group-progress.js";
import { type Lease, PartitionProgress } from "./partition-progress.js";
import { corrupt } from "./snapshot-codec.js";

/**
 * The state as plain JSON-able data, in a canonical order (groups by id, partitions by topic and index,
 * leases by id, deliveries by offset), so equal states snapshot to equal bytes on every replica. Leases do
 * not list their records: a delivery names its holder, and the holder's set is rebuilt from that.
 */

export interface StateParts {
  readonly clockMs: number;
  readonly nextLeaseId: number;
  readonly groups: readonly GroupProgress[];
}

interface SnapshotLease {
  readonly id: number;
  readonly epoch: number;
  readonly mode: LeaseMode;
  readonly memberId: string;
  readonly grantedAtMs: number;
  readonly expiresAtMs: number;
}

interface SnapshotPartition {
  readonly topic: string;
  readonly partition: number;
  readonly floor: number;
  /** Settled offsets above the floor as [start, length] runs. */
  readonly settledRuns: Array<[number, number]>;
  readonly metadata: string;
  readonly committedAtMs: number;
  readonly leaseEpoch: number;
  /** [offset, delivery count, holding lease id or 0]. */
  readonly deliveries: Array<[number, number, number]>;
  readonly leases: SnapshotLease[];
  readonly deadLetteredTotal: number;
  readonly recentDeadLetters: number[];
}

interface SnapshotGroup {
  readonly id: string;
  readonly deadLetterAfterDeliveries: number;
  readonly generation: KafkaGeneration | null;
  readonly partitions: SnapshotPartition[];
}

interface SnapshotState {
  readonly clockMs: number;
  readonly nextLeaseId: number;
  readonly groups: SnapshotGroup[];
}

export function toSnapshotState(parts: StateParts): SnapshotState {
  const groups = [...parts.groups].sort((a, b) => compare(a.id, b.id));
  return { clockMs: parts.clockMs, nextLeaseId: parts.nextLeaseId, groups: groups.map(toSnapshotGroup) };
}

function toSnapshotGroup(group: GroupProgress): SnapshotGroup {
  const partitions = [...group.partitions.values()].sort(
    (a, b) => compare(a.topic, b.topic) || a.partition - b.partition,
  );
  return {
    id: group.id,
    deadLetterAfterDeliveries: group.deadLetterAfterDeliveries,
    generation: group.generation,
    partitions: partitions.map(toSnapshotPartition),
  };
}

function toSnapshotPartition(progress: PartitionProgress): SnapshotPartition {
  const deliveries = [...progress.deliveries.entries()].sort((a, b) => a[0] - b[0]);
  const leases = [...progress.leases.values()].sort((a, b) => a.id - b.id);
  return {
    topic: progress.topic,
    partition: progress.partition,
    floor: progress.settled.floor,
    settledRuns: progress.settled.runs(),
    metadata: progress.metadata,
    committedAtMs: progress.committedAtMs,
    leaseEpoch: progress.leaseEpoch,
    deliveries: deliveries.map(([offset, delivery]) => [offset, delivery.count, delivery.holder ?? 0]),
    leases: leases.map(({ held: _held, ...lease }) => lease),
    deadLetteredTotal: progress.deadLetteredTotal,
    recentDeadLetters: [...progress.recentDeadLetters],
  };
}

/** Rebuilds the state from a decoded payload, checking its shape; throws CORRUPT_DATA when it is wrong. */
export function fromSnapshotState(raw: unknown): StateParts {
  const state = record(raw, "state");
  const groups = array(state.groups, "groups").map(fromSnapshotGroup);
  if (groups.length > limits.progressGroupsMax) corrupt("too many groups");
  return {
    clockMs: integer(state.clockMs, "clockMs"),
    nextLeaseId: integer(state.nextLeaseId, "nextLeaseId"),
    groups,
  };
}

function fromSnapshotGroup(raw: unknown): GroupProgress {
  const fields = record(raw, "group");
  const group = new GroupProgress(
    text(fields.id, "group id") as ConsumerGroupId,
    integer(fields.deadLetterAfterDeliveries, "deadLetterAfterDeliveries"),
  );
  group.generation = fields.generation === null ? null : fromGeneration(fields.generation);
  for (const partitionRaw of array(fields.partitions, "partitions")) {
    const progress = fromSnapshotPartition(partitionRaw);
    group.partitions.set(partitionKey(progress.topic, progress.partition), progress);
  }
  return group;
}

function fromGeneration(raw: unknown): KafkaGeneration {
  const fields = record(raw, "generation");
  const leader = fields.leaderMemberId;
  return {
    generationId: integer(fields.generationId, "generationId"),
    protocolType: text(fields.protocolType, "protocolType"),
    protocolName: text(fields.protocolName, "protocolName"),
    leaderMemberId: leader === null ? null : (text(leader, "leaderMemberId") as MemberId),
    members: array(fields.members, "members").map((member) => text(member, "member") as MemberId),
  };
}

function fromSnapshotPartition(raw: unknown): PartitionProgress {
  const fields = record(raw, "partition");
  const progress = new PartitionProgress(
    brand(() => topicId(text(fields.topic, "topic"))),
    brand(() => partitionId(integer(fields.partition, "partition"))),
    0,
  );
  const runs = array(fields.settledRuns, "settledRuns").map((run) => pair(run, "settled run"));
  progress.settled = OffsetBitmap.fromRuns(integer(fields.floor, "floor"), runs);
  progress.metadata = text(fields.metadata, "metadata");
  progress.committedAtMs = integer(fields.committedAtMs, "committedAtMs");
  progress.leaseEpoch = integer(fields.leaseEpoch, "leaseEpoch");
  progress.deadLetteredTotal = integer(fields.deadLetteredTotal, "deadLetteredTotal");
  for (const offset of array(fields.recentDeadLetters, "recentDeadLetters")) {
    progress.recentDeadLetters.push(integer(offset, "dead letter"));
  }
  for (const leaseRaw of array(fields.leases, "leases")) {
    const lease = fromSnapshotLease(leaseRaw);
    progress.leases.set(lease.id, lease);
  }
  for (const deliveryRaw of array(fields.deliveries, "deliveries")) restoreDelivery(progress, deliveryRaw);
  return progress;
}

function fromSnapshotLease(raw: unknown): Lease {
  const fields = record(raw, "lease");
  const mode = fields.mode;
  if (mode !== "exclusive" && mode !== "shared") corrupt(`lease mode ${String(mode)}`);
  return {
    id: integer(fields.id, "lease id") as LeaseId,
    epoch: integer(fields.epoch, "lease epoch") as LeaseEpoch,
    mode,
    memberId: text(fields.memberId, "lease member") as MemberId,
    grantedAtMs: integer(fields.grantedAtMs, "grantedAtMs"),
    expiresAtMs: integer(fields.expiresAtMs, "expiresAtMs"),
    held: new Set(),
  };
}

function restoreDelivery(progress: PartitionProgress, raw: unknown): void {
  const entry = array(raw, "delivery");
  const offset = integer(entry[0], "delivery offset");
  const count = integer(entry[1], "delivery count");
  const holderId = integer(entry[2], "delivery holder");
  if (progress.settled.has(offset)) corrupt(`delivery of settled offset ${offset}`);
  const holder = holderId === 0 ? undefined : progress.leases.get(holderId as LeaseId);
  if (holderId !== 0 && holder === undefined) corrupt(`delivery held by unknown lease ${holderId}`);
  holder?.held.add(offset);
  progress.deliveries.set(offset, { count, holder: holder?.id ?? null });
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    corrupt(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) corrupt(`${what} is not an array`);
  return value;
}

function integer(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    corrupt(`${what} is not a count`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== "string") corrupt(`${what} is not a string`);
  return value;
}

function pair(value: unknown, what: string): [number, number] {
  const entry = array(value, what);
  return [integer(entry[0], what), integer(entry[1], what)];
}

/** Runs a core branding constructor, turning its INVALID_ARGUMENT into CORRUPT_DATA. */
function brand<Branded extends TopicId | PartitionId>(make: () => Branded): Branded {
  try {
    return make();
  } catch (cause) {
    return corrupt(`bad identifier (${String(cause)})`);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
