#!/usr/bin/env node
/**
 * The `helix` executable. Exit codes: 0 ok, 2 usage error, 3 server error, 4 connection error
 * (`cli-errors.ts`); `helix start` keeps the node's own codes (packages/server/src/main.ts).
 */
import { describeError, exitCodeFor } from "./cli-errors.js";
import { buildProgram } from "./program.js";

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  const message = describeError(error);
  if (message !== undefined) process.stderr.write(`${message}\n`);
  process.exitCode = exitCodeFor(error);
}
