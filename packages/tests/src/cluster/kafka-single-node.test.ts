/**
 * Kafka clients against a real node process (issue 10): the node's embedded Kafka listener serves
 * KafkaJS and kcat (librdkafka) end to end.
 *   - KafkaJS creates a topic of 3 partitions, an idempotent producer writes 1,000 keyed messages, a
 *     consumer group reads them all and commits; a restarted consumer of the same group resumes from the
 *     commit and sees only what was produced after it, and so does one after the node itself restarted
 *     (the offsets live in the controller's replicated KV store, rebuilt from the WAL);
 *   - kcat lists the metadata (-L), produces and consumes.
 * The Kafka port is chosen up front (listen on 0, close, reuse): clients must be told the real port.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ConfigResourceTypes, type Consumer, Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type NodeProcess, startNodeProcess, waitForHealthy } from "./node-process.js";

const run = promisify(execFile);
const kcat = "/usr/bin/kcat";
const dataRoot = mkdtempSync(join(tmpdir(), "helix-kafka-single-"));
const started: NodeProcess[] = [];

afterAll(() => {
  for (const node of started) if (node.child.exitCode === null) node.child.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
});

/** Each test has its own data directory: a node registers its Kafka address once per cluster. */
async function start(name: string, kafkaPort: number): Promise<NodeProcess> {
  const node = await startNodeProcess([
    "--data-dir",
    join(dataRoot, name),
    "--grpc-addr",
    "127.0.0.1:0",
    "--http-addr",
    "127.0.0.1:0",
    "--peer-addr",
    "127.0.0.1:0",
    "--kafka-addr",
    `127.0.0.1:${kafkaPort}`,
    "--advertised-kafka-addr",
    `127.0.0.1:${kafkaPort}`,
  ]);
  started.push(node);
  await waitForHealthy(node);
  return node;
}

/** Runs a consumer of `groupId` until it has seen `count` messages; resolves with their "key=value". */
async function consume(kafka: Kafka, groupId: string, topic: string, count: number): Promise<string[]> {
  const consumer: Consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen: string[] = [];
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(`${message.key?.toString()}=${message.value?.toString()}`);
        if (seen.length >= count) resolve();
      },
    });
  });
  await Promise.race([
    done,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`saw ${seen.length} of ${count} messages`)), 60_000),
    ),
  ]);
  // Give a message past the expected count a moment to show up, then stop: stopping commits.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await consumer.disconnect();
  return seen;
}

function messages(from: number, to: number) {
  return Array.from({ length: to - from }, (_, index) => ({
    key: `key-${(from + index) % 17}`,
    value: `value-${from + index}`,
  }));
}

describe("Kafka clients against a real node", () => {
  it("KafkaJS: idempotent produce, group consume, commit, resume after consumer and node restarts", {
    timeout: 240_000,
  }, async () => {
    const kafkaPort = await freePort();
    let node = await start("kafkajs", kafkaPort);
    const kafka = new Kafka({
      clientId: "helix-e2e",
      brokers: [`127.0.0.1:${kafkaPort}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 10, initialRetryTime: 100 },
    });
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.createTopics({ topics: [{ topic: "orders", numPartitions: 3 }] })).toBe(true);
    // A new cluster draws its id at random, Kafka's 22 characters (`--cluster-id` names it instead).
    const { clusterId } = await admin.describeCluster();
    expect(clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await admin.disconnect();

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let from = 0; from < 1_000; from += 100)
      await producer.send({ topic: "orders", messages: messages(from, from + 100) });

    const first = await consume(kafka, "readers", "orders", 1_000);
    expect(first).toHaveLength(1_000);
    expect(new Set(first).size).toBe(1_000);

    const committed = kafka.admin();
    await committed.connect();
    const offsets = await committed.fetchOffsets({ groupId: "readers", topics: ["orders"] });
    await committed.disconnect();
    const total = offsets[0]?.partitions.reduce((sum, partition) => sum + Number(partition.offset), 0);
    expect(total).toBe(1_000);

    await producer.send({ topic: "orders", messages: messages(1_000, 1_010) });
    await producer.disconnect();
    const second = await consume(kafka, "readers", "orders", 10);
    expect(second.sort()).toEqual(
      messages(1_000, 1_010)
        .map((message) => `${message.key}=${message.value}`)
        .sort(),
    );

    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);
    node = await start("kafkajs", kafkaPort);
    const restartedAdmin = kafka.admin();
    await restartedAdmin.connect();
    expect((await restartedAdmin.describeCluster()).clusterId).toBe(clusterId);
    await restartedAdmin.disconnect();
    const afterRestart = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await afterRestart.connect();
    await afterRestart.send({ topic: "orders", messages: messages(1_010, 1_015) });
    await afterRestart.disconnect();
    const third = await consume(kafka, "readers", "orders", 5);
    expect(third.sort()).toEqual(
      messages(1_010, 1_015)
        .map((message) => `${message.key}=${message.value}`)
        .sort(),
    );
    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);
  });

  it("kcat: metadata, produce and consume", { timeout: 120_000 }, async () => {
    // A missing kcat fails the test instead of skipping it: .ci/run installs it (apt-get install kcat).
    expect(existsSync(kcat), `${kcat} is missing; install the Debian package kcat`).toBe(true);
    const kafkaPort = await freePort();
    const node = await start("kcat", kafkaPort);
    const broker = `127.0.0.1:${kafkaPort}`;
    const admin = new Kafka({ brokers: [broker], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "kcat-topic", numPartitions: 2 }] });
    await admin.disconnect();

    const listing = await run(kcat, ["-b", broker, "-L", "-t", "kcat-topic", "-m", "10"]);
    expect(listing.stdout).toContain(`at ${broker}`);
    expect(listing.stdout).toContain('topic "kcat-topic" with 2 partitions');

    await new Promise<void>((resolve, reject) => {
      const child = execFile(kcat, ["-b", broker, "-P", "-t", "kcat-topic", "-p", "0", "-K", ":"], (error) =>
        error ? reject(error) : resolve(),
      );
      child.stdin?.end("a:one\nb:two\nc:three\n");
    });
    const consumed = await run(kcat, [
      "-b",
      broker,
      "-C",
      "-t",
      "kcat-topic",
      "-p",
      "0",
      "-o",
      "beginning",
      "-e",
      "-q",
      "-f",
      "%k=%s\\n",
    ]);
    expect(consumed.stdout.trim().split("\n")).toEqual(["a=one", "b=two", "c=three"]);
    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);
  });

  it("KafkaJS admin: grows a topic's partitions and alters its configs", { timeout: 120_000 }, async () => {
    const kafkaPort = await freePort();
    await start("admin", kafkaPort);
    const kafka = new Kafka({
      clientId: "helix-admin",
      brokers: [`127.0.0.1:${kafkaPort}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 10, initialRetryTime: 100 },
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: "growing", numPartitions: 1 }] });
    await admin.createPartitions({ topicPartitions: [{ topic: "growing", count: 4 }] });
    const metadata = await admin.fetchTopicMetadata({ topics: ["growing"] });
    expect(metadata.topics[0]?.partitions).toHaveLength(4);
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: "growing",
          configEntries: [{ name: "retention.ms", value: "60000" }],
        },
      ],
    });
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: "growing", configNames: ["retention.ms"] }],
    });
    expect(
      described.resources[0]?.configEntries.find((entry) => entry.configName === "retention.ms")?.configValue,
    ).toBe("60000");
    await expect(
      admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: "growing",
            configEntries: [{ name: "retention.ms", value: "soon" }],
          },
        ],
      }),
    ).rejects.toThrow();
    await admin.disconnect();
  });
});
