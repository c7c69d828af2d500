/**
 * Captures golden request frames from @platformatic/kafka 1.35 (node_modules/@platformatic/kafka), a client
 * that speaks the flexible versions (Metadata v12, Produce v11, Fetch v17, ...): runs the capture server,
 * drives its Admin, an idempotent Producer, a group Consumer and the raw DescribeProducers and
 * OffsetForLeaderEpoch APIs against it, and writes each distinct (api, version) request frame to
 * test/fixtures/platformatic/<api>-v<version>.bin (the frame without its int32 size prefix).
 *
 *   npx tsx packages/kafka-proxy/scripts/capture-platformatic.ts
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Admin,
  Connection,
  Consumer,
  describeProducersV0,
  offsetForLeaderEpochV4,
  Producer,
  stringDeserializers,
  stringSerializers,
} from "@platformatic/kafka";
import { startCaptureServer } from "./capture-server.js";

const fixtureDirectory = join(dirname(fileURLToPath(import.meta.url)), "../test/fixtures/platformatic");
const topic = "capture-topic";

async function step(name: string, action: () => Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), 5000);
  });
  try {
    await Promise.race([action(), timeout]);
    console.log(`ok   ${name}`);
  } catch (error) {
    console.log(`fail ${name}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const server = await startCaptureServer(fixtureDirectory);
  const bootstrapBrokers = [`127.0.0.1:${server.port}`];
  const common = { clientId: "helix-capture", bootstrapBrokers, retries: 1 };

  const admin = new Admin(common);
  await step("createTopics", () => admin.createTopics({ topics: [topic], partitions: 1, replicas: 1 }));
  await step("listTopics", () => admin.listTopics());
  await step("createPartitions", () =>
    admin.createPartitions({ topics: [{ name: topic, count: 2, assignments: [] }] }),
  );
  await step("describeConfigs", () =>
    admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: topic, configurationKeys: [] }] }),
  );
  await step("alterConfigs", () =>
    admin.alterConfigs({
      resources: [
        { resourceType: 2, resourceName: topic, configs: [{ name: "retention.ms", value: "1000" }] },
      ],
    }),
  );
  await step("incrementalAlterConfigs", () =>
    admin.incrementalAlterConfigs({
      resources: [
        {
          resourceType: 2,
          resourceName: topic,
          configs: [{ name: "retention.ms", configOperation: 0, value: "2000" }],
        },
      ],
    }),
  );
  await step("listOffsets", () =>
    admin.listOffsets({ topics: [{ name: topic, partitions: [{ partitionIndex: 0, timestamp: -1n }] }] }),
  );
  await step("deleteRecords", () =>
    admin.deleteRecords({ topics: [{ name: topic, partitions: [{ partition: 0, offset: 0n }] }] }),
  );
  await step("listGroups", () => admin.listGroups());
  await step("describeGroups", () => admin.describeGroups({ groups: ["capture-group"] }));
  await step("deleteGroups", () => admin.deleteGroups({ groups: ["capture-group"] }));
  await step("deleteTopics", () => admin.deleteTopics({ topics: ["other-topic"] }));
  await step("admin close", () => admin.close());

  const producer = new Producer({ ...common, idempotent: true, serializers: stringSerializers });
  await step("send", () =>
    producer.send({
      messages: [{ topic, key: "key-1", value: "hello helix", headers: { origin: "capture" } }],
    }),
  );
  await step("producer close", () => producer.close());

  const consumer = new Consumer({
    ...common,
    groupId: "capture-group",
    deserializers: stringDeserializers,
    maxWaitTime: 100,
  });
  await step("consume one message and commit", async () => {
    const stream = await consumer.consume({
      topics: [topic],
      mode: "earliest",
      autocommit: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 100,
    });
    for await (const message of stream) {
      await message.commit();
      break;
    }
    // Let a heartbeat happen before leaving.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await stream.close();
  });
  await step("listCommittedOffsets", () =>
    consumer.listCommittedOffsets({ topics: [{ topic, partitions: [0] }] }),
  );
  await step("consumer close", () => consumer.close());

  const connection = new Connection("helix-capture");
  await step("connect", () => connection.connect("127.0.0.1", server.port));
  await step("describeProducers v0", () =>
    describeProducersV0.api.async(connection, [{ name: topic, partitionIndexes: [0] }]),
  );
  await step("offsetForLeaderEpoch v4", () =>
    offsetForLeaderEpochV4.api.async(connection, -1, [
      { name: topic, partitions: [{ partitionIndex: 0, currentLeaderEpoch: 0, leaderEpoch: 0 }] },
    ]),
  );
  await step("connection close", () => connection.close());

  await server.close();
  console.log([...server.captured.keys()].sort().join("\n"));
}

await main();
