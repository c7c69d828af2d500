import {
  type GroupId,
  HelixError,
  limits,
  type NodeId,
  type PartitionId,
  type Term,
  type TopicId,
} from "@helixlog/core";

/** Where one partition lives: its Raft group, its replicas (preferred leader first) and its leader. */
export interface PartitionRoute {
  readonly topic: string;
  readonly partition: PartitionId;
  readonly groupId: GroupId;
  readonly replicas: readonly NodeId[];
  /** Absent while the group has no known leader. Always one of `replicas`. */
  readonly leader?: NodeId;
  /** The Raft term of `leader`; Kafka's leader epoch. */
  readonly leaderEpoch: Term;
}

export interface TopicRoutes {
  readonly name: string;
  readonly topicId?: TopicId;
  /** Indexed by partition id: `partitions[p].partition === p`. */
  readonly partitions: readonly PartitionRoute[];
}

/** The controller's view of topics, as it is published. */
export interface ShardMapMetadata {
  /** Increases with every change the controller makes; a map never goes back to a lower version. */
  readonly version: number;
  readonly topics: readonly {
    readonly name: string;
    readonly topicId?: TopicId;
    readonly partitions: readonly Omit<PartitionRoute, "topic">[];
  }[];
}

/**
 * Topic-partition → group → replicas and leader, built from controller metadata. Immutable: an update
 * returns a new map (or the same one when the update is stale), so a request that read a map keeps one
 * consistent view for its whole life.
 */
export class ShardMap {
  readonly version: number;
  private readonly topicsByName: ReadonlyMap<string, TopicRoutes>;
  private readonly routesByGroup: ReadonlyMap<GroupId, PartitionRoute>;

  private constructor(version: number, topics: ReadonlyMap<string, TopicRoutes>) {
    this.version = version;
    this.topicsByName = topics;
    const byGroup = new Map<GroupId, PartitionRoute>();
    for (const topic of topics.values())
      for (const route of topic.partitions) byGroup.set(route.groupId, route);
    this.routesByGroup = byGroup;
  }

  /** The map before any metadata arrived: version -1, so the controller's first version always applies. */
  static empty(): ShardMap {
    return new ShardMap(-1, new Map());
  }

  /** Builds a map from controller metadata, rejecting metadata that breaks the map's invariants. */
  static fromMetadata(metadata: ShardMapMetadata): ShardMap {
    if (!Number.isSafeInteger(metadata.version) || metadata.version < 0) {
      throw invalid(`metadata version must be a non-negative integer, got ${metadata.version}`);
    }
    if (metadata.topics.length > limits.shardMapTopicsMax) {
      throw invalid(
        `a shard map holds at most ${limits.shardMapTopicsMax} topics, got ${metadata.topics.length}`,
      );
    }
    const topics = new Map<string, TopicRoutes>();
    const groups = new Set<GroupId>();
    for (const topic of metadata.topics) {
      if (topic.name === "" || topics.has(topic.name))
        throw invalid(`topic name "${topic.name}" is empty or repeated`);
      const partitions = validatedPartitions(topic.name, topic.partitions, groups);
      const routes: TopicRoutes =
        topic.topicId === undefined
          ? { name: topic.name, partitions }
          : { name: topic.name, topicId: topic.topicId, partitions };
      topics.set(topic.name, Object.freeze(routes));
    }
    return new ShardMap(metadata.version, topics);
  }

  /** The map for `metadata`, or this map when `metadata` is not newer (a stale or repeated update). */
  update(metadata: ShardMapMetadata): ShardMap {
    return metadata.version <= this.version ? this : ShardMap.fromMetadata(metadata);
  }

  /**
   * This map with a group's leader replaced, as learned from a NOT_LEADER answer or a leader-change
   * notification between two controller versions. An epoch older than the known one is ignored (returns
   * this map); so is a leader that is not a replica of the group.
   */
  withLeader(group: GroupId, leader: NodeId | undefined, epoch: Term): ShardMap {
    const route = this.routesByGroup.get(group);
    if (route === undefined || epoch < route.leaderEpoch) return this;
    if (leader !== undefined && !route.replicas.includes(leader)) return this;
    if (epoch === route.leaderEpoch && leader === route.leader) return this;
    const topic = this.topicsByName.get(route.topic) as TopicRoutes;
    const replaced = withLeaderFields(route, leader, epoch);
    const partitions = Object.freeze(topic.partitions.map((each) => (each === route ? replaced : each)));
    const topics = new Map(this.topicsByName);
    topics.set(topic.name, Object.freeze({ ...topic, partitions }));
    return new ShardMap(this.version, topics);
  }

  topicNames(): string[] {
    return [...this.topicsByName.keys()];
  }

  topic(name: string): TopicRoutes | undefined {
    return this.topicsByName.get(name);
  }

  /** The route of one partition, or UNKNOWN_TOPIC / UNKNOWN_PARTITION as Kafka would answer. */
  route(topic: string, partition: number): PartitionRoute {
    const routes = this.topicsByName.get(topic);
    if (routes === undefined) throw new HelixError("UNKNOWN_TOPIC", `topic "${topic}" does not exist`);
    const route = routes.partitions[partition];
    if (route === undefined) {
      throw new HelixError(
        "UNKNOWN_PARTITION",
        `topic "${topic}" has partitions 0 to ${routes.partitions.length - 1}, not ${partition}`,
      );
    }
    return route;
  }

  routeOfGroup(group: GroupId): PartitionRoute | undefined {
    return this.routesByGroup.get(group);
  }

  /** Partitions of `topic` that have a leader: where a sticky partitioner should send null-key records. */
  partitionsWithLeader(topic: string): PartitionId[] {
    const routes = this.topicsByName.get(topic);
    if (routes === undefined) return [];
    return routes.partitions.filter((route) => route.leader !== undefined).map((route) => route.partition);
  }
}

function invalid(message: string): HelixError {
  return new HelixError("INVALID_ARGUMENT", `invalid shard map metadata: ${message}`);
}

/** Checks one topic's partitions and returns them frozen and ordered by partition id. */
function validatedPartitions(
  topic: string,
  partitions: readonly Omit<PartitionRoute, "topic">[],
  groupsSeen: Set<GroupId>,
): readonly PartitionRoute[] {
  const count = partitions.length;
  if (count < 1 || count > limits.partitionsPerTopicMax) {
    throw invalid(`topic "${topic}" must have 1 to ${limits.partitionsPerTopicMax} partitions, got ${count}`);
  }
  const ordered: PartitionRoute[] = new Array(count);
  for (const partition of partitions) {
    const where = `topic "${topic}" partition ${partition.partition}`;
    if (!Number.isInteger(partition.partition) || partition.partition < 0 || partition.partition >= count) {
      throw invalid(`${where}: partition ids must be 0 to ${count - 1}`);
    }
    if (ordered[partition.partition] !== undefined) throw invalid(`${where} is listed twice`);
    // Group 0 is the controller (DESIGN.md §2); no partition may claim it.
    if (partition.groupId === 0 || groupsSeen.has(partition.groupId)) {
      throw invalid(`${where}: group ${partition.groupId} is the controller's or already used`);
    }
    groupsSeen.add(partition.groupId);
    validateReplicas(where, partition);
    ordered[partition.partition] = Object.freeze({
      ...partition,
      topic,
      replicas: Object.freeze([...partition.replicas]),
    });
  }
  return Object.freeze(ordered);
}

function validateReplicas(where: string, partition: Omit<PartitionRoute, "topic">): void {
  const { replicas, leader } = partition;
  if (replicas.length < 1 || replicas.length > limits.replicationFactorMax) {
    throw invalid(`${where}: must have 1 to ${limits.replicationFactorMax} replicas, got ${replicas.length}`);
  }
  if (new Set(replicas).size !== replicas.length)
    throw invalid(`${where}: replicas [${replicas.join(", ")}] repeat`);
  if (leader !== undefined && !replicas.includes(leader)) {
    throw invalid(`${where}: leader ${leader} is not one of the replicas [${replicas.join(", ")}]`);
  }
}

function withLeaderFields(route: PartitionRoute, leader: NodeId | undefined, epoch: Term): PartitionRoute {
  const { leader: _previous, ...rest } = route;
  return Object.freeze(
    leader === undefined ? { ...rest, leaderEpoch: epoch } : { ...rest, leader, leaderEpoch: epoch },
  );
}
