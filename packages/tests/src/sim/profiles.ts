/**
 * Named run shapes: overrides of the seed's swarm parameters that a test pins and a replay command
 * names (`--profile`), so a failure found under a pinned shape replays from the command line exactly.
 * The default profile overrides nothing: the seed picks every parameter.
 */
import type { SwarmParameters } from "./swarm.js";

export type Profile = "default" | "aggressive" | "figure8";

export const profiles: Readonly<Record<Profile, Partial<SwarmParameters>>> = {
  default: {},
  /** Fault rates high enough that elections and truncations happen every few simulated seconds. */
  aggressive: {
    crashEverySeconds: 8,
    partitionEverySeconds: 8,
    partitionLastsSecondsMax: 10,
    clients: 3,
    clientThinkMsMax: 100,
  },
  /**
   * The shape of Raft's Figure 8 (§5.4.2): leaders change while entries of older terms are partly
   * replicated. Five voters, so a leader can reach a majority that a later leader with a conflicting
   * entry does not need; many clients, so an isolated leader accumulates a long uncommitted tail;
   * frequent short partitions and crashes, so leadership moves back and forth; and one entry per
   * append message, so a majority acknowledges an old-term entry before the new leader's own entry
   * (a legitimate configuration: the bound on append message size is a production setting).
   */
  figure8: {
    voters: 5,
    groups: 1,
    electionTicks: 10,
    heartbeatTicks: 3,
    crashEverySeconds: 6,
    restartAfterSecondsMax: 4,
    partitionEverySeconds: 3,
    partitionLastsSecondsMax: 6,
    clients: 12,
    clientThinkMsMax: 20,
    appendMessageSizeBytes: 1,
  },
};

export function isProfile(name: string): name is Profile {
  return Object.hasOwn(profiles, name);
}
