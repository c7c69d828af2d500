/**
 * A seeded random walk over a RaftNetwork with faults, checked continuously by SafetyChecker:
 * message drops, duplication, reordering and delays, partitions, crashes that keep only persisted state (some of
 * them between sending a Ready's immediate messages and persisting it), restarts, log compaction,
 * leadership transfers, read-index requests and membership changes. One seed replays one run.
 */
import { assert, bytes, HelixError, type NodeId, nodeId, SeededRng, ticks } from "@helixlog/core";
import type { ConfChange, ConfChangeSingle } from "../types.js";
import { type NodeSettings, RaftNetwork } from "./network.js";
import { SafetyChecker } from "./safety-checker.js";

export interface RandomizedSafetyOptions {
  readonly seed: number;
  /** Fault-phase steps. */
  readonly steps: number;
  /** Also propose membership changes among nodes 1..5. */
  readonly membershipChanges?: boolean;
  readonly settings?: NodeSettings;
}

export interface RandomizedSafetyReport {
  readonly seed: number;
  readonly leadersElected: number;
  readonly entriesApplied: number;
  readonly proposalsAccepted: number;
  readonly crashes: number;
  readonly confChangesProposed: number;
  /** Leader-completeness checks made (committed entries looked up in a later leader's log). */
  readonly completenessChecks: number;
  /** Snapshots received from a leader and restored. */
  readonly snapshotsRestored: number;
  /** Read states checked for linearizability. */
  readonly readsChecked: number;
  /** Steps at which some leader held a valid lease (and exclusivity was checked). */
  readonly leasesChecked: number;
  /** Whether the healed cluster committed a new proposal within the liveness bound. */
  readonly liveAfterHealing: boolean;
}

const textEncoder = new TextEncoder();
const allNodeIds = [1, 2, 3, 4, 5];

export function runRandomizedSafety(options: RandomizedSafetyOptions): RandomizedSafetyReport {
  const rng = new SeededRng(options.seed);
  // The seed also picks the run's parameters, so the seeds together cover many configurations.
  const checkQuorum = rng.chance(0.7);
  const settings: NodeSettings = {
    electionTicks: ticks(rng.integer(3, 11)),
    preVote: rng.chance(0.7),
    checkQuorum,
    readOnlyOption: checkQuorum && rng.chance(0.5) ? "leaseBased" : "safe",
    // Small messages and windows exercise batching limits, pipelining and flow control.
    appendMessageSizeBytes: bytes([1, 100, 1024 * 1024][rng.integer(0, 3)] as number),
    inflightMessagesMax: [1, 2, 256][rng.integer(0, 3)] as number,
    // Tiny chunks make every snapshot a multi-chunk transfer that faults can interrupt.
    snapshotChunkSizeBytes: bytes(rng.chance(0.5) ? 16 : 1024 * 1024),
    ...options.settings,
  };
  const fiveVoters = options.membershipChanges !== true && rng.chance(0.3);
  const network = new RaftNetwork({
    voters: fiveVoters ? allNodeIds : [1, 2, 3],
    seed: options.seed,
    settings,
  });
  if (options.membershipChanges === true) {
    network.addNode(4);
    network.addNode(5);
  }
  const checker = new SafetyChecker(network);
  let proposalsAccepted = 0;
  let crashes = 0;
  let confChangesProposed = 0;
  const dropProbability = rng.nextFloat() * 0.3;
  for (let step = 0; step < options.steps; step++) {
    const roll = rng.nextFloat();
    if (roll < 0.28) {
      network.tickAll();
    } else if (roll < 0.5) {
      deliverSome(network, rng, dropProbability);
    } else if (roll < 0.62) {
      if (propose(network, `s${options.seed}-${step}`)) proposalsAccepted++;
    } else if (roll < 0.66) {
      randomPartition(network, rng);
    } else if (roll < 0.68) {
      // Cut the leader off: the case where stale leaders and leases matter.
      const leader = network.leader();
      if (leader !== undefined) network.isolate(leader.id);
    } else if (roll < 0.72) {
      network.heal();
    } else if (roll < 0.74) {
      if (crashRandomNode(network, rng)) crashes++;
    } else if (roll < 0.79) {
      const crashed = network.ids().filter((id) => network.node(id).raft === undefined);
      const revived = crashed[rng.integer(0, Math.max(1, crashed.length))];
      if (revived !== undefined) network.restart(revived);
    } else if (roll < 0.81) {
      const live = network.liveNodes();
      const node = live[rng.integer(0, live.length)];
      if (node !== undefined) network.compact(node.id);
    } else if (roll < 0.83) {
      randomTransfer(network, rng);
    } else if (roll < 0.91) {
      randomReadIndex(network, checker, rng, step);
    } else if (roll < 0.94 && options.membershipChanges === true) {
      if (randomConfChange(network, rng)) confChangesProposed++;
    }
    network.processAll();
    checker.checkReads();
    checker.checkLeases();
    if (step % 16 === 0) checker.checkLogs();
  }
  checker.checkLogs();
  const liveAfterHealing = healAndCheckLiveness(network, options.seed);
  checker.checkLogs();
  return {
    seed: options.seed,
    leadersElected: checker.counts.leaders,
    entriesApplied: checker.counts.applies,
    proposalsAccepted,
    crashes,
    confChangesProposed,
    completenessChecks: checker.counts.completeness,
    readsChecked: checker.counts.reads,
    snapshotsRestored: checker.counts.snapshots,
    leasesChecked: checker.counts.leases,
    liveAfterHealing,
  };
}

function crashRandomNode(network: RaftNetwork, rng: SeededRng): boolean {
  const live = network.liveNodes();
  const victim = live[rng.integer(0, live.length)];
  if (victim === undefined || live.length <= 1) return false;
  // Half of the crashes happen mid-Ready: immediate messages out, nothing persisted.
  if (rng.chance(0.5)) network.process(victim.id, { crashBeforePersist: true });
  if (victim.raft !== undefined) network.crash(victim.id);
  return true;
}

function deliverSome(network: RaftNetwork, rng: SeededRng, dropProbability: number): void {
  const count = rng.integer(1, 8);
  for (let i = 0; i < count && network.queue.length > 0; i++) {
    // Mostly in order, sometimes out of order (reordering), sometimes dropped.
    const index = rng.chance(0.2) ? rng.integer(0, network.queue.length) : 0;
    if (rng.chance(dropProbability)) network.queue.splice(index, 1);
    else if (rng.chance(0.05)) network.deliverCopy(index);
    else network.deliverOne(index);
  }
}

function propose(network: RaftNetwork, data: string): boolean {
  const leader = network.leader();
  if (leader === undefined) return false;
  try {
    leader.live.propose(textEncoder.encode(data));
    return true;
  } catch (error) {
    if (HelixError.isInstance(error)) return false;
    throw error;
  }
}

function randomPartition(network: RaftNetwork, rng: SeededRng): void {
  const ids = [...network.ids()];
  const side = ids.filter(() => rng.chance(0.5));
  network.partition([side, ids.filter((id) => !side.includes(id))]);
}

function randomTransfer(network: RaftNetwork, rng: SeededRng): void {
  const leader = network.leader();
  if (leader === undefined) return;
  const voters = leader.live.confState().voters;
  const target = voters[rng.integer(0, voters.length)];
  if (target !== undefined) leader.live.transferLeadership(target);
}

function randomReadIndex(network: RaftNetwork, checker: SafetyChecker, rng: SeededRng, step: number): void {
  const live = network.liveNodes();
  const node = live[rng.integer(0, live.length)];
  if (node === undefined) return;
  try {
    checker.recordReadRequest(`r${step}`);
    node.live.readIndex(`r${step}`);
  } catch (error) {
    if (!HelixError.isInstance(error)) throw error;
  }
}

/** Proposes a random membership change that keeps at least three voters among nodes 1..5. */
function randomConfChange(network: RaftNetwork, rng: SeededRng): boolean {
  const leader = network.leader();
  if (leader === undefined) return false;
  const confState = leader.live.confState();
  if (confState.votersOutgoing.length > 0) return false;
  const voters = new Set<number>(confState.voters);
  const changes: ConfChangeSingle[] = [];
  const count = rng.integer(1, 3);
  for (let i = 0; i < count; i++) {
    const id = allNodeIds[rng.integer(0, allNodeIds.length)] as number;
    if (changes.some((change) => change.nodeId === id)) continue;
    const kind = rng.integer(0, 3);
    const type = kind === 0 ? "addVoter" : kind === 1 ? "addLearner" : "removeNode";
    if (type !== "addVoter" && voters.has(id) && voters.size <= 3) continue;
    if (type === "addVoter") voters.add(id);
    else voters.delete(id);
    changes.push({ type, nodeId: nodeId(id) });
  }
  if (changes.length === 0) return false;
  const change: ConfChange =
    changes.length > 1 || rng.chance(0.3) ? { changes, transition: "auto" } : { changes };
  try {
    leader.live.proposeConfChange(
      changes.length === 1 && change.transition === "auto" ? { changes, transition: "explicit" } : change,
    );
    return true;
  } catch (error) {
    if (HelixError.isInstance(error)) return false;
    throw error;
  }
}

/**
 * Heals the network, restarts every node and requires a leader to commit a fresh proposal within a
 * bounded number of ticks (the liveness phase).
 */
function healAndCheckLiveness(network: RaftNetwork, seed: number): boolean {
  network.heal();
  for (const id of network.ids()) if (network.node(id).raft === undefined) network.restart(id);
  network.stabilize();
  const marker = `live-${seed}`;
  let proposedBy: NodeId | undefined;
  for (let round = 0; round < 400; round++) {
    network.tickAll();
    network.stabilize();
    // An explicit joint configuration is left by the host; do it here so the cluster can progress.
    const leader = network.leader();
    if (leader === undefined) continue;
    const confState = leader.live.confState();
    if (confState.votersOutgoing.length > 0 && !confState.autoLeave) {
      try {
        leader.live.proposeConfChange({ changes: [] });
      } catch (error) {
        if (!HelixError.isInstance(error)) throw error;
      }
      continue;
    }
    if (proposedBy === undefined && propose(network, marker)) proposedBy = leader.id;
    const applied = network.liveNodes().filter((node) => node.stateMachine.payloads.includes(marker));
    if (applied.length > 0 && applied.some((node) => node.id === leader.id)) return true;
    if (proposedBy !== undefined && network.leader()?.id !== proposedBy) proposedBy = undefined;
  }
  assert(network.liveNodes().length > 0, "nodes are running");
  return false;
}
