/**
 * Issue 9's multi-process test, on three real node processes over loopback TCP:
 *   - a topic of 4 partitions (replication factor 3) holds 40 records per partition;
 *   - two consumers of one group share it through exclusive leases (helix.v1.Progress): each takes the
 *     partitions it can, reads from the lease's committed offset, acks cumulatively and renews;
 *   - consumer A is killed mid-way (it stops renewing and acking, with records read but not acked);
 *     consumer B, refused with CONFLICT while A's leases live, takes A's partitions once they expire on
 *     the replicated clock and resumes exactly at A's last ack: every record is processed, none is lost,
 *     and only records A read but never acked are processed twice (at-least-once);
 *   - every node is killed (SIGKILL) and restarted; the committed offsets are still there.
 * Ports come from the OS; every wait has a deadline; processes are killed by PID in afterAll.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HelixError } from "@helixlog/core";
import { HelixClient, leaderAddressOf, ProgressClient } from "@helixlog/server";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, type NodeProcess, startNodeProcess, waitForHealthy } from "./node-process.js";

const dataRoot = mkdtempSync(join(tmpdir(), "helix-progress-nodes-"));
const processes = new Map<number, NodeProcess>();
const topic = "work";
const group = "workers";
const partitions = [0, 1, 2, 3];
const recordsPerPartition = 40;
const leaseMs = 3_000;

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

function flagsFor(id: number, ports: Map<number, NodePorts>): string[] {
  const own = ports.get(id) as NodePorts;
  const peers = [...ports].map(([peer, p]) => `${peer}=127.0.0.1:${p.peer}`).join(",");
  return [
    ...["--node-id", String(id), "--peers", peers, "--data-dir", join(dataRoot, `node-${id}`)],
    ...["--grpc-addr", `127.0.0.1:${own.grpc}`, "--http-addr", `127.0.0.1:${own.http}`],
    ...["--peer-addr", `127.0.0.1:${own.peer}`, "--kafka-addr", `127.0.0.1:${own.kafka}`],
  ];
}

async function startNode(id: number, ports: Map<number, NodePorts>): Promise<NodeProcess> {
  const node = await startNodeProcess(flagsFor(id, ports));
  processes.set(id, node);
  await waitForHealthy(node);
  return node;
}

/** Leader changes and unavailability are retried; CONFLICT (held by another member) is an answer. */
function isRetriable(error: unknown): boolean {
  return (
    HelixError.isInstance(error) &&
    ["NOT_LEADER", "LEADER_NOT_AVAILABLE", "PROPOSAL_DROPPED", "UNAVAILABLE", "TIMEOUT"].includes(error.code)
  );
}

/** Clients for every node, and calls that go where NOT_LEADER points (else the next node), bounded. */
class Nodes {
  readonly data = new Map<string, HelixClient>();
  readonly progress = new Map<string, ProgressClient>();

  constructor(readonly addresses: string[]) {
    for (const address of addresses) {
      this.data.set(address, new HelixClient(address, { deadlineMs: 5_000 }));
      this.progress.set(address, new ProgressClient(address, { deadlineMs: 5_000 }));
    }
  }

  async call<Client, T>(
    clients: Map<string, Client>,
    attempt: (client: Client) => Promise<T>,
    timeoutMs = 60_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let address = this.addresses[0] as string;
    for (let tries = 0; ; tries++) {
      try {
        return await attempt(clients.get(address) as Client);
      } catch (error) {
        if (!isRetriable(error) || Date.now() > deadline) throw error;
        const hint = leaderAddressOf(error);
        address =
          hint !== undefined && clients.has(hint)
            ? hint
            : (this.addresses[(tries + 1) % this.addresses.length] as string);
        if (hint === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  close(): void {
    for (const client of [...this.data.values(), ...this.progress.values()]) client.close();
  }
}

interface Held {
  leaseId: number;
  epoch: number;
  /** The next offset to read. */
  next: number;
}

/** A consumer of the group: exclusive leases, read, ack cumulatively, renew. Stops when killed. */
class Consumer {
  readonly held = new Map<number, Held>();
  /** Every record this consumer processed (read), per partition, in order. */
  readonly processed = new Map<number, number[]>(partitions.map((partition) => [partition, []]));
  readonly acked = new Map<number, number>();
  /** Where each lease started reading: the group's committed offset when it was granted. */
  readonly startedAt = new Map<number, number>();
  conflicts = 0;
  killed = false;

  constructor(
    readonly name: string,
    private readonly nodes: Nodes,
  ) {}

  /** Tries to lease every partition it does not hold; CONFLICT means another member holds it. */
  async acquire(only?: readonly number[]): Promise<void> {
    for (const partition of only ?? partitions) {
      if (this.held.has(partition) || this.killed) continue;
      try {
        const grant = await this.nodes.call(this.nodes.progress, (client) =>
          client.acquireLease({
            group,
            memberId: this.name,
            topic,
            partition,
            mode: "LEASE_MODE_EXCLUSIVE",
            durationMs: leaseMs,
            initialOffset: 0,
          }),
        );
        if (grant === null) throw new Error("an exclusive lease is always granted or refused");
        this.held.set(partition, { leaseId: grant.leaseId, epoch: grant.epoch, next: grant.committedOffset });
        this.startedAt.set(partition, grant.committedOffset);
      } catch (error) {
        if (!HelixError.is(error, "CONFLICT")) throw error;
        this.conflicts++;
      }
    }
  }

  /** Reads up to `count` records of each held partition, then acks all but `unacked` of them and renews. */
  async work(count: number, unacked = 0): Promise<void> {
    for (const [partition, held] of this.held) {
      if (this.killed) return;
      const response = await this.nodes.call(this.nodes.data, (client) =>
        client.fetch({ topic, partition, offset: held.next, maxBytes: 1 << 20 }),
      );
      const records = response.records.slice(0, count);
      for (const record of records) this.processed.get(partition)?.push(record.offset);
      held.next += records.length;
      const lease = { leaseId: held.leaseId, epoch: held.epoch };
      const ackTo = held.next - unacked;
      if (ackTo > (this.acked.get(partition) ?? -1) && records.length > 0) {
        const acked = await this.nodes.call(this.nodes.progress, (client) =>
          client.ack({ group, lease, cumulative: ackTo }),
        );
        this.acked.set(partition, acked.committedOffset);
      }
      await this.nodes.call(this.nodes.progress, (client) => client.renewLease(group, lease, leaseMs));
    }
  }
}

describe("consumer progress on three node processes", () => {
  it("hands a killed consumer's partitions to the other after lease expiry, loses nothing, and keeps offsets across a full restart", {
    timeout: 420_000,
  }, async () => {
    const ports = new Map<number, NodePorts>();
    for (const id of [1, 2, 3]) {
      ports.set(id, {
        grpc: await freePort(),
        http: await freePort(),
        peer: await freePort(),
        kafka: await freePort(),
      });
    }
    await Promise.all([1, 2, 3].map((id) => startNode(id, ports)));
    const nodes = new Nodes([1, 2, 3].map((id) => `127.0.0.1:${(ports.get(id) as NodePorts).grpc}`));
    try {
      await nodes.call(nodes.data, (client) =>
        client.createTopic({ name: topic, partitions: partitions.length, replicationFactor: 3 }),
      );
      const ready = Date.now() + 60_000;
      for (;;) {
        const described = await nodes.call(nodes.data, (client) => client.describeTopic(topic));
        if (described.partitions.every((partition) => partition.leader > 0)) break;
        if (Date.now() > ready) throw new Error("the topic's partitions never got leaders");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const partition of partitions) {
        for (let batch = 0; batch < recordsPerPartition / 10; batch++) {
          await nodes.call(nodes.data, (client) =>
            client.produce({
              topic,
              partition,
              acks: "ACKS_ALL",
              records: Array.from({ length: 10 }, (_, i) => ({
                value: Buffer.from(`p${partition}-${batch * 10 + i}`),
                headers: [],
                timestampMs: 0,
              })),
            }),
          );
        }
      }

      const a = new Consumer("consumer-a", nodes);
      const b = new Consumer("consumer-b", nodes);
      await a.acquire([0, 1]);
      await b.acquire();
      expect([...a.held.keys()].sort()).toEqual([0, 1]);
      expect([...b.held.keys()].sort()).toEqual([2, 3]);
      expect(b.conflicts).toBe(2);
      // A processes 15 records per partition and acks 10 of them; then it dies.
      await a.work(15, 5);
      expect([...a.acked.values()]).toEqual([10, 10]);
      a.killed = true;
      const killedAt = Date.now();

      // B keeps working its own partitions and asks for A's until A's leases expire (bounded).
      const deadline = Date.now() + 60_000;
      while (b.held.size < partitions.length) {
        if (Date.now() > deadline) throw new Error("consumer B never took over A's partitions");
        await b.work(5);
        await b.acquire();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const tookOverAfterMs = Date.now() - killedAt;
      // The lease expired on the replicated clock, not before its duration since A's last renewal.
      expect(tookOverAfterMs).toBeGreaterThanOrEqual(leaseMs - 1_000);
      expect(b.startedAt.get(0)).toBe(10);
      expect(b.startedAt.get(1)).toBe(10);
      for (
        let round = 0;
        round < 20 && [...b.held.values()].some((held) => held.next < recordsPerPartition);
        round++
      ) {
        await b.work(recordsPerPartition);
      }

      for (const partition of partitions) {
        const seen = new Set([...(a.processed.get(partition) ?? []), ...(b.processed.get(partition) ?? [])]);
        expect(seen.size, `partition ${partition}: every record processed`).toBe(recordsPerPartition);
        expect(b.acked.get(partition)).toBe(recordsPerPartition);
      }
      // Processed twice: exactly what A read and never acked (offsets 10..14 of partitions 0 and 1).
      const twice = (partition: number) =>
        (a.processed.get(partition) ?? []).filter((offset) => b.processed.get(partition)?.includes(offset));
      expect(twice(0)).toEqual([10, 11, 12, 13, 14]);
      expect(twice(1)).toEqual([10, 11, 12, 13, 14]);

      // A's stale lease is fenced for good.
      const described = await nodes.call(nodes.progress, (client) => client.describeGroup(group));
      expect(described.partitions.map((partition) => partition.committedOffset)).toEqual([40, 40, 40, 40]);
      expect(
        described.partitions.flatMap((partition) => partition.leases.map((lease) => lease.memberId)),
      ).toEqual(Array(4).fill("consumer-b"));
      for (const held of b.held.values()) {
        await nodes.call(nodes.progress, (client) => client.releaseLease(group, held));
      }
    } finally {
      nodes.close();
    }

    // Every node dies at once and comes back: the committed offsets are in the replicated log.
    for (const node of processes.values()) node.child.kill("SIGKILL");
    await Promise.all([...processes.values()].map((node) => node.exited));
    await Promise.all([1, 2, 3].map((id) => startNode(id, ports)));
    const restarted = new Nodes([1, 2, 3].map((id) => `127.0.0.1:${(ports.get(id) as NodePorts).grpc}`));
    try {
      const offsets = await restarted.call(restarted.progress, (client) => client.fetchOffsets(group));
      expect(offsets.map((entry) => [entry.topic, entry.partition, entry.committedOffset])).toEqual(
        partitions.map((partition) => [topic, partition, recordsPerPartition]),
      );
    } finally {
      restarted.close();
    }
  });
});
