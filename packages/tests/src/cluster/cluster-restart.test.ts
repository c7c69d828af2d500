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
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { call } from "./node-process.js";
import { ProcessCluster } from "./process-cluster.js";

// Children inherit the environment: every group snapshots after 30 applied entries and keeps no log
// behind the snapshot, so a node that misses a few dozen produces can only come back by snapshot.
process.env.HELIX_SNAPSHOT_AFTER_ENTRIES = "30";
process.env.HELIX_SNAPSHOT_TRAILING_ENTRIES = "0";

const partitions = [0, 1, 2, 3, 4, 5];
let cluster: ProcessCluster | undefined;

afterAll(async () => {
  await cluster?.destroy();
});

/** Idempotent acks=all produces, one record each, remembering what was acknowledged per partition. */
class Producer {
  readonly acknowledged = new Map<number, string[]>(partitions.map((p) => [p, []]));
  private readonly nextSequence = new Map<number, number>();

  constructor(private readonly nodes: ProcessCluster) {}

  async produce(partition: number, value: string): Promise<void> {
    const sequence = this.nextSequence.get(partition) ?? 0;
    await this.nodes.onAnyNode((client) =>
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
async function expectEveryRecordOn(id: number, nodes: ProcessCluster, producer: Producer): Promise<void> {
  const client = nodes.clients(id);
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

function describeTopic(nodes: ProcessCluster): Promise<TopicDescription> {
  return nodes.onAnyNode((client) =>
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

async function stopNode(nodes: ProcessCluster, id: number, signal: "SIGTERM" | "SIGKILL"): Promise<void> {
  const code = await nodes.stop(id, signal);
  if (signal === "SIGTERM") expect(code, `node ${id} exit code after SIGTERM`).toBe(0);
}

async function restartAll(nodes: ProcessCluster, signal: "SIGTERM" | "SIGKILL"): Promise<void> {
  await Promise.all(nodes.ids.map((id) => stopNode(nodes, id, signal)));
  await nodes.startAll();
  // Healthy means a controller leader is seen and this node is registered; wait for partition leaders.
  await nodes.onAnyNode((client) =>
    call(client.log, "Fetch", { topic: "orders", partition: 0, offset: 0, maxBytes: 1 }),
  );
}

describe("restarting a three-node cluster of processes", () => {
  it("keeps every acknowledged record and the topic metadata; a killed node catches up by snapshot", {
    timeout: 900_000,
  }, async () => {
    const nodes = await ProcessCluster.create({ name: "cluster-restart" });
    cluster = nodes;
    const ids = nodes.ids;
    onTestFailed(() => console.log(nodes.outputTails()));
    await nodes.startAll();
    await nodes.onAnyNode((client) =>
      call(client.admin, "CreateTopic", {
        name: "orders",
        partitions: 6,
        replicationFactor: 3,
        configs: { "retention.ms": "604800000" },
      }),
    );
    const metadata = durablePart(await describeTopic(nodes));
    expect(metadata.replicas).toHaveLength(6);
    const producer = new Producer(nodes);
    await producer.rounds(0, 10);

    // Round 1: SIGTERM every node, restart them all.
    await restartAll(nodes, "SIGTERM");
    expect(durablePart(await describeTopic(nodes))).toEqual(metadata);
    for (const id of ids) await expectEveryRecordOn(id, nodes, producer);
    await producer.rounds(10, 20);

    // Round 2: SIGKILL every node, restart them all.
    await restartAll(nodes, "SIGKILL");
    expect(durablePart(await describeTopic(nodes))).toEqual(metadata);
    for (const id of ids) await expectEveryRecordOn(id, nodes, producer);

    // Round 3: a node is killed while the others produce past several snapshots of every group.
    const victim = 3;
    await stopNode(nodes, victim, "SIGKILL");
    await producer.rounds(20, 90);
    for (const id of ids.filter((id) => id !== victim)) {
      const files = readdirSync(join(nodes.dataDir(id), "snapshots"));
      expect(
        files.filter((name) => name.endsWith(".snap")).length,
        `snapshots of node ${id}`,
      ).toBeGreaterThanOrEqual(6);
    }
    await nodes.start(victim);
    await expectEveryRecordOn(victim, nodes, producer);
    const victimSnapshots = readdirSync(join(nodes.dataDir(victim), "snapshots"));
    expect(victimSnapshots.filter((name) => name.endsWith(".snap")).length).toBeGreaterThanOrEqual(6);
    // It keeps up afterwards, and the others still hold everything.
    await producer.rounds(90, 95);
    for (const id of ids) await expectEveryRecordOn(id, nodes, producer);
    expect(durablePart(await describeTopic(nodes))).toEqual(metadata);

    for (const id of ids) await stopNode(nodes, id, "SIGTERM");
  });
});
