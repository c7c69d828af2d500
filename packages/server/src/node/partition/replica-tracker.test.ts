/**
 * ReplicaTracker (DESIGN.md §2 ISR): a node is live while heard from within nodeLivenessTicksMax
 * ticks; a follower stays in sync while live and within isrLagEntriesMax entries of the leader, or was
 * within the last isrLagTicksMax ticks; the leader is always in sync; a fresh leader gives followers
 * the full time bound before dropping them.
 */
import { groupId, limits, nodeId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { ReplicaTracker } from "./replica-tracker.js";

const [n1, n2, n3] = [nodeId(1), nodeId(2), nodeId(3)];
const group = groupId(7);

function ticks(tracker: ReplicaTracker, count: number, each?: () => void): void {
  for (let i = 0; i < count; i++) {
    tracker.tick();
    each?.();
  }
}

describe("ReplicaTracker", () => {
  it("reports a node live only while it is heard from", () => {
    const tracker = new ReplicaTracker(n1);
    expect([tracker.isLive(n1), tracker.isLive(n2)]).toEqual([true, false]);
    tracker.heardFrom(n2);
    ticks(tracker, limits.nodeLivenessTicksMax);
    expect(tracker.isLive(n2)).toBe(true);
    ticks(tracker, 1);
    expect(tracker.isLive(n2)).toBe(false);
  });

  it("drops a live follower that stays behind longer than the time bound, and takes it back", () => {
    const tracker = new ReplicaTracker(n1);
    let lastIndex = 10;
    const matches = new Map([
      [n1, 10],
      [n2, 10],
      [n3, 0],
    ]);
    const observe = () => {
      tracker.heardFrom(n2);
      tracker.heardFrom(n3);
      tracker.observeLeader(group, lastIndex, matches);
    };
    const inSync = () =>
      tracker
        .replicaLags(group, [n1, n2, n3], lastIndex, matches)
        .filter((lag) => lag.inSync)
        .map((lag) => lag.nodeId);
    observe();
    // n3 trails by 10 entries: within the entry bound.
    expect(inSync()).toEqual([n1, n2, n3]);
    lastIndex = 10 + limits.isrLagEntriesMax + 1;
    matches.set(n1, lastIndex).set(n2, lastIndex);
    ticks(tracker, limits.isrLagTicksMax, observe);
    expect(inSync()).toEqual([n1, n2, n3]);
    ticks(tracker, 1, observe);
    expect(inSync()).toEqual([n1, n2]);
    expect(tracker.replicaLags(group, [n3], lastIndex, matches)[0]).toMatchObject({
      lagEntries: lastIndex,
      inSync: false,
      live: true,
    });
    matches.set(n3, lastIndex - 5);
    ticks(tracker, 1, observe);
    expect(inSync()).toEqual([n1, n2, n3]);
  });

  it("drops a follower that is no longer heard from even when its match looked current", () => {
    const tracker = new ReplicaTracker(n1);
    const matches = new Map([
      [n1, 5],
      [n2, 5],
    ]);
    tracker.heardFrom(n2);
    ticks(tracker, limits.nodeLivenessTicksMax + 1, () => tracker.observeLeader(group, 5, matches));
    expect(tracker.replicaLags(group, [n1, n2], 5, matches).map((lag) => lag.inSync)).toEqual([true, false]);
  });
});
