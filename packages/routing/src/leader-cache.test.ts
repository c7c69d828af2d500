/**
 * Checks the leader cache: it remembers each group's leader with its epoch, only ever moves epochs
 * forward, forgets a leader that answered NOT_LEADER and takes the hint such an answer carries when the
 * hint is at least as new, expires entries after their lifetime and stays within its size bound.
 */
import { groupId, nodeId, term } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { LeaderCache } from "./leader-cache.js";

const group = groupId(7);
const hint = (leader: number, epoch: number) => ({ leader: nodeId(leader), epoch: term(epoch) });

describe("LeaderCache", () => {
  it("remembers a reported leader and ignores a report from an older epoch", () => {
    const cache = new LeaderCache();
    expect(cache.leaderOf(group, 0)).toBeUndefined();
    expect(cache.observe(group, hint(1, 5), 0)).toBe(true);
    expect(cache.observe(group, hint(2, 4), 1)).toBe(false);
    expect(cache.leaderOf(group, 2)).toEqual(hint(1, 5));
    expect(cache.observe(group, hint(3, 6), 3)).toBe(true);
    expect(cache.leaderOf(group, 4)).toEqual(hint(3, 6));
  });

  it("on NOT_LEADER without a hint forgets the leader but keeps its epoch", () => {
    const cache = new LeaderCache();
    cache.observe(group, hint(1, 5), 0);
    expect(cache.invalidate(group, 1)).toBeUndefined();
    expect(cache.leaderOf(group, 2)).toBeUndefined();
    // Stale metadata naming the leader that just refused must not bring it back; a newer term may.
    expect(cache.observe(group, hint(1, 5), 3)).toBe(false);
    expect(cache.observe(group, hint(2, 6), 4)).toBe(true);
  });

  it("on NOT_LEADER takes a hint whose epoch is newer or equal, and not an older one", () => {
    const cache = new LeaderCache();
    cache.observe(group, hint(1, 5), 0);
    expect(cache.invalidate(group, 1, hint(2, 5))).toEqual(hint(2, 5));
    expect(cache.leaderOf(group, 1)).toEqual(hint(2, 5));
    expect(cache.invalidate(group, 2, hint(3, 4))).toBeUndefined();
    expect(cache.leaderOf(group, 2)).toBeUndefined();
    expect(cache.invalidate(group, 3, hint(3, 7))).toEqual(hint(3, 7));
  });

  it("takes a hint for a group it knew nothing about", () => {
    const cache = new LeaderCache();
    expect(cache.invalidate(group, 0, hint(4, 1))).toEqual(hint(4, 1));
    expect(cache.invalidate(groupId(8), 0)).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it("stops trusting an entry after its lifetime, measured from the last refresh", () => {
    const cache = new LeaderCache({ entryLifetimeMs: 1000 });
    cache.observe(group, hint(1, 5), 0);
    cache.observe(group, hint(1, 5), 600);
    expect(cache.leaderOf(group, 1599)).toEqual(hint(1, 5));
    expect(cache.leaderOf(group, 1600)).toBeUndefined();
    // Once expired, an older epoch is a fresh start rather than a stale report.
    expect(cache.observe(group, hint(2, 3), 1600)).toBe(true);
    cache.observe(groupId(8), hint(1, 1), 1700);
    expect(cache.removeExpired(2650)).toBe(1);
    expect(cache.size).toBe(1);
  });

  it("evicts the least recently refreshed group when full", () => {
    const cache = new LeaderCache({ entriesMax: 2 });
    cache.observe(groupId(1), hint(1, 1), 0);
    cache.observe(groupId(2), hint(1, 1), 1);
    cache.observe(groupId(1), hint(1, 1), 2);
    cache.observe(groupId(3), hint(1, 1), 3);
    expect(cache.size).toBe(2);
    expect(cache.leaderOf(groupId(2), 4)).toBeUndefined();
    expect(cache.leaderOf(groupId(1), 4)).toBeDefined();
    cache.forget(groupId(1));
    expect(cache.leaderOf(groupId(1), 4)).toBeUndefined();
  });

  it("rejects a size or lifetime outside its bounds with INVALID_CONFIG", () => {
    expect(() => new LeaderCache({ entriesMax: 0 })).toThrowError(
      expect.objectContaining({ code: "INVALID_CONFIG" }) as Error,
    );
    expect(() => new LeaderCache({ entryLifetimeMs: 0 })).toThrowError(/lifetime must be positive/);
  });
});
