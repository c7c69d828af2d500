/**
 * The `npm run explore` command (main.ts) as a user runs it: a bounded exploration reports its
 * counts and exits 0; a violation's printed replay command reproduces it and exits 1.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repositoryRoot = fileURLToPath(new URL("../../../..", import.meta.url));

function runExplore(args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    ["--conditions=source", "--import", "tsx", "packages/tests/src/explore/main.ts", ...args],
    { cwd: repositoryRoot, encoding: "utf8", timeout: 50_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm run explore", () => {
  it("reports states explored, distinct states, depth and time, and exits 0 without a violation", () => {
    const { status, output } = runExplore(["--depth", "3", "--max-states", "10000"]);
    expect(output).toContain("states explored (transitions checked): ");
    expect(output).toContain("distinct states: ");
    expect(output).toContain("depth reached: 3");
    expect(output).toContain("stopped by: exhausted");
    expect(status).toBe(0);
  }, 60_000);

  it("prints a violation's path and a replay command that reproduces it", () => {
    const found = runExplore(["--depth", "9", "--mutation", "voteWithoutUpToDateCheck"]);
    expect(found.status).toBe(1);
    expect(found.output).toContain("VIOLATION leaderCompleteness");
    const replayLine = found.output
      .split("\n")
      .find((line) => line.startsWith("replay: npm run explore -- "));
    expect(replayLine).toBeDefined();
    const path = /--replay '(.*)'$/.exec(replayLine ?? "")?.[1];
    expect(path).toBeDefined();
    const replayed = runExplore(["--mutation", "voteWithoutUpToDateCheck", "--replay", path ?? ""]);
    expect(replayed.status).toBe(1);
    expect(replayed.output).toContain("VIOLATION leaderCompleteness");
  }, 120_000);
});
