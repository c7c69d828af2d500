/**
 * A typed client for helix.v1.Progress (progress.proto): consumer-group offsets, leases, acks. Every call
 * goes to the node at `address`; a node that does not lead the group's progress group fails with a
 * HelixError NOT_LEADER whose `details.leaderAddress` names the node to call (the CLI's followLeader
 * does that). Errors are HelixErrors exactly as HelixClient raises them.
 */
import {
  type ClientUnaryCall,
  credentials,
  type GrpcObject,
  loadPackageDefinition,
  Metadata,
  type ServiceClientConstructor,
  type ServiceError,
} from "@grpc/grpc-js";
import { limits } from "@helixlog/core";
import { loadHelixProtos } from "../edges/grpc/messages.js";
import type { LeaseGrantMessage, LeaseModeName, ResetToName } from "../edges/grpc/progress-service.js";
import {
  type CallOptions,
  defaultDeadlineMs,
  type HelixClientOptions,
  toHelixError,
} from "./helix-client.js";

export type { LeaseGrantMessage, LeaseModeName, ResetToName };

export interface LeaseRefInput {
  readonly leaseId: number;
  readonly epoch: number;
}

export interface OffsetCommitInput {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly metadata?: string;
  readonly lease?: LeaseRefInput;
}

export interface PartitionResultMessage {
  topic: string;
  partition: number;
  /** Empty when applied. */
  errorCode: string;
  errorMessage: string;
}

export interface CommittedOffsetMessage {
  topic: string;
  partition: number;
  /** -1 when the group has no progress on the partition. */
  committedOffset: number;
  metadata: string;
  topicId: string;
}

export interface AcquireLeaseInput {
  readonly group: string;
  readonly memberId: string;
  readonly topic: string;
  readonly partition: number;
  readonly mode?: LeaseModeName;
  readonly durationMs: number;
  readonly initialOffset?: number;
  readonly maxRecords?: number;
  readonly logEndOffset?: number;
}

export interface ReturnedRecordsMessage {
  redeliverable: number;
  deadLettered: number[];
}

export interface AckResponse {
  committedOffset: number;
  newlySettled: number;
  duplicates: number[];
}

export interface LeaseDescriptionMessage {
  leaseId: number;
  epoch: number;
  mode: LeaseModeName;
  memberId: string;
  grantedAtMs: number;
  expiresAtMs: number;
  heldRecords: number;
}

export interface PartitionProgressMessage {
  topic: string;
  topicId: string;
  partition: number;
  committedOffset: number;
  metadata: string;
  committedAtMs: number;
  leaseEpoch: number;
  /** -1 when the answering node hosts no replica of the partition. */
  logEndOffset: number;
  lag: number;
  leases: LeaseDescriptionMessage[];
  settledAbove: number;
  inDelivery: number;
  deadLetteredTotal: number;
}

export interface GroupDescriptionMessage {
  group: string;
  deadLetterAfterDeliveries: number;
  generationId: number;
  members: string[];
  partitions: PartitionProgressMessage[];
}

export interface GroupListingMessage {
  group: string;
  partitions: number;
  liveLeases: number;
  members: number;
}

export interface ListGroupsResponse {
  progressGroup: number;
  progressGroupCount: number;
  groups: GroupListingMessage[];
}

export interface ResetOffsetsInput {
  readonly group: string;
  readonly topic: string;
  /** Empty or absent: every partition of the topic. */
  readonly partitions?: readonly number[];
  readonly to: Exclude<ResetToName, "RESET_TO_UNSPECIFIED">;
  readonly timestampMs?: number;
  readonly offset?: number;
  readonly dryRun?: boolean;
}

type UnaryMethod = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: number },
  callback: (error: ServiceError | null, response?: unknown) => void,
) => ClientUnaryCall;
// biome-ignore lint/suspicious/noExplicitAny: proto-loader generates the service client at run time.
type DynamicClient = any;

let cachedService: ServiceClientConstructor | undefined;

function service(): ServiceClientConstructor {
  if (cachedService === undefined) {
    const helix = (loadPackageDefinition(loadHelixProtos()).helix as GrpcObject).v1 as GrpcObject;
    cachedService = helix.Progress as ServiceClientConstructor;
  }
  return cachedService;
}

export class ProgressClient {
  readonly address: string;
  private readonly deadlineMs: number;
  private readonly client: DynamicClient;

  constructor(address: string, options: HelixClientOptions = {}) {
    this.address = address;
    this.deadlineMs = options.deadlineMs ?? defaultDeadlineMs;
    const Progress = service();
    this.client = new Progress(address, credentials.createInsecure(), {
      "grpc.max_receive_message_length": limits.grpcRequestSizeBytesMax,
      "grpc.max_send_message_length": limits.grpcRequestSizeBytesMax,
    });
  }

  async commitOffsets(
    group: string,
    offsets: readonly OffsetCommitInput[],
    options?: CallOptions,
  ): Promise<PartitionResultMessage[]> {
    const response = await this.unary<{ partitions: PartitionResultMessage[] }>(
      "CommitOffsets",
      { group, offsets },
      options,
    );
    return response.partitions;
  }

  /** `partitions` empty or absent: every partition the group tracks. */
  async fetchOffsets(
    group: string,
    partitions: readonly { topic: string; partition: number }[] = [],
    options?: CallOptions,
  ): Promise<CommittedOffsetMessage[]> {
    const response = await this.unary<{ offsets: CommittedOffsetMessage[] }>(
      "FetchOffsets",
      { group, partitions },
      options,
    );
    return response.offsets;
  }

  /** The grant, or null when a shared lease found nothing to hand out. */
  async acquireLease(request: AcquireLeaseInput, options?: CallOptions): Promise<LeaseGrantMessage | null> {
    const response = await this.unary<{ granted: boolean; lease: LeaseGrantMessage | null }>(
      "AcquireLease",
      request,
      options,
    );
    return response.granted ? response.lease : null;
  }

  renewLease(
    group: string,
    lease: LeaseRefInput,
    durationMs: number,
    options?: CallOptions,
  ): Promise<{ expiresAtMs: number }> {
    return this.unary("RenewLease", { group, lease, durationMs }, options);
  }

  async releaseLease(
    group: string,
    lease: LeaseRefInput,
    options?: CallOptions,
  ): Promise<ReturnedRecordsMessage> {
    const response = await this.unary<{ returned: ReturnedRecordsMessage }>(
      "ReleaseLease",
      { group, lease },
      options,
    );
    return response.returned;
  }

  ack(
    request: { group: string; lease: LeaseRefInput; cumulative?: number; offsets?: readonly number[] },
    options?: CallOptions,
  ): Promise<AckResponse> {
    return this.unary("Ack", { offsets: [], ...request }, options);
  }

  async nack(
    group: string,
    lease: LeaseRefInput,
    offsets: readonly number[],
    options?: CallOptions,
  ): Promise<ReturnedRecordsMessage> {
    const response = await this.unary<{ returned: ReturnedRecordsMessage }>(
      "Nack",
      { group, lease, offsets },
      options,
    );
    return response.returned;
  }

  describeGroup(group: string, options?: CallOptions): Promise<GroupDescriptionMessage> {
    return this.unary("DescribeGroup", { group }, options);
  }

  /** One progress group's consumer groups; 1..progressGroupCount of the answer covers them all. */
  listGroups(progressGroup: number, options?: CallOptions): Promise<ListGroupsResponse> {
    return this.unary("ListGroups", { progressGroup }, options);
  }

  deleteGroup(group: string, options?: CallOptions): Promise<{ deletedPartitions: number }> {
    return this.unary("DeleteGroup", { group }, options);
  }

  async resetOffsets(
    request: ResetOffsetsInput,
    options?: CallOptions,
  ): Promise<{ partition: number; offset: number }[]> {
    const response = await this.unary<{ offsets: { partition: number; offset: number }[] }>(
      "ResetOffsets",
      request,
      options,
    );
    return response.offsets;
  }

  close(): void {
    this.client.close();
  }

  private unary<Response>(
    method: string,
    request: unknown,
    options: CallOptions | undefined,
  ): Promise<Response> {
    const deadline = Date.now() + (options?.deadlineMs ?? this.deadlineMs);
    const invoke = this.client[method].bind(this.client) as UnaryMethod;
    return new Promise((resolve, reject) => {
      invoke(request, new Metadata(), { deadline }, (error, response) => {
        if (error !== null) reject(toHelixError(error, this.address));
        else resolve(response as Response);
      });
    });
  }
}
