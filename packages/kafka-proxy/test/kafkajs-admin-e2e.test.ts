/**
 * End to end with the KafkaJS admin client: topic and partition admin, configs, record deletion, and
 * group listing, description and deletion (NON_EMPTY_GROUP while a member is active).
 */
import { ConfigResourceTypes, type Consumer, Kafka, logLevel, Partitioners } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryBroker, startMemoryBroker } from "./support/memory-broker.js";
import { waitFor } from "./support/wait-for.js";

describe("KafkaJS admin end to end", () => {
  let broker: MemoryBroker;
  let kafka: Kafka;
  const admin = () => kafka.admin();
  let client: ReturnType<typeof admin>;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    broker = await startMemoryBroker();
    kafka = new Kafka({
      clientId: "admin-e2e",
      brokers: [broker.address],
      logLevel: logLevel.NOTHING,
      retry: { retries: 3 },
    });
    client = kafka.admin();
    await client.connect();
  });

  afterAll(async () => {
    await consumer?.disconnect().catch(() => {});
    await client.disconnect();
    await broker.close();
  });

  it("creates, grows, lists and deletes topics", async () => {
    await client.createTopics({
      topics: [
        { topic: "admin-a", numPartitions: 1 },
        { topic: "admin-b", numPartitions: 2 },
      ],
    });
    expect(await client.createTopics({ topics: [{ topic: "admin-a" }] })).toBe(false);
    await client.createPartitions({ topicPartitions: [{ topic: "admin-a", count: 3 }] });
    const metadata = await client.fetchTopicMetadata({ topics: ["admin-a"] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
    await client.deleteTopics({ topics: ["admin-b"] });
    expect((await client.listTopics()).sort()).toEqual(["admin-a"]);
  }, 30_000);

  it("describes and alters topic configs", async () => {
    await client.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: "admin-a",
          configEntries: [{ name: "retention.ms", value: "1000" }],
        },
      ],
    });
    const described = await client.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: "admin-a", configNames: ["retention.ms"] }],
    });
    expect(
      described.resources[0]?.configEntries.map((entry) => [entry.configName, entry.configValue]),
    ).toEqual([["retention.ms", "1000"]]);
  }, 30_000);

  it("deletes records below an offset", async () => {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: "admin-a",
      messages: [0, 1, 2, 3].map((index) => ({ partition: 0, value: `v${index}` })),
    });
    await producer.disconnect();
    await client.deleteTopicRecords({ topic: "admin-a", partitions: [{ partition: 0, offset: "2" }] });
    const offsets = await client.fetchTopicOffsets("admin-a");
    expect(offsets.find((partition) => partition.partition === 0)).toMatchObject({ low: "2", high: "4" });
  }, 30_000);

  it("lists and describes groups, and refuses to delete one with an active member", async () => {
    consumer = kafka.consumer({ groupId: "admin-group", heartbeatInterval: 300, maxWaitTimeInMs: 100 });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: ["admin-a"] });
    await consumer.run({ eachMessage: async () => {} });
    await waitFor(() => joined, 30_000, "the consumer to join");
    expect((await client.listGroups()).groups).toEqual([
      { groupId: "admin-group", protocolType: "consumer" },
    ]);
    const described = await client.describeGroups(["admin-group"]);
    expect(described.groups[0]).toMatchObject({
      groupId: "admin-group",
      state: "Stable",
      protocol: "RoundRobinAssigner",
    });
    await expect(client.deleteGroups(["admin-group"])).rejects.toThrow();
    await consumer.disconnect();
    consumer = undefined;
    expect(await client.deleteGroups(["admin-group"])).toEqual([{ groupId: "admin-group", errorCode: 0 }]);
    expect(broker.logged.filter((entry) => entry.level === "error")).toEqual([]);
  }, 60_000);
});
