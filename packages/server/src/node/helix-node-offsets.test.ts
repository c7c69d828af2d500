/**
 * Offsets by time and DeleteRecords on the node, three replicas in process (Kafka semantics):
 *   - offsetForTime answers the earliest committed record whose timestamp is at least the target, to
 *     the record inside a batch, undefined past the newest; maxTimestamp the record with the largest
 *     timestamp (the first on a tie); both only on the partition leader (NOT_LEADER elsewhere);
 *   - deleteRecords moves the log start offset through the partition's Raft log: every replica reports
 *     it, fetch below it is OFFSET_OUT_OF_RANGE, -1 means the high watermark, past the high watermark is
 *     OFFSET_OUT_OF_RANGE, segments wholly below it leave the disk, and it survives a restart;
 *   - time lookups never answer an offset below the log start offset.
 */
import { decodeRecords, nodeId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { codeOf, records, TestCluster } from "../test-support/test-cluster.js";
import type { HelixNode } from "./helix-node.js";

const t0 = 1_700_000_000_000;

function values(batches: readonly Uint8Array[]): string[] {
  return batches.flatMap((batch) =>
    decodeRecords(batch).map((record) => new TextDecoder().decode(record.value!)),
  );
}

async function timedTopic(cluster: TestCluster): Promise<HelixNode> {
  await cluster.createTopic("timed", 1, cluster.ids.length);
  const leader = cluster.partitionLeader("timed", 0);
  // Offsets 0..2 at t0+0, +10, +20; 3..5 at +30, +90 (largest), +40; 6 at +90 (a tie, later).
  await cluster.drive(leader.produce("timed", 0, records(["a", "b", "c"], [t0, t0 + 10, t0 + 20]), "all"));
  await cluster.drive(
    leader.produce("timed", 0, records(["d", "e", "f"], [t0 + 30, t0 + 90, t0 + 40]), "all"),
  );
  await cluster.drive(leader.produce("timed", 0, records(["g"], [t0 + 90]), "all"));
  return leader;
}

describe("HelixNode offsets by time", () => {
  it("finds the first record at or after a time, and the record with the largest timestamp", async () => {
    const cluster = await TestCluster.ready(3);
    const leader = await timedTopic(cluster);
    const at = (time: number) => cluster.drive(leader.offsetForTime("timed", 0, time));
    expect(await at(0)).toEqual({ offset: 0, timestamp: t0 });
    expect(await at(t0 + 5)).toEqual({ offset: 1, timestamp: t0 + 10 });
    expect(await at(t0 + 20)).toEqual({ offset: 2, timestamp: t0 + 20 });
    expect(await at(t0 + 35)).toEqual({ offset: 4, timestamp: t0 + 90 });
    expect(await at(t0 + 90)).toEqual({ offset: 4, timestamp: t0 + 90 });
    expect(await at(t0 + 91)).toBeUndefined();
    expect(await cluster.drive(leader.maxTimestamp("timed", 0))).toEqual({ offset: 4, timestamp: t0 + 90 });
    const follower = [...cluster.nodes.values()].find((node) => node !== leader)!;
    expect(await codeOf(follower.offsetForTime("timed", 0, 0))).toBe("NOT_LEADER");
    expect(await codeOf(follower.maxTimestamp("timed", 0))).toBe("NOT_LEADER");
    expect(await codeOf(leader.offsetForTime("missing", 0, 0))).toBe("UNKNOWN_TOPIC");
    expect(await codeOf(leader.maxTimestamp("timed", 4))).toBe("UNKNOWN_PARTITION");
  });

  it("answers nothing for an empty partition", async () => {
    const cluster = await TestCluster.ready(1);
    await cluster.createTopic("empty", 1, 1);
    const node = cluster.node(1);
    expect(await cluster.drive(node.offsetForTime("empty", 0, 0))).toBeUndefined();
    expect(await cluster.drive(node.maxTimestamp("empty", 0))).toBeUndefined();
  });
});

describe("HelixNode.deleteRecords", () => {
  it("moves the log start offset on every replica and refuses fetches below it", async () => {
    const cluster = await TestCluster.ready(3);
    const leader = await timedTopic(cluster);
    expect(await cluster.drive(leader.deleteRecords("timed", 0, 2))).toEqual({ lowWatermark: 2 });
    await cluster.until(
      () => [...cluster.nodes.values()].every((node) => node.logStartOffset("timed", 0) === 2),
      "every replica applied the new log start offset",
    );
    for (const node of cluster.nodes.values()) {
      expect(await codeOf(node.fetch("timed", 0, 1, 1 << 20))).toBe("OFFSET_OUT_OF_RANGE");
      const fetched = await node.fetch("timed", 0, 2, 1 << 20);
      expect(fetched.logStartOffset).toBe(2);
      // Whole batches come back; the consumer skips records below the offset it asked for.
      expect(values(fetched.batches)).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    }
    // Time lookups start at the log start offset.
    expect(await cluster.drive(leader.offsetForTime("timed", 0, 0))).toEqual({
      offset: 2,
      timestamp: t0 + 20,
    });
    // Moving backwards changes nothing; past the high watermark is out of range; bad offsets are refused.
    expect(await cluster.drive(leader.deleteRecords("timed", 0, 1))).toEqual({ lowWatermark: 2 });
    expect(await codeOf(cluster.drive(leader.deleteRecords("timed", 0, 8)))).toBe("OFFSET_OUT_OF_RANGE");
    expect(await codeOf(cluster.drive(leader.deleteRecords("timed", 0, -2)))).toBe("INVALID_ARGUMENT");
    const follower = [...cluster.nodes.values()].find((node) => node !== leader)!;
    expect(await codeOf(follower.deleteRecords("timed", 0, 3))).toBe("NOT_LEADER");
  });

  it("deletes up to the high watermark with -1, drops the segments and survives a restart", async () => {
    const cluster = await TestCluster.ready(1);
    const node = await timedTopic(cluster);
    expect(await cluster.drive(node.deleteRecords("timed", 0, -1))).toEqual({ lowWatermark: 7 });
    await cluster.until(() => node.logStartOffset("timed", 0) === 7, "log start at the high watermark");
    const logFiles = () =>
      cluster.disks
        .get(nodeId(1))!
        .paths()
        .filter((path) => path.includes("partitions/timed-0/") && path.endsWith(".log"));
    await cluster.until(() => logFiles().length === 1, "old segments removed");
    expect(logFiles()[0]).toMatch(/0{19}7\.log$/);
    expect(await cluster.drive(node.offsetForTime("timed", 0, 0))).toBeUndefined();
    const restarted = await cluster.crashAndRestart(nodeId(1));
    await cluster.until(
      () => restarted.partitionLeader("timed", 0)?.leader === restarted.nodeId,
      "leader after restart",
    );
    await cluster.until(() => restarted.highWatermark("timed", 0) === 7, "log replayed");
    expect(restarted.logStartOffset("timed", 0)).toBe(7);
    expect(await codeOf(restarted.fetch("timed", 0, 0, 1 << 20))).toBe("OFFSET_OUT_OF_RANGE");
    const next = await cluster.drive(restarted.produce("timed", 0, records(["h"], [t0 + 100]), "all"));
    expect(next.baseOffset).toBe(7);
    expect(await cluster.drive(restarted.offsetForTime("timed", 0, 0))).toEqual({
      offset: 7,
      timestamp: t0 + 100,
    });
  });
});
