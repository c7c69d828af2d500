export type { GroupLeadership, LeaderTransfer } from "./leader-balance.js";
export { planLeaderTransfers } from "./leader-balance.js";
export type { LeaderCacheOptions, LeaderHint } from "./leader-cache.js";
export { LeaderCache } from "./leader-cache.js";
export { murmur2, partitionForKey, toPositive } from "./murmur2.js";
export type { NodeLoad, PlacementNode, PlacementRequest } from "./placement.js";
export { placeReplicas } from "./placement.js";
export type { PartitionReplicas, PreferredLeaderChange, RebalancePlan, ReplicaMove } from "./rebalance.js";
export { planRebalance } from "./rebalance.js";
export type { PartitionRoute, ShardMapMetadata, TopicRoutes } from "./shard-map.js";
export { ShardMap } from "./shard-map.js";
export type { StickyPartitionerConfig, TopicAvailability } from "./sticky-partitioner.js";
export {
  StickyPartitioner,
  stickyPartitionerConfigDefault,
  validateStickyPartitionerConfig,
} from "./sticky-partitioner.js";
