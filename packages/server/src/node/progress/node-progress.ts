/**
 * The node's consumer-progress API (issue 9) over the progress Raft groups this node hosts. Every write
 * goes through the log of the consumer group's progress group: the leader validates the request, stamps
 * it with the time of its injected Clock, proposes it and answers with the result the state machine
 * computed when the entry was applied. Reads (FetchOffsets, DescribeGroup, ListGroups) are served by
 * the leader after a Raft ReadIndex (a quorum confirmed its commit index, applied here): linearizable,
 * with no log entry. They do not advance the replicated clock, so a lease past its expiry may still be
 * listed until the next command or AdvanceClock (at most progressClockAdvanceTicks ticks) ends it.
 * A node that does not lead the group answers NOT_LEADER with the leader it knows (or the group's first
 * voter).
 *
 * Clients name topics; the state machine keys progress by topic id (a re-created topic starts with no
 * progress). Answers name topics again; progress of a deleted topic is reported with `topic: ""` and its id.
 *
 * While a progress group this node leads has live leases, it proposes AdvanceClock every
 * progressClockAdvanceTicks ticks so leases expire on the replicated clock without other traffic.
 */
import {
  type Clock,
  type GroupId,
  HelixError,
  type LeaseId,
  leaseId,
  limits,
  type NodeId,
  offset,
  type PartitionId,
  partitionId,
  type TopicId,
} from "@helixlog/core";
import {
  consumerGroupId,
  type DeliveredRecord,
  type GroupDescription,
  type GroupListing,
  type LeaseDescription,
  type LeaseFence,
  type LeaseMode,
  leaseEpoch,
  memberId,
  type PartitionDescription,
  type ProgressCommand,
  type ProgressQuery,
  type ProgressResult,
  type ProgressResultValues,
} from "@helixlog/progress";
import type { Entry } from "@helixlog/raft";
import type { TopicRecord } from "../controller/controller-state.js";
import type { GroupView } from "../group-engine.js";
import {
  encodeProgressCommand,
  ProgressGroupState,
  progressGroupOf,
  progressVoters,
} from "./progress-groups.js";

/** What NodeProgress needs from the node: its identity, clock, metadata and Raft host. */
export interface ProgressHost {
  readonly nodeId: NodeId;
  readonly clock: Clock;
  clusterInfo(): { clusterId: string | undefined; voters: readonly NodeId[]; progressGroupCount: number };
  topic(name: string): TopicRecord | undefined;
  listTopics(): TopicRecord[];
  /** The group's Raft view, undefined when this node does not host it. */
  view(group: GroupId): GroupView | undefined;
  /** Proposes on a group this node leads and resolves with what applying the entry returned. */
  propose(group: GroupId, data: Uint8Array): Promise<unknown>;
  /** Raft ReadIndex: resolves once a quorum confirmed the commit index and it is applied here. */
  readIndex(group: GroupId): Promise<unknown>;
  /** Starts hosting a group (recovering it from the WAL). */
  addGroup(group: GroupId, voters: readonly NodeId[]): Promise<void>;
}

export interface TopicPartitionName {
  readonly topic: string;
  readonly partition: number;
}

export interface LeaseRef {
  readonly leaseId: number;
  readonly epoch: number;
}

export interface OffsetCommitInput extends TopicPartitionName {
  readonly offset: number;
  readonly metadata?: string;
  /** Required when the partition is leased exclusively. */
  readonly lease?: LeaseRef;
}

export interface PartitionError extends TopicPartitionName {
  readonly topicId: string;
  readonly error: HelixError | null;
}

export interface CommittedOffset extends TopicPartitionName {
  readonly topicId: string;
  /** Null when the group has no progress on the partition. */
  readonly committedOffset: number | null;
  readonly metadata: string;
}

export interface AcquireLeaseInput extends TopicPartitionName {
  readonly group: string;
  readonly memberId: string;
  readonly mode: LeaseMode;
  readonly durationMs: number;
  /** Where the group starts on this partition when it has no progress yet. */
  readonly initialOffset: number;
  /** Shared leases: records handed out at most. */
  readonly maxRecords?: number;
  /** Shared leases: the partition's high watermark (records at or above it do not exist yet). */
  readonly logEndOffset?: number;
}

export interface LeaseGrantView extends TopicPartitionName {
  readonly topicId: string;
  readonly leaseId: number;
  readonly epoch: number;
  readonly mode: LeaseMode;
  readonly memberId: string;
  readonly expiresAtMs: number;
  readonly committedOffset: number;
  readonly records: readonly DeliveredRecord[];
}

export interface AckInput {
  readonly group: string;
  readonly lease: LeaseRef;
  readonly cumulative?: number;
  readonly offsets?: readonly number[];
}

type Named<View> = Omit<View, "topic"> & { readonly topic: string; readonly topicId: string };
type PartitionDescriptionView = Omit<Named<PartitionDescription>, "leases"> & {
  readonly leases: readonly Named<LeaseDescription>[];
};

/** DescribeGroup's answer with topic names (`topic` is "" for a deleted topic; `topicId` is kept). */
export type GroupDescriptionView = Omit<GroupDescription, "partitions"> & {
  readonly partitions: readonly PartitionDescriptionView[];
};

export interface GroupListingPage {
  readonly progressGroup: number;
  readonly progressGroupCount: number;
  readonly groups: readonly GroupListing[];
}

export class NodeProgress {
  private readonly states = new Map<GroupId, ProgressGroupState>();
  /** Proposals in flight per progress group (bounded by progressProposalsInFlightMax). */
  private readonly inFlight = new Map<GroupId, number>();
  private readonly advancing = new Set<GroupId>();
  private ticks = 0;

  constructor(private readonly host: ProgressHost) {}

  /* Hosting, applying, snapshots. */

  /** Starts hosting the progress groups whose voters include this node (after bootstrap is applied). */
  hostGroups(): Promise<void>[] {
    const { voters, progressGroupCount } = this.host.clusterInfo();
    const started: Promise<void>[] = [];
    for (let index = 1; index <= progressGroupCount; index++) {
      const group = index as GroupId;
      const groupVoters = progressVoters(voters, group);
      if (!groupVoters.includes(this.host.nodeId) || this.states.has(group)) continue;
      this.states.set(group, new ProgressGroupState(group));
      started.push(this.host.addGroup(group, groupVoters));
    }
    return started;
  }

  /** True for a progress group hosted here: its entries go to `apply`. */
  owns(group: GroupId): boolean {
    return this.states.has(group);
  }

  apply(group: GroupId, entry: Entry): ProgressResult<unknown> | undefined {
    const state = this.states.get(group);
    if (state === undefined) throw new HelixError("INTERNAL", `group ${group} is no progress group here`);
    return state.apply(entry);
  }

  /** The replicated state of a hosted progress group (snapshot/restore hooks, metrics, tests). */
  groupState(group: GroupId): ProgressGroupState | undefined {
    return this.states.get(group);
  }

  /** Called every node tick: AdvanceClock on led groups with live leases, every few ticks. */
  tick(): void {
    this.ticks++;
    if (this.ticks % limits.progressClockAdvanceTicks !== 0) return;
    for (const [group, state] of this.states) {
      if (this.advancing.has(group) || state.summary().liveLeases === 0) continue;
      if (this.host.view(group)?.role !== "leader") continue;
      this.advancing.add(group);
      this.propose(group, { type: "AdvanceClock", nowMs: 0 })
        .catch(() => {})
        .finally(() => this.advancing.delete(group));
    }
  }

  /** The progress group of a consumer group and its leader as known here; undefined before bootstrap. */
  locate(group: string): { progressGroup: GroupId; leader: NodeId | undefined } | undefined {
    if (this.host.clusterInfo().progressGroupCount === 0) return undefined;
    const progressGroup = this.groupOf(group);
    const view = this.host.view(progressGroup);
    const leader = view === undefined || view.leader === 0 ? undefined : view.leader;
    return { progressGroup, leader };
  }

  /**
   * The retention hook: per partition of `topic`, the smallest committed offset over the consumer groups
   * of the progress groups hosted here (the caller combines nodes when it does not host them all).
   */
  minimumCommittedOffsets(topic: string): Map<number, number> {
    const record = this.host.topic(topic);
    const minimum = new Map<number, number>();
    if (record === undefined) return minimum;
    for (const state of this.states.values()) {
      for (const [partition, committed] of state.state.minimumCommittedOffsets(record.id)) {
        const current = minimum.get(partition);
        if (current === undefined || committed < current) minimum.set(partition, committed);
      }
    }
    return minimum;
  }

  /* The API: each call validates, then proposes on the consumer group's progress group. */

  async commitOffsets(
    group: string,
    offsets: readonly OffsetCommitInput[],
    generation?: { generationId: number; memberId: string },
  ): Promise<PartitionError[]> {
    const id = consumerGroupId(group);
    checkCount("offsets", offsets.length, limits.progressOffsetsPerCommandMax);
    const commits = offsets.map((commit) => ({
      ...this.resolve(commit),
      offset: offset(commit.offset),
      metadata: commit.metadata ?? "",
      ...(commit.lease === undefined ? {} : { lease: fence(commit.lease) }),
    }));
    const value = await this.run({
      type: "CommitOffsets",
      nowMs: 0,
      group: id,
      offsets: commits,
      ...(generation === undefined
        ? {}
        : {
            generation: {
              generationId: integer("generation id", generation.generationId, 0),
              memberId: memberId(generation.memberId),
            },
          }),
    });
    const names = this.topicNames();
    return value.partitions.map((outcome) => ({
      ...named(names, outcome.topic, outcome.partition),
      error: outcome.error,
    }));
  }

  /** Committed offsets of the named partitions, or of every partition the group tracks. */
  async fetchOffsets(group: string, partitions?: readonly TopicPartitionName[]): Promise<CommittedOffset[]> {
    const id = consumerGroupId(group);
    if (partitions !== undefined)
      checkCount("partitions", partitions.length, limits.progressOffsetsPerCommandMax);
    const value = await this.read(this.groupOf(id), {
      type: "FetchOffsets",
      nowMs: 0,
      group: id,
      ...(partitions === undefined ? {} : { partitions: partitions.map((target) => this.resolve(target)) }),
    });
    const names = this.topicNames();
    return value.partitions.map((fetched) => ({
      ...named(names, fetched.topic, fetched.partition),
      committedOffset: fetched.committedOffset,
      metadata: fetched.metadata,
    }));
  }

  /** A lease, or null when a shared lease found no record to hand out. */
  async acquireLease(input: AcquireLeaseInput): Promise<LeaseGrantView | null> {
    const id = consumerGroupId(input.group);
    const target = this.resolve(input);
    const base = {
      type: "AcquireLease" as const,
      nowMs: 0,
      group: id,
      memberId: memberId(input.memberId),
      durationMs: duration(input.durationMs),
      initialOffset: offset(input.initialOffset),
      ...target,
    };
    let command: ProgressCommand;
    if (input.mode === "exclusive") command = { ...base, mode: "exclusive" };
    else if (input.mode === "shared") {
      if (input.logEndOffset === undefined)
        throw invalid("a shared lease needs the partition's log end offset");
      command = {
        ...base,
        mode: "shared",
        maxRecords: integer("max records", input.maxRecords ?? 0, 1, limits.progressLeaseRecordsMax),
        logEndOffset: offset(input.logEndOffset),
      };
    } else throw invalid(`lease mode must be exclusive or shared, got ${String(input.mode)}`);
    const value = (await this.run(
      command as ProgressCommand & { group: string },
    )) as ProgressResultValues["AcquireLease"];
    const lease = value.lease;
    if (lease === null) return null;
    return {
      ...named(this.topicNames(), lease.topic, lease.partition),
      leaseId: lease.leaseId,
      epoch: lease.epoch,
      mode: lease.mode,
      memberId: lease.memberId,
      expiresAtMs: lease.expiresAtMs,
      committedOffset: lease.committedOffset,
      records: lease.records,
    };
  }

  async renewLease(group: string, lease: LeaseRef, durationMs: number): Promise<{ expiresAtMs: number }> {
    const id = consumerGroupId(group);
    return this.run({
      type: "RenewLease",
      nowMs: 0,
      group: id,
      lease: fence(lease),
      durationMs: duration(durationMs),
    });
  }

  async releaseLease(group: string, lease: LeaseRef): Promise<ProgressResultValues["ReleaseLease"]> {
    const id = consumerGroupId(group);
    return this.run({ type: "ReleaseLease", nowMs: 0, group: id, lease: fence(lease) });
  }

  async ack(input: AckInput): Promise<ProgressResultValues["Ack"]> {
    const id = consumerGroupId(input.group);
    const offsets = input.offsets ?? [];
    checkCount("offsets", offsets.length, limits.progressAcksPerCommandMax);
    if (input.cumulative === undefined && offsets.length === 0) {
      throw invalid("an ack names a cumulative offset, individual offsets, or both");
    }
    return this.run({
      type: "Ack",
      nowMs: 0,
      group: id,
      lease: fence(input.lease),
      offsets: offsets.map((value) => offset(value)),
      ...(input.cumulative === undefined ? {} : { cumulative: offset(input.cumulative) }),
    });
  }

  async nack(
    group: string,
    lease: LeaseRef,
    offsets: readonly number[],
  ): Promise<ProgressResultValues["Nack"]> {
    const id = consumerGroupId(group);
    checkCount("offsets", offsets.length, limits.progressAcksPerCommandMax);
    if (offsets.length === 0) throw invalid("a nack names at least one offset");
    return this.run({
      type: "Nack",
      nowMs: 0,
      group: id,
      lease: fence(lease),
      offsets: offsets.map((value) => offset(value)),
    });
  }

  async describeGroup(group: string): Promise<GroupDescriptionView> {
    const id = consumerGroupId(group);
    const value = await this.read(this.groupOf(id), { type: "DescribeGroup", nowMs: 0, group: id });
    const names = this.topicNames();
    const named = <View extends { topic: TopicId; partition: PartitionId }>(view: View): Named<View> => ({
      ...view,
      topic: names.get(view.topic) ?? "",
      topicId: view.topic,
    });
    return {
      ...value,
      partitions: value.partitions.map((partition) => ({
        ...named(partition),
        leases: partition.leases.map(named),
      })),
    };
  }

  /** The consumer groups of one progress group (1..progressGroupCount), on its leader. */
  async listGroups(progressGroup: number): Promise<GroupListingPage> {
    const count = this.progressGroupCount();
    const group = integer("progress group", progressGroup, 1, count) as GroupId;
    const value = await this.read(group, { type: "ListGroups", nowMs: 0 });
    return { progressGroup: group, progressGroupCount: count, groups: value.groups };
  }

  async deleteGroup(group: string): Promise<{ deletedPartitions: number }> {
    const id = consumerGroupId(group);
    return this.run({ type: "DeleteGroup", nowMs: 0, group: id });
  }

  /** Sets explicit offsets (the caller resolved earliest, latest or a timestamp); refused while active. */
  async resetOffsets(
    group: string,
    offsets: readonly (TopicPartitionName & { readonly offset: number })[],
  ): Promise<{ partitions: number }> {
    const id = consumerGroupId(group);
    checkCount("offsets", offsets.length, limits.progressOffsetsPerCommandMax);
    if (offsets.length === 0) throw invalid("a reset names at least one partition");
    return this.run({
      type: "ResetOffsets",
      nowMs: 0,
      group: id,
      offsets: offsets.map((target) => ({ ...this.resolve(target), offset: offset(target.offset) })),
    });
  }

  /** Kafka classic group generation (for the Kafka group coordinator). */
  async storeGeneration(
    group: string,
    generation: {
      generationId: number;
      protocolType: string;
      protocolName: string;
      leaderMemberId: string | null;
      members: readonly string[];
    },
  ): Promise<{ generationId: number }> {
    const id = consumerGroupId(group);
    checkCount("members", generation.members.length, limits.progressMembersPerGroupMax);
    return this.run({
      type: "StoreGeneration",
      nowMs: 0,
      group: id,
      generationId: integer("generation id", generation.generationId, 0),
      protocolType: generation.protocolType,
      protocolName: generation.protocolName,
      leaderMemberId: generation.leaderMemberId === null ? null : memberId(generation.leaderMemberId),
      members: generation.members.map((member) => memberId(member)),
    });
  }

  async configureGroup(
    group: string,
    deadLetterAfterDeliveries: number,
  ): Promise<{ deadLetterAfterDeliveries: number }> {
    const id = consumerGroupId(group);
    return this.run({ type: "ConfigureGroup", nowMs: 0, group: id, deadLetterAfterDeliveries });
  }

  /** Throws NOT_LEADER (with the leader's id) unless this node leads the consumer group's progress group. */
  requireLeaderOf(group: string): void {
    this.requireLeader(this.groupOf(consumerGroupId(group)));
  }

  /* Internals. */

  private progressGroupCount(): number {
    const count = this.host.clusterInfo().progressGroupCount;
    if (count === 0) throw new HelixError("UNAVAILABLE", "the cluster is not bootstrapped yet");
    return count;
  }

  private groupOf(group: string): GroupId {
    return progressGroupOf(group, this.progressGroupCount());
  }

  /** Proposes a consumer group's command on its progress group and unwraps the result. */
  private async run<Command extends ProgressCommand & { group: string }>(
    command: Command,
  ): Promise<ProgressResultValues[Command["type"]]> {
    return (await this.propose(
      this.groupOf(command.group),
      command,
    )) as ProgressResultValues[Command["type"]];
  }

  /** A read on the leader after a ReadIndex: linearizable without a log entry; a rejection becomes a throw. */
  private async read<Query extends ProgressQuery>(
    group: GroupId,
    query: Query,
  ): Promise<ProgressResultValues[Query["type"]]> {
    this.requireLeader(group);
    await this.host.readIndex(group);
    // Leadership may have moved while the read waited; a deposed leader's state may be stale.
    this.requireLeader(group);
    const state = this.states.get(group);
    if (state === undefined) throw new HelixError("INTERNAL", `progress group ${group} is not hosted here`);
    const result = state.state.query(query) as ProgressResult<ProgressResultValues[Query["type"]]>;
    if (!result.ok) throw result.error;
    return result.value;
  }

  /** Stamps the leader's clock, proposes, waits for the applied result; a rejection becomes a throw. */
  private async propose(group: GroupId, command: ProgressCommand): Promise<unknown> {
    this.requireLeader(group);
    const inFlight = this.inFlight.get(group) ?? 0;
    if (inFlight >= limits.progressProposalsInFlightMax) {
      throw new HelixError("RESOURCE_EXHAUSTED", `progress group ${group} has too many commands in flight`, {
        details: { retryAfterMs: 100 },
      });
    }
    // The leader's clock is the replicated clock; a value below the applied clock counts as "no time passed".
    const stamped = { ...command, nowMs: Math.max(0, Math.floor(this.host.clock.nowMs())) };
    this.inFlight.set(group, inFlight + 1);
    try {
      const result = (await this.host.propose(group, encodeProgressCommand(stamped))) as
        | ProgressResult<unknown>
        | undefined;
      if (result === undefined) throw new HelixError("INTERNAL", `progress group ${group} applied no result`);
      if (!result.ok) throw result.error;
      return result.value;
    } finally {
      this.inFlight.set(group, (this.inFlight.get(group) ?? 1) - 1);
    }
  }

  private requireLeader(group: GroupId): void {
    const view = this.host.view(group);
    if (view?.role === "leader") return;
    const known = view === undefined || view.leader === 0 ? undefined : view.leader;
    const leader = known ?? progressVoters(this.host.clusterInfo().voters, group)[0];
    throw new HelixError("NOT_LEADER", `node ${this.host.nodeId} does not lead progress group ${group}`, {
      details: { leader: leader ?? null, progressGroup: group },
    });
  }

  /** A client's topic and partition as the state machine keys them; UNKNOWN_TOPIC / UNKNOWN_PARTITION. */
  private resolve(target: TopicPartitionName): { topic: TopicId; partition: PartitionId } {
    const record = this.host.topic(target.topic);
    if (record === undefined) throw new HelixError("UNKNOWN_TOPIC", `topic "${target.topic}" does not exist`);
    const partition = partitionId(target.partition);
    if (partition >= record.partitions.length) {
      throw new HelixError(
        "UNKNOWN_PARTITION",
        `topic "${target.topic}" has partitions 0..${record.partitions.length - 1}, not ${partition}`,
      );
    }
    return { topic: record.id, partition };
  }

  private topicNames(): Map<TopicId, string> {
    return new Map(this.host.listTopics().map((record) => [record.id, record.name]));
  }
}

/** A topic id as clients see it: its name ("" once deleted), the id, the partition. */
function named(
  names: ReadonlyMap<TopicId, string>,
  topic: TopicId,
  partition: PartitionId,
): { topic: string; topicId: string; partition: number } {
  return { topic: names.get(topic) ?? "", topicId: topic, partition };
}

function invalid(reason: string): HelixError {
  return new HelixError("INVALID_ARGUMENT", reason);
}

function checkCount(what: string, count: number, maximum: number): void {
  if (count > maximum) throw invalid(`at most ${maximum} ${what} per request, got ${count}`);
}

function integer(what: string, value: number, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < minimum || value > maximum) {
    throw invalid(`${what} must be an integer in [${minimum}, ${maximum}], got ${value}`);
  }
  return value;
}

function duration(durationMs: number): number {
  return integer(
    "lease duration (ms)",
    durationMs,
    limits.progressLeaseDurationMsMin,
    limits.progressLeaseDurationMsMax,
  );
}

function fence(lease: LeaseRef): LeaseFence {
  return { leaseId: leaseId(lease.leaseId) as LeaseId, epoch: leaseEpoch(lease.epoch) };
}
