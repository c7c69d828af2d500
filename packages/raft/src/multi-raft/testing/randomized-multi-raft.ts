/**
 * A seeded random walk over a MultiRaftCluster hosting many groups at once, with quiescence on:
 * batches dropped, duplicated, reordered and delayed, partitions, crashes (some between sending a
 * Ready's immediate batches and persisting it) and restarts, proposals, leadership transfers and reads.
 * MultiGroupChecker checks every group's safety continuously. Then the network heals and every group
 * must elect a leader, commit a fresh proposal, and quiesce again, within a bound. One seed replays one run.
 */
import { assert, type GroupId, HelixError, nodeId, SeededRng } from "@helixlog/core";
import type { MultiRaftBatch } from "../multi-raft-batch.js";
import { type EngineSettings, MultiRaftCluster } from "./multi-raft-cluster.js";

export interface RandomizedMultiRaftOptions {
  readonly seed: number;
  readonly steps: number;
  readonly groups: number;
  readonly engine?: EngineSettings;
  /** Run a deliberately broken host that sends before persisting (to see the checker fail). */
  readonly unsafeSendBeforePersist?: boolean;
}

export interface RandomizedMultiRaftReport {
  readonly seed: number;
  readonly nodes: number;
  readonly leadersElected: number;
  readonly entriesApplied: number;
  readonly crashes: number;
  readonly quiesceEvents: number;
  /** Ticks the healed cluster needed until every group committed a fresh proposal; -1 if it did not. */
  readonly ticksToRecover: number;
  /** Whether every group was quiesced on every node once the recovered cluster idled. */
  readonly quiescedAfterRecovery: boolean;
}

const encoder = new TextEncoder();
/** Ticks the healed cluster gets to commit everywhere: many election timeouts of 10 ticks. */
const recoveryTicksMax = 400;

export function runRandomizedMultiRaft(options: RandomizedMultiRaftOptions): RandomizedMultiRaftReport {
  const rng = new SeededRng(options.seed);
  const nodes = rng.chance(0.5) ? [1, 2, 3] : [1, 2, 3, 4, 5];
  const cluster = new MultiRaftCluster({
    nodes,
    groups: options.groups,
    replicas: 3,
    seed: options.seed,
    engine: options.engine ?? {},
  });
  cluster.unsafeSendBeforePersist = options.unsafeSendBeforePersist ?? false;
  const dropProbability = rng.nextFloat() * 0.2;
  let crashes = 0;
  let quiesceEvents = 0;
  const countQuiesces = (id: number): void => {
    quiesceEvents += cluster.node(id).engine?.metrics.quiesceEvents ?? 0;
  };
  for (let step = 0; step < options.steps; step++) {
    const roll = rng.nextFloat();
    if (roll < 0.3) cluster.tickAll();
    else if (roll < 0.55) deliverSome(cluster, rng, dropProbability);
    else if (roll < 0.72) propose(cluster, rng, `s${options.seed}-${step}`);
    else if (roll < 0.75) randomPartition(cluster, rng);
    else if (roll < 0.78) cluster.heal();
    else if (roll < 0.8) {
      const live = cluster.liveNodes();
      const victim = live[rng.integer(0, live.length)];
      if (victim !== undefined && live.length > 1) {
        crashes++;
        countQuiesces(victim.id);
        // Half of the crashes happen mid-Ready: the victim takes its queued batches, sends its immediate
        // batches and dies before persisting anything.
        if (rng.chance(0.5)) {
          deliverTo(cluster, victim.id);
          cluster.process(victim.id, { crashBeforePersist: true });
        }
        if (victim.engine !== undefined) cluster.crash(victim.id);
      }
    } else if (roll < 0.86) {
      const crashed = cluster.ids().filter((id) => cluster.node(id).engine === undefined);
      const revived = crashed[rng.integer(0, Math.max(1, crashed.length))];
      if (revived !== undefined) cluster.restart(revived);
    } else if (roll < 0.88) randomTransfer(cluster, rng);
    else if (roll < 0.9) randomRead(cluster, rng, step);
    cluster.processAll();
    if (step % 50 === 0) cluster.checkLogs();
  }
  cluster.checkLogs();
  const ticksToRecover = healAndRecover(cluster, options.seed);
  cluster.elapse(3);
  cluster.checkLogs();
  const quiescedAfterRecovery = cluster.liveNodes().every((node) => node.live.awakeGroupCount() === 0);
  for (const id of cluster.ids()) countQuiesces(id);
  return {
    seed: options.seed,
    nodes: nodes.length,
    leadersElected: cluster.checker.counts.leaders,
    entriesApplied: cluster.checker.counts.applies,
    crashes,
    quiesceEvents,
    ticksToRecover,
    quiescedAfterRecovery,
  };
}

function deliverSome(cluster: MultiRaftCluster, rng: SeededRng, dropProbability: number): void {
  // Every node sends every peer a batch per tick, so deliver about half the queue per step to keep up.
  const count = rng.integer(1, 8) + Math.floor(cluster.queue.length / 2);
  for (let i = 0; i < count && cluster.queue.length > 0; i++) {
    // Mostly in order, sometimes out of order, sometimes dropped, rarely twice.
    const index = rng.chance(0.2) ? rng.integer(0, cluster.queue.length) : 0;
    if (rng.chance(dropProbability)) {
      cluster.queue.splice(index, 1);
      continue;
    }
    if (rng.chance(0.03)) cluster.queue.push(cluster.queue[index] as MultiRaftBatch);
    cluster.deliverOne(index);
  }
}

function deliverTo(cluster: MultiRaftCluster, id: number): void {
  for (let index = cluster.queue.length - 1; index >= 0; index--) {
    if (cluster.queue[index]?.to === id) cluster.deliverOne(index);
  }
}

function propose(cluster: MultiRaftCluster, rng: SeededRng, data: string): boolean {
  const group = cluster.groupIds[rng.integer(0, cluster.groupIds.length)] as GroupId;
  const leader = cluster.leaderOf(group);
  if (leader === undefined) return false;
  try {
    leader.live.propose(group, encoder.encode(data));
    return true;
  } catch (error) {
    if (HelixError.isInstance(error)) return false;
    throw error;
  }
}

function randomPartition(cluster: MultiRaftCluster, rng: SeededRng): void {
  cluster.heal();
  const ids = cluster.ids();
  const side = new Set(ids.filter(() => rng.chance(0.5)));
  for (const from of ids) {
    for (const to of ids) if (from !== to && side.has(from) !== side.has(to)) cluster.cut(from, to);
  }
}

function randomTransfer(cluster: MultiRaftCluster, rng: SeededRng): void {
  const group = cluster.groupIds[rng.integer(0, cluster.groupIds.length)] as GroupId;
  const leader = cluster.leaderOf(group);
  const members = cluster.members.get(group) ?? [];
  const target = members[rng.integer(0, members.length)];
  if (leader === undefined || target === undefined) return;
  leader.live.transferLeadership(group, nodeId(target));
}

function randomRead(cluster: MultiRaftCluster, rng: SeededRng, step: number): void {
  const group = cluster.groupIds[rng.integer(0, cluster.groupIds.length)] as GroupId;
  const live = cluster.liveNodes().filter((node) => node.live.hasGroup(group));
  const node = live[rng.integer(0, Math.max(1, live.length))];
  if (node === undefined) return;
  try {
    node.live.readIndex(group, `r${step}`);
  } catch (error) {
    if (!HelixError.isInstance(error)) throw error;
  }
}

/**
 * Heals the network and restarts every node, then requires every group to commit a fresh proposal.
 * Returns the ticks it took, or -1 past recoveryTicksMax.
 */
function healAndRecover(cluster: MultiRaftCluster, seed: number): number {
  cluster.heal();
  for (const id of cluster.ids()) if (cluster.node(id).engine === undefined) cluster.restart(id);
  cluster.stabilize();
  const pending = new Set(cluster.groupIds);
  for (let tick = 1; tick <= recoveryTicksMax; tick++) {
    cluster.tickAll();
    cluster.stabilize();
    for (const group of pending) {
      const marker = `live-${seed}-${group}`;
      if (cluster.checker.hasApplied(group, marker)) {
        pending.delete(group);
        continue;
      }
      const leader = cluster.leaderOf(group);
      if (leader === undefined || leader.live.status(group).committed < leader.live.status(group).lastIndex)
        continue;
      try {
        leader.live.propose(group, encoder.encode(marker));
      } catch (error) {
        if (!HelixError.isInstance(error)) throw error;
      }
    }
    if (pending.size === 0) return tick;
  }
  assert(cluster.liveNodes().length > 0, "nodes are running");
  return -1;
}
