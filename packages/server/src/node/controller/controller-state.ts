import {
  assert,
  crc32c,
  type GroupId,
  HelixError,
  limits,
  type NodeId,
  type Rng,
  type TopicId,
  topicIdFromBytes,
} from "@helixlog/core";
import { placeReplicas } from "@helixlog/routing";
import { checkTieringChange, type TopicConfig, validateTopicConfig } from "./topic-config.js";

/**
 * The controller: the state machine of Raft group 0 (DESIGN.md §2). It owns the cluster's metadata:
 * the node registry, topics with their partitions, each partition's Raft group and replicas, and
 * producer-id allocation. Every node applies the same commands in the same order, so every node agrees
 * on the metadata it reconciles its local groups against.
 *
 * Randomness (topic ids, tie-breaking in replica placement) is drawn by the leader when it plans a
 * command; the command carries the outcome, so `apply` is a pure function of the state and the command.
 * `apply` re-validates what may have changed since planning (a topic created twice concurrently) and
 * answers with a typed result instead of throwing.
 */

export const controllerGroupId = 0 as GroupId;

export interface NodeRecord {
  readonly nodeId: NodeId;
  readonly kafkaAddress: string;
  readonly grpcAddress: string;
  readonly peerAddress: string;
  readonly rack: string | undefined;
}

export interface PartitionRecord {
  readonly group: GroupId;
  /** The first replica is the preferred leader. */
  readonly replicas: readonly NodeId[];
}

export interface TopicRecord {
  readonly name: string;
  readonly id: TopicId;
  readonly config: TopicConfig;
  readonly partitions: readonly PartitionRecord[];
}

export type ControllerCommand =
  | {
      readonly type: "bootstrap";
      readonly clusterId: string;
      readonly voters: readonly NodeId[];
      readonly progressGroupCount: number;
    }
  | { readonly type: "registerNode"; readonly node: NodeRecord }
  | {
      readonly type: "createTopic";
      readonly name: string;
      readonly id: TopicId;
      readonly assignments: readonly (readonly NodeId[])[];
      readonly config: TopicConfig;
    }
  | { readonly type: "deleteTopic"; readonly name: string }
  | {
      readonly type: "createPartitions";
      readonly name: string;
      readonly assignments: readonly (readonly NodeId[])[];
    }
  | {
      readonly type: "alterTopicConfig";
      readonly name: string;
      readonly set: TopicConfig;
      readonly remove: readonly string[];
    }
  | { readonly type: "allocateProducerIds"; readonly count: number };

export type ControllerResult =
  | { readonly ok: true; readonly firstProducerId?: number; readonly topic?: TopicRecord }
  | { readonly ok: false; readonly error: HelixError };

const topicNamePattern = /^[a-zA-Z0-9._-]+$/;

/** Kafka's topic name rules (Topic.validate): legal characters, length, not "." or "..". */
export function validateTopicName(name: string): void {
  if (name.length === 0 || name.length > limits.topicNameLengthMax || name === "." || name === "..") {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `topic name must be 1 to ${limits.topicNameLengthMax} characters and not "." or "..", got "${name}"`,
    );
  }
  if (!topicNamePattern.test(name)) {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `topic name "${name}" may contain only ASCII letters, digits, ".", "_" and "-"`,
    );
  }
}

export class ControllerState {
  private clusterId: string | undefined;
  private voters: readonly NodeId[] = [];
  private progressGroupCount = 0;
  private readonly nodes = new Map<NodeId, NodeRecord>();
  private readonly topics = new Map<string, TopicRecord>();
  /** Groups 1..progressGroupCount hold consumer progress; partition groups are numbered after them. */
  private nextGroupId = 1;
  private nextProducerId = 0;

  apply(command: ControllerCommand): ControllerResult {
    try {
      return this.applyChecked(command);
    } catch (error) {
      if (HelixError.isInstance(error)) return { ok: false, error };
      throw error;
    }
  }

  private applyChecked(command: ControllerCommand): ControllerResult {
    switch (command.type) {
      case "bootstrap":
        return this.onBootstrap(command);
      case "registerNode":
        this.requireBootstrapped();
        this.nodes.set(command.node.nodeId, command.node);
        return { ok: true };
      case "createTopic":
        return this.onCreateTopic(command);
      case "deleteTopic":
        this.requireTopic(command.name);
        this.topics.delete(command.name);
        return { ok: true };
      case "createPartitions":
        return this.onCreatePartitions(command);
      case "alterTopicConfig":
        return this.onAlterTopicConfig(command);
      case "allocateProducerIds":
        return this.onAllocateProducerIds(command.count);
    }
  }

  private onBootstrap(command: Extract<ControllerCommand, { type: "bootstrap" }>): ControllerResult {
    if (this.clusterId !== undefined) {
      throw new HelixError("ALREADY_EXISTS", `cluster ${this.clusterId} is already bootstrapped`);
    }
    assert(command.progressGroupCount >= 1, "a cluster has at least one progress group");
    this.clusterId = command.clusterId;
    this.voters = [...command.voters];
    this.progressGroupCount = command.progressGroupCount;
    this.nextGroupId = command.progressGroupCount + 1;
    return { ok: true };
  }

  private onCreateTopic(command: Extract<ControllerCommand, { type: "createTopic" }>): ControllerResult {
    this.requireBootstrapped();
    validateTopicName(command.name);
    if (this.topics.has(command.name)) {
      throw new HelixError("ALREADY_EXISTS", `topic "${command.name}" already exists`);
    }
    if (this.topics.size >= limits.topicsPerClusterMax) {
      throw new HelixError(
        "POLICY_VIOLATION",
        `the cluster already has the maximum of ${limits.topicsPerClusterMax} topics`,
      );
    }
    const topic: TopicRecord = {
      name: command.name,
      id: command.id,
      config: validateTopicConfig(command.config),
      partitions: this.allocatePartitions(command.assignments),
    };
    this.topics.set(command.name, topic);
    return { ok: true, topic };
  }

  private onCreatePartitions(
    command: Extract<ControllerCommand, { type: "createPartitions" }>,
  ): ControllerResult {
    const topic = this.requireTopic(command.name);
    if (topic.partitions.length + command.assignments.length > limits.partitionsPerTopicMax) {
      throw new HelixError(
        "INVALID_PARTITIONS",
        `a topic has at most ${limits.partitionsPerTopicMax} partitions`,
      );
    }
    const updated = {
      ...topic,
      partitions: [...topic.partitions, ...this.allocatePartitions(command.assignments)],
    };
    this.topics.set(command.name, updated);
    return { ok: true, topic: updated };
  }

  private onAlterTopicConfig(
    command: Extract<ControllerCommand, { type: "alterTopicConfig" }>,
  ): ControllerResult {
    const topic = this.requireTopic(command.name);
    const merged: Record<string, string> = { ...topic.config, ...command.set };
    for (const key of command.remove) delete merged[key];
    checkTieringChange(topic.name, topic.config, merged);
    const updated = { ...topic, config: validateTopicConfig(merged) };
    this.topics.set(command.name, updated);
    return { ok: true, topic: updated };
  }

  private onAllocateProducerIds(count: number): ControllerResult {
    this.requireBootstrapped();
    if (!Number.isInteger(count) || count < 1 || count > limits.producerIdBlockSizeMax) {
      throw new HelixError(
        "INVALID_ARGUMENT",
        `producer id block size must be 1 to ${limits.producerIdBlockSizeMax}`,
      );
    }
    const firstProducerId = this.nextProducerId;
    this.nextProducerId += count;
    return { ok: true, firstProducerId };
  }

  /** Gives each replica set a new group id; validates all of them before changing anything. */
  private allocatePartitions(assignments: readonly (readonly NodeId[])[]): PartitionRecord[] {
    if (assignments.length === 0)
      throw new HelixError("INVALID_PARTITIONS", "at least one partition is needed");
    for (const replicas of assignments) {
      if (replicas.length === 0 || new Set(replicas).size !== replicas.length) {
        throw new HelixError(
          "INVALID_ARGUMENT",
          `replica list ${replicas.join(",")} must be non-empty and distinct`,
        );
      }
    }
    return assignments.map((replicas) => {
      const group = this.nextGroupId as GroupId;
      this.nextGroupId++;
      return { group, replicas: [...replicas] };
    });
  }

  private requireBootstrapped(): void {
    if (this.clusterId === undefined)
      throw new HelixError("UNAVAILABLE", "the cluster is not bootstrapped yet");
  }

  private requireTopic(name: string): TopicRecord {
    const topic = this.topics.get(name);
    if (topic === undefined) throw new HelixError("UNKNOWN_TOPIC", `topic "${name}" does not exist`);
    return topic;
  }

  /* Queries. */

  topic(name: string): TopicRecord | undefined {
    return this.topics.get(name);
  }

  listTopics(): TopicRecord[] {
    return [...this.topics.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  listNodes(): NodeRecord[] {
    return [...this.nodes.values()].sort((a, b) => a.nodeId - b.nodeId);
  }

  clusterInfo(): { clusterId: string | undefined; voters: readonly NodeId[]; progressGroupCount: number } {
    return { clusterId: this.clusterId, voters: this.voters, progressGroupCount: this.progressGroupCount };
  }

  /** Every partition group that has `node` among its replicas: what reconciliation makes local. */
  groupsOn(node: NodeId): { topic: string; partition: number; record: PartitionRecord }[] {
    const result: { topic: string; partition: number; record: PartitionRecord }[] = [];
    for (const topic of this.listTopics()) {
      topic.partitions.forEach((record, partition) => {
        if (record.replicas.includes(node)) result.push({ topic: topic.name, partition, record });
      });
    }
    return result;
  }

  /** Replicas and preferred leaders each node carries, for placement of the next topic. */
  loadByNode(): Map<NodeId, { replicas: number; leaders: number }> {
    const load = new Map<NodeId, { replicas: number; leaders: number }>();
    for (const topic of this.topics.values()) {
      for (const partition of topic.partitions) {
        partition.replicas.forEach((node, position) => {
          const entry = load.get(node) ?? { replicas: 0, leaders: 0 };
          entry.replicas++;
          if (position === 0) entry.leaders++;
          load.set(node, entry);
        });
      }
    }
    return load;
  }

  /* Snapshots: "HXCT", u16 version, u32 CRC32C of the JSON body, then the JSON body. */

  snapshot(): Uint8Array {
    const body = new TextEncoder().encode(
      JSON.stringify({
        clusterId: this.clusterId ?? null,
        voters: this.voters,
        progressGroupCount: this.progressGroupCount,
        nodes: this.listNodes(),
        topics: this.listTopics(),
        nextGroupId: this.nextGroupId,
        nextProducerId: this.nextProducerId,
      }),
    );
    const bytes = new Uint8Array(10 + body.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, snapshotMagic);
    view.setUint16(4, snapshotVersion);
    view.setUint32(6, crc32c(body));
    bytes.set(body, 10);
    return bytes;
  }

  static restore(bytes: Uint8Array): ControllerState {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 10 || view.getUint32(0) !== snapshotMagic) {
      throw new HelixError("CORRUPT_DATA", "controller snapshot has a bad header");
    }
    if (view.getUint16(4) !== snapshotVersion) {
      throw new HelixError(
        "UNSUPPORTED_VERSION",
        `controller snapshot version ${view.getUint16(4)} is unknown`,
      );
    }
    const body = bytes.subarray(10);
    if (crc32c(body) !== view.getUint32(6))
      throw new HelixError("CORRUPT_DATA", "controller snapshot failed its CRC32C");
    const saved = JSON.parse(new TextDecoder().decode(body)) as SavedController;
    const state = new ControllerState();
    state.clusterId = saved.clusterId ?? undefined;
    state.voters = saved.voters;
    state.progressGroupCount = saved.progressGroupCount;
    for (const node of saved.nodes) state.nodes.set(node.nodeId, { ...node, rack: node.rack ?? undefined });
    for (const topic of saved.topics) state.topics.set(topic.name, topic);
    state.nextGroupId = saved.nextGroupId;
    state.nextProducerId = saved.nextProducerId;
    return state;
  }
}

const snapshotMagic = 0x48584354; // "HXCT"
const snapshotVersion = 1;

interface SavedController {
  clusterId: string | null;
  voters: NodeId[];
  progressGroupCount: number;
  nodes: NodeRecord[];
  topics: TopicRecord[];
  nextGroupId: number;
  nextProducerId: number;
}

export interface CreateTopicRequest {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly config?: Readonly<Record<string, string>>;
}

/**
 * Leader side of CreateTopic: validates the request against the current state and plans the command
 * (topic id and replica placement drawn from `rng`). Throws a typed HelixError for bad requests.
 */
export function planCreateTopic(
  state: ControllerState,
  request: CreateTopicRequest,
  liveNodes: readonly NodeRecord[],
  rng: Rng,
): ControllerCommand {
  validateTopicName(request.name);
  if (state.topic(request.name) !== undefined) {
    throw new HelixError("ALREADY_EXISTS", `topic "${request.name}" already exists`);
  }
  if (liveNodes.length === 0) {
    throw new HelixError(
      "LEADER_NOT_AVAILABLE",
      "no node has registered with the controller yet; retry shortly",
    );
  }
  if (request.replicationFactor > liveNodes.length) {
    throw new HelixError(
      "INVALID_REPLICATION_FACTOR",
      `replication factor ${request.replicationFactor} is larger than the ${liveNodes.length} live nodes`,
    );
  }
  const config = validateTopicConfig(request.config ?? {});
  const assignments = placeReplicas(
    {
      nodes: liveNodes.map((node) =>
        node.rack === undefined ? { id: node.nodeId } : { id: node.nodeId, rack: node.rack },
      ),
      partitionCount: request.partitions,
      replicationFactor: request.replicationFactor,
      existingLoad: state.loadByNode(),
    },
    rng,
  );
  return { type: "createTopic", name: request.name, id: randomTopicId(rng), assignments, config };
}

export interface AlterTopicRequest {
  readonly name: string;
  readonly setConfigs?: Readonly<Record<string, string>>;
  readonly removeConfigs?: readonly string[];
  /** New total partition count; only increases are possible (Kafka's CreatePartitions). */
  readonly partitions?: number;
}

/**
 * Leader side of AlterTopic: the commands that change a topic's configs and add partitions (placed like
 * a new topic's, on the least loaded nodes, with the topic's replication factor). Throws typed errors.
 */
export function planAlterTopic(
  state: ControllerState,
  request: AlterTopicRequest,
  liveNodes: readonly NodeRecord[],
  rng: Rng,
): ControllerCommand[] {
  const topic = state.topic(request.name);
  if (topic === undefined) throw new HelixError("UNKNOWN_TOPIC", `topic "${request.name}" does not exist`);
  const commands: ControllerCommand[] = [];
  const set = request.setConfigs ?? {};
  const remove = request.removeConfigs ?? [];
  if (Object.keys(set).length > 0 || remove.length > 0) {
    const merged: Record<string, string> = { ...topic.config, ...set };
    for (const key of remove) delete merged[key];
    validateTopicConfig(merged);
    checkTieringChange(topic.name, topic.config, merged);
    commands.push({
      type: "alterTopicConfig",
      name: topic.name,
      set: validateTopicConfig(set),
      remove: [...remove],
    });
  }
  const wanted = request.partitions ?? 0;
  if (wanted !== 0 && wanted !== topic.partitions.length) {
    if (!Number.isInteger(wanted) || wanted < topic.partitions.length) {
      throw new HelixError(
        "INVALID_PARTITIONS",
        `topic "${topic.name}" has ${topic.partitions.length} partitions; the count can only grow, got ${wanted}`,
      );
    }
    const replicationFactor = topic.partitions[0]?.replicas.length ?? 1;
    if (replicationFactor > liveNodes.length) {
      throw new HelixError(
        "INVALID_REPLICATION_FACTOR",
        `replication factor ${replicationFactor} exceeds the ${liveNodes.length} live nodes`,
      );
    }
    const assignments = placeReplicas(
      {
        nodes: liveNodes.map((node) =>
          node.rack === undefined ? { id: node.nodeId } : { id: node.nodeId, rack: node.rack },
        ),
        partitionCount: wanted - topic.partitions.length,
        replicationFactor,
        existingLoad: state.loadByNode(),
      },
      rng,
    );
    commands.push({ type: "createPartitions", name: topic.name, assignments });
  }
  return commands;
}

/** A version-4 UUID drawn from `rng` (deterministic for the simulator). */
export function randomTopicId(rng: Rng): TopicId {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i += 4) new DataView(bytes.buffer).setUint32(i, rng.nextUint32());
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  return topicIdFromBytes(bytes);
}
