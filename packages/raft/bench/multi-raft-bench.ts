/**
 * Multi-Raft benchmark: three in-process nodes on a simulated transport (MultiRaftCluster).
 *
 * - Idle cost with 1,000 and 10,000 groups per node once quiesced: CPU time per simulated second per
 *   node, and batches and items per tick per node pair (target at 10,000 groups: one batch per heartbeat
 *   interval per node pair in each direction, CPU under 2% of one core). The same without quiescence,
 *   at 1,000 groups, for comparison.
 * - Failover: kill one of three nodes hosting 10,000 groups and a third of the leaders; ticks and wall
 *   time until every group has a leader again (target: within three election timeouts).
 * - Busy cost: proposals committed per second across 1,000 groups (wall and per CPU second; all three
 *   nodes and the transport share this one process, so per CPU second is the fairer number on a busy host).
 *
 * A tick stands for 100 ms (etcd's default heartbeat interval), so a simulated second is 10 ticks; the
 * election timeout is 10 ticks and the heartbeat interval 1 tick. CPU is the process's user + system
 * time while the simulation runs, which includes the simulated transport, divided over the three nodes.
 *
 * Run: npx tsx packages/raft/bench/multi-raft-bench.ts  (about a minute; MULTI_RAFT_BENCH_QUICK=1 for less)
 *
 * Workspace packages resolve to their sources through the "source" export condition; when started
 * without it (plain `npx tsx`), the script re-runs itself with it.
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import type { GroupId } from "@helixlog/core";
import type {
  EngineSettings,
  MultiRaftCluster as MultiRaftClusterType,
} from "../src/multi-raft/testing/multi-raft-cluster.js";

if (!process.execArgv.some((argument) => argument.includes("conditions=source"))) {
  const result = spawnSync(
    process.execPath,
    ["--conditions=source", "--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(result.status ?? 1);
}

const { MultiRaftCluster } = await import("../src/multi-raft/testing/multi-raft-cluster.js");
type MultiRaftCluster = MultiRaftClusterType;

const ticksPerSecond = 10;
const electionTicks = 10;
const quick = process.env.MULTI_RAFT_BENCH_QUICK === "1";
const nodeCount = 3;
const links = ["1->2", "1->3", "2->1", "2->3", "3->1", "3->2"];

function buildCluster(groups: number, engine: EngineSettings = {}): MultiRaftCluster {
  const cluster = new MultiRaftCluster({ nodes: [1, 2, 3], groups, seed: 42, engine, check: false });
  cluster.placeLeaders((_, index) => (index % nodeCount) + 1);
  return cluster;
}

function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function awakeGroups(cluster: MultiRaftCluster): number {
  return cluster.liveNodes().reduce((total, node) => total + node.live.awakeGroupCount(), 0);
}

interface IdleResult {
  readonly groups: number;
  readonly quiescence: boolean;
  readonly awakeGroups: number;
  readonly cpuPercentOfOneCorePerNode: number;
  readonly cpuMillisecondsPerSimulatedSecondPerNode: number;
  readonly batchesPerTickPerDirectedPair: number;
  readonly itemsPerTickPerDirectedPair: number;
}

function measureIdle(groups: number, quiescence: boolean, simulatedSeconds: number): IdleResult {
  const cluster = buildCluster(groups, { quiescence });
  cluster.elapse(5);
  cluster.resetCounters();
  const ticks = simulatedSeconds * ticksPerSecond;
  const before = cpuMilliseconds();
  cluster.elapse(ticks);
  const cpu = cpuMilliseconds() - before;
  const batches = links.map((link) => cluster.batchesSent.get(link) ?? 0);
  const perNodePerSecond = cpu / nodeCount / simulatedSeconds;
  return {
    groups,
    quiescence,
    awakeGroups: awakeGroups(cluster),
    cpuMillisecondsPerSimulatedSecondPerNode: round(perNodePerSecond),
    cpuPercentOfOneCorePerNode: round(perNodePerSecond / 10),
    batchesPerTickPerDirectedPair: round(Math.max(...batches) / ticks),
    itemsPerTickPerDirectedPair: round(cluster.itemsSent / links.length / ticks),
  };
}

interface FailoverResult {
  readonly groups: number;
  readonly orphanedGroups: number;
  readonly ticksToAllLed: number;
  readonly electionTimeouts: number;
  readonly wallMilliseconds: number;
  readonly campaignsStarted: number;
  readonly maxCampaignsStartedInOneTick: number;
}

function measureFailover(groups: number): FailoverResult {
  const cluster = buildCluster(groups);
  cluster.elapse(5);
  const orphaned = cluster.groupIds.filter((_, index) => index % nodeCount === 0).length;
  const started = (): number =>
    cluster.node(2).live.metrics.campaignsStarted + cluster.node(3).live.metrics.campaignsStarted;
  const startedBefore = started();
  cluster.crash(1);
  const begin = performance.now();
  let previous = startedBefore;
  let maxInOneTick = 0;
  let ticks = 0;
  // Only the groups node 1 led can be leaderless; checking them keeps the loop cheap.
  let waiting: GroupId[] = cluster.groupIds.filter((_, index) => index % nodeCount === 0);
  while (waiting.length > 0 && ticks < 20 * electionTicks) {
    cluster.tickAll();
    cluster.stabilize(1000);
    ticks++;
    const now = started();
    maxInOneTick = Math.max(maxInOneTick, now - previous);
    previous = now;
    waiting = waiting.filter((group) => cluster.leaderOf(group) === undefined);
  }
  const wall = performance.now() - begin;
  if (cluster.leaderlessGroups().length > 0) throw new Error("failover left groups without a leader");
  return {
    groups,
    orphanedGroups: orphaned,
    ticksToAllLed: ticks,
    electionTimeouts: round(ticks / electionTicks),
    wallMilliseconds: Math.round(wall),
    campaignsStarted: started() - startedBefore,
    maxCampaignsStartedInOneTick: maxInOneTick,
  };
}

interface BusyResult {
  readonly groups: number;
  readonly payloadBytes: number;
  readonly proposalsCommitted: number;
  readonly readyCycles: number;
  readonly ticks: number;
  readonly wallMilliseconds: number;
  readonly cpuMilliseconds: number;
  readonly proposalsPerSecond: number;
  readonly proposalsPerCpuSecond: number;
}

/**
 * Rounds of one proposal to every group's leader, each round carried through Ready cycles until
 * committed and applied everywhere; a tick every `roundsPerTick` rounds. Counts what leaders applied.
 * Wall time suffers from other load on the machine; CPU time is this process's own.
 */
function measureBusy(groups: number, wallBudgetMilliseconds: number, roundsPerTick: number): BusyResult {
  const cluster = buildCluster(groups);
  cluster.elapse(5);
  const payload = new Uint8Array(100).fill(120);
  const leaders = cluster.groupIds.map((group) => ({ group, node: cluster.leaderOf(group) }));
  let rounds = 0;
  const proposeAndCommit = (): void => {
    for (const { group, node } of leaders) node?.live.propose(group, payload);
    if (++rounds % roundsPerTick === 0) cluster.tickAll();
    cluster.stabilize(1000);
  };
  // Warm up the JIT before measuring.
  for (let warmUp = 0; warmUp < 20; warmUp++) proposeAndCommit();
  const appliedBefore = appliedOnLeaders(leaders);
  const roundsBefore = rounds;
  const cpuBefore = cpuMilliseconds();
  const begin = performance.now();
  while (performance.now() - begin < wallBudgetMilliseconds) proposeAndCommit();
  const wall = performance.now() - begin;
  const cpu = cpuMilliseconds() - cpuBefore;
  const committed = appliedOnLeaders(leaders) - appliedBefore;
  return {
    groups,
    payloadBytes: payload.byteLength,
    proposalsCommitted: committed,
    readyCycles: rounds - roundsBefore,
    ticks: Math.floor(rounds / roundsPerTick) - Math.floor(roundsBefore / roundsPerTick),
    wallMilliseconds: Math.round(wall),
    cpuMilliseconds: Math.round(cpu),
    proposalsPerSecond: Math.round(committed / (wall / 1000)),
    proposalsPerCpuSecond: Math.round(committed / (cpu / 1000)),
  };
}

function appliedOnLeaders(
  leaders: readonly { group: GroupId; node: ReturnType<MultiRaftCluster["leaderOf"]> }[],
): number {
  let total = 0;
  for (const { group, node } of leaders) total += node?.live.status(group).applied ?? 0;
  return total;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function main(): void {
  const cpu = cpus()[0];
  console.log(`machine: ${cpus().length} x ${cpu?.model ?? "unknown cpu"}, node ${process.version}`);
  const idleSeconds = quick ? 10 : 60;
  for (const result of [
    measureIdle(1_000, true, idleSeconds),
    measureIdle(10_000, true, idleSeconds),
    measureIdle(1_000, false, quick ? 2 : 10),
  ]) {
    console.log("idle", JSON.stringify(result));
  }
  console.log("failover", JSON.stringify(measureFailover(quick ? 1_000 : 10_000)));
  console.log("busy", JSON.stringify(measureBusy(1_000, quick ? 2_000 : 10_000, 10)));
}

main();
