/**
 * The classic group coordinator as a specification, one scenario per rule of Kafka's protocol: KIP-394
 * member ids, join and sync phases, leader election and protocol selection, heartbeats during rebalances,
 * fencing of offset commits by generation and member id, session expiry driven by tick(), static
 * membership (KIP-345), batch LeaveGroup, DeleteGroups, bounds, and persistence across failover.
 */
import { SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { GroupCoordinator } from "../../src/coordinator/group-coordinator.js";
import { wireErrorCode } from "../../src/kafka-error-codes.js";
import { groupId, Harness, rebalanceTimeoutMs, sessionTimeoutMs } from "./harness.js";

const bytes = (value: number) => new Uint8Array([value]);

/** One member joined and synced: a Stable generation 1 it leads. */
function stableWithOneMember(harness: Harness): string {
  const { memberId } = harness.joinNew();
  harness.sync(memberId, 1, [{ memberId, assignment: bytes(1) }]);
  return memberId;
}

describe("joining", () => {
  it("hands a new v4+ member an id with MEMBER_ID_REQUIRED, then admits it when it rejoins with that id (KIP-394)", () => {
    const harness = new Harness();
    const first = harness.joins.get(harness.join(""));
    expect(first?.errorCode).toBe(wireErrorCode.memberIdRequired);
    expect(first?.memberId).toMatch(/^client-[0-9a-f]{32}$/);
    const second = harness.joins.get(harness.join(first?.memberId ?? ""));
    expect(second).toMatchObject({
      errorCode: 0,
      generationId: 1,
      leader: first?.memberId,
      protocolName: "range",
    });
    expect(harness.describe()?.state).toBe("CompletingRebalance");
  });

  it("admits a member at once on versions before 4", () => {
    const harness = new Harness();
    const answer = harness.joins.get(harness.join("", { requireKnownMemberId: false }));
    expect(answer).toMatchObject({ errorCode: 0, generationId: 1 });
  });

  it("rejects a session timeout outside the configured bounds", () => {
    const harness = new Harness();
    expect(harness.joins.get(harness.join("", { sessionTimeoutMs: 10 }))?.errorCode).toBe(
      wireErrorCode.invalidSessionTimeout,
    );
  });

  it("answers UNKNOWN_MEMBER_ID to a member id the group never issued", () => {
    const harness = new Harness();
    expect(harness.joins.get(harness.join("made-up"))?.errorCode).toBe(wireErrorCode.unknownMemberId);
  });

  it("selects the protocol every member supports, and refuses a member that shares none", () => {
    const harness = new Harness();
    const a = harness.joinNew({
      protocols: [
        { name: "sticky", metadata: bytes(1) },
        { name: "range", metadata: bytes(2) },
      ],
    });
    harness.sync(a.memberId, 1, [{ memberId: a.memberId, assignment: bytes(1) }]);
    const b = harness.joinNew({ protocols: [{ name: "range", metadata: bytes(3) }] });
    harness.join(a.memberId, {
      protocols: [
        { name: "sticky", metadata: bytes(1) },
        { name: "range", metadata: bytes(2) },
      ],
    });
    expect(harness.joins.get(b.token)?.protocolName).toBe("range");
    const stranger = harness.join("", { protocols: [{ name: "roundrobin", metadata: bytes(4) }] });
    expect(harness.joins.get(stranger)?.errorCode).toBe(wireErrorCode.inconsistentGroupProtocol);
  });

  it("refuses members past the group's bound with GROUP_MAX_SIZE_REACHED", () => {
    const harness = new Harness({ membersPerGroupMax: 1 });
    stableWithOneMember(harness);
    expect(harness.joins.get(harness.join(""))?.errorCode).toBe(wireErrorCode.groupMaxSizeReached);
  });
});

describe("the initial rebalance delay (group.initial.rebalance.delay.ms, Kafka's InitialDelayedJoin)", () => {
  const delayMs = 3_000;

  it("puts members that start together in one first generation, extending the wait while they arrive", () => {
    const harness = new Harness({ initialRebalanceDelayMs: delayMs });
    const a = harness.joinNew();
    harness.advance(delayMs - 500);
    // Everyone there is waiting, but the first join of an Empty group waits the delay out.
    expect(harness.joins.has(a.token)).toBe(false);
    const b = harness.joinNew();
    harness.advance(600);
    // b arrived during the delay: one more delay for others.
    expect(harness.joins.has(a.token)).toBe(false);
    expect(harness.describe()?.state).toBe("PreparingRebalance");
    harness.advance(delayMs);
    const answers = [harness.joins.get(a.token), harness.joins.get(b.token)];
    expect(answers.map((answer) => [answer?.errorCode, answer?.generationId])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(
      harness
        .describe()
        ?.members.map((member) => member.memberId)
        .sort(),
    ).toEqual([a.memberId, b.memberId].sort());
  });

  it("gives up extending at the rebalance timeout, and a rebalance of a non-empty group is not delayed", () => {
    const harness = new Harness({ initialRebalanceDelayMs: delayMs });
    const first = harness.joinNew();
    const tokens = [first.token];
    // A member arrives in every delay window: the total wait still ends at the rebalance timeout.
    const startMs = harness.nowMs;
    while (
      harness.describe()?.state === "PreparingRebalance" &&
      harness.nowMs - startMs < 2 * rebalanceTimeoutMs
    ) {
      if ((harness.nowMs - startMs) % delayMs === 0) tokens.push(harness.joinNew().token);
      harness.advance(100);
    }
    expect(harness.describe()?.state).toBe("CompletingRebalance");
    expect(harness.nowMs - startMs).toBe(rebalanceTimeoutMs);
    expect(tokens.every((token) => harness.joins.get(token)?.generationId === 1)).toBe(true);
    const leader = harness.joins.get(first.token)!.leader;
    harness.sync(leader, 1, []);
    expect(harness.describe()?.state).toBe("Stable");
    // Stable, not Empty: a newcomer's rebalance completes as soon as everyone rejoined.
    const late = harness.joinNew();
    for (const member of harness.describe()!.members)
      if (member.memberId !== late.memberId) harness.join(member.memberId);
    expect(harness.joins.get(late.token)).toMatchObject({ errorCode: 0, generationId: 2 });
  });

  it("never waits past a member's rebalance timeout shorter than the delay", () => {
    const harness = new Harness({ initialRebalanceDelayMs: delayMs });
    const a = harness.joinNew({ rebalanceTimeoutMs: 1_000 });
    harness.advance(900);
    expect(harness.joins.has(a.token)).toBe(false);
    harness.advance(100);
    expect(harness.joins.get(a.token)).toMatchObject({ errorCode: 0, generationId: 1 });
  });

  it("without a delay completes the first join as soon as every member joined", () => {
    const harness = new Harness();
    const a = harness.joinNew();
    expect(harness.joins.get(a.token)).toMatchObject({ errorCode: 0, generationId: 1 });
  });
});

describe("rebalancing a group of two", () => {
  function twoMemberGroup(harness: Harness) {
    const leader = stableWithOneMember(harness);
    const follower = harness.joinNew();
    expect(harness.describe()?.state).toBe("PreparingRebalance");
    expect(harness.heartbeat(leader, 1)).toBe(wireErrorCode.rebalanceInProgress);
    const leaderJoin = harness.join(leader);
    return { leader, follower: follower.memberId, leaderJoin, followerJoin: follower.token };
  }

  it("completes the join when every member rejoined: a new generation, the leader alone sees the members", () => {
    const harness = new Harness();
    const group = twoMemberGroup(harness);
    const leaderAnswer = harness.joins.get(group.leaderJoin);
    const followerAnswer = harness.joins.get(group.followerJoin);
    expect(leaderAnswer).toMatchObject({ generationId: 2, leader: group.leader });
    expect(leaderAnswer?.members.map((member) => member.memberId).sort()).toEqual(
      [group.leader, group.follower].sort(),
    );
    expect(followerAnswer).toMatchObject({ generationId: 2, leader: group.leader, members: [] });
  });

  it("holds a follower's SyncGroup until the leader's arrives, then gives each member its own assignment", () => {
    const harness = new Harness();
    const group = twoMemberGroup(harness);
    // Joined, assignment not out yet (CompletingRebalance): a heartbeat is fine, as in Kafka, and a
    // leader that missed its JoinGroup answer and asks again gets the same generation and members.
    expect(harness.heartbeat(group.follower, 2)).toBe(wireErrorCode.none);
    const again = harness.joins.get(harness.join(group.leader));
    expect(again).toMatchObject({ errorCode: 0, generationId: 2, leader: group.leader });
    expect(again?.members).toHaveLength(2);
    expect(harness.describe()?.state).toBe("CompletingRebalance");
    const followerSync = harness.sync(group.follower, 2);
    expect(harness.syncs.has(followerSync)).toBe(false);
    const leaderSync = harness.sync(group.leader, 2, [
      { memberId: group.leader, assignment: bytes(10) },
      { memberId: group.follower, assignment: bytes(20) },
    ]);
    expect(harness.syncs.get(followerSync)?.assignment).toEqual(bytes(20));
    expect(harness.syncs.get(leaderSync)?.assignment).toEqual(bytes(10));
    expect(harness.describe()?.state).toBe("Stable");
    expect(harness.heartbeat(group.follower, 2)).toBe(wireErrorCode.none);
  });

  it("drops members that do not rejoin within the rebalance timeout", () => {
    const harness = new Harness();
    const leader = stableWithOneMember(harness);
    const newcomer = harness.joinNew();
    harness.advance(rebalanceTimeoutMs);
    expect(harness.joins.get(newcomer.token)).toMatchObject({
      errorCode: 0,
      generationId: 2,
      leader: newcomer.memberId,
    });
    expect(harness.describe()?.members.map((member) => member.memberId)).toEqual([newcomer.memberId]);
    expect(harness.heartbeat(leader, 1)).toBe(wireErrorCode.unknownMemberId);
  });
});

describe("fencing offset commits", () => {
  it("accepts the current generation's members and refuses stale generations and strangers", () => {
    const harness = new Harness();
    const member = stableWithOneMember(harness);
    expect(harness.commit(member, 1)).toBe(wireErrorCode.none);
    expect(harness.commit(member, 0)).toBe(wireErrorCode.illegalGeneration);
    expect(harness.commit("stranger", 1)).toBe(wireErrorCode.unknownMemberId);
  });

  it("accepts the current generation's commits while the group prepares a rebalance, as Kafka does, but not between join and sync", () => {
    const harness = new Harness();
    const member = stableWithOneMember(harness);
    const newcomer = harness.joinNew();
    expect(harness.describe()?.state).toBe("PreparingRebalance");
    // What a consumer does before it rejoins: commit what it has consumed.
    expect(harness.commit(member, 1)).toBe(wireErrorCode.none);
    expect(harness.commit(newcomer.memberId, 1)).toBe(wireErrorCode.none);
    harness.join(member);
    expect(harness.describe()).toMatchObject({ state: "CompletingRebalance", generationId: 2 });
    expect(harness.commit(member, 1)).toBe(wireErrorCode.illegalGeneration);
    expect(harness.commit(member, 2)).toBe(wireErrorCode.rebalanceInProgress);
  });

  it("accepts a commit from outside the group protocol only while the group has no members", () => {
    const harness = new Harness();
    expect(harness.commit("", -1)).toBe(wireErrorCode.none);
    stableWithOneMember(harness);
    expect(harness.commit("", -1)).toBe(wireErrorCode.unknownMemberId);
  });
});

describe("sessions", () => {
  it("removes a member whose session lapsed, and the group empties with a new generation", () => {
    const harness = new Harness();
    const member = stableWithOneMember(harness);
    harness.advance(sessionTimeoutMs - 1);
    expect(harness.heartbeat(member, 1)).toBe(wireErrorCode.none);
    harness.advance(sessionTimeoutMs);
    expect(harness.describe()).toMatchObject({ state: "Empty", generationId: 2, members: [] });
    expect(harness.heartbeat(member, 1)).toBe(wireErrorCode.unknownMemberId);
  });
});

describe("static membership (KIP-345)", () => {
  it("gives a restarted static member a new id without a rebalance, and fences the old id", () => {
    const harness = new Harness();
    const first = harness.joins.get(harness.join("", { groupInstanceId: "pod-1" }));
    const oldId = first?.memberId ?? "";
    harness.sync(oldId, 1, [{ memberId: oldId, assignment: bytes(7) }]);
    const rejoin = harness.joins.get(harness.join("", { groupInstanceId: "pod-1" }));
    expect(rejoin?.memberId).not.toBe(oldId);
    expect(rejoin?.generationId).toBe(1);
    expect(harness.describe()).toMatchObject({ state: "Stable", generationId: 1 });
    expect(harness.heartbeat(oldId, 1, "pod-1")).toBe(wireErrorCode.fencedInstanceId);
    expect(harness.heartbeat(rejoin?.memberId ?? "", 1, "pod-1")).toBe(wireErrorCode.none);
  });

  it("keeps the generation when the returning static member's metadata differs but the protocol stays", () => {
    const harness = new Harness();
    const first = harness.joins.get(harness.join("", { groupInstanceId: "pod-1" }));
    const oldId = first?.memberId ?? "";
    harness.sync(oldId, 1, [{ memberId: oldId, assignment: bytes(7) }]);
    // A restarted cooperative consumer: same protocol, metadata without its owned partitions.
    const fresh = [{ name: "range", metadata: new Uint8Array([9, 9]) }];
    const rejoin = harness.joins.get(harness.join("", { groupInstanceId: "pod-1", protocols: fresh }));
    expect(rejoin).toMatchObject({ errorCode: 0, generationId: 1 });
    expect(harness.describe()).toMatchObject({ state: "Stable", generationId: 1 });
    expect(harness.describe()?.members[0]?.assignment).toEqual(bytes(7));
  });
});

describe("leaving, listing and deleting", () => {
  it("leaves by member id and by instance id in one batch, reporting unknown members", () => {
    const harness = new Harness();
    const dynamicMember = stableWithOneMember(harness);
    const codes = harness.coordinator.onLeaveGroup(
      groupId,
      [
        { memberId: dynamicMember, groupInstanceId: null },
        { memberId: "", groupInstanceId: "nobody" },
      ],
      harness.nowMs,
    );
    expect(codes).toEqual([wireErrorCode.none, wireErrorCode.unknownMemberId]);
    expect(harness.describe()?.state).toBe("Empty");
  });

  it("refuses to delete a group with members (NON_EMPTY_GROUP) and deletes it once empty", () => {
    const harness = new Harness();
    const member = stableWithOneMember(harness);
    expect(harness.coordinator.deleteGroup(groupId)).toBe(wireErrorCode.nonEmptyGroup);
    harness.coordinator.onLeaveGroup(groupId, [{ memberId: member, groupInstanceId: null }], harness.nowMs);
    expect(harness.coordinator.listGroups()).toEqual([{ groupId, protocolType: "consumer", state: "Empty" }]);
    expect(harness.coordinator.deleteGroup(groupId)).toBe(wireErrorCode.none);
    expect(harness.coordinator.deleteGroup(groupId)).toBe(wireErrorCode.groupIdNotFound);
    expect(harness.coordinator.takeReady().groupsToDelete).toEqual([groupId]);
  });
});

describe("persistence across coordinator failover", () => {
  it("stores the Stable generation and a new coordinator resumes it: same generation, members and assignment", () => {
    const harness = new Harness();
    const member = stableWithOneMember(harness);
    const stored = harness.stored.at(-1);
    expect(stored).toMatchObject({ groupId, generationId: 1, leaderId: member, protocolName: "range" });
    const successor = new GroupCoordinator({ rng: new SeededRng(2) });
    successor.restoreGroup(stored!, harness.nowMs);
    expect(successor.describeGroup(groupId)).toMatchObject({ state: "Stable", generationId: 1 });
    expect(successor.describeGroup(groupId)?.members[0]?.assignment).toEqual(bytes(1));
    const identity = { groupId, memberId: member, generationId: 1, groupInstanceId: null };
    expect(successor.onHeartbeat(identity, harness.nowMs)).toBe(wireErrorCode.none);
    expect(successor.validateOffsetCommit(identity, harness.nowMs)).toBe(wireErrorCode.none);
  });

  it("rebalances a group whose Stable record could not be stored, and ignores a report about an older generation", () => {
    const harness = new Harness();
    const member = stableWithOneMember(harness);
    harness.coordinator.onStoreFailed(groupId, 0, harness.nowMs);
    expect(harness.describe()).toMatchObject({ state: "Stable", generationId: 1 });
    harness.coordinator.onStoreFailed(groupId, 1, harness.nowMs);
    expect(harness.describe()?.state).toBe("PreparingRebalance");
    expect(harness.describe()?.members[0]?.assignment).toEqual(new Uint8Array(0));
    expect(harness.heartbeat(member, 1)).toBe(wireErrorCode.rebalanceInProgress);
    const rejoin = harness.join(member);
    expect(harness.joins.get(rejoin)).toMatchObject({ errorCode: 0, generationId: 2, leader: member });
    harness.sync(member, 2, [{ memberId: member, assignment: bytes(2) }]);
    expect(harness.describe()).toMatchObject({ state: "Stable", generationId: 2 });
  });
});
