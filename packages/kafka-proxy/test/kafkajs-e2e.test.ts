/**
 * End to end with the real KafkaJS client against our listener over the in-memory test backend: an admin
 * creates a topic; an idempotent producer sends 10,000 keyed messages to 3 partitions (issue 10); a group of two
 * consumers receives every message exactly once and commits; restarted consumers resume from the commit;
 * when one member leaves, the other takes every partition.
 */
import { type Consumer, Kafka, logLevel, Partitioners } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryBroker, startMemoryBroker } from "./support/memory-broker.js";
import { waitFor } from "./support/wait-for.js";

const topic = "orders";
const groupId = "order-processors";
const messageCount = 10_000;

describe("KafkaJS end to end", () => {
  let broker: MemoryBroker;
  let kafka: Kafka;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    broker = await startMemoryBroker();
    kafka = new Kafka({
      clientId: "e2e",
      brokers: [broker.address],
      logLevel: logLevel.NOTHING,
      retry: { retries: 5 },
    });
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.disconnect().catch(() => {});
    await broker.close();
  });

  /** A consumer that records what it receives and which partitions it was last assigned. */
  async function startConsumer(received: Map<string, number>) {
    const consumer = kafka.consumer({
      groupId,
      heartbeatInterval: 300,
      maxWaitTimeInMs: 100,
      sessionTimeout: 10_000,
      rebalanceTimeout: 10_000,
    });
    consumers.push(consumer);
    const state = { assigned: [] as number[], joined: false };
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      state.assigned = event.payload.memberAssignment[topic] ?? [];
      state.joined = true;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString() ?? "";
        received.set(key, (received.get(key) ?? 0) + 1);
      },
    });
    return { consumer, state };
  }

  async function produce(keys: string[]): Promise<void> {
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    for (let start = 0; start < keys.length; start += 100) {
      const messages = keys.slice(start, start + 100).map((key) => ({ key, value: `value-of-${key}` }));
      await producer.send({ topic, acks: -1, messages });
    }
    await producer.disconnect();
  }

  async function committedTotal(): Promise<number> {
    const admin = kafka.admin();
    await admin.connect();
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    return (committed?.partitions ?? []).reduce(
      (sum, partition) => sum + Math.max(Number(partition.offset), 0),
      0,
    );
  }

  it("creates a topic with 3 partitions through the admin client", async () => {
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true })).toBe(
      true,
    );
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions.map((partition) => partition.partitionId).sort()).toEqual([
      0, 1, 2,
    ]);
    await admin.disconnect();
  }, 30_000);

  it("delivers 10,000 idempotently produced messages exactly once to a group of two, which commits", async () => {
    const received = new Map<string, number>();
    const first = await startConsumer(received);
    const second = await startConsumer(received);
    await waitFor(
      () =>
        first.state.assigned.length + second.state.assigned.length === 3 &&
        first.state.assigned.length > 0 &&
        second.state.assigned.length > 0,
      30_000,
      "both members to share the 3 partitions",
    );
    await produce(Array.from({ length: messageCount }, (_, index) => `key-${index}`));
    await waitFor(() => received.size === messageCount, 30_000, "every message to arrive");
    expect([...received.values()].every((count) => count === 1)).toBe(true);
    await waitFor(async () => (await committedTotal()) === messageCount, 30_000, "offsets to be committed");
    await first.consumer.disconnect();
    await second.consumer.disconnect();
  }, 90_000);

  it("resumes restarted consumers from the commit, and gives every partition to the member that stays", async () => {
    const received = new Map<string, number>();
    const staying = await startConsumer(received);
    const leaving = await startConsumer(received);
    await waitFor(
      () =>
        staying.state.assigned.length > 0 &&
        leaving.state.assigned.length > 0 &&
        staying.state.assigned.length + leaving.state.assigned.length === 3,
      30_000,
      "the restarted members to share the partitions",
    );
    await produce(Array.from({ length: 30 }, (_, index) => `after-restart-${index}`));
    await waitFor(() => received.size === 30, 30_000, "the new messages");
    expect([...received.keys()].every((key) => key.startsWith("after-restart-"))).toBe(true);

    staying.state.joined = false;
    await leaving.consumer.disconnect();
    await waitFor(
      () => staying.state.joined && staying.state.assigned.length === 3,
      30_000,
      "the remaining member to take every partition",
    );
    await produce(Array.from({ length: 30 }, (_, index) => `after-leave-${index}`));
    await waitFor(() => received.size === 60, 30_000, "messages after the leave");
    expect([...received.values()].every((count) => count === 1)).toBe(true);
    expect(broker.logged.filter((entry) => entry.level === "error")).toEqual([]);
  }, 90_000);
});
