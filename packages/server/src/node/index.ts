/** The node's deterministic core (DESIGN.md §6): everything here runs unchanged in the simulator. */
export type { GroupLogReader, GroupView } from "./group-engine.js";
export type { GroupSpec, HostStateMachine, RaftHostObserver, RaftHostOptions } from "./raft-host.js";
export { RaftHost } from "./raft-host.js";
export { SnapshotStore, type StoredSnapshot } from "./snapshot-store.js";
export { fromWalEntry, fromWalHardState, recoverStorage, toWalEntry, toWalHardState } from "./wal-storage.js";
