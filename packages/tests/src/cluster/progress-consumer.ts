/**
 * A consumer process for the multi-process progress test (progress-process.test.ts): one member of a
 * consumer group that reads a topic through exclusive leases over gRPC (helix.v1.Progress + Log), as a
 * real application would. Run with `node --conditions=source --import tsx progress-consumer.ts` and
 *
 *   --nodes A,B,C --group G --topic T --partitions N --member M --lease-ms L --max-partitions K
 *
 * It leases up to K partitions (CONFLICT: another member holds it; tried again later), reads each from
 * its lease's committed offset a few records at a time, acks cumulatively after processing, renews
 * every quarter of the lease, and drops a lease that is FENCED. Everything it does is one JSON
 * line on stdout, written before the next step (stdout is a pipe, written synchronously on Linux, so a
 * SIGKILL loses no line of what happened before it):
 *   {"event":"ready"} {"event":"lease","partition","leaseId","epoch","committedOffset"}
 *   {"event":"processed","partition","offset"} {"event":"acked","partition","committedOffset"}
 *   {"event":"fenced","partition"} {"event":"stopped"}
 * SIGTERM: release every lease and exit 0.
 */
import { parseArgs } from "node:util";
import { HelixError } from "@helixlog/core";
import { HelixClient, leaderAddressOf, ProgressClient } from "@helixlog/server";

const { values } = parseArgs({
  options: {
    nodes: { type: "string" },
    group: { type: "string" },
    topic: { type: "string" },
    partitions: { type: "string" },
    member: { type: "string" },
    "lease-ms": { type: "string", default: "3000" },
    "max-partitions": { type: "string" },
    "records-per-round": { type: "string", default: "5" },
    "round-ms": { type: "string", default: "50" },
  },
});

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === "") {
    process.stderr.write(`progress-consumer: --${name} is required\n`);
    process.exit(2);
  }
  return value;
}

const addresses = required("nodes", values.nodes).split(",");
const group = required("group", values.group);
const topic = required("topic", values.topic);
const member = required("member", values.member);
const partitionCount = Number(required("partitions", values.partitions));
const leaseMs = Number(values["lease-ms"]);
const maxPartitions = Number(values["max-partitions"] ?? partitionCount);
const recordsPerRound = Number(values["records-per-round"]);
const roundMs = Number(values["round-ms"]);

const retriable = ["NOT_LEADER", "LEADER_NOT_AVAILABLE", "PROPOSAL_DROPPED", "UNAVAILABLE", "TIMEOUT"];
const data = new Map(addresses.map((address) => [address, new HelixClient(address, { deadlineMs: 5_000 })]));
const progress = new Map(
  addresses.map((address) => [address, new ProgressClient(address, { deadlineMs: 5_000 })]),
);

/** Calls where NOT_LEADER points (else the next node) until it answers; bounded by `timeoutMs`. */
async function call<Client, T>(
  clients: Map<string, Client>,
  attempt: (client: Client) => Promise<T>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let address = addresses[0] as string;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(clients.get(address) as Client);
    } catch (error) {
      const again = HelixError.isInstance(error) && retriable.includes(error.code);
      if (!again || Date.now() > deadline) throw error;
      const hint = leaderAddressOf(error);
      address =
        hint !== undefined && clients.has(hint)
          ? hint
          : (addresses[(tries + 1) % addresses.length] as string);
      if (hint === undefined) await sleep(100);
    }
  }
}

function emit(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Held {
  readonly leaseId: number;
  readonly epoch: number;
  /** The next offset to read. */
  next: number;
  renewedAt: number;
}

const held = new Map<number, Held>();
let stopping = false;

async function acquire(partition: number): Promise<void> {
  try {
    const grant = await call(progress, (client) =>
      client.acquireLease({
        group,
        memberId: member,
        topic,
        partition,
        mode: "LEASE_MODE_EXCLUSIVE",
        durationMs: leaseMs,
        initialOffset: 0,
      }),
    );
    if (grant === null) throw new Error("an exclusive lease is granted or refused, never empty");
    held.set(partition, {
      leaseId: grant.leaseId,
      epoch: grant.epoch,
      next: grant.committedOffset,
      renewedAt: Date.now(),
    });
    emit({
      event: "lease",
      partition,
      leaseId: grant.leaseId,
      epoch: grant.epoch,
      committedOffset: grant.committedOffset,
    });
  } catch (error) {
    if (!HelixError.is(error, "CONFLICT")) throw error;
  }
}

/** Reads a few records from the lease's position, processes them, acks; renews when due. */
async function work(partition: number, lease: Held): Promise<void> {
  const fence = { leaseId: lease.leaseId, epoch: lease.epoch };
  try {
    const response = await call(data, (client) =>
      client.fetch({ topic, partition, offset: lease.next, maxBytes: 64 * 1024 }),
    );
    const records = response.records
      .filter((record) => record.offset >= lease.next)
      .slice(0, recordsPerRound);
    for (const record of records) emit({ event: "processed", partition, offset: record.offset });
    if (records.length > 0) {
      const through = (records.at(-1)?.offset as number) + 1;
      const acked = await call(progress, (client) =>
        client.ack({ group, lease: fence, cumulative: through }),
      );
      lease.next = through;
      emit({ event: "acked", partition, committedOffset: acked.committedOffset });
    }
    if (Date.now() - lease.renewedAt > leaseMs / 4) {
      await call(progress, (client) => client.renewLease(group, fence, leaseMs));
      lease.renewedAt = Date.now();
    }
  } catch (error) {
    if (!HelixError.is(error, "FENCED")) throw error;
    held.delete(partition);
    emit({ event: "fenced", partition });
  }
}

async function main(): Promise<void> {
  emit({ event: "ready" });
  while (!stopping) {
    for (let partition = 0; partition < partitionCount && !stopping; partition++) {
      if (!held.has(partition) && held.size < maxPartitions) await acquire(partition);
    }
    for (const [partition, lease] of [...held]) {
      if (stopping) break;
      await work(partition, lease);
    }
    await sleep(roundMs);
  }
  for (const lease of held.values()) {
    await call(progress, (client) =>
      client.releaseLease(group, { leaseId: lease.leaseId, epoch: lease.epoch }),
    ).catch(() => {});
  }
  emit({ event: "stopped" });
  for (const client of [...data.values(), ...progress.values()]) client.close();
}

process.on("SIGTERM", () => {
  stopping = true;
});

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `progress-consumer ${member}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
