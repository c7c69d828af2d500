/**
 * Topic deletion on the node (issue 7, reconciliation), three replicas in process:
 *   - when the controller deletes a topic, every replica stops hosting its groups and deletes the
 *     partitions' files; reads and writes answer UNKNOWN_TOPIC;
 *   - a topic recreated with the same name starts empty (offset 0, none of the old records), also after
 *     a restart that replays both the deletion and the recreation;
 *   - a partition directory left behind by an interrupted deletion (its group marker names another
 *     group) is emptied before a new partition of the same name uses it;
 *   - once a restarted node serves, it deletes the files of partition directories whose group it no
 *     longer hosts (a topic deleted while it was down), and keeps its live partitions;
 *   - a topic deleted while one of its new partitions is still opening (its disk slow) does not stop the
 *     node: the partition opens as it was assigned, and the next reconciliation removes it; leader
 *     balancing meanwhile passes over the deleted topic's partitions still hosted.
 */
import { decodeRecords, limits, nodeId, SeededRng } from "@helixlog/core";
import { SimDisk } from "@helixlog/wal/testing";
import { describe, expect, it } from "vitest";
import { codeOf, records, TestCluster } from "../test-support/test-cluster.js";

function values(batches: readonly Uint8Array[]): string[] {
  return batches.flatMap((batch) =>
    decodeRecords(batch).map((record) => new TextDecoder().decode(record.value!)),
  );
}

function partitionFiles(cluster: TestCluster, id: number, topic: string): string[] {
  return cluster.disks
    .get(nodeId(id))!
    .paths()
    .filter((path) => path.includes(`partitions/${topic}-`));
}

describe("HelixNode topic deletion", () => {
  it("stops hosting a deleted topic everywhere, removes its files, and a recreated topic starts empty", async () => {
    const cluster = await TestCluster.ready(3);
    await cluster.createTopic("doomed", 2, 3);
    for (const partition of [0, 1]) {
      const leader = cluster.partitionLeader("doomed", partition);
      for (let i = 0; i < 3; i++)
        await cluster.drive(leader.produce("doomed", partition, records([`old-${partition}-${i}`]), "all"));
    }
    await cluster.until(
      () => [...cluster.nodes.values()].every((node) => node.highWatermark("doomed", 1) === 3),
      "replicas caught up",
    );
    expect(partitionFiles(cluster, 2, "doomed").some((path) => path.endsWith(".log"))).toBe(true);

    await cluster.drive(cluster.controllerLeader().deleteTopic("doomed"));
    await cluster.until(
      () =>
        [1, 2, 3].every(
          (id) =>
            cluster.node(id).partitionLeader("doomed", 0) === undefined &&
            partitionFiles(cluster, id, "doomed").length === 0,
        ),
      "every replica dropped the partitions and their files",
    );
    for (const node of cluster.nodes.values()) {
      expect(await codeOf(node.fetch("doomed", 0, 0, 1024))).toBe("UNKNOWN_TOPIC");
      expect(await codeOf(node.produce("doomed", 0, records(["x"]), "all"))).toBe("UNKNOWN_TOPIC");
    }

    await cluster.createTopic("doomed", 2, 3);
    const leader = cluster.partitionLeader("doomed", 0);
    expect(leader.highWatermark("doomed", 0)).toBe(0);
    const fresh = await cluster.drive(leader.produce("doomed", 0, records(["new"]), "all"));
    expect(fresh.baseOffset).toBe(0);
    expect(values((await leader.fetch("doomed", 0, 0, 1 << 20)).batches)).toEqual(["new"]);

    // A restart replays the creation, the deletion and the recreation: only the new records remain.
    const restarted = await cluster.crashAndRestart(leader.nodeId);
    await cluster.until(
      () =>
        restarted.partitionLeader("doomed", 0) !== undefined &&
        restarted.partitionLeader("doomed", 1) !== undefined &&
        restarted.highWatermark("doomed", 0) === 1,
      "restarted replica caught up",
      600,
    );
    expect(values((await restarted.fetch("doomed", 0, 0, 1 << 20)).batches)).toEqual(["new"]);
    expect(restarted.highWatermark("doomed", 1)).toBe(0);
  });

  it("empties a directory an interrupted deletion left behind before reusing its name", async () => {
    const cluster = await TestCluster.ready(1);
    await cluster.createTopic("reused", 1, 1);
    const node = cluster.node(1);
    await cluster.drive(node.produce("reused", 0, records(["stale-a", "stale-b"]), "all"));
    await cluster.until(
      () => partitionFiles(cluster, 1, "reused").some((path) => path.endsWith(".log")),
      "segment written",
    );
    // Keep a copy of the partition's files, delete the topic, then put the copy back, as if the
    // deletion had crashed before removing anything.
    const disk = cluster.disks.get(nodeId(1))!;
    const saved = new Map(
      partitionFiles(cluster, 1, "reused").map((path) => [path, disk.contents(path).slice()] as const),
    );
    expect([...saved.keys()].some((path) => path.endsWith("/group"))).toBe(true);
    await cluster.drive(node.deleteTopic("reused"));
    await cluster.until(() => partitionFiles(cluster, 1, "reused").length === 0, "files removed");
    for (const [path, contents] of saved) {
      const file = await disk.open(path, { create: true });
      await file.write(0, contents);
      await file.sync();
      await file.close();
    }
    await cluster.createTopic("reused", 1, 1);
    expect(node.highWatermark("reused", 0)).toBe(0);
    expect((await cluster.drive(node.produce("reused", 0, records(["fresh"]), "all"))).baseOffset).toBe(0);
    expect(values((await node.fetch("reused", 0, 0, 1 << 20)).batches)).toEqual(["fresh"]);
  });

  it("sweeps a partition directory of a group it no longer hosts once it serves again", async () => {
    const cluster = await TestCluster.ready(1);
    await cluster.createTopic("kept", 1, 1);
    const node = cluster.node(1);
    await cluster.drive(node.produce("kept", 0, records(["stays"]), "all"));
    await cluster.until(
      () => partitionFiles(cluster, 1, "kept").some((path) => path.endsWith(".log")),
      "written",
    );
    // What a deletion missed while the node was down looks like: a directory whose marker names a group
    // the controller no longer assigns (ids are never reused).
    const disk = cluster.disks.get(nodeId(1))!;
    await disk.mkdir("partitions/ghost-0");
    for (const [name, contents] of [
      ["group", "987"],
      ["00000000000000000000.log", "old segment"],
    ] as const) {
      const file = await disk.open(`partitions/ghost-0/${name}`, { create: true });
      await file.write(0, new TextEncoder().encode(contents));
      await file.sync();
      await file.close();
    }
    await disk.syncDirectory("partitions/ghost-0");
    await disk.syncDirectory("partitions");
    const restarted = await cluster.crashAndRestart(nodeId(1));
    expect(partitionFiles(cluster, 1, "ghost")).toHaveLength(2);
    await cluster.until(() => partitionFiles(cluster, 1, "ghost").length === 0, "orphan swept", 600);
    await cluster.until(() => restarted.partitionLeader("kept", 0)?.leader === restarted.nodeId, "kept led");
    expect(values((await restarted.fetch("kept", 0, 0, 1 << 20)).batches)).toEqual(["stays"]);
    expect(partitionFiles(cluster, 1, "kept").some((path) => path.endsWith("/group"))).toBe(true);
  });

  it("answers a retriable LEADER_NOT_AVAILABLE, not UNKNOWN_GROUP, while a new partition's group is added", async () => {
    const cluster = await TestCluster.ready(3);
    // Node 3's snapshot lookups wait on a gate: its new partition is open (the node knows it) while
    // the Raft host is still adding the group, the window a client hit right after CreateTopic.
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
    let code = "NOT_LEADER";
    for (let step = 0; step < 200 && code === "NOT_LEADER"; step++) {
      code = await codeOf(cluster.node(3).produce("fresh", 0, records(["early"]), "all"));
      if (code === "NOT_LEADER" || code === "UNKNOWN_TOPIC") {
        code = "NOT_LEADER";
        await cluster.step();
      }
    }
    expect(code).toBe("LEADER_NOT_AVAILABLE");
    release();
    await cluster.drive(creating);
    await cluster.until(() => cluster.hasPartitionLeader("fresh", 0), "a leader for fresh-0");
    const leader = cluster.partitionLeader("fresh", 0);
    await cluster.drive(leader.produce("fresh", 0, records(["later"]), "all"));
  });

  it("survives a topic deleted while one of its new partitions is still opening, and removes that partition", async () => {
    // Disk operations under the new partition's directory wait while `holding` (a slow disk).
    let holding = false;
    const held: (() => void)[] = [];
    const disk = new SimDisk({
      rng: new SeededRng(1),
      scheduler: (_operation, path, complete) => {
        if (holding && path.includes("partitions/racy-1")) held.push(complete);
        else complete();
      },
    });
    const failures: unknown[] = [];
    const cluster = new TestCluster([nodeId(1)], { onFailure: (error) => failures.push(error) });
    await cluster.start(nodeId(1), disk);
    await cluster.until(() => cluster.node(1).listNodes().length === 1, "the node registered");
    await cluster.createTopic("racy", 1, 1);

    holding = true;
    const node = cluster.node(1);
    await cluster.drive(node.alterTopic({ name: "racy", partitions: 2 }));
    await cluster.until(() => held.length > 0, "partition racy-1 started opening");
    await cluster.drive(node.deleteTopic("racy"));
    // Reconciliations run one at a time: partition 0, deleted but still listed and led here, waits for
    // its removal behind the held open, while ticks run leader balancing over it.
    for (let i = 0; i <= limits.leaderBalanceEveryTicks; i++) await cluster.step();
    expect(held.length).toBeGreaterThan(0);
    holding = false;
    for (const complete of held.splice(0)) complete();

    await cluster.until(
      () => node.partitionLeader("racy", 0) === undefined && partitionFiles(cluster, 1, "racy").length === 0,
      "both partitions removed, files and all",
    );
    expect(failures).toEqual([]);
    await cluster.createTopic("after", 1, 1);
    const written = await cluster.drive(node.produce("after", 0, records(["alive"]), "all"));
    expect(written.baseOffset).toBe(0);
  });
});
