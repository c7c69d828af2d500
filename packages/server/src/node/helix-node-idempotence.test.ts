/**
 * Retried idempotent batches under acks=all (DESIGN.md §2, §3 rule 2), three nodes in process:
 *   - the leader appends a batch that cannot commit (its followers cut off); a retry of the same batch
 *     (same producer id, epoch and sequence) is a duplicate but is not answered while the original is
 *     uncommitted; acks=leader answers once the original is durable on the leader, acks=none at once;
 *   - healed: the original and the retry both resolve with the same offsets, one copy in every log,
 *     and a further retry of the committed batch is answered at once;
 *   - or the leader is cut off, another leader overwrites the uncommitted entry: the original and the
 *     retry fail with PROPOSAL_DROPPED (retriable), and the retry at the new leader appends it once.
 */
import { decodeRecords, encodeRecordBatch, HelixError, type NodeId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { settle, TestCluster } from "../test-support/test-cluster.js";
import type { HelixNode, ProduceResult } from "./helix-node.js";

const producerId = 4_000;

/** One batch of producer `producerId`, epoch 0, starting at `sequence`. */
function idempotent(sequence: number, ...values: string[]): Uint8Array {
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: 1_700_000_000_000,
    producerId,
    producerEpoch: 0,
    baseSequence: sequence,
    records: values.map((value, offsetDelta) => ({
      timestampDelta: 0,
      offsetDelta,
      key: null,
      value: new TextEncoder().encode(value),
      headers: [],
    })),
  });
}

/** Follows a produce without awaiting it. */
function watch(operation: Promise<ProduceResult>) {
  const state: { settled: boolean; value?: ProduceResult; error?: unknown } = { settled: false };
  operation.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.error = error;
    },
  );
  return state;
}

async function logValues(node: HelixNode): Promise<string[]> {
  const fetched = await node.fetch("idem", 0, 0, 1 << 20);
  return fetched.batches.flatMap((batch) =>
    decodeRecords(batch).map((record) => new TextDecoder().decode(record.value!)),
  );
}

async function expectOneCopyEverywhere(cluster: TestCluster): Promise<void> {
  await cluster.until(
    () => [...cluster.nodes.values()].every((node) => node.highWatermark("idem", 0) === 3),
    "every replica committed three records",
  );
  for (const node of cluster.nodes.values())
    expect(await logValues(node), `node ${node.nodeId}`).toEqual(["a", "b", "c"]);
}

/** A cluster with topic "idem" (one partition, three replicas) holding the producer's committed "a". */
async function setUp(): Promise<{ cluster: TestCluster; leader: HelixNode; followers: NodeId[] }> {
  const cluster = await TestCluster.ready(3);
  await cluster.createTopic("idem", 1, 3);
  const leader = cluster.partitionLeader("idem", 0);
  const first = await cluster.drive(leader.produce("idem", 0, idempotent(0, "a"), "all"));
  expect(first).toEqual({ baseOffset: 0, lastOffset: 0, duplicate: false });
  const followers = cluster.ids.filter((id) => id !== leader.nodeId);
  return { cluster, leader, followers };
}

describe("HelixNode idempotent retries", () => {
  it("answers a retry of an uncommitted batch only once the original commits", async () => {
    const { cluster, leader, followers } = await setUp();
    for (const id of followers) cluster.isolated.add(id);
    const original = watch(leader.produce("idem", 0, idempotent(1, "b", "c"), "all"));
    // Sent before the original is durable on the leader: acks=leader waits for that, not for a commit.
    const durable = watch(leader.produce("idem", 0, idempotent(1, "b", "c"), "leader"));
    await cluster.step();
    expect(durable).toMatchObject({ value: { baseOffset: 1, lastOffset: 2, duplicate: true } });
    const retry = watch(leader.produce("idem", 0, idempotent(1, "b", "c"), "all"));
    // Well inside an election timeout: the leader keeps leading, nothing commits.
    for (let i = 0; i < 3; i++) await cluster.step();
    expect(leader.partitionLeader("idem", 0)?.leader).toBe(leader.nodeId);
    expect(leader.highWatermark("idem", 0)).toBe(1);
    expect(original.settled).toBe(false);
    expect(retry.settled).toBe(false);

    // Weaker acks levels answer at once now: acks=none always, acks=leader as the original is durable.
    const unacknowledged = await leader.produce("idem", 0, idempotent(1, "b", "c"), "none");
    expect(unacknowledged).toEqual({ baseOffset: 1, lastOffset: 2, duplicate: true });
    const local = await cluster.drive(leader.produce("idem", 0, idempotent(1, "b", "c"), "leader"), 2);
    expect(local).toEqual({ baseOffset: 1, lastOffset: 2, duplicate: true });
    expect(retry.settled).toBe(false);

    cluster.isolated.clear();
    await cluster.until(() => original.settled && retry.settled, "original and retry answered");
    expect(original).toMatchObject({ value: { baseOffset: 1, lastOffset: 2, duplicate: false } });
    expect(retry).toMatchObject({ value: { baseOffset: 1, lastOffset: 2, duplicate: true } });
    await expectOneCopyEverywhere(cluster);

    // Committed now: a further retry is answered at once, without a round of replication.
    const late = watch(leader.produce("idem", 0, idempotent(1, "b", "c"), "all"));
    await settle();
    expect(late).toMatchObject({ value: { baseOffset: 1, lastOffset: 2, duplicate: true } });
  });

  it("fails the retry retriably when a new leader overwrites the original, and appends it once there", async () => {
    const { cluster, leader, followers } = await setUp();
    const oldTerm = leader.partitionLeader("idem", 0)!.term;
    cluster.isolated.add(leader.nodeId);
    const original = watch(leader.produce("idem", 0, idempotent(1, "b", "c"), "all"));
    await cluster.step();
    const retry = watch(leader.produce("idem", 0, idempotent(1, "b", "c"), "all"));
    const others = followers.map((id) => cluster.node(id));
    await cluster.until(
      () => others.some((node) => node.partitionLeader("idem", 0)?.leader === node.nodeId),
      "a new leader among the others",
    );
    const newLeader = others.find((node) => node.partitionLeader("idem", 0)?.leader === node.nodeId)!;
    // Its first entry of the new term takes the index the old leader put the batch at.
    expect(newLeader.partitionLeader("idem", 0)!.term).toBeGreaterThan(oldTerm);
    expect(original.settled).toBe(false);
    expect(retry.settled).toBe(false);

    cluster.isolated.clear();
    await cluster.until(() => original.settled && retry.settled, "original and retry answered");
    for (const outcome of [original, retry]) {
      expect(HelixError.is(outcome.error, "PROPOSAL_DROPPED"), String(outcome.error)).toBe(true);
      expect((outcome.error as HelixError).retriable).toBe(true);
    }

    const again = await cluster.drive(newLeader.produce("idem", 0, idempotent(1, "b", "c"), "all"));
    expect(again).toEqual({ baseOffset: 1, lastOffset: 2, duplicate: false });
    const duplicate = await cluster.drive(newLeader.produce("idem", 0, idempotent(1, "b", "c"), "all"));
    expect(duplicate).toEqual({ baseOffset: 1, lastOffset: 2, duplicate: true });
    await expectOneCopyEverywhere(cluster);
  });
});
