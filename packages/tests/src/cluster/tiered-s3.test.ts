/**
 * Tiered storage end to end against a real S3-compatible server (issue 11): s3rver runs in this process
 * on 127.0.0.1 (port chosen by the OS, data in a temporary directory); a real node process is started
 * with `--object-store s3` (credentials from the standard AWS chain: the environment). A topic with
 * tiering on and 16 KiB segments receives 3,000 records from KafkaJS; the test waits until sealed
 * segments are uploaded and deleted locally, then reads everything back from offset 0 through gRPC
 * Fetch (stored batches, record by record against what was produced) and through a KafkaJS consumer
 * group starting at the earliest offset (ListOffsets earliest reports the tiered start, 0).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { batchNextOffset, batchSize, decodeRecords, readRecordBatchHeader } from "@helixlog/core";
import { Kafka, logLevel } from "kafkajs";
import S3rver from "s3rver";
import { afterAll, describe, expect, it } from "vitest";
import { call, grpcClients, retrying, type SingleNode, startSingleNode } from "./node-process.js";

const bucket = "helix-tier-it";
const topic = "cold";
const total = 3_000;
const root = mkdtempSync(join(tmpdir(), "helix-tiered-s3-"));
const dataDir = join(root, "node");
let server: S3rver | undefined;
let node: SingleNode | undefined;

afterAll(async () => {
  if (node !== undefined && node.child.exitCode === null) node.child.kill("SIGKILL");
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

function message(index: number): { key: string; value: string } {
  return { key: `key-${index % 13}`, value: `value-${index}-${"z".repeat(100 + (index % 37))}` };
}

function localSegments(): number[] {
  return readdirSync(join(dataDir, "partitions", `${topic}-0`))
    .filter((name) => name.endsWith(".log"))
    .map((name) => Number(name.slice(0, 20)))
    .sort((a, b) => a - b);
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline)
      throw new Error(`not reached within ${timeoutMs} ms: ${what}\n${node?.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("tiered storage on S3 (s3rver)", () => {
  it("tiers sealed segments, deletes them locally, and serves offset 0 on through gRPC and KafkaJS", {
    timeout: 240_000,
  }, async () => {
    const s3Directory = join(root, "s3");
    server = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory: s3Directory,
      configureBuckets: [{ name: bucket }],
    });
    const { port: s3Port } = await server.run();
    // The standard AWS credential chain reads these; s3rver accepts its fixed S3RVER/S3RVER pair.
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    node = await startSingleNode({
      dataDir,
      extraFlags: [
        "--object-store",
        "s3",
        "--s3-bucket",
        bucket,
        "--s3-endpoint",
        `http://127.0.0.1:${s3Port}`,
        "--s3-path-style",
        "true",
        "--s3-prefix",
        "it/",
      ],
    });
    const kafkaPort = node.kafkaPort;
    const grpc = grpcClients(node.grpcAddress);
    try {
      await retrying(() =>
        call(grpc.admin, "createTopic", {
          name: topic,
          partitions: 1,
          replicationFactor: 1,
          configs: {
            "tiering.enabled": "true",
            "segment.bytes": "16384",
            "local.retention.bytes": "0",
            "retention.ms": "-1",
          },
        }),
      );

      const kafka = new Kafka({
        clientId: "helix-tier-e2e",
        brokers: [`127.0.0.1:${kafkaPort}`],
        logLevel: logLevel.NOTHING,
        retry: { retries: 10, initialRetryTime: 100 },
      });
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      for (let from = 0; from < total; from += 100) {
        await producer.send({
          topic,
          acks: -1,
          messages: Array.from({ length: 100 }, (_, i) => message(from + i)),
        });
      }
      await producer.disconnect();

      // Sealed segments are uploaded and then deleted locally (local.retention.bytes 0).
      await until(() => (localSegments()[0] ?? 0) > total / 2, "tiered segments deleted locally");
      const metrics = await (await fetch(`http://127.0.0.1:${node.httpPort}/metrics`)).text();
      expect(Number(/^helix_tier_uploaded_bytes_total\{[^}]*\} (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(
        0,
      );
      const stored = readdirSync(join(s3Directory, bucket), { recursive: true }).map(String);
      expect(stored.some((name) => name.includes(".tier"))).toBe(true);

      const earliest = await call<{ offsets: { offset: number }[] }>(grpc.log, "listOffsets", {
        topic,
        spec: "OFFSET_SPEC_EARLIEST",
      });
      expect(earliest.offsets[0]?.offset).toBe(0);

      // gRPC Fetch from offset 0: stored batches, every record as produced.
      const fetched: { key: string; value: string }[] = [];
      let offset = 0;
      while (offset < total) {
        const response = await call<{ batches: Buffer; logStartOffset: number; nextOffset: number }>(
          grpc.log,
          "fetch",
          { topic, partition: 0, offset, maxBytes: 8192, format: "FETCH_FORMAT_BATCHES" },
        );
        expect(response.logStartOffset).toBe(0);
        const bytes = new Uint8Array(response.batches);
        expect(bytes.length).toBeGreaterThan(0);
        let position = 0;
        while (position < bytes.length) {
          const header = readRecordBatchHeader(bytes, position);
          const size = batchSize(header);
          const batch = bytes.subarray(position, position + size);
          for (const record of decodeRecords(batch)) {
            if (header.baseOffset + record.offsetDelta < offset) continue;
            fetched.push({
              key: Buffer.from(record.key as Uint8Array).toString(),
              value: Buffer.from(record.value as Uint8Array).toString(),
            });
          }
          position += size;
          offset = batchNextOffset(header);
        }
      }
      expect(fetched).toEqual(Array.from({ length: total }, (_, i) => message(i)));

      // KafkaJS from the earliest offset: every message, in order.
      const consumer = kafka.consumer({ groupId: "cold-readers", maxWaitTimeInMs: 200 });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const consumed: { key: string; value: string }[] = [];
      await consumer.run({
        eachMessage: async ({ message: received }) => {
          consumed.push({ key: String(received.key), value: String(received.value) });
        },
      });
      await until(() => consumed.length >= total, `KafkaJS read ${consumed.length} of ${total}`);
      await consumer.disconnect();
      expect(consumed).toEqual(Array.from({ length: total }, (_, i) => message(i)));
    } finally {
      grpc.close();
      node.child.kill("SIGTERM");
      await node.exited;
    }
  });
});
