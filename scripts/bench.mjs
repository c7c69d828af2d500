#!/usr/bin/env node
// `npm run bench [-- name ...]`: runs the benchmark scripts (never timed tests). Each prints a markdown
// table; copy the table, the machine and the command into BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cpus, release } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const benchmarks = {
  crc32c: "packages/core/bench/crc32c-bench.ts",
  wal: "packages/wal/bench/wal-bench.ts",
  raft: "packages/raft/bench/raft-bench.ts",
  "multi-raft": "packages/raft/bench/multi-raft-bench.ts",
  "peer-transport": "packages/server/bench/peer-transport-bench.ts",
  cluster: "packages/tests/bench/cluster-bench.ts",
  kafka: "packages/tests/bench/kafka-bench.ts",
};
const requested = process.argv.slice(2).filter((argument) => !argument.startsWith("-"));
const passThrough = process.argv.slice(2).filter((argument) => argument.startsWith("-"));
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(benchmarks).join(", ")}\n`,
  );
  process.exit(2);
}
const names = requested.length > 0 ? requested : Object.keys(benchmarks);
process.stdout.write(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Linux ${release()}, Node ${process.version}\n`,
);
let failures = 0;
for (const name of names) {
  const script = join(root, benchmarks[name]);
  if (!existsSync(script)) {
    process.stdout.write(`\n## ${name}: not built yet (${benchmarks[name]} is missing)\n`);
    continue;
  }
  process.stdout.write(`\n## ${name}: npx tsx ${benchmarks[name]} ${passThrough.join(" ")}\n`);
  const result = spawnSync(
    process.execPath,
    ["--conditions=source", "--import", "tsx", script, ...passThrough],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (result.status !== 0) failures++;
}
process.exit(failures === 0 ? 0 : 1);
