/**
 * The progress state machine, command by command, as a specification: Kafka-style commits and fetches,
 * exclusive (stream) and shared (queue) leases with epoch fencing, individual and cumulative acks, nacks,
 * expiry and redelivery on the replicated clock, the dead-letter rule, Kafka generations, group admin, the
 * retention hook and the limits. Every test drives the machine as the server would and checks the
 * structural invariants after every command (ProgressDriver.apply).
 */
import { limits, offset, partitionId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { expectOk, fenceOf, offsetsOf, ProgressDriver, topicOne, topicTwo } from "./internal/test-driver.js";
import { consumerGroupId, memberId } from "./names.js";
import { ProgressStateMachine } from "./progress-state-machine.js";

describe("offset commits (Kafka OffsetCommit and OffsetFetch)", () => {
  it("creates the group on first commit and returns the offset and metadata on fetch", () => {
    const driver = new ProgressDriver();
    expect(expectOk(driver.commit(42, { metadata: "checkpoint" })).partitions[0]?.error).toBeNull();
    const fetched = expectOk(
      driver.apply({ type: "FetchOffsets", nowMs: driver.nowMs, group: driver.group }),
    );
    expect(fetched.partitions).toEqual([
      { topic: topicOne, partition: 0, committedOffset: 42, metadata: "checkpoint" },
    ]);
  });

  it("answers an unknown group or partition with no offset rather than an error, as Kafka does", () => {
    const machine = new ProgressStateMachine();
    const fetched = machine.apply({
      type: "FetchOffsets",
      nowMs: 0,
      group: consumerGroupId("nobody"),
      partitions: [{ topic: topicTwo, partition: partitionId(3) }],
    });
    expect(expectOk(fetched).partitions[0]?.committedOffset).toBeNull();
  });

  it("lets a commit rewind the offset, as a Kafka consumer that seeks back and commits", () => {
    const driver = new ProgressDriver();
    driver.commit(100);
    driver.commit(40);
    expect(driver.committedOffset()).toBe(40);
  });

  it("rejects metadata longer than Kafka's offset.metadata.max.bytes", () => {
    const driver = new ProgressDriver();
    const result = driver.commit(1, { metadata: "x".repeat(limits.progressCommitMetadataLengthMax + 1) });
    expect(result.ok ? undefined : result.error.code).toBe("INVALID_ARGUMENT");
    expect(driver.partitionView()).toBeUndefined();
  });
});

describe("exclusive leases (stream-style)", () => {
  it("grants one holder per partition and turns the others away until it expires", () => {
    const driver = new ProgressDriver();
    const first = expectOk(driver.acquireExclusive("alice", 5_000)).lease;
    const second = driver.acquireExclusive("bob");
    expect(second.ok ? undefined : second.error.code).toBe("CONFLICT");
    driver.advance(5_000);
    const third = expectOk(driver.acquireExclusive("bob")).lease;
    expect(third?.epoch).toBeGreaterThan(first?.epoch ?? Number.POSITIVE_INFINITY);
  });

  it("fences the previous holder once a new lease is granted: its acks and commits are rejected", () => {
    const driver = new ProgressDriver();
    const alice = expectOk(driver.acquireExclusive("alice", 1_000)).lease!;
    expectOk(driver.ack(alice, [], 10));
    driver.advance(1_000);
    const bob = expectOk(driver.acquireExclusive("bob")).lease!;
    const staleAck = driver.ack(alice, [], 50);
    const staleCommit = driver.commit(60, { lease: alice });
    expect(staleAck.ok ? undefined : staleAck.error.code).toBe("FENCED");
    expect(expectOk(staleCommit).partitions[0]?.error?.code).toBe("FENCED");
    expect(driver.committedOffset()).toBe(10);
    expect(bob.committedOffset).toBe(10);
  });

  it("requires the holder's lease on commits while the partition is leased", () => {
    const driver = new ProgressDriver();
    const lease = expectOk(driver.acquireExclusive("alice")).lease!;
    expect(expectOk(driver.commit(5)).partitions[0]?.error?.code).toBe("FENCED");
    expect(expectOk(driver.commit(5, { lease })).partitions[0]?.error).toBeNull();
    expect(driver.committedOffset()).toBe(5);
  });

  it("fences the old lease when the same member acquires again (a restart that lost its lease)", () => {
    const driver = new ProgressDriver();
    const before = expectOk(driver.acquireExclusive("alice")).lease!;
    const after = expectOk(driver.acquireExclusive("alice")).lease!;
    expect(after.epoch).toBe(before.epoch + 1);
    const stale = driver.ack(before, [], 3);
    expect(stale.ok ? undefined : stale.error.code).toBe("FENCED");
  });

  it("settles individual offsets above the watermark and advances it when the gap closes", () => {
    const driver = new ProgressDriver();
    const lease = expectOk(driver.acquireExclusive("alice")).lease!;
    expect(expectOk(driver.ack(lease, [2, 3])).committedOffset).toBe(0);
    const closing = expectOk(driver.ack(lease, [0, 1, 3]));
    expect(closing).toEqual({ committedOffset: 4, newlySettled: 2, duplicates: [3] });
  });

  it("rejects an individual ack beyond the ack span with RESOURCE_EXHAUSTED", () => {
    const driver = new ProgressDriver();
    const lease = expectOk(driver.acquireExclusive("alice")).lease!;
    const result = driver.ack(lease, [limits.progressAckSpanOffsetsMax]);
    expect(result.ok ? undefined : result.error.code).toBe("RESOURCE_EXHAUSTED");
    expect(driver.partitionView()?.settledAbove).toEqual([]);
  });
});

describe("shared leases (queue-style)", () => {
  it("hands out disjoint records to concurrent consumers", () => {
    const driver = new ProgressDriver();
    const alice = expectOk(driver.acquireShared("alice", 3, 10)).lease;
    const bob = expectOk(driver.acquireShared("bob", 3, 10)).lease;
    expect(offsetsOf(alice)).toEqual([0, 1, 2]);
    expect(offsetsOf(bob)).toEqual([3, 4, 5]);
    expect(bob?.epoch).toBe((alice?.epoch ?? 0) + 1);
  });

  it("acks out of order; the watermark moves only when everything below is acked", () => {
    const driver = new ProgressDriver();
    const alice = expectOk(driver.acquireShared("alice", 2, 10)).lease!;
    const bob = expectOk(driver.acquireShared("bob", 2, 10)).lease!;
    expect(expectOk(driver.ack(bob, [2, 3])).committedOffset).toBe(0);
    expect(expectOk(driver.ack(alice, [1])).committedOffset).toBe(0);
    expect(expectOk(driver.ack(alice, [0])).committedOffset).toBe(4);
  });

  it("redelivers the unacked records of an expired lease with a higher delivery count", () => {
    const driver = new ProgressDriver();
    const alice = expectOk(driver.acquireShared("alice", 3, 10, 1_000)).lease!;
    driver.ack(alice, [1]);
    driver.advance(1_000);
    const bob = expectOk(driver.acquireShared("bob", 3, 10)).lease!;
    expect(bob.records).toEqual([{ offset: 0, deliveryCount: 2 }]);
    const carol = expectOk(driver.acquireShared("carol", 5, 10)).lease!;
    expect(carol.records.map((record) => [record.offset, record.deliveryCount])).toEqual([
      [2, 2],
      [3, 1],
      [4, 1],
      [5, 1],
      [6, 1],
    ]);
  });

  it("makes nacked records visible at once", () => {
    const driver = new ProgressDriver();
    const alice = expectOk(driver.acquireShared("alice", 3, 3)).lease!;
    expect(expectOk(driver.nack(alice, [1]))).toEqual({ redeliverable: 1, deadLettered: [] });
    expect(offsetsOf(expectOk(driver.acquireShared("bob", 3, 3)).lease)).toEqual([1]);
  });

  it("refuses a cumulative ack, and an ack or nack of a record the lease does not hold", () => {
    const driver = new ProgressDriver();
    const alice = expectOk(driver.acquireShared("alice", 2, 10)).lease!;
    const cumulative = driver.ack(alice, [], 2);
    const foreign = driver.ack(alice, [5]);
    const foreignNack = driver.nack(alice, [5]);
    for (const result of [cumulative, foreign, foreignNack]) {
      expect(result.ok ? undefined : result.error.code).toBe("INVALID_ARGUMENT");
    }
  });

  it("answers with no lease when no record is available", () => {
    const driver = new ProgressDriver();
    expectOk(driver.acquireShared("alice", 5, 2));
    expect(expectOk(driver.acquireShared("bob", 5, 2)).lease).toBeNull();
  });

  it("keeps shared and exclusive leases apart on one partition", () => {
    const driver = new ProgressDriver();
    expectOk(driver.acquireShared("alice", 1, 10));
    const exclusive = driver.acquireExclusive("bob");
    expect(exclusive.ok ? undefined : exclusive.error.code).toBe("CONFLICT");
  });

  it("rejects a commit while records are out on shared leases", () => {
    const driver = new ProgressDriver();
    expectOk(driver.acquireShared("alice", 1, 10));
    expect(expectOk(driver.commit(5)).partitions[0]?.error?.code).toBe("CONFLICT");
  });
});

describe("the dead-letter rule", () => {
  it("dead-letters a record after N unacked deliveries and moves the watermark past it", () => {
    const driver = new ProgressDriver();
    driver.apply({
      type: "ConfigureGroup",
      nowMs: driver.nowMs,
      group: driver.group,
      deadLetterAfterDeliveries: 2,
    });
    const first = expectOk(driver.acquireShared("alice", 1, 2, 1_000)).lease!;
    expect(expectOk(driver.nack(first, [0]))).toEqual({ redeliverable: 1, deadLettered: [] });
    const second = expectOk(driver.acquireShared("alice", 1, 2, 1_000)).lease!;
    expect(second.records).toEqual([{ offset: 0, deliveryCount: 2 }]);
    driver.advance(1_000);
    const view = driver.partitionView();
    expect(view?.committedOffset).toBe(1);
    expect(view?.deadLetteredTotal).toBe(1);
    expect(view?.recentDeadLetters).toEqual([0]);
  });

  it("rejects a threshold outside [1, progressDeliveriesMax]", () => {
    const driver = new ProgressDriver();
    const result = driver.apply({
      type: "ConfigureGroup",
      nowMs: 0,
      group: driver.group,
      deadLetterAfterDeliveries: 0,
    });
    expect(result.ok ? undefined : result.error.code).toBe("INVALID_ARGUMENT");
  });
});

describe("renewal, release and the replicated clock", () => {
  it("keeps a renewed lease alive past its first expiry", () => {
    const driver = new ProgressDriver();
    const lease = expectOk(driver.acquireExclusive("alice", 1_000)).lease!;
    driver.advance(900);
    expect(expectOk(driver.renew(lease, 1_000)).expiresAtMs).toBe(driver.nowMs + 1_000);
    driver.advance(900);
    expect(expectOk(driver.ack(lease, [], 7)).committedOffset).toBe(7);
  });

  it("fences a renewal that arrives after expiry, and answers NOT_FOUND for an id never granted", () => {
    const driver = new ProgressDriver();
    const lease = expectOk(driver.acquireExclusive("alice", 1_000)).lease!;
    driver.advance(1_000);
    const late = driver.renew(lease);
    expect(late.ok ? undefined : late.error.code).toBe("FENCED");
    const unknown = driver.renew({ ...lease, leaseId: (lease.leaseId + 100) as typeof lease.leaseId });
    expect(unknown.ok ? undefined : unknown.error.code).toBe("NOT_FOUND");
  });

  it("returns a released lease's records at once", () => {
    const driver = new ProgressDriver();
    const alice = expectOk(driver.acquireShared("alice", 4, 4)).lease!;
    driver.ack(alice, [0]);
    expect(expectOk(driver.release(alice))).toEqual({ redeliverable: 3, deadLettered: [] });
    expect(offsetsOf(expectOk(driver.acquireShared("bob", 4, 4)).lease)).toEqual([1, 2, 3]);
  });

  it("treats a clock that goes backwards (a lagging new leader) as no time passing", () => {
    const driver = new ProgressDriver();
    const lease = expectOk(driver.acquireExclusive("alice", 1_000)).lease!;
    driver.nowMs += 999;
    driver.advance(0);
    driver.nowMs -= 500;
    expect(expectOk(driver.advance(0)).clockMs).toBe(1_999);
    expect(expectOk(driver.ack(lease, [], 1)).committedOffset).toBe(1);
  });
});

describe("Kafka classic groups", () => {
  function withGeneration() {
    const driver = new ProgressDriver();
    driver.apply({
      type: "StoreGeneration",
      nowMs: 0,
      group: driver.group,
      generationId: 3,
      protocolType: "consumer",
      protocolName: "range",
      leaderMemberId: memberId("m1"),
      members: [memberId("m1"), memberId("m2")],
    });
    return driver;
  }

  function commitIn(driver: ProgressDriver, generationId: number, member: string) {
    return driver.apply({
      type: "CommitOffsets",
      nowMs: driver.nowMs,
      group: driver.group,
      generation: { generationId, memberId: memberId(member) },
      offsets: [{ topic: driver.topic, partition: driver.partition, offset: offset(9), metadata: "" }],
    });
  }

  it("accepts commits from members of the current generation only", () => {
    const driver = withGeneration();
    expect(commitIn(driver, 3, "m2").ok).toBe(true);
    const stale = commitIn(driver, 2, "m2");
    const stranger = commitIn(driver, 3, "m9");
    expect(stale.ok ? undefined : stale.error.details.reason).toBe("illegal-generation");
    expect(stranger.ok ? undefined : stranger.error.details.reason).toBe("unknown-member");
    expect(expectOk(driver.commit(1)).partitions[0]?.error?.code).toBe("FENCED");
    expect(driver.committedOffset()).toBe(9);
  });

  it("never lets the stored generation go backwards", () => {
    const driver = withGeneration();
    const older = driver.apply({
      type: "StoreGeneration",
      nowMs: 0,
      group: driver.group,
      generationId: 2,
      protocolType: "consumer",
      protocolName: "range",
      leaderMemberId: null,
      members: [],
    });
    expect(older.ok ? undefined : older.error.code).toBe("FENCED");
  });
});

describe("group administration", () => {
  it("lists groups in id order and describes one", () => {
    const machine = new ProgressStateMachine();
    for (const name of ["b", "a"]) new ProgressDriver(machine, consumerGroupId(name)).commit(1);
    const listed = expectOk(machine.apply({ type: "ListGroups", nowMs: 0 }));
    expect(listed.groups.map((group) => group.group)).toEqual(["a", "b"]);
    const unknown = machine.apply({ type: "DescribeGroup", nowMs: 0, group: consumerGroupId("c") });
    expect(unknown.ok ? undefined : unknown.error.code).toBe("UNKNOWN_GROUP");
  });

  it("refuses to delete or reset a group with live leases, then does both once they are gone", () => {
    const driver = new ProgressDriver();
    const lease = expectOk(driver.acquireExclusive("alice")).lease!;
    driver.ack(lease, [], 50);
    const reset = () =>
      driver.apply({
        type: "ResetOffsets",
        nowMs: driver.nowMs,
        group: driver.group,
        offsets: [{ topic: driver.topic, partition: driver.partition, offset: offset(10) }],
      });
    const remove = () => driver.apply({ type: "DeleteGroup", nowMs: driver.nowMs, group: driver.group });
    expect(reset().ok ? undefined : "refused").toBe("refused");
    expect(remove().ok ? undefined : "refused").toBe("refused");
    driver.release(lease);
    expect(expectOk(reset()).partitions).toBe(1);
    expect(driver.committedOffset()).toBe(10);
    expect(expectOk(remove()).deletedPartitions).toBe(1);
    expect(driver.partitionView()).toBeUndefined();
  });
});

describe("the retention hook", () => {
  it("exposes, per partition of a topic, the minimum committed offset across groups", () => {
    const machine = new ProgressStateMachine();
    new ProgressDriver(machine, consumerGroupId("fast")).commit(90);
    new ProgressDriver(machine, consumerGroupId("slow")).commit(30);
    new ProgressDriver(machine, consumerGroupId("other"), topicOne, partitionId(1)).commit(7);
    new ProgressDriver(machine, consumerGroupId("elsewhere"), topicTwo).commit(1);
    expect([...machine.minimumCommittedOffsets(topicOne)]).toEqual([
      [0, 30],
      [1, 7],
    ]);
  });
});

describe("limits", () => {
  it("caps live leases per partition", () => {
    const driver = new ProgressDriver();
    const logEnd = limits.progressLeasesPerPartitionMax + 1;
    for (let index = 0; index < limits.progressLeasesPerPartitionMax; index++) {
      expectOk(driver.acquireShared(`m${index}`, 1, logEnd));
    }
    const over = driver.acquireShared("late", 1, logEnd);
    expect(over.ok ? undefined : over.error.code).toBe("RESOURCE_EXHAUSTED");
  });

  it("caps the number of groups", () => {
    const machine = new ProgressStateMachine();
    for (let index = 0; index < limits.progressGroupsMax; index++) {
      machine.apply({
        type: "ConfigureGroup",
        nowMs: 0,
        group: consumerGroupId(`g${index}`),
        deadLetterAfterDeliveries: 3,
      });
    }
    const over = machine.apply({
      type: "ConfigureGroup",
      nowMs: 0,
      group: consumerGroupId("one-more"),
      deadLetterAfterDeliveries: 3,
    });
    expect(over.ok ? undefined : over.error.code).toBe("RESOURCE_EXHAUSTED");
  });

  it("caps records per shared lease and lease durations", () => {
    const driver = new ProgressDriver();
    const tooMany = driver.acquireShared("alice", limits.progressLeaseRecordsMax + 1, 10);
    const tooLong = driver.acquireExclusive("alice", limits.progressLeaseDurationMsMax + 1);
    for (const result of [tooMany, tooLong])
      expect(result.ok ? undefined : result.error.code).toBe("INVALID_ARGUMENT");
  });
});

it("keeps fencing through a lease's whole life: the epoch names exactly one grant", () => {
  const driver = new ProgressDriver();
  const lease = expectOk(driver.acquireExclusive("alice")).lease!;
  const wrongEpoch = driver.ack({ ...fenceOf(lease), epoch: (lease.epoch + 1) as typeof lease.epoch }, [], 5);
  expect(wrongEpoch.ok ? undefined : wrongEpoch.error.details.reason).toBe("stale-epoch");
});
