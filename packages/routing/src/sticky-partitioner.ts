import { HelixError, limits, type PartitionId, type Rng } from "@helixlog/core";

export interface StickyPartitionerConfig {
  /** Bytes sent to one partition before moving on (Kafka's `batch.size`, the KIP-794 switch threshold). */
  readonly batchSizeBytes: number;
}

export const stickyPartitionerConfigDefault: StickyPartitionerConfig = {
  batchSizeBytes: limits.stickyBatchSizeBytesDefault,
};

/** Throws INVALID_CONFIG unless the batch size is 1 byte to the largest record batch we accept. */
export function validateStickyPartitionerConfig(config: StickyPartitionerConfig): void {
  const { batchSizeBytes } = config;
  if (
    !Number.isInteger(batchSizeBytes) ||
    batchSizeBytes < 1 ||
    batchSizeBytes > limits.recordBatchSizeBytesMax
  ) {
    throw new HelixError(
      "INVALID_CONFIG",
      `sticky batch size must be an integer from 1 to ${limits.recordBatchSizeBytesMax} bytes, got ${batchSizeBytes}`,
    );
  }
}

/** What the partitioner needs to know about a topic right now. */
export interface TopicAvailability {
  readonly partitionCount: number;
  /** Partitions whose leader is known (ShardMap.partitionsWithLeader). */
  readonly partitionsWithLeader: readonly PartitionId[];
}

interface StickyState {
  readonly partition: PartitionId;
  /** Bytes sent to `partition` since it was chosen. */
  sentBytes: number;
}

/**
 * Partitions null-key records the way Kafka's producer does since KIP-480 and KIP-794: every record goes to
 * one "sticky" partition so records fill batches, and the partitioner moves on when a batch is done, either
 * because the caller signals a batch boundary (`onNewBatch`) or because `batchSizeBytes` have gone to the
 * partition. A new partition is drawn from the injected Rng among those with a leader (all of them when
 * none has one), avoiding the one just left when there is a choice.
 */
export class StickyPartitioner {
  private readonly rng: Rng;
  private readonly config: StickyPartitionerConfig;
  /** Map order is the order of last switch; past `stickyTopicsMax` the oldest topic is forgotten. */
  private readonly topics = new Map<string, StickyState>();

  constructor(rng: Rng, config: StickyPartitionerConfig = stickyPartitionerConfigDefault) {
    validateStickyPartitionerConfig(config);
    this.rng = rng;
    this.config = config;
  }

  /**
   * The partition for a null-key record of `recordSizeBytes` in `topic`. The record counts toward the
   * current partition's batch; once the batch size is reached the next record starts a new partition.
   */
  partition(topic: string, availability: TopicAvailability, recordSizeBytes: number): PartitionId {
    if (availability.partitionCount < 1) {
      throw new HelixError("UNKNOWN_PARTITION", `topic "${topic}" has no partitions to send to`);
    }
    let state = this.topics.get(topic);
    if (state === undefined || !isUsable(state.partition, availability)) {
      state = this.switchPartition(topic, availability, state?.partition);
    }
    state.sentBytes += recordSizeBytes;
    const chosen = state.partition;
    if (state.sentBytes >= this.config.batchSizeBytes) this.switchPartition(topic, availability, chosen);
    return chosen;
  }

  /**
   * A batch boundary: the batch for `previousPartition` was closed (sent, or full). Moves `topic` on only
   * if it is still sticking to that partition, so several batches closing at once switch just once
   * (KIP-480's onNewBatch).
   */
  onNewBatch(topic: string, availability: TopicAvailability, previousPartition: PartitionId): void {
    const state = this.topics.get(topic);
    if (state !== undefined && state.partition !== previousPartition) return;
    this.switchPartition(topic, availability, previousPartition);
  }

  private switchPartition(
    topic: string,
    availability: TopicAvailability,
    leaving?: PartitionId,
  ): StickyState {
    const state: StickyState = { partition: this.choose(availability, leaving), sentBytes: 0 };
    this.topics.delete(topic);
    if (this.topics.size >= limits.stickyTopicsMax) {
      const oldest = this.topics.keys().next();
      if (oldest.done !== true) this.topics.delete(oldest.value);
    }
    this.topics.set(topic, state);
    return state;
  }

  private choose(availability: TopicAvailability, leaving: PartitionId | undefined): PartitionId {
    const withLeader = availability.partitionsWithLeader.filter((partition) =>
      isInRange(partition, availability),
    );
    const candidates =
      withLeader.length > 0
        ? withLeader
        : Array.from({ length: availability.partitionCount }, (_, index) => index as PartitionId);
    const others = candidates.filter((partition) => partition !== leaving);
    const pool = others.length > 0 ? others : candidates;
    return pool[this.rng.integer(0, pool.length)] as PartitionId;
  }
}

function isInRange(partition: PartitionId, availability: TopicAvailability): boolean {
  return partition >= 0 && partition < availability.partitionCount;
}

/** A sticky partition stays usable while it exists and has a leader (or no partition has one). */
function isUsable(partition: PartitionId, availability: TopicAvailability): boolean {
  if (!isInRange(partition, availability)) return false;
  const withLeader = availability.partitionsWithLeader;
  return withLeader.length === 0 || withLeader.includes(partition);
}
