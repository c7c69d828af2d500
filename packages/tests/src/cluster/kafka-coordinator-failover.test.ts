/**
 * Issues 9 and 10: a Kafka group coordinator fails over without losing the group's commits. Three node
 * processes; a consumer group's coordinator is the leader of its consumer-progress Raft group, which
 * replicates committed offsets and generations to the other two nodes.
 *   - a topic of 3 partitions, replication factor 3, 300 messages; KafkaJS consumer A of group G (its own
 *     process, no auto-commit) reads all 300 and commits them explicitly; 30 more are produced and A
 *     reads them without committing (the uncommitted tail);
 *   - FindCoordinator (raw, v0) names G's coordinator on every node, and a Heartbeat to another node
 *     answers NOT_COORDINATOR; the coordinator is killed with SIGKILL
 *     while A is a member of G's stored generation, and A is killed with it (a consumer crash);
 *   - FindCoordinator on a survivor names a survivor once the progress group has elected a new leader
 *     (until then it may still name the dead one); 30 more messages are produced; a new consumer B
 *     of G, bootstrapped from the survivors, reads exactly the uncommitted tail and the 30 new messages:
 *     nothing committed is delivered again, nothing is skipped, nothing twice; B's commits are then
 *     fetched back from the new coordinator (360 in all).
 * Every wait has a deadline; ports are chosen up front (listen on 0, close, reuse).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { ProcessCluster } from "./process-cluster.js";

let cluster: ProcessCluster | undefined;
const consumers: ChildProcess[] = [];
const topic = "coordinated";
const groupId = "coordinated-readers";
const committedCount = 300;
const tailCount = 30;
const afterFailoverCount = 30;

afterAll(async () => {
  for (const consumer of consumers) if (consumer.exitCode === null) consumer.kill("SIGKILL");
  await cluster?.destroy();
});

function message(index: number) {
  return { key: `key-${index % 13}`, value: `value-${index}` };
}

function names(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, index) => `value-${from + index}`);
}

/** Sends messages [from, to), one partition per `send` (see kafka-leader-failover.test.ts, KafkaJS #1303). */
async function produce(kafka: Kafka, from: number, to: number): Promise<void> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  for (let partition = 0; partition < 3; partition++) {
    const batch = [];
    for (let index = from; index < to; index++)
      if (index % 3 === partition) batch.push({ ...message(index), partition });
    if (batch.length > 0) await producer.send({ topic, messages: batch });
  }
  await producer.disconnect();
}

/** One request (header v1, client id) over a raw connection; resolves with the response after its header. */
function rawRequest(port: number, apiKey: number, apiVersion: number, body: Buffer): Promise<Buffer> {
  const clientId = Buffer.from("helix-coordinator-test");
  const header = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  let at = header.writeInt16BE(apiKey, 0);
  at = header.writeInt16BE(apiVersion, at);
  at = header.writeInt32BE(1, at); // correlation id
  at = header.writeInt16BE(clientId.length, at);
  clientId.copy(header, at);
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + body.length);
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    socket.setTimeout(5_000, () => socket.destroy(new Error(`request ${apiKey} timed out`)));
    socket.on("error", reject);
    socket.on("connect", () => socket.write(Buffer.concat([size, header, body])));
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.end();
      resolve(received.subarray(8)); // size, correlation id
    });
  });
}

function kafkaString(value: string): Buffer {
  const bytes = Buffer.from(value);
  const length = Buffer.alloc(2);
  length.writeInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** FindCoordinator v0: [error code, node id]. */
async function findCoordinator(port: number, group: string): Promise<[number, number]> {
  const response = await rawRequest(port, 10, 0, kafkaString(group));
  return [response.readInt16BE(0), response.readInt32BE(2)];
}

/** Heartbeat v0 of an unknown member: the error code (NOT_COORDINATOR away from the coordinator). */
async function heartbeatError(port: number, group: string): Promise<number> {
  const generation = Buffer.alloc(4);
  generation.writeInt32BE(1);
  const response = await rawRequest(
    port,
    12,
    0,
    Buffer.concat([kafkaString(group), generation, kafkaString("nobody")]),
  );
  return response.readInt16BE(0);
}

/**
 * The coordinator of `group` as the node on `port` names it, once it names one `among` (right after a
 * kill, a survivor may still name the dead leader until its progress group elects another).
 */
async function coordinatorOf(
  port: number,
  group: string,
  among: readonly number[],
  timeoutMs = 60_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [errorCode, nodeId] = await findCoordinator(port, group).catch(() => [-1, -1] as const);
    if (errorCode === 0 && among.includes(nodeId)) return nodeId;
    if (Date.now() > deadline)
      throw new Error(`no coordinator for ${group}: error ${errorCode}, node ${nodeId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once `seen` holds at least `count` values; rejects after `timeoutMs`. */
async function waitForCount(seen: readonly string[], count: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (seen.length < count) {
    if (Date.now() > deadline) throw new Error(`saw ${seen.length} of ${count} messages`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Consumer A as a child process: a KafkaJS consumer of the group without auto-commit that prints every
 * value it reads, commits explicitly once it has read the first `committedCount`, and prints "committed".
 */
const consumerAScript = `
import { Kafka, logLevel } from "kafkajs";
const [brokers, topic, groupId, committedCount] = process.argv.slice(1);
const kafka = new Kafka({ clientId: "consumer-a", brokers: brokers.split(","), logLevel: logLevel.NOTHING,
  retry: { retries: 15, initialRetryTime: 100 } });
const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
const next = new Map();
let seen = 0;
let committing = false;
await consumer.run({
  autoCommit: false,
  eachMessage: async ({ partition, message }) => {
    process.stdout.write(message.value.toString() + "\\n");
    next.set(partition, (BigInt(message.offset) + 1n).toString());
    seen += 1;
    if (seen === Number(committedCount) && !committing) {
      committing = true;
      await consumer.commitOffsets([...next].map(([partition, offset]) => ({ topic, partition, offset })));
      process.stdout.write("committed\\n");
    }
  },
});
`;

function startConsumerA(brokers: readonly string[]) {
  const child = spawn(
    process.execPath,
    ["--input-type=module", "-e", consumerAScript, brokers.join(","), topic, groupId, String(committedCount)],
    { cwd: join(import.meta.dirname, "..", ".."), stdio: ["ignore", "pipe", "pipe"] },
  );
  consumers.push(child);
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const lines = () => output.split("\n").filter((line) => line !== "");
  return {
    child,
    lines,
    async waitFor(done: (lines: string[]) => boolean, timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!done(lines())) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(
            `consumer A: ${lines().length} lines, exit ${child.exitCode}: ${errors.slice(-2000)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

describe("Kafka coordinator failover", () => {
  it("a new consumer resumes from the commits after the coordinator node is killed", {
    timeout: 300_000,
  }, async () => {
    const nodes = await ProcessCluster.create({ name: "kafka-coordinator" });
    cluster = nodes;
    onTestFailed(() => console.log(nodes.outputTails()));
    await nodes.startAll();
    const kafkaPort = (id: number) => nodes.ports.get(id)?.kafka as number;

    const kafka = new Kafka({
      clientId: "helix-coordinator-failover",
      brokers: [1, 2, 3].map((id) => `127.0.0.1:${kafkaPort(id)}`),
      logLevel: logLevel.NOTHING,
      retry: { retries: 15, initialRetryTime: 100 },
    });
    const admin = kafka.admin();
    await admin.connect();
    await nodes.waitForKafkaBrokers(admin);
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 3 }] });
    await admin.disconnect();
    await produce(kafka, 0, committedCount);

    // Consumer A, in its own process so it can crash with the coordinator, reads everything, commits,
    // then reads a tail it never commits.
    const consumerA = startConsumerA([1, 2, 3].map((id) => `127.0.0.1:${kafkaPort(id)}`));
    await consumerA.waitFor((lines) => lines.includes("committed"), 90_000);
    await produce(kafka, committedCount, committedCount + tailCount);
    await consumerA.waitFor(
      (lines) => lines.filter((line) => line.startsWith("value-")).length >= committedCount + tailCount,
      90_000,
    );
    const seenByA = consumerA.lines().filter((line) => line.startsWith("value-"));
    expect(seenByA.slice().sort()).toEqual(names(0, committedCount + tailCount).sort());

    const coordinator = await coordinatorOf(kafkaPort(1), groupId, [1, 2, 3]);
    expect([1, 2, 3]).toContain(coordinator);
    for (const id of [1, 2, 3])
      expect(await coordinatorOf(kafkaPort(id), groupId, [1, 2, 3])).toBe(coordinator);
    // Group requests away from the coordinator are refused so clients look it up again.
    const notCoordinator = 16;
    for (const id of [1, 2, 3])
      if (id !== coordinator) expect(await heartbeatError(kafkaPort(id), groupId)).toBe(notCoordinator);
    expect(await heartbeatError(kafkaPort(coordinator), groupId)).not.toBe(notCoordinator);
    expect(await nodes.stop(coordinator, "SIGKILL")).toBe("SIGKILL");
    consumerA.child.kill("SIGKILL");

    const survivors = [1, 2, 3].filter((id) => id !== coordinator);
    const newCoordinator = await coordinatorOf(kafkaPort(survivors[0] as number), groupId, survivors);
    expect(survivors).toContain(newCoordinator);

    const onSurvivors = new Kafka({
      clientId: "helix-coordinator-failover-survivors",
      brokers: survivors.map((id) => `127.0.0.1:${kafkaPort(id)}`),
      logLevel: logLevel.NOTHING,
      retry: { retries: 20, initialRetryTime: 100 },
    });
    const total = committedCount + tailCount + afterFailoverCount;
    await produce(onSurvivors, committedCount + tailCount, total);

    const consumerB = onSurvivors.consumer({ groupId, maxWaitTimeInMs: 200 });
    await consumerB.connect();
    await consumerB.subscribe({ topic, fromBeginning: true });
    const seenByB: string[] = [];
    await consumerB.run({
      eachMessage: async ({ message: received }) => {
        seenByB.push(received.value?.toString() ?? "");
      },
    });
    await waitForCount(seenByB, tailCount + afterFailoverCount, 120_000);
    // Anything re-delivered beyond the uncommitted tail would show up within this grace period.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await consumerB.disconnect();
    expect(seenByB.slice().sort()).toEqual(names(committedCount, total).sort());

    const survivorAdmin = onSurvivors.admin();
    await survivorAdmin.connect();
    const offsets = await survivorAdmin.fetchOffsets({ groupId, topics: [topic] });
    const committed = offsets[0]?.partitions.reduce((sum, partition) => sum + Number(partition.offset), 0);
    expect(committed).toBe(total);
    await survivorAdmin.disconnect();

    for (const code of await Promise.all(survivors.map((id) => nodes.stop(id, "SIGTERM"))))
      expect(code).toBe(0);
  });
});
