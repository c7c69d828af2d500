/**
 * Issue 7's whole-cluster restart and snapshot catch-up, on three real node processes over loopback:
 *   - a topic of 6 partitions with replication factor 3 takes idempotent acks=all produces;
 *   - every node is stopped (SIGTERM: graceful hand-off, flush, close) and all are restarted: every
 *     acknowledged record and the topic's metadata (id, partitions, replicas, configs) survive;
 *   - the same after SIGKILL of every node (nothing flushed beyond what was acknowledged);
 *   - one node is killed while the others produce enough that every group snapshots and releases its
 *     WAL prefix (the nodes run with HELIX_SNAPSHOT_AFTER_ENTRIES lowered); restarted, it is behind the
 *     leaders' first log index, so it catches up through snapshots: its own segment stores must then
 *     hold every acknowledged record (read back from that node, which serves fetches from its replica),
 *     and it has written snapshot files of its own.
 * Every wait has a deadline and waits on a condition (health, an answer), never a fixed sleep.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import {
  call,
  freePort,
  type GrpcClient,
  grpcClients,
  type NodeProcess,
  startNodeProcess,
  waitForHealthy,
} from "./node-process.js";

// Children inherit the environment: every group snapshots after 30 applied entries and keeps no log
// behind the snapshot, so a node that misses a few dozen produces can only come back by snapshot.
process.env.HELIX_SNAPSHOT_AFTER_ENTRIES = "30";
process.env.HELIX_SNAPSHOT_TRAILING_ENTRIES = "0";

const dataRoot = mkdtempSync(join(tmpdir(), "helix-cluster-restart-"));
const processes = new Map<number, NodeProcess>();
const ids = [1, 2, 3];
const partitions = [0, 1, 2, 3, 4, 5];

/** Every incarnation's output, printed when the test fails. */
const outputs: { id: number; output: () => string }[] = [];

afterAll(() => {
  for (const node of processes.values()) if (node.child.exitCode === null) node.child.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
});

interface NodePorts {
  grpc: number;
  http: number;
  peer: number;
  kafka: number;
}

type Clients = Map<number, { log: GrpcClient; admin: GrpcClient; close: () => void }>;

function flagsFor(id: number, ports: Map<number, NodePorts>): string[] {
  const own = ports.get(id) as NodePorts;
  const peers = [...ports].map(([peer, p]) => `${peer}=127.0.0.1:${p.peer}`).join(",");
  return [
    "--node-id",
    String(id),
    "--peers",
    peers,
    "--data-dir",
    join(dataRoot, `node-${id}`),
    "--grpc-addr",
    `127.0.0.1:${own.grpc}`,
    "--http-addr",
    `127.0.0.1:${own.http}`,
    "--peer-addr",
    `127.0.0.1:${own.peer}`,
    "--kafka-addr",
    `127.0.0.1:${own.kafka}`,
  ];
}

async function startNode(id: number, ports: Map<number, NodePorts>): Promise<void> {
  const node = await startNodeProcess(flagsFor(id, ports), 120_000);
  processes.set(id, node);
  outputs.push({ id, output: node.output });
  await waitForHealthy(node, 120_000);
}

async function stopNode(id: number, signal: "SIGTERM" | "SIGKILL"): Promise<void> {
  const node = processes.get(id) as NodeProcess;
  node.child.kill(signal);
  const code = await node.exited;
  if (signal === "SIGTERM") expect(code, `node ${id} exit code after SIGTERM`).toBe(0);
}

function isUp(id: number): boolean {
  return processes.get(id)?.child.exitCode === null && processes.get(id)?.child.signalCode === null;
}

/** Tries each live node until one accepts (NOT_LEADER and unavailability move on to the next). */
async function onAnyNode<T>(
  clients: Clients,
  attempt: (client: { log: GrpcClient; admin: GrpcClient }) => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    for (const [id, client] of clients) {
      if (!isUp(id)) continue;
      try {
        return await attempt(client);
      } catch (error) {
        lastError = error;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw lastError;
}

/** Idempotent acks=all produces, one record each, remembering what was acknowledged per partition. */
class Producer {
  readonly acknowledged = new Map<number, string[]>(partitions.map((p) => [p, []]));
  private readonly nextSequence = new Map<number, number>();

  constructor(private readonly clients: Clients) {}

  async produce(partition: number, value: string): Promise<void> {
    const sequence = this.nextSequence.get(partition) ?? 0;
    await onAnyNode(this.clients, (client) =>
      call(
        client.log,
        "Produce",
        {
          topic: "orders",
          partition,
          acks: "ACKS_ALL",
          records: [{ value: Buffer.from(value) }],
          producer: { producerId: 2000 + partition, producerEpoch: 0, baseSequence: sequence },
        },
        5_000,
      ),
    );
    this.nextSequence.set(partition, sequence + 1);
    this.acknowledged.get(partition)?.push(value);
  }

  async rounds(from: number, to: number): Promise<void> {
    for (let round = from; round < to; round++) {
      for (const partition of partitions) await this.produce(partition, `r${round}-p${partition}`);
    }
  }
}

/** Waits until node `id` serves exactly the acknowledged records of every partition from its replica. */
async function expectEveryRecordOn(id: number, clients: Clients, producer: Producer): Promise<void> {
  const client = clients.get(id) as { log: GrpcClient };
  for (const partition of partitions) {
    const expected = producer.acknowledged.get(partition) as string[];
    const deadline = Date.now() + 90_000;
    let values: string[] = [];
    while (Date.now() < deadline) {
      try {
        const fetched = await call<{ records: { value: Buffer }[] }>(client.log, "Fetch", {
          topic: "orders",
          partition,
          offset: 0,
          maxBytes: 1 << 22,
        });
        values = fetched.records.map((record) => record.value.toString());
        if (values.length >= expected.length) break;
      } catch {
        // Not caught up (or not hosting the partition) yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(values, `node ${id} partition ${partition}`).toEqual(expected);
  }
}

interface TopicDescription {
  name: string;
  topicId: string;
  replicationFactor: number;
  partitions: { partition: number; replicas: number[] }[];
  configs: Record<string, string>;
}

function describeTopic(clients: Clients): Promise<TopicDescription> {
  return onAnyNode(clients, (client) =>
    call<TopicDescription>(client.admin, "DescribeTopic", { name: "orders" }),
  );
}

/** The parts of a topic description that must survive a restart (leaders and watermarks move). */
function durablePart(topic: TopicDescription) {
  return {
    name: topic.name,
    topicId: topic.topicId,
    replicationFactor: topic.replicationFactor,
    replicas: topic.partitions.map((p) => [p.partition, [...p.replicas]]),
    configs: topic.configs,
  };
}

async function restartAll(
  ports: Map<number, NodePorts>,
  signal: "SIGTERM" | "SIGKILL",
  clients: Clients,
): Promise<void> {
  await Promise.all(ids.map((id) => stopNode(id, signal)));
  await Promise.all(ids.map((id) => startNode(id, ports)));
  // Healthy means a controller leader is seen and this node is registered; wait for partition leaders.
  await onAnyNode(clients, (client) =>
    call(client.log, "Fetch", { topic: "orders", partition: 0, offset: 0, maxBytes: 1 }),
  );
}

describe("restarting a three-node cluster of processes", () => {
  it("keeps every acknowledged record and the topic metadata; a killed node catches up by snapshot", {
    timeout: 900_000,
  }, async () => {
    onTestFailed(() => {
      for (const { id, output } of outputs) console.log(`--- node ${id}\n${output().slice(-6000)}`);
    });
    const ports = new Map<number, NodePorts>();
    for (const id of ids) {
      ports.set(id, {
        grpc: await freePort(),
        http: await freePort(),
        peer: await freePort(),
        kafka: await freePort(),
      });
    }
    await Promise.all(ids.map((id) => startNode(id, ports)));
    const clients: Clients = new Map(
      ids.map((id) => [id, grpcClients(`127.0.0.1:${(ports.get(id) as NodePorts).grpc}`)]),
    );
    await onAnyNode(clients, (client) =>
      call(client.admin, "CreateTopic", {
        name: "orders",
        partitions: 6,
        replicationFactor: 3,
        configs: { "retention.ms": "604800000" },
      }),
    );
    const metadata = durablePart(await describeTopic(clients));
    expect(metadata.replicas).toHaveLength(6);
    const producer = new Producer(clients);
    await producer.rounds(0, 10);

    // Round 1: SIGTERM every node, restart them all.
    await restartAll(ports, "SIGTERM", clients);
    expect(durablePart(await describeTopic(clients))).toEqual(metadata);
    for (const id of ids) await expectEveryRecordOn(id, clients, producer);
    await producer.rounds(10, 20);

    // Round 2: SIGKILL every node, restart them all.
    await restartAll(ports, "SIGKILL", clients);
    expect(durablePart(await describeTopic(clients))).toEqual(metadata);
    for (const id of ids) await expectEveryRecordOn(id, clients, producer);

    // Round 3: a node is killed while the others produce past several snapshots of every group.
    const victim = 3;
    await stopNode(victim, "SIGKILL");
    await producer.rounds(20, 90);
    for (const id of ids.filter((id) => id !== victim)) {
      const files = readdirSync(join(dataRoot, `node-${id}`, "snapshots"));
      expect(
        files.filter((name) => name.endsWith(".snap")).length,
        `snapshots of node ${id}`,
      ).toBeGreaterThanOrEqual(6);
    }
    await startNode(victim, ports);
    await expectEveryRecordOn(victim, clients, producer);
    const victimSnapshots = readdirSync(join(dataRoot, `node-${victim}`, "snapshots"));
    expect(victimSnapshots.filter((name) => name.endsWith(".snap")).length).toBeGreaterThanOrEqual(6);
    // It keeps up afterwards, and the others still hold everything.
    await producer.rounds(90, 95);
    for (const id of ids) await expectEveryRecordOn(id, clients, producer);
    expect(durablePart(await describeTopic(clients))).toEqual(metadata);

    for (const client of clients.values()) client.close();
    for (const id of ids) await stopNode(id, "SIGTERM");
  });
});
