/**
 * Issue 7's cluster test, on three real node processes over loopback TCP:
 *   - the nodes elect a controller, register, and create a topic of 6 partitions with replication
 *     factor 3;
 *   - a producer writes to every partition with acks=all, following NOT_LEADER answers to the leader;
 *   - the leader of partition 0 is killed with SIGKILL in the middle of producing; the producer keeps
 *     going through its retries (a new leader is elected), and the killed node is restarted;
 *   - afterwards every acknowledged record is present exactly once, in order, on every replica once it
 *     has caught up (the producer is idempotent, so retries after a lost answer are not written twice);
 *   - leader balancing gives the restarted node its partitions back: every partition ends up led by its
 *     preferred replica (the first), two per node.
 * Ports come from the OS (listen on port 0, close, reuse); every wait has a deadline.
 */
import { afterAll, describe, expect, it, onTestFailed } from "vitest";
import { call } from "./node-process.js";
import { ProcessCluster } from "./process-cluster.js";

let cluster: ProcessCluster | undefined;

afterAll(async () => {
  await cluster?.destroy();
});

describe("a three-node cluster of processes", () => {
  it("keeps every acknowledged record across a leader's SIGKILL and restart", {
    timeout: 300_000,
  }, async () => {
    const nodes = await ProcessCluster.create({ name: "three-nodes" });
    cluster = nodes;
    onTestFailed(() => console.log(nodes.outputTails()));
    await nodes.startAll();

    await nodes.onAnyNode((client) =>
      call(client.admin, "CreateTopic", { name: "orders", partitions: 6, replicationFactor: 3 }),
    );
    const acknowledged = new Map<number, string[]>([0, 1, 2, 3, 4, 5].map((p) => [p, []]));
    // An idempotent producer per partition: a retry of a batch that did commit (its answer was lost
    // with the leader) is answered with the original offsets instead of being written twice.
    const nextSequence = new Map<number, number>();
    const produce = async (partition: number, value: string) => {
      const sequence = nextSequence.get(partition) ?? 0;
      const response = await nodes.onAnyNode((client) =>
        call<{ baseOffset: number }>(
          client.log,
          "Produce",
          {
            topic: "orders",
            partition,
            acks: "ACKS_ALL",
            records: [{ value: Buffer.from(value) }],
            producer: { producerId: 1000 + partition, producerEpoch: 0, baseSequence: sequence },
          },
          5_000,
        ),
      );
      nextSequence.set(partition, sequence + 1);
      acknowledged.get(partition)?.push(value);
      return response;
    };
    for (let round = 0; round < 10; round++) {
      for (let partition = 0; partition < 6; partition++) await produce(partition, `r${round}-p${partition}`);
    }

    const metadata = await nodes.onAnyNode((client) =>
      call<{ topics: { partitions: { partition: number; leader: number }[] }[] }>(client.admin, "Metadata", {
        topics: ["orders"],
      }),
    );
    const victim = metadata.topics[0]?.partitions.find((p) => p.partition === 0)?.leader ?? 1;
    expect([1, 2, 3]).toContain(victim);
    await nodes.stop(victim, "SIGKILL");
    for (let round = 10; round < 20; round++) {
      for (let partition = 0; partition < 6; partition++) await produce(partition, `r${round}-p${partition}`);
    }
    await nodes.start(victim);
    for (let round = 20; round < 25; round++) {
      for (let partition = 0; partition < 6; partition++) await produce(partition, `r${round}-p${partition}`);
    }

    for (const id of nodes.ids) {
      const client = nodes.clients(id);
      for (let partition = 0; partition < 6; partition++) {
        const expected = acknowledged.get(partition) as string[];
        const deadline = Date.now() + 60_000;
        let values: string[] = [];
        while (Date.now() < deadline) {
          try {
            const fetched = await call<{ records: { value: Buffer }[] }>(client.log, "Fetch", {
              topic: "orders",
              partition,
              offset: 0,
              maxBytes: 1 << 20,
            });
            values = fetched.records.map((record) => record.value.toString());
            if (values.length >= expected.length) break;
          } catch {
            // Catching up after the restart.
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(values, `node ${id} partition ${partition}`).toEqual(expected);
      }
    }
    await waitForPreferredLeaders(nodes);
    for (const code of await Promise.all(nodes.ids.map((id) => nodes.stop(id, "SIGTERM"))))
      expect(code).toBe(0);
  });
});

/** Waits (bounded) until every partition of "orders" is led by its preferred replica, per Metadata. */
async function waitForPreferredLeaders(nodes: ProcessCluster): Promise<void> {
  type Partition = { partition: number; leader: number; replicas: number[] };
  const deadline = Date.now() + 90_000;
  let partitions: Partition[] = [];
  while (Date.now() < deadline) {
    const metadata = await nodes.onAnyNode((client) =>
      call<{ topics: { partitions: Partition[] }[] }>(client.admin, "Metadata", { topics: ["orders"] }),
    );
    partitions = metadata.topics[0]?.partitions ?? [];
    if (partitions.length === 6 && partitions.every((p) => p.leader === p.replicas[0])) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(partitions.map((p) => p.leader)).toEqual(partitions.map((p) => p.replicas[0]));
  const perNode = [1, 2, 3].map((id) => partitions.filter((p) => p.leader === id).length);
  expect(perNode).toEqual([2, 2, 2]);
}
