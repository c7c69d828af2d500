/**
 * Issue 9's multi-process test: three real node processes (ProcessCluster) and two real consumer
 * processes (progress-consumer.ts, the gRPC progress client), all over loopback TCP:
 *   - a topic of 4 partitions (replication factor 3) holds 150 records per partition;
 *   - consumer A leases two partitions (exclusive), consumer B the other two and is refused (CONFLICT)
 *     A's; both read a few records at a time, ack cumulatively after processing, renew;
 *   - A is killed with SIGKILL mid-stream. B takes A's partitions once A's leases expire on the
 *     replicated clock, starting at the offset the group committed, and finishes the topic;
 *   - no record is lost: every offset of every partition was processed by some consumer and the group
 *     committed the partition's end; records processed twice are only A's processed-but-uncommitted
 *     tail (at-least-once, bounded by what A read after its last acknowledged ack);
 *   - every node is killed (SIGKILL) and the cluster restarted: the committed offsets are intact.
 * Every wait has a deadline; processes are stopped by PID.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { HelixError } from "@helixlog/core";
import { HelixClient, leaderAddressOf, ProgressClient } from "@helixlog/server";
import { afterAll, describe, expect, it } from "vitest";
import { nodeArgumentsFor } from "./bundled-entry.js";
import { ProcessCluster } from "./process-cluster.js";

const topic = "work";
const group = "workers";
const partitions = [0, 1, 2, 3];
const recordsPerPartition = 150;
const leaseMs = 4_000;

let cluster: ProcessCluster | undefined;
const consumers: ChildProcess[] = [];

afterAll(async () => {
  for (const child of consumers)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await cluster?.destroy();
});

type ConsumerLine =
  | { event: "ready" | "stopped" }
  | { event: "lease"; partition: number; leaseId: number; epoch: number; committedOffset: number }
  | { event: "processed"; partition: number; offset: number }
  | { event: "acked"; partition: number; committedOffset: number }
  | { event: "fenced"; partition: number };

/** A consumer process and what it reported, line by line. */
class ConsumerProcess {
  readonly lines: ConsumerLine[] = [];
  readonly exited: Promise<number | string>;
  private stderr = "";
  private partial = "";

  constructor(
    readonly child: ChildProcess,
    readonly name: string,
  ) {
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = this.partial + chunk.toString();
      const complete = text.split("\n");
      this.partial = complete.pop() ?? "";
      for (const line of complete) if (line !== "") this.lines.push(JSON.parse(line) as ConsumerLine);
    });
    child.stderr?.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
    );
  }

  static async start(
    name: string,
    nodes: readonly string[],
    maxPartitions: number,
  ): Promise<ConsumerProcess> {
    const consumer = await nodeArgumentsFor("packages/tests/src/cluster/progress-consumer.ts");
    const child = spawn(
      process.execPath,
      [
        ...consumer,
        ...["--nodes", nodes.join(","), "--group", group, "--topic", topic, "--member", name],
        ...["--partitions", String(partitions.length), "--lease-ms", String(leaseMs)],
        ...["--max-partitions", String(maxPartitions), "--records-per-round", "5", "--round-ms", "50"],
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    consumers.push(child);
    return new ConsumerProcess(child, name);
  }

  of<Kind extends ConsumerLine["event"]>(event: Kind): Extract<ConsumerLine, { event: Kind }>[] {
    return this.lines.filter((line) => line.event === event) as Extract<ConsumerLine, { event: Kind }>[];
  }

  leasedPartitions(): number[] {
    return [...new Set(this.of("lease").map((line) => line.partition))].sort();
  }

  processed(partition: number): number[] {
    return this.of("processed")
      .filter((line) => line.partition === partition)
      .map((line) => line.offset);
  }

  /** The highest committed offset this consumer saw acknowledged on the partition (-1 when none). */
  lastAcked(partition: number): number {
    const acked = this.of("acked").filter((line) => line.partition === partition);
    return Math.max(-1, ...acked.map((line) => line.committedOffset));
  }

  /** Waits until `done()` holds, or throws with what the consumer said. */
  async until(what: string, done: () => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (this.child.exitCode !== null)
        throw new Error(`${this.name} exited before ${what}:\n${this.stderr}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name}: no ${what} within ${timeoutMs} ms:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Calls that follow NOT_LEADER to the leader (else the next node), bounded. */
async function onLeader<Client, T>(
  clients: ReadonlyMap<string, Client>,
  attempt: (client: Client) => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  const addresses = [...clients.keys()];
  const deadline = Date.now() + timeoutMs;
  let address = addresses[0] as string;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(clients.get(address) as Client);
    } catch (error) {
      const retriable =
        HelixError.isInstance(error) &&
        ["NOT_LEADER", "LEADER_NOT_AVAILABLE", "PROPOSAL_DROPPED", "UNAVAILABLE", "TIMEOUT"].includes(
          error.code,
        );
      if (!retriable || Date.now() > deadline) throw error;
      const hint = leaderAddressOf(error);
      address =
        hint !== undefined && clients.has(hint)
          ? hint
          : (addresses[(tries + 1) % addresses.length] as string);
      if (hint === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function clientsFor<Client extends { close(): void }>(
  addresses: readonly string[],
  create: (address: string) => Client,
): Map<string, Client> {
  return new Map(addresses.map((address) => [address, create(address)]));
}

describe("consumer progress with two consumer processes on three node processes", () => {
  it("a SIGKILLed consumer's partitions go to the other after lease expiry; nothing lost; offsets survive a full restart", {
    timeout: 300_000,
  }, async () => {
    const nodes = await ProcessCluster.create({ name: "progress" });
    cluster = nodes;
    await nodes.startAll();
    const addresses = nodes.ids.map((id) => nodes.grpcAddress(id));
    const data = clientsFor(addresses, (address) => new HelixClient(address, { deadlineMs: 5_000 }));
    const progress = clientsFor(addresses, (address) => new ProgressClient(address, { deadlineMs: 5_000 }));
    try {
      await onLeader(data, (client) =>
        client.createTopic({ name: topic, partitions: partitions.length, replicationFactor: 3 }),
      );
      const ready = Date.now() + 60_000;
      for (;;) {
        const described = await onLeader(data, (client) => client.describeTopic(topic));
        if (described.partitions.every((partition) => partition.leader > 0)) break;
        if (Date.now() > ready) throw new Error("the topic's partitions never got leaders");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      for (const partition of partitions) {
        for (let batch = 0; batch < recordsPerPartition / 50; batch++) {
          await onLeader(data, (client) =>
            client.produce({
              topic,
              partition,
              acks: "ACKS_ALL",
              records: Array.from({ length: 50 }, (_, i) => ({
                value: Buffer.from(`p${partition}-${batch * 50 + i}`),
                headers: [],
                timestampMs: 0,
              })),
            }),
          );
        }
      }

      // A takes two partitions; then B starts, takes the other two and is refused A's.
      const a = await ConsumerProcess.start("consumer-a", addresses, 2);
      await a.until("two leases", () => a.leasedPartitions().length === 2);
      const b = await ConsumerProcess.start("consumer-b", addresses, partitions.length);
      await b.until("two leases", () => b.leasedPartitions().length === 2);
      const ofA = a.leasedPartitions();
      const ofB = b.leasedPartitions();
      expect([...ofA, ...ofB].sort()).toEqual(partitions);

      // A dies mid-stream: it has processed and acked part of its partitions, not all.
      await a.until("progress on its partitions", () =>
        ofA.every((partition) => a.lastAcked(partition) >= 30),
      );
      a.child.kill("SIGKILL");
      const killedAt = Date.now();
      expect(await a.exited).toBe("SIGKILL");
      for (const partition of ofA) expect(a.lastAcked(partition)).toBeLessThan(recordsPerPartition);

      // B takes A's partitions once A's leases expire on the replicated clock, and finishes the topic.
      await b.until("A's partitions", () =>
        ofA.every((partition) => b.leasedPartitions().includes(partition)),
      );
      const tookOverAfterMs = Date.now() - killedAt;
      // A renews every quarter of its lease; unless a slow round let a lease lapse before the kill (A
      // would have been fenced), its leases had most of their duration left: B waited for expiry.
      if (a.of("fenced").length === 0) expect(tookOverAfterMs).toBeGreaterThanOrEqual(leaseMs / 4);
      await b.until("the whole topic acked", () =>
        partitions.every((partition) => b.lastAcked(partition) === recordsPerPartition),
      );
      for (const partition of ofA) {
        const grant = b.of("lease").find((line) => line.partition === partition);
        // B starts where the group's progress was: at or past every ack A saw acknowledged.
        expect(grant?.committedOffset).toBeGreaterThanOrEqual(a.lastAcked(partition));
      }

      // Nothing lost: every offset processed by someone, and the group committed every partition's end.
      let duplicates = 0;
      for (const partition of partitions) {
        const byA = a.processed(partition);
        const byB = b.processed(partition);
        const seen = new Set([...byA, ...byB]);
        expect(seen.size, `partition ${partition}: every record processed`).toBe(recordsPerPartition);
        expect(Math.min(...seen)).toBe(0);
        expect(Math.max(...seen)).toBe(recordsPerPartition - 1);
        // Processed twice only: A's tail after the last ack A saw acknowledged, within one fetch round.
        const twice = byA.filter((offset) => byB.includes(offset));
        duplicates += twice.length;
        for (const offset of twice) expect(offset).toBeGreaterThanOrEqual(a.lastAcked(partition));
        expect(twice.length).toBeLessThanOrEqual(5);
        // Within B, a record is processed again only after B lost a lease (renewed too late on a busy
        // machine: FENCED, leased again from the committed offset), at most one round per loss.
        const fencedB = b.of("fenced").filter((line) => line.partition === partition).length;
        expect(byB.length - new Set(byB).size).toBeLessThanOrEqual(5 * fencedB);
        duplicates += byB.length - new Set(byB).size;
      }
      process.stdout.write(
        `progress-process: B took over after ${tookOverAfterMs} ms; ${duplicates} records processed twice\n`,
      );
      const offsets = await onLeader(progress, (client) => client.fetchOffsets(group));
      expect(offsets.map((entry) => entry.committedOffset)).toEqual(
        partitions.map(() => recordsPerPartition),
      );

      // B stops cleanly: it releases its leases.
      b.child.kill("SIGTERM");
      expect(await b.exited).toBe(0);
      expect(b.of("stopped")).toHaveLength(1);
      const described = await onLeader(progress, (client) => client.describeGroup(group));
      expect(described.partitions.flatMap((partition) => partition.leases)).toEqual([]);
    } finally {
      for (const client of [...data.values(), ...progress.values()]) client.close();
    }

    // Every node dies at once and comes back: the committed offsets are in the replicated log.
    await Promise.all(nodes.ids.map((id) => nodes.stop(id, "SIGKILL")));
    await nodes.startAll();
    const restarted = clientsFor(addresses, (address) => new ProgressClient(address, { deadlineMs: 5_000 }));
    try {
      const offsets = await onLeader(restarted, (client) => client.fetchOffsets(group));
      expect(offsets.map((entry) => [entry.topic, entry.partition, entry.committedOffset])).toEqual(
        partitions.map((partition) => [topic, partition, recordsPerPartition]),
      );
    } finally {
      for (const client of restarted.values()) client.close();
    }
  });
});
