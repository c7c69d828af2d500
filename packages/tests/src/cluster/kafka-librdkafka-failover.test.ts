/**
 * librdkafka's idempotent producer (python3-confluent-kafka over librdkafka 2.0) while the leader of a
 * partition is killed, against three node processes. Unlike KafkaJS in kafka-leader-failover.test.ts
 * (one request in flight), librdkafka keeps up to 5 requests in flight per connection with sequence
 * numbers, so a leader change meets batches in flight on every partition: the new leader must accept
 * their retries in order, answer duplicates from the producer state, and never lose an acknowledged one.
 *   - the script (kafka-python/failover.py) produces to 3 partitions with acks=all, prints READY after
 *     5,000 acknowledgements and keeps producing; the test kills partition 0's leader (SIGKILL) and says
 *     so on the script's stdin; the script needs 5,000 more acknowledgements, flushes, reads all back;
 *   - every acknowledged record is read back exactly once, none fails, nothing appears that was not sent.
 * Tried by hand before (two runs, nodes 1 and 2 killed and restarted): about 366,000 records each, 0
 * failed, 0 duplicates, 0 missing.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { ProcessCluster } from "./process-cluster.js";

const python = "/usr/bin/python3";
const script = join(dirname(fileURLToPath(import.meta.url)), "kafka-python", "failover.py");
const topic = "librdkafka-failover";
let cluster: ProcessCluster | undefined;

afterAll(async () => {
  await cluster?.destroy();
});

describe("Kafka: the partition leader killed under librdkafka's idempotent producer", () => {
  it("keeps every acknowledged record exactly once", { timeout: 420_000 }, async () => {
    const nodes = await ProcessCluster.create({ name: "librdkafka-failover" });
    cluster = nodes;
    onTestFailed(() => console.log(nodes.outputTails()));
    await nodes.startAll();
    const kafka = new Kafka({
      clientId: "helix-librdkafka-failover",
      brokers: nodes.ids.map((id) => nodes.kafkaAddress(id)),
      logLevel: logLevel.NOTHING,
      retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
    const admin = kafka.admin();
    await admin.connect();
    await nodes.waitForKafkaBrokers(admin);
    await admin.createTopics({
      topics: [{ topic, numPartitions: 3, replicationFactor: 3 }],
      waitForLeaders: true,
    });

    const child = spawn(python, [script, nodes.ids.map((id) => nodes.kafkaAddress(id)).join(","), topic], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    onTestFailed(() => console.log(`failover.py stderr:\n${stderr}`));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const ready = new Promise<void>((resolve, reject) => {
      child.on("error", reject);
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes("READY\n")) resolve();
      });
      void exited.then(() => reject(new Error(`failover.py exited before READY:\n${stdout}\n${stderr}`)));
    });
    await ready;
    // The leader as clients see it (Metadata), killed while the producer has requests in flight.
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    const victim = metadata.topics[0]?.partitions.find((partition) => partition.partitionId === 0)?.leader;
    expect([1, 2, 3]).toContain(victim);
    await nodes.stop(victim as number, "SIGKILL");
    child.stdin.write("killed\n");
    await admin.disconnect();

    expect(await exited).toBe(0);
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
    console.log(
      `librdkafka failover: killed node ${victim}; ${result.acked} records acknowledged (${result.ackedAfterKill} after the kill), ${result.read} read back`,
    );
    expect(result).toMatchObject({ failed: [], unflushed: 0, duplicates: 0, missing: 0, neverSent: 0 });
    expect(result.ackedAfterKill).toBeGreaterThanOrEqual(5000);
    expect(result.read).toBe(result.acked);
  });
});
