/**
 * The KafkaBackend port: what the Kafka protocol edge needs from a Helix node, in Helix terms rather than
 * wire structs. The server implements it over its partitions, controller and progress groups; tests
 * implement it in memory. Every method rejects with a HelixError on failure; the broker maps it to a
 * Kafka error code with `error.kafkaErrorCode`, per partition or per resource where the API allows.
 *
 * Offsets and timestamps are `bigint` because Kafka carries them as int64 on the wire.
 *
 * Long polling is the backend's job: `fetch` receives `maxWaitMs` and `minBytes` and resolves when
 * `minBytes` are available or `maxWaitMs` has passed (the broker already capped it at
 * `kafkaFetchWaitMsMax`). The backend is the one that knows when a high watermark moves, so it can wake
 * waiting fetches without polling.
 */
import type { TopicId } from "@helixlog/core";
import { KafkaWireError, wireErrorCode } from "./kafka-error-codes.js";

export interface BrokerDescription {
  readonly nodeId: number;
  /** The advertised host and port clients connect to. */
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

export interface PartitionDescription {
  readonly partition: number;
  /** Node id of the leader, or -1 while none is known (answered as LEADER_NOT_AVAILABLE). */
  readonly leaderId: number;
  /** The Raft term of the partition's leader. */
  readonly leaderEpoch: number;
  readonly replicas: readonly number[];
  /** Voters whose replication is within the lag bound (DESIGN.md §2). */
  readonly isr: readonly number[];
  readonly offlineReplicas: readonly number[];
}

export interface TopicDescription {
  readonly name: string;
  readonly topicId: TopicId;
  readonly internal: boolean;
  readonly partitions: readonly PartitionDescription[];
}

export interface ClusterMetadata {
  readonly clusterId: string;
  readonly controllerId: number;
  /** Every live broker. */
  readonly brokers: readonly BrokerDescription[];
  /** The topics asked for that exist (all of them when no names were given). */
  readonly topics: readonly TopicDescription[];
}

export type Acks = -1 | 0 | 1;

/**
 * Who sent a request, for quotas and fair queueing: Kafka meters (user, client-id). Without SASL the
 * user is "anonymous" (Helix's default principal).
 */
export interface KafkaCaller {
  readonly principal: string;
  readonly clientId: string;
}

/** What a Kafka quota charges: produce bytes (request size) or fetch bytes (response size). */
export type KafkaQuotaResource = "produceBytes" | "fetchBytes";

/**
 * The record bytes of one topic in a metered request (produce) or response (fetch), for topic-level
 * quotas. `name` is "" where the request named the topic by id only (Fetch v13+); `topicId` is "" where
 * it named it by name.
 */
export interface KafkaTopicBytes {
  readonly name: string;
  readonly topicId: string;
  readonly bytes: number;
}

export interface ProduceInput {
  readonly topic: string;
  readonly partition: number;
  /** One or more record batches v2, as the client sent them (not yet validated). */
  readonly records: Uint8Array;
  readonly acks: Acks;
  readonly timeoutMs: number;
  readonly caller?: KafkaCaller;
}

export interface ProduceResult {
  readonly baseOffset: bigint;
  /** Broker append time when the topic uses LogAppendTime, else -1n. */
  readonly logAppendTimeMs: bigint;
  readonly logStartOffset: bigint;
}

export type IsolationLevel = "read_uncommitted" | "read_committed";

export interface FetchInput {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  /** Byte budget for this partition; at least one whole batch is returned even past it (KIP-74). */
  readonly maxBytes: number;
  readonly maxWaitMs: number;
  readonly minBytes: number;
  readonly isolation: IsolationLevel;
  /** The leader epoch the client believes current (KIP-320), -1 when it sent none: see checkLeaderEpoch. */
  readonly currentLeaderEpoch: number;
  readonly caller?: KafkaCaller;
}

export interface FetchResult {
  readonly highWatermark: bigint;
  readonly lastStableOffset: bigint;
  readonly logStartOffset: bigint;
  /** Whole record batches starting at or before `offset`. */
  readonly records: Uint8Array;
}

/** What ListOffsets asks for: Kafka's special timestamps -2 (earliest), -1 (latest), -3 (max timestamp). */
export type OffsetQuery =
  | { readonly kind: "earliest" }
  | { readonly kind: "latest" }
  | { readonly kind: "max-timestamp" }
  | { readonly kind: "timestamp"; readonly timestampMs: bigint };

export interface ListedOffset {
  /** -1n when no record matches a timestamp query. */
  readonly offset: bigint;
  readonly timestampMs: bigint;
  /** The epoch the record at `offset` was written in (the current epoch for "latest"); -1 if unknown. */
  readonly leaderEpoch: number;
}

export interface TopicSpec {
  readonly name: string;
  /** -1 means the cluster default. */
  readonly partitions: number;
  /** -1 means the cluster default. */
  readonly replicationFactor: number;
  readonly configs: ReadonlyMap<string, string | null>;
  readonly validateOnly: boolean;
}

export type ConfigResourceType = "topic" | "broker";

export interface ConfigResource {
  readonly type: ConfigResourceType;
  /** Topic name, or broker id as text ("" for the cluster-wide broker defaults). */
  readonly name: string;
}

export interface ConfigEntry {
  readonly name: string;
  readonly value: string | null;
  readonly readOnly: boolean;
  readonly isDefault: boolean;
  readonly sensitive: boolean;
}

export type ConfigChange =
  | { readonly operation: "set"; readonly name: string; readonly value: string }
  | { readonly operation: "delete"; readonly name: string };

export interface ProducerIdentity {
  readonly producerId: bigint;
  readonly producerEpoch: number;
}

export interface ActiveProducer extends ProducerIdentity {
  readonly lastSequence: number;
  readonly lastTimestampMs: bigint;
}

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

export interface CommittedOffset extends TopicPartition {
  readonly offset: bigint;
  readonly leaderEpoch: number;
  readonly metadata: string | null;
}

/** Who commits offsets within a classic group's generation. */
export interface OffsetCommitMember {
  readonly generationId: number;
  readonly memberId: string;
}

/** A stored group as ListGroups reports it. */
export interface StoredGroupListing {
  readonly groupId: string;
  readonly protocolType: string;
  /** "Empty" when no generation with members is stored, "Stable" otherwise. */
  readonly state: "Empty" | "Stable";
}

/** A member as the coordinator persists it: enough to resume a Stable generation after failover. */
export interface StoredGroupMember {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  /** The member's metadata for the group's chosen protocol. */
  readonly metadata: Uint8Array;
  readonly assignment: Uint8Array;
}

/** A classic group's durable state (Kafka's GroupMetadata record in `__consumer_offsets`). */
export interface StoredGroup {
  readonly groupId: string;
  readonly generationId: number;
  readonly protocolType: string | null;
  readonly protocolName: string | null;
  readonly leaderId: string | null;
  readonly members: readonly StoredGroupMember[];
}

export interface KafkaBackend {
  /** This broker's node id (Kafka broker id). */
  readonly nodeId: number;

  /** Cluster metadata; `topicNames` null means every topic. Unknown names are left out. */
  metadata(topicNames: readonly string[] | null): Promise<ClusterMetadata>;

  produce(input: ProduceInput): Promise<ProduceResult>;
  fetch(input: FetchInput): Promise<FetchResult>;
  /**
   * Quotas (optional): charges one Produce or Fetch request of `bytes` (and one request) to `caller`
   * and answers the throttle time in ms, 0 when within quota. The broker puts it in the response's
   * `throttle_time_ms` and mutes the connection that long (KIP-219; broker/quota-throttle.ts).
   * `topics` splits the records' bytes by topic (their sum is at most `bytes`), for topic-level quotas.
   */
  quotaThrottleMs?(
    caller: KafkaCaller,
    resource: KafkaQuotaResource,
    bytes: number,
    topics: readonly KafkaTopicBytes[],
  ): number;
  /** `currentLeaderEpoch`: as in FetchInput. */
  listOffset(
    topic: string,
    partition: number,
    query: OffsetQuery,
    isolation: IsolationLevel,
    currentLeaderEpoch: number,
  ): Promise<ListedOffset>;

  createTopic(spec: TopicSpec): Promise<TopicDescription>;
  deleteTopic(name: string): Promise<void>;
  /** Grows `topic` to `totalCount` partitions. */
  createPartitions(topic: string, totalCount: number, validateOnly: boolean): Promise<void>;
  describeConfigs(resource: ConfigResource): Promise<readonly ConfigEntry[]>;
  /** "replace" (AlterConfigs) resets every config not named; "incremental" touches only those named. */
  alterConfigs(
    resource: ConfigResource,
    changes: readonly ConfigChange[],
    mode: "replace" | "incremental",
    validateOnly: boolean,
  ): Promise<void>;

  /** A new producer id, or a bumped epoch for `current` (KIP-360). Transactions are not served. */
  initProducerId(current: ProducerIdentity | null): Promise<ProducerIdentity>;
  /** Moves the log start offset up to `beforeOffset` (-1n: the high watermark); returns the new start. */
  deleteRecords(topic: string, partition: number, beforeOffset: bigint): Promise<bigint>;
  /**
   * On the partition leader, the end offset of `leaderEpoch` (KIP-101/320, Kafka's
   * `LeaderEpochFileCache.endOffsetFor`): the log end offset for the current epoch; otherwise the start
   * of the next larger epoch, answered with the largest epoch at or below the one asked for; epoch -1
   * and offset -1 when the epoch is unknown. `currentLeaderEpoch`: as in FetchInput.
   */
  offsetForLeaderEpoch(
    topic: string,
    partition: number,
    leaderEpoch: number,
    currentLeaderEpoch: number,
  ): Promise<{ readonly leaderEpoch: number; readonly endOffset: bigint }>;
  describeProducers(topic: string, partition: number): Promise<readonly ActiveProducer[]>;

  /**
   * The node that coordinates `groupId` (leader of the group's progress group). Throws KafkaWireError
   * COORDINATOR_NOT_AVAILABLE while there is none. The group APIs ask it before every request and answer
   * NOT_COORDINATOR when it names another node, so clients look the coordinator up again.
   */
  findCoordinator(groupId: string): Promise<number>;
  /**
   * Stores committed offsets. `member` is the committing member of the group's generation (null for a
   * standalone consumer, generation -1): the store fences stale generations on its own, since another
   * coordinator may have moved the group on. Answers one Kafka error code per offset, in order (0 when
   * committed), or nothing when every offset was committed. Group-wide failures throw (KafkaWireError
   * NOT_COORDINATOR when this node stopped coordinating the group).
   */
  commitOffsets(
    groupId: string,
    offsets: readonly CommittedOffset[],
    member: OffsetCommitMember | null,
    // biome-ignore lint/suspicious/noConfusingVoidType: a backend that never fails per partition returns nothing.
  ): Promise<readonly number[] | void>;
  /** Committed offsets of the given partitions (null: all the group has); missing ones are left out. */
  fetchOffsets(
    groupId: string,
    partitions: readonly TopicPartition[] | null,
  ): Promise<readonly CommittedOffset[]>;
  storeGroup(group: StoredGroup): Promise<void>;
  /** The stored state of `groupId`, or undefined when there is none. */
  loadGroup(groupId: string): Promise<StoredGroup | undefined>;
  /** Removes the group's stored state and committed offsets. */
  deleteGroup(groupId: string): Promise<void>;
  /**
   * Groups whose state this node stores as their coordinator (ListGroups lists them beside the groups in
   * memory). Optional: without it ListGroups lists only the groups this coordinator used since it started.
   */
  listStoredGroups?(): Promise<readonly StoredGroupListing[]>;
}

/**
 * KIP-320's check of the leader epoch a client sends with Fetch, ListOffsets and OffsetForLeaderEpoch
 * against the partition's current leader epoch, as Kafka's `Partition.checkCurrentLeaderEpoch`: -1 skips
 * it; an older epoch is FENCED_LEADER_EPOCH (the client's metadata is stale), a newer one
 * UNKNOWN_LEADER_EPOCH (this replica has not caught up with the election yet). Both make the client
 * refresh its metadata and retry.
 */
export function checkLeaderEpoch(requested: number, current: number, topic: string, partition: number): void {
  if (requested === -1 || requested === current) return;
  const older = requested < current;
  throw new KafkaWireError(
    older ? wireErrorCode.fencedLeaderEpoch : wireErrorCode.unknownLeaderEpoch,
    `${topic}-${partition}: the client's leader epoch ${requested} is ${older ? "older" : "newer"} than the current ${current}`,
  );
}
