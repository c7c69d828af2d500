/**
 * The Kafka backend over three in-process nodes (issue 10), for what needs leader changes:
 *   - DescribeProducers (KIP-664) lists the partition leader's idempotent producers (id, epoch, last
 *     sequence, last timestamp), answers NOT_LEADER_OR_FOLLOWER on a follower, and a new leader reports
 *     the same producers (the state is replicated with the log);
 *   - leader epochs (KIP-101/320) are Raft terms: a leader cut off with an uncommitted suffix is replaced,
 *     the new term's records take those offsets, and every leader since answers OffsetForLeaderEpoch with
 *     the real end of each epoch (not the current log end), ListOffsets with the epoch each offset was
 *     written in, and checks the client's current leader epoch in Fetch, ListOffsets and
 *     OffsetForLeaderEpoch (FENCED_LEADER_EPOCH when older, UNKNOWN_LEADER_EPOCH when newer);
 *   - the epoch history survives a crash and restart through the partition snapshot.
 */
import { encodeRecordBatch, HelixError, nodeId, splitRecordBatches } from "@helixlog/core";
import { KafkaWireError, wireErrorCode } from "@helixlog/kafka-proxy";
import type { SimDisk } from "@helixlog/wal/testing";
import { describe, expect, it } from "vitest";
import type { HelixNode } from "../node/helix-node.js";
import { TestCluster } from "../test-support/test-cluster.js";
import { HelixKafkaBackend } from "./kafka-backend.js";

const topic = "epochs";

function batch(values: readonly string[], timestamp: number, producer?: { id: number; sequence: number }) {
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: timestamp,
    ...(producer === undefined
      ? {}
      : { producerId: producer.id, producerEpoch: 3, baseSequence: producer.sequence }),
    records: values.map((value, offsetDelta) => ({
      timestampDelta: offsetDelta,
      offsetDelta,
      key: null,
      value: new TextEncoder().encode(value),
      headers: [],
    })),
  });
}

async function failureOf(operation: Promise<unknown>): Promise<number> {
  try {
    await operation;
  } catch (error) {
    if (HelixError.isInstance(error)) return error.kafkaErrorCode;
    if (KafkaWireError.isInstance(error)) return error.errorCode;
    throw error;
  }
  throw new Error("expected the operation to fail");
}

function leaderOf(cluster: TestCluster): HelixNode {
  return cluster.partitionLeader(topic, 0);
}

function termOf(node: HelixNode): number {
  return node.partitionLeader(topic, 0)!.term;
}

/** Cuts the current leader off until another node leads the partition, then heals the network. */
async function replaceLeader(cluster: TestCluster): Promise<void> {
  const old = leaderOf(cluster);
  cluster.isolated.add(old.nodeId);
  await cluster.until(
    () =>
      [...cluster.nodes.values()].some(
        (node) => node !== old && node.partitionLeader(topic, 0)?.leader === node.nodeId,
      ),
    "a new leader among the others",
  );
  cluster.isolated.clear();
}

/**
 * Waits for `target`, the partition's preferred replica (its first leader), to lead again: the node's
 * leader balancing hands leadership back to it once it is live and in sync.
 */
async function leadsAgain(cluster: TestCluster, target: HelixNode): Promise<void> {
  expect(cluster.controllerLeader().topic(topic)?.partitions[0]?.replicas[0]).toBe(target.nodeId);
  await cluster.until(
    () => target.partitionLeader(topic, 0)?.leader === target.nodeId,
    `node ${target.nodeId} leads again`,
    1_000,
  );
}

async function fetchAt(backend: HelixKafkaBackend, offset: bigint, currentLeaderEpoch: number) {
  return backend.fetch({
    topic,
    partition: 0,
    offset,
    maxBytes: 1 << 20,
    maxWaitMs: 0,
    minBytes: 0,
    isolation: "read_uncommitted",
    currentLeaderEpoch,
  });
}

/** The partitionLeaderEpoch of every batch from offset 0 to the high watermark, read the way consumers read. */
async function batchEpochs(backend: HelixKafkaBackend, currentLeaderEpoch: number): Promise<number[]> {
  const epochs: number[] = [];
  let offset = 0n;
  for (let reads = 0; reads < 100; reads++) {
    const fetched = await fetchAt(backend, offset, currentLeaderEpoch);
    if (offset >= fetched.highWatermark) return epochs;
    for (const span of splitRecordBatches(fetched.records)) {
      epochs.push(span.header.partitionLeaderEpoch);
      offset = BigInt(span.header.baseOffset + span.header.lastOffsetDelta + 1);
    }
  }
  throw new Error("the fetches did not reach the high watermark");
}

describe("HelixKafkaBackend", () => {
  it("describes the leader's idempotent producers, and NOT_LEADER_OR_FOLLOWER elsewhere", async () => {
    const cluster = await TestCluster.ready(3);
    await cluster.createTopic(topic, 1, 3);
    const backends = new Map([...cluster.nodes].map(([id, node]) => [id, new HelixKafkaBackend(node)]));
    const produce = (records: Uint8Array) =>
      cluster.drive(
        backends
          .get(leaderOf(cluster).nodeId)!
          .produce({ topic, partition: 0, records, acks: -1, timeoutMs: 30_000 }),
      );
    await produce(batch(["a", "b"], 1_000, { id: 41, sequence: 0 }));
    await produce(batch(["c"], 2_000, { id: 42, sequence: 0 }));
    await produce(batch(["d", "e", "f"], 3_000, { id: 41, sequence: 2 }));
    await produce(batch(["plain"], 4_000));
    const expected = [
      { producerId: 42n, producerEpoch: 3, lastSequence: 0, lastTimestampMs: 2_000n },
      { producerId: 41n, producerEpoch: 3, lastSequence: 4, lastTimestampMs: 3_002n },
    ];
    const leader = leaderOf(cluster);
    expect(await backends.get(leader.nodeId)!.describeProducers(topic, 0)).toEqual(expected);
    for (const [id, backend] of backends) {
      if (id === leader.nodeId) continue;
      expect(await failureOf(backend.describeProducers(topic, 0))).toBe(6); // NOT_LEADER_OR_FOLLOWER
    }
    expect(await failureOf(backends.get(leader.nodeId)!.describeProducers("missing", 0))).toBe(3);

    await replaceLeader(cluster);
    const next = leaderOf(cluster);
    expect(await backends.get(next.nodeId)!.describeProducers(topic, 0)).toEqual(expected);
  });

  it("answers leader epochs from the epoch history across a truncated suffix, and checks the client's", async () => {
    const cluster = await TestCluster.ready(3, { snapshotPolicy: { afterEntries: 4, trailingEntries: 0 } });
    await cluster.createTopic(topic, 1, 3);
    const backends = new Map([...cluster.nodes].map(([id, node]) => [id, new HelixKafkaBackend(node)]));
    const backendOf = (node: HelixNode) => backends.get(node.nodeId)!;

    // Term t1: offsets 0..1 committed.
    const first = leaderOf(cluster);
    const t1 = termOf(first);
    await cluster.drive(first.produce(topic, 0, batch(["a", "b"], 1_000), "all"));
    // Cut off, the t1 leader still appends 2..4 (never committed).
    cluster.isolated.add(first.nodeId);
    await first.produce(topic, 0, batch(["lost-1", "lost-2", "lost-3"], 1_500), "none");
    expect(first.highWatermark(topic, 0)).toBe(2);
    await cluster.until(
      () =>
        [...cluster.nodes.values()].some(
          (node) => node !== first && node.partitionLeader(topic, 0)?.leader === node.nodeId,
        ),
      "a new leader among the others",
    );
    // Term t2: offsets 2..3 are new records.
    const second = leaderOf(cluster);
    const t2 = termOf(second);
    expect(t2).toBeGreaterThan(t1);
    await cluster.drive(second.produce(topic, 0, batch(["c", "d"], 2_000), "all"));
    cluster.isolated.clear();
    await cluster.until(
      () => [...cluster.nodes.values()].every((node) => node.highWatermark(topic, 0) === 4),
      "every replica holds offsets 0..3",
    );

    const onSecond = backendOf(second);
    // t1 ended where t2's records start, not at the old leader's lost log end (5) nor the current end.
    expect(await onSecond.offsetForLeaderEpoch(topic, 0, t1, t2)).toEqual({ leaderEpoch: t1, endOffset: 2n });
    expect(await onSecond.offsetForLeaderEpoch(topic, 0, t2, -1)).toEqual({ leaderEpoch: t2, endOffset: 4n });
    // An epoch between them that wrote nothing answers the one before it; older than all: itself.
    if (t2 > t1 + 1)
      expect(await onSecond.offsetForLeaderEpoch(topic, 0, t1 + 1, -1)).toEqual({
        leaderEpoch: t1,
        endOffset: 2n,
      });
    expect(await onSecond.offsetForLeaderEpoch(topic, 0, t2 + 5, -1)).toEqual({
      leaderEpoch: -1,
      endOffset: -1n,
    });
    // ListOffsets: the epoch each offset was written in.
    expect(await onSecond.listOffset(topic, 0, { kind: "earliest" }, "read_uncommitted", t2)).toMatchObject({
      offset: 0n,
      leaderEpoch: t1,
    });
    expect(await onSecond.listOffset(topic, 0, { kind: "latest" }, "read_uncommitted", -1)).toMatchObject({
      offset: 4n,
      leaderEpoch: t2,
    });
    expect(
      await onSecond.listOffset(topic, 0, { kind: "timestamp", timestampMs: 2_000n }, "read_uncommitted", -1),
    ).toMatchObject({ offset: 2n, leaderEpoch: t2 });
    // Fetched batches carry the term they were appended in.
    expect(await batchEpochs(onSecond, t2)).toEqual([t1, t2]);

    // KIP-320 checks: an older epoch is fenced, a newer one unknown; the same on a follower.
    const fenced = wireErrorCode.fencedLeaderEpoch;
    const unknown = wireErrorCode.unknownLeaderEpoch;
    expect(await failureOf(fetchAt(onSecond, 0n, t1))).toBe(fenced);
    expect(await failureOf(fetchAt(onSecond, 0n, t2 + 1))).toBe(unknown);
    expect(await failureOf(onSecond.listOffset(topic, 0, { kind: "latest" }, "read_uncommitted", t1))).toBe(
      fenced,
    );
    expect(await failureOf(onSecond.offsetForLeaderEpoch(topic, 0, t1, t2 + 1))).toBe(unknown);
    const follower = [...cluster.nodes.values()].find((node) => node !== second)!;
    expect(await failureOf(fetchAt(backendOf(follower), 0n, t1))).toBe(fenced);
    expect(await failureOf(fetchAt(backendOf(follower), 0n, termOf(follower)))).toBe(6);

    // The old t1 leader dropped its lost suffix: once it leads again (t3, by leader balancing), its
    // history agrees.
    await leadsAgain(cluster, first);
    const t3 = termOf(first);
    for (let i = 0; i < 5; i++) await cluster.drive(first.produce(topic, 0, batch([`e${i}`], 3_000), "all"));
    const onFirst = backendOf(first);
    expect(await onFirst.offsetForLeaderEpoch(topic, 0, t1, t3)).toEqual({ leaderEpoch: t1, endOffset: 2n });
    expect(await onFirst.offsetForLeaderEpoch(topic, 0, t2, t3)).toEqual({ leaderEpoch: t2, endOffset: 4n });
    expect(await onFirst.offsetForLeaderEpoch(topic, 0, t3, t3)).toEqual({ leaderEpoch: t3, endOffset: 9n });
    expect(await batchEpochs(onFirst, t3)).toEqual([t1, t2, t3, t3, t3, t3, t3]);

    // Crashed and restarted (a snapshot every 4 entries, no trailing log): the history of the entries
    // the snapshot replaced comes back from it.
    await cluster.until(
      () => [...cluster.nodes.values()].every((node) => node.highWatermark(topic, 0) === 9),
      "every replica holds offsets 0..8",
    );
    const restarted = await cluster.crashAndRestart(first.nodeId);
    backends.set(restarted.nodeId, new HelixKafkaBackend(restarted));
    await leadsAgain(cluster, restarted);
    const t4 = termOf(restarted);
    const onRestarted = backendOf(restarted);
    expect(await onRestarted.offsetForLeaderEpoch(topic, 0, t1, t4)).toEqual({
      leaderEpoch: t1,
      endOffset: 2n,
    });
    expect(await onRestarted.offsetForLeaderEpoch(topic, 0, t2, t4)).toEqual({
      leaderEpoch: t2,
      endOffset: 4n,
    });
    expect(await onRestarted.offsetForLeaderEpoch(topic, 0, t3, t4)).toEqual({
      leaderEpoch: t3,
      endOffset: 9n,
    });
  });

  it("names a live broker as the controller, this node while no controller leader is known", async () => {
    const cluster = await TestCluster.ready(3);
    const leader = cluster.controllerLeader();
    const survivor = [...cluster.nodes.values()].find((node) => node !== leader) as HelixNode;
    const backend = new HelixKafkaBackend(survivor);
    expect((await backend.metadata([])).controllerId).toBe(leader.nodeId);
    for (const node of [...cluster.nodes.values()]) if (node !== survivor) await cluster.stop(node.nodeId);
    // Alone, the survivor campaigns in vain: it knows no controller leader (an election in progress).
    await cluster.until(() => survivor.controllerLeader() === undefined, "no controller leader known");
    const during = await backend.metadata([]);
    expect(during.controllerId).toBe(survivor.nodeId);
    expect(during.brokers.map((broker) => broker.nodeId)).toContain(survivor.nodeId);
  });

  it("names no leader for a new partition a replica does not host yet, so clients ask again", async () => {
    const cluster = await TestCluster.ready(3);
    // Node 3's snapshot lookups wait on a gate: it knows the new topic (it is one of its replicas) while
    // its Raft host is still adding the partition's group, the window right after an auto-creation.
    const disk = await cluster.stop(nodeId(3));
    let gate: Promise<void> | undefined;
    let release = () => {};
    const gated = new Proxy(disk, {
      get(target, key) {
        if (key === "exists") {
          return async (path: string) => {
            if (gate !== undefined && path.includes("snapshots/")) await gate;
            return target.exists(path);
          };
        }
        const value = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as SimDisk;
    await cluster.start(nodeId(3), gated);
    await cluster.until(() => cluster.node(3).isServing(), "node 3 serving again");
    gate = new Promise((resolve) => {
      release = resolve;
    });
    const creating = cluster
      .controllerLeader()
      .createTopic({ name: "fresh", partitions: 1, replicationFactor: 3 });
    creating.catch(() => {});
    const backend = new HelixKafkaBackend(cluster.node(3));
    await cluster.until(() => cluster.node(3).topic("fresh") !== undefined, "node 3 knows the topic");
    expect(cluster.node(3).partitionLeader("fresh", 0)).toBeUndefined();
    // Before the fix it named the preferred replica, which was not leading (a client retrying there
    // without refreshing its metadata got NOT_LEADER_OR_FOLLOWER for seconds).
    const opening = (await backend.metadata(["fresh"])).topics[0]!.partitions[0]!;
    expect(opening).toMatchObject({ leaderId: -1, leaderEpoch: -1 });
    expect(opening.replicas).toContain(3);
    release();
    await cluster.drive(creating);
    await cluster.until(() => cluster.hasPartitionLeader("fresh", 0), "a leader for fresh-0");
    const leader = cluster.partitionLeader("fresh", 0);
    await cluster.until(
      () => cluster.node(3).partitionLeader("fresh", 0)?.leader === leader.nodeId,
      "node 3 hears from the leader",
    );
    const settled = (await backend.metadata(["fresh"])).topics[0]!.partitions[0]!;
    expect(settled.leaderId).toBe(leader.nodeId);
  });
});
