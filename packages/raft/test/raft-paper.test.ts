/**
 * The Raft paper and thesis as a specification: one test per rule, each quoting the rule it checks.
 * Sources: "In Search of an Understandable Consensus Algorithm (Extended Version)" (Ongaro and
 * Ousterhout, 2014), cited as §N; and Ongaro's thesis "Consensus: Bridging Theory and Practice"
 * (2014), cited as "thesis §N". Nodes are driven by hand, one message at a time.
 */
import { HelixError, logIndex, nodeId, SeededRng, term } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { applyConfChange } from "../src/conf-changer.js";
import { MemoryStorage } from "../src/storage.js";
import { RaftNetwork } from "../src/testing/network.js";
import { describeTrackerConfig, trackerConfigOf } from "../src/tracker.js";
import {
  appendEntries,
  appendResponse,
  confState,
  drain,
  electLeader,
  entry,
  heartbeat,
  messagesOf,
  newNode,
  ofType,
  storageWithLog,
  textEncoder,
  tickTimes,
  voteRequest,
  voteResponse,
} from "./helpers.js";

describe("§5.1 terms", () => {
  it("updates a smaller current term and reverts a candidate or leader to follower", () => {
    // §5.1: "If one server's current term is smaller than the other's, then it updates its current
    // term to the larger value. If a candidate or leader discovers that its term is out of date, it
    // immediately reverts to follower state."
    for (const role of ["follower", "candidate", "leader"] as const) {
      const test = newNode(1, [1, 2, 3]);
      if (role === "candidate") test.node.campaign();
      if (role === "leader") electLeader(test, [1, 2, 3]);
      drain(test);
      expect(test.node.raft.role).toBe(role);
      test.node.step(appendEntries(2, 1, 9, [1, 1], [], 1));
      expect(test.node.raft.role).toBe("follower");
      expect(test.node.raft.term).toBe(9);
      expect(test.node.raft.leader).toBe(2);
    }
  });

  it("rejects a request with a stale term", () => {
    // §5.1: "If a server receives a request with a stale term number, it rejects the request."
    const test = newNode(1, [1, 2, 3], {}, storageWithLog([1, 2, 3], [], 5));
    test.node.step(voteRequest(2, 1, 4, 10, 4));
    test.node.step(appendEntries(2, 1, 4, [1, 1], [entry(4, 2, "stale")], 2));
    const responses = messagesOf(test);
    expect(ofType(responses, "voteResponse")).toMatchObject([{ reject: true, term: 5 }]);
    expect(test.node.raft.log.lastIndex()).toBe(1);
    expect(test.node.raft.vote).toBe(0);
  });
});

describe("§5.2 leader election", () => {
  it("a follower that hears nothing for an election timeout starts an election", () => {
    // §5.2: "If a follower receives no communication over a period of time called the election
    // timeout, then it assumes there is no viable leader and begins an election to choose a new
    // leader. To begin an election, a follower increments its current term and transitions to
    // candidate state. It then votes for itself and issues RequestVote RPCs in parallel."
    const test = newNode(1, [1, 2, 3]);
    tickTimes(test, 20);
    const { messages, ready } = drain(test);
    expect(test.node.raft.role).toBe("candidate");
    expect(test.node.raft.term).toBe(2);
    expect(test.node.raft.vote).toBe(1);
    expect(ofType(messages, "requestVote").map((request) => request.to)).toEqual([2, 3]);
    // The vote for itself is durable before any RequestVote leaves (thesis §3.8).
    expect(ready[0]?.hardState).toMatchObject({ term: 2, vote: 1 });
    expect(ready[0]?.messages).toEqual([]);
    expect(ready[0]?.messagesAfterPersist.length).toBe(2);
  });

  it("a follower that receives valid RPCs from a leader stays a follower", () => {
    // §5.2: "A server remains in follower state as long as it receives valid RPCs from a leader or
    // candidate."
    const test = newNode(1, [1, 2, 3]);
    for (let i = 0; i < 100; i++) {
      test.node.tick();
      test.node.step(heartbeat(2, 1, 1, 1));
    }
    expect(test.node.raft.role).toBe("follower");
    expect(test.node.raft.term).toBe(1);
  });

  it("a candidate wins with votes from a majority of the full cluster for the same term", () => {
    // §5.2: "A candidate wins an election if it receives votes from a majority of the servers in the
    // full cluster for the same term."
    const cases: [size: number, granted: number[], rejected: number[], outcome: string][] = [
      [1, [], [], "leader"],
      [3, [2], [], "leader"],
      [3, [], [2, 3], "follower"],
      [3, [], [2], "candidate"],
      [5, [2], [], "candidate"],
      [5, [2, 3], [], "leader"],
      [5, [], [2, 3, 4], "follower"],
      [5, [2], [3, 4], "candidate"],
      [5, [2], [3, 4, 5], "follower"],
    ];
    for (const [size, granted, rejected, outcome] of cases) {
      const voters = Array.from({ length: size }, (_, i) => i + 1);
      const test = newNode(1, voters);
      test.node.campaign();
      drain(test);
      for (const voter of granted) test.node.step(voteResponse(voter, 1, 2, true));
      for (const voter of rejected) test.node.step(voteResponse(voter, 1, 2, false));
      expect(test.node.raft.role, `${size} voters, granted ${granted}, rejected ${rejected}`).toBe(outcome);
    }
  });

  it("votes for at most one candidate per term, first come first served", () => {
    // §5.2: "Each server will vote for at most one candidate in a given term, on a
    // first-come-first-served basis."
    const test = newNode(1, [1, 2, 3]);
    test.node.step(voteRequest(2, 1, 2, 1, 1));
    test.node.step(voteRequest(3, 1, 2, 1, 1));
    test.node.step(voteRequest(2, 1, 2, 1, 1));
    const votes = ofType(messagesOf(test), "voteResponse");
    expect(votes.map((vote) => [vote.to, vote.reject])).toEqual([
      [2, false],
      [3, true],
      [2, false],
    ]);
    expect(test.storage.hardStateForTesting().vote).toBe(2);
  });

  it("a candidate that receives AppendEntries from a leader of its term returns to follower", () => {
    // §5.2: "If the leader's term (included in its RPC) is at least as large as the candidate's
    // current term, then the candidate recognizes the leader as legitimate and returns to follower
    // state."
    const test = newNode(1, [1, 2, 3]);
    test.node.campaign();
    drain(test);
    test.node.step(appendEntries(2, 1, 2, [1, 1], [], 1));
    expect(test.node.raft.role).toBe("follower");
    expect(test.node.raft.leader).toBe(2);
    expect(test.node.raft.term).toBe(2);
  });

  it("a candidate that neither wins nor loses times out and starts a new election", () => {
    // §5.2: "each candidate will time out and start a new election by incrementing its term and
    // initiating another round of RequestVote RPCs."
    const test = newNode(1, [1, 2, 3]);
    test.node.campaign();
    drain(test);
    tickTimes(test, 20);
    expect(test.node.raft.role).toBe("candidate");
    expect(test.node.raft.term).toBe(3);
    expect(ofType(messagesOf(test), "requestVote").map((request) => request.term)).toEqual([3, 3]);
  });

  it("election timeouts are randomized in [electionTicks, 2 * electionTicks)", () => {
    // §5.2: "Raft uses randomized election timeouts to ensure that split votes are rare ... election
    // timeouts are chosen randomly from a fixed interval (e.g., 150-300ms)."
    const timeouts = new Set<number>();
    for (let seed = 1; seed <= 200; seed++) {
      const test = newNode(1, [1, 2, 3], { rng: new SeededRng(seed) });
      let elapsed = 0;
      while (test.node.raft.role === "follower" && elapsed < 100) {
        test.node.tick();
        elapsed++;
      }
      timeouts.add(elapsed);
    }
    expect(Math.min(...timeouts)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...timeouts)).toBeLessThan(20);
    expect(timeouts.size).toBeGreaterThan(5);
  });

  it("a leader sends heartbeats to every follower each heartbeat interval", () => {
    // §5.2: "Leaders send periodic heartbeats (AppendEntries RPCs that carry no log entries) to all
    // followers in order to maintain their authority."
    const test = newNode(1, [1, 2, 3]);
    electLeader(test, [1, 2, 3]);
    drain(test);
    test.node.tick();
    const heartbeats = ofType(messagesOf(test), "heartbeat");
    expect(heartbeats.map((message) => message.to)).toEqual([2, 3]);
  });
});

describe("§5.3 log replication", () => {
  it("the leader appends a proposal to its log and sends it to every follower", () => {
    // §5.3: "The leader appends the command to its log as a new entry, then issues AppendEntries
    // RPCs in parallel to each of the other servers to replicate the entry."
    const test = newNode(1, [1, 2, 3]);
    electLeader(test, [1, 2, 3]);
    for (const id of [2, 3]) test.node.step(appendResponse(id, 1, 2, 2));
    drain(test);
    const result = test.node.propose(textEncoder.encode("x"));
    expect(result).toEqual({ index: 3, term: 2 });
    const appends = ofType(messagesOf(test), "appendEntries");
    expect(
      appends.map((append) => [append.to, append.prevIndex, append.entries.map((e) => e.index)]),
    ).toEqual([
      [2, 2, [3]],
      [3, 2, [3]],
    ]);
  });

  it("an entry is committed once replicated on a majority, and not before", () => {
    // §5.3: "A log entry is committed once the leader that created the entry has replicated it on
    // a majority of the servers."
    const test = newNode(1, [1, 2, 3, 4, 5]);
    electLeader(test, [1, 2, 3, 4, 5]);
    drain(test);
    expect(test.node.raft.log.committed).toBe(1);
    test.node.step(appendResponse(2, 1, 2, 2));
    drain(test);
    expect(test.node.raft.log.committed).toBe(1);
    test.node.step(appendResponse(3, 1, 2, 2));
    const { ready } = drain(test);
    expect(test.node.raft.log.committed).toBe(2);
    expect(ready.flatMap((each) => each.committedEntries).map((e) => e.index)).toEqual([2]);
  });

  it("the leader counts its own copy only once it is durable", () => {
    // Thesis §10.2.1: the leader may write to its disk in parallel with replicating, but an entry
    // counts as stored on the leader only once the leader's write completed.
    const test = newNode(1, [1, 2, 3]);
    electLeader(test, [1, 2, 3]);
    test.node.step(appendResponse(2, 1, 2, 2));
    drain(test);
    expect(test.node.raft.log.committed).toBe(2);
    test.node.propose(textEncoder.encode("x"));
    const ready = test.node.ready();
    // Entry 3 is not yet durable on the leader: one follower acknowledging it is not a majority.
    test.node.step(appendResponse(2, 1, 2, 3));
    expect(test.node.raft.log.committed).toBe(2);
    test.storage.append(ready.entries);
    if (ready.hardState !== undefined) test.storage.setHardState(ready.hardState);
    test.node.advance();
    expect(test.node.raft.log.committed).toBe(3);
  });

  it("a follower applies entries the leader reports committed", () => {
    // §5.3: "Once a follower learns that a log entry is committed, it applies the entry to its
    // local state machine (in log order)."
    const test = newNode(2, [1, 2, 3]);
    test.node.step(appendEntries(1, 2, 2, [1, 1], [entry(2, 2), entry(2, 3, "a"), entry(2, 4, "b")], 3));
    const { ready } = drain(test);
    expect(ready.flatMap((each) => each.committedEntries).map((e) => e.index)).toEqual([2, 3]);
    test.node.step(appendEntries(1, 2, 2, [4, 2], [], 4));
    expect(
      drain(test)
        .ready.flatMap((each) => each.committedEntries)
        .map((e) => e.index),
    ).toEqual([4]);
  });

  it("a follower refuses entries when its log lacks the preceding (index, term)", () => {
    // §5.3: "When sending an AppendEntries RPC, the leader includes the index and term of the entry
    // in its log that immediately precedes the new entries. If the follower does not find an entry
    // in its log with the same index and term, then it refuses the new entries."
    const test = newNode(2, [1, 2, 3], {}, storageWithLog([1, 2, 3], [1, 1]));
    test.node.step(appendEntries(1, 2, 2, [3, 2], [entry(2, 4)], 1));
    test.node.step(appendEntries(1, 2, 2, [5, 2], [entry(2, 6)], 1));
    const responses = ofType(messagesOf(test), "appendResponse");
    expect(responses.map((response) => [response.reject, response.index])).toEqual([
      [true, 3],
      [true, 5],
    ]);
    expect(test.node.raft.log.lastIndex()).toBe(3);
  });

  it("a conflicting entry and everything after it are replaced by the leader's", () => {
    // §5.3 (figure 2, AppendEntries rule 3): "If an existing entry conflicts with a new one (same
    // index but different terms), delete the existing entry and all that follow it."
    const test = newNode(2, [1, 2, 3], {}, storageWithLog([1, 2, 3], [1, 1, 1, 1], 1));
    test.node.step(appendEntries(1, 2, 3, [2, 1], [entry(3, 3, "new")], 1));
    const { messages } = drain(test);
    const log = test.node.raft.log;
    expect(log.lastIndex()).toBe(3);
    expect(log.term(logIndex(3))).toBe(3);
    expect(test.storage.lastIndex()).toBe(3);
    expect(ofType(messages, "appendResponse")).toMatchObject([{ reject: false, index: 3 }]);
  });

  it("acknowledges prevIndex plus the entries sent, never a longer stale suffix", () => {
    // §5.3: the leader learns that the follower's log matches "up through the new entries", so the
    // acknowledged index is prevIndex + len(entries), even when the follower holds more entries.
    const test = newNode(2, [1, 2, 3], {}, storageWithLog([1, 2, 3], [1, 1, 1, 1], 1));
    test.node.step(appendEntries(1, 2, 2, [2, 1], [entry(1, 3, "e3")], 1));
    expect(ofType(messagesOf(test), "appendResponse")).toMatchObject([{ reject: false, index: 3 }]);
    expect(test.node.raft.log.lastIndex()).toBe(5);
  });

  it("after a rejection the leader backs off using the follower's conflict hint", () => {
    // §5.3: "After a rejection, the leader decrements nextIndex and retries the AppendEntries RPC
    // ... the follower can include the term of the conflicting entry and the first index it stores
    // for that term. With this information, the leader can decrement nextIndex to bypass all of the
    // conflicting entries in that term."
    const leader = newNode(1, [1, 2, 3], {}, storageWithLog([1, 2, 3], [1, 1, 4, 4, 4]));
    electLeader(leader, [1, 2, 3]);
    drain(leader);
    // The follower has index 2 of term 1, then entries of term 2 the leader never had.
    const follower = newNode(2, [1, 2, 3], {}, storageWithLog([1, 2, 3], [1, 2, 2, 2, 2, 2]));
    follower.node.step(appendEntries(1, 2, 5, [6, 4], [], 1));
    const rejection = ofType(messagesOf(follower), "appendResponse")[0];
    expect(rejection).toMatchObject({ reject: true, index: 6, hintIndex: 6, hintTerm: 2 });
    if (rejection === undefined) return;
    leader.node.step({ ...rejection, term: leader.node.raft.term });
    const retry = ofType(messagesOf(leader), "appendEntries").filter((append) => append.to === 2);
    // The leader's last entry of a term <= 2 is index 3 (term 1): it retries right after it, skipping
    // every entry of term 2 at once.
    expect(retry.map((append) => [append.prevIndex, append.prevTerm])).toEqual([[3, 1]]);
  });
});

describe("§5.4 safety", () => {
  it("a voter denies its vote to a candidate whose log is less up-to-date", () => {
    // §5.4.1: "the voter denies its vote if its own log is more up-to-date than that of the
    // candidate ... If the logs have last entries with different terms, then the log with the later
    // term is more up-to-date. If the logs end with the same term, then whichever log is longer is
    // more up-to-date."
    // The voter's log ends at 3/2 (index 3, term 2).
    const cases: [lastIndex: number, lastTerm: number, granted: boolean][] = [
      [2, 1, false],
      [3, 1, false],
      [4, 1, false],
      [2, 2, false],
      [3, 2, true],
      [4, 2, true],
      [2, 3, true],
    ];
    for (const [lastIndex, lastTerm, granted] of cases) {
      const test = newNode(1, [1, 2, 3], {}, storageWithLog([1, 2, 3], [2, 2]));
      test.node.step(voteRequest(2, 1, 3, lastIndex, lastTerm));
      const vote = ofType(messagesOf(test), "voteResponse")[0];
      expect(vote?.reject, `candidate log ${lastTerm}/${lastIndex}`).toBe(!granted);
    }
  });

  it("a leader commits entries of earlier terms only by committing one of its own term", () => {
    // §5.4.2: "Raft never commits log entries from previous terms by counting replicas. Only log
    // entries from the leader's current term are committed by counting replicas; once an entry from
    // the current term has been committed in this way, then all prior entries are committed
    // indirectly because of the Log Matching Property." (Figure 8.)
    const test = newNode(1, [1, 2, 3], {}, storageWithLog([1, 2, 3], [2], 2));
    electLeader(test, [1, 2, 3]);
    drain(test);
    const leaderTerm = test.node.raft.term;
    expect(leaderTerm).toBe(3);
    // A majority holds the term-2 entry at index 2, but that alone commits nothing.
    test.node.step(appendResponse(2, 1, leaderTerm, 2));
    drain(test);
    expect(test.node.raft.log.committed).toBe(1);
    // Once the leader's no-op (index 3, term 3) is on a majority, both entries are committed.
    test.node.step(appendResponse(2, 1, leaderTerm, 3));
    drain(test);
    expect(test.node.raft.log.committed).toBe(3);
  });

  it("a new leader appends a no-op entry of its term at the start of its term", () => {
    // §8: "Raft handles this by having each leader commit a blank no-op entry into the log at the
    // start of its term."
    const test = newNode(1, [1, 2, 3]);
    electLeader(test, [1, 2, 3]);
    const log = test.node.raft.log;
    const last = log.slice(log.lastIndex(), (log.lastIndex() + 1) as never, 1024 as never)?.[0];
    expect(last).toMatchObject({ term: 2, index: 2, type: "normal" });
    expect(last?.data.byteLength).toBe(0);
  });

  it("votes and acknowledgements wait for persistence; a leader's appends do not", () => {
    // Thesis §3.8: "servers must ... persist [currentTerm, votedFor and the log] before responding
    // to RPCs"; thesis §10.2.1: "the leader can write to its disk in parallel with replicating".
    const voter = newNode(2, [1, 2, 3]);
    voter.node.step(voteRequest(1, 2, 2, 1, 1));
    const voteReady = voter.node.ready();
    expect(voteReady.messages).toEqual([]);
    expect(voteReady.messagesAfterPersist.map((m) => m.type)).toEqual(["voteResponse"]);
    expect(voteReady.hardState).toMatchObject({ term: 2, vote: 1 });
    voter.node.advance();

    const follower = newNode(2, [1, 2, 3]);
    follower.node.step(appendEntries(1, 2, 2, [1, 1], [entry(2, 2, "x")], 1));
    const appendReady = follower.node.ready();
    expect(appendReady.entries.map((e) => e.index)).toEqual([2]);
    expect(appendReady.messagesAfterPersist.map((m) => m.type)).toEqual(["appendResponse"]);
    follower.node.advance();

    const leader = newNode(1, [1, 2, 3]);
    electLeader(leader, [1, 2, 3]);
    for (const id of [2, 3]) leader.node.step(appendResponse(id, 1, 2, 2));
    drain(leader);
    leader.node.propose(textEncoder.encode("y"));
    const leaderReady = leader.node.ready();
    expect(leaderReady.entries.map((e) => e.index)).toEqual([3]);
    expect(leaderReady.messages.map((m) => m.type)).toContain("appendEntries");
    leader.node.advance();
  });
});

describe("§6 and thesis chapter 4: membership changes", () => {
  it("in a joint configuration, commitment requires a majority of both configurations", () => {
    // §6: "Agreement (for elections and entry commitment) requires separate majorities from both
    // the old and new configurations."
    const storage = MemoryStorage.bootstrapped({
      voters: [1, 2, 3].map(nodeId),
      votersOutgoing: [1, 4, 5].map(nodeId),
      learners: [],
      learnersNext: [],
      autoLeave: false,
    });
    const test = newNode(1, [], {}, storage);
    electLeader(test, [1, 2, 3, 4, 5]);
    drain(test);
    expect(test.node.raft.role).toBe("leader");
    // Nodes 2 and 3 make a majority of (1 2 3) but not of (1 4 5).
    for (const id of [2, 3]) test.node.step(appendResponse(id, 1, 2, 2));
    drain(test);
    expect(test.node.raft.log.committed).toBe(1);
    test.node.step(appendResponse(4, 1, 2, 2));
    drain(test);
    expect(test.node.raft.log.committed).toBe(2);
  });

  it("in a joint configuration, an election needs a majority of both configurations", () => {
    // §6: "Agreement (for elections and entry commitment) requires separate majorities from both
    // the old and new configurations."
    const storage = MemoryStorage.bootstrapped({
      voters: [1, 2, 3].map(nodeId),
      votersOutgoing: [1, 4, 5].map(nodeId),
      learners: [],
      learnersNext: [],
      autoLeave: false,
    });
    const test = newNode(1, [], {}, storage);
    test.node.campaign();
    drain(test);
    for (const id of [2, 3]) test.node.step(voteResponse(id, 1, 2, true));
    expect(test.node.raft.role).toBe("candidate");
    test.node.step(voteResponse(5, 1, 2, true));
    expect(test.node.raft.role).toBe("leader");
  });

  it("a learner receives the log but neither votes, campaigns, nor counts toward commitment", () => {
    // Thesis §4.2.1: "the new servers join the cluster as non-voting members (the leader replicates
    // log entries to them, but they are not considered for majorities)."
    const learner = newNode(4, [], {}, MemoryStorage.bootstrapped(confState([1, 2, 3], [4])));
    tickTimes(learner, 100);
    expect(learner.node.raft.role).toBe("follower");
    expect(messagesOf(learner)).toEqual([]);

    const leader = newNode(1, [], {}, MemoryStorage.bootstrapped(confState([1, 2, 3], [4])));
    electLeader(leader, [1, 2, 3]);
    leader.node.tick();
    const heartbeats = ofType(messagesOf(leader), "heartbeat");
    expect(heartbeats.map((message) => message.to)).toEqual([2, 3, 4]);
    leader.node.step(appendResponse(4, 1, 2, 2));
    drain(leader);
    expect(leader.node.raft.log.committed).toBe(1);
  });

  it("only one configuration change may be pending at a time", () => {
    // Thesis §4.1: "a leader [may not] begin a new configuration change until the prior change has
    // committed" (we wait until it is applied).
    const test = newNode(1, [1, 2, 3]);
    electLeader(test, [1, 2, 3]);
    for (const id of [2, 3]) test.node.step(appendResponse(id, 1, 2, 2));
    drain(test);
    test.node.proposeConfChange({ changes: [{ type: "addLearner", nodeId: nodeId(4) }] });
    expect(() =>
      test.node.proposeConfChange({ changes: [{ type: "addLearner", nodeId: nodeId(5) }] }),
    ).toThrow(expect.objectContaining({ code: "PROPOSAL_DROPPED" }));
  });

  it("a single-voter change applies directly; a larger change goes through a joint configuration", () => {
    // Thesis §4.1: single-server changes are safe because "the majorities of the old and new
    // configurations overlap"; §4.3: for arbitrary changes "the cluster first switches to a
    // transitional configuration we call joint consensus".
    const current = trackerConfigOf(confState([1, 2, 3]));
    const single = applyConfChange(current, { changes: [{ type: "addVoter", nodeId: nodeId(4) }] });
    expect(describeTrackerConfig(single)).toBe("voters=(1 2 3 4)");
    const replace = applyConfChange(current, {
      changes: [
        { type: "addVoter", nodeId: nodeId(4) },
        { type: "removeNode", nodeId: nodeId(3) },
      ],
    });
    expect(describeTrackerConfig(replace)).toBe("voters=(1 2 4)&&(1 2 3) autoleave");
    expect(() => applyConfChange(replace, { changes: [{ type: "addVoter", nodeId: nodeId(5) }] })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(describeTrackerConfig(applyConfChange(replace, { changes: [] }))).toBe("voters=(1 2 4)");
  });

  it("a leader removed from the configuration steps down once the removal is applied", () => {
    // Thesis §4.2.2: "the leader steps down ... once the C_new entry is committed".
    const network = new RaftNetwork({ voters: [1, 2, 3], seed: 1 });
    network.node(1).live.campaign();
    network.stabilize();
    network.node(1).live.proposeConfChange({ changes: [{ type: "removeNode", nodeId: nodeId(1) }] });
    network.stabilize();
    expect(network.node(1).live.raft.role).toBe("follower");
    expect(network.node(2).live.confState().voters).toEqual([2, 3]);
    network.elapse(30);
    const leader = network.leader();
    expect(leader === undefined ? 0 : leader.id).not.toBe(0);
    expect(leader?.id).not.toBe(1);
  });
});

describe("§7 log compaction and InstallSnapshot", () => {
  function compactedLeader(): RaftNetwork {
    const network = new RaftNetwork({
      voters: [1, 2, 3],
      seed: 7,
      settings: { snapshotChunkSizeBytes: 8 as never },
    });
    network.node(1).live.campaign();
    network.stabilize();
    network.crash(3);
    for (const data of ["a", "b", "c"]) network.node(1).live.propose(textEncoder.encode(data));
    network.stabilize();
    network.compact(1);
    network.compact(2);
    return network;
  }

  it("the leader sends a snapshot to a follower that needs entries it has discarded", () => {
    // §7: "the leader must occasionally send snapshots to followers that lag behind. This happens
    // when the leader has already discarded the next log entry that it needs to send to a
    // follower."
    const network = compactedLeader();
    network.restart(3);
    network.tracing = true;
    network.elapse(3);
    expect(network.trace.some((line) => line.includes("installSnapshot"))).toBe(true);
    expect(network.node(3).stateMachine.payloads).toEqual(["a", "b", "c"]);
    expect(network.node(3).storage.snapshot().metadata.index).toBe(5);
  });

  it("the snapshot is sent in chunks, and a follower accepts only the next chunk in order", () => {
    // §7 (figure 13): "offset: byte offset where chunk is positioned in the snapshot file ... Create
    // new snapshot file if first chunk (offset is 0) ... Write data into snapshot file at given
    // offset ... Reply and wait for more data chunks if done is false".
    const follower = newNode(3, [1, 2, 3]);
    const metadata = { index: logIndex(9), term: term(2), confState: confState([1, 2, 3]) };
    const data = textEncoder.encode("0123456789abcdef");
    const chunk = (offset: number, length: number) =>
      ({
        type: "installSnapshot",
        group: 1,
        from: 1,
        to: 3,
        term: 2,
        metadata,
        totalBytes: data.byteLength,
        offset,
        data: data.subarray(offset, offset + length),
      }) as never;
    follower.node.step(chunk(8, 8));
    follower.node.step(chunk(0, 8));
    follower.node.step(chunk(0, 8));
    const acknowledgements = ofType(messagesOf(follower), "snapshotResponse").map((m) => m.nextOffset);
    // Out of order: nothing kept; then 8 bytes; a duplicate changes nothing.
    expect(acknowledgements).toEqual([0, 8, 8]);
    follower.node.step(chunk(8, 8));
    const { ready, messages } = drain(follower);
    expect(ready[0]?.snapshot?.data).toEqual(data);
    expect(ofType(messages, "appendResponse")).toMatchObject([{ reject: false, index: 9 }]);
  });

  it("a snapshot that covers a prefix of the follower's log keeps the entries after it", () => {
    // §7: "If instead the follower receives a snapshot that describes a prefix of its log (due to
    // retransmission or by mistake), then log entries covered by the snapshot are deleted but
    // entries following the snapshot are still valid and must be retained."
    const test = newNode(2, [1, 2, 3], {}, storageWithLog([1, 2, 3], [1, 1, 1, 1]));
    const restored = test.node.raft.restore({
      metadata: { index: logIndex(3), term: term(1), confState: confState([1, 2, 3]) },
      data: new Uint8Array(0),
    });
    expect(restored).toBe(false);
    expect(test.node.raft.log.lastIndex()).toBe(5);
    expect(test.node.raft.log.committed).toBe(3);
  });

  it("a snapshot with information the follower lacks replaces its whole log", () => {
    // §7: "Usually the snapshot will contain new information not already in the recipient's log.
    // In this case, the follower discards its entire log; it is all superseded by the snapshot and
    // may possibly have uncommitted entries that conflict with the snapshot."
    const test = newNode(2, [1, 2, 3], {}, storageWithLog([1, 2, 3], [1, 1, 1, 1]));
    const restored = test.node.raft.restore({
      metadata: { index: logIndex(4), term: term(2), confState: confState([1, 2, 3]) },
      data: new Uint8Array(0),
    });
    expect(restored).toBe(true);
    expect(test.node.raft.log.lastIndex()).toBe(4);
    expect(test.node.raft.log.term(logIndex(4))).toBe(2);
    const { ready } = drain(test);
    expect(ready[0]?.snapshot?.metadata.index).toBe(4);
    expect(test.storage.firstIndex()).toBe(5);
  });
});

describe("thesis §9.6 pre-vote and §6.2 check-quorum", () => {
  it("a pre-candidate does not increment its term until a majority would vote for it", () => {
    // Thesis §9.6: "a candidate would first ask other servers whether its log was up-to-date enough
    // to get their vote. Only if the candidate believed it could get votes from a majority of the
    // cluster would it increment its term and start a normal election."
    const test = newNode(1, [1, 2, 3], { preVote: true });
    for (let round = 0; round < 5; round++) {
      tickTimes(test, 20);
      const requests = ofType(messagesOf(test), "requestPreVote");
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.every((request) => request.term === 2)).toBe(true);
    }
    expect(test.node.raft.term).toBe(1);
    expect(test.storage.hardStateForTesting().term).toBe(1);
    test.node.step(voteResponse(2, 1, 2, true, true));
    expect(test.node.raft.role).toBe("candidate");
    expect(test.node.raft.term).toBe(2);
  });

  it("a partitioned node rejoining cannot disrupt a healthy leader", () => {
    // Thesis §9.6: pre-vote "prevents a server that was partitioned from the cluster from
    // disrupting the cluster when it rejoins".
    const network = new RaftNetwork({ voters: [1, 2, 3], seed: 3 });
    network.node(1).live.campaign();
    network.stabilize();
    network.isolate(3);
    network.elapse(100);
    network.heal();
    network.elapse(5);
    expect(network.leader()?.id).toBe(1);
    expect(network.node(1).live.raft.term).toBe(2);
    expect(network.node(3).live.raft.term).toBe(2);
  });

  it("a leader that hears from no quorum for an election timeout steps down", () => {
    // Thesis §6.2: "a leader steps down if an election timeout elapses without a successful round
    // of heartbeats to a majority of its cluster".
    const test = newNode(1, [1, 2, 3], { checkQuorum: true });
    electLeader(test, [1, 2, 3]);
    drain(test);
    tickTimes(test, 9);
    expect(test.node.raft.role).toBe("leader");
    test.node.step(appendResponse(2, 1, 2, 2));
    tickTimes(test, 1);
    expect(test.node.raft.role).toBe("leader");
    tickTimes(test, 10);
    expect(test.node.raft.role).toBe("follower");
  });

  it("a server that heard from its leader within the election timeout ignores vote requests", () => {
    // Thesis §4.2.3: "if a server receives a RequestVote request within the minimum election
    // timeout of hearing from a current leader, it does not update its term or grant its vote."
    const test = newNode(2, [1, 2, 3], { checkQuorum: true, preVote: true });
    test.node.step(heartbeat(1, 2, 2, 1));
    test.node.step(voteRequest(3, 2, 3, 5, 2));
    expect(test.node.raft.term).toBe(2);
    expect(ofType(messagesOf(test), "voteResponse")).toEqual([]);
    tickTimes(test, 10);
    test.node.step(voteRequest(3, 2, 3, 5, 2));
    expect(ofType(messagesOf(test), "voteResponse")).toMatchObject([{ reject: false, term: 3 }]);
  });
});

describe("thesis §3.10 leadership transfer", () => {
  function transferCluster(): RaftNetwork {
    const network = new RaftNetwork({ voters: [1, 2, 3], seed: 5 });
    network.node(1).live.campaign();
    network.stabilize();
    return network;
  }

  it("the prior leader brings the target up to date, then sends TimeoutNow and the target wins", () => {
    // Thesis §3.10: "1. The prior leader stops accepting new client requests. 2. The prior leader
    // fully updates the target server's log to match its own ... 3. The prior leader sends a
    // TimeoutNow request to the target server. This request has the same effect as the target
    // server's election timer firing."
    const network = transferCluster();
    network.cut(1, 3);
    network.node(1).live.propose(textEncoder.encode("x"));
    network.stabilize();
    network.heal();
    network.tracing = true;
    network.node(1).live.transferLeadership(nodeId(3));
    expect(() => network.node(1).live.propose(textEncoder.encode("y"))).toThrow(
      expect.objectContaining({ code: "PROPOSAL_DROPPED" }),
    );
    network.elapse(2);
    const timeoutNowAt = network.trace.findIndex((line) => line.includes("timeoutNow"));
    const catchUpAt = network.trace.findIndex(
      (line) => line.startsWith("1->3 appendEntries") && line.includes(" x"),
    );
    expect(catchUpAt).toBeGreaterThanOrEqual(0);
    expect(timeoutNowAt).toBeGreaterThan(catchUpAt);
    expect(network.leader()?.id).toBe(3);
    expect(network.node(3).live.raft.term).toBe(3);
  });

  it("the prior leader aborts the transfer after an election timeout and accepts requests again", () => {
    // Thesis §3.10: "the prior leader aborts the transfer if it does not complete after about an
    // election timeout, and it resumes accepting client requests."
    const network = transferCluster();
    network.isolate(3);
    network.node(1).live.transferLeadership(nodeId(3));
    network.elapse(9);
    expect(network.node(1).live.raft.leadTransferee).toBe(3);
    network.elapse(1);
    expect(network.node(1).live.raft.leadTransferee).toBe(0);
    expect(network.node(1).live.propose(textEncoder.encode("z")).index).toBeGreaterThan(0);
  });
});

describe("thesis §6.4 read-only queries", () => {
  function readCluster(lease: boolean): RaftNetwork {
    const network = new RaftNetwork({
      voters: [1, 2, 3],
      seed: 11,
      settings: { readOnlyOption: lease ? "leaseBased" : "safe" },
    });
    network.elapse(10);
    network.node(1).live.campaign();
    network.stabilize();
    return network;
  }

  it("a leader answers a read only after a heartbeat round confirms its leadership", () => {
    // Thesis §6.4: "the leader ... needs to make sure it hasn't been superseded by a newer leader
    // ... it sends a new round of heartbeats and waits for their acknowledgments from a majority of
    // the cluster."
    const network = readCluster(false);
    network.isolate(1);
    network.node(1).live.readIndex("cut-off");
    network.stabilize();
    expect(network.node(1).readStates).toEqual([]);
    network.heal();
    network.node(1).live.readIndex("connected");
    network.stabilize();
    // The confirmation of the later read also confirms the earlier one, still pending.
    expect(network.node(1).readStates.map((read) => read.context)).toEqual(["cut-off", "connected"]);
  });

  it("a new leader serves no read until it has committed an entry of its term", () => {
    // Thesis §6.4: "If the leader has not yet marked an entry from its current term committed, it
    // waits until it has done so."
    const test = newNode(1, [1, 2, 3]);
    electLeader(test, [1, 2, 3]);
    drain(test);
    test.node.readIndex("early");
    test.node.tick();
    for (const id of [2, 3]) {
      test.node.step({ ...heartbeat(id, 1, 2, 0), type: "heartbeatResponse", context: "" } as never);
    }
    expect(drain(test).ready.flatMap((ready) => ready.readStates)).toEqual([]);
    test.node.step(appendResponse(2, 1, 2, 2));
    drain(test);
    const heartbeatContext = test.node.raft.log.committed;
    expect(heartbeatContext).toBe(2);
    test.node.step({ ...heartbeat(2, 1, 2, 0), type: "heartbeatResponse", context: "early" } as never);
    expect(drain(test).ready.flatMap((ready) => ready.readStates)).toEqual([{ index: 2, context: "early" }]);
  });

  it("with a lease, the leader answers at once while the lease lasts, and not after", () => {
    // Thesis §6.4.1: "The leader would use the normal heartbeat mechanism to maintain a lease ...
    // Once the leader's heartbeats were acknowledged by a majority of the cluster, it would extend
    // its lease to start + election timeout / clock drift bound".
    const network = readCluster(true);
    network.elapse(1);
    network.node(1).live.readIndex("leased");
    network.process(1);
    expect(network.node(1).readStates.map((read) => read.context)).toEqual(["leased"]);
    network.isolate(1);
    network.elapse(9);
    expect(network.node(1).live.raft.hasValidLease()).toBe(false);
    network.node(1).live.readIndex("expired");
    network.process(1);
    expect(network.node(1).readStates.map((read) => read.context)).toEqual(["leased"]);
  });

  it("a leader that sent TimeoutNow gives up its lease", () => {
    // Thesis §3.10 lets the target bypass the voters' leases, so the prior leader's lease is void.
    const network = readCluster(true);
    network.elapse(1);
    expect(network.node(1).live.raft.hasValidLease()).toBe(true);
    network.node(1).live.transferLeadership(nodeId(2));
    expect(network.node(1).live.raft.hasValidLease()).toBe(false);
  });
});

describe("proposal admission", () => {
  it("a non-leader refuses proposals with NOT_LEADER and the leader hint", () => {
    const test = newNode(2, [1, 2, 3]);
    test.node.step(heartbeat(1, 2, 2, 1));
    let caught: unknown;
    try {
      test.node.propose(textEncoder.encode("x"));
    } catch (error) {
      caught = error;
    }
    expect(HelixError.is(caught, "NOT_LEADER")).toBe(true);
    expect((caught as HelixError).details).toMatchObject({ leader: 1 });
  });

  it("refuses a proposal over the size limit and proposals past the uncommitted-bytes budget", () => {
    const test = newNode(1, [1, 2, 3], { uncommittedSizeBytesMax: 100 as never });
    electLeader(test, [1, 2, 3]);
    expect(() => test.node.propose(new Uint8Array(9 * 1024 * 1024))).toThrow(
      expect.objectContaining({ code: "RECORD_TOO_LARGE" }),
    );
    test.node.propose(new Uint8Array(60));
    expect(() => test.node.propose(new Uint8Array(60))).toThrow(
      expect.objectContaining({ code: "RESOURCE_EXHAUSTED" }),
    );
    for (const id of [2, 3]) test.node.step(appendResponse(id, 1, 2, 3));
    drain(test);
    // Once committed and handed out, the bytes no longer count.
    expect(test.node.propose(new Uint8Array(60)).index).toBe(4);
  });
});

describe("flow control and batching (thesis §10.2: pipelining and batching)", () => {
  function replicatingLeader(options: Parameters<typeof newNode>[2]) {
    const test = newNode(1, [1, 2, 3], options);
    electLeader(test, [1, 2, 3]);
    for (const id of [2, 3]) test.node.step(appendResponse(id, 1, 2, 2));
    drain(test);
    return test;
  }

  it("batches proposals made between two Readies into appends of bounded size", () => {
    // Thesis §10.2.1: "the leader can batch many entries into a single AppendEntries request".
    const entryBytes = 100 + 24;
    const test = replicatingLeader({ appendMessageSizeBytes: (3 * entryBytes) as never });
    for (let i = 0; i < 7; i++) test.node.propose(new Uint8Array(100));
    const appends = ofType(messagesOf(test), "appendEntries").filter((append) => append.to === 2);
    expect(appends.map((append) => append.entries.length)).toEqual([3, 3, 1]);
  });

  it("pipelines appends only up to the inflight window, and sends more as acknowledgements free it", () => {
    // Thesis §10.2.2: pipelining "the leader sends the next AppendEntries request before receiving
    // the response to the previous one", bounded per follower so a slow follower cannot take
    // unbounded leader memory.
    const test = replicatingLeader({ appendMessageSizeBytes: 1 as never, inflightMessagesMax: 2 });
    for (let i = 0; i < 5; i++) test.node.propose(new Uint8Array(10));
    const first = ofType(messagesOf(test), "appendEntries").filter((append) => append.to === 2);
    expect(first.map((append) => append.entries.map((e) => e.index))).toEqual([[3], [4]]);
    test.node.step(appendResponse(2, 1, 2, 3));
    const second = ofType(messagesOf(test), "appendEntries").filter((append) => append.to === 2);
    expect(second.map((append) => append.entries.map((e) => e.index))).toEqual([[5]]);
  });

  it("bounds the inflight window by bytes as well as by messages", () => {
    const test = replicatingLeader({ inflightBytesMax: 150 as never, appendMessageSizeBytes: 1 as never });
    for (let i = 0; i < 4; i++) test.node.propose(new Uint8Array(100));
    const appends = ofType(messagesOf(test), "appendEntries").filter((append) => append.to === 2);
    // 100 bytes in flight leave room for one more; at 200 the window is full.
    expect(appends.length).toBe(2);
  });

  it("probes one append at a time until the follower's position is known", () => {
    // §5.3: after a rejection the leader retries one position at a time ("probe" state).
    const test = newNode(1, [1, 2, 3]);
    electLeader(test, [1, 2, 3]);
    for (let i = 0; i < 3; i++) test.node.propose(new Uint8Array(10));
    const appends = ofType(messagesOf(test), "appendEntries").filter((append) => append.to === 2);
    expect(appends).toEqual([]);
    expect(test.node.raft.tracker.progress.get(nodeId(2))?.describe()).toBe("probe match=0 next=2 paused");
  });
});
