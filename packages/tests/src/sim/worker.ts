/**
 * A simulation worker process (runner.ts): runs the seeds its parent sends, one at a time, and sends
 * back each outcome; exits when told to stop.
 */
import { type RunSpec, runOne } from "./runner.js";

type Order = { readonly kind: "run"; readonly spec: RunSpec } | { readonly kind: "stop" };

process.on("message", (order: Order) => {
  if (order.kind === "stop") {
    process.disconnect();
    return;
  }
  runOne(order.spec).then(
    (outcome) => process.send?.(outcome),
    (error: unknown) => {
      process.stderr.write(`simulation worker failed on seed ${order.spec.seed}: ${String(error)}\n`);
      process.exit(1);
    },
  );
});
