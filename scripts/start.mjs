#!/usr/bin/env node
// `npm start`: runs one Helix node (packages/server/src/main.ts) from the TypeScript sources, with no
// build step: node 1 of a one-node cluster on the default ports, data in ./data/node-1 (DESIGN.md §8).
// Flags pass through: `npm start -- --node-id 2 --peers ...`.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  [
    "--conditions=source",
    "--import",
    "tsx",
    join(root, "packages/server/src/main.ts"),
    ...process.argv.slice(2),
  ],
  { cwd: process.cwd(), stdio: "inherit" },
);
// Forward Ctrl-C and SIGTERM so the node shuts down cleanly, then exit with its code.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
