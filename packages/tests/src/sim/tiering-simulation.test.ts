/**
 * Tiered storage under faults (tiering-simulation.ts): a few seeds pass both checkers, and each checker
 * is shown to fail when the system is broken on purpose (an object in the manifest corrupted, one deleted).
 */
import { describe, expect, it } from "vitest";
import { SimulationViolation } from "./checkers.js";
import { runTieringSimulation } from "./tiering-simulation.js";

describe("tiering simulation", () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: no manifest entry names a bad object, every acknowledged offset stays readable`, {
      timeout: 120_000,
    }, async () => {
      const result = await runTieringSimulation({ seed, steps: 400 });
      expect(result.acknowledged).toBeGreaterThan(100);
      expect(result.objects).toBeGreaterThan(3);
      expect(result.tieredEnd).toBeGreaterThan(result.highWatermark / 3);
      expect(result.remoteReads).toBeGreaterThan(0);
    });
  }

  it("catches an object corrupted in the store", { timeout: 120_000 }, async () => {
    const outcome = await runTieringSimulation({ seed: 4, steps: 300, mutation: "corrupt-object" }).catch(
      (error) => error,
    );
    expect(outcome).toBeInstanceOf(SimulationViolation);
    expect((outcome as SimulationViolation).checker).toBe("manifest-objects");
  });

  it("catches an object deleted while the manifest names it, with either checker", {
    timeout: 120_000,
  }, async () => {
    const byManifest = await runTieringSimulation({ seed: 5, steps: 300, mutation: "drop-object" }).catch(
      (error) => error,
    );
    expect((byManifest as SimulationViolation).checker).toBe("manifest-objects");
    const byRead = await runTieringSimulation({
      seed: 5,
      steps: 300,
      mutation: "drop-object",
      skipManifestChecker: true,
    }).catch((error) => error);
    expect(byRead).toBeInstanceOf(SimulationViolation);
    expect((byRead as SimulationViolation).checker).toBe("committed-readable");
  });
});
