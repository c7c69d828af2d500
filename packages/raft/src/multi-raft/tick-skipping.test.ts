/**
 * Skipping idle ticks (MultiRaft.ticksUntilDue / skipIdleTicks) is exactly ticking: every node of a
 * cluster runs as twin engines fed identical inputs, one ticked on every tick and one that runs only
 * the ticks ticksUntilDue says can do something (passing the others with skipIdleTicks when the next
 * input or due tick comes, as a host or the simulator does). Over long random schedules with
 * proposals, reads, campaigns, drops, partitions (peer deaths, staggered campaigns), crashes and
 * restarts, and host loops that hold off for a while (as a host's does while a round waits for its
 * disk), the twins must hand out identical Readies and agree on every group's state, every peer's
 * liveness and every counter after every step.
 */
import { type GroupId, groupId, type NodeId, nodeId, SeededRng, ticks } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../storage.js";
import { MultiRaft, type MultiRaftReady } from "./multi-raft.js";
import type { MultiRaftBatch } from "./multi-raft-batch.js";

const groupCount = 4;
const ids = [1, 2, 3].map(nodeId);
const groups = Array.from({ length: groupCount }, (_, i) => groupId(i + 1));

/** One engine and the durable state its host keeps across crashes. */
class Engine {
  engine: MultiRaft | undefined = undefined;
  readonly storages = new Map<GroupId, MemoryStorage>();

  constructor(
    private readonly id: NodeId,
    private readonly seed: number,
  ) {
    const voters = [...ids];
    for (const group of groups) {
      this.storages.set(
        group,
        MemoryStorage.bootstrapped({
          voters,
          votersOutgoing: [],
          learners: [],
          learnersNext: [],
          autoLeave: false,
        }),
      );
    }
  }

  start(incarnation: number): void {
    const engine = new MultiRaft({
      nodeId: this.id,
      rng: new SeededRng(this.seed * 1000 + this.id * 10 + incarnation),
      // Odd seeds: an election timeout that is no multiple of the heartbeat interval, so a leader's
      // check-quorum round falls between heartbeats (each is a timeout of its own to skip up to).
      groupSettings: { electionTicks: ticks(this.seed % 2 === 0 ? 12 : 11), heartbeatTicks: ticks(3) },
      campaignsConcurrentMax: 2,
    });
    for (const [group, storage] of this.storages) engine.createGroup(group, storage);
    this.engine = engine;
  }

  /** The host loop: every Ready until none is left, persisted and advanced. */
  process(): MultiRaftReady[] {
    const engine = this.engine;
    const readies: MultiRaftReady[] = [];
    if (engine === undefined) return readies;
    for (let round = 0; round < 100 && engine.hasReady(); round++) {
      const ready = engine.ready();
      for (const group of ready.groups) {
        const storage = this.storages.get(group.group) as MemoryStorage;
        if (group.snapshot !== undefined) storage.applySnapshot(group.snapshot);
        storage.append(group.entries);
        if (group.hardState !== undefined) storage.setHardState(group.hardState);
      }
      readies.push(ready);
      engine.advance();
    }
    return readies;
  }
}

/** A node as two engines: `every` ticks on each tick, `lazy` only on the ticks that can do something. */
class Twin {
  readonly every: Engine;
  readonly lazy: Engine;
  incarnation = 0;
  /** Ticks `lazy` has not had yet, all idle. */
  owed = 0;
  skipped = 0;
  /**
   * Steps left while the host loop holds off (as a host does while a round waits for its disk): no
   * hasReady(), no Ready; ticks and inputs meanwhile leave their groups marked for when it resumes.
   */
  holding = 0;
  /** Idle ticks passed while holding with awake groups (their marks must match the ticks'). */
  heldSkips = 0;

  constructor(
    readonly id: NodeId,
    seed: number,
  ) {
    this.every = new Engine(id, seed);
    this.lazy = new Engine(id, seed);
    this.restart();
  }

  get up(): boolean {
    return this.every.engine !== undefined;
  }

  restart(): void {
    this.incarnation++;
    this.owed = 0;
    this.holding = 0;
    this.every.start(this.incarnation);
    this.lazy.start(this.incarnation);
  }

  crash(): void {
    this.every.engine = undefined;
    this.lazy.engine = undefined;
  }

  /**
   * Before any input to `lazy`: pass the ticks it was owed (each idle, or it would have run), and
   * process after them as after a tick (no Ready: it clears the awake groups the skip marked).
   */
  catchUp(): void {
    const lazy = this.lazy.engine;
    if (this.owed === 0 || lazy === undefined) return;
    if (this.holding > 0 && lazy.awakeGroupCount() > 0) this.heldSkips++;
    lazy.skipIdleTicks(this.owed);
    this.owed = 0;
    if (this.holding === 0) expect(this.lazy.process()).toEqual([]);
  }

  tick(): void {
    const lazy = this.lazy.engine;
    if (lazy === undefined) return;
    this.every.engine?.tick();
    if (this.owed + 1 < lazy.ticksUntilDue()) {
      this.owed++;
      this.skipped++;
      return;
    }
    this.catchUp();
    lazy.tick();
  }

  /** The same input to both engines; both must answer alike (result or error). */
  input<T>(action: (engine: MultiRaft) => T): void {
    if (!this.up) return;
    this.catchUp();
    const outcome = (engine: MultiRaft) => {
      try {
        return { result: action(engine) };
      } catch (error) {
        return { error: String(error) };
      }
    };
    expect(outcome(this.lazy.engine as MultiRaft)).toEqual(outcome(this.every.engine as MultiRaft));
  }

  /** Runs both host loops; the Readies must be identical. Returns the batches to send. */
  process(): MultiRaftBatch[] {
    const every = this.every.process();
    const lazy = this.lazy.process();
    expect(lazy).toEqual(every);
    return every.flatMap((ready) => [...ready.batches, ...ready.batchesAfterPersist]);
  }

  /** Everything a host or an operator could see of the engine, which the twins must agree on. */
  compare(): void {
    const view = (engine: MultiRaft | undefined, owed: number) =>
      engine === undefined
        ? undefined
        : {
            metrics: { ...engine.metrics },
            awake: engine.awakeGroupCount(),
            live: ids.map((peer) => engine.isPeerLive(peer)),
            groups: groups.map((group) => engine.status(group)),
            // Asked only as a host would (hasReady clears the groups marked without a Ready).
            hasReady: this.holding > 0 ? undefined : engine.hasReady(),
            // The lazy engine's own count lags by the ticks it is owed.
            ticks: (engine as unknown as { tickCount: number }).tickCount + owed,
          };
    expect(view(this.lazy.engine, this.owed)).toEqual(view(this.every.engine, 0));
  }
}

function run(
  seed: number,
  steps: number,
): { skipped: number; ticks: number; deaths: number; campaigns: number; heldSkips: number } {
  const rng = new SeededRng(seed);
  const twins = new Map(ids.map((id) => [id, new Twin(id, seed)]));
  let queue: MultiRaftBatch[] = [];
  const isolated = new Set<NodeId>();
  const downUntil = new Map<NodeId, number>();
  let tickCount = 0;
  let proposals = 0;
  const twin = (id: NodeId) => twins.get(id) as Twin;
  const leaderOf = (group: GroupId) =>
    [...twins.values()].find((node) => node.up && node.every.engine?.status(group).role === "leader");
  const afterInput = (node: Twin) => {
    if (node.holding === 0) queue.push(...node.process());
    node.compare();
  };
  // Quiet stretches (mostly ticks and deliveries) alternate with busy ones, so groups quiesce and
  // wake again: idle ticks are skipped both while every group of a node is quiesced and between the
  // timeouts of awake groups.
  for (let step = 0; step < steps; step++) {
    const busy = Math.floor(step / 300) % 2 === 0;
    const roll = rng.nextFloat();
    if (roll < 0.4) {
      tickCount++;
      for (const node of twins.values()) {
        node.tick();
        afterInput(node);
      }
    } else if (roll < 0.8) {
      // Deliver what is in flight in a random order; some batches are lost, some wait.
      const flight = queue;
      queue = [];
      for (const batch of flight) {
        if (rng.chance(0.1)) {
          queue.push(batch);
          continue;
        }
        if (rng.chance(0.03) || isolated.has(batch.from) || isolated.has(batch.to)) continue;
        const to = twin(batch.to);
        to.input((engine) => engine.receive(batch));
        afterInput(to);
      }
    } else if (roll < (busy ? 0.9 : 0.82)) {
      const group = groups[rng.integer(0, groups.length)] as GroupId;
      const leader = leaderOf(group);
      if (leader !== undefined) {
        const data = new TextEncoder().encode(`p${proposals++}`);
        leader.input((engine) => engine.propose(group, data));
        afterInput(leader);
      }
    } else if (roll < 0.92) {
      const node = twin(ids[rng.integer(0, ids.length)] as NodeId);
      const group = groups[rng.integer(0, groups.length)] as GroupId;
      node.input((engine) => engine.readIndex(group, `r${step}`));
      afterInput(node);
    } else if (roll < 0.93) {
      const node = twin(ids[rng.integer(0, ids.length)] as NodeId);
      const group = groups[rng.integer(0, groups.length)] as GroupId;
      node.input((engine) => engine.campaign(group));
      afterInput(node);
    } else if (roll < 0.94) {
      // Partitions: a node cut off long enough is presumed dead by the others, and they by it.
      if (isolated.size > 0) isolated.clear();
      else if (rng.chance(0.3)) isolated.add(ids[rng.integer(0, ids.length)] as NodeId);
    } else if (roll < 0.945) {
      const id = ids[rng.integer(0, ids.length)] as NodeId;
      if (twin(id).up && downUntil.size === 0) {
        twin(id).crash();
        downUntil.set(id, step + rng.integer(20, 200));
      }
    }
    // Now and then a node's host loop holds off for a while, then runs what piled up.
    if (rng.chance(0.02)) {
      const node = twin(ids[rng.integer(0, ids.length)] as NodeId);
      if (node.up && node.holding === 0) {
        // A host's loop holds off only from an input on (a round starts), which catches up first.
        node.catchUp();
        node.holding = rng.integer(5, 40);
      }
    }
    for (const node of twins.values()) {
      if (node.holding === 0) continue;
      if (node.holding > 1) {
        node.holding--;
        continue;
      }
      node.catchUp();
      node.holding = 0;
      afterInput(node);
    }
    for (const [id, until] of downUntil) {
      if (step < until) continue;
      downUntil.delete(id);
      twin(id).restart();
      afterInput(twin(id));
    }
  }
  let skipped = 0;
  let deaths = 0;
  let campaigns = 0;
  let heldSkips = 0;
  for (const node of twins.values()) {
    skipped += node.skipped;
    heldSkips += node.heldSkips;
    deaths += node.every.engine?.metrics.peerDeaths ?? 0;
    campaigns += node.every.engine?.metrics.campaignsStaggered ?? 0;
  }
  return { skipped, ticks: tickCount * ids.length, deaths, campaigns, heldSkips };
}

describe("MultiRaft tick skipping", () => {
  it("hands out the same Readies and state as ticking every tick, over random schedules", () => {
    let skipped = 0;
    let total = 0;
    let deaths = 0;
    let campaigns = 0;
    let heldSkips = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const counts = run(seed, 2000);
      skipped += counts.skipped;
      heldSkips += counts.heldSkips;
      total += counts.ticks;
      deaths += counts.deaths;
      campaigns += counts.campaigns;
    }
    // The schedules must skip many ticks and exercise peer deaths and staggered campaigns.
    expect(skipped / total).toBeGreaterThan(0.1);
    expect(deaths).toBeGreaterThan(10);
    expect(campaigns).toBeGreaterThan(3);
    expect(heldSkips).toBeGreaterThan(10);
  }, 60_000);

  it("refuses to skip a tick that has work", () => {
    const engine = new MultiRaft({
      nodeId: nodeId(1),
      rng: new SeededRng(1),
      groupSettings: { electionTicks: ticks(20), heartbeatTicks: ticks(5) },
    });
    const voters = [...ids];
    engine.createGroup(
      groupId(1),
      MemoryStorage.bootstrapped({
        voters,
        votersOutgoing: [],
        learners: [],
        learnersNext: [],
        autoLeave: false,
      }),
    );
    // Peers first met are due a node-level heartbeat at once: the next tick must run.
    expect(engine.ticksUntilDue()).toBe(1);
    expect(() => engine.skipIdleTicks(1)).toThrow(/cannot skip/);
    engine.skipIdleTicks(0);
    engine.tick();
    engine.ready();
    engine.advance();
    // Then the new group, awake, only counts until the nearest timeout (its election's, the next
    // node-level heartbeat's): the ticks before it may be skipped, that one may not.
    expect(engine.awakeGroupCount()).toBe(1);
    const due = engine.ticksUntilDue();
    expect(due).toBeGreaterThan(1);
    engine.skipIdleTicks(due - 1);
    expect(engine.ticksUntilDue()).toBe(1);
    expect(() => engine.skipIdleTicks(1)).toThrow(/cannot skip/);
  });
});
