/**
 * ListOffsets and DeleteRecords through the Kafka protocol against a real node process (issue 10):
 *   - KafkaJS writes records with known timestamps in several batches; ListOffsets by timestamp
 *     (KafkaJS fetchTopicOffsetsByTimestamp, ListOffsets v3; and kcat -Q, librdkafka's offsetsForTimes)
 *     answers the first offset whose timestamp is at or after the time, -1 past the last one;
 *   - ListOffsets MAX_TIMESTAMP (-3, KIP-734, raw v7 frame: no client library sends it yet) names the
 *     record with the largest timestamp, which is not the last one written;
 *   - DeleteRecords (KafkaJS deleteTopicRecords, v1) moves the low watermark; earliest (-2) and a
 *     consumer from the beginning then start there; deleting past the high watermark is refused with
 *     OFFSET_OUT_OF_RANGE; and the new log start survives a restart of the node (it went through Raft);
 *   - DescribeConfigs of the broker lists its read-only settings (auto.create.topics.enable=false).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { encodeRequestFrame, FrameSplitter, ListOffsets, Reader } from "@helixlog/kafka-proxy";
import { ConfigResourceTypes, Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type NodeProcess, startNodeProcess, waitForHealthy } from "./node-process.js";

const run = promisify(execFile);
const dataRoot = mkdtempSync(join(tmpdir(), "helix-kafka-offsets-"));
const started: NodeProcess[] = [];
const topic = "timed";

afterAll(() => {
  for (const node of started) if (node.child.exitCode === null) node.child.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
});

async function start(kafkaPort: number): Promise<NodeProcess> {
  const node = await startNodeProcess([
    "--data-dir",
    join(dataRoot, "node"),
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

/** ListOffsets v7 (flexible: response header v1) for partition 0 of `topic`, over a raw connection. */
async function listOffsetV7(port: number, timestamp: bigint): Promise<{ offset: bigint; timestamp: bigint }> {
  const frame = encodeRequestFrame(
    { requestApiKey: 2, requestApiVersion: 7, correlationId: 7, clientId: "offsets-test" },
    {
      ...ListOffsets.defaultListOffsetsRequest(),
      replicaId: -1,
      topics: [
        {
          ...ListOffsets.defaultListOffsetsTopic(),
          name: topic,
          partitions: [{ ...ListOffsets.defaultListOffsetsPartition(), partitionIndex: 0, timestamp }],
        },
      ],
    },
  );
  const socket = connect(port, "127.0.0.1");
  const splitter = new FrameSplitter();
  const answer = new Promise<Uint8Array>((resolve, reject) => {
    socket.on("data", (chunk) => {
      const [response] = splitter.push(chunk);
      if (response !== undefined) resolve(response);
    });
    socket.on("error", reject);
    socket.on("close", () => reject(new Error("closed before answering")));
  });
  const prefix = new Uint8Array(4);
  new DataView(prefix.buffer).setInt32(0, frame.length);
  socket.write(prefix);
  socket.write(frame);
  const response = await answer;
  socket.destroy();
  const reader = new Reader(response);
  expect(reader.readInt32()).toBe(7);
  reader.readTaggedFieldCount();
  const body = ListOffsets.listOffsetsApi.response.decode[7]!(reader);
  const partition = body.topics[0]?.partitions[0];
  expect(partition?.errorCode).toBe(0);
  return { offset: partition!.offset, timestamp: partition!.timestamp };
}

describe("Kafka ListOffsets and DeleteRecords against a real node", () => {
  it("by timestamp, max timestamp, delete records, and the log start after a restart", {
    timeout: 240_000,
  }, async () => {
    const kafkaPort = await freePort();
    let node = await start(kafkaPort);
    const kafka = new Kafka({
      clientId: "helix-offsets",
      brokers: [`127.0.0.1:${kafkaPort}`],
      logLevel: logLevel.NOTHING,
      retry: { retries: 10, initialRetryTime: 100 },
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    // Offsets 0-2 at 1000, 2000, 3000 (one batch); 3-4 at 9000 and 4000 (one batch); 5 at 5000.
    // The largest timestamp (9000) is offset 3, not the last record.
    const sends = [[1_000, 2_000, 3_000], [9_000, 4_000], [5_000]];
    let number = 0;
    for (const timestamps of sends) {
      await producer.send({
        topic,
        acks: -1,
        messages: timestamps.map((timestamp) => ({
          value: `record-${number++}`,
          timestamp: String(timestamp),
        })),
      });
    }
    await producer.disconnect();

    const byTime = async (timestamp: number) =>
      (await admin.fetchTopicOffsetsByTimestamp(topic, timestamp))[0]?.offset;
    expect(await byTime(0)).toBe("0");
    expect(await byTime(1_000)).toBe("0");
    expect(await byTime(1_500)).toBe("1");
    expect(await byTime(3_500)).toBe("3");
    expect(await byTime(4_500)).toBe("3");
    expect(await byTime(9_000)).toBe("3");
    // Past the last timestamp the broker answers -1; KafkaJS turns that into the high watermark.
    expect(await byTime(9_001)).toBe("6");

    // librdkafka's offsetsForTimes: kcat -Q prints "<topic> [<partition>] offset <offset>".
    const kcat = await run("/usr/bin/kcat", ["-b", `127.0.0.1:${kafkaPort}`, "-Q", "-t", `${topic}:0:2500`], {
      timeout: 30_000,
    });
    expect(kcat.stdout).toMatch(/offset 2\b/);

    expect(await listOffsetV7(kafkaPort, -3n)).toEqual({ offset: 3n, timestamp: 9_000n });
    expect(await listOffsetV7(kafkaPort, 4_000n)).toEqual({ offset: 3n, timestamp: 9_000n });
    expect(await listOffsetV7(kafkaPort, 9_001n)).toEqual({ offset: -1n, timestamp: -1n });

    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: "2" }] });
    expect(await admin.fetchTopicOffsets(topic)).toEqual([
      { partition: 0, offset: "6", high: "6", low: "2" },
    ]);
    expect(await byTime(1_000)).toBe("2");
    await expect(
      admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: "7" }] }),
    ).rejects.toThrow();
    expect((await admin.fetchTopicOffsets(topic))[0]?.low).toBe("2");

    // Broker configs are read-only settings; auto-creation is off.
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.BROKER, name: "1" }],
    });
    const entries = described.resources[0]?.configEntries ?? [];
    expect(described.resources[0]?.errorCode).toBe(0);
    expect(entries.find((entry) => entry.configName === "auto.create.topics.enable")).toMatchObject({
      configValue: "false",
      readOnly: true,
    });
    expect(entries.find((entry) => entry.configName === "broker.id")?.configValue).toBe("1");
    await admin.disconnect();

    const consumer = kafka.consumer({ groupId: "offsets-readers", maxWaitTimeInMs: 200 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`saw ${seen.join(",")}`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(`${message.offset}:${message.value?.toString()}`);
          if (seen.length >= 4) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    expect(seen).toEqual(["2:record-2", "3:record-3", "4:record-4", "5:record-5"]);

    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);
    node = await start(kafkaPort);
    const after = kafka.admin();
    await after.connect();
    expect(await after.fetchTopicOffsets(topic)).toEqual([
      { partition: 0, offset: "6", high: "6", low: "2" },
    ]);
    await after.disconnect();
    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);
  });
});
