/**
 * The seeded tiering simulation (see tiering-simulation.ts) over many seeds: with the correct policy,
 * neither checker ever fires ("no manifest entry points at a missing or corrupt object"; "every
 * committed offset is readable from local or remote storage until retention removes it"), and the runs
 * really exercise failures, crashes, leader changes, retention and orphan cleanup. Each checker is then
 * seen to fail on a deliberately broken variant.
 */
import { describe, expect, it } from "vitest";
import { runTieringSimulation } from "./tiering-simulation.js";

const seeds = Array.from({ length: 40 }, (_, index) => 1000 + index);

describe("tiering simulation", () => {
  it("keeps both invariants on every seed, through faults, crashes and leader changes", async () => {
    const totals: Record<string, number> = {};
    for (const seed of seeds) {
      const result = await runTieringSimulation(seed);
      expect(result.failure, `replay with runTieringSimulation(${seed})`).toBeUndefined();
      for (const [name, value] of Object.entries(result.stats)) totals[name] = (totals[name] ?? 0) + value;
    }
    // The runs must have exercised what they claim to, or passing proves nothing.
    for (const name of [
      "upload-ok",
      "upload-failed",
      "commit-add",
      "commit-fence",
      "commit-advanceLogStart",
      "leader-change",
      "crash",
      "local-delete",
      "remote-delete",
    ]) {
      expect(totals[name] ?? 0, name).toBeGreaterThan(10);
    }
  });

  it("replays a seed exactly", async () => {
    expect(await runTieringSimulation(1234)).toEqual(await runTieringSimulation(1234));
  });

  it("catches a manifest entry recorded before its upload completed", async () => {
    const failures: string[] = [];
    for (const seed of seeds) {
      const result = await runTieringSimulation(seed, "propose-before-upload");
      if (result.failure !== undefined) failures.push(result.failure);
    }
    expect(failures.length).toBeGreaterThan(seeds.length / 2);
    expect(
      failures.some((failure) => failure.includes("manifest entry") && failure.includes("object missing")),
    ).toBe(true);
  });

  it("catches local segments deleted before their manifest entry committed", async () => {
    const failures: string[] = [];
    for (const seed of seeds) {
      const result = await runTieringSimulation(seed, "delete-local-before-commit");
      if (result.failure !== undefined) failures.push(result.failure);
    }
    expect(failures.length).toBeGreaterThan(seeds.length / 2);
    expect(failures.every((failure) => failure.includes("readable neither locally nor remotely"))).toBe(true);
  });
});
