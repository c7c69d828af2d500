/** @helixlog/server: the node. Only the deterministic core's Raft host exists so far (see README.md). */
export type {
  GroupEngine,
  GroupSpec,
  GroupView,
  HostStateMachine,
  RaftHostObserver,
  RaftHostOptions,
} from "./node/index.js";
export { RaftHost, SingleGroupEngine } from "./node/index.js";
