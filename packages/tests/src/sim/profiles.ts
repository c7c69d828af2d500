/**
 * Named run shapes: overrides of the seed's swarm parameters that a test pins and a replay command
 * names (`--profile`), so a failure found under a pinned shape replays from the command line exactly.
 * The default profile overrides nothing: the seed picks every parameter.
 */
import type { SwarmParameters } from "./swarm.js";

export type Profile = "default" | "aggressive" | "figure8" | "snapshots";

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
   * The aggressive faults with a snapshot every 20 applied entries and no trailing entries kept, so
   * restarts recover from snapshots and any follower that falls behind gets one installed.
   */
  snapshots: {
    crashEverySeconds: 8,
    partitionEverySeconds: 8,
    partitionLastsSecondsMax: 10,
    clients: 3,
    clientThinkMsMax: 100,
    snapshotAfterEntries: 20,
    snapshotTrailingEntries: 0,
  },
  /**
   * Raft's Figure 8 (§5.4.2), steered by the scripted nemesis of figure8-nemesis.ts: three voters, one
   * group, clients always proposing, no random partitions or crashes (the nemesis moves the network),
   * and one entry per append message, so a follower catching up acknowledges an old-term entry before
   * the new leader's own (a legitimate configuration: the append size bound is a production setting).
   */
  figure8: {
    voters: 3,
    groups: 1,
    dropProbability: 0,
    duplicateProbability: 0,
    partitionEverySeconds: 1e9,
    crashEverySeconds: 1e9,
    clockJumpEverySeconds: 1e9,
    diskErrorProbability: 0,
    diskFullProbability: 0,
    clients: 3,
    clientThinkMsMax: 100,
    appendMessageSizeBytes: 1,
    isolateLeaderProbability: 0,
    figure8Nemesis: true,
    // The nemesis steers one uncompacted log: Figure 8 is about which entries a leader holds.
    snapshotAfterEntries: undefined,
  },
};

export function isProfile(name: string): name is Profile {
  return Object.hasOwn(profiles, name);
}
