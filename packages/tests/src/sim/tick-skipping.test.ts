/**
 * Tick skipping (tick-schedule.ts) changes no run: a node's idle ticks only count, and every tick that
 * does something runs at the same simulated time, so a run with skipping must be the run without it
 * (every tick an event), bar the number of tick events. Compared: every statistic (checker counts,
 * proposals, acknowledgements, messages sent and cut, crashes, snapshots, every other event kind) and
 * the last events of the trace other than ticks. A tick skipped that should have run shifts a
 * heartbeat, a peer's death or a campaign, and the runs part.
 */
import { describe, expect, it } from "vitest";
import { profiles } from "./profiles.js";
import { Simulation, type SimulationOptions, type SimulationResult } from "./simulation.js";

function withoutTicks(result: SimulationResult) {
  const { "events.tick": _ticks, ...statistics } = result.statistics;
  return {
    violation: result.violation?.message,
    simulatedMs: result.simulatedMs,
    statistics,
    trace: result.trace.filter((line) => !/s tick n\d+$/.test(line)),
  };
}

async function compare(options: SimulationOptions): Promise<{ skipped: number; ticks: number }> {
  const every = await new Simulation({ ...options, tickSkipping: false }).run();
  const skipping = await new Simulation(options).run();
  const a = withoutTicks(every);
  const b = withoutTicks(skipping);
  // The trace keeps the last events of both runs: compare the non-tick tail both windows hold.
  const tail = Math.min(a.trace.length, b.trace.length);
  expect(tail).toBeGreaterThan(10);
  expect({ ...b, trace: b.trace.slice(-tail) }).toEqual({ ...a, trace: a.trace.slice(-tail) });
  expect(every.statistics.proposals).toBeGreaterThan(0);
  const ticks = every.statistics["events.tick"] as number;
  const kept = skipping.statistics["events.tick"] as number;
  expect(every.events - skipping.events).toBe(ticks - kept);
  return { skipped: ticks - kept, ticks };
}

describe("tick skipping", () => {
  it("gives the same run as ticking every node every tick, with fewer events", async () => {
    const runs: SimulationOptions[] = [
      { seed: 11, hours: 0.15 },
      { seed: 12, hours: 0.15 },
      { seed: 13, hours: 0.15 },
      // Crashes, partitions and leader isolation every few seconds: peer deaths and staggered campaigns.
      { seed: 14, hours: 0.05, parameters: profiles.aggressive },
      // Snapshot installs and recoveries; and the liveness phase of a short run.
      { seed: 15, hours: 0.05, parameters: profiles.snapshots, livenessSeconds: 30 },
    ];
    let skipped = 0;
    let ticks = 0;
    for (const options of runs) {
      const counts = await compare(options);
      skipped += counts.skipped;
      ticks += counts.ticks;
    }
    // Most ticks of a quiet cluster are idle: at least a third of them are never events.
    expect(skipped / ticks).toBeGreaterThan(1 / 3);
  }, 120_000);
});
