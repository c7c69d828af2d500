/**
 * Kafka clients against three real node processes (issue 10): every node is a broker advertising its
 * own Kafka port; Metadata names the controller leader as the Kafka controller and each partition's
 * Raft leader. KafkaJS, bootstrapped from one node only, creates a topic of 3 partitions with
 * replication factor 3, an idempotent producer writes 1,000 keyed messages (each partition to its own
 * leader), a consumer group reads them all and commits, and a restarted consumer of the group resumes
 * from the commit. Ports are chosen up front (listen on 0, close, reuse); every wait has a deadline.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type NodeProcess, startNodeProcess, waitForHealthy } from "./node-process.js";

const dataRoot = mkdtempSync(join(tmpdir(), "helix-kafka-three-"));
const processes: NodeProcess[] = [];

afterAll(() => {
  for (const node of processes) if (node.child.exitCode === null) node.child.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
});

interface NodePorts {
  readonly peer: number;
  readonly kafka: number;
}

async function startNode(id: number, ports: Map<number, NodePorts>): Promise<NodeProcess> {
  const own = ports.get(id) as NodePorts;
  const peers = [...ports].map(([peer, each]) => `${peer}=127.0.0.1:${each.peer}`).join(",");
  const node = await startNodeProcess([
    "--node-id",
    String(id),
    "--peers",
    peers,
    "--data-dir",
    join(dataRoot, `node-${id}`),
    "--grpc-addr",
    "127.0.0.1:0",
    "--http-addr",
    "127.0.0.1:0",
    "--peer-addr",
    `127.0.0.1:${own.peer}`,
    "--kafka-addr",
    `127.0.0.1:${own.kafka}`,
    "--advertised-kafka-addr",
    `127.0.0.1:${own.kafka}`,
  ]);
  processes.push(node);
  await waitForHealthy(node);
  return node;
}

/** Runs a consumer of `groupId` until it has seen `count` messages, then a little longer, then stops. */
async function consume(kafka: Kafka, groupId: string, topic: string, count: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
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
      setTimeout(() => reject(new Error(`saw ${seen.length} of ${count} messages`)), 90_000),
    ),
  ]);
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

describe("Kafka clients against three nodes", () => {
  it("KafkaJS: topic with replication factor 3, idempotent produce, group consume and resume", {
    timeout: 240_000,
  }, async () => {
    const ports = new Map<number, NodePorts>();
    for (const id of [1, 2, 3]) ports.set(id, { peer: await freePort(), kafka: await freePort() });
    await Promise.all([1, 2, 3].map((id) => startNode(id, ports)));

    const kafka = new Kafka({
      clientId: "helix-e2e-three",
      brokers: [`127.0.0.1:${ports.get(2)?.kafka}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 15, initialRetryTime: 100 },
    });
    const admin = kafka.admin();
    await admin.connect();
    // Every node must be registered (advertised) before the topic can be placed on all three.
    const deadline = Date.now() + 30_000;
    while ((await admin.describeCluster()).brokers.length < 3) {
      if (Date.now() > deadline) throw new Error("the brokers did not all register");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.map((broker) => broker.port).sort()).toEqual(
      [...ports.values()].map((each) => each.kafka).sort(),
    );
    expect([1, 2, 3]).toContain(cluster.controller);
    await admin.createTopics({
      topics: [{ topic: "replicated", numPartitions: 3, replicationFactor: 3 }],
    });

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let from = 0; from < 1_000; from += 100)
      await producer.send({ topic: "replicated", messages: messages(from, from + 100) });

    const first = await consume(kafka, "replicated-readers", "replicated", 1_000);
    expect(first).toHaveLength(1_000);
    expect(new Set(first).size).toBe(1_000);
    const offsets = await admin.fetchOffsets({ groupId: "replicated-readers", topics: ["replicated"] });
    const total = offsets[0]?.partitions.reduce((sum, partition) => sum + Number(partition.offset), 0);
    expect(total).toBe(1_000);

    await producer.send({ topic: "replicated", messages: messages(1_000, 1_010) });
    await producer.disconnect();
    const second = await consume(kafka, "replicated-readers", "replicated", 10);
    expect(second.sort()).toEqual(
      messages(1_000, 1_010)
        .map((message) => `${message.key}=${message.value}`)
        .sort(),
    );
    await admin.disconnect();
    for (const node of processes) node.child.kill("SIGTERM");
    for (const node of processes) expect(await node.exited).toBe(0);
  });
});
