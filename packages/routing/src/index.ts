export type { GroupLeadership, LeaderTransfer } from "./leader-balance.js";
export { planLeaderTransfers } from "./leader-balance.js";
export { murmur2, partitionForKey, toPositive } from "./murmur2.js";
export type { NodeLoad, PlacementNode, PlacementRequest } from "./placement.js";
export { placeReplicas } from "./placement.js";
export type { PartitionReplicas, PreferredLeaderChange, RebalancePlan, ReplicaMove } from "./rebalance.js";
export { planRebalance } from "./rebalance.js";
