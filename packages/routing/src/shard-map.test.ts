/**
 * Checks the shard map: lookups by topic and partition (with Kafka's unknown-topic and unknown-partition
 * answers) and by group, stale controller versions ignored, leader updates only moving epochs forward,
 * immutability, and rejection of metadata that breaks the map's invariants.
 */
import { groupId, nodeId, partitionId, type Term, term, topicId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { ShardMap, type ShardMapMetadata } from "./shard-map.js";

const ordersId = topicId("01234567-89ab-cdef-0123-456789abcdef");

function metadata(version: number, leaderOf0 = 1, epoch: Term = term(3)): ShardMapMetadata {
  return {
    version,
    topics: [
      {
        name: "orders",
        topicId: ordersId,
        partitions: [
          // Listed out of order on purpose: the map orders partitions by id.
          {
            partition: partitionId(1),
            groupId: groupId(11),
            replicas: [2, 3, 1].map(nodeId),
            leaderEpoch: term(0),
          },
          {
            partition: partitionId(0),
            groupId: groupId(10),
            replicas: [1, 2, 3].map(nodeId),
            leader: nodeId(leaderOf0),
            leaderEpoch: epoch,
          },
        ],
      },
      {
        name: "audit",
        partitions: [
          { partition: partitionId(0), groupId: groupId(20), replicas: [nodeId(3)], leaderEpoch: term(1) },
        ],
      },
    ],
  };
}

describe("ShardMap lookups", () => {
  const map = ShardMap.fromMetadata(metadata(5));

  it("finds a partition's group, replicas and leader by topic name and partition", () => {
    expect(map.route("orders", 0)).toMatchObject({
      topic: "orders",
      groupId: 10,
      replicas: [1, 2, 3],
      leader: 1,
      leaderEpoch: 3,
    });
    expect(map.topic("orders")?.partitions.map((route) => route.partition)).toEqual([0, 1]);
    expect(map.topic("orders")?.topicId).toBe(ordersId);
    expect(map.topicNames().sort()).toEqual(["audit", "orders"]);
  });

  it("finds a partition by its group id", () => {
    expect(map.routeOfGroup(groupId(11))).toMatchObject({ topic: "orders", partition: 1 });
    expect(map.routeOfGroup(groupId(99))).toBeUndefined();
  });

  it("answers an unknown topic with UNKNOWN_TOPIC and an unknown partition with UNKNOWN_PARTITION", () => {
    expect(() => map.route("missing", 0)).toThrowError(
      expect.objectContaining({ code: "UNKNOWN_TOPIC" }) as Error,
    );
    expect(() => map.route("orders", 2)).toThrowError(
      expect.objectContaining({ code: "UNKNOWN_PARTITION" }) as Error,
    );
    expect(() => map.route("orders", -1)).toThrowError(/partitions 0 to 1, not -1/);
  });

  it("lists the partitions that have a leader, for the sticky partitioner", () => {
    expect(map.partitionsWithLeader("orders")).toEqual([0]);
    expect(map.partitionsWithLeader("missing")).toEqual([]);
  });

  it("cannot be changed through what it returns", () => {
    const route = map.route("orders", 0);
    expect(Object.isFrozen(route)).toBe(true);
    expect(Object.isFrozen(route.replicas)).toBe(true);
    expect(Object.isFrozen(map.topic("orders")?.partitions)).toBe(true);
  });
});

describe("ShardMap updates", () => {
  it("applies a newer controller version and ignores an older or equal one", () => {
    const map = ShardMap.fromMetadata(metadata(5));
    expect(map.update(metadata(4, 2))).toBe(map);
    expect(map.update(metadata(5, 2))).toBe(map);
    const newer = map.update(metadata(6, 2));
    expect(newer.version).toBe(6);
    expect(newer.route("orders", 0).leader).toBe(2);
  });

  it("takes any first version when it starts empty", () => {
    expect(ShardMap.empty().update(metadata(0)).version).toBe(0);
  });

  it("moves a leader forward by epoch and ignores an older epoch or a non-replica", () => {
    const map = ShardMap.fromMetadata(metadata(5));
    const moved = map.withLeader(groupId(10), nodeId(2), term(4));
    expect(moved.route("orders", 0)).toMatchObject({ leader: 2, leaderEpoch: 4 });
    expect(moved.routeOfGroup(groupId(10))?.leader).toBe(2);
    expect(map.route("orders", 0).leader).toBe(1);
    expect(moved.withLeader(groupId(10), nodeId(3), term(3))).toBe(moved);
    expect(moved.withLeader(groupId(10), nodeId(9), term(5))).toBe(moved);
    expect(moved.withLeader(groupId(99), nodeId(1), term(5))).toBe(moved);
  });

  it("records that a group lost its leader", () => {
    const leaderless = ShardMap.fromMetadata(metadata(5)).withLeader(groupId(10), undefined, term(4));
    expect(leaderless.route("orders", 0).leader).toBeUndefined();
    expect("leader" in leaderless.route("orders", 0)).toBe(false);
    expect(leaderless.partitionsWithLeader("orders")).toEqual([]);
  });
});

describe("ShardMap rejects broken metadata", () => {
  const topicWith = (partitions: ShardMapMetadata["topics"][number]["partitions"]): ShardMapMetadata => ({
    version: 1,
    topics: [{ name: "t", partitions }],
  });
  const route = (partition: number, group: number, replicas: number[], leader?: number) => ({
    partition: partitionId(partition),
    groupId: groupId(group),
    replicas: replicas.map(nodeId),
    leaderEpoch: term(1),
    ...(leader === undefined ? {} : { leader: nodeId(leader) }),
  });

  it.each([
    [
      "a gap in partition ids",
      topicWith([route(0, 1, [1]), route(2, 2, [1])]),
      /partition ids must be 0 to 1/,
    ],
    ["a partition listed twice", topicWith([route(0, 1, [1]), route(0, 2, [1])]), /listed twice/],
    ["a group used twice", topicWith([route(0, 1, [1]), route(1, 1, [1])]), /already used/],
    ["the controller's group", topicWith([route(0, 0, [1])]), /controller/],
    ["a repeated replica", topicWith([route(0, 1, [1, 1])]), /repeat/],
    ["no replicas", topicWith([route(0, 1, [])]), /1 to 7 replicas/],
    ["a leader outside the replicas", topicWith([route(0, 1, [1, 2], 3)]), /not one of the replicas/],
    ["a topic without partitions", topicWith([]), /1 to 65536 partitions/],
  ])("rejects %s with INVALID_ARGUMENT", (_, broken, message) => {
    expect(() => ShardMap.fromMetadata(broken)).toThrowError(message);
    expect(() => ShardMap.fromMetadata(broken)).toThrowError(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }) as Error,
    );
  });

  it("rejects a repeated topic name and a negative version", () => {
    const twice = { version: 1, topics: [...metadata(1).topics, ...metadata(1).topics] };
    expect(() => ShardMap.fromMetadata(twice)).toThrowError(/repeated/);
    expect(() => ShardMap.fromMetadata({ version: -1, topics: [] })).toThrowError(/non-negative/);
  });
});
