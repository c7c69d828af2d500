import type { PartitionId, TopicId } from "@helixlog/core";
import type { KafkaGeneration } from "../commands.js";
import type { ConsumerGroupId } from "../names.js";
import type { PartitionProgress } from "./partition-progress.js";

/** The map key of a partition inside a group. Topic ids are UUIDs, so "/" never appears inside one. */
export function partitionKey(topic: TopicId, partition: PartitionId): string {
  return `${topic}/${partition}`;
}

/** Everything one consumer group has stored: its partitions, its Kafka generation, its dead-letter rule. */
export class GroupProgress {
  /** Keyed by partitionKey; at most progressPartitionsPerGroupMax entries. */
  readonly partitions = new Map<string, PartitionProgress>();
  /** The last generation the Kafka group coordinator stored; generation ids never go down. */
  generation: KafkaGeneration | null = null;

  constructor(
    readonly id: ConsumerGroupId,
    public deadLetterAfterDeliveries: number,
  ) {}

  partitionOf(topic: TopicId, partition: PartitionId): PartitionProgress | undefined {
    return this.partitions.get(partitionKey(topic, partition));
  }

  liveLeaseCount(): number {
    let count = 0;
    for (const progress of this.partitions.values()) count += progress.leases.size;
    return count;
  }

  /** True while a Kafka generation has members: commits must then come from them or from lease holders. */
  hasMembers(): boolean {
    return this.generation !== null && this.generation.members.length > 0;
  }
}
