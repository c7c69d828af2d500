import {
  assert,
  assertNever,
  type LeaseId,
  limits,
  type Offset,
  type PartitionId,
  type TopicId,
} from "@helixlog/core";
import type {
  AckCommand,
  AckValue,
  AcquireLeaseCommand,
  AcquireLeaseValue,
  AdvanceClockValue,
  CommitOffsetsCommand,
  CommitOffsetsValue,
  ConfigureGroupCommand,
  ConfigureGroupValue,
  DeleteGroupCommand,
  DeleteGroupValue,
  DescribeGroupCommand,
  FetchOffsetsCommand,
  FetchOffsetsValue,
  GroupDescription,
  LeaseFence,
  ListGroupsValue,
  NackCommand,
  OffsetCommit,
  ProgressCommand,
  ProgressQuery,
  ProgressResult,
  ReleaseLeaseCommand,
  RenewLeaseCommand,
  RenewLeaseValue,
  ResetOffsetsCommand,
  ResetOffsetsValue,
  ResultOf,
  ReturnedRecordsValue,
  StoreGenerationCommand,
  StoreGenerationValue,
} from "./commands.js";
import {
  defaultProgressConfig,
  isDeliveryLimit,
  type ProgressConfig,
  validateProgressConfig,
} from "./config.js";
import { GroupProgress, partitionKey } from "./internal/group-progress.js";
import { LeaseExpiryQueue } from "./internal/lease-expiry-queue.js";
import { type Lease, PartitionProgress } from "./internal/partition-progress.js";
import {
  accept,
  checkCount,
  checkDuration,
  checkText,
  type Rejected,
  type Rejection,
  reject,
} from "./internal/results.js";
import { decodeSnapshot, encodeSnapshot } from "./internal/snapshot-codec.js";
import { fromSnapshotState, type StateParts, toSnapshotState } from "./internal/snapshot-state.js";
import { describeGroup, describeLeaseGrant, fetchedOffset, listGroup } from "./internal/views.js";
import type { ConsumerGroupId, LeaseEpoch } from "./names.js";

/** Where a live lease lives. */
interface LeaseLocation {
  readonly group: GroupProgress;
  readonly progress: PartitionProgress;
}

interface ResolvedLease extends LeaseLocation {
  readonly lease: Lease;
}

/** Totals for metrics and `helix cluster status`. */
export interface ProgressSummary {
  readonly clockMs: number;
  readonly groups: number;
  readonly partitions: number;
  readonly liveLeases: number;
}

/**
 * Consumer progress as a deterministic state machine: offsets, leases with epochs (fencing), cumulative
 * and individual acks, redelivery and dead-lettering. Every replica applies the same commands in log order
 * and reaches the same state and the same results. Time is the `nowMs` of each command; leases due at that
 * time expire before the command itself is applied, so a command never sees an expired lease as live.
 */
export class ProgressStateMachine {
  /** The replicated clock: the largest `nowMs` applied; it never goes backwards. */
  private clockMs = 0;
  /** Lease ids are never reused, so an id at or above this was never granted. */
  private nextLeaseId = 1;
  /** At most progressGroupsMax groups. */
  private readonly groups = new Map<ConsumerGroupId, GroupProgress>();
  /** Every live lease; its size is at most progressLeasesMax. */
  private readonly leaseIndex = new Map<LeaseId, LeaseLocation>();
  /** Holds an entry for every live lease's current expiry, plus stale entries skipped when popped. */
  private readonly expiryQueue = new LeaseExpiryQueue();
  private readonly config: ProgressConfig;

  constructor(config: ProgressConfig = defaultProgressConfig) {
    this.config = validateProgressConfig(config);
  }

  /** Applies one committed command. Never throws on client input; a throw is our bug (an assertion). */
  apply<Command extends ProgressCommand>(command: Command): ResultOf<Command> {
    assert(
      Number.isSafeInteger(command.nowMs) && command.nowMs >= 0,
      () => `the leader must stamp commands with a clock in ms, got ${command.nowMs}`,
    );
    this.clockMs = Math.max(this.clockMs, command.nowMs);
    this.expireDueLeases();
    return this.dispatch(command) as ResultOf<Command>;
  }

  /** Answers a read without changing anything, for reads served after a ReadIndex instead of through the log. */
  query<Query extends ProgressQuery>(query: Query): ResultOf<Query> {
    return this.dispatchQuery(query) as ResultOf<Query>;
  }

  private dispatch(command: ProgressCommand): ProgressResult<unknown> {
    switch (command.type) {
      case "CommitOffsets":
        return this.onCommitOffsets(command);
      case "AcquireLease":
        return this.onAcquireLease(command);
      case "RenewLease":
        return this.onRenewLease(command);
      case "ReleaseLease":
        return this.onReleaseLease(command);
      case "Ack":
        return this.onAck(command);
      case "Nack":
        return this.onNack(command);
      case "DeleteGroup":
        return this.onDeleteGroup(command);
      case "ResetOffsets":
        return this.onResetOffsets(command);
      case "StoreGeneration":
        return this.onStoreGeneration(command);
      case "ConfigureGroup":
        return this.onConfigureGroup(command);
      case "AdvanceClock":
        return accept<AdvanceClockValue>({ clockMs: this.clockMs });
      case "FetchOffsets":
      case "DescribeGroup":
      case "ListGroups":
        return this.dispatchQuery(command);
      default:
        return assertNever(command, "progress command");
    }
  }

  private dispatchQuery(query: ProgressQuery): ProgressResult<unknown> {
    switch (query.type) {
      case "FetchOffsets":
        return this.onFetchOffsets(query);
      case "DescribeGroup":
        return this.onDescribeGroup(query);
      case "ListGroups":
        return this.onListGroups();
      default:
        return assertNever(query, "progress query");
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Offsets

  private onCommitOffsets(command: CommitOffsetsCommand): ProgressResult<CommitOffsetsValue> {
    const invalid =
      checkCount("offsets", command.offsets.length, limits.progressOffsetsPerCommandMax) ??
      this.checkMetadata(command.offsets) ??
      this.checkGeneration(command);
    if (invalid !== null) return invalid;
    const group = this.groupForWrite(command.group);
    if (isRejection(group)) return group;
    const partitions = command.offsets.map((commit) => ({
      topic: commit.topic,
      partition: commit.partition,
      error: this.commitOne(group, commit, command.generation !== undefined),
    }));
    return accept({ partitions });
  }

  private checkMetadata(offsets: readonly OffsetCommit[]): Rejection {
    for (const commit of offsets) {
      const invalid = checkText("commit metadata", commit.metadata, limits.progressCommitMetadataLengthMax);
      if (invalid !== null) return invalid;
    }
    return null;
  }

  /** Kafka's generation check: a member commits only within the group's current generation. */
  private checkGeneration(command: CommitOffsetsCommand): Rejection {
    const fence = command.generation;
    if (fence === undefined) return null;
    const generation = this.groups.get(command.group)?.generation ?? null;
    if (generation === null || generation.generationId !== fence.generationId) {
      return reject("FENCED", `generation ${fence.generationId} is not the group's current generation`, {
        reason: "illegal-generation",
        currentGenerationId: generation?.generationId ?? null,
      });
    }
    if (!generation.members.includes(fence.memberId)) {
      return reject("FENCED", `member ${fence.memberId} is not in generation ${fence.generationId}`, {
        reason: "unknown-member",
      });
    }
    return null;
  }

  /** Applies one partition's commit; returns the partition's error, or null when it was applied. */
  private commitOne(group: GroupProgress, commit: OffsetCommit, inGeneration: boolean) {
    const existing = group.partitionOf(commit.topic, commit.partition);
    const fenced = this.checkCommitFence(group, existing, commit, inGeneration);
    if (fenced !== null) return fenced.error;
    const progress = existing ?? this.createPartition(group, commit.topic, commit.partition, commit.offset);
    if (isRejection(progress)) return progress.error;
    progress.setCommittedOffset(commit.offset);
    progress.metadata = commit.metadata;
    progress.committedAtMs = this.clockMs;
    return null;
  }

  /**
   * Who may move a partition's committed offset: the holder of its exclusive lease when there is one;
   * nobody while shared leases have records out (a commit would strand them); otherwise a member of the
   * current Kafka generation, or anyone when the group has no active members (Kafka's standalone consumer).
   */
  private checkCommitFence(
    group: GroupProgress,
    progress: PartitionProgress | undefined,
    commit: OffsetCommit,
    inGeneration: boolean,
  ): Rejection {
    if (commit.lease !== undefined) {
      const resolved = this.resolveLease(group.id, commit.lease);
      if (!resolved.ok) return resolved;
      if (resolved.value.progress !== progress) {
        return reject("INVALID_ARGUMENT", `lease ${commit.lease.leaseId} is on another partition`);
      }
      if (resolved.value.lease.mode !== "exclusive") {
        return reject("INVALID_ARGUMENT", "shared lease holders ack records; they do not commit offsets");
      }
      return null;
    }
    if (progress?.exclusiveLease() !== undefined) {
      return reject("FENCED", "the partition is leased exclusively: commit with the lease", {
        reason: "lease-required",
      });
    }
    if (progress?.hasSharedLeases() === true) {
      return reject("CONFLICT", "records of this partition are out on shared leases");
    }
    if (!inGeneration && group.hasMembers()) {
      return reject("FENCED", "the group has active members: commit within the generation", {
        reason: "generation-required",
      });
    }
    return null;
  }

  private onFetchOffsets(query: FetchOffsetsCommand): ProgressResult<FetchOffsetsValue> {
    const named = query.partitions;
    if (named !== undefined) {
      const invalid = checkCount("partitions", named.length, limits.progressOffsetsPerCommandMax);
      if (invalid !== null) return invalid;
    }
    const group = this.groups.get(query.group);
    if (named !== undefined) {
      return accept({
        partitions: named.map((target) =>
          fetchedOffset(target, group?.partitionOf(target.topic, target.partition)),
        ),
      });
    }
    const tracked = group === undefined ? [] : sortedPartitions(group);
    return accept({ partitions: tracked.map((progress) => fetchedOffset(progress, progress)) });
  }

  private onResetOffsets(command: ResetOffsetsCommand): ProgressResult<ResetOffsetsValue> {
    const invalid = checkCount("offsets", command.offsets.length, limits.progressOffsetsPerCommandMax);
    if (invalid !== null) return invalid;
    const existing = this.groups.get(command.group);
    if (existing !== undefined && (existing.liveLeaseCount() > 0 || existing.hasMembers())) {
      return reject(
        "CONFLICT",
        `group ${command.group} is active: stop its consumers before resetting offsets`,
      );
    }
    const created = new Set<string>();
    for (const target of command.offsets) {
      const key = partitionKey(target.topic, target.partition);
      if (existing?.partitions.has(key) !== true) created.add(key);
    }
    if ((existing?.partitions.size ?? 0) + created.size > limits.progressPartitionsPerGroupMax) {
      return reject(
        "RESOURCE_EXHAUSTED",
        `a group tracks at most ${limits.progressPartitionsPerGroupMax} partitions`,
      );
    }
    const group = this.groupForWrite(command.group);
    if (isRejection(group)) return group;
    for (const target of command.offsets) {
      const progress = this.createPartition(group, target.topic, target.partition, target.offset);
      assert(progress instanceof PartitionProgress, "partition limit was checked before resetting");
      progress.setCommittedOffset(target.offset);
      progress.metadata = "";
      progress.committedAtMs = this.clockMs;
    }
    return accept({ partitions: command.offsets.length });
  }

  // -------------------------------------------------------------------------------------------------
  // Leases

  private onAcquireLease(command: AcquireLeaseCommand): ProgressResult<AcquireLeaseValue> {
    const invalid =
      checkDuration(
        command.durationMs,
        limits.progressLeaseDurationMsMin,
        limits.progressLeaseDurationMsMax,
      ) ?? (command.mode === "shared" ? checkMaxRecords(command.maxRecords) : null);
    if (invalid !== null) return invalid;
    if (this.leaseIndex.size >= limits.progressLeasesMax) {
      return reject("RESOURCE_EXHAUSTED", `at most ${limits.progressLeasesMax} live leases`);
    }
    const group = this.groupForWrite(command.group);
    if (isRejection(group)) return group;
    const progress =
      group.partitionOf(command.topic, command.partition) ??
      this.createPartition(group, command.topic, command.partition, command.initialOffset);
    if (isRejection(progress)) return progress;
    if (progress.leases.size >= limits.progressLeasesPerPartitionMax) {
      return reject(
        "RESOURCE_EXHAUSTED",
        `at most ${limits.progressLeasesPerPartitionMax} live leases per partition`,
      );
    }
    return command.mode === "exclusive"
      ? this.acquireExclusive(group, progress, command)
      : this.acquireShared(progress, command);
  }

  private acquireExclusive(
    group: GroupProgress,
    progress: PartitionProgress,
    command: AcquireLeaseCommand,
  ): ProgressResult<AcquireLeaseValue> {
    const holder = progress.exclusiveLease();
    if (holder !== undefined && holder.memberId !== command.memberId) {
      return reject("CONFLICT", `the partition is leased exclusively by ${holder.memberId}`, {
        expiresAtMs: holder.expiresAtMs,
      });
    }
    if (progress.hasSharedLeases()) {
      return reject("CONFLICT", "records of this partition are out on shared leases");
    }
    // The same member asking again lost track of its lease (a restart): the new grant fences the old one.
    if (holder !== undefined) this.endLease(group, progress, holder);
    const lease = this.grantLease(progress, command);
    return accept({ lease: describeLeaseGrant(progress, lease, []) });
  }

  private acquireShared(
    progress: PartitionProgress,
    command: AcquireLeaseCommand & { mode: "shared" },
  ): ProgressResult<AcquireLeaseValue> {
    const holder = progress.exclusiveLease();
    if (holder !== undefined) {
      return reject("CONFLICT", `the partition is leased exclusively by ${holder.memberId}`, {
        expiresAtMs: holder.expiresAtMs,
      });
    }
    const offsets = progress.availableRun(command.maxRecords, command.logEndOffset);
    if (offsets.length === 0) return accept({ lease: null });
    const lease = this.grantLease(progress, command);
    progress.handOut(lease, offsets);
    return accept({ lease: describeLeaseGrant(progress, lease, offsets) });
  }

  /** Every grant takes the partition's next epoch, so no two leases of a partition ever share one. */
  private grantLease(progress: PartitionProgress, command: AcquireLeaseCommand): Lease {
    progress.leaseEpoch++;
    const lease: Lease = {
      id: this.nextLeaseId++ as LeaseId,
      epoch: progress.leaseEpoch as LeaseEpoch,
      mode: command.mode,
      memberId: command.memberId,
      grantedAtMs: this.clockMs,
      expiresAtMs: this.clockMs + command.durationMs,
      held: new Set(),
    };
    progress.leases.set(lease.id, lease);
    const group = this.groups.get(command.group);
    assert(group !== undefined, "a lease is granted in an existing group");
    this.leaseIndex.set(lease.id, { group, progress });
    this.expiryQueue.push(lease.expiresAtMs, lease.id);
    return lease;
  }

  private onRenewLease(command: RenewLeaseCommand): ProgressResult<RenewLeaseValue> {
    const invalid = checkDuration(
      command.durationMs,
      limits.progressLeaseDurationMsMin,
      limits.progressLeaseDurationMsMax,
    );
    if (invalid !== null) return invalid;
    const resolved = this.resolveLease(command.group, command.lease);
    if (!resolved.ok) return resolved;
    const lease = resolved.value.lease;
    lease.expiresAtMs = this.clockMs + command.durationMs;
    this.expiryQueue.push(lease.expiresAtMs, lease.id);
    return accept({ expiresAtMs: lease.expiresAtMs });
  }

  private onReleaseLease(command: ReleaseLeaseCommand): ProgressResult<ReturnedRecordsValue> {
    const resolved = this.resolveLease(command.group, command.lease);
    if (!resolved.ok) return resolved;
    const { group, progress, lease } = resolved.value;
    return accept(this.endLease(group, progress, lease));
  }

  private endLease(group: GroupProgress, progress: PartitionProgress, lease: Lease): ReturnedRecordsValue {
    const returned = progress.endLease(lease, group.deadLetterAfterDeliveries);
    this.leaseIndex.delete(lease.id);
    return { redeliverable: returned.redeliverable, deadLettered: returned.deadLettered as Offset[] };
  }

  /**
   * Fencing: a command naming a lease is accepted only while that lease is live and its epoch matches.
   * A lease that expired or was released is gone from the index, so its holder is fenced for good.
   */
  private resolveLease(group: ConsumerGroupId, fence: LeaseFence): ProgressResult<ResolvedLease> {
    if (fence.leaseId >= this.nextLeaseId)
      return reject("NOT_FOUND", `lease ${fence.leaseId} was never granted`);
    const location = this.leaseIndex.get(fence.leaseId);
    if (location === undefined) {
      return reject("FENCED", `lease ${fence.leaseId} expired or was released`, { reason: "lease-ended" });
    }
    if (location.group.id !== group)
      return reject("INVALID_ARGUMENT", `lease ${fence.leaseId} is not of ${group}`);
    const lease = location.progress.leases.get(fence.leaseId);
    assert(lease !== undefined, "the lease index names a live lease");
    if (lease.epoch !== fence.epoch) {
      return reject("FENCED", `lease ${fence.leaseId} has epoch ${lease.epoch}, not ${fence.epoch}`, {
        reason: "stale-epoch",
      });
    }
    return accept({ ...location, lease });
  }

  /** Processes every lease due at the current clock, earliest first, ties by lease id. */
  private expireDueLeases(): void {
    for (let entry = this.expiryQueue.popDue(this.clockMs); entry !== undefined; ) {
      const location = this.leaseIndex.get(entry.leaseId);
      const lease = location?.progress.leases.get(entry.leaseId);
      // Stale entries (renewed or released leases) are skipped; only the current expiry ends a lease.
      if (location !== undefined && lease !== undefined && lease.expiresAtMs === entry.expiresAtMs) {
        this.endLease(location.group, location.progress, lease);
      }
      entry = this.expiryQueue.popDue(this.clockMs);
    }
    if (this.expiryQueue.size > 2 * this.leaseIndex.size + 1_024) this.rebuildExpiryQueue();
  }

  private rebuildExpiryQueue(): void {
    const entries: Array<{ expiresAtMs: number; leaseId: LeaseId }> = [];
    for (const [leaseId, location] of this.leaseIndex) {
      const lease = location.progress.leases.get(leaseId);
      assert(lease !== undefined, "the lease index names a live lease");
      entries.push({ expiresAtMs: lease.expiresAtMs, leaseId });
    }
    this.expiryQueue.rebuild(entries);
  }

  // -------------------------------------------------------------------------------------------------
  // Acks

  private onAck(command: AckCommand): ProgressResult<AckValue> {
    const invalid = checkCount("offsets", command.offsets.length, limits.progressAcksPerCommandMax);
    if (invalid !== null) return invalid;
    const resolved = this.resolveLease(command.group, command.lease);
    if (!resolved.ok) return resolved;
    const { progress, lease } = resolved.value;
    const unacceptable = checkAckable(progress, lease, command);
    if (unacceptable !== null) return unacceptable;
    let newlySettled = command.cumulative === undefined ? 0 : progress.settleBelow(command.cumulative);
    const duplicates: Offset[] = [];
    for (const offset of command.offsets) {
      if (progress.settle(offset)) newlySettled++;
      else duplicates.push(offset);
    }
    return accept({ committedOffset: progress.committedOffset as Offset, newlySettled, duplicates });
  }

  private onNack(command: NackCommand): ProgressResult<ReturnedRecordsValue> {
    const invalid = checkCount("offsets", command.offsets.length, limits.progressAcksPerCommandMax);
    if (invalid !== null) return invalid;
    const resolved = this.resolveLease(command.group, command.lease);
    if (!resolved.ok) return resolved;
    const { group, progress, lease } = resolved.value;
    if (lease.mode !== "shared") return reject("INVALID_ARGUMENT", "only shared leases hold records to nack");
    const offsets = [...new Set<number>(command.offsets)].sort((a, b) => a - b);
    const notHeld = offsets.find((offset) => !lease.held.has(offset));
    if (notHeld !== undefined)
      return reject("INVALID_ARGUMENT", `lease ${lease.id} does not hold offset ${notHeld}`);
    const deadLettered: Offset[] = [];
    let redeliverable = 0;
    for (const offset of offsets) {
      const outcome = progress.returnRecord(lease, offset, group.deadLetterAfterDeliveries);
      if (outcome === "redeliverable") redeliverable++;
      else deadLettered.push(offset as Offset);
    }
    return accept({ redeliverable, deadLettered });
  }

  // -------------------------------------------------------------------------------------------------
  // Groups

  private onDescribeGroup(query: DescribeGroupCommand): ProgressResult<GroupDescription> {
    const group = this.groups.get(query.group);
    if (group === undefined) return reject("UNKNOWN_GROUP", `no consumer group ${query.group}`);
    return accept(describeGroup(group, sortedPartitions(group)));
  }

  private onListGroups(): ProgressResult<ListGroupsValue> {
    const ids = [...this.groups.keys()].sort(compareText);
    return accept({ groups: ids.map((id) => listGroup(this.groups.get(id) as GroupProgress)) });
  }

  private onDeleteGroup(command: DeleteGroupCommand): ProgressResult<DeleteGroupValue> {
    const group = this.groups.get(command.group);
    if (group === undefined) return reject("UNKNOWN_GROUP", `no consumer group ${command.group}`);
    if (group.liveLeaseCount() > 0 || group.hasMembers()) {
      return reject("CONFLICT", `group ${command.group} still has live leases or members`);
    }
    this.groups.delete(command.group);
    return accept({ deletedPartitions: group.partitions.size });
  }

  private onStoreGeneration(command: StoreGenerationCommand): ProgressResult<StoreGenerationValue> {
    const invalid = checkGenerationInput(command);
    if (invalid !== null) return invalid;
    const current = this.groups.get(command.group)?.generation ?? null;
    if (current !== null && command.generationId < current.generationId) {
      return reject("FENCED", `generation ${command.generationId} is older than ${current.generationId}`, {
        reason: "stale-generation",
      });
    }
    const group = this.groupForWrite(command.group);
    if (isRejection(group)) return group;
    group.generation = {
      generationId: command.generationId,
      protocolType: command.protocolType,
      protocolName: command.protocolName,
      leaderMemberId: command.leaderMemberId,
      members: [...command.members],
    };
    return accept({ generationId: command.generationId });
  }

  private onConfigureGroup(command: ConfigureGroupCommand): ProgressResult<ConfigureGroupValue> {
    if (!isDeliveryLimit(command.deadLetterAfterDeliveries)) {
      return reject(
        "INVALID_ARGUMENT",
        `deadLetterAfterDeliveries must be an integer in [1, ${limits.progressDeliveriesMax}], got ${command.deadLetterAfterDeliveries}`,
      );
    }
    const group = this.groupForWrite(command.group);
    if (isRejection(group)) return group;
    group.deadLetterAfterDeliveries = command.deadLetterAfterDeliveries;
    return accept({ deadLetterAfterDeliveries: group.deadLetterAfterDeliveries });
  }

  /** The group, created on first write as Kafka does, unless the group limit is reached. */
  private groupForWrite(id: ConsumerGroupId): GroupProgress | Rejected {
    const existing = this.groups.get(id);
    if (existing !== undefined) return existing;
    if (this.groups.size >= limits.progressGroupsMax) {
      return reject("RESOURCE_EXHAUSTED", `at most ${limits.progressGroupsMax} consumer groups`);
    }
    const group = new GroupProgress(id, this.config.deadLetterAfterDeliveries);
    this.groups.set(id, group);
    return group;
  }

  /** The partition's progress, created at `floor` when new, unless the group's partition limit is reached. */
  private createPartition(
    group: GroupProgress,
    topic: TopicId,
    partition: PartitionId,
    floor: number,
  ): PartitionProgress | Rejected {
    const existing = group.partitionOf(topic, partition);
    if (existing !== undefined) return existing;
    if (group.partitions.size >= limits.progressPartitionsPerGroupMax) {
      return reject(
        "RESOURCE_EXHAUSTED",
        `a group tracks at most ${limits.progressPartitionsPerGroupMax} partitions`,
      );
    }
    const progress = new PartitionProgress(topic, partition, floor);
    group.partitions.set(partitionKey(topic, partition), progress);
    return progress;
  }

  // -------------------------------------------------------------------------------------------------
  // Hooks, snapshots, checks

  /**
   * The retention hook: per partition of `topic`, the smallest committed offset over the groups tracking
   * it. Tiering and retention must keep every offset at or above it. The server takes the minimum across
   * all progress groups, since consumer groups are spread over several.
   */
  minimumCommittedOffsets(topic: TopicId): ReadonlyMap<PartitionId, Offset> {
    const minimum = new Map<PartitionId, Offset>();
    for (const group of this.groups.values()) {
      for (const progress of group.partitions.values()) {
        if (progress.topic !== topic) continue;
        const current = minimum.get(progress.partition);
        if (current === undefined || progress.committedOffset < current) {
          minimum.set(progress.partition, progress.committedOffset as Offset);
        }
      }
    }
    return minimum;
  }

  describe(): ProgressSummary {
    let partitions = 0;
    for (const group of this.groups.values()) partitions += group.partitions.size;
    return { clockMs: this.clockMs, groups: this.groups.size, partitions, liveLeases: this.leaseIndex.size };
  }

  /** A versioned, checksummed encoding of the whole state; equal states give equal bytes. */
  snapshot(): Uint8Array {
    return encodeSnapshot(toSnapshotState(this.parts()));
  }

  /** Replaces the whole state with a snapshot's. Throws CORRUPT_DATA when the bytes fail validation. */
  restore(bytes: Uint8Array): void {
    const parts = fromSnapshotState(decodeSnapshot(bytes));
    this.clockMs = parts.clockMs;
    this.nextLeaseId = parts.nextLeaseId;
    this.groups.clear();
    this.leaseIndex.clear();
    for (const group of parts.groups) {
      this.groups.set(group.id, group);
      for (const progress of group.partitions.values()) {
        for (const lease of progress.leases.values()) this.leaseIndex.set(lease.id, { group, progress });
      }
    }
    this.rebuildExpiryQueue();
    this.checkInvariants();
  }

  private parts(): StateParts {
    return { clockMs: this.clockMs, nextLeaseId: this.nextLeaseId, groups: [...this.groups.values()] };
  }

  /** Asserts every structural invariant; tests and the simulator call it after each command. */
  checkInvariants(): void {
    let leases = 0;
    for (const group of this.groups.values()) {
      assert(group.partitions.size <= limits.progressPartitionsPerGroupMax, "partition limit exceeded");
      for (const progress of group.partitions.values()) {
        progress.checkInvariants(this.clockMs);
        for (const lease of progress.leases.values()) {
          assert(lease.id < this.nextLeaseId, "a lease id at or above nextLeaseId");
          assert(this.leaseIndex.get(lease.id)?.progress === progress, "a live lease missing from the index");
          leases++;
        }
      }
    }
    assert(leases === this.leaseIndex.size, "the lease index names a lease that is gone");
    assert(this.groups.size <= limits.progressGroupsMax, "group limit exceeded");
  }
}

/** True when a lookup answered with a rejection instead of the state object it looks up. */
function isRejection<State extends object>(value: State | Rejected): value is Rejected {
  return "ok" in value;
}

function checkMaxRecords(maxRecords: number): Rejection {
  if (Number.isInteger(maxRecords) && maxRecords >= 1 && maxRecords <= limits.progressLeaseRecordsMax)
    return null;
  return reject(
    "INVALID_ARGUMENT",
    `maxRecords must be an integer in [1, ${limits.progressLeaseRecordsMax}]`,
  );
}

/**
 * What a lease may ack: an exclusive holder anything inside the ack span (measured after its cumulative
 * ack); a shared holder only the records it holds. Already settled offsets are always fine (duplicates).
 */
function checkAckable(progress: PartitionProgress, lease: Lease, command: AckCommand): Rejection {
  if (lease.mode === "shared" && command.cumulative !== undefined) {
    return reject("INVALID_ARGUMENT", "a shared lease acks individual records, not a cumulative offset");
  }
  const floor = Math.max(progress.committedOffset, command.cumulative ?? 0);
  for (const offset of command.offsets) {
    if (offset < floor || progress.settled.has(offset)) continue;
    if (lease.mode === "shared" && !lease.held.has(offset)) {
      return reject("INVALID_ARGUMENT", `lease ${lease.id} does not hold offset ${offset}`);
    }
    if (offset >= floor + limits.progressAckSpanOffsetsMax) {
      return reject(
        "RESOURCE_EXHAUSTED",
        `offset ${offset} is more than ${limits.progressAckSpanOffsetsMax} above the watermark ${floor}`,
      );
    }
  }
  return null;
}

function checkGenerationInput(command: StoreGenerationCommand): Rejection {
  if (!Number.isSafeInteger(command.generationId) || command.generationId < 0) {
    return reject(
      "INVALID_ARGUMENT",
      `generation id must be a non-negative integer, got ${command.generationId}`,
    );
  }
  const leader = command.leaderMemberId;
  return (
    checkCount("members", command.members.length, limits.progressMembersPerGroupMax) ??
    checkText("protocol type", command.protocolType, limits.progressNameLengthMax) ??
    checkText("protocol name", command.protocolName, limits.progressNameLengthMax) ??
    (leader === null || command.members.includes(leader)
      ? null
      : reject("INVALID_ARGUMENT", `leader ${leader} is not a member of the generation`))
  );
}

function sortedPartitions(group: GroupProgress): PartitionProgress[] {
  return [...group.partitions.values()].sort(
    (a, b) => compareText(a.topic, b.topic) || a.partition - b.partition,
  );
}

/** Code-unit order, the same on every replica whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
