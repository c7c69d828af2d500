#!/usr/bin/env node
// The whole test suite: typecheck, lint, then every vitest project (which includes the dependency-graph
// and determinism tests). Ends with one plain line, `N passed, N failed`, which CI reads. Typecheck and
// lint each count as one check; every vitest test counts as one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const resultsPath = join(root, ".vitest-results.json");
const extraArguments = process.argv.slice(2);
let passed = 0;
let failed = 0;

function step(title, command, args) {
  process.stdout.write(`\n=== ${title}: ${command} ${args.join(" ")}\n`);
  const startedAt = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const ok = result.status === 0;
  process.stdout.write(
    `=== ${title}: ${ok ? "ok" : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds}s\n`,
  );
  return ok;
}

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
if (extraArguments.length === 0) {
  for (const [title, args] of [
    ["typecheck", ["tsc", "-p", "tsconfig.json", "--noEmit"]],
    ["lint", ["biome", "ci", "."]],
  ]) {
    if (step(title, npx, args)) passed++;
    else failed++;
  }
}

rmSync(resultsPath, { force: true });
const vitestOk = step("vitest", npx, [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${resultsPath}`,
  ...extraArguments,
]);
if (existsSync(resultsPath)) {
  const results = JSON.parse(readFileSync(resultsPath, "utf8"));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A test file that failed with no failed test (it did not load, or a beforeAll/afterAll hook threw
  // and its tests were skipped) counts as one failure, so it is never silent.
  const brokenFiles = results.testResults.filter(
    (file) =>
      file.status === "failed" && !file.assertionResults.some((assertion) => assertion.status === "failed"),
  );
  for (const file of brokenFiles)
    process.stdout.write(`test file failed outside its tests: ${file.name}\n${file.message}\n`);
  failed += brokenFiles.length;
  if (!vitestOk && failed === 0) {
    process.stdout.write("vitest failed although no test or file did: counting the run as one failure\n");
    failed++;
  }
} else {
  process.stdout.write("vitest wrote no results: counting the run as one failure\n");
  failed++;
}
if (passed === 0 && failed === 0) failed = 1;

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
