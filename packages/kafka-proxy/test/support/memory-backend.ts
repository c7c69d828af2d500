/**
 * TEST ONLY: a single-node, in-memory KafkaBackend for end-to-end tests with real clients. One log per
 * partition, batches validated with core's validateRecordBatch and given offsets with setBaseOffset, as the
 * real partition leader does. No replication, no durability; never exported from src/.
 */
import { randomUUID } from "node:crypto";
import {
  batchNextOffset,
  batchSize,
  HelixError,
  limits,
  type RecordBatchHeader,
  setBaseOffset,
  splitRecordBatches,
  topicId,
} from "@helixlog/core";
import type {
  ActiveProducer,
  ClusterMetadata,
  CommittedOffset,
  ConfigChange,
  ConfigEntry,
  ConfigResource,
  FetchInput,
  FetchResult,
  IsolationLevel,
  KafkaBackend,
  ListedOffset,
  OffsetQuery,
  ProduceInput,
  ProduceResult,
  ProducerIdentity,
  StoredGroup,
  TopicDescription,
  TopicPartition,
  TopicSpec,
} from "../../src/backend.js";
import { checkLeaderEpoch } from "../../src/backend.js";

/** The one broker leads every partition from the start: its leader epoch never changes. */
const memoryLeaderEpoch = 0;

interface StoredBatch {
  readonly baseOffset: number;
  readonly nextOffset: number;
  readonly bytes: Uint8Array;
  readonly maxTimestamp: number;
  readonly header: RecordBatchHeader;
}

class PartitionLog {
  readonly batches: StoredBatch[] = [];
  logStartOffset = 0;
  nextOffset = 0;
  /** Fetches waiting for data; woken on every append. */
  readonly waiters = new Set<() => void>();
  /** Idempotent producers: producer id → base sequence → base offset of the batch that carried it. */
  readonly sequences = new Map<number, Map<number, number>>();
}

interface MemoryTopic {
  readonly description: TopicDescription;
  readonly logs: PartitionLog[];
  readonly configs: Map<string, string>;
}

export class MemoryBackend implements KafkaBackend {
  readonly nodeId = 1;
  host = "127.0.0.1";
  port = 0;
  private readonly topics = new Map<string, MemoryTopic>();
  private readonly offsets = new Map<string, Map<string, CommittedOffset>>();
  private readonly groups = new Map<string, StoredGroup>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextProducerId = 1000n;

  /** Where clients must connect: set once the listener knows its port. */
  advertise(host: string, port: number): void {
    this.host = host;
    this.port = port;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  storedGroup(groupId: string): StoredGroup | undefined {
    return this.groups.get(groupId);
  }

  async metadata(topicNames: readonly string[] | null): Promise<ClusterMetadata> {
    const topics = [...this.topics.values()]
      .map((topic) => topic.description)
      .filter((topic) => topicNames === null || topicNames.includes(topic.name));
    return {
      clusterId: "helix-memory-test",
      controllerId: this.nodeId,
      brokers: [{ nodeId: this.nodeId, host: this.host, port: this.port, rack: null }],
      topics,
    };
  }

  async produce(input: ProduceInput): Promise<ProduceResult> {
    const log = this.log(input.topic, input.partition);
    const spans = splitRecordBatches(input.records);
    let firstOffset = -1;
    for (const span of spans) {
      const bytes = input.records.slice(span.start, span.start + batchSize(span.header));
      const duplicate = this.duplicateOffset(log, span.header);
      const baseOffset = duplicate ?? this.append(log, bytes, span.header);
      if (firstOffset < 0) firstOffset = baseOffset;
    }
    for (const wake of log.waiters) wake();
    return {
      baseOffset: BigInt(firstOffset),
      logAppendTimeMs: -1n,
      logStartOffset: BigInt(log.logStartOffset),
    };
  }

  async fetch(input: FetchInput): Promise<FetchResult> {
    const log = this.log(input.topic, input.partition);
    checkLeaderEpoch(input.currentLeaderEpoch, memoryLeaderEpoch, input.topic, input.partition);
    const offset = Number(input.offset);
    if (offset < log.logStartOffset || offset > log.nextOffset)
      throw new HelixError(
        "OFFSET_OUT_OF_RANGE",
        `offset ${offset} outside ${log.logStartOffset}..${log.nextOffset}`,
      );
    if (offset === log.nextOffset && input.minBytes > 0 && input.maxWaitMs > 0)
      await this.waitForData(log, input.maxWaitMs);
    const chosen: Uint8Array[] = [];
    let size = 0;
    for (const batch of log.batches) {
      if (batch.nextOffset <= offset) continue;
      if (chosen.length > 0 && size + batch.bytes.length > input.maxBytes) break;
      chosen.push(batch.bytes);
      size += batch.bytes.length;
    }
    const records = new Uint8Array(size);
    let position = 0;
    for (const bytes of chosen) {
      records.set(bytes, position);
      position += bytes.length;
    }
    const end = BigInt(log.nextOffset);
    return { highWatermark: end, lastStableOffset: end, logStartOffset: BigInt(log.logStartOffset), records };
  }

  async listOffset(
    topic: string,
    partition: number,
    query: OffsetQuery,
    _isolation: IsolationLevel,
    currentLeaderEpoch: number,
  ): Promise<ListedOffset> {
    const log = this.log(topic, partition);
    checkLeaderEpoch(currentLeaderEpoch, memoryLeaderEpoch, topic, partition);
    if (query.kind === "earliest")
      return { offset: BigInt(log.logStartOffset), timestampMs: -1n, leaderEpoch: 0 };
    if (query.kind === "latest") return { offset: BigInt(log.nextOffset), timestampMs: -1n, leaderEpoch: 0 };
    if (query.kind === "max-timestamp") {
      const best = log.batches.reduce<StoredBatch | undefined>(
        (top, batch) => (top === undefined || batch.maxTimestamp > top.maxTimestamp ? batch : top),
        undefined,
      );
      return best === undefined
        ? { offset: -1n, timestampMs: -1n, leaderEpoch: 0 }
        : { offset: BigInt(best.nextOffset - 1), timestampMs: BigInt(best.maxTimestamp), leaderEpoch: 0 };
    }
    const found = log.batches.find((batch) => batch.maxTimestamp >= Number(query.timestampMs));
    return found === undefined
      ? { offset: -1n, timestampMs: -1n, leaderEpoch: 0 }
      : { offset: BigInt(found.baseOffset), timestampMs: BigInt(found.maxTimestamp), leaderEpoch: 0 };
  }

  async createTopic(spec: TopicSpec): Promise<TopicDescription> {
    if (this.topics.has(spec.name))
      throw new HelixError("ALREADY_EXISTS", `topic ${spec.name} already exists`);
    if (spec.replicationFactor > 1)
      throw new HelixError("INVALID_REPLICATION_FACTOR", "one broker holds one replica");
    const count = spec.partitions === -1 ? 1 : spec.partitions;
    // As the real node: a partition count is bounded (a fuzzed request must not allocate without end).
    if (count < 1 || count > limits.partitionsPerTopicMax)
      throw new HelixError("INVALID_PARTITIONS", `${count} partitions`);
    const description: TopicDescription = {
      name: spec.name,
      topicId: topicId(randomUUID()),
      internal: false,
      partitions: Array.from({ length: count }, (_, partition) => this.partitionDescription(partition)),
    };
    if (spec.validateOnly) return description;
    const configs = new Map<string, string>();
    for (const [name, value] of spec.configs) if (value !== null) configs.set(name, value);
    this.topics.set(spec.name, {
      description,
      logs: description.partitions.map(() => new PartitionLog()),
      configs,
    });
    return description;
  }

  async deleteTopic(name: string): Promise<void> {
    if (!this.topics.delete(name)) throw new HelixError("UNKNOWN_TOPIC", `no topic ${name}`);
  }

  async createPartitions(topicName: string, totalCount: number, validateOnly: boolean): Promise<void> {
    const topic = this.topic(topicName);
    const current = topic.logs.length;
    if (totalCount <= current)
      throw new HelixError("INVALID_PARTITIONS", `topic has ${current} partitions already`);
    if (totalCount > limits.partitionsPerTopicMax)
      throw new HelixError("INVALID_PARTITIONS", `${totalCount} partitions`);
    if (validateOnly) return;
    const partitions = [...topic.description.partitions];
    for (let partition = current; partition < totalCount; partition++) {
      partitions.push(this.partitionDescription(partition));
      topic.logs.push(new PartitionLog());
    }
    this.topics.set(topicName, { ...topic, description: { ...topic.description, partitions } });
  }

  async describeConfigs(resource: ConfigResource): Promise<readonly ConfigEntry[]> {
    if (resource.type === "broker") return [entry("log.retention.ms", "604800000", true)];
    const configs = this.topic(resource.name).configs;
    const defaults = new Map([
      ["cleanup.policy", "delete"],
      ["retention.ms", "604800000"],
    ]);
    const names = new Set([...defaults.keys(), ...configs.keys()]);
    return [...names].map((name) =>
      entry(name, configs.get(name) ?? defaults.get(name) ?? null, !configs.has(name)),
    );
  }

  async alterConfigs(
    resource: ConfigResource,
    changes: readonly ConfigChange[],
    mode: "replace" | "incremental",
    validateOnly: boolean,
  ): Promise<void> {
    if (resource.type !== "topic")
      throw new HelixError("INVALID_CONFIG", "broker configs are read-only here");
    const configs = this.topic(resource.name).configs;
    if (validateOnly) return;
    if (mode === "replace") configs.clear();
    for (const change of changes) {
      if (change.operation === "set") configs.set(change.name, change.value);
      else configs.delete(change.name);
    }
  }

  async initProducerId(current: ProducerIdentity | null): Promise<ProducerIdentity> {
    if (current !== null) return { producerId: current.producerId, producerEpoch: current.producerEpoch + 1 };
    this.nextProducerId += 1n;
    return { producerId: this.nextProducerId, producerEpoch: 0 };
  }

  async deleteRecords(topic: string, partition: number, beforeOffset: bigint): Promise<bigint> {
    const log = this.log(topic, partition);
    const target = beforeOffset === -1n ? log.nextOffset : Number(beforeOffset);
    if (target > log.nextOffset)
      throw new HelixError("OFFSET_OUT_OF_RANGE", `offset ${target} is past the end`);
    log.logStartOffset = Math.max(log.logStartOffset, target);
    return BigInt(log.logStartOffset);
  }

  /** One broker that never changes leader: epoch 0 is the only epoch, and it ends at the log end. */
  async offsetForLeaderEpoch(
    topic: string,
    partition: number,
    leaderEpoch: number,
    currentLeaderEpoch: number,
  ): Promise<{ leaderEpoch: number; endOffset: bigint }> {
    const log = this.log(topic, partition);
    checkLeaderEpoch(currentLeaderEpoch, memoryLeaderEpoch, topic, partition);
    if (leaderEpoch !== memoryLeaderEpoch) return { leaderEpoch: -1, endOffset: -1n };
    return { leaderEpoch: memoryLeaderEpoch, endOffset: BigInt(log.nextOffset) };
  }

  async describeProducers(topic: string, partition: number): Promise<readonly ActiveProducer[]> {
    const log = this.log(topic, partition);
    return [...log.sequences.keys()].map((producerId) => ({
      producerId: BigInt(producerId),
      producerEpoch: 0,
      lastSequence: Math.max(...log.sequences.get(producerId)!.keys()),
      lastTimestampMs: -1n,
    }));
  }

  async findCoordinator(): Promise<number> {
    return this.nodeId;
  }

  async commitOffsets(groupId: string, offsets: readonly CommittedOffset[]): Promise<void> {
    const group = this.offsets.get(groupId) ?? new Map<string, CommittedOffset>();
    for (const offset of offsets) group.set(`${offset.partition}:${offset.topic}`, offset);
    this.offsets.set(groupId, group);
  }

  async fetchOffsets(
    groupId: string,
    partitions: readonly TopicPartition[] | null,
  ): Promise<readonly CommittedOffset[]> {
    const group = this.offsets.get(groupId);
    if (group === undefined) return [];
    if (partitions === null) return [...group.values()];
    return partitions.flatMap((wanted) => {
      const found = group.get(`${wanted.partition}:${wanted.topic}`);
      return found === undefined ? [] : [found];
    });
  }

  async storeGroup(group: StoredGroup): Promise<void> {
    this.groups.set(group.groupId, group);
  }

  async loadGroup(groupId: string): Promise<StoredGroup | undefined> {
    return this.groups.get(groupId);
  }

  async deleteGroup(groupId: string): Promise<void> {
    this.groups.delete(groupId);
    this.offsets.delete(groupId);
  }

  private partitionDescription(partition: number) {
    return {
      partition,
      leaderId: this.nodeId,
      leaderEpoch: 0,
      replicas: [this.nodeId],
      isr: [this.nodeId],
      offlineReplicas: [],
    };
  }

  private topic(name: string): MemoryTopic {
    const topic = this.topics.get(name);
    if (topic === undefined) throw new HelixError("UNKNOWN_TOPIC", `no topic ${name}`);
    return topic;
  }

  private log(topicName: string, partition: number): PartitionLog {
    const log = this.topic(topicName).logs[partition];
    if (log === undefined)
      throw new HelixError("UNKNOWN_PARTITION", `no partition ${topicName}/${partition}`);
    return log;
  }

  /** An idempotent producer's retry of a batch already stored: answered with the original offset. */
  private duplicateOffset(log: PartitionLog, header: RecordBatchHeader): number | undefined {
    if (header.producerId < 0) return undefined;
    return log.sequences.get(header.producerId)?.get(header.baseSequence);
  }

  private append(log: PartitionLog, bytes: Uint8Array, header: RecordBatchHeader): number {
    const baseOffset = log.nextOffset;
    setBaseOffset(bytes, baseOffset);
    const nextOffset = batchNextOffset({ baseOffset, lastOffsetDelta: header.lastOffsetDelta });
    log.batches.push({ baseOffset, nextOffset, bytes, maxTimestamp: header.maxTimestamp, header });
    log.nextOffset = nextOffset;
    if (header.producerId >= 0) {
      const sequences = log.sequences.get(header.producerId) ?? new Map<number, number>();
      sequences.set(header.baseSequence, baseOffset);
      log.sequences.set(header.producerId, sequences);
    }
    return baseOffset;
  }

  private waitForData(log: PartitionLog, maxWaitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.timers.delete(timer);
        log.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      this.timers.add(timer);
      log.waiters.add(done);
    });
  }
}

function entry(name: string, value: string | null, isDefault: boolean): ConfigEntry {
  return { name, value, readOnly: false, isDefault, sensitive: false };
}
