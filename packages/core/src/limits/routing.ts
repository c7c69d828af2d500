/** Limits of partitioners, the shard map, the leader cache and replica placement (package `routing`). */

/**
 * Bytes a sticky partitioner sends to one partition before it moves on when the caller signals no batch
 * boundary first. Kafka's `batch.size` default (KIP-794 uses it as the switch threshold), so null-key
 * records spread the way a Java producer spreads them.
 */
export const stickyBatchSizeBytesDefault = 16 * 1024;

/**
 * Topics whose sticky partition one partitioner remembers. Each costs a few dozen bytes; beyond this the
 * least recently switched topic is forgotten and simply picks a fresh partition on its next record.
 */
export const stickyTopicsMax = 10_000;

/**
 * Raft groups whose leader one cache remembers: a client or proxy routing to a large cluster. At ~100
 * bytes an entry this caps the cache near 13 MB; past it the least recently refreshed entry is evicted.
 */
export const leaderCacheEntriesMax = 131_072;

/**
 * How long a cached leader is trusted without being confirmed. Kafka clients refresh metadata every
 * `metadata.max.age.ms` (5 minutes) for the same reason: a leader may move without us sending it anything.
 */
export const leaderCacheEntryLifetimeMsDefault = 5 * 60 * 1000;

/**
 * Replicas per partition. Every replica is a Raft voter and each write waits for a majority, so more than
 * seven voters costs latency without buying durability anyone asks for (etcd gives the same advice).
 */
export const replicationFactorMax = 7;

/**
 * Partitions per topic. Every partition is its own Raft group (DESIGN.md §2) and a node targets 10,000
 * groups; 65,536 leaves room for large clusters while bounding placement work and metadata size.
 */
export const partitionsPerTopicMax = 65_536;

/**
 * Nodes a placement or rebalance plan considers. Placement scans every node per replica, so this bounds a
 * plan at partitions × replication factor × nodes steps; Kafka clusters past a thousand brokers are rare.
 */
export const placementNodesMax = 1_024;

/** Topics one shard map holds; bounds the size of the controller's metadata that routing indexes. */
export const shardMapTopicsMax = 100_000;

/**
 * Leadership transfers one leader-balancing round asks for. Each transfer pauses writes to its partition
 * for about one election round trip; doing a bounded number per round keeps a node restart from stalling
 * thousands of partitions at once, and the next round picks up the rest.
 */
export const leaderTransfersPerRoundMax = 64;
