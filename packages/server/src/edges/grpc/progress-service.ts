/**
 * helix.v1.Progress (progress.proto, issue 9) over one HelixNode's NodeProgress. Every call is answered
 * by the leader of the consumer group's progress group; elsewhere the node throws NOT_LEADER and the
 * status carries the leader's address. Handlers validate and shape; the node validates again what it
 * puts in the log (names, offsets, lease ids), so nothing malformed reaches the replicated state.
 *
 * Offsets that depend on a partition's log (the log start for a new lease's default start, the high
 * watermark for shared leases, ResetOffsets to earliest/latest/offset/timestamp) are read from the
 * replica this node hosts, else asked of a replica's node with ListOffsets (a timestamp of the partition
 * leader, here or there: HelixNode.offsetForTime). All of a reset is resolved before it is proposed, so
 * it applies to every partition or none. DescribeGroup reports log end and lag only from a local replica
 * (-1 otherwise; `helix group describe` fills them in from the partition leaders).
 */
import type {
  handleUnaryCall,
  Server,
  ServerUnaryCall,
  ServiceClientConstructor,
  UntypedServiceImplementation,
} from "@grpc/grpc-js";
import { HelixError, limits } from "@helixlog/core";
import type { LeaseMode } from "@helixlog/progress";
import { HelixClient, leaderAddressOf } from "../../client/helix-client.js";
import type { HelixNode } from "../../node/helix-node.js";
import type { GroupDescriptionView, LeaseGrantView, LeaseRef } from "../../node/progress/node-progress.js";
import type { EnumValue } from "./messages.js";
import { invalid, requireKnown, requireOffset, requirePartition, requireTopic } from "./validation.js";
import { remainingMs, withTimeout } from "./waiting.js";

type CallState = Pick<ServerUnaryCall<unknown, unknown>, "getDeadline">;

export type LeaseModeName = "LEASE_MODE_UNSPECIFIED" | "LEASE_MODE_EXCLUSIVE" | "LEASE_MODE_SHARED";
export type ResetToName =
  | "RESET_TO_UNSPECIFIED"
  | "RESET_TO_EARLIEST"
  | "RESET_TO_LATEST"
  | "RESET_TO_TIMESTAMP"
  | "RESET_TO_OFFSET";

export interface LeaseRefMessage {
  leaseId: number;
  epoch: number;
}

export interface TopicPartitionMessage {
  topic: string;
  partition: number;
}

export interface CommitOffsetsRequest {
  group: string;
  offsets: {
    topic: string;
    partition: number;
    offset: number;
    metadata: string;
    lease?: LeaseRefMessage | null;
  }[];
}

export interface FetchOffsetsRequest {
  group: string;
  partitions: TopicPartitionMessage[];
}

export interface AcquireLeaseRequest {
  group: string;
  memberId: string;
  topic: string;
  partition: number;
  mode: EnumValue<LeaseModeName>;
  durationMs: number;
  initialOffset?: number;
  maxRecords: number;
  logEndOffset?: number;
}

export interface LeaseGrantMessage {
  leaseId: number;
  epoch: number;
  mode: LeaseModeName;
  memberId: string;
  topic: string;
  partition: number;
  expiresAtMs: number;
  committedOffset: number;
  records: { offset: number; deliveryCount: number }[];
}

export interface RenewLeaseRequest {
  group: string;
  lease?: LeaseRefMessage | null;
  durationMs: number;
}

export interface LeaseRequest {
  group: string;
  lease?: LeaseRefMessage | null;
}

export interface AckRequest extends LeaseRequest {
  cumulative?: number;
  offsets: number[];
}

export interface NackRequest extends LeaseRequest {
  offsets: number[];
}

export interface ResetOffsetsRequest {
  group: string;
  topic: string;
  partitions: number[];
  to: EnumValue<ResetToName>;
  timestampMs: number;
  offset: number;
  dryRun: boolean;
}

/** One ListOffsets to another node while resolving a reset or a lease's start: a couple of round trips. */
const remoteLookupMs = 5_000;

const leaseModes = ["LEASE_MODE_UNSPECIFIED", "LEASE_MODE_EXCLUSIVE", "LEASE_MODE_SHARED"] as const;
const resetTargets = [
  "RESET_TO_UNSPECIFIED",
  "RESET_TO_EARLIEST",
  "RESET_TO_LATEST",
  "RESET_TO_TIMESTAMP",
  "RESET_TO_OFFSET",
] as const;

/** grpc-api.ts's adapter from an async handler to a grpc-js unary handler (errors become statuses). */
export type UnaryAnswerer = <Request>(
  handler: (request: Request, call: ServerUnaryCall<Request, unknown>) => Promise<unknown>,
) => handleUnaryCall<Request, unknown>;

/** Registers helix.v1.Progress on `server`. */
export function addProgressService(
  server: Server,
  service: ServiceClientConstructor,
  node: HelixNode,
  answer: UnaryAnswerer,
): void {
  const progress = new ProgressService(node);
  server.addService(service.service, {
    CommitOffsets: answer((request: CommitOffsetsRequest, call) => progress.commitOffsets(request, call)),
    FetchOffsets: answer((request: FetchOffsetsRequest, call) => progress.fetchOffsets(request, call)),
    AcquireLease: answer((request: AcquireLeaseRequest, call) => progress.acquireLease(request, call)),
    RenewLease: answer((request: RenewLeaseRequest, call) => progress.renewLease(request, call)),
    ReleaseLease: answer((request: LeaseRequest, call) => progress.releaseLease(request, call)),
    Ack: answer((request: AckRequest, call) => progress.ack(request, call)),
    Nack: answer((request: NackRequest, call) => progress.nack(request, call)),
    DescribeGroup: answer((request: { group: string }, call) => progress.describeGroup(request, call)),
    ListGroups: answer((request: { progressGroup: number }, call) => progress.listGroups(request, call)),
    DeleteGroup: answer((request: { group: string }, call) => progress.deleteGroup(request, call)),
    ResetOffsets: answer((request: ResetOffsetsRequest, call) => progress.resetOffsets(request, call)),
  } satisfies UntypedServiceImplementation);
}

export class ProgressService {
  constructor(private readonly node: HelixNode) {}

  async commitOffsets(request: CommitOffsetsRequest, call: CallState) {
    const group = requireGroup(request.group);
    if (request.offsets.length === 0) throw invalid("offsets must name at least one partition");
    const offsets = request.offsets.map((commit) => {
      const topic = requireTopic(this.node, commit.topic);
      return {
        topic: topic.name,
        partition: requirePartition(topic, commit.partition),
        offset: requireOffset(commit.offset),
        metadata: commit.metadata,
        ...(commit.lease == null ? {} : { lease: leaseOf(commit.lease) }),
      };
    });
    const outcomes = await this.bounded(
      call,
      "CommitOffsets",
      this.node.progress.commitOffsets(group, offsets),
    );
    return {
      partitions: outcomes.map((outcome) => ({
        topic: outcome.topic,
        partition: outcome.partition,
        errorCode: outcome.error?.code ?? "",
        errorMessage: outcome.error?.message ?? "",
      })),
    };
  }

  async fetchOffsets(request: FetchOffsetsRequest, call: CallState) {
    const group = requireGroup(request.group);
    const partitions =
      request.partitions.length === 0
        ? undefined
        : request.partitions.map((target) => {
            const topic = requireTopic(this.node, target.topic);
            return { topic: topic.name, partition: requirePartition(topic, target.partition) };
          });
    const fetched = await this.bounded(
      call,
      "FetchOffsets",
      this.node.progress.fetchOffsets(group, partitions),
    );
    return {
      offsets: fetched.map((entry) => ({
        topic: entry.topic,
        partition: entry.partition,
        committedOffset: entry.committedOffset ?? -1,
        metadata: entry.metadata,
        topicId: entry.topicId,
      })),
    };
  }

  async acquireLease(request: AcquireLeaseRequest, call: CallState) {
    const group = requireGroup(request.group);
    const memberId = requireText(request.memberId, "member_id");
    const topic = requireTopic(this.node, request.topic);
    const partition = requirePartition(topic, request.partition);
    const mode: LeaseMode =
      requireKnown(request.mode, leaseModes, "mode") === "LEASE_MODE_SHARED" ? "shared" : "exclusive";
    const durationMs = requireDuration(request.durationMs);
    const initialOffset =
      request.initialOffset === undefined
        ? await this.logOffset(topic.name, partition, "OFFSET_SPEC_EARLIEST")
        : requireOffset(request.initialOffset, "initial_offset");
    let shared = {};
    if (mode === "shared") {
      const maxRecords = request.maxRecords;
      if (!Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > limits.progressLeaseRecordsMax) {
        throw invalid(
          `max_records must be 1..${limits.progressLeaseRecordsMax} for a shared lease, got ${maxRecords}`,
        );
      }
      const logEndOffset =
        request.logEndOffset === undefined
          ? await this.logOffset(topic.name, partition, "OFFSET_SPEC_LATEST")
          : requireOffset(request.logEndOffset, "log_end_offset");
      shared = { maxRecords, logEndOffset };
    }
    const grant = await this.bounded(
      call,
      "AcquireLease",
      this.node.progress.acquireLease({
        group,
        memberId,
        topic: topic.name,
        partition,
        mode,
        durationMs,
        initialOffset,
        ...shared,
      }),
    );
    return grant === null ? { granted: false } : { granted: true, lease: grantMessage(grant) };
  }

  async renewLease(request: RenewLeaseRequest, call: CallState) {
    const group = requireGroup(request.group);
    const lease = requireLease(request.lease);
    const durationMs = requireDuration(request.durationMs);
    return this.bounded(call, "RenewLease", this.node.progress.renewLease(group, lease, durationMs));
  }

  async releaseLease(request: LeaseRequest, call: CallState) {
    const group = requireGroup(request.group);
    const lease = requireLease(request.lease);
    const returned = await this.bounded(call, "ReleaseLease", this.node.progress.releaseLease(group, lease));
    return { returned };
  }

  async ack(request: AckRequest, call: CallState) {
    const group = requireGroup(request.group);
    const lease = requireLease(request.lease);
    const offsets = requireOffsets(request.offsets, limits.progressAcksPerCommandMax);
    if (request.cumulative === undefined && offsets.length === 0) {
      throw invalid("an ack needs cumulative, offsets, or both");
    }
    const cumulative =
      request.cumulative === undefined ? {} : { cumulative: requireOffset(request.cumulative, "cumulative") };
    return this.bounded(call, "Ack", this.node.progress.ack({ group, lease, offsets, ...cumulative }));
  }

  async nack(request: NackRequest, call: CallState) {
    const group = requireGroup(request.group);
    const lease = requireLease(request.lease);
    const offsets = requireOffsets(request.offsets, limits.progressAcksPerCommandMax);
    if (offsets.length === 0) throw invalid("offsets must name at least one record to nack");
    const returned = await this.bounded(call, "Nack", this.node.progress.nack(group, lease, offsets));
    return { returned };
  }

  async describeGroup(request: { group: string }, call: CallState) {
    const group = requireGroup(request.group);
    const description = await this.bounded(call, "DescribeGroup", this.node.progress.describeGroup(group));
    return this.describeMessage(description);
  }

  async listGroups(request: { progressGroup: number }, call: CallState) {
    const progressGroup = request.progressGroup === 0 ? 1 : request.progressGroup;
    const count = this.node.clusterInfo().progressGroupCount;
    if (count === 0) throw new HelixError("UNAVAILABLE", "the cluster is not bootstrapped yet");
    if (!Number.isInteger(progressGroup) || progressGroup < 1 || progressGroup > count) {
      throw invalid(`progress_group must be 1..${count}, got ${progressGroup}`);
    }
    return this.bounded(call, "ListGroups", this.node.progress.listGroups(progressGroup));
  }

  async deleteGroup(request: { group: string }, call: CallState) {
    const group = requireGroup(request.group);
    return this.bounded(call, "DeleteGroup", this.node.progress.deleteGroup(group));
  }

  async resetOffsets(request: ResetOffsetsRequest, call: CallState) {
    const group = requireGroup(request.group);
    const topic = requireTopic(this.node, request.topic);
    const to = requireKnown(request.to, resetTargets, "to");
    if (to === "RESET_TO_UNSPECIFIED") {
      throw invalid(
        "to is required: RESET_TO_EARLIEST, RESET_TO_LATEST, RESET_TO_TIMESTAMP or RESET_TO_OFFSET",
      );
    }
    const partitions =
      request.partitions.length === 0
        ? topic.partitions.map((_, partition) => partition)
        : [...new Set(request.partitions.map((partition) => requirePartition(topic, partition)))];
    const target = to === "RESET_TO_OFFSET" ? requireOffset(request.offset) : 0;
    // Only the progress leader can apply the reset: send the client there before resolving anything.
    this.node.progress.requireLeaderOf(group);
    const timestampMs = to === "RESET_TO_TIMESTAMP" ? requireTimestamp(request.timestampMs) : 0;
    // Resolve everything before proposing, so a reset is all or nothing.
    const offsets: { topic: string; partition: number; offset: number }[] = [];
    for (const partition of partitions) {
      const offset = await this.resolveReset(topic.name, partition, to, target, timestampMs);
      offsets.push({ topic: topic.name, partition, offset });
    }
    if (!request.dryRun) {
      await this.bounded(call, "ResetOffsets", this.node.progress.resetOffsets(group, offsets));
    }
    return { offsets: offsets.map(({ partition, offset }) => ({ partition, offset })) };
  }

  /* Internals. */

  private async resolveReset(
    topic: string,
    partition: number,
    to: Exclude<ResetToName, "RESET_TO_UNSPECIFIED">,
    target: number,
    timestampMs: number,
  ): Promise<number> {
    if (to === "RESET_TO_OFFSET") {
      // Kafka's --to-offset clamps into the log.
      const earliest = await this.logOffset(topic, partition, "OFFSET_SPEC_EARLIEST");
      const latest = await this.logOffset(topic, partition, "OFFSET_SPEC_LATEST");
      return Math.min(Math.max(target, earliest), latest);
    }
    if (to === "RESET_TO_EARLIEST") return this.logOffset(topic, partition, "OFFSET_SPEC_EARLIEST");
    if (to === "RESET_TO_LATEST") return this.logOffset(topic, partition, "OFFSET_SPEC_LATEST");
    // The time index is read on the partition leader: here when this node leads it, else over gRPC.
    const found =
      this.node.partitionLeader(topic, partition)?.leader === this.node.nodeId
        ? ((await this.node.offsetForTime(topic, partition, timestampMs))?.offset ?? -1)
        : await this.remoteOffset(topic, partition, "OFFSET_SPEC_TIMESTAMP", timestampMs);
    // No record that late: Kafka resets to the log end.
    return found >= 0 ? found : this.logOffset(topic, partition, "OFFSET_SPEC_LATEST");
  }

  /** The log start or high watermark: from the replica hosted here, else asked of a replica's node. */
  private async logOffset(
    topic: string,
    partition: number,
    spec: "OFFSET_SPEC_EARLIEST" | "OFFSET_SPEC_LATEST",
  ): Promise<number> {
    const replica = this.replicaBounds(topic, partition);
    if (replica === undefined) return this.remoteOffset(topic, partition, spec, 0);
    return spec === "OFFSET_SPEC_EARLIEST" ? replica.logStartOffset : replica.highWatermark;
  }

  /**
   * ListOffsets on the nodes hosting the partition's replicas (following a NOT_LEADER hint, which a
   * timestamp lookup on a follower answers), at most once per replica plus one hint; UNAVAILABLE when
   * none answers. A client per call: resets and lease grants on partitions hosted elsewhere are rare.
   */
  private async remoteOffset(
    topic: string,
    partition: number,
    spec: "OFFSET_SPEC_EARLIEST" | "OFFSET_SPEC_LATEST" | "OFFSET_SPEC_TIMESTAMP",
    timestampMs: number,
  ): Promise<number> {
    const replicas = this.node.topic(topic)?.partitions[partition]?.replicas ?? [];
    const addresses = new Map(this.node.listNodes().map((record) => [record.nodeId, record.grpcAddress]));
    const queue = replicas.filter((id) => id !== this.node.nodeId).flatMap((id) => addresses.get(id) ?? []);
    const tried = new Set<string>();
    let lastError: unknown;
    for (let attempt = 0; attempt <= replicas.length && queue.length > 0; attempt++) {
      const address = queue.shift() as string;
      tried.add(address);
      const client = new HelixClient(address, { deadlineMs: remoteLookupMs });
      try {
        const offsets = await client.listOffsets({ topic, partitions: [partition], spec, timestampMs });
        const found = offsets.find((entry) => entry.partition === partition);
        if (found !== undefined) return found.offset;
      } catch (error) {
        lastError = error;
        const hint = leaderAddressOf(error);
        if (hint !== undefined && !tried.has(hint)) queue.unshift(hint);
      } finally {
        client.close();
      }
    }
    throw new HelixError(
      "UNAVAILABLE",
      `node ${this.node.nodeId} hosts no replica of ${topic}-${partition} and no replica answered ${spec}${lastError instanceof Error ? `: ${lastError.message}` : ""}`,
      { cause: lastError },
    );
  }

  /** The log bounds of the replica hosted here, or undefined when this node hosts none. */
  private replicaBounds(
    topic: string,
    partition: number,
  ): { logStartOffset: number; highWatermark: number } | undefined {
    if (this.node.partitionLeader(topic, partition) === undefined) return undefined;
    return {
      logStartOffset: this.node.logStartOffset(topic, partition),
      highWatermark: this.node.highWatermark(topic, partition),
    };
  }

  private describeMessage(description: GroupDescriptionView) {
    return {
      group: description.group,
      deadLetterAfterDeliveries: description.deadLetterAfterDeliveries,
      generationId: description.generation?.generationId ?? -1,
      members: [...(description.generation?.members ?? [])],
      partitions: description.partitions.map((partition) => {
        const replica =
          partition.topic === "" ? undefined : this.replicaBounds(partition.topic, partition.partition);
        const logEndOffset = replica?.highWatermark ?? -1;
        return {
          topic: partition.topic,
          topicId: partition.topicId,
          partition: partition.partition,
          committedOffset: partition.committedOffset,
          metadata: partition.metadata,
          committedAtMs: partition.committedAtMs,
          leaseEpoch: partition.leaseEpoch,
          logEndOffset,
          lag: logEndOffset < 0 ? -1 : Math.max(0, logEndOffset - partition.committedOffset),
          leases: partition.leases.map((lease) => ({
            leaseId: lease.leaseId,
            epoch: lease.epoch,
            mode: modeName(lease.mode),
            memberId: lease.memberId,
            grantedAtMs: lease.grantedAtMs,
            expiresAtMs: lease.expiresAtMs,
            heldRecords: lease.heldOffsets.length,
          })),
          settledAbove: partition.settledAbove.length,
          inDelivery: partition.deliveries.length,
          deadLetteredTotal: partition.deadLetteredTotal,
        };
      }),
    };
  }

  /** The node's answer within the client's deadline (capped), or TIMEOUT; the command may still apply. */
  private bounded<T>(call: CallState, what: string, operation: Promise<T>): Promise<T> {
    const timeoutMs = Math.min(limits.grpcProduceTimeoutMsMax, remainingMs(call.getDeadline()));
    return withTimeout(operation, timeoutMs, `${what} (the command may still be applied)`);
  }
}

function requireText(value: string, field: string): string {
  if (value === "") throw invalid(`${field} is required`);
  if (value.length > limits.progressNameLengthMax) {
    throw invalid(`${field} is longer than ${limits.progressNameLengthMax} characters`);
  }
  return value;
}

function requireGroup(group: string): string {
  return requireText(group, "group");
}

function requireLease(lease: LeaseRefMessage | null | undefined): LeaseRef {
  if (lease == null) throw invalid("lease is required (lease_id and epoch from AcquireLease)");
  return leaseOf(lease);
}

function leaseOf(lease: LeaseRefMessage): LeaseRef {
  if (!Number.isSafeInteger(lease.leaseId) || lease.leaseId < 1) {
    throw invalid(`lease.lease_id must be a positive integer, got ${lease.leaseId}`);
  }
  if (!Number.isSafeInteger(lease.epoch) || lease.epoch < 1) {
    throw invalid(`lease.epoch must be a positive integer, got ${lease.epoch}`);
  }
  return { leaseId: lease.leaseId, epoch: lease.epoch };
}

function requireDuration(durationMs: number): number {
  const { progressLeaseDurationMsMin: minimum, progressLeaseDurationMsMax: maximum } = limits;
  if (!Number.isInteger(durationMs) || durationMs < minimum || durationMs > maximum) {
    throw invalid(`duration_ms must be ${minimum}..${maximum}, got ${durationMs}`);
  }
  return durationMs;
}

function requireOffsets(offsets: readonly number[], maximum: number): number[] {
  if (offsets.length > maximum) throw invalid(`at most ${maximum} offsets per call, got ${offsets.length}`);
  return offsets.map((offset) => requireOffset(offset, "offsets"));
}

function requireTimestamp(timestampMs: number): number {
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) {
    throw invalid(`timestamp_ms must be a non-negative integer (ms since the epoch), got ${timestampMs}`);
  }
  return timestampMs;
}

function modeName(mode: LeaseMode): LeaseModeName {
  return mode === "shared" ? "LEASE_MODE_SHARED" : "LEASE_MODE_EXCLUSIVE";
}

function grantMessage(grant: LeaseGrantView): LeaseGrantMessage {
  return {
    leaseId: grant.leaseId,
    epoch: grant.epoch,
    mode: modeName(grant.mode),
    memberId: grant.memberId,
    topic: grant.topic,
    partition: grant.partition,
    expiresAtMs: grant.expiresAtMs,
    committedOffset: grant.committedOffset,
    records: grant.records.map((record) => ({ offset: record.offset, deliveryCount: record.deliveryCount })),
  };
}
