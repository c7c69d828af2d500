/**
 * Runs many seeds on every core: a pool of child processes, each running one seed at a time, fed
 * seeds from one queue as they finish (seeds differ a lot in cost, so a static split would leave a
 * core idle). Each seed is still a pure function of itself: which process runs it changes nothing.
 * The parent only collects results; the command line (main.ts) and the test budget both use it.
 */
import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { createRun } from "./create-run.js";
import type { Mutation } from "./mutations.js";
import type { Profile } from "./profiles.js";

/** What identifies one run: with the seed, everything the replay command must repeat. */
export interface RunSpec {
  readonly seed: number;
  readonly hours: number;
  readonly mutation: Mutation;
  readonly profile: Profile;
  /** "raft": the Raft host with a KV service; "node": HelixNode with partitions; "progress": consumers on leases. */
  readonly mode: "raft" | "node" | "progress";
}

/** A run's outcome in plain data (it crosses a process boundary). */
export interface RunOutcome {
  readonly spec: RunSpec;
  readonly description: string;
  readonly checker: string | undefined;
  readonly message: string | undefined;
  readonly trace: readonly string[];
  readonly simulatedMs: number;
  readonly events: number;
  readonly wallMs: number;
  /** CPU time of the run (user + system), which machine load does not inflate as it does wall time. */
  readonly cpuMs: number;
  readonly statistics: Record<string, number>;
}

export interface PoolSummary {
  readonly outcomes: readonly RunOutcome[];
  readonly wallMs: number;
  readonly workers: number;
}

/** The command that replays one run exactly. */
export function replayCommand(spec: RunSpec): string {
  const flags = [`--seed ${spec.seed}`];
  if (spec.hours !== 1) flags.push(`--hours-per-seed ${spec.hours}`);
  if (spec.mutation !== "none") flags.push(`--mutation ${spec.mutation}`);
  if (spec.profile !== "default") flags.push(`--profile ${spec.profile}`);
  if (spec.mode === "node") flags.push("--node");
  if (spec.mode === "progress") flags.push("--progress");
  return `npm run sim -- ${flags.join(" ")}`;
}

/** Runs one spec in this process. */
export async function runOne(spec: RunSpec): Promise<RunOutcome> {
  const run = createRun(spec);
  const cpuBefore = process.cpuUsage();
  const result = await run.run();
  const cpu = process.cpuUsage(cpuBefore);
  return {
    spec,
    description: run.describe(),
    checker: result.violation?.checker,
    message: result.violation?.message,
    // A passing run's trace is of no use; dropping it keeps long pools small.
    trace: result.violation === undefined ? [] : result.trace,
    simulatedMs: result.simulatedMs,
    events: result.events,
    wallMs: result.wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    statistics: result.statistics,
  };
}

/**
 * Workers run the same build as their parent: the TypeScript sources through tsx, or the bundle that
 * `npm run sim` builds (scripts/sim.mjs), which starts faster and runs faster (no per-function
 * runtime naming helpers).
 */
const bundled = import.meta.url.endsWith(".mjs");
const workerModule = fileURLToPath(new URL(bundled ? "./worker.mjs" : "./worker.ts", import.meta.url));
/**
 * V8's young generation for the workers, unless the parent's flags set one: a simulation allocates fast
 * and keeps much of it for a while (a restarted node's recovered log, messages in flight, a round's
 * writes until the fdatasync), which the default semi-spaces (at most 16 MB) copy again and again.
 * Measured with --trace-gc-nvp over seeds 3000000-3000029 on one worker (session 8): scavenges 983 ->
 * 253, bytes they copied or promoted 872 MB -> 511 MB, their pauses 2.3 s -> 1.0 s of a 30 CPU-s run.
 * (Session 5 saw no change in CPU per cluster-hour within the noise of paired runs; the GC's own work
 * is the steadier measure.) Costs up to ~200 MB more memory per worker.
 */
const youngGenerationFlags = ["--min-semi-space-size=32", "--max-semi-space-size=64"];

/** A bundled worker runs with its parent's Node and V8 flags (a CPU profile, source maps, GC settings). */
const parentFlags = bundled ? process.execArgv : ["--conditions=source", "--import", "tsx"];
const workerFlags = process.execArgv.some((flag) => flag.includes("semi-space-size"))
  ? parentFlags
  : [...parentFlags, ...youngGenerationFlags];

export interface PoolOptions {
  /** Child processes; default one per core, never more than there are specs. */
  readonly workers?: number;
  /** Called as each run finishes, in completion order. */
  readonly onOutcome?: (outcome: RunOutcome) => void;
}

/** Runs every spec across a pool of child processes; resolves when all are done. */
export async function runPool(specs: readonly RunSpec[], options: PoolOptions = {}): Promise<PoolSummary> {
  const started = performance.now();
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), specs.length));
  const outcomes: RunOutcome[] = [];
  let next = 0;
  const children: ChildProcess[] = [];
  const runChild = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = fork(workerModule, [], {
        execArgv: workerFlags,
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      children.push(child);
      const feed = (): void => {
        const spec = specs[next++];
        if (spec === undefined) child.send({ kind: "stop" });
        else child.send({ kind: "run", spec });
      };
      child.on("message", (message: RunOutcome) => {
        outcomes.push(message);
        options.onOutcome?.(message);
        feed();
      });
      child.on("exit", (code) => {
        if (code === 0) resolve();
        else reject(new Error(`simulation worker exited with code ${code}`));
      });
      child.on("error", reject);
      feed();
    });
  try {
    await Promise.all(Array.from({ length: workers }, runChild));
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
  outcomes.sort((a, b) => a.spec.seed - b.spec.seed);
  return { outcomes, wallMs: performance.now() - started, workers };
}

/** One line for a whole pool: seeds, simulated hours, wall time, compression, events per second. */
export function summarize(summary: PoolSummary): string {
  const { outcomes, wallMs } = summary;
  const simulatedMs = outcomes.reduce((sum, outcome) => sum + outcome.simulatedMs, 0);
  const events = outcomes.reduce((sum, outcome) => sum + outcome.events, 0);
  const cpuMs = outcomes.reduce((sum, outcome) => sum + outcome.cpuMs, 0);
  const failed = outcomes.filter((outcome) => outcome.checker !== undefined).length;
  const hours = simulatedMs / 3_600_000;
  return (
    `${outcomes.length} seeds, ${hours.toFixed(hours < 10 ? 2 : 1)} simulated cluster-hours in ${(wallMs / 1000).toFixed(1)} s ` +
    `on ${summary.workers} worker${summary.workers === 1 ? "" : "s"} ` +
    `(${Math.round(simulatedMs / wallMs)}x time compression, ${Math.round((events / wallMs) * 1000)} events/s, ` +
    `${(wallMs / 1000 / Math.max(hours, 1e-9)).toFixed(3)} s per cluster-hour, ` +
    `${(cpuMs / 1000 / Math.max(hours, 1e-9)).toFixed(3)} CPU-s per cluster-hour): ` +
    `${outcomes.length - failed} passed, ${failed} failed`
  );
}

/** The failure report: the violation, the run's shape, the replay command and the trace tail. */
export function failureReport(outcome: RunOutcome): string {
  if (outcome.checker === undefined) return "";
  return [
    `FAIL seed ${outcome.spec.seed}: ${outcome.message}`,
    `  ${outcome.description}`,
    `  replay: ${replayCommand(outcome.spec)}`,
    "  last events:",
    ...outcome.trace.map((line) => `    ${line}`),
    "",
  ].join("\n");
}
