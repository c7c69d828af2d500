/**
 * Kafka clients against three real node processes (issue 10): every node is a broker advertising its
 * own Kafka port; Metadata names the controller leader as the Kafka controller and each partition's
 * Raft leader. KafkaJS, bootstrapped from one node only, creates a topic of 3 partitions with
 * replication factor 3, an idempotent producer writes 1,000 keyed messages (each partition to its own
 * leader), a consumer group reads them all and commits, and a restarted consumer of the group resumes
 * from the commit. Ports are chosen up front (listen on 0, close, reuse); every wait has a deadline.
 */
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { ProcessCluster } from "./process-cluster.js";

let nodes: ProcessCluster | undefined;

afterAll(async () => {
  await nodes?.destroy();
});

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
    const brokers = await ProcessCluster.create({ name: "kafka-three" });
    nodes = brokers;
    onTestFailed(() => console.log(brokers.outputTails()));
    await brokers.startAll();

    const kafka = new Kafka({
      clientId: "helix-e2e-three",
      brokers: [brokers.kafkaAddress(2)],
      logLevel: logLevel.NOTHING,
      retry: { retries: 15, initialRetryTime: 100 },
    });
    const admin = kafka.admin();
    await admin.connect();
    // Every node must be registered (advertised) before the topic can be placed on all three.
    await brokers.waitForKafkaBrokers(admin);
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.map((broker) => broker.port).sort()).toEqual(
      [...brokers.ports.values()].map((each) => each.kafka).sort(),
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
    for (const code of await Promise.all(brokers.ids.map((id) => brokers.stop(id, "SIGTERM"))))
      expect(code).toBe(0);
  });
});
