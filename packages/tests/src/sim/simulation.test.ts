/**
 * The cluster simulator (issue 6) under its default budget:
 * - determinism: one seed replays exactly (same events, same statistics, same trace);
 * - safety and liveness: at least 100 simulated cluster-hours (one-hour clusters under continuous
 *   random faults and client load, then healed) on every core, with zero violations
 *   (HELIX_SIM_HOURS scales it; HELIX_SIM_SEED moves the first seed);
 * - the node core (HelixNode with a partitioned topic, produce acks=all) under faults;
 * - mutation check: each deliberately broken build is caught within its budget, by the checkers
 *   expected (STYLE.md rule 15);
 * - replay: the command a failure prints reproduces the same violation.
 */
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { profiles } from "./profiles.js";
import {
  failureReport,
  type RunOutcome,
  type RunSpec,
  replayCommand,
  runOne,
  runPool,
  summarize,
} from "./runner.js";
import { Simulation } from "./simulation.js";

const environment = process.env;
const budgetHours = Number(environment.HELIX_SIM_HOURS ?? 100);
const firstSeed = Number(environment.HELIX_SIM_SEED ?? 1);
const root = join(dirname(fileURLToPath(import.meta.url)), "../../../..");

function spec(seed: number, hours: number, overrides: Partial<RunSpec> = {}): RunSpec {
  return { seed, hours, mutation: "none", profile: "default", mode: "raft", ...overrides };
}

/** Every failure's report (violation, replay command, trace), or "" when every run passed. */
function failuresOf(outcomes: readonly RunOutcome[]): string {
  return outcomes
    .map(failureReport)
    .filter((report) => report !== "")
    .join("\n");
}

/** The checker that caught each run ("not caught" when none did). */
function caughtBy(outcomes: readonly RunOutcome[]): string[] {
  return outcomes.map((outcome) => outcome.checker ?? "not caught");
}

describe("cluster simulation", () => {
  it("replays a seed exactly", async () => {
    const run = () => new Simulation({ seed: 42, hours: 0.02, parameters: profiles.aggressive }).run();
    const first = await run();
    const second = await run();
    expect(second.events).toBe(first.events);
    expect(second.statistics).toEqual(first.statistics);
    expect(second.trace).toEqual(first.trace);
    expect(first.statistics.proposals).toBeGreaterThan(0);
  }, 60_000);

  it(`finds no violation in ${budgetHours} simulated cluster-hours on every core`, async () => {
    const specs = Array.from({ length: Math.ceil(budgetHours) }, (_, i) => spec(firstSeed + i, 1));
    const summary = await runPool(specs, { workers: availableParallelism() });
    process.stdout.write(`simulation budget: ${summarize(summary)}\n`);
    expect(failuresOf(summary.outcomes)).toBe("");
    const hours = summary.outcomes.reduce((sum, outcome) => sum + outcome.simulatedMs, 0) / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(budgetHours - 1e-6);
    for (const outcome of summary.outcomes) expect(outcome.statistics.acknowledged).toBeGreaterThan(0);
    // About 2.5 minutes on two idle cores; far longer on a shared, loaded machine.
  }, 2_700_000);

  it("exercises every checker and fault in an aggressive run", async () => {
    const result = await new Simulation({ seed: 7, hours: 0.1, parameters: profiles.aggressive }).run();
    expect(result.violation?.message).toBeUndefined();
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

  it("snapshots, compacts, installs and recovers snapshots under faults", async () => {
    const result = await new Simulation({ seed: 7, hours: 0.1, parameters: profiles.snapshots }).run();
    expect(result.violation?.message).toBeUndefined();
    for (const counter of [
      "snapshots",
      "snapshotsSaved",
      "snapshotsInstalled",
      "snapshotsRecovered",
      "crashes",
    ]) {
      expect(result.statistics[counter], counter).toBeGreaterThan(0);
    }
  }, 120_000);

  it("passes the Figure 8 scenario with a correct build", async () => {
    const summary = await runPool([
      spec(1, 0.05, { profile: "figure8" }),
      spec(2, 0.05, { profile: "figure8" }),
    ]);
    expect(failuresOf(summary.outcomes)).toBe("");
    // The nemesis really steered the cluster through its stages.
    for (const outcome of summary.outcomes) {
      expect(outcome.statistics["figure8.commitsCutOff"]).toBeGreaterThan(0);
      expect(outcome.statistics.oldTermCommits).toBe(0);
    }
  }, 300_000);
});

describe("node core simulation (HelixNode, partitions, acks=all)", () => {
  it("keeps offsets contiguous and loses no acknowledged record under faults", async () => {
    const summary = await runPool([spec(1, 0.1, { mode: "node" }), spec(2, 0.1, { mode: "node" })]);
    process.stdout.write(`node simulation: ${summarize(summary)}\n`);
    expect(failuresOf(summary.outcomes)).toBe("");
    for (const outcome of summary.outcomes) {
      expect(outcome.statistics.acknowledgedRecords).toBeGreaterThan(0);
      expect(outcome.statistics.recordsChecked).toBeGreaterThanOrEqual(
        outcome.statistics.acknowledgedRecords ?? 0,
      );
      expect(outcome.statistics.replicasChecked).toBeGreaterThan(0);
    }
  }, 300_000);
});

describe("mutation check: the simulator catches deliberately broken builds", () => {
  it("the WAL acknowledging appends before fdatasync, in 3 aggressive seeds of 0.1 h", async () => {
    const specs = [1, 2, 3].map((seed) =>
      spec(seed, 0.1, { mutation: "walAcknowledgesBeforeSync", profile: "aggressive" }),
    );
    const caught = caughtBy((await runPool(specs)).outcomes);
    expect(caught).not.toContain("not caught");
  }, 300_000);

  it("a vote granted without the up-to-date check (Raft §5.4.1), in one of 4 aggressive seeds of 0.1 h", async () => {
    const specs = [1, 2, 3, 4].map((seed) =>
      spec(seed, 0.1, { mutation: "voteWithoutUpToDateCheck", profile: "aggressive" }),
    );
    const caught = caughtBy((await runPool(specs)).outcomes);
    expect(caught.filter((checker) => checker !== "not caught").length).toBeGreaterThan(0);
  }, 300_000);

  it("a previous-term entry committed by counting replicas (Raft §5.4.2, Figure 8)", async () => {
    const specs = [1, 2].map((seed) =>
      spec(seed, 0.05, { mutation: "commitPreviousTermByCounting", profile: "figure8" }),
    );
    // The new leader lacks an entry the broken leader committed: leader completeness sees it first.
    expect(caughtBy((await runPool(specs)).outcomes)).toEqual(["leader completeness", "leader completeness"]);
    // Without that checker, the overwrite reaches the state machines: a node applied the committed
    // entry where the others apply the new leader's, or an acknowledged write is gone.
    const result = await new Simulation({
      seed: 1,
      hours: 0.05,
      mutation: "commitPreviousTermByCounting",
      parameters: profiles.figure8,
      skipLeaderCompleteness: true,
    }).run();
    expect(["state machine safety", "acknowledged write lost", "linearizability"]).toContain(
      result.violation?.checker,
    );
  }, 300_000);

  it("a state machine snapshot that loses writes, in one of 3 aggressive seeds of 0.1 h", async () => {
    const specs = [1, 2, 3].map((seed) =>
      spec(seed, 0.1, { mutation: "snapshotLosesWrites", profile: "snapshots" }),
    );
    const caught = caughtBy((await runPool(specs)).outcomes);
    expect(caught.filter((checker) => checker !== "not caught").length).toBeGreaterThan(0);
  }, 300_000);

  it("prints a replay command that reproduces the same violation, and the trace around it", async () => {
    const outcome = await runOne(
      spec(3, 0.05, { mutation: "commitPreviousTermByCounting", profile: "figure8" }),
    );
    expect(outcome.message).toBeDefined();
    const report = failureReport(outcome);
    const command = replayCommand(outcome.spec);
    expect(report).toContain(`replay: ${command}`);
    expect(outcome.trace.length).toBeGreaterThan(10);
    // Run exactly what was printed (npm run sim -- ARGS is node scripts/sim.mjs ARGS).
    const args = command.replace("npm run sim -- ", "").split(" ");
    let output = "";
    try {
      execFileSync(process.execPath, [join(root, "scripts/sim.mjs"), ...args], {
        cwd: root,
        encoding: "utf8",
      });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toContain(`FAIL seed 3: ${outcome.message}`);
    for (const line of outcome.trace) expect(output).toContain(line);
  }, 300_000);
});
