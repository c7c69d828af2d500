/**
 * Kafka quotas against a real node process (issue 12): a quota for client id "loader" (500 KB/s of
 * produce bytes, stored in the controller through the gRPC admin API) holds a KafkaJS producer that
 * sends flat out: its responses carry throttle_time_ms > 0 (KafkaJS logs the client-side throttle it
 * applies, KIP-219), the node mutes its connection meanwhile, and over a measured window after warm-up
 * the acknowledged bytes stay within 10 % of the rate (the charge is the request size, a few percent
 * above the values counted here). Every message acknowledged is then read back. Bounded: ~15 s of load.
 * A topic quota (issue 12's topic level) on one client id's use of "orders" throttles its produces
 * there, while the same client's produces to "clicks" are never throttled (a few seconds more).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HelixClient } from "@helixlog/server";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { retrying, type SingleNode, startSingleNode } from "./node-process.js";

const dataDir = mkdtempSync(join(tmpdir(), "helix-kafka-quota-"));
let node: SingleNode | undefined;
let admin: HelixClient | undefined;

afterAll(async () => {
  admin?.close();
  if (node !== undefined && node.child.exitCode === null) node.child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

const rate = 500_000;
const burst = 100_000;
const valueBytes = 5_000;
const messagesPerSend = 20;
const warmUpMs = 3_000;
const windowMs = 10_000;

describe("Kafka quotas", () => {
  it("throttles a quota'd KafkaJS producer with throttle_time_ms and holds it to its rate", {
    timeout: 120_000,
  }, async () => {
    node = await startSingleNode({ dataDir });
    const kafkaPort = node.kafkaPort;
    admin = new HelixClient(node.grpcAddress, { deadlineMs: 30_000 });
    await retrying(() => admin!.createTopic({ name: "metered", partitions: 1, replicationFactor: 1 }));
    // Kafka callers without SASL are the principal "anonymous"; the quota is its client id's.
    await admin.setQuota(
      { principal: "anonymous", clientId: "loader" },
      { produceBytesPerSecond: rate, produceBurstBytes: burst },
    );

    const throttles: number[] = [];
    const kafka = new Kafka({
      clientId: "loader",
      brokers: [`127.0.0.1:${kafkaPort}`],
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => {
        const match = /Client side throttling in effect for (\d+)ms/.exec(entry.log.message);
        if (match !== null) throttles.push(Number(match[1]));
      },
      retry: { retries: 10 },
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const value = Buffer.alloc(valueBytes, 3);
    const batch = Array.from({ length: messagesPerSend }, () => ({ value }));
    const startedAt = Date.now();
    const from = startedAt + warmUpMs;
    const to = from + windowMs;
    let windowBytes = 0;
    let acknowledged = 0;
    while (Date.now() < to) {
      await producer.send({ topic: "metered", acks: -1, messages: batch });
      acknowledged += messagesPerSend;
      const now = Date.now();
      if (now >= from && now < to) windowBytes += messagesPerSend * valueBytes;
    }
    await producer.disconnect();
    const measured = windowBytes / (windowMs / 1000);
    const metrics = await (await fetch(`http://127.0.0.1:${node.httpPort}/metrics`)).text();
    console.log("kafka quota", JSON.stringify({ measured, throttles: throttles.length, acknowledged }));
    expect(throttles.length).toBeGreaterThan(0);
    expect(Math.max(...throttles)).toBeGreaterThan(0);
    expect(measured).toBeGreaterThanOrEqual(rate * 0.9);
    expect(measured).toBeLessThanOrEqual(rate * 1.1);
    expect(metrics).toMatch(/helix_flow_throttled_seconds_total\{[^}]*principal="anonymous"[^}]*\} [1-9]/);
    // Nothing acknowledged was lost.
    const offsets = await admin.listOffsets({ topic: "metered", spec: "OFFSET_SPEC_LATEST" });
    expect(offsets[0]?.offset).toBe(acknowledged);
  });

  it("throttles a client's produces to a topic with a topic quota, and not its produces elsewhere", {
    timeout: 60_000,
  }, async () => {
    if (node === undefined || admin === undefined) throw new Error("the test above starts the node");
    for (const name of ["orders", "clicks"]) {
      await retrying(() => admin!.createTopic({ name, partitions: 1, replicationFactor: 1 }));
    }
    await admin.setQuota(
      { principal: "anonymous", clientId: "splitter", topic: "orders" },
      { produceBytesPerSecond: 200_000, produceBurstBytes: 50_000 },
    );
    const throttles: number[] = [];
    const kafka = new Kafka({
      clientId: "splitter",
      brokers: [`127.0.0.1:${node.kafkaPort}`],
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => {
        const match = /Client side throttling in effect for (\d+)ms/.exec(entry.log.message);
        if (match !== null) throttles.push(Number(match[1]));
      },
      retry: { retries: 10 },
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      const value = Buffer.alloc(valueBytes, 5);
      const batch = Array.from({ length: messagesPerSend }, () => ({ value }));
      // 1 MB to a topic without a quota: never throttled.
      for (let send = 0; send < 10; send++)
        await producer.send({ topic: "clicks", acks: -1, messages: batch });
      expect(throttles).toEqual([]);
      // 300 KB to "orders", twice over its 50 KB burst after the first send: throttled.
      for (let send = 0; send < 3; send++)
        await producer.send({ topic: "orders", acks: -1, messages: batch });
      expect(throttles.length).toBeGreaterThan(0);
    } finally {
      await producer.disconnect();
    }
  });
});
