/**
 * helix.v1.Admin over one HelixNode. Writes (CreateTopic, DeleteTopic) go to the controller leader; the
 * node answers NOT_LEADER elsewhere and the status carries the leader's address. Reads describe the
 * controller's state as this node has applied it, plus what this node knows of partition leaders and
 * offsets (-1 for partitions it does not host). The ISR is measured by a partition's leader and
 * estimated elsewhere (HelixNode.partitionStatus); ClusterStatus lists the replicas' lag of every
 * partition the answering node leads.
 */
import { HelixError, limits, type NodeId } from "@helixlog/core";
import { type TopicRecord, validateTopicName } from "../../node/controller/controller-state.js";
import { effectiveTopicConfig, validateTopicConfig } from "../../node/controller/topic-config.js";
import type { HelixNode } from "../../node/helix-node.js";
import type {
  BrokerMessage,
  CreateTopicRequest,
  PartitionDescriptionMessage,
  PartitionReplicationMessage,
  TopicDescriptionMessage,
} from "./messages.js";
import { requireTopic, requireTopicName } from "./validation.js";

/** Kafka's usual default replication factor, lowered to the cluster size on small clusters. */
const replicationFactorDefault = 3;

export class AdminService {
  constructor(private readonly node: HelixNode) {}

  async createTopic(request: CreateTopicRequest): Promise<TopicDescriptionMessage> {
    const name = requireTopicName(request.name, "name");
    const partitions = request.partitions === 0 ? 1 : request.partitions;
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > limits.partitionsPerTopicMax) {
      throw new HelixError(
        "INVALID_PARTITIONS",
        `partitions must be 1..${limits.partitionsPerTopicMax}, got ${partitions}`,
      );
    }
    const liveNodes = this.node.listNodes().length;
    const replicationFactor =
      request.replicationFactor === 0
        ? Math.max(1, Math.min(replicationFactorDefault, liveNodes))
        : request.replicationFactor;
    if (
      !Number.isInteger(replicationFactor) ||
      replicationFactor < 1 ||
      replicationFactor > limits.replicationFactorMax
    ) {
      throw new HelixError(
        "INVALID_REPLICATION_FACTOR",
        `replication_factor must be 1..${limits.replicationFactorMax}, got ${replicationFactor}`,
      );
    }
    if (request.validateOnly)
      return this.validateCreate(name, partitions, replicationFactor, request.configs);
    const topic = await this.node.createTopic({
      name,
      partitions,
      replicationFactor,
      config: request.configs,
    });
    return this.describe(topic);
  }

  /**
   * validate_only: the checks the controller would make, without proposing. The leader's own planning
   * may still refuse a later real request (for example if a node left meanwhile).
   */
  private validateCreate(
    name: string,
    partitions: number,
    replicationFactor: number,
    configs: Record<string, string>,
  ): TopicDescriptionMessage {
    validateTopicName(name);
    if (this.node.topic(name) !== undefined)
      throw new HelixError("ALREADY_EXISTS", `topic "${name}" already exists`);
    if (replicationFactor > this.node.listNodes().length) {
      throw new HelixError(
        "INVALID_REPLICATION_FACTOR",
        `replication factor ${replicationFactor} exceeds the live nodes`,
      );
    }
    const config = validateTopicConfig(configs);
    return {
      name,
      topicId: "",
      replicationFactor,
      partitions: Array.from({ length: partitions }, (_, partition) => unknownPartition(partition, [])),
      configs: effectiveTopicConfig(config),
    };
  }

  async deleteTopic(request: { name: string }): Promise<Record<string, never>> {
    await this.node.deleteTopic(requireTopicName(request.name, "name"));
    return {};
  }

  async listTopics(): Promise<{ topics: TopicDescriptionMessage[] }> {
    return { topics: this.node.listTopics().map((topic) => this.describe(topic)) };
  }

  async describeTopic(request: { name: string }): Promise<TopicDescriptionMessage> {
    return this.describe(requireTopic(this.node, request.name));
  }

  async alterTopic(request: {
    name: string;
    setConfigs: Record<string, string>;
    removeConfigs: string[];
    partitions: number;
  }): Promise<TopicDescriptionMessage> {
    const name = requireTopicName(request.name, "name");
    if (!Number.isInteger(request.partitions) || request.partitions < 0) {
      throw new HelixError(
        "INVALID_ARGUMENT",
        `partitions must be 0 (unchanged) or a new total, got ${request.partitions}`,
      );
    }
    const topic = await this.node.alterTopic({
      name,
      setConfigs: request.setConfigs ?? {},
      removeConfigs: request.removeConfigs ?? [],
      partitions: request.partitions,
    });
    return this.describe(topic);
  }

  async metadata(request: { topics: string[] }) {
    const topics =
      request.topics.length === 0
        ? this.node.listTopics()
        : request.topics.map((name) => requireTopic(this.node, name));
    return {
      clusterId: this.node.clusterInfo().clusterId ?? "",
      controllerId: this.node.controllerLeader() ?? -1,
      brokers: this.brokers(),
      topics: topics.map((topic) => this.describe(topic)),
    };
  }

  async clusterStatus() {
    const topics = this.node.listTopics();
    const led = this.ledPartitions(topics);
    const underReplicated = led.filter((entry) => entry.replicas.some((replica) => !replica.inSync)).length;
    return {
      clusterId: this.node.clusterInfo().clusterId ?? "",
      controllerLeader: this.node.controllerLeader() ?? 0,
      nodes: this.brokers().map((broker) => {
        const here = broker.nodeId === this.node.nodeId;
        return {
          broker,
          // The same kinds of group as groupsLed: the controller group (every node is one of its
          // voters) and the partitions the node replicates (it said 0 hosted beside 1 led).
          groupsHosted: 1 + countPartitions(topics, (replicas) => replicas.includes(broker.nodeId as NodeId)),
          // Leadership and replication are known only for the groups this node leads.
          groupsLed: here ? led.length + (this.node.isControllerLeader() ? 1 : 0) : 0,
          underReplicatedPartitions: here ? underReplicated : 0,
        };
      }),
      answeredBy: this.node.nodeId,
      ledPartitions: led,
    };
  }

  /** Every partition this node leads, with each replica's lag and ISR membership. */
  private ledPartitions(topics: readonly TopicRecord[]): PartitionReplicationMessage[] {
    const led: PartitionReplicationMessage[] = [];
    for (const topic of topics) {
      for (let partition = 0; partition < topic.partitions.length; partition++) {
        const status = this.node.partitionStatus(topic.name, partition);
        if (!status.measured) continue;
        led.push({
          topic: topic.name,
          partition,
          leaderEpoch: status.leaderEpoch,
          replicas: status.lags.map((lag) => ({
            nodeId: lag.nodeId,
            lagEntries: lag.lagEntries,
            inSync: lag.inSync,
            alive: lag.live,
          })),
        });
      }
    }
    return led;
  }

  /** Registered nodes; alive means this node heard from it recently (HelixNode.isNodeLive). */
  private brokers(): BrokerMessage[] {
    return this.node.listNodes().map((node) => ({
      nodeId: node.nodeId,
      kafkaAddress: node.kafkaAddress,
      grpcAddress: node.grpcAddress,
      rack: node.rack ?? "",
      alive: this.node.isNodeLive(node.nodeId),
    }));
  }

  private describe(topic: TopicRecord): TopicDescriptionMessage {
    return {
      name: topic.name,
      topicId: String(topic.id),
      replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
      partitions: topic.partitions.map((record, partition) =>
        this.describePartition(topic.name, partition, record.replicas),
      ),
      configs: effectiveTopicConfig(topic.config),
    };
  }

  private describePartition(
    topic: string,
    partition: number,
    replicas: readonly NodeId[],
  ): PartitionDescriptionMessage {
    const view = this.node.partitionLeader(topic, partition);
    if (view === undefined) return unknownPartition(partition, replicas);
    return {
      partition,
      leader: view.leader ?? -1,
      leaderEpoch: view.term,
      replicas: [...replicas],
      // Measured on the partition leader; elsewhere the leader and the replicas this node hears from.
      inSyncReplicas: [...this.node.partitionStatus(topic, partition).isr],
      highWatermark: this.node.highWatermark(topic, partition),
      logStartOffset: this.node.logStartOffset(topic, partition),
    };
  }
}

function unknownPartition(partition: number, replicas: readonly NodeId[]): PartitionDescriptionMessage {
  return {
    partition,
    leader: -1,
    leaderEpoch: -1,
    replicas: [...replicas],
    inSyncReplicas: [],
    highWatermark: -1,
    logStartOffset: -1,
  };
}

function countPartitions(
  topics: readonly TopicRecord[],
  matches: (replicas: readonly NodeId[]) => boolean,
): number {
  return topics.reduce(
    (sum, topic) => sum + topic.partitions.filter((record) => matches(record.replicas)).length,
    0,
  );
}
