/**
 * Swarm testing (STYLE.md rule 15): the seed picks the shape of the run as well as its events, so
 * different seeds stress different corners (a lossy network with few crashes, a flaky disk with slow
 * fsyncs, five voters with many groups). The parameters are printed at the start of every run.
 */
import type { Rng } from "@helixlog/core";

export interface SwarmParameters {
  readonly voters: 3 | 5;
  readonly groups: number;
  /** Simulated milliseconds between Raft ticks of a node (before its clock's drift). */
  readonly tickMs: number;
  readonly electionTicks: number;
  readonly heartbeatTicks: number;
  /** One-way latency: minimum plus a uniform spread, with a long tail sometimes. */
  readonly latencyMinMs: number;
  readonly latencySpreadMs: number;
  readonly latencyTailProbability: number;
  readonly latencyTailMs: number;
  readonly dropProbability: number;
  readonly duplicateProbability: number;
  /** Mean simulated seconds between partition changes, and how long one lasts at most. */
  readonly partitionEverySeconds: number;
  readonly partitionLastsSecondsMax: number;
  /** Mean simulated seconds between node crashes (the whole cluster), and the restart delay bound. */
  readonly crashEverySeconds: number;
  readonly restartAfterSecondsMax: number;
  /** Probability that a crash keeps a random prefix of the unsynced writes (torn) rather than none. */
  readonly tornWriteProbability: number;
  readonly fsyncMs: number;
  readonly slowFsyncProbability: number;
  readonly slowFsyncMs: number;
  /** Per disk operation (write, sync, truncate, create). */
  readonly diskErrorProbability: number;
  readonly diskFullProbability: number;
  /** Probability per crash that a bit of a sealed WAL segment flips while the node is down. */
  readonly bitFlipProbability: number;
  /** Clock drift bound: each node's rate is in [1 - drift, 1 + drift]. */
  readonly clockDrift: number;
  readonly clockJumpEverySeconds: number;
  readonly clients: number;
  readonly clientThinkMsMax: number;
  /**
   * Raft's bound on one append message (bytes; at least one entry always goes). 1 sends one entry per
   * message, so followers acknowledge a long tail entry by entry (Figure 8 needs a majority to hold an
   * old-term entry before the new leader's own entry). Undefined: Raft's default.
   */
  readonly appendMessageSizeBytes: number | undefined;
  /**
   * A reactive nemesis (as Jepsen's): the probability that a leader is isolated from every peer right
   * after it is elected, right after it advances its commit index, or right after it accepts a
   * proposal. Isolating at those instants strands entries on a minority and leaves freshly elected
   * leaders' entries unreplicated: the interleavings of Raft's Figure 8, which uniform random
   * partitions almost never hit.
   */
  readonly isolateLeaderProbability: number;
  /** Whether the scripted Figure 8 nemesis (figure8-nemesis.ts) drives the network. */
  readonly figure8Nemesis: boolean;
  /**
   * Applied entries after which a node snapshots a group's state machine and compacts its log and WAL
   * (undefined: never, so the log grows for the whole run). Small values compact often, so restarts
   * recover from a snapshot and lagging followers get snapshots installed by the leader.
   */
  readonly snapshotAfterEntries: number | undefined;
  /** Entries kept behind a snapshot for followers that lag (0: any lag means a snapshot install). */
  readonly snapshotTrailingEntries: number;
}

function pick<T>(rng: Rng, values: readonly T[]): T {
  return values[rng.integer(0, values.length)] as T;
}

/** Parameters drawn from the run's seed (through its own split of the run's Rng). */
export function swarmParameters(rng: Rng): SwarmParameters {
  const lossy = rng.chance(0.5);
  const crashy = rng.chance(0.7);
  const flakyDisk = rng.chance(0.4);
  return {
    voters: rng.chance(0.7) ? 3 : 5,
    groups: rng.integer(1, 4),
    // Production-like timing: 100 ms ticks as etcd, 200 ms as CockroachDB; heartbeats every few ticks;
    // election timeouts of 10-20 ticks. Shorter intervals only add events, not interleavings.
    tickMs: pick(rng, [100, 200, 200]),
    electionTicks: pick(rng, [10, 10, 15, 20]),
    heartbeatTicks: pick(rng, [3, 5, 5]),
    latencyMinMs: 0.1 + rng.nextFloat() * 2,
    latencySpreadMs: 1 + rng.nextFloat() * 30,
    latencyTailProbability: rng.nextFloat() * 0.05,
    latencyTailMs: 50 + rng.nextFloat() * 1000,
    dropProbability: lossy ? rng.nextFloat() * 0.15 : 0,
    duplicateProbability: lossy ? rng.nextFloat() * 0.05 : 0,
    partitionEverySeconds: 5 + rng.nextFloat() * 90,
    partitionLastsSecondsMax: 1 + rng.nextFloat() * 30,
    crashEverySeconds: crashy ? 5 + rng.nextFloat() * 120 : 1e9,
    restartAfterSecondsMax: 0.1 + rng.nextFloat() * 15,
    tornWriteProbability: rng.nextFloat(),
    fsyncMs: 0.1 + rng.nextFloat() * 2,
    slowFsyncProbability: rng.nextFloat() * 0.05,
    slowFsyncMs: 10 + rng.nextFloat() * 400,
    diskErrorProbability: flakyDisk ? rng.nextFloat() * 2e-4 : 0,
    diskFullProbability: flakyDisk ? rng.nextFloat() * 1e-4 : 0,
    bitFlipProbability: rng.nextFloat() * 0.1,
    clockDrift: rng.nextFloat() * 0.02,
    clockJumpEverySeconds: 30 + rng.nextFloat() * 600,
    clients: rng.integer(1, 6),
    // Continuous but moderate offered load (about 0.1 to 5 operations per second per cluster): the
    // cost of a cluster-hour is mostly proportional to its operations, and the budget is 10,000
    // cluster-hours in an hour. Heavy load is the job of the pinned profiles (profiles.ts).
    clientThinkMsMax: pick(rng, [2000, 5000, 10_000, 20_000]),
    appendMessageSizeBytes: pick(rng, [undefined, undefined, undefined, 1]),
    isolateLeaderProbability: pick(rng, [0, 0, 0.02, 0.1]),
    figure8Nemesis: false,
    // Drawn last, so the draws above (and every run shape from before snapshots) stay as they were.
    snapshotAfterEntries: pick(rng, [undefined, 50, 200, 1000]),
    snapshotTrailingEntries: pick(rng, [0, 0, 10, 100]),
  };
}

export function describeSwarm(parameters: SwarmParameters): string {
  return Object.entries(parameters)
    .map(
      ([name, value]) =>
        `${name}=${typeof value === "number" && !Number.isInteger(value) ? value.toPrecision(3) : value}`,
    )
    .join(" ");
}
