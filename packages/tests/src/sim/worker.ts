/**
 * A simulation worker process (runner.ts): runs the seeds its parent sends, one at a time, and sends
 * back each outcome; exits when told to stop. A run that escapes its own error handling (an unhandled
 * rejection or exception) is a bug too: the worker prints the seed's replay command and exits non-zero,
 * which fails the whole pool.
 */
import { type RunSpec, replayCommand, runOne } from "./runner.js";

type Order = { readonly kind: "run"; readonly spec: RunSpec } | { readonly kind: "stop" };

let current: RunSpec | undefined;

function die(what: string, error: unknown): void {
  const replay = current === undefined ? "" : ` (replay: ${replayCommand(current)})`;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`simulation worker: ${what}${replay}\n${detail}\n`);
  process.exit(1);
}

// The parent is gone (it finished, or was interrupted and reported what completed): stop at once.
process.on("disconnect", () => process.exit(0));
process.on("unhandledRejection", (error) => die("unhandled rejection", error));
process.on("uncaughtException", (error) => die("uncaught exception", error));

process.on("message", (order: Order) => {
  if (order.kind === "stop") {
    process.disconnect();
    return;
  }
  current = order.spec;
  runOne(order.spec).then(
    (outcome) => {
      current = undefined;
      process.send?.(outcome);
    },
    (error: unknown) => die("run failed", error),
  );
});
