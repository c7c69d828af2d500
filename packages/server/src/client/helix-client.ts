/**
 * A typed client for the helix.v1 gRPC API (log.proto, admin.proto, kv.proto), shared by the CLI, tests and any
 * TypeScript tool. It loads the protos from this package's proto directory, gives every call a deadline,
 * and turns every failed call into a HelixError:
 *
 * - a status carrying a helix.v1.ErrorDetail becomes the HelixError the node threw (same code, the
 *   message, and `details.leader` / `details.leaderAddress` / `details.retryAfterMs`);
 * - a call that never reached a node becomes UNAVAILABLE with `details.unreachable = true` and a
 *   message saying what to do ("cannot reach HOST:PORT: is a node running? try `helix dev`");
 * - any other status becomes the HelixError code with the same gRPC status.
 */
import {
  type ClientReadableStream,
  type ClientUnaryCall,
  credentials,
  type GrpcObject,
  loadPackageDefinition,
  Metadata,
  type ServiceClientConstructor,
  type ServiceError,
  status,
} from "@grpc/grpc-js";
import { type ErrorCode, errorCodes, grpcStatus, HelixError, isErrorCode, limits } from "@helixlog/core";
import { decodeErrorDetail } from "../edges/grpc/error-status.js";
import {
  type BrokerMessage,
  type FetchRequest,
  type FetchResponse,
  type ListOffsetsRequest,
  loadHelixProtos,
  type PartitionOffsetMessage,
  type ProduceRequest,
  type ProduceResponse,
  type SubscribeRequest,
  type TopicDescriptionMessage,
} from "../edges/grpc/messages.js";

export type {
  BrokerMessage,
  FetchedRecordMessage,
  FetchResponse,
  HeaderMessage,
  PartitionDescriptionMessage,
  PartitionOffsetMessage,
  ProduceResponse,
  RecordMessage,
  TopicDescriptionMessage,
} from "../edges/grpc/messages.js";

/** Requests as a caller writes them: every field the proto defaults may be left out. */
export type ProduceInput = Pick<ProduceRequest, "topic"> & Partial<Omit<ProduceRequest, "topic">>;
export type FetchInput = Pick<FetchRequest, "topic" | "partition" | "offset"> &
  Partial<Omit<FetchRequest, "topic" | "partition" | "offset">>;
export type SubscribeInput = Pick<SubscribeRequest, "topic" | "partition" | "offset"> &
  Partial<Omit<SubscribeRequest, "topic" | "partition" | "offset">>;
export type ListOffsetsInput = Pick<ListOffsetsRequest, "topic"> & Partial<Omit<ListOffsetsRequest, "topic">>;

export interface CreateTopicInput {
  readonly name: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  readonly configs?: Readonly<Record<string, string>>;
  readonly validateOnly?: boolean;
}

export interface AlterTopicInput {
  readonly name: string;
  readonly setConfigs?: Readonly<Record<string, string>>;
  readonly removeConfigs?: readonly string[];
  readonly partitions?: number;
}

export interface MetadataResponse {
  clusterId: string;
  /** -1 when the node sees no controller leader. */
  controllerId: number;
  brokers: BrokerMessage[];
  topics: TopicDescriptionMessage[];
}

export interface NodeStatusMessage {
  broker: BrokerMessage;
  groupsHosted: number;
  groupsLed: number;
  underReplicatedPartitions: number;
}

export interface ReplicaStatusMessage {
  nodeId: number;
  lagEntries: number;
  inSync: boolean;
  alive: boolean;
}

export interface PartitionReplicationMessage {
  topic: string;
  partition: number;
  leaderEpoch: number;
  replicas: ReplicaStatusMessage[];
}

export interface ClusterStatusResponse {
  clusterId: string;
  /** 0 when the node sees no controller leader. */
  controllerLeader: number;
  /** groupsLed and underReplicatedPartitions are known for the answering node only. */
  nodes: NodeStatusMessage[];
  answeredBy: number;
  /** Partitions the answering node leads, with each replica's lag. */
  ledPartitions: PartitionReplicationMessage[];
}

export interface HelixClientOptions {
  /** Deadline of each call unless the call passes its own; a long-poll Fetch adds its wait to it. */
  readonly deadlineMs?: number;
  /**
   * Who this client's calls are charged to for quotas (issue 12), sent as the gRPC metadata
   * `x-helix-principal` and `x-helix-client-id`. Unset: the node's defaults ("anonymous" and no client id).
   */
  readonly principal?: string;
  readonly clientId?: string;
}

export interface CallOptions {
  readonly deadlineMs?: number;
}

/**
 * A quota's entity: `principal` "" is the default principal; `clientId` absent makes it the principal's
 * own quota (shared by its client ids), "" the default for each client id of the principal; `topic`
 * present makes it the client id's quota on that topic ("" the default for each topic; clientId absent
 * then means each client id). `cluster` true: the node-wide total of every principal (nothing else set).
 */
export interface QuotaEntityInput {
  readonly principal?: string;
  readonly clientId?: string;
  readonly topic?: string;
  readonly cluster?: boolean;
}

/** Per second and per node; 0 or absent: unlimited. A burst of 0 or absent: one second's worth of the rate. */
export interface QuotaLimitsInput {
  readonly produceBytesPerSecond?: number;
  readonly fetchBytesPerSecond?: number;
  readonly requestsPerSecond?: number;
  readonly produceBurstBytes?: number;
  readonly fetchBurstBytes?: number;
  readonly requestBurst?: number;
  /** The principal's weight in each node's fair queue (1-1000; 0 or absent: the default, 1). */
  readonly weight?: number;
}

export interface QuotaMessage {
  entity: { principal: string; clientId?: string; topic?: string; cluster?: boolean };
  limits: Required<{ -readonly [Key in keyof QuotaLimitsInput]: number }>;
}

/** Ten seconds: long enough for a leader election (a few hundred ms) plus an fsync-heavy produce. */
export const defaultDeadlineMs = 10_000;

/** The message of every connection failure; scripts and tests match on the hint. */
export function unreachableMessage(address: string): string {
  return `cannot reach ${address}: is a node running? try \`helix dev\``;
}

/** True for the HelixError a client raises when no node answered at all (as opposed to a node refusing). */
export function isUnreachable(error: unknown): boolean {
  return HelixError.isInstance(error) && error.details.unreachable === true;
}

/** The gRPC address of the leader named by a NOT_LEADER error, when the node knew it. */
export function leaderAddressOf(error: unknown): string | undefined {
  if (!HelixError.isInstance(error)) return undefined;
  const address = error.details.leaderAddress;
  return typeof address === "string" && address !== "" ? address : undefined;
}

type Callback<Response> = (error: ServiceError | null, response?: Response) => void;
type UnaryMethod = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: number },
  callback: Callback<unknown>,
) => ClientUnaryCall;
// biome-ignore lint/suspicious/noExplicitAny: proto-loader generates the service clients at run time.
type DynamicClient = any;

interface ServiceConstructors {
  log: ServiceClientConstructor;
  admin: ServiceClientConstructor;
  kv: ServiceClientConstructor;
}

let cachedServices: ServiceConstructors | undefined;

function services(): ServiceConstructors {
  if (cachedServices === undefined) {
    const helix = (loadPackageDefinition(loadHelixProtos()).helix as GrpcObject).v1 as GrpcObject;
    cachedServices = {
      log: helix.Log as ServiceClientConstructor,
      admin: helix.Admin as ServiceClientConstructor,
      kv: helix.Kv as ServiceClientConstructor,
    };
  }
  return cachedServices;
}

export class HelixClient {
  readonly address: string;
  private readonly deadlineMs: number;
  private readonly log: DynamicClient;
  private readonly admin: DynamicClient;
  private readonly kv: DynamicClient;
  /** The quota identity sent with every call (empty when the caller set none). */
  private readonly identity: readonly (readonly [key: string, value: string])[];

  /** `address` is the node's gRPC HOST:PORT. Connecting is lazy: the first call does it. */
  constructor(address: string, options: HelixClientOptions = {}) {
    this.address = address;
    this.deadlineMs = options.deadlineMs ?? defaultDeadlineMs;
    this.identity = [
      ...(options.principal === undefined ? [] : [["x-helix-principal", options.principal] as const]),
      ...(options.clientId === undefined ? [] : [["x-helix-client-id", options.clientId] as const]),
    ];
    const channelOptions = {
      "grpc.max_receive_message_length": limits.grpcRequestSizeBytesMax,
      "grpc.max_send_message_length": limits.grpcRequestSizeBytesMax,
    };
    const { log, admin, kv } = services();
    this.log = new log(address, credentials.createInsecure(), channelOptions);
    this.admin = new admin(address, credentials.createInsecure(), channelOptions);
    this.kv = new kv(address, credentials.createInsecure(), channelOptions);
  }

  produce(request: ProduceInput, options?: CallOptions): Promise<ProduceResponse> {
    return this.unary(this.log, "Produce", request, options);
  }

  /** A long poll: the deadline covers `maxWaitMs` on top of the usual one. */
  fetch(request: FetchInput, options?: CallOptions): Promise<FetchResponse> {
    const deadlineMs = (options?.deadlineMs ?? this.deadlineMs) + (request.maxWaitMs ?? 0);
    return this.unary(this.log, "Fetch", request, { deadlineMs });
  }

  async listOffsets(request: ListOffsetsInput, options?: CallOptions): Promise<PartitionOffsetMessage[]> {
    const response = await this.unary<{ offsets: PartitionOffsetMessage[] }>(
      this.log,
      "ListOffsets",
      request,
      options,
    );
    return response.offsets;
  }

  /**
   * Deletes the partition's records before `beforeOffset` (-1: the high watermark), on its leader;
   * resolves with the new log start offset.
   */
  async deleteRecords(
    topic: string,
    partition: number,
    beforeOffset: number,
    options?: CallOptions,
  ): Promise<{ lowWatermark: number }> {
    return this.unary(this.log, "DeleteRecords", { topic, partition, beforeOffset }, options);
  }

  /** Committed records as they commit, until `cancel()`; errors arrive as HelixErrors. */
  subscribe(request: SubscribeInput): {
    readonly responses: AsyncIterable<FetchResponse>;
    cancel(): void;
  } {
    // The quota identity goes with the stream too: Subscribe reads are charged to its fetch quota.
    const metadata = new Metadata();
    for (const [key, value] of this.identity) metadata.set(key, value);
    const stream: ClientReadableStream<FetchResponse> = this.log.Subscribe(request, metadata);
    const address = this.address;
    async function* responses(): AsyncGenerator<FetchResponse> {
      try {
        for await (const response of stream) yield response as FetchResponse;
      } catch (error) {
        if ((error as ServiceError).code === status.CANCELLED) return;
        throw toHelixError(error as ServiceError, address);
      }
    }
    return { responses: responses(), cancel: () => stream.cancel() };
  }

  createTopic(request: CreateTopicInput, options?: CallOptions): Promise<TopicDescriptionMessage> {
    return this.unary(this.admin, "CreateTopic", request, options);
  }

  async deleteTopic(name: string, options?: CallOptions): Promise<void> {
    await this.unary(this.admin, "DeleteTopic", { name }, options);
  }

  async listTopics(options?: CallOptions): Promise<TopicDescriptionMessage[]> {
    const response = await this.unary<{ topics: TopicDescriptionMessage[] }>(
      this.admin,
      "ListTopics",
      {},
      options,
    );
    return response.topics;
  }

  describeTopic(name: string, options?: CallOptions): Promise<TopicDescriptionMessage> {
    return this.unary(this.admin, "DescribeTopic", { name }, options);
  }

  alterTopic(request: AlterTopicInput, options?: CallOptions): Promise<TopicDescriptionMessage> {
    return this.unary(this.admin, "AlterTopic", request, options);
  }

  /** Brokers and partition leaders; `topics` empty means every topic. */
  metadata(topics: readonly string[] = [], options?: CallOptions): Promise<MetadataResponse> {
    return this.unary(this.admin, "Metadata", { topics }, options);
  }

  clusterStatus(options?: CallOptions): Promise<ClusterStatusResponse> {
    return this.unary(this.admin, "ClusterStatus", {}, options);
  }

  /** Sets (replaces) an entity's quota, on the controller leader; resolves with it, bursts resolved. */
  async setQuota(
    entity: QuotaEntityInput,
    quota: QuotaLimitsInput,
    options?: CallOptions,
  ): Promise<QuotaMessage> {
    const response = await this.unary<QuotaMessage>(
      this.admin,
      "SetQuota",
      { entity: entityMessage(entity), limits: quota },
      options,
    );
    return quotaOf(response);
  }

  /** Removes an entity's quota, on the controller leader; resolves with whether it had one. */
  async deleteQuota(entity: QuotaEntityInput, options?: CallOptions): Promise<boolean> {
    const response = await this.unary<{ deleted: boolean }>(
      this.admin,
      "DeleteQuota",
      { entity: entityMessage(entity) },
      options,
    );
    return response.deleted;
  }

  /** Every quota, as the answering node has applied them (read through the controller's commit index). */
  async listQuotas(options?: CallOptions): Promise<QuotaMessage[]> {
    const response = await this.unary<{ quotas: QuotaMessage[] }>(this.admin, "ListQuotas", {}, options);
    return response.quotas.map(quotaOf);
  }

  /**
   * A key of the replicated KV store: linearizable by default (any node, through ReadIndex), or this
   * node's possibly stale copy with `serializable`. Undefined when the key is absent.
   */
  async kvGet(
    key: string,
    options?: CallOptions & { readonly serializable?: boolean },
  ): Promise<{ value: Uint8Array; revision: number } | undefined> {
    const response = await this.unary<{ found: boolean; value: Buffer; revision: number }>(
      this.kv,
      "Get",
      { key, serializable: options?.serializable ?? false },
      options,
    );
    return response.found
      ? { value: new Uint8Array(response.value), revision: response.revision }
      : undefined;
  }

  /** Sets a key (controller leader only: NOT_LEADER elsewhere, with the leader); resolves with the new revision. */
  async kvPut(key: string, value: Uint8Array, options?: CallOptions): Promise<number> {
    const response = await this.unary<{ revision: number }>(
      this.kv,
      "Put",
      { key, value: Buffer.from(value) },
      options,
    );
    return response.revision;
  }

  /** Deletes a key; resolves with whether it existed. */
  async kvDelete(key: string, options?: CallOptions): Promise<boolean> {
    const response = await this.unary<{ deleted: boolean }>(this.kv, "Delete", { key }, options);
    return response.deleted;
  }

  /**
   * Sets `key` only if its revision is `expectedRevision` (0: absent). `revision` is the new one when
   * swapped, else the key's current one.
   */
  kvCompareAndSet(
    key: string,
    expectedRevision: number,
    value: Uint8Array,
    options?: CallOptions,
  ): Promise<{ swapped: boolean; revision: number }> {
    return this.unary(
      this.kv,
      "CompareAndSet",
      { key, expectedRevision, value: Buffer.from(value) },
      options,
    );
  }

  close(): void {
    this.log.close();
    this.admin.close();
    this.kv.close();
  }

  private unary<Response>(
    client: DynamicClient,
    method: string,
    request: unknown,
    options: CallOptions | undefined,
  ): Promise<Response> {
    const deadline = Date.now() + (options?.deadlineMs ?? this.deadlineMs);
    const invoke = client[method].bind(client) as UnaryMethod;
    return new Promise((resolve, reject) => {
      const metadata = new Metadata();
      for (const [key, value] of this.identity) metadata.set(key, value);
      invoke(request, metadata, { deadline }, (error, response) => {
        if (error !== null) reject(toHelixError(error, this.address));
        else resolve(response as Response);
      });
    });
  }
}

/** Drops proto-loader's synthetic oneof fields of the proto3 `optional` fields, and `cluster` when false. */
function quotaOf(quota: QuotaMessage): QuotaMessage {
  const { principal, clientId, topic, cluster } = quota.entity;
  return {
    entity: {
      principal,
      ...(clientId === undefined ? {} : { clientId }),
      ...(topic === undefined ? {} : { topic }),
      ...(cluster === true ? { cluster } : {}),
    },
    limits: quota.limits,
  };
}

function entityMessage(entity: QuotaEntityInput): QuotaMessage["entity"] {
  return {
    principal: entity.principal ?? "",
    ...(entity.clientId === undefined ? {} : { clientId: entity.clientId }),
    ...(entity.topic === undefined ? {} : { topic: entity.topic }),
    ...(entity.cluster === undefined ? {} : { cluster: entity.cluster }),
  };
}

/** The HelixError for a failed call; exported for callers that use raw grpc-js clients. */
export function toHelixError(error: ServiceError, address: string): HelixError {
  const detail = error.metadata === undefined ? undefined : decodeErrorDetail(error.metadata);
  if (detail !== undefined && isErrorCode(detail.code)) {
    return new HelixError(detail.code, messageOf(error), {
      cause: error,
      details: {
        ...(detail.leaderId > 0 ? { leader: detail.leaderId } : {}),
        ...(detail.leaderAddress === "" ? {} : { leaderAddress: detail.leaderAddress }),
        ...(detail.retryAfterMs > 0 ? { retryAfterMs: detail.retryAfterMs } : {}),
      },
    });
  }
  // Without a detail the status came from grpc-js itself: the channel never reached a node (or the
  // deadline ran out while connecting), which is a different fix from a node refusing the request.
  const neverConnected =
    error.code === status.UNAVAILABLE ||
    (error.code === status.DEADLINE_EXCEEDED && /connect|established/i.test(error.details ?? ""));
  if (neverConnected) {
    return new HelixError("UNAVAILABLE", unreachableMessage(address), {
      cause: error,
      details: { unreachable: true },
    });
  }
  return new HelixError(codeForStatus(error.code), messageOf(error), { cause: error });
}

function messageOf(error: ServiceError): string {
  // The server sets `details` to "CODE: message"; the CLI prints the code separately.
  const text = error.details ?? error.message;
  const separator = text.indexOf(": ");
  const prefix = separator < 0 ? "" : text.slice(0, separator);
  return isErrorCode(prefix) ? text.slice(separator + 2) : text;
}

/** The first Helix code whose gRPC status is `code` (INTERNAL for anything unmapped). */
function codeForStatus(code: number): ErrorCode {
  for (const [name, spec] of Object.entries(errorCodes)) {
    if (grpcStatus[spec.grpc] === code) return name as ErrorCode;
  }
  return "INTERNAL";
}
