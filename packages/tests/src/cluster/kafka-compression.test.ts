/**
 * Compressed batches through the Kafka protocol against a real node process (issue 10: every codec is
 * accepted and stored as sent). kcat (librdkafka) produces with acks=all and each of gzip, snappy, lz4
 * and zstd; the node validates the batch (CRC over the compressed bytes) without decompressing it, and
 * kcat reads every record back byte for byte, which it can only do if the stored batch is the one sent.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { type SingleNode, startSingleNode } from "./node-process.js";

const kcat = "/usr/bin/kcat";
const dataRoot = mkdtempSync(join(tmpdir(), "helix-kafka-compression-"));
let node: SingleNode | undefined;

afterAll(() => {
  if (node !== undefined && node.child.exitCode === null) node.child.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
});

function runKcat(args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      kcat,
      args,
      { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`kcat ${args.join(" ")}: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

describe("compressed batches against a real node", () => {
  it("accepts gzip, snappy, lz4 and zstd from librdkafka and serves them back intact", {
    timeout: 180_000,
  }, async () => {
    node = await startSingleNode({ dataDir: join(dataRoot, "node") });
    const broker = `127.0.0.1:${node.kafkaPort}`;
    const codecs = ["gzip", "snappy", "lz4", "zstd"];
    const admin = new Kafka({ brokers: [broker], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({
      topics: codecs.map((codec) => ({ topic: `compressed-${codec}`, numPartitions: 1 })),
    });

    for (const codec of codecs) {
      const topic = `compressed-${codec}`;
      // Repetitive values: the codecs have something to compress.
      const lines = Array.from(
        { length: 200 },
        (_, index) => `${codec}-${index}:${"abc".repeat(100)}-${index}`,
      );
      await runKcat(
        ["-b", broker, "-P", "-t", topic, "-p", "0", "-z", codec, "-X", "acks=all"],
        `${lines.join("\n")}\n`,
      );
      const offsets = await admin.fetchTopicOffsets(topic);
      expect(offsets[0]?.high, codec).toBe("200");
      const consumed = await runKcat([
        "-b",
        broker,
        "-C",
        "-t",
        topic,
        "-p",
        "0",
        "-o",
        "beginning",
        "-c",
        "200",
        "-q",
        "-f",
        "%s\n",
      ]);
      expect(consumed.trimEnd().split("\n"), codec).toEqual(lines);
    }
    await admin.disconnect();
    expect(node.output()).not.toContain("kafka handler failed");
    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);
  });
});
