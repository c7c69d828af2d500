/**
 * kafka-python (Debian's python3-kafka 2.0.2), a third Kafka client implementation beside KafkaJS and
 * librdkafka, against a real node process. Its design follows the Java client: a consumer commits what
 * it consumed before it rejoins a rebalance (onJoinPrepare), and its admin client speaks the classic
 * APIs. The scenarios live in kafka-python/client.py and print one JSON object; see there.
 *   - compat: create a topic, a gzip producer with headers, timestamps and acks=all, keys partitioned by
 *     murmur2, a group consumer that commits, offsets by time, list/describe groups and their offsets,
 *     create partitions, describe configs, delete the topic (the node found stopping on this sequence:
 *     a partition opening while its topic was deleted; fixed in c6a6755);
 *   - rebalance-commit: a member's commit while its group prepares a rebalance is accepted, so the
 *     next owner of its partitions reads nothing twice (200 of 400 records were, before 516627e).
 * And confluent-kafka (python3-confluent-kafka over librdkafka 2.0, kafka-python/confluent.py):
 * librdkafka's idempotent lz4 producer, the cooperative-sticky assignor and static membership: a static
 * member that restarts gets its partitions back with no rebalance (it rebalanced every time before: its
 * fresh metadata owns no partitions, and the coordinator compared metadata, not the selected protocol).
 * The tests fail, not skip, when python3-kafka or python3-confluent-kafka is missing: .ci/run installs
 * both.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SingleNode, startSingleNode } from "./node-process.js";

const run = promisify(execFile);
/** Debian's interpreter: python3-kafka installs into its dist-packages, not into another python3. */
const python = "/usr/bin/python3";
const scripts = join(dirname(fileURLToPath(import.meta.url)), "kafka-python");
const dataRoot = mkdtempSync(join(tmpdir(), "helix-kafka-python-"));
let node: SingleNode | undefined;
let bootstrap = "";

beforeAll(async () => {
  node = await startSingleNode({ dataDir: join(dataRoot, "node") });
  bootstrap = `127.0.0.1:${node.kafkaPort}`;
}, 120_000);

afterAll(() => {
  if (node !== undefined && node.child.exitCode === null) node.child.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
});

/** Runs a script with its arguments and parses the JSON object it printed last. */
async function runScript(
  module: string,
  debianPackage: string,
  script: string,
  args: readonly string[],
): Promise<Record<string, unknown>> {
  try {
    await run(python, ["-c", `import ${module}`]);
  } catch {
    throw new Error(`${python} cannot import ${module}: install Debian's ${debianPackage} (.ci/run does)`);
  }
  const { stdout } = await run(python, [join(scripts, script), bootstrap, ...args], {
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as Record<string, unknown>;
}

/** One scenario of client.py (kafka-python). */
function scenario(name: string, topic: string): Promise<Record<string, unknown>> {
  return runScript("kafka", "python3-kafka", "client.py", [name, topic]);
}

describe("kafka-python against a real node", () => {
  it("compat: admin, gzip produce with headers, group consume and commit, offsets by time, topic deletion", {
    timeout: 180_000,
  }, async () => {
    const result = await scenario("compat", "py-compat-topic");
    expect(result).toMatchObject({
      listed: true,
      produced: 300,
      producedPartitions: [0, 1, 2],
      keysOnOnePartition: true,
      consumed: 300,
      unique: 300,
      headersAndTimestamps: true,
      committedTotal: 300,
      endTotal: 300,
      offsetsForTimes: true,
      groupState: "Empty",
      groupOffsetsTotal: 300,
      partitionsAfterCreate: 4,
      retentionMs: "604800000",
      deleted: true,
    });
    expect(result.groups).toContain("py-compat");
    // The node lived through the topic's deletion right after its partitions grew.
    const health = await fetch(`http://127.0.0.1:${node?.httpPort}/health`);
    expect(health.status).toBe(200);
  });

  it("rebalance-commit: a commit while the group prepares a rebalance counts, so nothing is read twice", {
    timeout: 180_000,
  }, async () => {
    const result = await scenario("rebalance-commit", "py-rebalance-topic");
    expect(result.errors).toEqual([]);
    expect(result.aSeen).toBe(400);
    expect(result.committedTotal).toBe(400);
    expect(result.bSeen).toBe(0);
    // b was given partitions a had consumed (each member's last view of its assignment, taken at
    // different moments, so only that both had some is certain).
    const assignments = result.assignments as Record<string, number[]>;
    expect(assignments.a?.length).toBeGreaterThan(0);
    expect(assignments.b?.length).toBeGreaterThan(0);
  });

  it("confluent-kafka (librdkafka): idempotent lz4 producer, cooperative-sticky group, static member restart", {
    timeout: 180_000,
  }, async () => {
    const result = await runScript("confluent_kafka", "python3-confluent-kafka", "confluent.py", [
      "py-confluent-topic",
    ]);
    expect(result).toMatchObject({
      delivered: 2000,
      deliveryErrors: [],
      consumedAlone: true,
      shared: true,
      returned: true,
      unique: 2000,
      duplicates: 0,
      committedTotal: 2000,
      endTotal: 2000,
      errors: [],
    });
    // The static member came back to its partitions without the other member seeing a rebalance.
    expect(result.firstRebalancesDuringRestart).toEqual([]);
    const before = result.beforeRestart as { first: number[]; second: number[] };
    expect(result.firstHeldDuringRestart).toEqual(before.first);
    expect([...before.first, ...before.second].sort()).toEqual([0, 1, 2, 3]);
  });
});
