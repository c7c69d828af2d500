/**
 * Quorum arithmetic checked against a naive definition (STYLE.md rule 14): for random majority and
 * joint configurations and random acknowledgements, the committed index is the largest index held by
 * a majority of each half, and an election is won, lost or pending exactly as counting says.
 */
import { type LogIndex, type NodeId, nodeId } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isMajority,
  jointCommittedIndex,
  jointVoteResult,
  majorityCommittedIndex,
  majorityVoteResult,
  type VoteResult,
} from "../src/quorum.js";

/** The largest index i such that more than half of the voters acknowledged at least i. */
function naiveCommitted(voters: ReadonlySet<NodeId>, acknowledged: Map<NodeId, number>): number {
  if (voters.size === 0) return Number.MAX_SAFE_INTEGER;
  let best = 0;
  const candidates = new Set([0, ...[...voters].map((id) => acknowledged.get(id) ?? 0)]);
  for (const index of candidates) {
    const holders = [...voters].filter((id) => (acknowledged.get(id) ?? 0) >= index).length;
    if (holders * 2 > voters.size && index > best) best = index;
  }
  return best;
}

function naiveVote(voters: ReadonlySet<NodeId>, votes: Map<NodeId, boolean>): VoteResult {
  if (voters.size === 0) return "won";
  const granted = [...voters].filter((id) => votes.get(id) === true).length;
  const rejected = [...voters].filter((id) => votes.get(id) === false).length;
  if (granted * 2 > voters.size) return "won";
  if (rejected * 2 >= voters.size) return "lost";
  return "pending";
}

const voterSet = fc
  .uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 7 })
  .map((ids) => new Set(ids.map(nodeId)));
const acknowledgements = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 20 })), { maxLength: 9 })
  .map((pairs) => new Map(pairs.map(([id, index]) => [nodeId(id), index])));
const votes = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.boolean()), { maxLength: 9 })
  .map((pairs) => new Map(pairs.map(([id, granted]) => [nodeId(id), granted])));

describe("quorum", () => {
  it("majority committed index matches the naive definition", () => {
    fc.assert(
      fc.property(voterSet, acknowledgements, (voters, acknowledged) => {
        const fast = majorityCommittedIndex(voters, (id) => acknowledged.get(id) as LogIndex | undefined);
        expect(fast).toBe(naiveCommitted(voters, acknowledged));
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it("joint committed index is the minimum over both halves, each by the naive definition", () => {
    fc.assert(
      fc.property(voterSet, voterSet, acknowledgements, (incoming, outgoing, acknowledged) => {
        const fast = jointCommittedIndex(
          { incoming, outgoing },
          (id) => acknowledged.get(id) as LogIndex | undefined,
        );
        const naive = Math.min(
          naiveCommitted(incoming, acknowledged),
          naiveCommitted(outgoing, acknowledged),
        );
        expect(fast).toBe(naive);
      }),
      { numRuns: 2000, seed: 43 },
    );
  });

  it("majority vote result matches counting", () => {
    fc.assert(
      fc.property(voterSet, votes, (voters, cast) => {
        expect(majorityVoteResult(voters, cast)).toBe(naiveVote(voters, cast));
      }),
      { numRuns: 2000, seed: 44 },
    );
  });

  it("a majority by count is exactly a won majority vote", () => {
    fc.assert(
      fc.property(voterSet, votes, (voters, cast) => {
        const granted = [...voters].filter((id) => cast.get(id) === true).length;
        expect(isMajority(voters.size, granted)).toBe(naiveVote(voters, cast) === "won");
      }),
      { numRuns: 2000, seed: 47 },
    );
  });

  it("a joint election is won only when both halves win and lost when either half loses", () => {
    fc.assert(
      fc.property(voterSet, voterSet, votes, (incoming, outgoing, cast) => {
        const halves = [naiveVote(incoming, cast), naiveVote(outgoing, cast)];
        const naive = halves.includes("lost")
          ? "lost"
          : halves.every((half) => half === "won")
            ? "won"
            : "pending";
        expect(jointVoteResult({ incoming, outgoing }, cast)).toBe(naive);
      }),
      { numRuns: 2000, seed: 45 },
    );
  });

  it("any two winning vote sets of the same configuration share a voter (basis of election safety)", () => {
    const masks = fc.array(fc.boolean(), { minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(voterSet, masks, masks, (voters, firstMask, secondMask) => {
        const ids = [...voters];
        const cast = (mask: boolean[]) => new Map(ids.map((id, position) => [id, mask[position] === true]));
        const first = cast(firstMask);
        const second = cast(secondMask);
        if (majorityVoteResult(voters, first) !== "won" || majorityVoteResult(voters, second) !== "won")
          return;
        if (voters.size === 0) return;
        expect(ids.some((id) => first.get(id) === true && second.get(id) === true)).toBe(true);
      }),
      { numRuns: 2000, seed: 46 },
    );
  });
});
