/**
 * Every checker of the simulator is seen to fail on a fabricated violating history, and to pass on the
 * matching correct one (STYLE.md rule 15: a checker nobody has seen fail is not trusted).
 */
import type { GroupId, NodeId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { Checkers, type EntryFact, SimulationViolation } from "./checkers.js";
import {
  checkLinearizable,
  type LogInput,
  logModel,
  type Operation,
  type RegisterInput,
  registerModel,
} from "./linearizability.js";

const group = 1 as GroupId;
const n1 = 1 as NodeId;
const n2 = 2 as NodeId;

function fact(index: number, term: number, digest = index * 31 + term, baseOffset?: number): EntryFact {
  return { index, term, digest, baseOffset, recordCount: baseOffset === undefined ? 0 : 1 };
}

/** What a node with no snapshot recovers besides its log: the bootstrap entry. */
const noSnapshot = { index: 1, term: 1, endOffset: 0 };

function violation(action: () => void): string {
  try {
    action();
  } catch (error) {
    if (error instanceof SimulationViolation) return error.checker;
    throw error;
  }
  return "none";
}

describe("Raft checkers", () => {
  it("election safety: two leaders of one term", () => {
    const checkers = new Checkers();
    checkers.onLeader(group, 3, n1, () => undefined);
    expect(violation(() => checkers.onLeader(group, 4, n2, () => undefined))).toBe("none");
    expect(violation(() => checkers.onLeader(group, 3, n2, () => undefined))).toBe("election safety");
  });

  it("log matching: the same index and term with different data, or after a different term", () => {
    const checkers = new Checkers();
    checkers.onDurable(n1, group, [fact(2, 1), fact(3, 2)], undefined);
    expect(violation(() => checkers.onDurable(n2, group, [fact(2, 1), fact(3, 2)], undefined))).toBe("none");
    expect(violation(() => checkers.onDurable(n2, group, [fact(3, 2, 999)], undefined))).toBe("log matching");
    const other = new Checkers();
    other.onDurable(n1, group, [fact(2, 1), fact(3, 3)], undefined);
    expect(violation(() => other.onDurable(n2, group, [fact(2, 2), fact(3, 3)], undefined))).toBe(
      "log matching",
    );
    // Entries of several terms at one index (a replaced suffix): each term's is checked on its own.
    const replaced = new Checkers();
    replaced.onDurable(n1, group, [fact(2, 1), fact(3, 1)], undefined);
    replaced.onDurable(n2, group, [fact(2, 1), fact(3, 2)], undefined);
    expect(violation(() => replaced.onDurable(n1, group, [fact(3, 2)], undefined))).toBe("none");
    expect(violation(() => replaced.onDurable(n2, group, [fact(3, 1)], undefined))).toBe("none");
    expect(violation(() => replaced.onDurable(n1, group, [fact(3, 2, 999)], undefined))).toBe("log matching");
    expect(violation(() => replaced.onDurable(n2, group, [fact(3, 1, 999)], undefined))).toBe("log matching");
  });

  it("leader completeness: a new leader lacks an entry committed in an earlier term", () => {
    const checkers = new Checkers();
    checkers.onCommit(group, 2, 1, 3, (index) => (index <= 3 ? 2 : undefined));
    expect(violation(() => checkers.onLeader(group, 3, n2, () => 2))).toBe("none");
    expect(violation(() => checkers.onLeader(group, 4, n1, (index) => (index === 3 ? 1 : 2)))).toBe(
      "leader completeness",
    );
  });

  it("state machine safety: two nodes apply different entries at one index", () => {
    const checkers = new Checkers();
    checkers.onApply(n1, group, fact(2, 1));
    expect(violation(() => checkers.onApply(n2, group, fact(2, 1)))).toBe("none");
    expect(violation(() => checkers.onApply(n2, group, fact(3, 1)))).toBe("none");
    expect(violation(() => checkers.onApply(n1, group, fact(3, 2)))).toBe("state machine safety");
  });

  it("durability: a recovered node lost an acknowledged entry or vote", () => {
    const checkers = new Checkers();
    checkers.onIssued(n1, group, [fact(2, 1), fact(3, 1)]);
    checkers.onDurable(n1, group, [fact(2, 1), fact(3, 1)], { term: 2, vote: 2 });
    expect(
      violation(() => checkers.onRecovered(n1, group, noSnapshot, [fact(2, 1)], { term: 2, vote: 2 })),
    ).toBe("durability");
    const votes = new Checkers();
    votes.onDurable(n1, group, [], { term: 2, vote: 2 });
    expect(violation(() => votes.onRecovered(n1, group, noSnapshot, [], { term: 2, vote: 3 }))).toBe(
      "durability",
    );
    expect(violation(() => votes.onRecovered(n1, group, noSnapshot, [], { term: 1, vote: 0 }))).toBe(
      "durability",
    );
  });

  it("durability: an unacknowledged write that replaced the suffix may partly survive", () => {
    const checkers = new Checkers();
    checkers.onIssued(n1, group, [fact(2, 1), fact(3, 1), fact(4, 1)]);
    checkers.onDurable(n1, group, [fact(2, 1), fact(3, 1), fact(4, 1)], undefined);
    checkers.onIssued(n1, group, [fact(3, 2), fact(4, 2)]);
    expect(
      violation(() =>
        checkers.onRecovered(n1, group, noSnapshot, [fact(2, 1), fact(3, 2)], { term: 0, vote: 0 }),
      ),
    ).toBe("none");
  });

  it("offset contiguity: a data entry that does not start where the previous one ended", () => {
    const checkers = new Checkers();
    checkers.onDurable(n1, group, [fact(2, 1, 1, 0), fact(3, 1)], undefined);
    expect(violation(() => checkers.onDurable(n1, group, [fact(4, 1, 2, 1)], undefined))).toBe("none");
    expect(violation(() => checkers.onDurable(n1, group, [fact(5, 1, 3, 3)], undefined))).toBe(
      "offset contiguity",
    );
  });

  it("acknowledged writes: an acknowledged entry missing from a node's log", () => {
    const checkers = new Checkers();
    expect(violation(() => checkers.checkAcknowledged(group, 5, 2, n1, () => 2))).toBe("none");
    expect(violation(() => checkers.checkAcknowledged(group, 5, 2, n1, () => 3))).toBe(
      "acknowledged write lost",
    );
  });

  it("acknowledged writes: inside a snapshot, the entry applied at the index must be the acknowledged one", () => {
    const checkers = new Checkers();
    checkers.onApply(n1, group, fact(2, 1));
    checkers.onApply(n1, group, fact(3, 2));
    const compacted = () => undefined;
    expect(violation(() => checkers.checkAcknowledged(group, 3, 2, n2, compacted, 10))).toBe("none");
    expect(violation(() => checkers.checkAcknowledged(group, 3, 1, n2, compacted, 10))).toBe(
      "acknowledged write lost",
    );
    expect(violation(() => checkers.checkAcknowledged(group, 4, 2, n2, compacted, 10))).toBe(
      "acknowledged write lost",
    );
  });
});

describe("snapshot checkers", () => {
  const snapshot = (index: number, term: number, digest: number, endOffset = 0) => ({
    index,
    term,
    digest,
    endOffset,
  });

  it("state machine safety: two snapshots at one index differ, or end with another entry than was applied", () => {
    const checkers = new Checkers();
    checkers.onApply(n1, group, fact(2, 1));
    checkers.onApply(n1, group, fact(3, 2));
    checkers.onSnapshotSaved(n1, group, snapshot(3, 2, 77));
    expect(violation(() => checkers.onSnapshotSaved(n2, group, snapshot(3, 2, 77)))).toBe("none");
    expect(violation(() => checkers.onSnapshotSaved(n2, group, snapshot(3, 2, 78)))).toBe(
      "state machine safety",
    );
    expect(violation(() => checkers.onSnapshotSaved(n2, group, snapshot(2, 3, 5)))).toBe(
      "state machine safety",
    );
  });

  it("durability: a node recovers an older snapshot than it saved, or loses entries after it", () => {
    const checkers = new Checkers();
    checkers.onDurable(n1, group, [fact(2, 1), fact(3, 1), fact(4, 1), fact(5, 1)], undefined);
    checkers.onSnapshotSaved(n1, group, snapshot(4, 1, 9));
    // Entries below the snapshot may be gone (compacted); the snapshot and what follows may not.
    expect(
      violation(() =>
        checkers.onRecovered(n1, group, { index: 4, term: 1, endOffset: 0 }, [fact(5, 1)], {
          term: 0,
          vote: 0,
        }),
      ),
    ).toBe("none");
    checkers.onSnapshotSaved(n1, group, snapshot(5, 1, 10));
    expect(violation(() => checkers.onRecovered(n1, group, noSnapshot, [], { term: 0, vote: 0 }))).toBe(
      "durability",
    );
    const lost = new Checkers();
    lost.onDurable(n1, group, [fact(2, 1), fact(3, 1), fact(4, 1)], undefined);
    lost.onSnapshotSaved(n1, group, snapshot(3, 1, 9));
    expect(
      violation(() =>
        lost.onRecovered(n1, group, { index: 3, term: 1, endOffset: 0 }, [], { term: 0, vote: 0 }),
      ),
    ).toBe("durability");
  });

  it("an installed snapshot that does not extend the log replaces it; entries after it must follow it", () => {
    const checkers = new Checkers();
    checkers.onDurable(n1, group, [fact(2, 1), fact(3, 1)], undefined);
    checkers.onSnapshotSaved(n1, group, snapshot(5, 2, 9, 4));
    expect(violation(() => checkers.onDurable(n1, group, [fact(6, 2, 1, 4)], undefined))).toBe("none");
    expect(violation(() => checkers.onDurable(n1, group, [fact(8, 2)], undefined))).toBe("log matching");
    const offsets = new Checkers();
    offsets.onSnapshotSaved(n1, group, snapshot(5, 2, 9, 4));
    expect(violation(() => offsets.onDurable(n1, group, [fact(6, 2, 1, 7)], undefined))).toBe(
      "offset contiguity",
    );
  });

  it("leader completeness: entries inside the leader's snapshot are not read from its log", () => {
    const checkers = new Checkers();
    checkers.onCommit(group, 2, 1, 6, () => 2);
    expect(violation(() => checkers.onLeader(group, 3, n2, (index) => (index >= 5 ? 2 : undefined), 5))).toBe(
      "none",
    );
    expect(violation(() => checkers.onLeader(group, 4, n1, (index) => (index >= 6 ? 2 : undefined), 5))).toBe(
      "leader completeness",
    );
  });
});

function op<I, O>(
  client: number,
  input: I,
  output: O | undefined,
  call: number,
  ret: number,
): Operation<I, O> {
  return { client, input, output, call, ret };
}

describe("linearizability (Wing-Gong with memoization)", () => {
  const write = (value: string): RegisterInput => ({ kind: "write", value });
  const read: RegisterInput = { kind: "read" };

  it("accepts concurrent register operations that have a linearization", () => {
    const history = [
      op(1, write("a"), "ok", 0, 10),
      op(2, read, "a", 5, 6),
      op(3, write("b"), "ok", 4, 20),
      op(2, read, "b", 21, 22),
    ];
    expect(checkLinearizable(registerModel, history).ok).toBe(true);
  });

  it("rejects a stale read after a completed write", () => {
    const history = [op(1, write("a"), "ok", 0, 1), op(1, write("b"), "ok", 2, 3), op(2, read, "a", 4, 5)];
    expect(checkLinearizable(registerModel, history).ok).toBe(false);
  });

  it("treats an indeterminate write as possibly applied, possibly never", () => {
    const applied = [op(1, write("a"), undefined, 0, Number.POSITIVE_INFINITY), op(2, read, "a", 5, 6)];
    const never = [op(1, write("a"), undefined, 0, Number.POSITIVE_INFINITY), op(2, read, "", 5, 6)];
    const wrong = [op(1, write("a"), undefined, 0, Number.POSITIVE_INFINITY), op(2, read, "b", 5, 6)];
    expect(checkLinearizable(registerModel, applied).ok).toBe(true);
    expect(checkLinearizable(registerModel, never).ok).toBe(true);
    expect(checkLinearizable(registerModel, wrong).ok).toBe(false);
  });

  it("rejects two appends given the same position, and a length that goes backwards", () => {
    const append = (value: string): LogInput => ({ kind: "append", value });
    const length: LogInput = { kind: "length" };
    const good = [op(1, append("x"), 0, 0, 5), op(2, append("y"), 1, 1, 6), op(3, length, 2, 7, 8)];
    expect(checkLinearizable(logModel, good).ok).toBe(true);
    const duplicate = [op(1, append("x"), 0, 0, 5), op(2, append("y"), 0, 1, 6)];
    expect(checkLinearizable(logModel, duplicate).ok).toBe(false);
    const backwards = [op(1, append("x"), 0, 0, 1), op(3, length, 1, 2, 3), op(3, length, 0, 4, 5)];
    expect(checkLinearizable(logModel, backwards).ok).toBe(false);
  });

  it("stays fast on a long history with many concurrent operations (memoization)", () => {
    const history: Operation<RegisterInput, string>[] = [];
    for (let i = 0; i < 60; i++) history.push(op(i % 5, write(`v${i % 3}`), "ok", i, i + 4));
    history.push(op(9, read, "v2", 100, 101));
    const result = checkLinearizable(registerModel, history);
    expect(result.ok).toBe(true);
    expect(result.steps).toBeLessThan(100_000);
  });
});
