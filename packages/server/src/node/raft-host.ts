/**
 * The Raft host: the glue between a node's consensus engine, its shared WAL, its peers and its state
 * machines. It runs the Ready cycle (DESIGN.md §3 rule 1, Raft thesis §3.8):
 *
 *   1. collect a Ready from every group that has one;
 *   2. send the messages that promise nothing about this node's disk (a leader's appends, heartbeats);
 *   3. write every group's entries and hard state to the shared WAL and wait until they are durable:
 *      one group commit (one fdatasync) covers all of them;
 *   4. send the messages that must wait for persistence (votes, append acknowledgements): sending one
 *      before the fdatasync and then crashing could make this node vote twice in a term, or make a
 *      leader count an entry this node no longer holds;
 *   5. apply the committed entries, then advance.
 *
 * One round is in flight at a time; ticks, peer messages and proposals that arrive meanwhile go to
 * the engine directly and are picked up by the next round. The host is deterministic: no clock, no
 * timers, no randomness of its own, no I/O besides the injected WAL; the simulator runs it unchanged.
 *
 * Failure: if the WAL rejects an append (ENOSPC, EIO, a failed fdatasync), the durable state is
 * unknown, so the host stops (fail-stop): it sends nothing more, applies nothing more and reports the
 * error; its owner must restart the node, which recovers from what the WAL holds.
 */
import type { Bytes, GroupId, LogIndex, NodeId, Rng, Ticks } from "@helixlog/core";
import { assert, HelixError } from "@helixlog/core";
import type { Entry, HardState, Message, ProposalResult, Ready, SoftState } from "@helixlog/raft";
import { type MemoryStorage, RaftNode } from "@helixlog/raft";
import type { Wal } from "@helixlog/wal";
import { type GroupEngine, type GroupView, SingleGroupEngine } from "./group-engine.js";
import {
  bootstrapGroup,
  isBootstrapped,
  recoverStorage,
  staticConfState,
  toWalEntry,
  toWalHardState,
} from "./wal-storage.js";

/** A group this node is a voter of. Membership is static until conf changes are persisted. */
export interface GroupSpec {
  readonly group: GroupId;
  readonly voters: readonly NodeId[];
}

/** The replicated state machines: committed entries arrive here, in log order, once per incarnation. */
export interface HostStateMachine {
  apply(group: GroupId, entry: Entry): void;
}

/** Hooks for the simulator's checkers and for metrics. All optional; none may throw on purpose. */
export interface RaftHostObserver {
  /** The group's leader or role changed (Ready.softState), with the term it changed in. */
  onSoftState?(group: GroupId, softState: SoftState, term: number): void;
  /** These entries and this hard state of the group were handed to the WAL (not yet durable). */
  onPersisting?(group: GroupId, entries: readonly Entry[], hardState: HardState | undefined): void;
  /** These entries and this hard state of the group are durable (the WAL append resolved). */
  onDurable?(group: GroupId, entries: readonly Entry[], hardState: HardState | undefined): void;
  /** The host stopped because the WAL failed; the node must be restarted. */
  onFailure?(error: unknown): void;
}

export interface RaftHostOptions {
  readonly nodeId: NodeId;
  readonly wal: Wal;
  readonly groups: readonly GroupSpec[];
  /** Split once per group for randomized election timeouts. */
  readonly rng: Rng;
  /** Sends one message to a peer; must not throw for an unreachable peer. */
  readonly send: (message: Message) => void;
  readonly stateMachine: HostStateMachine;
  readonly electionTicks?: Ticks;
  readonly heartbeatTicks?: Ticks;
  readonly observer?: RaftHostObserver;
  /**
   * Builds the engine from each group's recovered RaftNode. The default is SingleGroupEngine; tests
   * wrap the nodes here (the mutation checks break a node on purpose).
   */
  readonly createEngine?: (nodes: ReadonlyMap<GroupId, RaftNode>) => GroupEngine;
}

/** A prepared round for one group: its Ready and what it writes to the WAL. */
interface GroupRound {
  readonly group: GroupId;
  readonly ready: Ready;
  readonly durable: Promise<void> | undefined;
}

export class RaftHost {
  /** Set once the WAL failed; nothing is sent, applied or advanced afterwards. */
  private failure: unknown = undefined;
  /** Whether a round is waiting for the WAL; at most one is. */
  private persisting = false;
  /** Stopped hosts (a crashed incarnation) ignore every input. */
  private stopped = false;
  /** Groups being recovered by addGroup, so a second call does not recover them twice. */
  private readonly adding = new Set<GroupId>();
  /** Counters for tests and the simulator's report. */
  readonly statistics = { rounds: 0, walAppends: 0, messagesSent: 0, entriesApplied: 0 };

  private constructor(
    private readonly options: RaftHostOptions,
    readonly engine: GroupEngine,
    /** Raft reads the durable log through these; the host appends to them once a round is durable. */
    private readonly storages: Map<GroupId, MemoryStorage>,
  ) {}

  /**
   * Opens the host over a WAL that was just opened (and so recovered): every group's Raft storage is
   * rebuilt from exactly what the WAL made durable. Groups the WAL does not know are bootstrapped.
   */
  static async open(options: RaftHostOptions): Promise<RaftHost> {
    const nodes = new Map<GroupId, RaftNode>();
    const storages = new Map<GroupId, MemoryStorage>();
    const groups = [...options.groups].sort((a, b) => a.group - b.group);
    for (const spec of groups) {
      assert(!nodes.has(spec.group), () => `group ${spec.group} is listed twice`);
      const { node, storage } = await RaftHost.recoverGroup(options, spec);
      nodes.set(spec.group, node);
      storages.set(spec.group, storage);
    }
    const engine = options.createEngine?.(nodes) ?? new SingleGroupEngine(nodes);
    return new RaftHost(options, engine, storages);
  }

  /** Rebuilds one group's RaftNode from the WAL, bootstrapping the group there if it is new. */
  private static async recoverGroup(
    options: RaftHostOptions,
    spec: GroupSpec,
  ): Promise<{ node: RaftNode; storage: MemoryStorage }> {
    assert(spec.voters.includes(options.nodeId), () => `node ${options.nodeId} is no voter of ${spec.group}`);
    if (!isBootstrapped(options.wal, spec.group)) await bootstrapGroup(options.wal, spec.group);
    const storage = await recoverStorage(options.wal, spec.group, staticConfState(spec.voters));
    const raftOptions = {
      id: options.nodeId,
      group: spec.group,
      rng: options.rng.split(),
      ...(options.electionTicks === undefined ? {} : { electionTicks: options.electionTicks }),
      ...(options.heartbeatTicks === undefined ? {} : { heartbeatTicks: options.heartbeatTicks }),
    };
    return { node: new RaftNode(raftOptions, storage), storage };
  }

  /**
   * Starts hosting another group (reconciliation after the controller assigned it to this node). Its
   * state is recovered from the WAL like the groups given at open; a group already hosted is ignored.
   * `onRecovered` receives every entry the WAL holds for the group, before the group runs.
   */
  async addGroup(spec: GroupSpec, onRecovered?: (entries: readonly Entry[]) => void): Promise<void> {
    if (!this.isRunning() || this.storages.has(spec.group) || this.adding.has(spec.group)) return;
    this.adding.add(spec.group);
    try {
      const { node, storage } = await RaftHost.recoverGroup(this.options, spec);
      if (!this.isRunning()) return;
      // The state machine sees the recovered log before the group can apply or append anything.
      const low = storage.firstIndex();
      const high = (storage.lastIndex() + 1) as LogIndex;
      onRecovered?.(low < high ? storage.entries(low, high, Number.MAX_SAFE_INTEGER as Bytes) : []);
      this.storages.set(spec.group, storage);
      this.engine.addGroup(spec.group, node);
    } finally {
      this.adding.delete(spec.group);
    }
    this.process();
  }

  hosts(group: GroupId): boolean {
    return this.storages.has(group);
  }

  get nodeId(): NodeId {
    return this.options.nodeId;
  }

  /** The error that stopped the host, if any. */
  get failed(): unknown {
    return this.failure;
  }

  /** Whether a round is waiting for the WAL (the simulator drains promises while it is). */
  get busy(): boolean {
    return this.persisting;
  }

  tick(): void {
    if (!this.isRunning()) return;
    this.engine.tick();
    this.process();
  }

  receive(message: Message): void {
    if (!this.isRunning()) return;
    assert(message.to === this.options.nodeId, () => `message for ${message.to} reached ${this.nodeId}`);
    this.engine.step(message);
    this.process();
  }

  /** Proposes `data` to a group this node leads; throws NOT_LEADER otherwise, UNAVAILABLE when stopped. */
  propose(group: GroupId, data: Uint8Array): ProposalResult {
    if (!this.isRunning()) throw new HelixError("UNAVAILABLE", `node ${this.nodeId} is not running`);
    const result = this.engine.propose(group, data);
    this.process();
    return result;
  }

  view(group: GroupId): GroupView {
    return this.engine.view(group);
  }

  /** Hands leadership of a group this node leads to `to`; Raft aborts it after an election timeout. */
  transferLeadership(group: GroupId, to: NodeId): void {
    if (!this.isRunning()) return;
    this.engine.transferLeadership(group, to);
    this.process();
  }

  /** The groups this node hosts, ascending. */
  groupIds(): readonly GroupId[] {
    return this.engine.groupIds();
  }

  /** Stops the host for good: a crashed incarnation must not act on promises that settle later. */
  stop(): void {
    this.stopped = true;
  }

  private isRunning(): boolean {
    return !this.stopped && this.failure === undefined;
  }

  /** Starts a round if none is in flight and some group has a Ready. */
  private process(): void {
    if (this.persisting || !this.isRunning()) return;
    const groups = this.engine.readyGroups();
    if (groups.length === 0) return;
    this.persisting = true;
    this.statistics.rounds++;
    const rounds = groups.map((group) => this.startGroupRound(group));
    const durable = rounds.flatMap((round) => (round.durable === undefined ? [] : [round.durable]));
    if (durable.length === 0) {
      this.finishRounds(rounds);
      return;
    }
    // A rejected append, or a bug that surfaces while finishing the round, stops the host alike.
    Promise.all(durable)
      .then(() => this.finishRounds(rounds))
      .catch((error: unknown) => this.fail(error));
  }

  /** Steps 1-3 for one group: take its Ready, send what may go now, hand its writes to the WAL. */
  private startGroupRound(group: GroupId): GroupRound {
    const ready = this.engine.ready(group);
    if (ready.snapshot !== undefined) {
      // Nothing compacts logs yet, so no leader sends snapshots; when one does, the host must persist
      // it (release in the WAL plus the state machine's snapshot) before acknowledging it.
      throw new HelixError(
        "INTERNAL",
        `group ${group} received a snapshot, which the host cannot persist yet`,
      );
    }
    if (ready.softState !== undefined) {
      this.options.observer?.onSoftState?.(group, ready.softState, this.engine.view(group).term);
    }
    for (const message of ready.messages) this.send(message);
    const write = {
      ...(ready.entries.length > 0 ? { entries: ready.entries.map(toWalEntry) } : {}),
      ...(ready.hardState === undefined ? {} : { hardState: toWalHardState(ready.hardState) }),
    };
    if (write.entries === undefined && write.hardState === undefined)
      return { group, ready, durable: undefined };
    this.statistics.walAppends++;
    this.options.observer?.onPersisting?.(group, ready.entries, ready.hardState);
    return { group, ready, durable: this.options.wal.append(group, write) };
  }

  /** Steps 4-5 for every group of a round whose writes are durable, then the next round. */
  private finishRounds(rounds: readonly GroupRound[]): void {
    this.persisting = false;
    if (!this.isRunning()) return;
    for (const { group, ready } of rounds) {
      const storage = this.storages.get(group);
      assert(storage !== undefined, () => `no storage for group ${group}`);
      storage.append(ready.entries);
      if (ready.hardState !== undefined) storage.setHardState(ready.hardState);
      if (ready.entries.length > 0 || ready.hardState !== undefined) {
        this.options.observer?.onDurable?.(group, ready.entries, ready.hardState);
      }
      for (const message of ready.messagesAfterPersist) this.send(message);
      for (const entry of ready.committedEntries) {
        this.options.stateMachine.apply(group, entry);
        this.statistics.entriesApplied++;
      }
      this.engine.advance(group);
    }
    this.process();
  }

  private send(message: Message): void {
    this.statistics.messagesSent++;
    this.options.send(message);
  }

  private fail(error: unknown): void {
    this.persisting = false;
    if (this.failure !== undefined || this.stopped) return;
    this.failure = error;
    this.options.observer?.onFailure?.(error);
  }
}
