/**
 * End to end with kcat (librdkafka) against our listener over the in-memory test backend: `kcat -L`
 * metadata, producing keyed messages with headers, and consuming them back byte for byte both by
 * partition (-C) and as a consumer group (-G) that commits its offsets. CI installs kcat; these tests fail,
 * rather than skip, when it is missing.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MemoryBroker, startMemoryBroker } from "./support/memory-broker.js";
import { waitFor } from "./support/wait-for.js";

const kcatPath = "/usr/bin/kcat";
const topic = "kcat-events";

interface KcatMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly payload: string | null;
  readonly headers?: string[];
}

/** Runs kcat without blocking the event loop (the broker under test lives in this process). */
function kcat(args: string[], input = "", timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(kcatPath, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`kcat ${args.join(" ")} timed out; stderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`kcat ${args.join(" ")} exited with ${code}: ${stderr}`));
    });
    child.stdin.end(input);
  });
}

function parseMessages(output: string): KcatMessage[] {
  return output
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as KcatMessage);
}

const sent = Array.from({ length: 20 }, (_, index) => ({
  key: `key-${index}`,
  value: `value ${index} ✓ ünïcode`,
}));

describe("kcat end to end", () => {
  let broker: MemoryBroker;

  beforeAll(async () => {
    if (!existsSync(kcatPath)) throw new Error(`kcat is required at ${kcatPath} (apt-get install -y kcat)`);
    broker = await startMemoryBroker();
    await broker.backend.createTopic({
      name: topic,
      partitions: 2,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
  });

  afterAll(async () => {
    await broker.close();
  });

  it("lists brokers and topics with kcat -L", async () => {
    const metadata = JSON.parse(await kcat(["-b", broker.address, "-L", "-J"])) as {
      brokers: { id: number; name: string }[];
      topics: { topic: string; partitions: { partition: number; leader: number }[] }[];
    };
    expect(metadata.brokers).toEqual([{ id: 1, name: broker.address }]);
    const described = metadata.topics.find((each) => each.topic === topic);
    expect(described?.partitions.map((partition) => partition.leader)).toEqual([1, 1]);
  }, 60_000);

  it("produces keyed messages with headers and consumes them back byte for byte with -C", async () => {
    const input = sent.map((message) => `${message.key}\t${message.value}`).join("\n");
    await kcat(
      [
        "-b",
        broker.address,
        "-P",
        "-t",
        topic,
        "-p",
        "0",
        "-K",
        "\t",
        "-H",
        "trace=abc-123",
        "-H",
        "origin=kcat",
      ],
      `${input}\n`,
    );
    const output = await kcat([
      "-b",
      broker.address,
      "-C",
      "-t",
      topic,
      "-p",
      "0",
      "-o",
      "beginning",
      "-e",
      "-J",
    ]);
    const received = parseMessages(output);
    expect(received.map((message) => ({ key: message.key, value: message.payload }))).toEqual(sent);
    expect(received.map((message) => message.offset)).toEqual(sent.map((_, index) => index));
    expect(
      received.every(
        (message) =>
          JSON.stringify(message.headers) === JSON.stringify(["trace", "abc-123", "origin", "kcat"]),
      ),
    ).toBe(true);
  }, 60_000);

  it("consumes as a group with -G and commits the offsets it reached", async () => {
    const output = await kcat([
      "-b",
      broker.address,
      "-G",
      "kcat-group",
      "-X",
      "auto.offset.reset=earliest",
      "-c",
      String(sent.length),
      "-J",
      topic,
    ]);
    const received = parseMessages(output);
    expect(received.map((message) => message.key).sort()).toEqual(sent.map((message) => message.key).sort());
    await waitFor(
      async () => {
        const committed = await broker.backend.fetchOffsets("kcat-group", null);
        return committed.some((offset) => offset.partition === 0 && offset.offset === BigInt(sent.length));
      },
      20_000,
      "kcat's group to commit",
    );
    expect(broker.logged.filter((entry) => entry.level === "error")).toEqual([]);
  }, 60_000);
});
