import { hostname } from "node:os";
import { HelixError } from "@helixlog/core";
import type { FetchedRecordMessage, LeaseRefInput } from "@helixlog/server";
import { type ClientPool, delay, followLeader, followProgressLeader } from "../routing.js";

/**
 * `helix consume TOPIC --group G`: a member of consumer group G. For each partition it takes an
 * exclusive lease (helix.v1.Progress AcquireLease), reads from the lease's committed offset, prints, then
 * acks cumulatively (the commit), renewing the lease while it works. A partition leased by another member
 * is retried every second, so a second `helix consume --group G` shares the partitions and takes over a
 * stopped one's after its lease expires. Leases are released on exit. Delivery is at least once: records
 * printed but not yet acked when a consumer dies are printed again by the next one.
 */

/** Ten seconds: a crashed CLI holds its partitions this long; renewed every third of it. */
export const groupLeaseMs = 10_000;
const conflictRetryMs = 1_000;

export interface GroupConsumeContext {
  readonly pool: ClientPool;
  readonly topic: string;
  readonly group: string;
  readonly fromBeginning: boolean;
  readonly leaderOf: (partition: number) => string;
  readonly fetchWaitMs: number;
  readonly fetchBytesMax: number;
  /** Prints records and answers how many of them it printed (fewer once --max-messages is reached). */
  readonly print: (records: readonly FetchedRecordMessage[], partition: number) => number;
  readonly stopped: () => boolean;
}

interface HeldLease extends LeaseRefInput {
  next: number;
  renewedAt: number;
}

export function memberIdOfThisProcess(): string {
  return `helix-cli-${hostname()}-${process.pid}`;
}

/** Consumes one partition as a group member until `stopped()`; releases its lease at the end. */
export async function consumePartitionInGroup(
  context: GroupConsumeContext,
  partition: number,
): Promise<void> {
  const { pool, topic, group } = context;
  const memberId = memberIdOfThisProcess();
  let held: HeldLease | undefined;
  try {
    while (!context.stopped()) {
      if (held === undefined) {
        held = await acquire(context, partition, memberId);
        if (held === undefined) await delay(conflictRetryMs);
        continue;
      }
      const lease: HeldLease = held;
      const response = await followLeader(
        pool,
        (client) =>
          client.fetch({
            topic,
            partition,
            offset: lease.next,
            maxWaitMs: context.fetchWaitMs,
            maxBytes: context.fetchBytesMax,
            minBytes: 1,
          }),
        context.leaderOf(partition),
      ).catch(async (error: unknown) => {
        // Retention or DeleteRecords removed records the group had not consumed: like Kafka's
        // auto.offset.reset=earliest, continue at the log start (the skip is committed with the next ack).
        if (!HelixError.is(error, "OFFSET_OUT_OF_RANGE")) throw error;
        const earliest = await logOffset(context, partition, "OFFSET_SPEC_EARLIEST");
        if (earliest <= lease.next) throw error;
        process.stderr.write(
          `helix: ${topic}-${partition}: offsets ${lease.next}..${earliest - 1} were deleted before group ${group} consumed them; continuing at ${earliest}\n`,
        );
        lease.next = earliest;
        return undefined;
      });
      if (response === undefined) continue;
      const printed = context.print(response.records, partition);
      const last = response.records[printed - 1];
      const next =
        printed === response.records.length ? response.nextOffset : (last?.offset ?? lease.next - 1) + 1;
      let kept = true;
      if (next > lease.next) {
        lease.next = next;
        // The commit: everything below `next` is done for the group.
        kept = await keep(() =>
          followProgressLeader(pool, (client) => client.ack({ group, lease, cumulative: next })),
        );
      }
      if (kept && Date.now() - lease.renewedAt > groupLeaseMs / 3) {
        const renewedAt = Date.now();
        kept = await keep(() =>
          followProgressLeader(pool, (client) => client.renewLease(group, lease, groupLeaseMs)),
        );
        lease.renewedAt = renewedAt;
      }
      // A lost lease (expired, or taken over) is acquired again from the group's committed offset.
      if (!kept) held = undefined;
    }
  } finally {
    const lease = held;
    if (lease !== undefined) {
      await followProgressLeader(pool, (client) => client.releaseLease(group, lease)).catch(() => {});
    }
  }
}

/** The lease, or undefined while another member holds the partition. */
async function acquire(
  context: GroupConsumeContext,
  partition: number,
  memberId: string,
): Promise<HeldLease | undefined> {
  const { pool, topic, group } = context;
  const initialOffset = await startOffset(context, partition);
  try {
    const grant = await followProgressLeader(pool, (client) =>
      client.acquireLease({
        group,
        memberId,
        topic,
        partition,
        mode: "LEASE_MODE_EXCLUSIVE",
        durationMs: groupLeaseMs,
        initialOffset,
      }),
    );
    if (grant === null) throw new HelixError("INTERNAL", "the node granted no exclusive lease and no error");
    return { leaseId: grant.leaseId, epoch: grant.epoch, next: grant.committedOffset, renewedAt: Date.now() };
  } catch (error) {
    if (HelixError.is(error, "CONFLICT")) return undefined;
    throw error;
  }
}

/** Where the group starts on a partition it has no progress on: earliest with --from-beginning, else latest. */
function startOffset(context: GroupConsumeContext, partition: number): Promise<number> {
  return logOffset(context, partition, context.fromBeginning ? "OFFSET_SPEC_EARLIEST" : "OFFSET_SPEC_LATEST");
}

async function logOffset(
  context: GroupConsumeContext,
  partition: number,
  spec: "OFFSET_SPEC_EARLIEST" | "OFFSET_SPEC_LATEST",
): Promise<number> {
  const offsets = await followLeader(
    context.pool,
    (client) => client.listOffsets({ topic: context.topic, partitions: [partition], spec }),
    context.leaderOf(partition),
  );
  const found = offsets.find((entry) => entry.partition === partition);
  return found === undefined || found.offset < 0 ? 0 : found.offset;
}

/** Runs a lease call; false when the lease is gone (FENCED: it expired or another member took it). */
async function keep(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (HelixError.is(error, "FENCED")) return false;
    throw error;
  }
}
