/**
 * Bounded exhaustive exploration of a 3-node cluster of the real Raft code (explorer.ts): every
 * interleaving of message delivery and loss, election and heartbeat timeouts, a proposal and a
 * crash-restart up to a small depth has no safety violation; the search is deterministic; and it
 * catches deliberately broken variants, each with a path that replays to the same violation
 * (STYLE.md rule 15). Budgets are sized for a loaded 2-core machine.
 */
import { describe, expect, it } from "vitest";
import { type ClusterOptions, defaultClusterOptions } from "./explored-cluster.js";
import { type ExploreBounds, type ExploreReport, explore, replay } from "./explorer.js";

const bounds = (depthMax: number, inFlightMax = 6): ExploreBounds => ({
  depthMax,
  statesMax: 100_000,
  timeMaxMs: 50_000,
  inFlightMax,
});

function print(name: string, report: ExploreReport): void {
  console.log(
    `${name}: ${report.transitions} states explored, ${report.distinctStates} distinct, depth ${report.depthReached}, ${report.elapsedMs} ms, stopped by ${report.stoppedBy}`,
  );
}

/**
 * A path to a Figure 8 state (Raft §5.4.2) for the mutant without the leader's empty entry: node 1
 * led term 2 and appended p1 at index 2 alone; node 3 led term 3 (with node 2's vote) and appended p2
 * at index 2 alone; node 1 won term 4 with node 2's vote and is repairing node 2's log, whose
 * rejection it has just received. From here a leader that counts replicas of p1 commits it, and node
 * 3, whose log ends in term 3, can still win term 5 with node 1's vote and overwrite it.
 */
const figure8Prefix = [
  "timeout 1",
  "deliver requestVote 1>2 t2 last=1/1",
  "deliver requestVote 1>3 t2 last=1/1",
  "deliver voteResponse 2>1 t2 grant",
  "propose 1",
  "timeout 3",
  "deliver requestVote 3>2 t3 last=1/1",
  "deliver voteResponse 2>3 t3 grant",
  "propose 3",
  "deliver requestVote 3>1 t3 last=1/1",
  "timeout 1",
  "deliver requestVote 1>2 t4 last=2/2",
  "deliver voteResponse 2>1 t4 grant",
  "deliver appendEntries 1>2 t4 prev=2/2 [] c=1",
  "deliver appendResponse 2>1 t4 reject i=2 hint=1/1",
];

const figure8Options: ClusterOptions = {
  ...defaultClusterOptions,
  mutation: "commitPreviousTermByCountingWithoutNoop",
  proposalsMax: 2,
  termMax: 5,
  drops: false,
};

describe("exhaustive exploration of the correct code", () => {
  it("finds no violation in any interleaving up to depth 5", () => {
    const report = explore(defaultClusterOptions, bounds(5));
    print("depth 5", report);
    expect(report.violation).toBe(undefined);
    expect(report.stoppedBy).toBe("exhausted");
    expect(report.depthReached).toBe(5);
    expect(report.distinctStates).toBeGreaterThan(2_000);
  }, 60_000);

  it("finds none with persistence as its own event either (crashes between write and sync)", () => {
    const report = explore({ ...defaultClusterOptions, persistAsEvent: true }, bounds(6));
    print("depth 6, persist events", report);
    expect(report.violation).toBe(undefined);
    expect(report.stoppedBy).toBe("exhausted");
    expect(report.distinctStates).toBeGreaterThan(1_000);
  }, 60_000);

  it("is deterministic: the same bounds give the same counts", () => {
    const first = explore(defaultClusterOptions, bounds(4));
    const second = explore(defaultClusterOptions, bounds(4));
    expect(second.transitions).toBe(first.transitions);
    expect(second.distinctStates).toBe(first.distinctStates);
    expect(second.prunedByInFlight).toBe(first.prunedByInFlight);
  }, 60_000);
});

/**
 * A path on which commitPreviousTermByCounting changes what happens, with persistence as its own
 * event: node 1 led term 2 and replicated p1 (index 3) to node 2 unacknowledged; it wins term 4 with
 * node 2's vote, and while its own empty entry of term 4 is not yet durable, node 2's acknowledgement
 * of that entry lets the mutant commit p1 (term 2) by counting replicas, which the correct code does
 * not. See packages/tests README ("Exhaustive exploration") for why this stays harmless.
 */
const countingFiresPath = [
  "timeout 1",
  "persist 1",
  "deliver requestVote 1>2 t2 last=1/1",
  "persist 2",
  "deliver voteResponse 2>1 t2 grant",
  "persist 1",
  "deliver appendEntries 1>2 t2 prev=1/1 [2/2] c=1",
  "persist 2",
  "deliver appendResponse 2>1 t2 i=2",
  "propose 1",
  "persist 1",
  "deliver appendEntries 1>2 t2 prev=2/2 [3/2:p1] c=2",
  "persist 2",
  "timeout 3",
  "persist 3",
  "timeout 3",
  "persist 3",
  "deliver requestVote 3>1 t3 last=1/1",
  "persist 1",
  "timeout 1",
  "persist 1",
  "deliver requestVote 1>2 t4 last=3/2",
  "persist 2",
  "deliver voteResponse 2>1 t4 grant",
  "deliver appendEntries 1>2 t4 prev=3/2 [4/4] c=2",
  "persist 2",
  "deliver appendResponse 2>1 t4 i=4",
];

describe("mutations are caught, and each violation replays from its path", () => {
  function expectCaught(options: ClusterOptions, report: ExploreReport, invariant: string): void {
    const violation = report.violation;
    expect(violation?.invariant).toBe(invariant);
    if (violation === undefined) return;
    console.log(`${violation.invariant}: ${violation.message}\n  path: ${violation.path.join("; ")}`);
    const replayed = replay(options, violation.path);
    expect(replayed.violation?.invariant).toBe(invariant);
    expect(replayed.violation?.message).toBe(violation.message);
  }

  it("voteWithoutUpToDateCheck: a leader missing a committed entry (leader completeness)", () => {
    const options: ClusterOptions = { ...defaultClusterOptions, mutation: "voteWithoutUpToDateCheck" };
    const report = explore(options, bounds(9));
    print("voteWithoutUpToDateCheck", report);
    expectCaught(options, report, "leaderCompleteness");
  }, 60_000);

  it("acknowledgeBeforePersist: a committed entry durable on a minority (committed durability)", () => {
    const options: ClusterOptions = {
      ...defaultClusterOptions,
      mutation: "acknowledgeBeforePersist",
      persistAsEvent: true,
      drops: false,
    };
    const report = explore(options, bounds(8));
    print("acknowledgeBeforePersist", report);
    expectCaught(options, report, "committedDurability");
  }, 60_000);

  it("commitPreviousTermByCounting without the leader's empty entry: Figure 8, from a scripted prefix", () => {
    expect(replay(figure8Options, figure8Prefix).violation).toBe(undefined);
    const report = explore(figure8Options, bounds(7, 16), figure8Prefix);
    print("Figure 8 after the prefix", report);
    expectCaught(figure8Options, report, "leaderCompleteness");
  }, 60_000);

  it("commitPreviousTermByCounting alone changes commits but, as far as explored, breaks no invariant", () => {
    const options: ClusterOptions = {
      ...defaultClusterOptions,
      mutation: "commitPreviousTermByCounting",
      persistAsEvent: true,
      proposalsMax: 2,
      termMax: 5,
      drops: false,
    };
    const mutated = replay(options, countingFiresPath);
    const correct = replay({ ...options, mutation: "none" }, countingFiresPath);
    // The mutant committed p1 (index 3, term 2) in term 4 by counting; the correct leader did not.
    expect(mutated.state.nodes[0]?.raft.raft.log.committed).toBe(3);
    expect(correct.state.nodes[0]?.raft.raft.log.committed).toBe(2);
    expect(mutated.violation).toBe(undefined);
    const report = explore(options, bounds(3, 16), countingFiresPath);
    print("commitPreviousTermByCounting after it fired", report);
    expect(report.violation).toBe(undefined);
    expect(report.stoppedBy).toBe("exhausted");
  }, 60_000);
});
