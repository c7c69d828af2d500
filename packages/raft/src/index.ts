/**
 * @helixlog/raft: the Raft consensus state machine (pure, synchronous, host-driven) in the style of
 * etcd's raft. See README.md for the host contract.
 */

export {
  applyConfChange,
  decodeConfChange,
  describeConfChange,
  encodeConfChange,
  isLeaveJoint,
  isSimpleChange,
} from "./conf-changer.js";
export type { RaftOptions, ReadOnlyOption } from "./config.js";
export { RaftConfig } from "./config.js";
export { describeMessage, describeReady } from "./describe.js";
export { describeEntries, describeEntry, entrySizeBytes } from "./entries.js";
export type { GroupStatus } from "./multi-raft/group-status.js";
export type { GroupReady, MultiRaftMetrics, MultiRaftReady } from "./multi-raft/multi-raft.js";
export { MultiRaft } from "./multi-raft/multi-raft.js";
export type {
  CoalescedHeartbeat,
  CoalescedHeartbeatResponse,
  MultiRaftBatch,
} from "./multi-raft/multi-raft-batch.js";
export { batchSizeBytes } from "./multi-raft/multi-raft-batch.js";
export type { GroupSettings, MultiRaftOptions } from "./multi-raft/multi-raft-config.js";
export { MultiRaftConfig } from "./multi-raft/multi-raft-config.js";
export type { ProgressState } from "./progress.js";
export type { JointConfig, MajorityConfig, VoteResult } from "./quorum.js";
export {
  jointCommittedIndex,
  jointVoteResult,
  majorityCommittedIndex,
  majorityVoteResult,
} from "./quorum.js";
export type { ProposalResult, Raft } from "./raft.js";
export type { Ready } from "./raft-node.js";
export { mustWaitForPersistence, RaftNode } from "./raft-node.js";
export type { InitialState, Storage } from "./storage.js";
export { MemoryStorage } from "./storage.js";
export type {
  AppendEntriesMessage,
  AppendResponseMessage,
  ConfChange,
  ConfChangeSingle,
  ConfChangeType,
  ConfState,
  Entry,
  EntryType,
  HardState,
  HeartbeatMessage,
  HeartbeatResponseMessage,
  InstallSnapshotMessage,
  Message,
  MessageType,
  ReadIndexMessage,
  ReadIndexResponseMessage,
  ReadState,
  Snapshot,
  SnapshotMetadata,
  SnapshotResponseMessage,
  SoftState,
  StateRole,
  TimeoutNowMessage,
  VoteRequestMessage,
  VoteResponseMessage,
} from "./types.js";
export { emptyConfState, noNode } from "./types.js";
