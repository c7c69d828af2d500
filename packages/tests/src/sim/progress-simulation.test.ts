/**
 * Consumer progress in the cluster simulator (issue 9; progress-simulation.ts): progress Raft groups on
 * three HelixNodes under network faults and crashes, with consumers on exclusive and shared leases that
 * crash, pause past their leases and lose answers. A short budget here; longer runs with
 * `npm run sim -- --progress --hours H`.
 */
import { describe, expect, it } from "vitest";
import { ProgressSimulation } from "./progress-simulation.js";
import { failureReport, type RunSpec, runPool, summarize } from "./runner.js";

function spec(seed: number, hours: number, overrides: Partial<RunSpec> = {}): RunSpec {
  return { seed, hours, mutation: "none", profile: "default", mode: "progress", ...overrides };
}

describe("progress simulation (leases under network faults)", () => {
  it("replays a seed exactly", async () => {
    const run = () => new ProgressSimulation({ seed: 5, hours: 0.01, livenessSeconds: 15 }).run();
    const first = await run();
    const second = await run();
    expect(first.violation?.message).toBeUndefined();
    expect(second.events).toBe(first.events);
    expect(second.statistics).toEqual(first.statistics);
    expect(second.trace).toEqual(first.trace);
  }, 120_000);

  it("keeps leases exclusive, fences stale holders and settles every record once, under faults", async () => {
    // One seed of the default swarm (its own fault rates), one with faults every few seconds.
    const summary = await runPool([spec(1, 0.02), spec(2, 0.02, { profile: "aggressive" })]);
    process.stdout.write(`progress simulation: ${summarize(summary)}\n`);
    expect(
      summary.outcomes
        .map(failureReport)
        .filter((report) => report !== "")
        .join("\n"),
    ).toBe("");
    for (const { statistics } of summary.outcomes) {
      // The run really exercised what the checkers look at.
      for (const counter of [
        "producedRecords",
        "exclusiveGrants",
        "sharedGrants",
        "acks",
        "fenced",
        "consumerCrashes",
        "appliedChecked",
        "leasedCommandsChecked",
        "recordsSettled",
      ]) {
        expect(statistics[counter], counter).toBeGreaterThan(0);
      }
    }
    const aggressive = summary.outcomes.find((outcome) => outcome.spec.profile === "aggressive");
    expect(aggressive?.statistics.crashes).toBeGreaterThan(0);
    expect(aggressive?.statistics.partitions).toBeGreaterThan(0);
  }, 300_000);
});

describe("mutation check: the progress checkers catch broken state machines", () => {
  it("a lease granted beside a live one, a fenced lease accepted, a watermark rewound, acks dropped", async () => {
    const summary = await runPool([
      spec(1, 0.015, { mutation: "progressGrantsBesideLiveLease" }),
      spec(1, 0.015, { mutation: "progressAcceptsFencedLease" }),
      spec(1, 0.015, { mutation: "progressRewindsOnLeaseEnd" }),
      spec(1, 0.02, { mutation: "progressDropsAcks" }),
    ]);
    // Outcomes come in completion order for equal seeds: compare sorted.
    expect(summary.outcomes.map((outcome) => `${outcome.spec.mutation}: ${outcome.checker}`).sort()).toEqual(
      [
        "progressGrantsBesideLiveLease: lease exclusivity",
        "progressAcceptsFencedLease: fencing",
        "progressRewindsOnLeaseEnd: watermark monotonic",
        "progressDropsAcks: liveness",
      ].sort(),
    );
  }, 300_000);
});
