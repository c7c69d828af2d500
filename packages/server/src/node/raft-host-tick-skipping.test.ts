/**
 * RaftHost.ticksUntilDue / skipIdleTicks: a cluster of hosts whose ticker runs only the ticks that can
 * do something (passing the idle ones when the next input or due tick comes) behaves exactly like one
 * ticked on every tick. The same seeded schedule (proposals, linearizable reads on leaders and
 * followers, a leader cut off so its reads time out and its peers presume it dead, heals) runs twice,
 * and every batch sent, every entry applied and every read's outcome must come at the same tick.
 */
import { type GroupId, type NodeId, type Rng, SeededRng, type Ticks } from "@helixlog/core";
import type { MultiRaftBatch } from "@helixlog/raft";
import { Wal } from "@helixlog/wal";
import { SimDisk } from "@helixlog/wal/testing";
import { describe, expect, it } from "vitest";
import { RaftHost } from "./raft-host.js";

const voters = [1, 2, 3] as NodeId[];
const groups = [1, 2, 3] as GroupId[];

async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

interface Node {
  readonly id: NodeId;
  host: RaftHost;
  /** Ticks this node's host has not had yet (lazy runs only), all idle. */
  owed: number;
}

class World {
  readonly log: string[] = [];
  readonly nodes = new Map<NodeId, Node>();
  readonly outbox: MultiRaftBatch[] = [];
  readonly cut = new Set<NodeId>();
  step = 0;
  skipped = 0;
  /** Idle ticks passed while the host's round waited for the WAL and it had awake groups. */
  busySkips = 0;

  constructor(readonly lazy: boolean) {}

  async open(): Promise<void> {
    for (const id of voters) {
      const disk = new SimDisk({ rng: new SeededRng(100 + id) });
      const wal = await Wal.open(disk, { directory: "wal", segmentSizeBytes: 64 * 1024 });
      const host = await RaftHost.open({
        nodeId: id,
        wal,
        groups: groups.map((group) => ({ group, voters })),
        rng: new SeededRng(id),
        send: (batch) => {
          this.log.push(`${this.step} send ${JSON.stringify(batch)}`);
          this.outbox.push(batch);
        },
        stateMachine: {
          apply: (group, entry) => this.log.push(`${this.step} n${id} apply g${group} ${entry.index}`),
        },
        electionTicks: 12 as Ticks,
        heartbeatTicks: 3 as Ticks,
      });
      this.nodes.set(id, { id, host, owed: 0 });
    }
  }

  /** Before any input to a lazy node's host: the idle ticks it is owed. */
  private catchUp(node: Node): void {
    if (node.owed > 0 && node.host.busy && node.host.multiRaft.awakeGroupCount() > 0) this.busySkips++;
    node.host.skipIdleTicks(node.owed);
    node.owed = 0;
  }

  /**
   * Lets promise work run (rounds finish). A host whose round is waiting is caught up first: the
   * round finishing is an input too (a host's ticker sees it: a ticker that sleeps must wake for it).
   */
  async settle(): Promise<void> {
    this.catchUpBusy();
    await settle();
  }

  /** Before any await, even a hurried step's (an async function's return is one). */
  catchUpBusy(): void {
    for (const node of this.nodes.values()) if (node.host.busy) this.catchUp(node);
  }

  async tick(): Promise<void> {
    this.step++;
    for (const node of this.nodes.values()) {
      if (this.lazy && node.owed + 1 < node.host.ticksUntilDue()) {
        node.owed++;
        this.skipped++;
        continue;
      }
      this.catchUp(node);
      node.host.tick();
    }
    if (!this.hurried) await this.settle();
    await this.deliver();
    this.catchUpBusy();
  }

  /**
   * Two steps in three are hurried: one round of deliveries and no waiting, so the rounds they start
   * are still waiting for the WAL when the next step's ticks and inputs come (inputs, and the idle
   * ticks caught up before them, then reach hosts in the middle of a round).
   */
  get hurried(): boolean {
    return this.step % 3 !== 0;
  }

  async deliver(): Promise<void> {
    const rounds = this.hurried ? 1 : 100;
    for (let round = 0; round < rounds && this.outbox.length > 0; round++) {
      for (const batch of this.outbox.splice(0)) {
        if (this.cut.has(batch.from) || this.cut.has(batch.to)) continue;
        const node = this.nodes.get(batch.to) as Node;
        this.catchUp(node);
        node.host.receive(batch);
      }
      if (!this.hurried) await this.settle();
    }
    this.catchUpBusy();
  }

  leader(group: GroupId): Node | undefined {
    return [...this.nodes.values()].find(
      (node) => !this.cut.has(node.id) && node.host.view(group).role === "leader",
    );
  }

  async propose(group: GroupId, value: string): Promise<void> {
    const leader = this.leader(group);
    if (leader === undefined) return;
    this.catchUp(leader);
    leader.host.propose(group, new TextEncoder().encode(value));
    await this.settle();
    await this.deliver();
    this.catchUpBusy();
  }

  read(node: Node, group: GroupId, name: string): void {
    this.catchUp(node);
    node.host.readIndex(group).then(
      (index) => this.log.push(`${this.step} ${name} read ${index}`),
      (error: { code?: string }) => this.log.push(`${this.step} ${name} failed ${error.code}`),
    );
  }
}

async function run(lazy: boolean, seed: number): Promise<World> {
  const world = new World(lazy);
  await world.open();
  const rng: Rng = new SeededRng(seed);
  for (let tick = 0; tick < 600; tick++) {
    await world.tick();
    const roll = rng.nextFloat();
    const group = groups[rng.integer(0, groups.length)] as GroupId;
    const node = world.nodes.get(voters[rng.integer(0, voters.length)] as NodeId) as Node;
    if (roll < 0.04) await world.propose(group, `v${tick}`);
    else if (roll < 0.07) world.read(node, group, `r${tick}`);
    else if (roll < 0.085 && world.cut.size === 0) {
      // Cut a leader off with a read pending: the read times out, the others presume it dead.
      const leader = world.leader(group);
      if (leader !== undefined) {
        world.read(leader, group, `cut${tick}`);
        world.cut.add(leader.id);
      }
    } else if (roll < 0.1) world.cut.clear();
    if (!world.hurried) await world.settle();
  }
  return world;
}

describe("RaftHost tick skipping", () => {
  it("sends, applies and answers reads at the same ticks as a host ticked every tick", async () => {
    for (const seed of [1, 2]) {
      const every = await run(false, seed);
      const lazy = await run(true, seed);
      expect(lazy.log).toEqual(every.log);
      expect(every.skipped).toBe(0);
      // Most ticks of a quiet cluster are idle; reads timed out and succeeded, entries were applied.
      expect(lazy.skipped).toBeGreaterThan(600);
      // Some were passed while the host had awake groups and a round in flight.
      expect(lazy.busySkips).toBeGreaterThan(5);
      expect(every.log.some((line) => / failed TIMEOUT$/.test(line))).toBe(true);
      expect(every.log.some((line) => / read \d+$/.test(line))).toBe(true);
      expect(every.log.filter((line) => / apply /.test(line)).length).toBeGreaterThan(30);
    }
  }, 60_000);
});
