/**
 * The KafkaBackend port (packages/kafka-proxy) over one HelixNode: what the embedded Kafka listener of
 * every node calls (DESIGN.md §7).
 *   - Metadata: brokers are the registered nodes this node hears from (HelixNode.isNodeLive; itself
 *     always); leader, leader epoch (= Raft term) and ISR come from HelixNode.partitionStatus, measured on
 *     the partition leader and estimated elsewhere. A replica that does not host its partition yet (just
 *     created) reports no leader (LEADER_NOT_AVAILABLE, clients ask again); a node that is no replica
 *     reports the first replica (the preferred leader) with leader epoch -1: a client that guesses wrong
 *     gets NOT_LEADER_OR_FOLLOWER and refreshes its metadata.
 *   - ListOffsets: earliest (-2), latest (-1), max timestamp (-3, KIP-734) and by timestamp (KIP-79) on
 *     the partition leader; DeleteRecords (KIP-107) through the partition's Raft log.
 *   - the controller leader is the Kafka controller (CreateTopics, DeleteTopics, InitProducerId blocks);
 *     elsewhere DeleteTopics answers NOT_LEADER_OR_FOLLOWER, topic creation is forwarded to it over
 *     gRPC and producer-id blocks are asked of it by the node (node/producer-id-forwarding.ts), so
 *     every broker serves InitProducerId as in Kafka;
 *   - a consumer group's coordinator is the leader of its consumer-progress group, which stores its
 *     offsets and generation (kafka/progress-group-store.ts); group requests elsewhere answer
 *     NOT_COORDINATOR (kafka-proxy's CoordinatorDriver asks findCoordinator before each one);
 *   - leader epochs (KIP-101/320) are Raft terms: OffsetForLeaderEpoch and ListOffsets answer from the
 *     partition's epoch history (partition/leader-epochs.ts); Fetch, ListOffsets and
 *     OffsetForLeaderEpoch check the client's current leader epoch (FENCED / UNKNOWN_LEADER_EPOCH);
 *   - DescribeProducers lists the leader's idempotent producers (HelixNode.producers);
 *   - topic auto-creation (Metadata for an unknown topic) follows the node's Kafka topic settings
 *     (KafkaTopicDefaults, off by default); a node that does not lead the controller forwards a topic
 *     creation to the controller leader over gRPC (KIP-590); DescribeConfigs of a broker lists them.
 *     CreatePartitions and (Incremental)AlterConfigs go through HelixNode.alterTopic.
 * Long polling polls the high watermark (as the gRPC edge does, edges/grpc/waiting.ts).
 */
import { HelixError, limits, type NodeId } from "@helixlog/core";
import {
  type ActiveProducer,
  type BrokerDescription,
  type ClusterMetadata,
  type CommittedOffset,
  type ConfigChange,
  type ConfigEntry,
  type ConfigResource,
  checkLeaderEpoch,
  type FetchInput,
  type FetchResult,
  type IsolationLevel,
  type KafkaBackend,
  type KafkaCaller,
  type KafkaQuotaResource,
  type KafkaTopicBytes,
  type ListedOffset,
  type OffsetCommitMember,
  type OffsetQuery,
  type PartitionDescription,
  type ProduceInput,
  type ProduceResult,
  type ProducerIdentity,
  type StoredGroup,
  type StoredGroupListing,
  type TopicDescription,
  type TopicPartition,
  type TopicSpec,
} from "@helixlog/kafka-proxy";
import { HelixClient } from "../client/helix-client.js";
import { type TopicRecord, validateTopicName } from "../node/controller/controller-state.js";
import { effectiveTopicConfig, validateTopicConfig } from "../node/controller/topic-config.js";
import type { Acks, HelixNode } from "../node/helix-node.js";
import { kafkaQuotaThrottleMs, runKafkaWork } from "./flow/kafka-flow.js";
import type { NodeFlow } from "./flow/node-flow.js";
import { monotonicMicros } from "./grpc/flow-admission.js";
import { pollUntil, withTimeout } from "./grpc/waiting.js";
import { ProgressGroupStore } from "./kafka/progress-group-store.js";

/** Kafka's default replication factor, lowered to the cluster size on small clusters. */
const replicationFactorDefault = 3;
/** How long a node that forwarded a topic creation waits to see the topic in its own controller state. */
const forwardedTopicVisibleMs = 10_000;

/**
 * Kafka's topic-creation broker settings (node flags `--auto-create-topics-enable`, `--num-partitions`,
 * `--default-replication-factor`): what Metadata for an unknown topic does, and what CreateTopics (and
 * auto-creation) use when a request leaves the count or the factor at -1.
 */
export interface KafkaTopicDefaults {
  /** Kafka's auto.create.topics.enable; off by default. */
  readonly autoCreate: boolean;
  /** Kafka's num.partitions (default 1). */
  readonly partitions: number;
  /** Kafka's default.replication.factor; undefined: 3, lowered to the cluster size on small clusters. */
  readonly replicationFactor: number | undefined;
}

export const kafkaTopicDefaults: KafkaTopicDefaults = {
  autoCreate: false,
  partitions: 1,
  replicationFactor: undefined,
};
/** Producer ids reserved from the controller per proposal: one Raft round per thousand producers. */
const producerIdBlockSize = 1_000;

const acksByKafka: Record<ProduceInput["acks"], Acks> = { [-1]: "all", [0]: "none", [1]: "leader" };

export class HelixKafkaBackend implements KafkaBackend {
  private readonly groups: ProgressGroupStore;
  /** The unused rest of this node's producer-id block: [next, end). */
  private producerIds = { next: 0, end: 0 };
  private allocating: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly node: HelixNode,
    /** Quotas, admission and fair queueing (edges/flow); undefined: none (in-process tests). */
    private readonly flow?: NodeFlow,
    private readonly topicDefaults: KafkaTopicDefaults = kafkaTopicDefaults,
  ) {
    this.groups = new ProgressGroupStore(node);
  }

  get nodeId(): number {
    return this.node.nodeId;
  }

  /** Ends long polls at once (the listener is closing). */
  close(): void {
    this.stopped = true;
  }

  async metadata(topicNames: readonly string[] | null): Promise<ClusterMetadata> {
    const topics =
      topicNames === null
        ? this.node.listTopics()
        : topicNames.flatMap((name) => this.node.topic(name) ?? []);
    const brokers = this.node
      .listNodes()
      .filter((record) => this.node.isNodeLive(record.nodeId))
      .map(brokerOf);
    return {
      clusterId: this.node.clusterInfo().clusterId ?? "helix",
      controllerId: this.controllerForClients(brokers),
      brokers,
      topics: topics.map((topic) => this.describeTopic(topic)),
    };
  }

  /**
   * The controller id clients are told: the controller group's leader when it is a live broker, else
   * this node. Clients send admin requests and InitProducerId to "the controller", and any Helix node
   * forwards those (KIP-590), so like KRaft Kafka we always name a live broker. Naming -1 during a
   * controller election made KafkaJS fail an idempotent producer's connect with "Broker -1 not found".
   */
  private controllerForClients(brokers: readonly { nodeId: number }[]): number {
    const leader = this.node.controllerLeader();
    return leader !== undefined && brokers.some((broker) => broker.nodeId === leader)
      ? leader
      : this.node.nodeId;
  }

  async produce(input: ProduceInput): Promise<ProduceResult> {
    this.requirePartitionLeader(input.topic, input.partition);
    const acks = acksByKafka[input.acks];
    const work = { ...input, costBytes: input.records.length, kind: "produce" as const };
    const writing = runKafkaWork(this.flow, work, () =>
      this.node.produce(input.topic, input.partition, input.records, acks),
    );
    const result =
      acks === "none" || input.timeoutMs <= 0
        ? await writing
        : await withTimeout(writing, input.timeoutMs, `produce to ${input.topic}-${input.partition}`);
    return {
      baseOffset: BigInt(result.baseOffset),
      logAppendTimeMs: -1n,
      logStartOffset: BigInt(this.node.logStartOffset(input.topic, input.partition)),
    };
  }

  async fetch(input: FetchInput): Promise<FetchResult> {
    this.requirePartitionLeader(input.topic, input.partition, input.currentLeaderEpoch);
    const offset = Number(input.offset);
    if (input.minBytes > 0 && input.maxWaitMs > 0) {
      await pollUntil(
        () => this.node.highWatermark(input.topic, input.partition) > offset,
        input.maxWaitMs,
        () => this.stopped,
      );
    }
    const work = {
      ...input,
      costBytes: Math.min(input.maxBytes, limits.nodeFlowFetchCostBytesMax),
      kind: "fetch" as const,
    };
    const result = await runKafkaWork(this.flow, work, () =>
      this.node.fetch(input.topic, input.partition, offset, input.maxBytes),
    );
    const highWatermark = BigInt(result.highWatermark);
    return {
      highWatermark,
      // No transactions are served, so nothing is ever unstable.
      lastStableOffset: highWatermark,
      logStartOffset: BigInt(result.logStartOffset),
      records: Buffer.concat(result.batches),
    };
  }

  quotaThrottleMs(
    caller: KafkaCaller,
    resource: KafkaQuotaResource,
    bytes: number,
    topics: readonly KafkaTopicBytes[] = [],
  ): number {
    if (this.flow === undefined) return 0;
    // Fetch v13+ names topics by id only; the topic level meters names (what operators configure).
    let names: Map<string, string> | undefined;
    const named = topics.map((topic) => {
      if (topic.name !== "" || topic.topicId === "") return topic;
      names ??= new Map(this.node.listTopics().map((record) => [record.id, record.name]));
      return { ...topic, name: names.get(topic.topicId) ?? "" };
    });
    return kafkaQuotaThrottleMs(this.flow, caller, resource, bytes, named, monotonicMicros());
  }

  /**
   * Each answer carries the epoch its offset was written in (Kafka: `epochForOffset`), the current
   * epoch for "latest".
   */
  async listOffset(
    topic: string,
    partition: number,
    query: OffsetQuery,
    _isolation: IsolationLevel,
    currentLeaderEpoch: number,
  ): Promise<ListedOffset> {
    const term = this.requirePartitionLeader(topic, partition, currentLeaderEpoch);
    if (query.kind === "earliest") {
      const offset = this.node.logStartOffset(topic, partition);
      return {
        offset: BigInt(offset),
        timestampMs: -1n,
        leaderEpoch: this.node.leaderEpochForOffset(topic, partition, offset),
      };
    }
    if (query.kind === "latest")
      return {
        offset: BigInt(this.node.highWatermark(topic, partition)),
        timestampMs: -1n,
        leaderEpoch: term,
      };
    const found =
      query.kind === "max-timestamp"
        ? await this.node.maxTimestamp(topic, partition)
        : await this.node.offsetForTime(topic, partition, timestampOf(query.timestampMs));
    // As Kafka: no record at or after the time (or an empty partition) is offset -1, timestamp -1.
    if (found === undefined) return { offset: -1n, timestampMs: -1n, leaderEpoch: -1 };
    return {
      offset: BigInt(found.offset),
      timestampMs: BigInt(found.timestamp),
      leaderEpoch: this.node.leaderEpochForOffset(topic, partition, found.offset),
    };
  }

  async createTopic(spec: TopicSpec): Promise<TopicDescription> {
    const partitions = spec.partitions === -1 ? this.topicDefaults.partitions : spec.partitions;
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > limits.partitionsPerTopicMax)
      throw new HelixError("INVALID_PARTITIONS", `partitions must be 1..${limits.partitionsPerTopicMax}`);
    const replicationFactor =
      spec.replicationFactor === -1 ? this.defaultReplicationFactor() : spec.replicationFactor;
    if (replicationFactor < 1 || replicationFactor > limits.replicationFactorMax)
      throw new HelixError(
        "INVALID_REPLICATION_FACTOR",
        `replication factor must be 1..${limits.replicationFactorMax}`,
      );
    const config: Record<string, string> = {};
    for (const [name, value] of spec.configs) if (value !== null) config[name] = value;
    if (spec.validateOnly) return this.validateCreate(spec.name, partitions, replicationFactor, config);
    if (!this.node.isControllerLeader())
      return this.forwardCreateTopic(spec.name, partitions, replicationFactor, config);
    const topic = await this.node.createTopic({ name: spec.name, partitions, replicationFactor, config });
    return this.describeTopic(topic);
  }

  /**
   * Topic creation on a node that does not lead the controller (KIP-590 forwarding): sent to the
   * controller leader over gRPC, then answered once this node has applied the topic, so the Metadata
   * that auto-created it can describe it. LEADER_NOT_AVAILABLE (retriable) while no leader is known.
   */
  private async forwardCreateTopic(
    name: string,
    partitions: number,
    replicationFactor: number,
    configs: Record<string, string>,
  ): Promise<TopicDescription> {
    const leader = this.node.controllerLeader();
    const address = this.node.listNodes().find((record) => record.nodeId === leader)?.grpcAddress;
    if (address === undefined)
      throw new HelixError("LEADER_NOT_AVAILABLE", "no controller leader is known to forward to");
    const client = new HelixClient(address, { deadlineMs: forwardedTopicVisibleMs });
    try {
      await client.createTopic({ name, partitions, replicationFactor, configs });
    } finally {
      client.close();
    }
    await pollUntil(
      () => this.node.topic(name) !== undefined,
      forwardedTopicVisibleMs,
      () => this.stopped,
    );
    return this.describeTopic(this.requireTopic(name));
  }

  private defaultReplicationFactor(): number {
    return (
      this.topicDefaults.replicationFactor ??
      Math.max(1, Math.min(replicationFactorDefault, this.node.listNodes().length))
    );
  }

  async deleteTopic(name: string): Promise<void> {
    await this.node.deleteTopic(name);
  }

  async createPartitions(topic: string, totalCount: number, validateOnly: boolean): Promise<void> {
    const current = this.requireTopic(topic).partitions.length;
    if (totalCount < current) {
      throw new HelixError(
        "INVALID_PARTITIONS",
        `topic "${topic}" has ${current} partitions; the count can only grow`,
      );
    }
    if (validateOnly || totalCount === current) return;
    await this.node.alterTopic({ name: topic, partitions: totalCount });
  }

  async describeConfigs(resource: ConfigResource): Promise<readonly ConfigEntry[]> {
    if (resource.type === "broker") return this.brokerConfigs(resource.name);
    const topic = this.requireTopic(resource.name);
    return Object.entries(effectiveTopicConfig(topic.config)).map(([name, value]) => ({
      name,
      value,
      readOnly: false,
      isDefault: !(name in topic.config),
      sensitive: false,
    }));
  }

  /** Topic configs only; broker configs are fixed at startup (flags, environment, config file). */
  async alterConfigs(
    resource: ConfigResource,
    changes: readonly ConfigChange[],
    mode: "replace" | "incremental",
    validateOnly: boolean,
  ): Promise<void> {
    if (resource.type === "broker") {
      throw new HelixError("POLICY_VIOLATION", "broker configs are set at startup and cannot be altered");
    }
    const topic = this.requireTopic(resource.name);
    const setConfigs: Record<string, string> = {};
    const removeConfigs: string[] = [];
    for (const change of changes) {
      if (change.operation === "set") setConfigs[change.name] = change.value;
      else removeConfigs.push(change.name);
    }
    // AlterConfigs (not incremental) replaces the whole set: overrides it does not name go back to defaults.
    if (mode === "replace") {
      for (const name of Object.keys(topic.config)) if (!(name in setConfigs)) removeConfigs.push(name);
    }
    const merged: Record<string, string> = { ...topic.config, ...setConfigs };
    for (const name of removeConfigs) delete merged[name];
    validateTopicConfig(merged);
    if (validateOnly) return;
    await this.node.alterTopic({ name: topic.name, setConfigs, removeConfigs });
  }

  /**
   * A fresh producer id from this node's block (refilled from the controller), or the next epoch of
   * `current` (KIP-360). Epoch bumps are not fenced across nodes: transactions are not served.
   */
  async initProducerId(current: ProducerIdentity | null): Promise<ProducerIdentity> {
    if (current !== null) return { producerId: current.producerId, producerEpoch: current.producerEpoch + 1 };
    // Bounded: each round either takes an id or waits for one block allocation.
    while (this.producerIds.next >= this.producerIds.end) {
      this.allocating ??= this.allocateProducerIds().finally(() => {
        this.allocating = undefined;
      });
      await this.allocating;
    }
    const producerId = this.producerIds.next++;
    return { producerId: BigInt(producerId), producerEpoch: 0 };
  }

  /** Moves the log start offset up to `beforeOffset` (-1: the high watermark) on the partition leader. */
  async deleteRecords(topic: string, partition: number, beforeOffset: bigint): Promise<bigint> {
    this.requirePartitionLeader(topic, partition);
    if (beforeOffset < -1n || beforeOffset > BigInt(Number.MAX_SAFE_INTEGER))
      throw new HelixError("OFFSET_OUT_OF_RANGE", `cannot delete records before offset ${beforeOffset}`);
    const { lowWatermark } = await this.node.deleteRecords(topic, partition, Number(beforeOffset));
    return BigInt(lowWatermark);
  }

  /** From the partition leader's epoch history (HelixNode.endOffsetForLeaderEpoch). */
  async offsetForLeaderEpoch(
    topic: string,
    partition: number,
    leaderEpoch: number,
    currentLeaderEpoch: number,
  ): Promise<{ readonly leaderEpoch: number; readonly endOffset: bigint }> {
    this.requirePartitionLeader(topic, partition, currentLeaderEpoch);
    const found = this.node.endOffsetForLeaderEpoch(topic, partition, leaderEpoch);
    if (found === undefined) return { leaderEpoch: -1, endOffset: -1n };
    return { leaderEpoch: found.epoch, endOffset: BigInt(found.endOffset) };
  }

  /** The partition leader's idempotent producers (KIP-664); no transactions, so no coordinator epoch. */
  async describeProducers(topic: string, partition: number): Promise<readonly ActiveProducer[]> {
    this.requirePartitionLeader(topic, partition);
    return this.node.producers(topic, partition).map((producer) => ({
      producerId: BigInt(producer.producerId),
      producerEpoch: producer.epoch,
      lastSequence: producer.lastSequence,
      lastTimestampMs: BigInt(producer.lastTimestamp),
    }));
  }

  /** The leader of the group's progress group (COORDINATOR_NOT_AVAILABLE while there is none). */
  async findCoordinator(groupId: string): Promise<number> {
    return this.groups.coordinatorOf(groupId);
  }

  commitOffsets(
    groupId: string,
    offsets: readonly CommittedOffset[],
    member: OffsetCommitMember | null,
  ): Promise<readonly number[]> {
    return this.groups.commitOffsets(groupId, offsets, member);
  }

  fetchOffsets(
    groupId: string,
    partitions: readonly TopicPartition[] | null,
  ): Promise<readonly CommittedOffset[]> {
    return this.groups.fetchOffsets(groupId, partitions);
  }

  storeGroup(group: StoredGroup): Promise<void> {
    return this.groups.storeGroup(group);
  }

  loadGroup(groupId: string): Promise<StoredGroup | undefined> {
    return this.groups.loadGroup(groupId);
  }

  deleteGroup(groupId: string): Promise<void> {
    return this.groups.deleteGroup(groupId);
  }

  listStoredGroups(): Promise<readonly StoredGroupListing[]> {
    return this.groups.listGroups();
  }

  /**
   * The broker settings Kafka clients and tools ask about, read-only (they are fixed at startup). Asked
   * for another broker's id, INVALID_REQUEST, as Kafka: clients send broker config requests to that broker.
   */
  private brokerConfigs(brokerId: string): readonly ConfigEntry[] {
    if (brokerId !== "" && brokerId !== String(this.node.nodeId))
      throw new HelixError("INVALID_ARGUMENT", `this is broker ${this.node.nodeId}, not broker ${brokerId}`);
    const settings: Record<string, string> = {
      "broker.id": String(this.node.nodeId),
      "auto.create.topics.enable": String(this.topicDefaults.autoCreate),
      "num.partitions": String(this.topicDefaults.partitions),
      "default.replication.factor": String(this.defaultReplicationFactor()),
      "message.max.bytes": String(limits.recordBatchSizeBytesMax),
    };
    return Object.entries(settings).map(([name, value]) => ({
      name,
      value,
      readOnly: true,
      isDefault: false,
      sensitive: false,
    }));
  }

  private async allocateProducerIds(): Promise<void> {
    const first = await this.node.allocateProducerIds(producerIdBlockSize);
    this.producerIds = { next: first, end: first + producerIdBlockSize };
  }

  private requireTopic(name: string): TopicRecord {
    const topic = this.node.topic(name);
    if (topic === undefined) throw new HelixError("UNKNOWN_TOPIC", `topic "${name}" does not exist`);
    return topic;
  }

  /**
   * The partition's Raft term when this node leads it; NOT_LEADER (with a hint) otherwise. A client's
   * `currentLeaderEpoch` (KIP-320, -1: none) is checked first against the term this replica knows, as
   * Kafka's `Partition.getLocalLog` does: FENCED_LEADER_EPOCH when older, UNKNOWN_LEADER_EPOCH when newer.
   */
  private requirePartitionLeader(topic: string, partition: number, currentLeaderEpoch = -1): number {
    const record = this.requireTopic(topic);
    const replicas = record.partitions[partition]?.replicas;
    if (replicas === undefined)
      throw new HelixError("UNKNOWN_PARTITION", `topic "${topic}" has no partition ${partition}`);
    const view = this.node.partitionLeader(topic, partition);
    if (view !== undefined) checkLeaderEpoch(currentLeaderEpoch, view.term, topic, partition);
    if (view?.leader !== this.node.nodeId) {
      const leader = view === undefined ? replicas[0] : view.leader;
      throw new HelixError("NOT_LEADER", `node ${this.node.nodeId} does not lead ${topic}-${partition}`, {
        details: { leader: leader ?? null },
      });
    }
    return view.term;
  }

  private validateCreate(
    name: string,
    partitions: number,
    replicationFactor: number,
    config: Record<string, string>,
  ): TopicDescription {
    validateTopicName(name);
    if (this.node.topic(name) !== undefined)
      throw new HelixError("ALREADY_EXISTS", `topic "${name}" already exists`);
    if (replicationFactor > this.node.listNodes().length)
      throw new HelixError(
        "INVALID_REPLICATION_FACTOR",
        `replication factor ${replicationFactor} exceeds the nodes`,
      );
    validateTopicConfig(config);
    return {
      name,
      topicId: "00000000-0000-0000-0000-000000000000" as TopicDescription["topicId"],
      internal: false,
      partitions: Array.from({ length: partitions }, (_, partition) => ({
        partition,
        leaderId: -1,
        leaderEpoch: -1,
        replicas: [],
        isr: [],
        offlineReplicas: [],
      })),
    };
  }

  private describeTopic(topic: TopicRecord): TopicDescription {
    return {
      name: topic.name,
      topicId: topic.id,
      internal: false,
      partitions: topic.partitions.map((record, partition) =>
        this.describePartition(topic.name, partition, record.replicas),
      ),
    };
  }

  private describePartition(
    topic: string,
    partition: number,
    replicas: readonly NodeId[],
  ): PartitionDescription {
    const status = this.node.partitionStatus(topic, partition);
    const hosted = this.node.partitionLeader(topic, partition) !== undefined;
    // A replica that does not host the partition yet (just created, still opening) knows no leader:
    // -1, which the handler answers LEADER_NOT_AVAILABLE, so clients ask again (as Kafka answers a
    // partition whose leader is not elected yet). Naming the preferred replica there sent clients to a
    // node that was not leading yet, and might not for seconds (it can lose the first election and get
    // leadership only from leader balancing); clients that retry without refreshing their metadata
    // (@platformatic/kafka's ListOffsets) got NOT_LEADER_OR_FOLLOWER all along. A node that is no replica
    // never hosts the partition and learns no leader: it names the preferred replica, its best guess.
    const replica = replicas.includes(this.node.nodeId);
    const leaderId = hosted ? (status.leader ?? -1) : replica ? -1 : (replicas[0] ?? -1);
    return {
      partition,
      leaderId,
      leaderEpoch: status.leaderEpoch,
      replicas: [...replicas],
      isr: [...status.isr],
      offlineReplicas: replicas.filter((replica) => !this.node.isNodeLive(replica)),
    };
  }
}

/**
 * A ListOffsets timestamp as a number of milliseconds. Timestamps past 2^53 ms (year 285,000) cannot be
 * stored in a batch anyway; they are clamped so the lookup answers "none at or after it".
 */
function timestampOf(timestampMs: bigint): number {
  if (timestampMs > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  if (timestampMs < 0n) return 0;
  return Number(timestampMs);
}

/** "host:port" or "[ipv6]:port", as run-node's formatHostPort writes it. */
function brokerOf(record: {
  nodeId: NodeId;
  kafkaAddress: string;
  rack: string | undefined;
}): BrokerDescription {
  const separator = record.kafkaAddress.lastIndexOf(":");
  const host = record.kafkaAddress.slice(0, separator).replace(/^\[(.*)\]$/, "$1");
  return {
    nodeId: record.nodeId,
    host,
    port: Number(record.kafkaAddress.slice(separator + 1)),
    rack: record.rack ?? null,
  };
}
