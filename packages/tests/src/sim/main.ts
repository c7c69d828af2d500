/**
 * The simulator's command line: `npm run sim -- --seed S` replays one run, `--seeds N` runs N seeds
 * (from a random start unless `--seed` is given), `--hours H` runs until H simulated cluster-hours are
 * done (one-hour clusters). Each failure prints the command that replays it and the trace tail.
 *
 *   node --conditions=source --import tsx packages/tests/src/sim/main.ts --seeds 10
 */
import { parseArgs } from "node:util";
import { type Mutation, mutations } from "./mutations.js";
import { Simulation, type SimulationResult } from "./simulation.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    seeds: { type: "string" },
    hours: { type: "string" },
    "hours-per-seed": { type: "string", default: "1" },
    mutation: { type: "string", default: "none" },
    quiet: { type: "boolean", default: false },
  },
});

const mutation = values.mutation as Mutation;
if (mutation !== "none" && !mutations.includes(mutation)) {
  process.stderr.write(`unknown --mutation ${mutation}; one of: none, ${mutations.join(", ")}\n`);
  process.exit(2);
}
const hoursPerSeed = Number(values["hours-per-seed"]);
const firstSeed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(values.seed);
let seedCount: number;
if (values.hours !== undefined) seedCount = Math.ceil(Number(values.hours) / hoursPerSeed);
else if (values.seeds !== undefined) seedCount = Number(values.seeds);
else seedCount = 1;
if (
  !Number.isSafeInteger(firstSeed) ||
  !Number.isInteger(seedCount) ||
  seedCount < 1 ||
  !(hoursPerSeed > 0)
) {
  process.stderr.write("usage: sim [--seed S] [--seeds N | --hours H] [--hours-per-seed H] [--mutation M]\n");
  process.exit(2);
}

function replayCommand(seed: number): string {
  const extra = [
    hoursPerSeed === 1 ? "" : ` --hours-per-seed ${hoursPerSeed}`,
    mutation === "none" ? "" : ` --mutation ${mutation}`,
  ].join("");
  return `npm run sim -- --seed ${seed}${extra}`;
}

function report(result: SimulationResult, simulation: Simulation): void {
  const violation = result.violation;
  if (violation === undefined) return;
  process.stdout.write(
    [
      `FAIL seed ${result.seed}: ${violation.message}`,
      `  ${simulation.describe()}`,
      `  replay: ${replayCommand(result.seed)}`,
      "  last events:",
      ...result.trace.map((line) => `    ${line}`),
      "",
    ].join("\n"),
  );
}

let failures = 0;
let events = 0;
let simulatedMs = 0;
const started = performance.now();
for (let i = 0; i < seedCount; i++) {
  const seed = firstSeed + i;
  const simulation = new Simulation({ seed, hours: hoursPerSeed, mutation });
  if (!values.quiet || seedCount === 1) process.stdout.write(`seed ${seed}: ${simulation.describe()}\n`);
  const result = await simulation.run();
  events += result.events;
  simulatedMs += result.simulatedMs;
  if (result.violation !== undefined) {
    failures++;
    report(result, simulation);
  } else if (!values.quiet || seedCount === 1) {
    process.stdout.write(
      `  ok: ${(result.simulatedMs / 3_600_000).toFixed(2)} simulated h, ${result.events} events, ${(result.wallMs / 1000).toFixed(1)} s, ${JSON.stringify(result.statistics)}\n`,
    );
  }
}
const wallSeconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${seedCount} seeds, ${(simulatedMs / 3_600_000).toFixed(1)} simulated cluster-hours in ${wallSeconds.toFixed(1)} s ` +
    `(${Math.round(simulatedMs / 1000 / wallSeconds)}x time compression, ${Math.round(events / wallSeconds)} events/s): ` +
    `${seedCount - failures} passed, ${failures} failed\n`,
);
process.exit(failures === 0 ? 0 : 1);
