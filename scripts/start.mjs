#!/usr/bin/env node
// `npm start`: runs one Helix node on the default ports with data in ./data/node-1 (DESIGN.md §8).
// The node (packages/server) is not built yet; until it is, say so plainly instead of pretending.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const serverEntry = join(root, "packages/server/src/main.ts");
if (!existsSync(serverEntry)) {
  process.stderr.write(
    [
      "helix: the node is not built yet.",
      "The server package (packages/server, issue 7) does not exist in this checkout; what exists today is",
      "the foundation (core, wal, raft, routing, progress, flow, kafka-proxy codecs) and its tests: run `npm test`.",
      "",
    ].join("\n"),
  );
  process.exit(1);
}
const { spawnSync } = await import("node:child_process");
const result = spawnSync(
  process.execPath,
  ["--conditions=source", "--import", "tsx", serverEntry, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
process.exit(result.status ?? 1);
