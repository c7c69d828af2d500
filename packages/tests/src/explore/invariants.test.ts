/**
 * Each invariant checker of the explorer fails on a hand-made bad state and passes on a good one
 * (STYLE.md rule 15). The states are plain views, as the explorer builds them from real nodes.
 */
import { describe, expect, it } from "vitest";
import {
  checkApplied,
  checkCommittedAgreement,
  checkCommittedDurability,
  checkElectionSafety,
  checkLeaderCompleteness,
  checkLogMatching,
  checkState,
  type EntryView,
  emptyHistory,
  type NodeView,
} from "./invariants.js";

/** A log from "term:data" items for indexes 1, 2, ... (index 0 is the placeholder). */
function log(...items: string[]): EntryView[] {
  return [
    { term: 0, data: "" },
    ...items.map((item) => {
      const [term, data] = item.split(":");
      return { term: Number(term), data: data ?? "" };
    }),
  ];
}

function node(id: number, fields: Partial<NodeView> = {}): NodeView {
  const entries = fields.log ?? log("1:snapshot");
  return {
    id,
    role: "follower",
    term: 1,
    committed: 1,
    log: entries,
    durableLog: entries,
    ...fields,
  };
}

describe("election safety (Raft §5.2: at most one leader in a given term)", () => {
  it("fails when a second node leads a term that already had a leader, even one that crashed since", () => {
    const history = emptyHistory();
    expect(checkElectionSafety([node(1, { role: "leader", term: 2 }), node(2), node(3)], history)).toBe(
      undefined,
    );
    const violation = checkElectionSafety([node(1), node(2, { role: "leader", term: 2 }), node(3)], history);
    expect(violation?.invariant).toBe("electionSafety");
    expect(violation?.message).toBe("nodes 1 and 2 both led term 2");
  });

  it("passes when the same node leads its term in many states", () => {
    const history = emptyHistory();
    const leader = node(1, { role: "leader", term: 2 });
    expect(checkElectionSafety([leader, node(2)], history)).toBe(undefined);
    expect(checkElectionSafety([leader, node(2)], history)).toBe(undefined);
  });
});

describe("log matching (Raft §5.3: same index and term means identical prefixes)", () => {
  it("fails when two logs agree on an entry but differ before it", () => {
    const violation = checkLogMatching([
      node(1, { log: log("1:snapshot", "2:", "3:p1") }),
      node(2, { log: log("1:snapshot", "2:other", "3:p1") }),
    ]);
    expect(violation?.invariant).toBe("logMatching");
    expect(violation?.message).toContain("agree on index 3 (term 3) but differ at 2");
  });

  it("compares durable logs too", () => {
    const good = log("1:snapshot", "2:", "2:p1");
    const violation = checkLogMatching([
      node(1, { log: good, durableLog: log("1:snapshot", "3:", "2:p1") }),
      node(2, { log: good }),
    ]);
    expect(violation?.invariant).toBe("logMatching");
    expect(violation?.message).toContain("(durable)");
  });

  it("passes on diverging suffixes after a common prefix", () => {
    expect(
      checkLogMatching([
        node(1, { log: log("1:snapshot", "2:", "2:p1") }),
        node(2, { log: log("1:snapshot", "2:", "3:", "3:p2") }),
      ]),
    ).toBe(undefined);
  });
});

describe("state machine safety (Raft §5.4.3: no two different entries committed or applied at one index)", () => {
  it("fails when a node commits a different entry at an index committed before", () => {
    const history = emptyHistory();
    const first = [node(1, { term: 2, committed: 2, log: log("1:snapshot", "2:") })];
    expect(checkCommittedAgreement(first, history)).toBe(undefined);
    expect(history.committed.get(2)).toEqual({ term: 2, data: "", commitTerm: 2 });
    const violation = checkCommittedAgreement(
      [node(2, { term: 3, committed: 2, log: log("1:snapshot", "3:") })],
      history,
    );
    expect(violation?.invariant).toBe("stateMachineSafety");
    expect(violation?.message).toContain("node 2 has term 3 committed at index 2");
  });

  it("fails when a node commits an index it does not hold", () => {
    const violation = checkCommittedAgreement(
      [node(1, { committed: 2, log: log("1:snapshot") })],
      emptyHistory(),
    );
    expect(violation?.message).toBe("node 1 commits index 2 it does not hold");
  });

  it("fails when two nodes apply different entries at one index", () => {
    const history = emptyHistory();
    expect(checkApplied(history, 1, 2, { term: 2, data: "p1" })).toBe(undefined);
    expect(checkApplied(history, 3, 2, { term: 2, data: "p1" })).toBe(undefined);
    const violation = checkApplied(history, 2, 2, { term: 3, data: "p2" });
    expect(violation?.invariant).toBe("stateMachineSafety");
    expect(violation?.message).toBe("node 2 applied term 3 (p2) at index 2, node 1 applied term 2 (p1)");
  });
});

describe("leader completeness (Raft §5.4: a leader holds every entry committed in an earlier term)", () => {
  const history = emptyHistory();
  history.committed.set(2, { term: 2, data: "p1", commitTerm: 2 });

  it("fails when a leader of a later term lacks a committed entry", () => {
    const violation = checkLeaderCompleteness(
      [node(3, { role: "leader", term: 3, log: log("1:snapshot", "3:") })],
      history,
    );
    expect(violation?.invariant).toBe("leaderCompleteness");
    expect(violation?.message).toBe(
      "leader 3 of term 3 has term 3 at index 2, where term 2 (p1) was committed in term 2",
    );
  });

  it("exempts a stale leader of the committing term or earlier", () => {
    expect(
      checkLeaderCompleteness([node(1, { role: "leader", term: 2, log: log("1:snapshot") })], history),
    ).toBe(undefined);
  });
});

describe("committed durability (DESIGN.md §3 rule 1: a committed entry survives any minority crash)", () => {
  it("fails when a committed entry is durable on fewer than a majority", () => {
    const history = emptyHistory();
    history.committed.set(2, { term: 2, data: "", commitTerm: 2 });
    const held = log("1:snapshot", "2:");
    const violation = checkCommittedDurability(
      [
        node(1, { log: held, durableLog: held }),
        node(2, { log: held, durableLog: log("1:snapshot") }),
        node(3),
      ],
      history,
    );
    expect(violation?.invariant).toBe("committedDurability");
    expect(violation?.message).toBe(
      "index 2 (term 2, committed in term 2) is durable only on node 1; a majority is 2",
    );
  });
});

describe("checkState", () => {
  it("passes on a healthy cluster and records its history", () => {
    const history = emptyHistory();
    const held = log("1:snapshot", "2:", "2:p1");
    const nodes = [
      node(1, { role: "leader", term: 2, committed: 3, log: held }),
      node(2, { term: 2, committed: 2, log: held }),
      node(3, { term: 2, log: log("1:snapshot", "2:") }),
    ];
    expect(checkState(nodes, history)).toBe(undefined);
    expect(history.leaders.get(2)).toBe(1);
    expect([...history.committed.keys()]).toEqual([1, 2, 3]);
  });
});
