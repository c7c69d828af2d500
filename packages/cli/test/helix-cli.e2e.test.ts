/**
 * The `helix` command end to end: a real node process started with `helix start` (ports chosen by the
 * OS), then the built-from-source bin run as child processes, the way a user runs it. It creates a
 * topic, produces 10,000 lines from a file and consumes them back byte for byte, describes the topic
 * as JSON, and fails with the documented exit codes and messages: 2 for usage errors, 3 for errors
 * from the node, 4 when nothing listens at --bootstrap. It also runs a produce benchmark (JSON result)
 * and `helix dev --nodes 1` on a free port range. Every wait is on output or a condition.
 *
 * The bin is compiled once with esbuild (`built-cli.ts`) rather than started through tsx on every run:
 * the same sources, a fraction of the start-up time for the ~45 runs here.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, freePortRange } from "@helixlog/core/testing";
import { HelixClient } from "@helixlog/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltCli, buildCli } from "./built-cli.js";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const workDir = mkdtempSync(join(tmpdir(), "helix-cli-e2e-"));
let built: BuiltCli | undefined;
let nodeArguments: readonly string[] = [];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `helix ARGS` to completion (bounded by vitest's timeout) and returns its exit code and output. */
function helix(args: readonly string[]): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...nodeArguments, ...args], {
      cwd: repositoryRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolveRun({ code, stdout, stderr }));
  });
}

let node: ChildProcess | undefined;
let nodeExited: Promise<unknown> = Promise.resolve();
let bootstrap = "";

/** Polls `condition` every 50 ms until it holds or `timeoutMs` passes. */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

beforeAll(async () => {
  built = await buildCli();
  nodeArguments = built.nodeArguments;
  const flags = ["start", "--data-dir", join(workDir, "node-1")];
  for (const listener of ["grpc", "http", "peer", "kafka"]) flags.push(`--${listener}-addr`, "127.0.0.1:0");
  const child = spawn(process.execPath, [...nodeArguments, ...flags], {
    cwd: repositoryRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  node = child;
  nodeExited = new Promise((resolveExit) => child.once("exit", resolveExit));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor("the node's addresses", () => {
    if (child.exitCode !== null) throw new Error(`node exited early:\n${output}`);
    return /HTTP\s+\S+:\d+/.test(output);
  });
  bootstrap = /gRPC\s+(\S+)/.exec(output)?.[1] ?? "";
  const httpPort = /HTTP\s+\S+:(\d+)/.exec(output)?.[1];
  await waitFor("a controller leader (/health 200)", async () => {
    const response = await fetch(`http://127.0.0.1:${httpPort}/health`).catch(() => undefined);
    return response?.status === 200;
  });
});

afterAll(async () => {
  if (node?.pid !== undefined && node.exitCode === null) {
    node.kill("SIGTERM");
    await nodeExited;
  }
  rmSync(workDir, { recursive: true, force: true });
  built?.remove();
});

// Each run spawns a node process: a second or more each on a loaded two-core machine, hence the
// generous per-test timeouts.
describe("helix against a running node", { timeout: 180_000 }, () => {
  const lines = Array.from({ length: 10_000 }, (_unused, index) => `line ${index} ${"x".repeat(index % 50)}`);
  const input = join(workDir, "lines.txt");

  it("creates a topic, produces 10,000 lines from a file and consumes them back identical", async () => {
    writeFileSync(input, `${lines.join("\n")}\n`);
    const created = await helix(["--bootstrap", bootstrap, "topic", "create", "e2e", "--partitions", "1"]);
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("created topic e2e: 1 partition(s)");
    expect(created.code).toBe(0);

    const produced = await helix(["--bootstrap", bootstrap, "produce", "e2e", "--file", input]);
    expect(produced.stdout).toContain("produced 10000 record(s) to e2e");
    expect(produced.stdout).toContain("partition 0: 10000 record(s), offsets 0..9999");
    expect(produced.code).toBe(0);

    const consumed = await helix([
      "--bootstrap",
      bootstrap,
      "consume",
      "e2e",
      "--from-beginning",
      "--max-messages",
      "10000",
    ]);
    expect(consumed.code).toBe(0);
    expect(consumed.stdout).toBe(readFileSync(input, "utf8"));
  }, 300_000);

  it("describes the topic as JSON", async () => {
    const described = await helix(["--bootstrap", bootstrap, "--json", "topic", "describe", "e2e"]);
    expect(described.code).toBe(0);
    const description = JSON.parse(described.stdout);
    expect(description.name).toBe("e2e");
    expect(description.partitions).toHaveLength(1);
    expect(description.partitions[0].highWatermark).toBe(10_000);
  });

  it("exits 2 with the reason on a usage error", async () => {
    const badValue = await helix(["--bootstrap", bootstrap, "consume", "e2e", "--max-messages", "none"]);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toContain("--max-messages must be an integer from 1 to");
    const group = await helix(["--bootstrap", bootstrap, "consume", "e2e", "--group", "g1", "--offset", "3"]);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain("--offset contradicts --group");
    const unknown = await helix(["topic", "create"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("missing required argument 'name'");
  });

  it("exits 3 with the node's error code when the node refuses", async () => {
    const missing = await helix(["--bootstrap", bootstrap, "topic", "describe", "no-such-topic"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("UNKNOWN_TOPIC");
    const badConfig = await helix([
      "--bootstrap",
      bootstrap,
      "topic",
      "alter",
      "e2e",
      "--config",
      "retention.ms=soon",
    ]);
    expect(badConfig.code).toBe(3);
    expect(badConfig.stderr).toContain("INVALID_CONFIG");
  });

  it("alters a topic's configs and grows its partitions", async () => {
    const created = await helix(["--bootstrap", bootstrap, "topic", "create", "grow", "--partitions", "1"]);
    expect(created.code).toBe(0);
    const altered = await helix([
      "--bootstrap",
      bootstrap,
      "--json",
      "topic",
      "alter",
      "grow",
      "--config",
      "retention.ms=60000",
      "--partitions",
      "3",
    ]);
    expect(altered.code, altered.stderr).toBe(0);
    const description = JSON.parse(altered.stdout) as {
      partitions: unknown[];
      configs: Record<string, string>;
    };
    expect(description.partitions).toHaveLength(3);
    expect(description.configs["retention.ms"]).toBe("60000");
    const shrink = await helix(["--bootstrap", bootstrap, "topic", "alter", "grow", "--partitions", "2"]);
    expect(shrink.code).toBe(3);
    expect(shrink.stderr).toContain("INVALID_PARTITIONS");
  });

  it("benchmarks produce and reports latency percentiles and throughput as JSON", async () => {
    const bench = await helix([
      "--bootstrap",
      bootstrap,
      "--json",
      "bench",
      "produce",
      "--count",
      "2000",
      "--record-size",
      "64",
      "--topic",
      "bench",
    ]);
    expect(bench.code).toBe(0);
    const result = JSON.parse(bench.stdout);
    expect(result).toMatchObject({ mode: "produce", topic: "bench", records: 2000, bytes: 128_000 });
    expect(result.latencyMs.samples).toBeGreaterThan(0);
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.max);
    expect(result.recordsPerSecond).toBeGreaterThan(0);
  });

  it("consumes as a group member, resumes at the group's offsets, and lists, describes and resets groups", async () => {
    const run = (...args: string[]) => helix(["--bootstrap", bootstrap, ...args]);
    expect((await run("topic", "create", "grouped", "--partitions", "2")).code).toBe(0);
    const lines = Array.from({ length: 20 }, (_unused, index) => `g${index}`);
    const lineFile = join(workDir, "grouped.txt");
    writeFileSync(lineFile, `${lines.join("\n")}\n`);
    expect((await run("produce", "grouped", "--file", lineFile)).code).toBe(0);

    const first = await run(
      "consume",
      "grouped",
      "--group",
      "readers",
      "--from-beginning",
      "--max-messages",
      "8",
    );
    expect(first.code, first.stderr).toBe(0);
    const firstLines = first.stdout.trim().split("\n");
    expect(firstLines).toHaveLength(8);
    const described = await run("--json", "group", "describe", "readers");
    expect(described.code, described.stderr).toBe(0);
    const description = JSON.parse(described.stdout) as {
      partitions: {
        partition: number;
        committedOffset: number;
        logEndOffset: number;
        lag: number;
        leases: unknown[];
      }[];
    };
    expect(description.partitions.map((partition) => partition.partition)).toEqual([0, 1]);
    const committed = (partitions: typeof description.partitions) =>
      partitions.reduce((sum, partition) => sum + partition.committedOffset, 0);
    expect(committed(description.partitions)).toBe(8);
    expect(description.partitions.reduce((sum, partition) => sum + partition.lag, 0)).toBe(12);
    expect(description.partitions.flatMap((partition) => partition.leases)).toEqual([]);
    const table = await run("group", "describe", "readers");
    expect(table.stdout).toContain("group readers: 2 partition(s)");
    expect(table.stdout).toMatch(/grouped\s+│\s+0/);

    // The next member resumes where the group left off: together they print every line exactly once.
    const second = await run(
      "consume",
      "grouped",
      "--group",
      "readers",
      "--from-beginning",
      "--max-messages",
      "12",
    );
    expect(second.code, second.stderr).toBe(0);
    expect([...firstLines, ...second.stdout.trim().split("\n")].sort()).toEqual([...lines].sort());

    const listed = await run("--json", "group", "list");
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout) as { group: string; partitions: number }[]).toContainEqual(
      expect.objectContaining({ group: "readers", partitions: 2, liveLeases: 0 }),
    );
    expect((await run("group", "list")).stdout).toMatch(/readers\s+│\s+2/);

    const dryRun = await run(
      "--json",
      "group",
      "reset-offsets",
      "readers",
      "--topic",
      "grouped",
      "--partition",
      "0",
      "--to-offset",
      "3",
      "--dry-run",
    );
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ dryRun: true, offsets: [{ partition: 0, offset: 3 }] });
    const reset = await run("group", "reset-offsets", "readers", "--topic", "grouped", "--to-earliest");
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain("reset group readers on grouped:");
    const afterReset = JSON.parse(
      (await run("--json", "group", "describe", "readers")).stdout,
    ) as typeof description;
    expect(afterReset.partitions.map((partition) => partition.committedOffset)).toEqual([0, 0]);
    const replay = await run("consume", "grouped", "--group", "readers", "--max-messages", "20");
    expect(replay.stdout.trim().split("\n").sort()).toEqual([...lines].sort());

    const noTarget = await run("group", "reset-offsets", "readers", "--topic", "grouped");
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain("say where to");
    const twoTargets = await run(
      "group",
      "reset-offsets",
      "readers",
      "--topic",
      "grouped",
      "--to-earliest",
      "--to-latest",
    );
    expect(twoTargets.code).toBe(2);
    expect(twoTargets.stderr).toContain("pass one target");
    const unknown = await run("group", "describe", "nobody");
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("UNKNOWN_GROUP");
    const help = await helix(["group", "reset-offsets", "--help"]);
    expect(help.stdout).toContain("helix group reset-offsets billing --topic orders --to-earliest");
  }, 300_000);

  it("continues a group at the log start when records it had not consumed were deleted", async () => {
    const run = (...args: string[]) => helix(["--bootstrap", bootstrap, ...args]);
    expect((await run("topic", "create", "trimmed")).code).toBe(0);
    const lineFile = join(workDir, "trimmed.txt");
    writeFileSync(lineFile, `${Array.from({ length: 10 }, (_unused, index) => `t${index}`).join("\n")}\n`);
    expect((await run("produce", "trimmed", "--file", lineFile)).code).toBe(0);
    const first = await run(
      "consume",
      "trimmed",
      "--group",
      "trim",
      "--from-beginning",
      "--max-messages",
      "3",
    );
    expect(first.stdout).toBe("t0\nt1\nt2\n");
    const client = new HelixClient(bootstrap);
    try {
      await client.deleteRecords("trimmed", 0, 6);
    } finally {
      client.close();
    }
    const second = await run("consume", "trimmed", "--group", "trim", "--max-messages", "4");
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe("t6\nt7\nt8\nt9\n");
    expect(second.stderr).toContain(
      "offsets 3..5 were deleted before group trim consumed them; continuing at 6",
    );
  }, 120_000);

  it("exits 4 and suggests `helix dev` when nothing listens at --bootstrap", async () => {
    const address = `127.0.0.1:${await freePort()}`;
    const unreachable = await helix(["--bootstrap", address, "topic", "list"]);
    expect(unreachable.code).toBe(4);
    expect(unreachable.stderr).toContain(`cannot reach ${address}: is a node running? try \`helix dev\``);
  });
});

describe("helix dev", () => {
  it("starts a one-node cluster, says when it is ready, and stops cleanly on SIGTERM", async () => {
    const basePort = await freePortRange(4);
    const child = spawn(
      process.execPath,
      [
        ...nodeArguments,
        "dev",
        "--nodes",
        "1",
        "--base-port",
        String(basePort),
        "--data-dir-root",
        join(workDir, "dev"),
      ],
      { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    const exited = new Promise<number | null>((resolveExit) =>
      child.once("exit", (code) => resolveExit(code)),
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await waitFor("the readiness line", () => {
        if (child.exitCode !== null) throw new Error(`helix dev exited early:\n${stderr}`);
        return stdout.includes("cluster ready");
      });
      expect(stdout).toContain(`1-node cluster ready; bootstrap 127.0.0.1:${basePort + 1}`);
      const listed = await helix(["--bootstrap", `127.0.0.1:${basePort + 1}`, "topic", "list"]);
      expect(listed.code).toBe(0);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 60_000);
});
