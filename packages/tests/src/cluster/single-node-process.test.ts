/**
 * A real node process (what `npm start` runs): it comes up on its own ports, answers /health, creates
 * a topic and takes produces over gRPC, serves them back, shuts down cleanly on SIGTERM (exit 0), and
 * after a restart on the same data directory still serves every acknowledged record at the same
 * offsets and continues the offsets. A SIGKILL instead of SIGTERM loses nothing acknowledged either.
 * Ports are chosen by the OS (port 0) and read from the node's own output.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  call,
  grpcClients,
  type NodeProcess,
  retrying,
  startNodeProcess,
  waitForHealthy,
} from "./node-process.js";

const dataDir = mkdtempSync(join(tmpdir(), "helix-single-node-"));
const started: NodeProcess[] = [];

afterAll(() => {
  for (const node of started) if (node.child.exitCode === null) node.child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

const flags = [
  "--data-dir",
  dataDir,
  "--grpc-addr",
  "127.0.0.1:0",
  "--http-addr",
  "127.0.0.1:0",
  "--peer-addr",
  "127.0.0.1:0",
  "--kafka-addr",
  "127.0.0.1:0",
];

async function start(): Promise<NodeProcess> {
  const node = await startNodeProcess(flags);
  started.push(node);
  await waitForHealthy(node);
  return node;
}

interface FetchedRecord {
  offset: number;
  value: Buffer;
}

/** Fetches until the partition shows `expected` (a restarted node replays its log first), or times out. */
async function fetchUntil(
  log: unknown,
  topic: string,
  expected: string[],
  timeoutMs = 30_000,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    try {
      seen = await fetchAll(log, topic);
      if (seen.length >= expected.length) return seen;
    } catch {
      // The topic or its leader is not back yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return seen;
}

async function fetchAll(log: unknown, topic: string): Promise<string[]> {
  const response = await call<{ records: FetchedRecord[] }>(log, "Fetch", {
    topic,
    partition: 0,
    offset: 0,
    maxBytes: 1 << 20,
  });
  return response.records.map((record) => `${record.offset}:${record.value.toString()}`);
}

describe("a single node process", () => {
  it("serves, shuts down cleanly, restarts and keeps every acknowledged record", {
    timeout: 240_000,
  }, async () => {
    let node = await start();
    let clients = grpcClients(node.grpcAddress);
    await retrying(() =>
      call(clients.admin, "CreateTopic", { name: "kept", partitions: 1, replicationFactor: 1 }),
    );
    const produced: string[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await retrying(() =>
        call<{ baseOffset: number }>(clients.log, "Produce", {
          topic: "kept",
          partition: 0,
          acks: "ACKS_ALL",
          records: [{ value: Buffer.from(`record-${i}`) }],
        }),
      );
      expect(response.baseOffset).toBe(i);
      produced.push(`${i}:record-${i}`);
    }
    expect(await fetchAll(clients.log, "kept")).toEqual(produced);
    clients.close();

    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);

    node = await start();
    clients = grpcClients(node.grpcAddress);
    expect(await fetchUntil(clients.log, "kept", produced)).toEqual(produced);
    const after = await retrying(() =>
      call<{ baseOffset: number }>(clients.log, "Produce", {
        topic: "kept",
        partition: 0,
        acks: "ACKS_ALL",
        records: [{ value: Buffer.from("after-restart") }],
      }),
    );
    expect(after.baseOffset).toBe(20);
    produced.push("20:after-restart");
    clients.close();

    node.child.kill("SIGKILL");
    await node.exited;
    node = await start();
    clients = grpcClients(node.grpcAddress);
    expect(await fetchUntil(clients.log, "kept", produced)).toEqual(produced);
    clients.close();
    node.child.kill("SIGTERM");
    expect(await node.exited).toBe(0);
  });
});
