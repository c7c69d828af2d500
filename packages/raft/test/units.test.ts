/**
 * Unit specifications of the building blocks: the inflight window, follower progress, MemoryStorage,
 * the log, configuration validation, the conf change codec, and the Ready/advance guards.
 */
import { groupId, HelixError, logIndex, nodeId, SeededRng, term, ticks } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import {
  applyConfChange,
  decodeConfChange,
  describeConfChange,
  encodeConfChange,
} from "../src/conf-changer.js";
import { RaftConfig } from "../src/config.js";
import { describeMessage } from "../src/describe.js";
import { emptyList } from "../src/empty-list.js";
import { Inflights } from "../src/inflights.js";
import { Progress } from "../src/progress.js";
import { RaftLog } from "../src/raft-log.js";
import { MemoryStorage } from "../src/storage.js";
import { RaftNetwork } from "../src/testing/network.js";
import { describeTrackerConfig, trackerConfigOf } from "../src/tracker.js";
import { confState, drain, entry, heartbeat, newNode, storageWithLog } from "./helpers.js";

describe("Inflights", () => {
  it("is full at the message bound or the byte bound, and frees acknowledged appends", () => {
    const window = new Inflights(3, 100);
    window.add(logIndex(1), 10);
    window.add(logIndex(2), 10);
    expect(window.isFull()).toBe(false);
    window.add(logIndex(5), 10);
    expect(window.isFull()).toBe(true);
    window.freeLessOrEqual(logIndex(2));
    expect(window.count).toBe(1);
    expect(window.sizeBytes).toBe(10);
    window.add(logIndex(6), 95);
    expect(window.isFull()).toBe(true);
    window.freeLessOrEqual(logIndex(6));
    expect(window.count).toBe(0);
    expect(window.isFull()).toBe(false);
  });

  it("refuses out-of-order adds and adds to a full window (our bugs)", () => {
    const window = new Inflights(1, 100);
    window.add(logIndex(3), 1);
    expect(() => window.add(logIndex(4), 1)).toThrow(/full/);
    window.freeLessOrEqual(logIndex(3));
    window.add(logIndex(5), 1);
    window.freeLessOrEqual(logIndex(5));
    const ordered = new Inflights(4, 100);
    ordered.add(logIndex(5), 1);
    expect(() => ordered.add(logIndex(5), 1)).toThrow(/index order/);
  });

  it("stays bounded over a long run", () => {
    const window = new Inflights(4, 1000);
    for (let index = 1; index <= 10_000; index++) {
      window.add(logIndex(index), 1);
      if (window.isFull()) window.freeLessOrEqual(logIndex(index));
    }
    expect(window.count).toBeLessThanOrEqual(4);
  });
});

describe("Progress", () => {
  it("probe sends one append at a time; replicate pipelines until the window is full", () => {
    const progress = new Progress(logIndex(5), false, 2, 1000);
    expect(progress.isPaused()).toBe(false);
    progress.sentEntries(logIndex(5), 10);
    expect(progress.isPaused()).toBe(true);
    expect(progress.maybeUpdate(logIndex(5))).toBe(true);
    progress.becomeReplicate();
    expect(progress.next).toBe(6);
    progress.sentEntries(logIndex(7), 10);
    progress.sentEntries(logIndex(9), 10);
    expect(progress.next).toBe(10);
    expect(progress.isPaused()).toBe(true);
  });

  it("ignores stale rejections and backs off to the hint on fresh ones", () => {
    const progress = new Progress(logIndex(10), false, 4, 1000);
    // Probe state: only a rejection of the last probe (prevIndex = next - 1 = 9) counts.
    expect(progress.maybeDecreaseTo(logIndex(5), logIndex(3))).toBe(false);
    expect(progress.maybeDecreaseTo(logIndex(9), logIndex(3))).toBe(true);
    expect(progress.next).toBe(4);
    progress.maybeUpdate(logIndex(6));
    progress.becomeReplicate();
    // Replicate state: a rejection at or below match is stale.
    expect(progress.maybeDecreaseTo(logIndex(6), logIndex(0))).toBe(false);
    expect(progress.maybeDecreaseTo(logIndex(8), logIndex(0))).toBe(true);
    expect(progress.next).toBe(7);
  });

  it("never moves match backwards", () => {
    const progress = new Progress(logIndex(1), false, 4, 1000);
    progress.maybeUpdate(logIndex(8));
    expect(progress.maybeUpdate(logIndex(3))).toBe(false);
    expect(progress.match).toBe(8);
    expect(progress.describe()).toBe("probe match=8 next=9");
  });
});

describe("MemoryStorage", () => {
  it("appends, truncates a conflicting suffix, compacts and snapshots", () => {
    const storage = storageWithLog([1, 2, 3], [1, 1, 2, 2]);
    expect([storage.firstIndex(), storage.lastIndex()]).toEqual([2, 5]);
    storage.append([entry(3, 4, "x")]);
    expect(storage.lastIndex()).toBe(4);
    expect(storage.term(logIndex(4))).toBe(3);
    storage.createSnapshot(logIndex(3), confState([1, 2, 3]), new Uint8Array([1]));
    storage.compact(logIndex(3));
    expect(storage.firstIndex()).toBe(4);
    expect(storage.term(logIndex(3))).toBe(1);
    expect(storage.term(logIndex(2))).toBeUndefined();
    expect(storage.entries(logIndex(4), logIndex(5), 1_000_000 as never).map((e) => e.index)).toEqual([4]);
    expect(() => storage.entries(logIndex(2), logIndex(5), 1_000_000 as never)).toThrow(/outside/);
  });

  it("appends only the part of a write above its snapshot, replacing what it conflicts with", () => {
    const storage = storageWithLog([1, 2, 3], [1, 1, 2, 2]);
    storage.createSnapshot(logIndex(3), confState([1, 2, 3]), new Uint8Array([1]));
    storage.compact(logIndex(3));
    // Entries 2 and 3 are covered by the snapshot; 4 and 5 replace the stored 4 and 5.
    storage.append([entry(1, 2), entry(1, 3), entry(4, 4, "y"), entry(4, 5)]);
    expect([storage.firstIndex(), storage.lastIndex()]).toEqual([4, 5]);
    expect([3, 4, 5].map((index) => storage.term(logIndex(index)))).toEqual([1, 4, 4]);
    // A write wholly covered by the snapshot changes nothing.
    storage.append([entry(1, 2), entry(1, 3)]);
    expect([storage.firstIndex(), storage.lastIndex()]).toEqual([4, 5]);
    expect(() => storage.append([entry(4, 6), entry(3, 7)])).toThrow(/non-decreasing/);
  });

  it("returns at least one entry however small the byte budget", () => {
    const storage = storageWithLog([1, 2, 3], [1, 1, 1]);
    expect(storage.entries(logIndex(2), logIndex(5), 1 as never).length).toBe(1);
    expect(storage.entries(logIndex(2), logIndex(5), 1_000_000 as never).length).toBe(3);
  });

  it("refuses an append that would leave a gap (our bug)", () => {
    const storage = storageWithLog([1, 2, 3], [1]);
    expect(() => storage.append([entry(1, 5)])).toThrow(/gap/);
  });
});

describe("RaftLog", () => {
  it("finds the conflict hint: the last entry at or below an index with a term at most a bound", () => {
    const log = new RaftLog(storageWithLog([1, 2, 3], [1, 1, 3, 3, 5]), undefined);
    expect(log.findConflictByTerm(logIndex(6), term(4))).toEqual({ index: 5, term: 3 });
    expect(log.findConflictByTerm(logIndex(6), term(2))).toEqual({ index: 3, term: 1 });
    expect(log.findConflictByTerm(logIndex(6), term(5))).toEqual({ index: 6, term: 5 });
    expect(log.findConflictByTerm(logIndex(1), term(0))).toEqual({ index: 0, term: 0 });
  });

  it("hands out committed entries only once they are durable", () => {
    const storage = storageWithLog([1, 2, 3], [1]);
    const log = new RaftLog(storage, undefined);
    log.append([entry(1, 3), entry(1, 4)]);
    log.commitTo(logIndex(4));
    expect(log.nextCommittedEntries(1_000_000 as never).map((e) => e.index)).toEqual([2]);
    storage.append(log.unstableEntries());
    log.stableTo(logIndex(4), term(1));
    expect(log.nextCommittedEntries(1_000_000 as never).map((e) => e.index)).toEqual([2, 3, 4]);
  });

  it("ignores a stale stability acknowledgement after the entries were replaced", () => {
    const log = new RaftLog(storageWithLog([1, 2, 3], [1]), undefined);
    log.append([entry(1, 3), entry(1, 4)]);
    log.append([entry(2, 3)]);
    log.stableTo(logIndex(4), term(1));
    expect(log.unstableEntries().map((e) => `${e.term}/${e.index}`)).toEqual(["2/3"]);
    expect(log.persistedIndex()).toBe(2);
  });

  it("refuses to overwrite committed entries (our bug)", () => {
    const log = new RaftLog(storageWithLog([1, 2, 3], [1, 1]), undefined);
    log.commitTo(logIndex(3));
    expect(() => log.append([entry(2, 3)])).toThrow(/committed/);
  });
});

describe("RaftConfig.validate", () => {
  const base = { id: nodeId(1), group: groupId(1), rng: new SeededRng(1) };
  const cases: [string, object, RegExp][] = [
    ["election timeout below the minimum", { electionTicks: 2 }, /electionTicks/],
    [
      "heartbeat that does not fit twice in an election",
      { electionTicks: 10, heartbeatTicks: 6 },
      /heartbeatTicks/,
    ],
    ["lease reads without check-quorum", { readOnlyOption: "leaseBased", checkQuorum: false }, /checkQuorum/],
    ["an empty inflight window", { inflightMessagesMax: 0 }, /inflightMessagesMax/],
    [
      "a lease margin as long as the election",
      { electionTicks: 10, leaseSafetyMarginTicks: 10 },
      /leaseSafetyMargin/,
    ],
    ["an append size over the limit", { appendMessageSizeBytes: 1e12 }, /appendMessageSizeBytes/],
  ];
  for (const [what, options, message] of cases) {
    it(`refuses ${what} with INVALID_CONFIG`, () => {
      const config = new RaftConfig({ ...base, ...options } as never);
      let caught: unknown;
      try {
        config.validate();
      } catch (error) {
        caught = error;
      }
      expect(HelixError.is(caught, "INVALID_CONFIG")).toBe(true);
      expect((caught as Error).message).toMatch(message);
    });
  }

  it("accepts the defaults", () => {
    expect(() => new RaftConfig(base).validate()).not.toThrow();
    expect(new RaftConfig({ ...base, electionTicks: ticks(3) }).heartbeatTicks).toBe(1);
  });
});

describe("conf change codec", () => {
  it("round-trips changes and refuses corrupt data with CORRUPT_DATA", () => {
    const change = {
      changes: [
        { type: "addVoter" as const, nodeId: nodeId(4) },
        { type: "removeNode" as const, nodeId: nodeId(2) },
      ],
      transition: "explicit" as const,
    };
    expect(decodeConfChange(encodeConfChange(change))).toEqual(change);
    expect(describeConfChange(change)).toBe("v4 r2 (explicit)");
    for (const bad of [
      "{",
      "[]",
      '{"changes":[{"type":"promote","nodeId":1}]}',
      '{"changes":[{"type":"addVoter","nodeId":0}]}',
    ]) {
      expect(() => decodeConfChange(new TextEncoder().encode(bad))).toThrow(
        expect.objectContaining({ code: "CORRUPT_DATA" }),
      );
    }
  });
});

describe("membership changes", () => {
  it("a demoted voter keeps voting in C_old until the joint configuration is left", () => {
    // Thesis §4.3 and etcd's confchange: a voter turned learner by a joint change is a "next learner".
    const current = trackerConfigOf(confState([1, 2, 3]));
    const joint = applyConfChange(current, {
      changes: [
        { type: "addLearner", nodeId: nodeId(3) },
        { type: "addVoter", nodeId: nodeId(4) },
      ],
    });
    expect(describeTrackerConfig(joint)).toBe("voters=(1 2 4)&&(1 2 3) learners_next=(3) autoleave");
    const left = applyConfChange(joint, { changes: [] });
    expect(describeTrackerConfig(left)).toBe("voters=(1 2 4) learners=(3)");
  });

  it("refuses changes that would leave no voters, repeat a node, or leave a joint configuration twice", () => {
    const current = trackerConfigOf(confState([1]));
    const refusals = [
      { changes: [{ type: "removeNode" as const, nodeId: nodeId(1) }] },
      {
        changes: [
          { type: "addVoter" as const, nodeId: nodeId(2) },
          { type: "removeNode" as const, nodeId: nodeId(2) },
        ],
      },
      { changes: [] },
    ];
    for (const change of refusals) {
      expect(() => applyConfChange(current, change)).toThrow(
        expect.objectContaining({ code: "INVALID_ARGUMENT" }),
      );
    }
  });

  it("a promoted learner becomes a voter and counts toward the quorum", () => {
    const network = new RaftNetwork({ voters: [1, 2], learners: [3], seed: 2 });
    network.node(1).live.campaign();
    network.stabilize();
    network.node(1).live.proposeConfChange({ changes: [{ type: "addVoter", nodeId: nodeId(3) }] });
    network.stabilize();
    expect(network.node(3).live.confState().voters).toEqual([1, 2, 3]);
    // With node 2 down, 1 and 3 are a majority of (1 2 3): proposals still commit.
    network.crash(2);
    network.node(1).live.propose(new TextEncoder().encode("after-promotion"));
    network.stabilize();
    expect(network.node(3).stateMachine.payloads).toEqual(["after-promotion"]);
  });
});

describe("RaftNode contract guards", () => {
  it("refuses a second ready() before advance() and an advance() without a Ready", () => {
    const test = newNode(1, [1, 2, 3]);
    test.node.campaign();
    test.node.ready();
    expect(() => test.node.ready()).toThrow(/advance/);
    test.node.advance();
    expect(() => test.node.advance()).toThrow(/without a Ready/);
  });

  it("hands out a Ready that later inputs never change, empty or not", () => {
    // Empty lists in a Ready are shared rather than allocated; what a node produces after ready()
    // must still go to the next Ready only, never into one already handed out.
    const follower = newNode(1, [1, 2, 3]);
    drain(follower);
    const quiet = follower.node.ready();
    expect([quiet.messages, quiet.messagesAfterPersist, quiet.entries, quiet.readStates]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    follower.node.step(heartbeat(2, 1, 2, 1));
    expect([quiet.messages, quiet.messagesAfterPersist]).toEqual([[], []]);
    follower.node.advance();
    const next = follower.node.ready();
    expect(next.messagesAfterPersist.map((message) => message.type)).toEqual(["heartbeatResponse"]);
    expect(next.hardState?.term).toBe(2);
    expect(next.mustSync).toBe(true);

    const single = newNode(1, [1]);
    single.node.campaign();
    drain(single);
    const before = single.node.ready();
    single.node.readIndex("after");
    expect(before.readStates).toEqual([]);
    single.node.advance();
    expect(single.node.ready().readStates.map((read) => read.context)).toEqual(["after"]);
    expect(emptyList).toHaveLength(0);
  });

  it("refuses a message addressed to another node or group with INVALID_ARGUMENT", () => {
    const test = newNode(1, [1, 2, 3]);
    expect(() => test.node.step(heartbeat(2, 3, 2, 1))).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => test.node.step({ ...heartbeat(2, 1, 2, 1), group: groupId(7) })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });

  it("restarts from storage with the persisted term, vote and log", () => {
    const test = newNode(1, [1, 2, 3]);
    test.node.campaign();
    drain(test);
    const restarted = newNode(1, [1, 2, 3], {}, test.storage);
    expect(restarted.node.raft.term).toBe(2);
    expect(restarted.node.raft.vote).toBe(1);
    expect(restarted.node.raft.role).toBe("follower");
  });

  it("refuses storage whose hard state commits past its last entry with CORRUPT_DATA", () => {
    const storage = storageWithLog([1, 2, 3], [1, 1]);
    storage.setHardState({ term: term(1), vote: nodeId(1), commit: logIndex(9) });
    expect(() => newNode(1, [1, 2, 3], {}, storage)).toThrow(
      expect.objectContaining({ code: "CORRUPT_DATA" }),
    );
  });

  it("describes every piece of state in readable form", () => {
    const test = newNode(1, [1, 2, 3]);
    expect(test.node.describe()).toContain("node 1: follower term=1");
    expect(test.storage.describe()).toContain("snapshot=1/1");
    expect(describeMessage(heartbeat(2, 1, 2, 1))).toBe("2->1 heartbeat term=2 commit=1");
    expect(new MemoryStorage().describe()).toContain("entries=[1, 0]");
    expect(new Inflights(4, 100).describe()).toBe("inflight 0/4 messages, 0/100 bytes");
    expect(test.node.raft.config.describe()).toContain("election=10 heartbeat=1");
    expect(test.node.raft.tracker.describe()).toContain("voters=(1 2 3)");
    const network = new RaftNetwork({ voters: [1, 2], seed: 1 });
    network.node(1).live.campaign();
    network.process(1);
    network.crash(2);
    expect(network.describe()).toMatch(/node 1: preCandidate[\s\S]*node 2: crashed[\s\S]*queued: 0/);
  });
});
