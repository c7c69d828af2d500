/**
 * An in-memory cluster of Multi-Raft engines for tests and benchmarks: every node hosts its share of
 * many groups, batches wait in one queue until delivered, links can be cut, batches dropped, duplicated
 * or reordered, and nodes crash (keeping only what their host made durable, their MemoryStorages) and
 * restart. The host loop here is the reference for the combined Ready: send `batches`, persist every
 * group (one WAL append in a real host), send `batchesAfterPersist`, apply, advance.
 */
import {
  assert,
  type GroupId,
  groupId,
  type NodeId,
  nodeId,
  type Rng,
  SeededRng,
  ticks,
} from "@helixlog/core";
import { MemoryStorage } from "../../storage.js";
import type { ConfState } from "../../types.js";
import { MultiRaft, type MultiRaftReady } from "../multi-raft.js";
import type { MultiRaftBatch } from "../multi-raft-batch.js";
import type { MultiRaftOptions } from "../multi-raft-config.js";
import { MultiGroupChecker } from "./multi-group-checker.js";

export type EngineSettings = Omit<MultiRaftOptions, "nodeId" | "rng">;

export interface MultiRaftClusterOptions {
  readonly nodes: readonly number[];
  readonly groups: number;
  /** Members per group, placed round-robin over the nodes. Default: every node. */
  readonly replicas?: number;
  readonly seed: number;
  readonly engine?: EngineSettings;
  /** Check election safety and state machine safety as readies are processed. Default true. */
  readonly check?: boolean;
}

export class ClusterNode {
  readonly id: NodeId;
  /** Undefined while crashed. */
  engine: MultiRaft | undefined = undefined;
  /** The durable state of each group this node hosts; survives crashes. */
  readonly storages = new Map<GroupId, MemoryStorage>();
  restarts = 0;

  constructor(id: NodeId) {
    this.id = id;
  }

  get live(): MultiRaft {
    assert(this.engine !== undefined, () => `node ${this.id} is crashed`);
    return this.engine;
  }
}

export interface ProcessOptions {
  /** Send the Ready's immediate batches, then crash before persisting anything (DESIGN.md §3 rule 1). */
  readonly crashBeforePersist?: boolean;
}

export class MultiRaftCluster {
  readonly nodes = new Map<NodeId, ClusterNode>();
  readonly groupIds: GroupId[] = [];
  /** Members of each group. */
  readonly members = new Map<GroupId, NodeId[]>();
  /** Batches sent and not yet delivered, oldest first. */
  queue: MultiRaftBatch[] = [];
  readonly checker = new MultiGroupChecker();
  /** Batches sent per link `from->to`, for tests of coalescing. Reset freely. */
  batchesSent = new Map<string, number>();
  itemsSent = 0;
  /**
   * A deliberately broken host for checker tests: it sends acknowledgements and votes before they are
   * durable, which a crash between sending and persisting turns into lost commits or double votes.
   */
  unsafeSendBeforePersist = false;
  /** While set, every batch sent is also recorded here, for tests that look inside batches. */
  sentLog: MultiRaftBatch[] | undefined = undefined;
  private readonly cutLinks = new Set<string>();
  private readonly rng: SeededRng;
  private readonly engineSettings: EngineSettings;
  private readonly check: boolean;

  constructor(options: MultiRaftClusterOptions) {
    this.rng = new SeededRng(options.seed);
    this.engineSettings = {
      groupSettings: { electionTicks: ticks(10), heartbeatTicks: ticks(1) },
      ...options.engine,
    };
    this.check = options.check ?? true;
    const ids = options.nodes.map(nodeId);
    const replicas = options.replicas ?? ids.length;
    for (const id of ids) this.nodes.set(id, new ClusterNode(id));
    for (let index = 0; index < options.groups; index++) {
      const group = groupId(index + 1);
      const members = Array.from({ length: replicas }, (_, k) => ids[(index + k) % ids.length] as NodeId);
      this.groupIds.push(group);
      this.members.set(group, members);
      const confState: ConfState = {
        voters: [...members].sort((left, right) => left - right),
        votersOutgoing: [],
        learners: [],
        learnersNext: [],
        autoLeave: false,
      };
      for (const member of members)
        this.node(member).storages.set(group, MemoryStorage.bootstrapped(confState));
    }
    for (const node of this.nodes.values()) this.start(node);
  }

  private start(node: ClusterNode): void {
    const engine = new MultiRaft({ ...this.engineSettings, nodeId: node.id, rng: this.rng.split() });
    for (const [group, storage] of node.storages) engine.createGroup(group, storage);
    node.engine = engine;
  }

  node(id: number): ClusterNode {
    const node = this.nodes.get(id as NodeId);
    assert(node !== undefined, () => `no node ${id}`);
    return node;
  }

  ids(): NodeId[] {
    return [...this.nodes.keys()].sort((left, right) => left - right);
  }

  liveNodes(): ClusterNode[] {
    return this.ids()
      .map((id) => this.node(id))
      .filter((node) => node.engine !== undefined);
  }

  randomSource(): Rng {
    return this.rng;
  }

  // ---------------------------------------------------------------- the host loop

  /** Runs one node's host loop until it has nothing more to do. */
  process(id: number, options: ProcessOptions = {}): void {
    const node = this.node(id);
    // Bounded: each round drains work; a node that keeps producing it forever is a bug.
    for (let round = 0; round < 1000; round++) {
      const engine = node.engine;
      if (engine === undefined || !engine.hasReady()) return;
      const ready = engine.ready();
      this.send(ready.batches);
      if (this.unsafeSendBeforePersist) this.send(ready.batchesAfterPersist);
      if (options.crashBeforePersist === true) {
        this.crash(node.id);
        return;
      }
      this.persist(node, ready);
      if (!this.unsafeSendBeforePersist) this.send(ready.batchesAfterPersist);
      this.apply(node, engine, ready);
      engine.advance();
    }
    assert(false, () => `node ${id} keeps producing Readies`);
  }

  private send(batches: readonly MultiRaftBatch[]): void {
    for (const batch of batches) {
      const link = `${batch.from}->${batch.to}`;
      this.batchesSent.set(link, (this.batchesSent.get(link) ?? 0) + 1);
      this.itemsSent += batch.messages.length + batch.heartbeats.length + batch.heartbeatResponses.length;
      this.queue.push(batch);
      this.sentLog?.push(batch);
    }
  }

  private persist(node: ClusterNode, ready: MultiRaftReady): void {
    for (const group of ready.groups) {
      const storage = node.storages.get(group.group);
      assert(storage !== undefined, () => `node ${node.id} has storage for group ${group.group}`);
      if (group.snapshot !== undefined) storage.applySnapshot(group.snapshot);
      storage.append(group.entries);
      if (group.hardState !== undefined) storage.setHardState(group.hardState);
    }
  }

  private apply(node: ClusterNode, engine: MultiRaft, ready: MultiRaftReady): void {
    for (const group of ready.groups) {
      if (!this.check) continue;
      const status = engine.status(group.group);
      if (group.softState?.role === "leader") this.checker.onLeader(group.group, node.id, status.term);
      const leaderTerm = status.role === "leader" ? status.term : undefined;
      for (const entry of group.committedEntries) {
        if (entry.type === "normal" && entry.data.byteLength > 0) {
          this.checker.onApply(group.group, node.id, entry, leaderTerm);
        }
      }
    }
  }

  processAll(): void {
    for (const id of this.ids()) this.process(id);
  }

  tickAll(): void {
    for (const node of this.liveNodes()) node.live.tick();
  }

  /** Lets `count` ticks pass, delivering all traffic after each. */
  elapse(count: number): void {
    for (let i = 0; i < count; i++) {
      this.tickAll();
      this.stabilize();
    }
  }

  /** Makes `leaderFor(group)` campaign in every group and lets the elections finish. */
  placeLeaders(leaderFor: (group: GroupId, index: number) => number): void {
    this.groupIds.forEach((group, index) => {
      this.node(leaderFor(group, index)).live.campaign(group);
    });
    this.stabilize();
  }

  /** Starts hosting `group` on node `id` with empty storage, as a member about to be added by a conf change. */
  hostNewMember(group: GroupId, id: number): void {
    const node = this.node(id);
    const storage = new MemoryStorage();
    node.storages.set(group, storage);
    node.live.createGroup(group, storage);
    this.members.set(group, [...(this.members.get(group) ?? []), node.id]);
  }

  /** Forgets the batch counters (and starts recording batches when `record` is set). */
  resetCounters(record = false): void {
    this.batchesSent = new Map();
    this.itemsSent = 0;
    this.sentLog = record ? [] : undefined;
  }

  // ---------------------------------------------------------------- the network

  cut(from: number, to: number): void {
    this.cutLinks.add(`${from}->${to}`);
  }

  isolate(id: number): void {
    for (const other of this.ids()) {
      if (other === id) continue;
      this.cut(id, other);
      this.cut(other, id);
    }
  }

  heal(): void {
    this.cutLinks.clear();
  }

  /** Delivers one queued batch (dropped if its link is cut or its target crashed). */
  deliverOne(index = 0): void {
    const batch = this.queue[index];
    if (batch === undefined) return;
    this.queue.splice(index, 1);
    const target = this.nodes.get(batch.to);
    if (this.cutLinks.has(`${batch.from}->${batch.to}`) || target?.engine === undefined) return;
    target.engine.receive(batch);
  }

  /** Delivers every queued batch once, in order; batches they cause wait for the next call. */
  deliverQueued(): number {
    const batches = this.queue;
    this.queue = [];
    for (const batch of batches) {
      const target = this.nodes.get(batch.to);
      if (this.cutLinks.has(`${batch.from}->${batch.to}`) || target?.engine === undefined) continue;
      target.engine.receive(batch);
    }
    return batches.length;
  }

  /** Processes and delivers until nothing is left to do. */
  stabilize(roundsMax = 200): void {
    for (let round = 0; round < roundsMax; round++) {
      this.processAll();
      if (this.queue.length === 0) return;
      this.deliverQueued();
    }
    assert(false, `the cluster did not stabilize in ${roundsMax} rounds`);
  }

  /** Crashes a node: it loses everything its host had not persisted, and batches queued for it. */
  crash(id: number): void {
    const node = this.node(id);
    node.engine = undefined;
    this.queue = this.queue.filter((batch) => batch.to !== node.id);
  }

  restart(id: number): void {
    const node = this.node(id);
    assert(node.engine === undefined, () => `node ${id} is running`);
    node.restarts++;
    this.start(node);
  }

  // ---------------------------------------------------------------- observation

  /** The live leader of a group with the highest term, if any. */
  leaderOf(group: GroupId): ClusterNode | undefined {
    let best: ClusterNode | undefined;
    let bestTerm = -1;
    for (const id of this.members.get(group) ?? []) {
      const node = this.node(id);
      const status = node.engine?.status(group);
      if (status === undefined || status.role !== "leader") continue;
      if (status.term > bestTerm) {
        best = node;
        bestTerm = status.term;
      }
    }
    return best;
  }

  /** Groups with no live leader that a live quorum of their members accepts. */
  leaderlessGroups(): GroupId[] {
    return this.groupIds.filter((group) => {
      const leader = this.leaderOf(group);
      if (leader === undefined) return true;
      const term = leader.live.status(group).term;
      return (this.members.get(group) ?? []).some((id) => {
        const status = this.node(id).engine?.status(group);
        return status !== undefined && status.term === term && status.leader !== leader.id;
      });
    });
  }

  /** Log matching for every pair of nodes and leader completeness for every live leader, per group. */
  checkLogs(groups: readonly GroupId[] = this.groupIds): void {
    for (const group of groups) {
      const members = this.members.get(group) ?? [];
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const left = this.node(members[i] as NodeId);
          const right = this.node(members[j] as NodeId);
          this.checker.checkLogMatching(
            group,
            [left.id, left.storages.get(group) as MemoryStorage],
            [right.id, right.storages.get(group) as MemoryStorage],
          );
        }
      }
      const leader = this.leaderOf(group);
      // Only a fully persisted leader's durable log must hold every committed entry.
      if (leader !== undefined && !leader.live.hasReady()) {
        const term = leader.live.status(group).term;
        this.checker.checkLeaderCompleteness(
          group,
          leader.id,
          term,
          leader.storages.get(group) as MemoryStorage,
        );
      }
    }
  }
}
