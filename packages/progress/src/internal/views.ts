import type { Offset } from "@helixlog/core";
import type {
  DeliveredRecord,
  FetchedOffset,
  GroupDescription,
  GroupListing,
  LeaseDescription,
  LeaseGrant,
  PartitionDescription,
  TopicPartition,
} from "../commands.js";
import type { GroupProgress } from "./group-progress.js";
import type { Lease, PartitionProgress } from "./partition-progress.js";

/** Read-only views of the internal state: plain, sorted, detached objects that callers may keep. */

export function fetchedOffset(
  target: TopicPartition,
  progress: PartitionProgress | undefined,
): FetchedOffset {
  return {
    topic: target.topic,
    partition: target.partition,
    committedOffset: progress === undefined ? null : (progress.committedOffset as Offset),
    metadata: progress?.metadata ?? "",
  };
}

export function describeLeaseGrant(
  progress: PartitionProgress,
  lease: Lease,
  offsets: readonly number[],
): LeaseGrant {
  const records: DeliveredRecord[] = offsets.map((offset) => ({
    offset: offset as Offset,
    deliveryCount: progress.deliveries.get(offset)?.count ?? 0,
  }));
  return {
    topic: progress.topic,
    partition: progress.partition,
    leaseId: lease.id,
    epoch: lease.epoch,
    mode: lease.mode,
    memberId: lease.memberId,
    expiresAtMs: lease.expiresAtMs,
    committedOffset: progress.committedOffset as Offset,
    records,
  };
}

function describeLease(progress: PartitionProgress, lease: Lease): LeaseDescription {
  return {
    topic: progress.topic,
    partition: progress.partition,
    leaseId: lease.id,
    epoch: lease.epoch,
    mode: lease.mode,
    memberId: lease.memberId,
    grantedAtMs: lease.grantedAtMs,
    expiresAtMs: lease.expiresAtMs,
    heldOffsets: ascending(lease.held) as Offset[],
  };
}

export function describePartition(progress: PartitionProgress): PartitionDescription {
  const leases = [...progress.leases.values()].sort((a, b) => a.id - b.id);
  return {
    topic: progress.topic,
    partition: progress.partition,
    committedOffset: progress.committedOffset as Offset,
    metadata: progress.metadata,
    committedAtMs: progress.committedAtMs,
    leaseEpoch: progress.leaseEpoch,
    settledAbove: [...progress.settled.offsets()] as Offset[],
    deliveries: ascending(progress.deliveries.keys()).map((offset) => ({
      offset: offset as Offset,
      deliveryCount: progress.deliveries.get(offset)?.count ?? 0,
    })),
    leases: leases.map((lease) => describeLease(progress, lease)),
    deadLetteredTotal: progress.deadLetteredTotal,
    recentDeadLetters: [...progress.recentDeadLetters] as Offset[],
  };
}

export function describeGroup(
  group: GroupProgress,
  partitions: readonly PartitionProgress[],
): GroupDescription {
  const generation = group.generation;
  return {
    group: group.id,
    generation: generation === null ? null : { ...generation, members: [...generation.members] },
    deadLetterAfterDeliveries: group.deadLetterAfterDeliveries,
    partitions: partitions.map(describePartition),
  };
}

export function listGroup(group: GroupProgress): GroupListing {
  return {
    group: group.id,
    partitions: group.partitions.size,
    liveLeases: group.liveLeaseCount(),
    members: group.generation?.members.length ?? 0,
  };
}

function ascending(values: Iterable<number>): number[] {
  return [...values].sort((a, b) => a - b);
}
