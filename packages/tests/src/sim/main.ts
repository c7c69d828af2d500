/**
 * The simulator's command line: `npm run sim -- --seed S` replays one run, `--seeds N` runs N seeds
 * (from a random start unless `--seed` is given), `--hours H` runs until H simulated cluster-hours are
 * done (one-hour clusters by default). Seeds run in parallel, one worker process per core (`--jobs`).
 * `--node` simulates HelixNode (partitions, produce with acks=all, fetch) instead of the Raft host,
 * `--progress` consumers on leases over HelixNode's progress groups (progress-simulation.ts);
 * `--profile` pins a run shape (profiles.ts); `--mutation` runs a deliberately broken build. Each
 * failure prints the command that replays it and the trace tail.
 *
 *   npm run sim -- --hours 100
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { type Mutation, mutations } from "./mutations.js";
import { isProfile, type Profile } from "./profiles.js";
import { failureReport, type RunOutcome, type RunSpec, runOne, runPool, summarize } from "./runner.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string" },
    seeds: { type: "string" },
    hours: { type: "string" },
    "hours-per-seed": { type: "string", default: "1" },
    mutation: { type: "string", default: "none" },
    profile: { type: "string", default: "default" },
    node: { type: "boolean", default: false },
    progress: { type: "boolean", default: false },
    jobs: { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

const usage =
  "usage: sim [--seed S] [--seeds N | --hours H] [--hours-per-seed H] [--mutation M] [--profile P] [--node | --progress] [--jobs J] [--quiet]\n";
const mutation = values.mutation as Mutation;
if (mutation !== "none" && !mutations.includes(mutation)) {
  process.stderr.write(`unknown --mutation ${mutation}; one of: none, ${mutations.join(", ")}\n`);
  process.exit(2);
}
if (!isProfile(values.profile)) {
  process.stderr.write(`unknown --profile ${values.profile}\n${usage}`);
  process.exit(2);
}
const profile: Profile = values.profile;
const hoursPerSeed = Number(values["hours-per-seed"]);
const firstSeed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
let seedCount: number;
if (values.hours !== undefined) seedCount = Math.ceil(Number(values.hours) / hoursPerSeed);
else if (values.seeds !== undefined) seedCount = Number(values.seeds);
else seedCount = 1;
const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
if (
  !Number.isSafeInteger(firstSeed) ||
  !Number.isInteger(seedCount) ||
  seedCount < 1 ||
  !(hoursPerSeed > 0) ||
  !Number.isInteger(jobs) ||
  jobs < 1
) {
  process.stderr.write(usage);
  process.exit(2);
}

const specs: RunSpec[] = Array.from({ length: seedCount }, (_, i) => ({
  seed: firstSeed + i,
  hours: hoursPerSeed,
  mutation,
  profile,
  mode: values.progress ? "progress" : values.node ? "node" : "raft",
}));
const verbose = !values.quiet || seedCount === 1;

/** Every outcome so far, so an interrupted run can still report what it completed. */
const finished: RunOutcome[] = [];
const started = performance.now();

function onOutcome(outcome: RunOutcome): void {
  finished.push(outcome);
  if (outcome.checker !== undefined) {
    process.stdout.write(failureReport(outcome));
    return;
  }
  if (!verbose) return;
  process.stdout.write(
    `seed ${outcome.spec.seed}: ${outcome.description}\n  ok: ${(outcome.simulatedMs / 3_600_000).toFixed(2)} simulated h, ${outcome.events} events, ${(outcome.wallMs / 1000).toFixed(1)} s, ${(outcome.cpuMs / 1000).toFixed(2)} CPU-s, ${JSON.stringify(outcome.statistics)}\n`,
  );
}

// A long run stopped early (Ctrl-C, a deadline) still reports the seeds it completed.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    const workers = seedCount === 1 ? 1 : Math.min(jobs, seedCount);
    process.stdout.write(
      `interrupted by ${signal} after ${finished.length} of ${seedCount} seeds: ${summarize({ outcomes: finished, wallMs: performance.now() - started, workers })} [load average ${(loadavg()[0] ?? 0).toFixed(2)}]\n`,
    );
    process.exit(130);
  });
}

const loadBefore = loadavg()[0] ?? 0;
let summary: { outcomes: readonly RunOutcome[]; wallMs: number; workers: number };
if (seedCount === 1 || jobs === 1) {
  const outcomes: RunOutcome[] = [];
  for (const spec of specs) {
    const outcome = await runOne(spec);
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  summary = { outcomes, wallMs: performance.now() - started, workers: 1 };
} else {
  summary = await runPool(specs, { workers: jobs, onOutcome });
}
process.stdout.write(
  `${summarize(summary)} [load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after]\n`,
);
process.exit(summary.outcomes.every((outcome) => outcome.checker === undefined) ? 0 : 1);
