/** Builds the run a spec names: the Raft-host, HelixNode or consumer-progress simulation. */
import { NodeSimulation } from "./node-simulation.js";
import { profiles } from "./profiles.js";
import { progressMutations } from "./progress-mutations.js";
import { ProgressSimulation } from "./progress-simulation.js";
import type { RunSpec } from "./runner.js";
import { Simulation, type SimulationResult } from "./simulation.js";

export interface Run {
  describe(): string;
  run(): Promise<SimulationResult>;
}

export function createRun(spec: RunSpec): Run {
  if (spec.mode === "node" && spec.mutation !== "none" && spec.mutation !== "walAcknowledgesBeforeSync") {
    // HelixNode builds its Raft host itself and offers no hook to patch its Raft nodes.
    throw new Error(`--node runs support only the walAcknowledgesBeforeSync mutation, not ${spec.mutation}`);
  }
  const progressMutation = (progressMutations as readonly string[]).includes(spec.mutation);
  if (spec.mode !== "progress" && progressMutation) {
    throw new Error(`the ${spec.mutation} mutation needs --progress`);
  }
  if (
    spec.mode === "progress" &&
    !progressMutation &&
    spec.mutation !== "none" &&
    spec.mutation !== "walAcknowledgesBeforeSync"
  ) {
    // The progress simulation runs HelixNode too, with no hook to patch its Raft nodes.
    throw new Error(`--progress runs support the WAL and progress mutations, not ${spec.mutation}`);
  }
  const options = {
    seed: spec.seed,
    hours: spec.hours,
    mutation: spec.mutation,
    parameters: profiles[spec.profile],
    profile: spec.profile,
  };
  if (spec.mode === "progress") return new ProgressSimulation(options);
  return spec.mode === "node" ? new NodeSimulation(options) : new Simulation(options);
}
