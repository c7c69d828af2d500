import type { HelixError, LeaseId, Offset, PartitionId, TopicId } from "@helixlog/core";
import type { ConsumerGroupId, LeaseEpoch, MemberId } from "./names.js";

/**
 * The commands of the progress state machine and what each returns. Commands are proposed through Raft and
 * applied in log order on every replica, so each carries `nowMs`, the replicated clock chosen by the leader
 * when it proposed the command; the state machine never reads a clock of its own.
 */

export interface TopicPartition {
  readonly topic: TopicId;
  readonly partition: PartitionId;
}

interface CommandBase {
  /**
   * Milliseconds on the replicated clock, chosen by the leader. A value below the clock already applied
   * (a new leader whose clock lags) is treated as "no time passed": the replicated clock never goes back.
   */
  readonly nowMs: number;
}

/** Names a lease and the epoch it was granted with; both must match a live lease. */
export interface LeaseFence {
  readonly leaseId: LeaseId;
  readonly epoch: LeaseEpoch;
}

/** A Kafka classic group member committing within its generation. */
export interface GenerationFence {
  readonly generationId: number;
  readonly memberId: MemberId;
}

export type LeaseMode = "exclusive" | "shared";

export interface OffsetCommit extends TopicPartition {
  /** Kafka semantics: the next offset to consume; everything below is done. */
  readonly offset: Offset;
  readonly metadata: string;
  /** Required when the partition is leased exclusively: the commit must come from the holder. */
  readonly lease?: LeaseFence;
}

/** Kafka OffsetCommit: sets committed offsets (a lower offset rewinds, as in Kafka). */
export interface CommitOffsetsCommand extends CommandBase {
  readonly type: "CommitOffsets";
  readonly group: ConsumerGroupId;
  /** Present for members of a Kafka classic group; absent for standalone and lease-holding consumers. */
  readonly generation?: GenerationFence;
  readonly offsets: readonly OffsetCommit[];
}

/** Kafka OffsetFetch: committed offsets of the named partitions, or of every tracked partition. */
export interface FetchOffsetsCommand extends CommandBase {
  readonly type: "FetchOffsets";
  readonly group: ConsumerGroupId;
  readonly partitions?: readonly TopicPartition[];
}

interface AcquireLeaseBase extends CommandBase, TopicPartition {
  readonly type: "AcquireLease";
  readonly group: ConsumerGroupId;
  readonly memberId: MemberId;
  readonly durationMs: number;
  /** Where the group starts when it has no progress on this partition yet (the server resolves the reset policy). */
  readonly initialOffset: Offset;
}

/** A whole partition for one consumer: stream-style, the holder commits or acks cumulatively. */
export interface AcquireExclusiveLeaseCommand extends AcquireLeaseBase {
  readonly mode: "exclusive";
}

/** Up to `maxRecords` records handed to one consumer, invisible to others until acked, nacked or expired. */
export interface AcquireSharedLeaseCommand extends AcquireLeaseBase {
  readonly mode: "shared";
  readonly maxRecords: number;
  /** The partition's high watermark when the leader proposed the command: records at or above it do not exist yet. */
  readonly logEndOffset: Offset;
}

export type AcquireLeaseCommand = AcquireExclusiveLeaseCommand | AcquireSharedLeaseCommand;

export interface RenewLeaseCommand extends CommandBase {
  readonly type: "RenewLease";
  readonly group: ConsumerGroupId;
  readonly lease: LeaseFence;
  readonly durationMs: number;
}

/** Gives a lease back early; a shared lease's unacked records become visible at once. */
export interface ReleaseLeaseCommand extends CommandBase {
  readonly type: "ReleaseLease";
  readonly group: ConsumerGroupId;
  readonly lease: LeaseFence;
}

/**
 * Acknowledges records. `cumulative` (exclusive leases only) settles everything below it; `offsets` settles
 * individual offsets (an exclusive holder any offset in the ack span, a shared holder the records it holds).
 */
export interface AckCommand extends CommandBase {
  readonly type: "Ack";
  readonly group: ConsumerGroupId;
  readonly lease: LeaseFence;
  readonly cumulative?: Offset;
  readonly offsets: readonly Offset[];
}

/** Hands held records back for redelivery (or dead-lettering) before the lease expires. Shared leases only. */
export interface NackCommand extends CommandBase {
  readonly type: "Nack";
  readonly group: ConsumerGroupId;
  readonly lease: LeaseFence;
  readonly offsets: readonly Offset[];
}

export interface DescribeGroupCommand extends CommandBase {
  readonly type: "DescribeGroup";
  readonly group: ConsumerGroupId;
}

export interface ListGroupsCommand extends CommandBase {
  readonly type: "ListGroups";
}

/** Deletes a group's progress; refused while it has live leases or Kafka members (as Kafka's NON_EMPTY_GROUP). */
export interface DeleteGroupCommand extends CommandBase {
  readonly type: "DeleteGroup";
  readonly group: ConsumerGroupId;
}

export interface OffsetReset extends TopicPartition {
  readonly offset: Offset;
}

/**
 * Administrative reset to explicit offsets (the server resolves earliest, latest or a timestamp first).
 * Refused while the group has live leases or Kafka members, as `kafka-consumer-groups --reset-offsets`.
 */
export interface ResetOffsetsCommand extends CommandBase {
  readonly type: "ResetOffsets";
  readonly group: ConsumerGroupId;
  readonly offsets: readonly OffsetReset[];
}

/** Records a Kafka classic group's generation (written by the group coordinator after a rebalance). */
export interface StoreGenerationCommand extends CommandBase {
  readonly type: "StoreGeneration";
  readonly group: ConsumerGroupId;
  readonly generationId: number;
  readonly protocolType: string;
  readonly protocolName: string;
  readonly leaderMemberId: MemberId | null;
  readonly members: readonly MemberId[];
}

/** Sets the group's dead-letter rule: a record is dead-lettered after this many deliveries go unacked. */
export interface ConfigureGroupCommand extends CommandBase {
  readonly type: "ConfigureGroup";
  readonly group: ConsumerGroupId;
  readonly deadLetterAfterDeliveries: number;
}

/** Moves the replicated clock so leases expire without other traffic (the leader proposes it periodically). */
export interface AdvanceClockCommand extends CommandBase {
  readonly type: "AdvanceClock";
}

export type ProgressCommand =
  | CommitOffsetsCommand
  | FetchOffsetsCommand
  | AcquireLeaseCommand
  | RenewLeaseCommand
  | ReleaseLeaseCommand
  | AckCommand
  | NackCommand
  | DescribeGroupCommand
  | ListGroupsCommand
  | DeleteGroupCommand
  | ResetOffsetsCommand
  | StoreGenerationCommand
  | ConfigureGroupCommand
  | AdvanceClockCommand;

/** Commands that only read; the server may answer them after a ReadIndex instead of through the log. */
export type ProgressQuery = FetchOffsetsCommand | DescribeGroupCommand | ListGroupsCommand;

// ---------------------------------------------------------------------------------------------------
// Results

/** A typed success or a rejection; bad client input is answered here, never thrown. */
export type ProgressResult<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: HelixError };

export interface PartitionOutcome extends TopicPartition {
  /** Null when this partition's commit was applied. */
  readonly error: HelixError | null;
}

export interface CommitOffsetsValue {
  readonly partitions: readonly PartitionOutcome[];
}

export interface FetchedOffset extends TopicPartition {
  /** Null when the group has no progress on the partition (Kafka answers -1). */
  readonly committedOffset: Offset | null;
  readonly metadata: string;
}

export interface FetchOffsetsValue {
  readonly partitions: readonly FetchedOffset[];
}

export interface DeliveredRecord {
  readonly offset: Offset;
  /** 1 on first delivery; more means the record is being redelivered. */
  readonly deliveryCount: number;
}

export interface LeaseGrant extends TopicPartition {
  readonly leaseId: LeaseId;
  readonly epoch: LeaseEpoch;
  readonly mode: LeaseMode;
  readonly memberId: MemberId;
  readonly expiresAtMs: number;
  /** The low watermark when the lease was granted: where an exclusive holder starts reading. */
  readonly committedOffset: Offset;
  /** The records handed out (shared leases); empty for exclusive leases. */
  readonly records: readonly DeliveredRecord[];
}

export interface AcquireLeaseValue {
  /** Null when a shared lease found no record to hand out. */
  readonly lease: LeaseGrant | null;
}

export interface RenewLeaseValue {
  readonly expiresAtMs: number;
}

export interface ReturnedRecordsValue {
  /** Records that became visible again for redelivery. */
  readonly redeliverable: number;
  /** Records that reached the dead-letter rule instead and are now settled. */
  readonly deadLettered: readonly Offset[];
}

export interface AckValue {
  /** The low watermark after the ack: every offset below it is settled. */
  readonly committedOffset: Offset;
  /** Offsets that became settled through this ack (each offset is settled at most once, ever). */
  readonly newlySettled: number;
  /** Individually named offsets that were already settled. */
  readonly duplicates: readonly Offset[];
}

export interface LeaseDescription extends TopicPartition {
  readonly leaseId: LeaseId;
  readonly epoch: LeaseEpoch;
  readonly mode: LeaseMode;
  readonly memberId: MemberId;
  readonly grantedAtMs: number;
  readonly expiresAtMs: number;
  /** Records the lease holds (shared leases), ascending. */
  readonly heldOffsets: readonly Offset[];
}

export interface PartitionDescription extends TopicPartition {
  /** The low watermark: every offset below it is acked (or dead-lettered). */
  readonly committedOffset: Offset;
  readonly metadata: string;
  readonly committedAtMs: number;
  /** The last epoch granted on this partition (0 before any lease). */
  readonly leaseEpoch: number;
  /** Settled offsets above the watermark, ascending. */
  readonly settledAbove: readonly Offset[];
  /** Unsettled records delivered at least once, with their delivery counts, ascending by offset. */
  readonly deliveries: readonly DeliveredRecord[];
  readonly leases: readonly LeaseDescription[];
  readonly deadLetteredTotal: number;
  /** The most recent dead-lettered offsets, oldest first (bounded). */
  readonly recentDeadLetters: readonly Offset[];
}

export interface KafkaGeneration {
  readonly generationId: number;
  readonly protocolType: string;
  readonly protocolName: string;
  readonly leaderMemberId: MemberId | null;
  readonly members: readonly MemberId[];
}

export interface GroupDescription {
  readonly group: ConsumerGroupId;
  readonly generation: KafkaGeneration | null;
  readonly deadLetterAfterDeliveries: number;
  readonly partitions: readonly PartitionDescription[];
}

export interface GroupListing {
  readonly group: ConsumerGroupId;
  readonly partitions: number;
  readonly liveLeases: number;
  readonly members: number;
}

export interface ListGroupsValue {
  readonly groups: readonly GroupListing[];
}

export interface DeleteGroupValue {
  readonly deletedPartitions: number;
}

export interface ResetOffsetsValue {
  readonly partitions: number;
}

export interface StoreGenerationValue {
  readonly generationId: number;
}

export interface ConfigureGroupValue {
  readonly deadLetterAfterDeliveries: number;
}

export interface AdvanceClockValue {
  readonly clockMs: number;
}

/** What each command type returns on success. */
export interface ProgressResultValues {
  readonly CommitOffsets: CommitOffsetsValue;
  readonly FetchOffsets: FetchOffsetsValue;
  readonly AcquireLease: AcquireLeaseValue;
  readonly RenewLease: RenewLeaseValue;
  readonly ReleaseLease: ReturnedRecordsValue;
  readonly Ack: AckValue;
  readonly Nack: ReturnedRecordsValue;
  readonly DescribeGroup: GroupDescription;
  readonly ListGroups: ListGroupsValue;
  readonly DeleteGroup: DeleteGroupValue;
  readonly ResetOffsets: ResetOffsetsValue;
  readonly StoreGeneration: StoreGenerationValue;
  readonly ConfigureGroup: ConfigureGroupValue;
  readonly AdvanceClock: AdvanceClockValue;
}

export type ResultOf<Command extends ProgressCommand> = ProgressResult<ProgressResultValues[Command["type"]]>;
