/**
 * An in-memory cluster of Raft nodes for tests, transcripts and the simulator. Messages wait in one
 * FIFO queue until delivered; links can be cut; nodes can crash, keeping only what their host made
 * durable (their MemoryStorage), and restart from it. The host loop here is the reference for the
 * Ready contract: send `messages`, persist, send `messagesAfterPersist`, apply, advance.
 */
import {
  assert,
  groupId,
  type LogIndex,
  type NodeId,
  nodeId,
  SeededRng,
  type Term,
  ticks,
} from "@helixlog/core";
import type { RaftOptions } from "../config.js";
import { describeMessage } from "../describe.js";
import { RaftNode } from "../raft-node.js";
import { MemoryStorage } from "../storage.js";
import type { ConfState, Entry, Message, ReadState, StateRole } from "../types.js";
import { DigestStateMachine } from "./state-machine.js";

export type NodeSettings = Partial<Omit<RaftOptions, "id" | "group" | "rng">>;

export interface NetworkOptions {
  readonly voters: readonly number[];
  readonly learners?: readonly number[];
  readonly seed: number;
  readonly settings?: NodeSettings;
}

/** Hooks the safety checker uses to watch every node. */
export interface NetworkObserver {
  onRoleChange?(node: SimulatedNode, role: StateRole, term: Term): void;
  onApply?(node: SimulatedNode, entry: Entry): void;
  onRestoreSnapshot?(node: SimulatedNode, index: LogIndex): void;
  onCommitAdvance?(node: SimulatedNode, commit: LogIndex, term: Term): void;
}

export class SimulatedNode {
  readonly id: NodeId;
  readonly storage: MemoryStorage;
  /** Undefined while crashed. */
  raft: RaftNode | undefined;
  stateMachine = new DigestStateMachine();
  readStates: ReadState[] = [];
  /** Proposal results and errors, in order, for tests that check them. */
  restarts = 0;

  constructor(id: NodeId, storage: MemoryStorage) {
    this.id = id;
    this.storage = storage;
    this.raft = undefined;
  }

  describe(): string {
    if (this.raft === undefined) return `node ${this.id}: crashed (${this.storage.describe()})`;
    return [this.raft.describe(), `  ${this.storage.describe()}`, `  ${this.stateMachine.describe()}`].join(
      "\n",
    );
  }

  get live(): RaftNode {
    assert(this.raft !== undefined, () => `node ${this.id} is crashed`);
    return this.raft;
  }
}

export interface ProcessOptions {
  /** Send the Ready's immediate messages, then crash before persisting anything (tests rule 1). */
  readonly crashBeforePersist?: boolean;
}

export class RaftNetwork {
  readonly nodes = new Map<NodeId, SimulatedNode>();
  /** Messages sent and not yet delivered, oldest first. */
  queue: Message[] = [];
  /** Cut links as "from->to". */
  private readonly cutLinks = new Set<string>();
  readonly settings: NodeSettings;
  private readonly rng: SeededRng;
  observer: NetworkObserver = {};
  /** Lines describing what happened, for transcripts; only filled while `tracing` is true. */
  trace: string[] = [];
  tracing = false;

  constructor(options: NetworkOptions) {
    this.settings = options.settings ?? {};
    this.rng = new SeededRng(options.seed);
    const confState: ConfState = {
      voters: options.voters.map(nodeId),
      votersOutgoing: [],
      learners: (options.learners ?? []).map(nodeId),
      learnersNext: [],
      autoLeave: false,
    };
    for (const id of [...options.voters, ...(options.learners ?? [])]) {
      this.addNode(id, MemoryStorage.bootstrapped(confState));
    }
  }

  /** Adds a node with the given storage (an empty one for a node joining an existing cluster). */
  addNode(id: number, storage: MemoryStorage = new MemoryStorage()): SimulatedNode {
    const node = new SimulatedNode(nodeId(id), storage);
    this.nodes.set(node.id, node);
    this.start(node);
    return node;
  }

  private start(node: SimulatedNode): void {
    node.stateMachine = new DigestStateMachine();
    const snapshot = node.storage.snapshot();
    node.stateMachine.restore(snapshot.metadata.index, snapshot.data);
    node.raft = new RaftNode(
      {
        electionTicks: ticks(10),
        heartbeatTicks: ticks(1),
        ...this.settings,
        id: node.id,
        group: groupId(1),
        rng: this.rng.split(),
      },
      node.storage,
    );
  }

  node(id: number): SimulatedNode {
    const node = this.nodes.get(id as NodeId);
    assert(node !== undefined, () => `no node ${id}`);
    return node;
  }

  ids(): NodeId[] {
    return [...this.nodes.keys()].sort((left, right) => left - right);
  }

  liveNodes(): SimulatedNode[] {
    return this.ids()
      .map((id) => this.node(id))
      .filter((node) => node.raft !== undefined);
  }

  /** While set, heartbeats without a read context are counted in `heartbeatsHidden` instead of traced. */
  hideHeartbeats = false;
  heartbeatsHidden = 0;

  private note(line: string): void {
    if (this.tracing) this.trace.push(line);
  }

  private noteMessage(message: Message, suffix: string): void {
    const isPlainHeartbeat =
      (message.type === "heartbeat" || message.type === "heartbeatResponse") && message.context === "";
    if (this.hideHeartbeats && isPlainHeartbeat) this.heartbeatsHidden++;
    else this.note(`${describeMessage(message)}${suffix}`);
  }

  /** Runs the host loop of one node until it has nothing more to do. */
  process(id: number, options: ProcessOptions = {}): void {
    const node = this.node(id);
    // Bounded: each round either drains work or the node keeps producing it, which is a bug.
    for (let round = 0; round < 1000; round++) {
      const raft = node.raft;
      if (raft === undefined || !raft.hasReady()) return;
      this.processReady(node, raft, options);
      if (options.crashBeforePersist === true) return;
    }
    assert(false, () => `node ${id} keeps producing Readies`);
  }

  private processReady(node: SimulatedNode, raft: RaftNode, options: ProcessOptions): void {
    const ready = raft.ready();
    if (ready.softState !== undefined) {
      this.note(
        `${node.id}: ${ready.softState.role} term=${raft.raft.term} leader=${ready.softState.leader}`,
      );
      this.observer.onRoleChange?.(node, ready.softState.role, raft.raft.term);
    }
    this.queue.push(...ready.messages);
    if (options.crashBeforePersist === true) {
      this.crash(node.id);
      return;
    }
    const storage = node.storage;
    if (ready.snapshot !== undefined) {
      storage.applySnapshot(ready.snapshot);
      node.stateMachine.restore(ready.snapshot.metadata.index, ready.snapshot.data);
      this.note(
        `${node.id}: restored snapshot ${ready.snapshot.metadata.term}/${ready.snapshot.metadata.index}`,
      );
      this.observer.onRestoreSnapshot?.(node, ready.snapshot.metadata.index);
    }
    storage.append(ready.entries);
    if (ready.hardState !== undefined) storage.setHardState(ready.hardState);
    this.queue.push(...ready.messagesAfterPersist);
    for (const entry of ready.committedEntries) {
      node.stateMachine.apply(entry);
      this.observer.onApply?.(node, entry);
    }
    if (ready.committedEntries.length > 0) {
      const first = ready.committedEntries[0] as Entry;
      const last = ready.committedEntries[ready.committedEntries.length - 1] as Entry;
      this.note(`${node.id}: applied [${first.index}, ${last.index}]`);
    }
    for (const read of ready.readStates) {
      node.readStates.push(read);
      this.note(`${node.id}: read ${read.context} at ${read.index}`);
    }
    if (ready.hardState !== undefined) {
      this.observer.onCommitAdvance?.(node, ready.hardState.commit, ready.hardState.term);
    }
    raft.advance();
  }

  processAll(): void {
    for (const id of this.ids()) this.process(id);
  }

  tick(id: number, count = 1): void {
    for (let i = 0; i < count; i++) {
      const raft = this.node(id).raft;
      if (raft === undefined) return;
      raft.tick();
    }
  }

  /** Lets `count` ticks pass on every live node, delivering all traffic after each tick. */
  elapse(count: number): void {
    for (let i = 0; i < count; i++) {
      this.tickAll();
      this.stabilize();
    }
  }

  tickAll(count = 1): void {
    for (let i = 0; i < count; i++) for (const node of this.liveNodes()) node.live.tick();
  }

  isLinkCut(from: NodeId, to: NodeId): boolean {
    return this.cutLinks.has(`${from}->${to}`);
  }

  cut(from: number, to: number): void {
    this.cutLinks.add(`${from}->${to}`);
  }

  /** Cuts every link between different groups (nodes not listed form their own group). */
  partition(groups: readonly (readonly number[])[]): void {
    this.heal();
    const groupOf = new Map<number, number>();
    groups.forEach((group, position) => {
      for (const id of group) groupOf.set(id, position);
    });
    for (const from of this.ids()) {
      for (const to of this.ids()) {
        if (from === to) continue;
        const fromGroup = groupOf.get(from) ?? -from;
        const toGroup = groupOf.get(to) ?? -to;
        if (fromGroup !== toGroup) this.cut(from, to);
      }
    }
  }

  /** Cuts every link to and from `id`. */
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

  /** Delivers one queued message (dropping it if its link is cut or its target crashed). */
  deliverOne(index = 0): Message | undefined {
    const message = this.queue[index];
    if (message === undefined) return undefined;
    this.queue.splice(index, 1);
    const target = this.nodes.get(message.to);
    if (this.isLinkCut(message.from, message.to) || target?.raft === undefined) {
      this.noteMessage(message, " DROPPED");
      return message;
    }
    this.noteMessage(message, "");
    target.raft.step(message);
    return message;
  }

  /** Delivers a queued message and leaves it queued, so it arrives again later (duplication). */
  deliverCopy(index: number): void {
    const message = this.queue[index];
    if (message === undefined) return;
    this.deliverOne(index);
    this.queue.push(message);
  }

  /** Delivers every queued message once, in order; messages they cause wait for the next call. */
  deliverQueued(): number {
    const count = this.queue.length;
    for (let i = 0; i < count; i++) this.deliverOne();
    return count;
  }

  /** Processes and delivers until nothing is left to do. */
  stabilize(roundsMax = 1000): void {
    for (let round = 0; round < roundsMax; round++) {
      this.processAll();
      if (this.queue.length === 0) return;
      this.deliverQueued();
    }
    assert(false, `the network did not stabilize in ${roundsMax} rounds`);
  }

  dropQueued(): void {
    for (const message of this.queue) this.noteMessage(message, " DROPPED");
    this.queue = [];
  }

  /** Crashes a node: it loses everything its host had not persisted, and its queued messages. */
  crash(id: number): void {
    const node = this.node(id);
    node.raft = undefined;
    this.queue = this.queue.filter((message) => message.to !== node.id);
    this.note(`${id}: crashed`);
  }

  restart(id: number): void {
    const node = this.node(id);
    assert(node.raft === undefined, () => `node ${id} is running`);
    node.restarts++;
    this.start(node);
    this.note(`${id}: restarted term=${node.live.raft.term} last=${node.live.raft.log.lastIndex()}`);
  }

  /** Every node's state, the cut links and the queued messages: what a failure should print. */
  describe(): string {
    const lines = this.ids().map((id) => this.node(id).describe());
    if (this.cutLinks.size > 0) lines.push(`cut: ${[...this.cutLinks].sort().join(" ")}`);
    lines.push(`queued: ${this.queue.length}`);
    for (const message of this.queue.slice(0, 20)) lines.push(`  ${describeMessage(message)}`);
    return lines.join("\n");
  }

  /** The leader with the highest term among live nodes, if any. */
  leader(): SimulatedNode | undefined {
    let best: SimulatedNode | undefined;
    for (const node of this.liveNodes()) {
      const raft = node.live.raft;
      if (raft.role !== "leader") continue;
      if (best === undefined || raft.term > best.live.raft.term) best = node;
    }
    return best;
  }

  /** Snapshots the node's applied state and compacts its log up to `index` (at most its applied index). */
  compact(id: number, index?: number): void {
    const node = this.node(id);
    const raft = node.live;
    const applied = raft.appliedIndex();
    if (applied > node.storage.snapshot().metadata.index) {
      node.storage.createSnapshot(applied, raft.confState(), node.stateMachine.snapshotData());
    }
    node.storage.compact(Math.min(index ?? applied, node.storage.snapshot().metadata.index) as LogIndex);
  }
}
