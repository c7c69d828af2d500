/** Limits of consumer progress: offsets, leases and acks (package `progress`). */
import { assert } from "../assert.js";

/**
 * Consumer groups one progress state machine holds. The whole state is snapshotted in one piece, so this
 * bounds snapshot size and the cost of ListGroups; groups are spread over several progress Raft groups by
 * hash of the group id (DESIGN.md §2), so the cluster-wide number is this times the progress group count.
 */
export const progressGroupsMax = 10_000;

/**
 * Partitions one consumer group tracks. Covers a group consuming a few hundred topics of dozens of
 * partitions each; bounds DescribeGroup and FetchOffsets-all answers.
 */
export const progressPartitionsPerGroupMax = 10_000;

/**
 * Members a Kafka classic group generation may record. Kafka's `group.max.size` is unbounded by default;
 * a thousand consumers in one group is already far past any partition count they could share usefully.
 */
export const progressMembersPerGroupMax = 1_000;

/** Characters of a consumer group id or member id: bounds every key held in memory and in the snapshot. */
export const progressNameLengthMax = 1_024;

/** Bytes (UTF-16 code units) of commit metadata, as Kafka's `offset.metadata.max.bytes` default. */
export const progressCommitMetadataLengthMax = 4_096;

/** Offsets one CommitOffsets, FetchOffsets or ResetOffsets command may name: bounds the work of one command. */
export const progressOffsetsPerCommandMax = 10_000;

/** Offsets one Ack or Nack command may name individually: bounds the work of one command. */
export const progressAcksPerCommandMax = 10_000;

/**
 * Live leases on one (group, partition). Shared leases let many consumers work one partition; beyond a
 * thousand concurrent holders the partition is the bottleneck, not the consumers.
 */
export const progressLeasesPerPartitionMax = 1_000;

/** Live leases in one progress state machine: bounds the expiry queue and the lease index. */
export const progressLeasesMax = 100_000;

/**
 * Records one shared lease may hand out. Bounds the work of granting, expiring and nacking one lease, and
 * the answer that lists the handed-out offsets.
 */
export const progressLeaseRecordsMax = 10_000;

/**
 * Offsets above the low watermark that may be individually acknowledged or in flight: the span of the
 * ack bitmap. 65,536 offsets cost 8 KiB of bitmap per partition; a consumer that leaves a record unacked
 * this far behind must ack it, nack it or let the dead-letter rule settle it before getting more.
 */
export const progressAckSpanOffsetsMax = 65_536;

/** Shortest lease: shorter than a couple of network round trips and a consumer could never renew in time. */
export const progressLeaseDurationMsMin = 100;

/**
 * Longest lease. A crashed holder's records stay invisible this long, so it bounds redelivery delay after a
 * crash; Kafka's `max.poll.interval.ms` default is five minutes, and this allows six times that.
 */
export const progressLeaseDurationMsMax = 30 * 60 * 1000;

/**
 * Largest configurable dead-letter threshold (deliveries of one record before it is dead-lettered).
 * Delivery counts are kept per in-flight record; a record redelivered a thousand times is poison.
 */
export const progressDeliveriesMax = 1_000;

/** Dead-lettered offsets remembered per (group, partition) for DescribeGroup and the server's DLQ publisher. */
export const progressDeadLettersRetainedMax = 1_000;

// A single shared lease must fit inside the ack span, or its records could never all be tracked.
assert(progressLeaseRecordsMax <= progressAckSpanOffsetsMax, "a shared lease must fit in the ack span");
assert(progressLeaseDurationMsMin < progressLeaseDurationMsMax, "lease duration bounds must form a range");

/**
 * Replicas of each progress Raft group: the first min(this, cluster size) controller voters in a rotation
 * per group (server/src/node/progress). Three survive one failure, as Kafka's `offsets.topic.replication.factor`.
 */
export const progressGroupReplicasMax = 3;

/**
 * Ticks between the AdvanceClock commands a progress group's leader proposes while leases are live, so they
 * expire on the replicated clock without other traffic. Five 100 ms ticks: a lease expires at most about
 * half a second late, at two small entries per second per busy progress group.
 */
export const progressClockAdvanceTicks = 5;

/**
 * Progress commands a node keeps in flight per progress group (proposed, not yet applied): bounds the
 * waiters a slow or partitioned group can accumulate; beyond it the node answers RESOURCE_EXHAUSTED.
 */
export const progressProposalsInFlightMax = 10_000;

assert(progressGroupReplicasMax >= 1, "a progress group has at least one replica");
assert(progressClockAdvanceTicks >= 1, "the clock advances at most once per tick");
