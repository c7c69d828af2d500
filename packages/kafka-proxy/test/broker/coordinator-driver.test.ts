/**
 * The driver around the pure coordinator: a SyncGroup is answered only once the group's record is stored,
 * and a record that cannot be stored fails the SyncGroups that waited on it (COORDINATOR_NOT_AVAILABLE, or
 * NOT_COORDINATOR when the backend lost leadership) and puts the group back into a rebalance, so no member
 * works on an assignment a coordinator failover would forget (Kafka's resetAndPropagateAssignmentError).
 */
import { SeededRng } from "@helixlog/core";
import { afterEach, describe, expect, it } from "vitest";
import type { StoredGroup } from "../../src/backend.js";
import { CoordinatorDriver } from "../../src/broker/coordinator-driver.js";
import type { JoinInput } from "../../src/coordinator/group-coordinator.js";
import { KafkaWireError, wireErrorCode } from "../../src/kafka-error-codes.js";
import { MemoryBackend } from "../support/memory-backend.js";

const groupId = "billing";

/** A memory backend whose next `failures` stores reject with `error`. */
class FlakyBackend extends MemoryBackend {
  failures = 0;
  error: unknown = new Error("the progress group has no leader");
  stores = 0;

  override async storeGroup(group: StoredGroup): Promise<void> {
    this.stores++;
    if (this.failures > 0) {
      this.failures--;
      throw this.error;
    }
    await super.storeGroup(group);
  }
}

let driver: CoordinatorDriver | undefined;
afterEach(() => driver?.close());

function open(backend: MemoryBackend): { driver: CoordinatorDriver; logged: string[]; now: { ms: number } } {
  const logged: string[] = [];
  const now = { ms: 1_000_000 };
  driver = new CoordinatorDriver({
    backend,
    rng: new SeededRng(7),
    logger: { warn: (message) => logged.push(message), error: (message) => logged.push(message) },
    nowMs: () => now.ms,
    tickMs: 60_000,
  });
  return { driver, logged, now };
}

function joinInput(memberId: string): JoinInput {
  return {
    groupId,
    memberId,
    groupInstanceId: null,
    clientId: "client",
    clientHost: "127.0.0.1",
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 10_000,
    protocolType: "consumer",
    protocols: [{ name: "range", metadata: new Uint8Array([1]) }],
    requireKnownMemberId: false,
  };
}

/** Two members joined at generation 1; returns their ids, the leader first. */
async function twoMembers(driver: CoordinatorDriver): Promise<{ leader: string; follower: string }> {
  const first = await driver.join(joinInput(""));
  const second = driver.join(joinInput(""));
  // The first member's id rejoins so that both are in the rebalance the second one started.
  const rejoin = driver.join(joinInput(first.memberId));
  const [secondAnswer, firstAnswer] = await Promise.all([second, rejoin]);
  expect(firstAnswer.generationId).toBe(secondAnswer.generationId);
  const leader = firstAnswer.leader;
  const follower = leader === firstAnswer.memberId ? secondAnswer.memberId : firstAnswer.memberId;
  return { leader, follower };
}

async function syncBoth(
  driver: CoordinatorDriver,
  members: { leader: string; follower: string },
  generationId: number,
) {
  const follower = driver.sync({
    groupId,
    generationId,
    memberId: members.follower,
    groupInstanceId: null,
    assignments: [],
  });
  const leader = driver.sync({
    groupId,
    generationId,
    memberId: members.leader,
    groupInstanceId: null,
    assignments: [
      { memberId: members.leader, assignment: new Uint8Array([1]) },
      { memberId: members.follower, assignment: new Uint8Array([2]) },
    ],
  });
  return Promise.all([leader, follower]);
}

describe("CoordinatorDriver persistence", () => {
  it("hands out the assignments once the record is stored", async () => {
    const backend = new FlakyBackend();
    const { driver } = open(backend);
    const members = await twoMembers(driver);
    const generationId = driver.coordinator.describeGroup(groupId)?.generationId as number;
    const [leader, follower] = await syncBoth(driver, members, generationId);
    expect(leader).toMatchObject({ errorCode: wireErrorCode.none, assignment: new Uint8Array([1]) });
    expect(follower).toMatchObject({ errorCode: wireErrorCode.none, assignment: new Uint8Array([2]) });
    expect(backend.storedGroup(groupId)?.generationId).toBe(generationId);
  });

  it("fails the waiting SyncGroups and rebalances when the record cannot be stored; the next generation is stored", async () => {
    const backend = new FlakyBackend();
    const { driver, logged } = open(backend);
    const members = await twoMembers(driver);
    const generationId = driver.coordinator.describeGroup(groupId)?.generationId as number;
    backend.failures = 1;
    const [leader, follower] = await syncBoth(driver, members, generationId);
    for (const answer of [leader, follower]) {
      expect(answer.errorCode).toBe(wireErrorCode.coordinatorNotAvailable);
      expect(answer.assignment).toEqual(new Uint8Array(0));
    }
    expect(logged.some((line) => line.includes("storing consumer group state failed"))).toBe(true);
    expect(backend.storedGroup(groupId)).toBeUndefined();
    expect(driver.coordinator.describeGroup(groupId)?.state).toBe("PreparingRebalance");
    const heartbeat = await driver.decide(groupId, (nowMs) =>
      driver.coordinator.onHeartbeat(
        { groupId, memberId: members.follower, generationId, groupInstanceId: null },
        nowMs,
      ),
    );
    expect(heartbeat).toBe(wireErrorCode.rebalanceInProgress);
    // A late SyncGroup of the failed generation gets no assignment either.
    const late = await driver.sync({
      groupId,
      generationId,
      memberId: members.follower,
      groupInstanceId: null,
      assignments: [],
    });
    expect(late.errorCode).toBe(wireErrorCode.rebalanceInProgress);

    const [leaderJoin, followerJoin] = await Promise.all([
      driver.join(joinInput(members.leader)),
      driver.join(joinInput(members.follower)),
    ]);
    expect(leaderJoin.generationId).toBe(generationId + 1);
    expect(followerJoin.generationId).toBe(generationId + 1);
    const [leaderSync, followerSync] = await syncBoth(driver, members, generationId + 1);
    expect(leaderSync).toMatchObject({ errorCode: wireErrorCode.none, assignment: new Uint8Array([1]) });
    expect(followerSync).toMatchObject({ errorCode: wireErrorCode.none, assignment: new Uint8Array([2]) });
    expect(backend.storedGroup(groupId)?.generationId).toBe(generationId + 1);
  });

  it("answers NOT_COORDINATOR when the store failed because this node lost the group's leadership", async () => {
    const backend = new FlakyBackend();
    backend.error = new KafkaWireError(wireErrorCode.notCoordinator, "progress group moved");
    const { driver } = open(backend);
    const members = await twoMembers(driver);
    const generationId = driver.coordinator.describeGroup(groupId)?.generationId as number;
    backend.failures = 1;
    const [leader, follower] = await syncBoth(driver, members, generationId);
    expect(leader.errorCode).toBe(wireErrorCode.notCoordinator);
    expect(follower.errorCode).toBe(wireErrorCode.notCoordinator);
  });
});
