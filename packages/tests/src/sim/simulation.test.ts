/**
 * The cluster simulator (issue 6) under its default budget:
 * - determinism: one seed replays exactly (same events, same statistics, same trace);
 * - safety and liveness: a budget of seeds, each a cluster under continuous random faults and client
 *   load for its simulated time, then healed, with zero violations (HELIX_SIM_SEEDS and
 *   HELIX_SIM_HOURS_PER_SEED scale it; HELIX_SIM_SEED replays one seed);
 * - mutation check: broken builds are caught within a budget (STYLE.md rule 15).
 */
import { describe, expect, it } from "vitest";
import type { Mutation } from "./mutations.js";
import { Simulation, type SimulationResult } from "./simulation.js";

const environment = process.env;
const seedCount = Number(environment.HELIX_SIM_SEEDS ?? 3);
const hoursPerSeed = Number(environment.HELIX_SIM_HOURS_PER_SEED ?? 0.25);
const firstSeed = Number(environment.HELIX_SIM_SEED ?? 1);

function failureReport(result: SimulationResult): string {
  if (result.violation === undefined) return "";
  return [
    result.violation.message,
    `replay: npm run sim -- --seed ${result.seed} --hours-per-seed ${hoursPerSeed}`,
    ...result.trace,
  ].join("\n");
}

/** Fault rates high enough that elections and truncations happen every few simulated seconds. */
const aggressive = {
  crashEverySeconds: 8,
  partitionEverySeconds: 8,
  partitionLastsSecondsMax: 10,
  clients: 3,
  clientThinkMsMax: 100,
} as const;

describe("cluster simulation", () => {
  it("replays a seed exactly", async () => {
    const run = () => new Simulation({ seed: 42, hours: 0.02, parameters: aggressive }).run();
    const first = await run();
    const second = await run();
    expect(second.events).toBe(first.events);
    expect(second.statistics).toEqual(first.statistics);
    expect(second.trace).toEqual(first.trace);
    expect(first.statistics.proposals).toBeGreaterThan(0);
  }, 60_000);

  it(`finds no violation in ${seedCount} seeds of ${hoursPerSeed} simulated hours each`, async () => {
    let simulatedMs = 0;
    let events = 0;
    let wallMs = 0;
    for (let seed = firstSeed; seed < firstSeed + seedCount; seed++) {
      const result = await new Simulation({ seed, hours: hoursPerSeed }).run();
      expect(failureReport(result)).toBe("");
      expect(result.statistics.acknowledged).toBeGreaterThan(0);
      simulatedMs += result.simulatedMs;
      events += result.events;
      wallMs += result.wallMs;
    }
    process.stdout.write(
      `simulation budget: ${(simulatedMs / 3_600_000).toFixed(1)} cluster-hours, ${events} events in ${(wallMs / 1000).toFixed(1)} s (${Math.round(simulatedMs / wallMs)}x, ${Math.round((events / wallMs) * 1000)} events/s)\n`,
    );
  }, 600_000);

  it("exercises every checker and fault in an aggressive run", async () => {
    const result = await new Simulation({ seed: 7, hours: 0.1, parameters: aggressive }).run();
    expect(failureReport(result)).toBe("");
    for (const counter of [
      "leaders",
      "entries",
      "completeness",
      "applies",
      "recoveries",
      "offsets",
      "acknowledgedChecks",
      "crashes",
      "partitions",
      "linearizabilityKeys",
    ]) {
      expect(result.statistics[counter], counter).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe("mutation check: the simulator catches deliberately broken builds", () => {
  async function caughtBy(mutation: Mutation, seed: number): Promise<string> {
    const result = await new Simulation({ seed, hours: 0.1, mutation, parameters: aggressive }).run();
    return result.violation?.checker ?? "not caught";
  }

  it("the WAL acknowledging appends before fdatasync", async () => {
    for (const seed of [1, 2, 3])
      expect(await caughtBy("walAcknowledgesBeforeSync", seed)).not.toBe("not caught");
  }, 120_000);

  it("a vote granted without the up-to-date check (Raft §5.4.1), within 4 seeds of 0.1 h", async () => {
    // Random search needs a stale node to win an election while a committed entry is missing from
    // it; with aggressive faults most seeds find it in simulated seconds (seed 1 at the time of writing).
    let caught = "not caught";
    for (let seed = 1; seed <= 4 && caught === "not caught"; seed++) {
      caught = await caughtBy("voteWithoutUpToDateCheck", seed);
    }
    expect(caught).not.toBe("not caught");
  }, 240_000);
});
