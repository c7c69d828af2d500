/**
 * Idle cost of many groups in the node's Raft host: three RaftHosts in one process, each hosting the
 * same N groups over its own WAL on a simulated disk (syncs complete at once), batches delivered in
 * process. Once every group has a leader and the cluster settled, the script measures the process's CPU
 * time (user + system) over a number of ticks, with quiescence on (the default) and off (every group
 * ticks and heartbeats, as the host did with one RaftNode per group before the Multi-Raft engine).
 * A tick stands for 100 ms, so CPU per tick * 10 is CPU per second; divided by three for one node.
 *
 * Run: node --conditions=source --import tsx packages/server/bench/raft-host-idle-bench.ts [groups]
 */
import { type GroupId, type NodeId, SeededRng, type Ticks } from "@helixlog/core";
import type { MultiRaftBatch } from "@helixlog/raft";
import { Wal } from "@helixlog/wal";
import { SimDisk } from "@helixlog/wal/testing";
import { RaftHost } from "../src/node/raft-host.js";

const groupCount = Number(process.argv[2] ?? 1000);
const voters = [1, 2, 3] as NodeId[];
const measuredTicks = 100;

async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

async function run(quiescence: boolean): Promise<void> {
  const outbox: MultiRaftBatch[] = [];
  const hosts = new Map<NodeId, RaftHost>();
  const groups = Array.from({ length: groupCount }, (_, i) => ({ group: (i + 1) as GroupId, voters }));
  for (const id of voters) {
    const wal = await Wal.open(new SimDisk({ rng: new SeededRng(id) }), { directory: "wal" });
    const host = await RaftHost.open({
      nodeId: id,
      wal,
      groups,
      rng: new SeededRng(10 + id),
      send: (batch) => outbox.push(batch),
      stateMachine: { apply: () => {} },
      electionTicks: 10 as Ticks,
      quiescence,
    });
    hosts.set(id, host);
  }
  let batches = 0;
  const tick = async () => {
    for (const host of hosts.values()) host.tick();
    for (let round = 0; round < 20; round++) {
      await settle();
      if (outbox.length === 0 && ![...hosts.values()].some((host) => host.busy)) break;
      for (const batch of outbox.splice(0)) {
        batches++;
        hosts.get(batch.to)?.receive(batch);
      }
    }
  };
  const led = () =>
    groups.every(({ group }) => voters.some((id) => hosts.get(id)?.view(group).role === "leader"));
  let ticks = 0;
  while (!led() && ticks < 500) {
    await tick();
    ticks++;
  }
  for (let i = 0; i < 50; i++) await tick();
  const awake = [...hosts.values()].map((host) => host.multiRaft.awakeGroupCount());
  batches = 0;
  const start = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  for (let i = 0; i < measuredTicks; i++) await tick();
  const cpu = process.cpuUsage(start);
  const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
  const cpuMsPerTick = (cpu.user + cpu.system) / 1000 / measuredTicks;
  console.log(
    JSON.stringify({
      groups: groupCount,
      quiescence,
      ticksToElectAll: ticks,
      awakeGroupsPerNode: awake,
      cpuMsPerTickAllNodes: Number(cpuMsPerTick.toFixed(3)),
      cpuPercentOfOneCorePerNode: Number(((cpuMsPerTick * 10) / 3 / 10).toFixed(2)),
      batchesPerTickAllNodes: Number((batches / measuredTicks).toFixed(1)),
      wallMs: Math.round(wallMs),
    }),
  );
}

await run(true);
await run(false);
