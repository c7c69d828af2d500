#!/usr/bin/env node
// `npm run sim -- --seeds N` (or `--seed S` to replay one run, `--hours H` for a simulated-time budget):
// the deterministic cluster simulator (packages/tests/src/sim). Every failure prints the command that
// replays it. Other flags (--hours-per-seed, --mutation, --quiet) pass through.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const result = spawnSync(
  process.execPath,
  [
    "--conditions=source",
    "--import",
    "tsx",
    join(root, "packages/tests/src/sim/main.ts"),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
