/**
 * The Multi-Raft engine as a specification: how it hosts groups within its limits, coalesces
 * heartbeats into one batch per node pair, batches every message of a cycle to a peer, keeps the
 * persistence rule of Ready (DESIGN.md §3 rule 1, Raft thesis §3.8) across groups, quiesces idle groups
 * and wakes them, and recovers leaders after a node dies with staggered, bounded campaigns.
 */
import { groupId, type LogIndex, limits, nodeId, SeededRng, type Term, ticks } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../storage.js";
import { MultiRaft } from "./multi-raft.js";
import { batchSizeBytes, type MultiRaftBatch } from "./multi-raft-batch.js";
import { MultiRaftConfig } from "./multi-raft-config.js";
import { type EngineSettings, MultiRaftCluster } from "./testing/multi-raft-cluster.js";

const electionTicks = 10;
const encoder = new TextEncoder();

function cluster(groups: number, engine: EngineSettings = {}, seed = 7): MultiRaftCluster {
  return new MultiRaftCluster({ nodes: [1, 2, 3], groups, seed, engine });
}

/** Leaders spread evenly: group i is led by node (i mod 3) + 1. */
function spreadLeaders(target: MultiRaftCluster): void {
  target.placeLeaders((_, index) => (index % 3) + 1);
}

function batchesOn(target: MultiRaftCluster, link: string): MultiRaftBatch[] {
  return (target.sentLog ?? []).filter((batch) => `${batch.from}->${batch.to}` === link);
}

const links = ["1->2", "1->3", "2->1", "2->3", "3->1", "3->2"];

function quiescedEverywhere(target: MultiRaftCluster): boolean {
  return target.liveNodes().every((node) => node.live.awakeGroupCount() === 0);
}

describe("hosting groups", () => {
  it("refuses a group past groupsMax, a duplicate group, and inputs for groups it does not host", () => {
    const engine = new MultiRaft({ nodeId: nodeId(1), rng: new SeededRng(1), groupsMax: 2 });
    const confState = {
      voters: [nodeId(1)],
      votersOutgoing: [],
      learners: [],
      learnersNext: [],
      autoLeave: false,
    };
    engine.createGroup(groupId(1), MemoryStorage.bootstrapped(confState));
    engine.createGroup(groupId(2), MemoryStorage.bootstrapped(confState));
    expect(() => engine.createGroup(groupId(3), MemoryStorage.bootstrapped(confState))).toThrow(
      expect.objectContaining({ code: "RESOURCE_EXHAUSTED" }),
    );
    expect(() => engine.createGroup(groupId(1), MemoryStorage.bootstrapped(confState))).toThrow(
      expect.objectContaining({ code: "ALREADY_EXISTS" }),
    );
    expect(() => engine.propose(groupId(9), encoder.encode("x"))).toThrow(
      expect.objectContaining({ code: "UNKNOWN_GROUP" }),
    );
    engine.destroyGroup(groupId(2));
    engine.createGroup(groupId(3), MemoryStorage.bootstrapped(confState));
    expect(engine.groupCount()).toBe(2);
  });

  it("counts and drops messages for groups it does not host, and refuses batches for another node", () => {
    const target = cluster(3);
    spreadLeaders(target);
    const engine = target.node(2).live;
    engine.receive({
      from: nodeId(1),
      to: nodeId(2),
      messages: [
        {
          type: "timeoutNow",
          group: groupId(99),
          from: nodeId(1),
          to: nodeId(2),
          term: 5 as Term,
        },
      ],
      heartbeats: [],
      heartbeatResponses: [],
    });
    expect(engine.metrics.messagesForUnknownGroups).toBe(1);
    const misrouted = {
      from: nodeId(1),
      to: nodeId(3),
      messages: [],
      heartbeats: [],
      heartbeatResponses: [],
    };
    expect(() => engine.receive(misrouted)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("validates its configuration: lease reads cannot be combined with quiescence", () => {
    const rng = new SeededRng(1);
    const leaseBased = new MultiRaftConfig({
      nodeId: nodeId(1),
      rng,
      groupSettings: { readOnlyOption: "leaseBased" },
    });
    expect(() => leaseBased.validate()).toThrow(expect.objectContaining({ code: "INVALID_CONFIG" }));
    const tooMany = new MultiRaftConfig({ nodeId: nodeId(1), rng, groupsMax: limits.multiRaftGroupsMax + 1 });
    expect(() => tooMany.validate()).toThrow(expect.objectContaining({ code: "INVALID_CONFIG" }));
    expect(() => new MultiRaftConfig({ nodeId: nodeId(1), rng }).validate()).not.toThrow();
  });
});

describe("membership", () => {
  it("follows a group's configuration: a node added by a conf change becomes a peer it heartbeats and watches", () => {
    const target = new MultiRaftCluster({ nodes: [1, 2, 3], groups: 1, replicas: 2, seed: 3 });
    const group = groupId(1);
    target.placeLeaders(() => 1);
    target.elapse(3);
    expect(target.node(3).live.hasGroup(group)).toBe(false);
    expect(target.node(1).live.isPeerLive(nodeId(3))).toBe(false);
    target.hostNewMember(group, 3);
    target.node(1).live.proposeConfChange(group, { changes: [{ type: "addVoter", nodeId: nodeId(3) }] });
    target.elapse(3);
    expect(target.node(3).live.status(group).applied).toBe(target.node(1).live.status(group).applied);
    expect(target.node(1).live.status(group).quiesced).toBe(true);
    expect(target.node(1).live.isPeerLive(nodeId(3))).toBe(true);
    // Node 3 is now a peer of node 1: its death wakes the group, which stays led by the live quorum.
    target.crash(3);
    target.elapse(2 * electionTicks);
    expect(target.node(1).live.isPeerLive(nodeId(3))).toBe(false);
    expect(target.leaderOf(group)?.id).toBe(1);
    target.node(1).live.propose(group, encoder.encode("two of three"));
    target.elapse(2);
    expect(target.checker.hasApplied(group, "two of three")).toBe(true);
  });
});

describe("coalesced heartbeats", () => {
  it("sends one heartbeat batch per node pair per tick however many groups heartbeat", () => {
    // Quiescence off so every group heartbeats on every tick; node 1 leads all 200 groups.
    const target = cluster(200, { quiescence: false });
    target.placeLeaders(() => 1);
    target.resetCounters(true);
    target.tickAll();
    target.stabilize();
    for (const link of links) expect(target.batchesSent.get(link), link).toBe(1);
    const [toTwo] = batchesOn(target, "1->2");
    const [fromTwo] = batchesOn(target, "2->1");
    expect(toTwo?.heartbeats).toHaveLength(200);
    expect(toTwo?.messages).toHaveLength(0);
    expect(fromTwo?.heartbeatResponses).toHaveLength(200);
    // Nodes 2 and 3 share groups but lead none: their link carries only the node-level heartbeat.
    expect(batchesOn(target, "2->3")[0]?.heartbeats).toHaveLength(0);
  });

  it("keeps the batch count per node pair independent of the group count", () => {
    const counts = [9, 300].map((groups) => {
      const target = cluster(groups, { quiescence: false });
      spreadLeaders(target);
      target.resetCounters();
      target.elapse(5);
      return { batches: [...target.batchesSent.values()], items: target.itemsSent };
    });
    const [few, many] = counts;
    // Each direction of each pair carries one heartbeat batch and one response batch per tick.
    expect(few?.batches).toEqual(links.map(() => 10));
    expect(many?.batches).toEqual(few?.batches);
    expect(many?.items).toBeGreaterThan((few?.items ?? 0) * 20);
  });

  it("once every group is quiesced, each node pair exchanges one empty batch per heartbeat interval", () => {
    const target = cluster(300, { nodeHeartbeatTicks: ticks(2) });
    spreadLeaders(target);
    target.elapse(3);
    expect(quiescedEverywhere(target)).toBe(true);
    target.resetCounters(true);
    target.elapse(20);
    for (const link of links) expect(target.batchesSent.get(link), link).toBe(10);
    expect(target.itemsSent).toBe(0);
  });
});

describe("node-level heartbeats as peers come and go", () => {
  // The engine keeps a bound on the tick at which the next node-level heartbeat falls due instead of
  // looking at every peer on each hasReady(): meeting a peer must bring it forward, and forgetting
  // the peer that was due must leave nothing due.
  function voters(...ids: number[]) {
    return { voters: ids.map(nodeId), votersOutgoing: [], learners: [], learnersNext: [], autoLeave: false };
  }

  /** One Ready cycle: the peers it sends an empty batch (a node-level heartbeat) to. */
  function nodeHeartbeats(engine: MultiRaft): number[] {
    const ready = engine.ready();
    engine.advance();
    const empty = ready.batches.filter((batch) => batch.messages.length + batch.heartbeats.length === 0);
    return empty.map((batch) => batch.to);
  }

  it("heartbeats a peer first met at once, and forgets the heartbeat due to a peer no group shares", () => {
    const engine = new MultiRaft({ nodeId: nodeId(1), rng: new SeededRng(5), nodeHeartbeatTicks: ticks(2) });
    engine.createGroup(groupId(1), MemoryStorage.bootstrapped(voters(1, 2)));
    expect(nodeHeartbeats(engine)).toEqual([2]);
    engine.tick();
    // Node 3 is met on tick 1: it is heartbeated in that cycle although node 2 is not due yet.
    engine.createGroup(groupId(2), MemoryStorage.bootstrapped(voters(1, 3)));
    expect(nodeHeartbeats(engine)).toEqual([3]);
    expect(engine.hasReady()).toBe(false);
    engine.tick();
    // Node 2 was last covered on tick -1 (a heartbeat stands for the tick before): due on tick 2.
    expect(engine.hasReady()).toBe(true);
    // Without group 1, node 2 is no peer: nothing is due until node 3's turn on tick 3.
    engine.destroyGroup(groupId(1));
    expect(engine.hasReady()).toBe(false);
    engine.tick();
    expect(engine.hasReady()).toBe(true);
    expect(nodeHeartbeats(engine)).toEqual([3]);
    expect(engine.hasReady()).toBe(false);
  });

  // A few peers are found by a scan, many through a Map (peerScanMax): both must track them alike.
  it.each([3, 12])("heartbeats and watches every peer of a %i-member group", (members) => {
    const engine = new MultiRaft({
      nodeId: nodeId(1),
      rng: new SeededRng(5),
      nodeHeartbeatTicks: ticks(2),
      peerTimeoutTicks: ticks(4),
    });
    const ids = Array.from({ length: members }, (_, i) => i + 1);
    const peers = ids.slice(1);
    engine.createGroup(groupId(1), MemoryStorage.bootstrapped(voters(...ids)));
    expect(nodeHeartbeats(engine)).toEqual(peers);
    const heard = peers[1] as number;
    for (let tick = 1; tick <= 6; tick++) {
      engine.tick();
      engine.receive({
        from: nodeId(heard),
        to: nodeId(1),
        messages: [],
        heartbeats: [],
        heartbeatResponses: [],
      });
      // Every peer is due a node-level heartbeat every other tick (each stands for the tick before).
      expect(nodeHeartbeats(engine)).toEqual(tick % 2 === 0 ? peers : []);
    }
    // Only the peer heard from on every tick outlived peerTimeoutTicks.
    expect(peers.filter((id) => engine.isPeerLive(nodeId(id)))).toEqual([heard]);
  });
});

describe("node-level heartbeats and idle ticks", () => {
  it("names the exact tick of the next node-level heartbeat after traffic covered the peers", () => {
    const target = cluster(3, { nodeHeartbeatTicks: ticks(3) });
    spreadLeaders(target);
    target.elapse(3);
    expect(quiescedEverywhere(target)).toBe(true);
    const engine = target.node(1).live;
    // Node 1 alone runs on to its next node-level heartbeat (the others stand still, answering).
    engine.skipIdleTicks(engine.ticksUntilDue() - 1);
    engine.tick();
    target.stabilize();
    // A tick later a proposal's traffic covers both peers; on the next the group quiesces again.
    engine.tick();
    engine.propose(groupId(1), encoder.encode("covers the peers"));
    target.stabilize();
    engine.tick();
    target.stabilize();
    expect(engine.awakeGroupCount()).toBe(0);
    // Covered on this tick, the peers are due a node-level heartbeat nodeHeartbeatTicks + 1 ticks on.
    const due = engine.ticksUntilDue();
    expect(due).toBe(4);
    engine.skipIdleTicks(due - 1);
    engine.tick();
    const ready = engine.ready();
    engine.advance();
    expect(ready.batches.map((batch) => [batch.to, batch.messages.length + batch.heartbeats.length])).toEqual(
      [
        [2, 0],
        [3, 0],
      ],
    );
  });
});

describe("ticksUntilDue between inputs", () => {
  it("answers anew after every kind of input, with or without a Ready in between", () => {
    // Twin clusters fed the same random inputs. Engines keep their answer until an input changes
    // something; those of `asked` are asked before each input too (as hosts do), while every answer of
    // `fresh` is made anew (raftNode() makes an engine forget a kept answer). They must agree.
    // Heartbeats every third tick: leaders have idle ticks too, so ticks and inputs move the answers.
    const settings = { groupSettings: { electionTicks: ticks(electionTicks), heartbeatTicks: ticks(3) } };
    const asked = cluster(3, settings);
    const fresh = cluster(3, settings);
    const freshAnswer = (engine: MultiRaft | undefined): number | undefined => {
      engine?.raftNode(groupId(1));
      return engine?.ticksUntilDue();
    };
    const rng = new SeededRng(11);
    let changed = 0;
    const step = (input: (target: MultiRaftCluster) => void): void => {
      const before = [1, 2, 3].map((id) => asked.node(id).engine?.ticksUntilDue());
      const outcomes = [asked, fresh].map((target) => {
        try {
          input(target);
          return "done";
        } catch (error) {
          return String(error);
        }
      });
      expect(outcomes[0]).toBe(outcomes[1]);
      [1, 2, 3].forEach((id, index) => {
        const answer = asked.node(id).engine?.ticksUntilDue();
        expect(answer).toBe(freshAnswer(fresh.node(id).engine));
        if (answer !== before[index]) changed++;
      });
    };
    for (let i = 0; i < 3000; i++) {
      const id = rng.integer(1, 4);
      const group = groupId(rng.integer(1, 4));
      const action = rng.integer(0, 12);
      const campaigns = rng.chance(0.1);
      step((target) => {
        const engine = target.node(id).live;
        const due = target === asked ? engine.ticksUntilDue() : freshAnswer(engine);
        if (action < 3) engine.tick();
        else if (action < 6) target.deliverOne();
        else if (action === 6) target.process(id);
        else if (action === 7) target.stabilize();
        else if (action === 8) engine.propose(group, encoder.encode(`${i}`));
        else if (action === 9) engine.readIndex(group, `${i}`);
        else if (action === 10 && due !== undefined && due > 1 && due < Number.POSITIVE_INFINITY)
          engine.skipIdleTicks(due - 1);
        else if (action === 11 && campaigns) engine.campaign(group);
      });
    }
    // The inputs moved the answers often: a kept answer that outlived its input would have shown.
    expect(changed).toBeGreaterThan(100);
  });

  it("answers anew after a batch without group traffic, keeping only the groups' part unless it revives", () => {
    // Twin engines, `fresh` answering anew each time. As a learner of group 1, only the peers' liveness
    // bounds the answer: a peer not heard from lately is presumed dead on a tick that an empty batch
    // from it (a node-level heartbeat) moves later. As the only voter of group 2 (learners 3 and 4),
    // it leads and quiesces once its learners are dead, and wakes when a batch revives one.
    const storages = new Map<MultiRaft, MemoryStorage>();
    const twins = (group: number, voters: number[], learners: number[]): [MultiRaft, MultiRaft] => {
      const make = (): MultiRaft => {
        const engine = new MultiRaft({
          nodeId: nodeId(1),
          rng: new SeededRng(1),
          groupSettings: { electionTicks: ticks(20) },
          nodeHeartbeatTicks: ticks(4),
          peerTimeoutTicks: ticks(12),
        });
        const confState = {
          voters: voters.map(nodeId),
          votersOutgoing: [],
          learners: learners.map(nodeId),
          learnersNext: [],
          autoLeave: false,
        };
        const storage = MemoryStorage.bootstrapped(confState);
        engine.createGroup(groupId(group), storage);
        storages.set(engine, storage);
        return engine;
      };
      return [make(), make()];
    };
    const run = ([asked, fresh]: [MultiRaft, MultiRaft], group: number, seed: number): number => {
      const rng = new SeededRng(seed);
      let moved = 0;
      const input = (apply: (engine: MultiRaft) => void, empty: boolean): void => {
        const before = asked.ticksUntilDue();
        for (const engine of [asked, fresh]) {
          apply(engine);
          if (!engine.hasReady()) continue;
          const storage = storages.get(engine) as MemoryStorage;
          for (const ready of engine.ready().groups) {
            storage.append(ready.entries);
            if (ready.hardState !== undefined) storage.setHardState(ready.hardState);
          }
          engine.advance();
        }
        fresh.raftNode(groupId(group));
        const answer = asked.ticksUntilDue();
        expect(answer).toBe(fresh.ticksUntilDue());
        if (empty && answer !== before) moved++;
      };
      const receive = (peer: number) => (engine: MultiRaft) =>
        engine.receive({
          from: nodeId(peer),
          to: nodeId(1),
          messages: [],
          heartbeats: [],
          heartbeatResponses: [],
        });
      for (let i = 0; i < 2000; i++) {
        const action = rng.integer(0, 8);
        if (action < 4) input((engine) => engine.tick(), false);
        // Peer 2 sends often, 3 and 4 rarely (they are presumed dead now and then), 5 is no member.
        else if (action === 4 || action === 5) input(receive(action === 4 ? 2 : 5), true);
        else if (rng.chance(0.3)) input(receive(action - 3), true);
        else if (action === 7 && rng.chance(0.2)) {
          // Two peers heard in one tick: the earliest tick stays until both moved on.
          input(receive(3), true);
          input(receive(4), true);
        }
      }
      return moved;
    };
    // Empty batches did move the answers, so a kept answer that outlived one would have shown.
    const learner = twins(1, [2, 3, 4], [1]);
    expect(run(learner, 1, 5)).toBeGreaterThan(3);
    expect(learner[0].metrics.peerDeaths).toBeGreaterThan(0);
    const leader = twins(2, [1], [3, 4]);
    for (const engine of leader) engine.campaign(groupId(2));
    expect(run(leader, 2, 6)).toBeGreaterThan(3);
    expect(leader[0].metrics.wakeEvents).toBeGreaterThan(3);
  });
});

describe("batching", () => {
  it("sends every message of a Ready cycle to one peer in one batch", () => {
    const target = cluster(100);
    target.placeLeaders(() => 1);
    target.elapse(3);
    target.resetCounters(true);
    for (const group of target.groupIds) target.node(1).live.propose(group, encoder.encode(`p${group}`));
    target.process(1);
    for (const link of ["1->2", "1->3"]) {
      const batches = batchesOn(target, link);
      expect(batches, link).toHaveLength(1);
      expect(batches[0]?.messages.filter((message) => message.type === "appendEntries")).toHaveLength(100);
    }
    target.stabilize();
    for (const group of target.groupIds) expect(target.checker.hasApplied(group, `p${group}`)).toBe(true);
  });

  it("cuts a peer's messages into several batches when they exceed batchSizeBytes", () => {
    const target = cluster(40, { batchSizeBytes: 4096 });
    target.placeLeaders(() => 1);
    target.elapse(3);
    target.resetCounters(true);
    const payload = new Uint8Array(1000).fill(65);
    for (const group of target.groupIds) target.node(1).live.propose(group, payload);
    target.process(1);
    const batches = batchesOn(target, "1->2");
    expect(batches.length).toBeGreaterThanOrEqual(10);
    for (const batch of batches) expect(batchSizeBytes(batch)).toBeLessThanOrEqual(4096);
    expect(batches.reduce((total, batch) => total + batch.messages.length, 0)).toBe(40);
  });

  it("drops and counts what exceeds peerPendingMessagesMax in a cycle, and Raft recovers it", () => {
    const target = cluster(50, { peerPendingMessagesMax: 10 });
    // Elect node 1 a few groups at a time, so the elections themselves stay within the bound.
    for (let first = 0; first < 50; first += 5) {
      for (const group of target.groupIds.slice(first, first + 5)) target.node(1).live.campaign(group);
      target.stabilize();
    }
    target.elapse(3);
    expect(target.node(1).live.metrics.messagesDropped).toBe(0);
    target.resetCounters(true);
    for (const group of target.groupIds) target.node(1).live.propose(group, encoder.encode(`p${group}`));
    target.process(1);
    expect(batchesOn(target, "1->2").reduce((total, batch) => total + batch.messages.length, 0)).toBe(10);
    expect(target.node(1).live.metrics.messagesDropped).toBe(80);
    target.elapse(4 * electionTicks);
    for (const group of target.groupIds) expect(target.checker.hasApplied(group, `p${group}`)).toBe(true);
  });
});

describe("the persistence rule across groups (DESIGN.md §3 rule 1, thesis §3.8)", () => {
  it("holds back a group's acknowledgements until its entries are persisted", () => {
    const target = cluster(3);
    target.placeLeaders(() => 1);
    target.elapse(3);
    target.node(1).live.propose(groupId(2), encoder.encode("durable first"));
    target.process(1);
    target.deliverQueued();
    const follower = target.node(2).live;
    const ready = follower.ready();
    const appending = ready.groups.find((group) => group.group === groupId(2));
    expect(appending?.entries.length).toBe(1);
    const sentNow = ready.batches.flatMap((batch) => batch.messages);
    const sentAfter = ready.batchesAfterPersist.flatMap((batch) => batch.messages);
    expect(sentNow.filter((message) => message.type === "appendResponse")).toHaveLength(0);
    expect(
      sentAfter.filter((message) => message.type === "appendResponse" && message.group === 2),
    ).toHaveLength(1);
    // Crashing here, before the append is durable, must leave the leader without our acknowledgement.
    target.crash(2);
    target.stabilize();
    expect(target.node(1).live.status(groupId(2)).committed).toBe(
      target.node(1).live.status(groupId(2)).lastIndex,
    );
  });

  it("sends a group's acknowledgements at once when that group has nothing to persist", () => {
    const target = cluster(3, { quiescence: false });
    target.placeLeaders(() => 1);
    target.elapse(3);
    target.tickAll();
    target.process(1);
    target.deliverQueued();
    const ready = target.node(2).live.ready();
    expect(ready.groups.every((group) => group.hardState === undefined && group.entries.length === 0)).toBe(
      true,
    );
    expect(ready.batches.flatMap((batch) => batch.heartbeatResponses)).toHaveLength(3);
    expect(ready.batchesAfterPersist).toHaveLength(0);
  });
});

describe("quiescence", () => {
  it("stops ticking idle groups on every node: no traffic, no campaigns, for a hundred election timeouts", () => {
    const target = cluster(60);
    spreadLeaders(target);
    target.elapse(3);
    expect(quiescedEverywhere(target)).toBe(true);
    const terms = target.groupIds.map((group) => target.node(1).live.status(group).term);
    const campaigns = target.liveNodes().map((node) => node.live.metrics.campaignsStarted);
    target.resetCounters();
    target.elapse(100 * electionTicks);
    expect(target.itemsSent).toBe(0);
    expect(target.groupIds.map((group) => target.node(1).live.status(group).term)).toEqual(terms);
    expect(target.liveNodes().map((node) => node.live.metrics.campaignsStarted)).toEqual(campaigns);
    expect(target.leaderlessGroups()).toEqual([]);
  });

  it("wakes a quiesced group on a proposal, commits it on every member and quiesces it again", () => {
    const target = cluster(30);
    spreadLeaders(target);
    target.elapse(3);
    const group = groupId(17);
    const leader = target.leaderOf(group);
    expect(leader?.live.status(group).quiesced).toBe(true);
    leader?.live.propose(group, encoder.encode("wake up"));
    expect(leader?.live.status(group).quiesced).toBe(false);
    target.stabilize();
    for (const node of target.liveNodes()) {
      const status = node.live.status(group);
      expect(status.applied).toBe(status.lastIndex);
    }
    expect(target.checker.hasApplied(group, "wake up")).toBe(true);
    target.elapse(2);
    expect(quiescedEverywhere(target)).toBe(true);
  });

  it("a quiesced follower still answers a vote request: leadership transfers out of a quiesced group", () => {
    const target = cluster(6);
    target.placeLeaders(() => 1);
    target.elapse(3);
    const group = groupId(4);
    expect(target.node(3).live.status(group).quiesced).toBe(true);
    target.node(1).live.transferLeadership(group, nodeId(2));
    target.stabilize();
    expect(target.leaderOf(group)?.id).toBe(2);
  });

  it("a follower that cannot quiesce stays awake and wakes its leader", () => {
    const target = cluster(3);
    target.placeLeaders(() => 1);
    target.elapse(3);
    const group = groupId(2);
    const status = target.node(1).live.status(group);
    target.node(2).live.receive({
      from: nodeId(1),
      to: nodeId(2),
      messages: [],
      heartbeats: [
        {
          group,
          term: status.term,
          commit: status.committed,
          context: "",
          sentAtTick: 0,
          quiesce: true,
          // A leader whose log ends elsewhere: the follower must not stop ticking on its word.
          lastIndex: (status.lastIndex + 1) as LogIndex,
          lastTerm: status.lastTerm,
        },
      ],
      heartbeatResponses: [],
    });
    expect(target.node(2).live.status(group).quiesced).toBe(false);
    target.resetCounters(true);
    target.process(2);
    expect(batchesOn(target, "2->1").flatMap((batch) => batch.heartbeatResponses)[0]?.wake).toBe(true);
    target.deliverQueued();
    expect(target.node(1).live.status(group).quiesced).toBe(false);
    target.elapse(3);
    expect(quiescedEverywhere(target)).toBe(true);
  });

  it("a quiesced leader cut off from its quorum wakes through node liveness and steps down", () => {
    const target = cluster(30);
    target.placeLeaders(() => 1);
    target.elapse(3);
    expect(quiescedEverywhere(target)).toBe(true);
    target.isolate(1);
    target.elapse(3 * electionTicks);
    for (const group of target.groupIds) expect(target.node(1).live.status(group).role).not.toBe("leader");
    expect(target.leaderlessGroups()).toEqual([]);
    target.heal();
    target.elapse(2 * electionTicks);
    expect(target.leaderlessGroups()).toEqual([]);
    expect(quiescedEverywhere(target)).toBe(true);
  });
});

describe("failover with staggered elections", () => {
  it("elects a leader for every group of a dead node within three election timeouts, spread over ticks", () => {
    const target = cluster(300);
    spreadLeaders(target);
    target.elapse(3);
    expect(quiescedEverywhere(target)).toBe(true);
    target.crash(1);
    const startsPerTick: number[] = [];
    let previous =
      target.node(2).live.metrics.campaignsStarted + target.node(3).live.metrics.campaignsStarted;
    let ticksToRecover = -1;
    for (let tick = 1; tick <= 3 * electionTicks; tick++) {
      target.elapse(1);
      const started =
        target.node(2).live.metrics.campaignsStarted + target.node(3).live.metrics.campaignsStarted;
      startsPerTick.push(started - previous);
      previous = started;
      if (target.leaderlessGroups().length === 0) {
        ticksToRecover = tick;
        break;
      }
    }
    expect(ticksToRecover).toBeGreaterThan(0);
    expect(ticksToRecover).toBeLessThanOrEqual(3 * electionTicks);
    // The hundred orphaned groups did not all campaign in one tick.
    expect(startsPerTick.filter((count) => count > 0).length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...startsPerTick)).toBeLessThan(100);
    // And they settle down again.
    target.elapse(3);
    expect(quiescedEverywhere(target)).toBe(true);
  });

  it("never runs more staggered campaigns at once than campaignsConcurrentMax", () => {
    const target = cluster(90, { campaignsConcurrentMax: 5 });
    spreadLeaders(target);
    target.elapse(3);
    // Node 2 survives alone: the sixty groups nodes 1 and 3 led are all its to campaign for, and no
    // campaign can finish, so a slot once taken is never given back.
    target.crash(1);
    target.crash(3);
    const orphans = target.groupIds.filter((_, index) => index % 3 !== 1);
    const startedBefore = target.node(2).live.metrics.campaignsStarted;
    let most = 0;
    for (let tick = 0; tick < 4 * electionTicks; tick++) {
      target.elapse(1);
      const campaigning = orphans.filter((group) => {
        const role = target.node(2).live.status(group).role;
        return role === "preCandidate" || role === "candidate";
      });
      most = Math.max(most, campaigning.length);
    }
    expect(most).toBe(5);
    expect(target.node(2).live.metrics.campaignsStarted - startedBefore).toBe(5);
    target.restart(1);
    target.restart(3);
    target.elapse(6 * electionTicks);
    expect(target.leaderlessGroups()).toEqual([]);
  });

  it("commits on every group after failover and after the dead node returns", () => {
    const target = cluster(60);
    spreadLeaders(target);
    target.elapse(3);
    target.crash(1);
    target.elapse(3 * electionTicks);
    target.restart(1);
    target.elapse(3 * electionTicks);
    expect(target.leaderlessGroups()).toEqual([]);
    for (const group of target.groupIds) {
      const leader = target.leaderOf(group);
      leader?.live.propose(group, encoder.encode(`after ${group}`));
    }
    target.elapse(2);
    for (const group of target.groupIds)
      expect(target.checker.hasApplied(group, `after ${group}`)).toBe(true);
    target.checkLogs();
    expect(quiescedEverywhere(target)).toBe(true);
  });
});
