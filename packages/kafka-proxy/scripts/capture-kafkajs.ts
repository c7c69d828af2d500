/**
 * Captures golden request frames from KafkaJS (node_modules/kafkajs): runs the capture server, drives an
 * admin client, an idempotent producer, a consumer group and a SASL/PLAIN login against it, and writes
 * each distinct (api, version) request frame to test/fixtures/kafkajs/<api>-v<version>.bin (the frame
 * without its int32 size prefix).
 *
 *   npx tsx packages/kafka-proxy/scripts/capture-kafkajs.ts
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kafka, logLevel } from "kafkajs";
import { startCaptureServer } from "./capture-server.js";

const fixtureDirectory = join(dirname(fileURLToPath(import.meta.url)), "../test/fixtures/kafkajs");
const topic = "capture-topic";

async function step(name: string, action: () => Promise<unknown>): Promise<void> {
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 5000));
  try {
    await Promise.race([action(), timeout]);
    console.log(`ok   ${name}`);
  } catch (error) {
    console.log(`fail ${name}: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  const server = await startCaptureServer(fixtureDirectory);
  const brokers = [`127.0.0.1:${server.port}`];
  const kafka = new Kafka({
    clientId: "helix-capture",
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 1 },
  });

  const admin = kafka.admin();
  await step("admin connect", () => admin.connect());
  await step("createTopics", () => admin.createTopics({ topics: [{ topic, numPartitions: 1 }] }));
  await step("fetchTopicMetadata", () => admin.fetchTopicMetadata({ topics: [topic] }));
  await step("describeCluster", () => admin.describeCluster());
  await step("createPartitions", () => admin.createPartitions({ topicPartitions: [{ topic, count: 2 }] }));
  await step("describeConfigs", () =>
    admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false }),
  );
  await step("alterConfigs", () =>
    admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: 2, name: topic, configEntries: [{ name: "retention.ms", value: "1000" }] }],
    }),
  );
  await step("fetchTopicOffsets", () => admin.fetchTopicOffsets(topic));
  await step("deleteTopicRecords", () =>
    admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: "0" }] }),
  );
  await step("listGroups", () => admin.listGroups());
  await step("describeGroups", () => admin.describeGroups(["capture-group"]));
  await step("deleteGroups", () => admin.deleteGroups(["capture-group"]));
  await step("deleteTopics", () => admin.deleteTopics({ topics: ["other-topic"] }));
  await step("admin disconnect", () => admin.disconnect());

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await step("producer connect", () => producer.connect());
  await step("send", () =>
    producer.send({
      topic,
      messages: [{ key: "key-1", value: "hello helix", headers: { origin: "capture" } }],
    }),
  );
  await step("producer disconnect", () => producer.disconnect());

  const consumer = kafka.consumer({ groupId: "capture-group", heartbeatInterval: 100, maxWaitTimeInMs: 100 });
  let received = 0;
  await step("consumer connect", () => consumer.connect());
  await step("subscribe", () => consumer.subscribe({ topic, fromBeginning: true }));
  await step("consume one message", async () => {
    await consumer.run({
      autoCommitInterval: 50,
      eachMessage: async () => {
        received++;
      },
    });
    while (received === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    // Let a heartbeat and an offset commit happen before leaving.
    await new Promise((resolve) => setTimeout(resolve, 600));
  });
  await step("consumer disconnect", () => consumer.disconnect());

  const saslKafka = new Kafka({
    clientId: "helix-capture-sasl",
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    sasl: { mechanism: "plain", username: "helix", password: "secret" },
  });
  const saslAdmin = saslKafka.admin();
  await step("sasl connect", () => saslAdmin.connect());
  await step("sasl listTopics", () => saslAdmin.listTopics());
  await step("sasl disconnect", () => saslAdmin.disconnect());

  await server.close();
  console.log([...server.captured.keys()].sort().join("\n"));
}

await main();
