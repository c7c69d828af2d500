/**
 * Tiered storage wired into the node (issue 11), three in-process nodes on simulated disks sharing one
 * SimObjectStore (the cluster's bucket):
 *   - the manifest travels through the partition's Raft log: every replica holds the same manifest,
 *     also after a crash-restart that recovers it from a partition snapshot;
 *   - local segments go only after their manifest entry is committed (an isolated leader uploads but
 *     cannot commit, and keeps its segments);
 *   - a leader change mid-upload leaves no entry pointing at a missing or partial object, and the late
 *     object of the deposed leader is deleted as an orphan;
 *   - fetches below the local log start come from the object store, byte for byte, on every replica,
 *     and the log start offset reported is the tiered one.
 */
import {
  batchNextOffset,
  decodeRecords,
  type NodeId,
  nodeId,
  type ObjectInfo,
  type ObjectStore,
  readRecordBatchHeader,
  SeededRng,
} from "@helixlog/core";
import { parseTieredObjectKey } from "@helixlog/tier";
import { SimObjectStore } from "@helixlog/tier/testing";
import { describe, expect, it } from "vitest";
import { records, TestCluster } from "../../test-support/test-cluster.js";
import type { HelixNode } from "../helix-node.js";

const topic = "tiered";
const tieredConfig = {
  "tiering.enabled": "true",
  "segment.bytes": "4096",
  "local.retention.bytes": "0",
  "retention.ms": "-1",
};

/** A batch of `count` records of about 200 bytes, values `v<first>`... */
function batch(first: number, count: number): Uint8Array {
  return records(
    Array.from({ length: count }, (_, i) => `v${first + i}-${"x".repeat(200)}`),
    Array.from({ length: count }, (_, i) => baseTime + first + i),
  );
}

/** Record i is stamped baseTime + i (ms). */
const baseTime = 1_700_000_000_000;

/** Every record value from offset 0 to the high watermark, read through `node.fetch`. */
async function readAll(cluster: TestCluster, node: HelixNode, from = 0): Promise<string[]> {
  const values: string[] = [];
  const end = node.highWatermark(topic, 0);
  let offset = from;
  while (offset < end) {
    const result = await cluster.drive(node.fetch(topic, 0, offset, 2048));
    expect(result.batches.length, `fetch at ${offset}`).toBeGreaterThan(0);
    for (const bytes of result.batches) {
      const header = readRecordBatchHeader(bytes);
      for (const record of decodeRecords(bytes)) {
        if (header.baseOffset + record.offsetDelta < offset) continue;
        values.push(new TextDecoder().decode(record.value as Uint8Array));
      }
      offset = batchNextOffset(header);
    }
  }
  return values;
}

function expected(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `v${i}-${"x".repeat(200)}`);
}

function manifestBytes(node: HelixNode): string {
  return Buffer.from(node.tierManifest(topic, 0).snapshot()).toString("hex");
}

/** Every manifest entry names an object that exists whole, with the size and CRC32C recorded. */
async function checkObjects(node: HelixNode, store: ObjectStore): Promise<void> {
  for (const entry of node.tierManifest(topic, 0).entries) {
    const head = (await store.head(entry.objectKey)) as ObjectInfo;
    expect(head, entry.objectKey).toBeDefined();
    expect(head.sizeBytes).toBe(entry.sizeBytes);
    expect(head.crc32c).toBe(entry.crc32c);
  }
}

async function produce(
  cluster: TestCluster,
  first: number,
  batches: number,
  perBatch: number,
): Promise<number> {
  for (let i = 0; i < batches; i++) {
    const leader = cluster.partitionLeader(topic, 0);
    await cluster.drive(leader.produce(topic, 0, batch(first + i * perBatch, perBatch), "all"));
  }
  return first + batches * perBatch;
}

/** An object store whose puts wait while `holding`, until `release()`. */
class GatedStore implements ObjectStore {
  holding = false;
  readonly held: { key: string; release: () => void }[] = [];
  constructor(private readonly inner: ObjectStore) {}
  async put(key: string, body: Uint8Array, options: { readonly crc32c: number }): Promise<void> {
    if (this.holding) await new Promise<void>((release) => this.held.push({ key, release }));
    return this.inner.put(key, body, options);
  }
  get(key: string) {
    return this.inner.get(key);
  }
  getRange(key: string, start: number, end: number) {
    return this.inner.getRange(key, start, end);
  }
  head(key: string) {
    return this.inner.head(key);
  }
  list(prefix: string) {
    return this.inner.list(prefix);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
}

describe("HelixNode tiered storage", () => {
  it("replicates the manifest, deletes local segments once tiered, and serves old offsets remotely", async () => {
    const store = new SimObjectStore(new SeededRng(7));
    const cluster = await TestCluster.ready(3, {
      objectStore: store,
      snapshotPolicy: { afterEntries: 20, trailingEntries: 5 },
    });
    await cluster.createTopic(topic, 1, 3, tieredConfig);
    const total = await produce(cluster, 0, 40, 10);
    await cluster.until(
      () =>
        [1, 2, 3].every((id) => {
          const node = cluster.node(id);
          return node.tierManifest(topic, 0).tieredEndOffset >= 300 && node.logStartOffset(topic, 0) === 0;
        }),
      "segments tiered on every replica",
    );
    await cluster.until(
      () => [1, 2, 3].every((id) => manifestBytes(cluster.node(id)) === manifestBytes(cluster.node(1))),
      "every replica applied the same manifest",
    );
    const leader = cluster.partitionLeader(topic, 0);
    await checkObjects(leader, store);
    expect(store.keysUnder("").length).toBeGreaterThanOrEqual(leader.tierManifest(topic, 0).entries.length);
    expect(leader.tierStatus().bytesUploaded).toBeGreaterThan(0);
    // Local segments below the tiered end are gone on every replica (local.retention.bytes 0), yet every
    // offset from 0 reads back byte for byte, remotely below the local start.
    for (const id of [1, 2, 3]) {
      const node = cluster.node(id);
      const local = localSegmentBases(cluster, id);
      expect(local[0], `node ${id} first local segment`).toBeGreaterThan(0);
      expect(node.logStartOffset(topic, 0)).toBe(0);
      expect(await readAll(cluster, node)).toEqual(expected(total));
    }
    expect(cluster.node(1).tierStatus().remoteReads).toBeGreaterThan(0);
    // ListOffsets by timestamp finds records that only the object store holds.
    const firstLocal = localSegmentBases(cluster, leader.nodeId)[0] as number;
    const target = Math.floor(firstLocal / 2) + 1;
    expect(await cluster.drive(leader.offsetForTime(topic, 0, baseTime + target))).toEqual({
      offset: target,
      timestamp: baseTime + target,
    });
    expect(await cluster.drive(leader.offsetForTime(topic, 0, baseTime + firstLocal + 1))).toEqual({
      offset: firstLocal + 1,
      timestamp: baseTime + firstLocal + 1,
    });

    // A crash-restart recovers the manifest from the partition snapshot plus the WAL suffix.
    const follower = [1, 2, 3].find((id) => id !== leader.nodeId) as number;
    const restarted = await cluster.crashAndRestart(nodeId(follower));
    await cluster.until(
      () => quietly(() => restarted.highWatermark(topic, 0) === total),
      "restarted replica caught up",
    );
    await cluster.until(
      () => manifestBytes(restarted) === manifestBytes(cluster.partitionLeader(topic, 0)),
      "restarted replica agrees on the manifest",
    );
    expect(await readAll(cluster, restarted)).toEqual(expected(total));
  }, 120_000);

  it("keeps local segments until the manifest entry commits; a leader change mid-upload leaves no bad entry", async () => {
    const inner = new SimObjectStore(new SeededRng(11));
    const store = new GatedStore(inner);
    const cluster = await TestCluster.ready(3, { objectStore: store, tierOrphanListEveryTicks: 50 });
    await cluster.createTopic(topic, 1, 3, tieredConfig);
    const first = cluster.partitionLeader(topic, 0);
    const firstTerm = first.partitionLeader(topic, 0)?.term as number;
    store.holding = true;
    const total = await produce(cluster, 0, 20, 10);
    await cluster.until(() => store.held.length > 0, "the leader started an upload");
    // Cut the uploading leader off: the others elect a new leader and tier without it.
    cluster.isolated.add(first.nodeId);
    await cluster.until(
      () =>
        [...cluster.nodes.values()].some(
          (node) => node.nodeId !== first.nodeId && node.partitionLeader(topic, 0)?.leader === node.nodeId,
        ),
      "a new leader among the connected nodes",
    );
    store.holding = false;
    const others = [1, 2, 3].filter((id) => id !== first.nodeId).map((id) => cluster.node(id));
    await cluster.until(
      () => others.every((node) => node.tierManifest(topic, 0).tieredEndOffset >= 100),
      "the new leader tiered segments",
    );
    // The deposed leader's put completes late: its object lands, but never in the manifest.
    const late = store.held.splice(0);
    for (const put of late) put.release();
    for (let i = 0; i < 20; i++) await cluster.step();
    for (const node of others) {
      for (const entry of node.tierManifest(topic, 0).entries)
        expect(
          parseTieredObjectKey(entry.objectKey, `${entry.objectKey.split("/").slice(0, 2).join("/")}/`)?.term,
        ).toBeGreaterThan(firstTerm);
      await checkObjects(node, store);
    }
    // The isolated old leader committed nothing new: its manifest is empty and its segments are all local.
    expect(first.tierManifest(topic, 0).entries.length).toBe(0);
    expect(localSegmentBases(cluster, first.nodeId)[0]).toBe(0);

    cluster.isolated.delete(first.nodeId);
    await cluster.until(
      () => manifestBytes(first) === manifestBytes(cluster.partitionLeader(topic, 0)),
      "the old leader applies the committed manifest",
    );
    await cluster.until(
      () => localSegmentBases(cluster, first.nodeId)[0]! > 0,
      "the old leader deletes tiered segments",
    );
    const lateKeys = new Set(late.map((put) => put.key));
    await cluster.until(
      () => inner.keysUnder("").every((key) => !lateKeys.has(key)),
      "the deposed leader's late objects are deleted as orphans",
    );
    for (const id of [1, 2, 3]) expect(await readAll(cluster, cluster.node(id))).toEqual(expected(total));
  }, 120_000);

  it("applies total retention and DeleteRecords to the object store too", async () => {
    const store = new SimObjectStore(new SeededRng(5));
    const cluster = await TestCluster.ready(3, { objectStore: store });
    await cluster.createTopic(topic, 1, 3, tieredConfig);
    const total = await produce(cluster, 0, 30, 10);
    await cluster.until(
      () => [1, 2, 3].every((id) => cluster.node(id).tierManifest(topic, 0).tieredEndOffset >= 200),
      "segments tiered",
    );
    const prefix = (cluster.node(1).tierManifest(topic, 0).entries[0]?.objectKey ?? "").replace(/[^/]+$/, "");
    // DeleteRecords below 100: the manifest's log start moves on every replica, whole objects below it go.
    const leader = cluster.partitionLeader(topic, 0);
    await cluster.drive(leader.deleteRecords(topic, 0, 100));
    await cluster.until(
      () =>
        [1, 2, 3].every((id) => cluster.node(id).logStartOffset(topic, 0) === 100) &&
        store.keysUnder(prefix).join() ===
          cluster
            .node(1)
            .tierManifest(topic, 0)
            .entries.map((entry) => entry.objectKey)
            .join(),
      "objects wholly below the new log start deleted",
    );
    expect(store.keysUnder(prefix).length).toBeGreaterThan(0);
    for (const id of [1, 2, 3]) {
      const node = cluster.node(id);
      expect(node.tierManifest(topic, 0).logStartOffset).toBe(100);
      expect(node.tierManifest(topic, 0).entries[0]?.baseOffset).toBeLessThanOrEqual(100);
      expect(node.tierManifest(topic, 0).entries.every((entry) => entry.endOffset > 100)).toBe(true);
      expect((await readAll(cluster, node, 100)).length).toBe(total - 100);
    }
    await checkObjects(cluster.partitionLeader(topic, 0), store);

    // Total retention by age: every record is older than a minute once the clock moves on; the log start
    // moves past every tiered and local sealed segment, and their objects are deleted.
    await cluster.drive(
      cluster.controllerLeader().alterTopic({ name: topic, setConfigs: { "retention.ms": "60000" } }),
    );
    cluster.clock.advance(120_000);
    await cluster.until(
      () =>
        [1, 2, 3].every((id) => cluster.node(id).logStartOffset(topic, 0) >= 250) &&
        store.keysUnder(prefix).length === 0,
      "total retention removed the tiered objects",
    );
    for (const id of [1, 2, 3]) expect(cluster.node(id).tierManifest(topic, 0).entries).toEqual([]);
  }, 120_000);

  it("keeps tiered segments locally until consumer groups read past them (tiering.keep.unconsumed)", async () => {
    const store = new SimObjectStore(new SeededRng(9));
    const cluster = await TestCluster.ready(3, { objectStore: store });
    await cluster.createTopic(topic, 1, 3, { ...tieredConfig, "tiering.keep.unconsumed": "true" });
    const commit = async (offset: number) => {
      const leaderOf = () => cluster.node(1).progress.locate("readers")?.leader;
      await cluster.until(() => leaderOf() !== undefined, "the consumer group's progress group has a leader");
      const errors = await cluster.drive(
        cluster
          .node(leaderOf() as number)
          .progress.commitOffsets("readers", [{ topic, partition: 0, offset }]),
      );
      expect(errors.every((error) => error.error === null)).toBe(true);
    };
    await commit(40);
    await produce(cluster, 0, 30, 10);
    await cluster.until(
      () => [1, 2, 3].every((id) => cluster.node(id).tierManifest(topic, 0).tieredEndOffset >= 200),
      "segments tiered",
    );
    for (let i = 0; i < 20; i++) await cluster.step();
    // Only segments wholly below the group's committed offset 40 went; the rest stay local though tiered.
    for (const id of [1, 2, 3]) {
      const first = localSegmentBases(cluster, id)[0] as number;
      expect(first, `node ${id}`).toBeLessThanOrEqual(40);
      expect(first, `node ${id}`).toBeGreaterThan(0);
    }
    await commit(250);
    await cluster.until(
      () => [1, 2, 3].every((id) => (localSegmentBases(cluster, id)[0] as number) > 150),
      "segments the group read past are deleted locally",
    );
  }, 120_000);
});

/** A condition that is false while the node has not reopened the partition yet. */
function quietly(condition: () => boolean): boolean {
  try {
    return condition();
  } catch {
    return false;
  }
}

function localSegmentBases(cluster: TestCluster, id: NodeId | number): number[] {
  return (cluster.disks.get(nodeId(id)) as NonNullable<ReturnType<typeof cluster.disks.get>>)
    .paths()
    .filter((path) => path.includes(`partitions/${topic}-0/`) && path.endsWith(".log"))
    .map((path) => Number(/(\d{20})\.log$/.exec(path)?.[1]))
    .sort((a, b) => a - b);
}
