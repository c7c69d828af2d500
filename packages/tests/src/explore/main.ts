/**
 * `npm run explore -- --depth N [--mutation M] [--max-states S] [--max-seconds T] [options]`
 *
 * Explores every interleaving of a 3-node Raft cluster up to depth N (see explorer.ts) and prints the
 * states explored. On a violation it prints the path to it and the command that replays it; exit 1.
 * `--replay '<event>; <event>; ...'` replays a path, printing the cluster after every event.
 * `--prefix '<path>'` explores from the end of a scripted path instead of from the initial state.
 */
import { parseArgs } from "node:util";
import { isExploreMutation } from "./explore-mutations.js";
import { type ClusterOptions, defaultClusterOptions } from "./explored-cluster.js";
import {
  clusterFlags,
  defaultBounds,
  type ExploreBounds,
  type ExploreReport,
  explore,
  replay,
  replayCommand,
} from "./explorer.js";

const usage = `usage: npm run explore -- --depth N [--mutation M] [--max-states S] [--max-seconds T]
  [--nodes 3] [--persist-events] [--proposals 1] [--crashes 1] [--max-term 4] [--max-in-flight 6]
  [--pre-vote] [--no-drops] [--prefix '<path>'] [--replay '<path>']
mutations: none, voteWithoutUpToDateCheck, commitPreviousTermByCounting, acknowledgeBeforePersist`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

function integerFlag(value: string | undefined, name: string, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < minimum) fail(`--${name} must be an integer >= ${minimum}`);
  return parsed;
}

function parsePath(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(";")
    .map((label) => label.trim())
    .filter((label) => label !== "");
}

function formatReport(report: ExploreReport): string {
  const seconds = report.elapsedMs / 1000;
  const perSecond = seconds > 0 ? Math.round(report.transitions / seconds) : report.transitions;
  return [
    `states explored (transitions checked): ${report.transitions}`,
    `distinct states: ${report.distinctStates}`,
    `depth reached: ${report.depthReached}`,
    `not expanded (too many messages in flight): ${report.prunedByInFlight}`,
    `time: ${seconds.toFixed(1)} s (${perSecond} states/s)`,
    `stopped by: ${report.stoppedBy}`,
  ].join("\n");
}

function main(): void {
  const { values } = parseArgs({
    options: {
      depth: { type: "string" },
      mutation: { type: "string" },
      "max-states": { type: "string" },
      "max-seconds": { type: "string" },
      nodes: { type: "string" },
      "persist-events": { type: "boolean" },
      proposals: { type: "string" },
      crashes: { type: "string" },
      "max-term": { type: "string" },
      "max-in-flight": { type: "string" },
      "pre-vote": { type: "boolean" },
      "no-drops": { type: "boolean" },
      prefix: { type: "string" },
      replay: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help === true) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const mutation = values.mutation ?? "none";
  if (!isExploreMutation(mutation)) fail(`unknown mutation ${mutation}`);
  const options: ClusterOptions = {
    nodes: integerFlag(values.nodes, "nodes", defaultClusterOptions.nodes, 1),
    mutation,
    // Acknowledging before persisting is only visible when persisting is a separate event.
    persistAsEvent: values["persist-events"] === true || mutation === "acknowledgeBeforePersist",
    proposalsMax: integerFlag(values.proposals, "proposals", defaultClusterOptions.proposalsMax, 0),
    crashesMax: integerFlag(values.crashes, "crashes", defaultClusterOptions.crashesMax, 0),
    termMax: integerFlag(values["max-term"], "max-term", defaultClusterOptions.termMax, 1),
    preVote: values["pre-vote"] === true,
    drops: values["no-drops"] !== true,
  };
  if (values.replay !== undefined) {
    const result = replay(options, parsePath(values.replay));
    process.stdout.write(`${result.trace.join("\n\n")}\n`);
    if (result.violation !== undefined) {
      process.stdout.write(`\nVIOLATION ${result.violation.invariant}: ${result.violation.message}\n`);
      process.exit(1);
    }
    process.stdout.write("\nno violation on this path\n");
    return;
  }
  const bounds: ExploreBounds = {
    depthMax: integerFlag(values.depth, "depth", defaultBounds.depthMax, 1),
    statesMax: integerFlag(values["max-states"], "max-states", defaultBounds.statesMax, 1),
    timeMaxMs: integerFlag(values["max-seconds"], "max-seconds", defaultBounds.timeMaxMs / 1000, 1) * 1000,
    inFlightMax: integerFlag(values["max-in-flight"], "max-in-flight", defaultBounds.inFlightMax, 1),
  };
  const prefix = parsePath(values.prefix);
  process.stdout.write(
    `exploring ${options.nodes} nodes to depth ${bounds.depthMax}${prefix.length > 0 ? ` after a prefix of ${prefix.length} events` : ""}; options:${clusterFlags(options) || " defaults"}; bounds: ${bounds.statesMax} states, ${bounds.timeMaxMs / 1000} s, ${bounds.inFlightMax} in flight\n`,
  );
  const report = explore(options, bounds, prefix);
  process.stdout.write(`${formatReport(report)}\n`);
  const violation = report.violation;
  if (violation === undefined) return;
  process.stdout.write(
    [
      "",
      `VIOLATION ${violation.invariant}: ${violation.message}`,
      `path (${violation.path.length} events):`,
      ...violation.path.map((label, i) => `  ${i + 1}. ${label}`),
      "state:",
      violation.state,
      "",
      `replay: ${replayCommand(options, violation.path)}`,
      "",
    ].join("\n"),
  );
  process.exit(1);
}

main();
