/** Test support for @helixlog/raft: an in-memory cluster harness, a safety checker, transcripts. */
export type { NetworkObserver, NetworkOptions, NodeSettings, ProcessOptions } from "./network.js";
export { RaftNetwork, SimulatedNode } from "./network.js";
export {
  type RandomizedSafetyOptions,
  type RandomizedSafetyReport,
  runRandomizedSafety,
} from "./randomized-safety.js";
export { SafetyChecker, SafetyViolation } from "./safety-checker.js";
export { DigestStateMachine } from "./state-machine.js";
export { runTranscript } from "./transcript.js";
