/**
 * The Raft host: the glue between a node's Multi-Raft engine, its shared WAL, its peers and its state
 * machines. It runs the Ready cycle for every group at once (DESIGN.md §3 rule 1, Raft thesis §3.8):
 *
 *   1. collect one combined Ready from the engine (every group with work);
 *   2. send the batches that promise nothing about this node's disk (a leader's appends, heartbeats);
 *   3. hand every group's entries and hard state to the shared WAL and wait until they are durable: the
 *      WAL's group commit covers all of them;
 *   4. send the batches that must wait for persistence (votes, append acknowledgements): sending one
 *      before the fdatasync and then crashing could make this node vote twice in a term, or make a
 *      leader count an entry this node no longer holds;
 *   5. apply the committed entries, answer linearizable reads, then advance.
 *
 * Peers exchange MultiRaftBatches: one per peer and phase of a cycle, heartbeats coalesced, an empty one
 * per heartbeat interval as the node-level heartbeat. Idle groups quiesce and cost nothing per tick.
 *
 * One round is in flight at a time; ticks, peer batches and proposals that arrive meanwhile go to the
 * engine directly and are picked up by the next round. The host is deterministic: no clock, no timers,
 * no randomness of its own, no I/O besides the injected WAL; the simulator runs it unchanged.
 *
 * Failure: if the WAL rejects an append (ENOSPC, EIO, a failed fdatasync), the durable state is
 * unknown, so the host stops (fail-stop): it sends nothing more, applies nothing more and reports the
 * error; its owner must restart the node, which recovers from what the WAL holds.
 */
import type { Bytes, GroupId, LogIndex, NodeId, Rng, Term, Ticks } from "@helixlog/core";
import { AssertionError, assert, HelixError, limits } from "@helixlog/core";
import type {
  Entry,
  GroupReady,
  HardState,
  MultiRaftBatch,
  MultiRaftReady,
  ProposalResult,
  RaftNode,
  Snapshot,
  SoftState,
} from "@helixlog/raft";
import { type MemoryStorage, MultiRaft } from "@helixlog/raft";
import type { GroupWrite, Wal } from "@helixlog/wal";
import { type GroupLogReader, type GroupView, groupView, MultiRaftLogReader } from "./group-engine.js";
import type { SnapshotStore, StoredSnapshot } from "./snapshot-store.js";
import {
  bootstrapGroup,
  isBootstrapped,
  recoverStorage,
  staticConfState,
  toWalEntry,
  toWalHardState,
} from "./wal-storage.js";

/**
 * The error a state machine's `restore` rejects with to abandon one group's snapshot install (its data
 * cannot be fetched now, or the group is being removed) instead of stopping the host: see
 * RaftHost.installSnapshot.
 */
export function snapshotInstallRefused(group: GroupId, reason: string): HelixError {
  return new HelixError("UNAVAILABLE", `group ${group} cannot install the snapshot now: ${reason}`, {
    details: { snapshotInstallRefused: true, group },
  });
}

export function isSnapshotInstallRefusal(error: unknown): boolean {
  return HelixError.isInstance(error) && error.details.snapshotInstallRefused === true;
}

/** A group this node is a voter of. Membership is static until conf changes are persisted. */
export interface GroupSpec {
  readonly group: GroupId;
  readonly voters: readonly NodeId[];
}

/** The replicated state machines: committed entries arrive here, in log order, once per incarnation. */
export interface HostStateMachine {
  apply(group: GroupId, entry: Entry): void;
  /**
   * Serializes the group's state as of the last entry applied to it, synchronously (the host records
   * that index). `durable` resolves once whatever the snapshot relies on outside itself is durable (a
   * partition's segment store through that entry): the host releases the WAL only after it. Undefined
   * when the group cannot snapshot now. Without this method the host never compacts.
   */
  snapshot?(group: GroupId): { readonly data: Uint8Array; readonly durable?: Promise<void> } | undefined;
  /**
   * Replaces the group's state by a snapshot's: at recovery (`source` undefined; what the snapshot relies
   * on is already durable), or when the leader `source` sent it. Resolves once the state machine can
   * stand on it durably (a partition pulls the record batches it lacks and flushes them first): only
   * then does the host make the snapshot durable and acknowledge it. Rejecting with
   * `snapshotInstallRefused` abandons this install (the leader sends the snapshot again later); any
   * other rejection stops the host.
   */
  restore?(group: GroupId, snapshot: StoredSnapshot, source: NodeId | undefined): Promise<void>;
}

/** Hooks for the simulator's checkers and for metrics. All optional; none may throw on purpose. */
export interface RaftHostObserver {
  /** The group's leader or role changed (Ready.softState), with the term it changed in. */
  onSoftState?(group: GroupId, softState: SoftState, term: number): void;
  /** These entries and this hard state of the group were handed to the WAL (not yet durable). */
  onPersisting?(group: GroupId, entries: readonly Entry[], hardState: HardState | undefined): void;
  /** These entries and this hard state of the group are durable (the WAL append resolved). */
  onDurable?(group: GroupId, entries: readonly Entry[], hardState: HardState | undefined): void;
  /** A snapshot install for the group was abandoned (the state machine refused it), with the reason. */
  onSnapshotRefused?(group: GroupId, reason: string): void;
  /** The host stopped because the WAL failed; the node must be restarted. */
  onFailure?(error: unknown): void;
}

export interface RaftHostOptions {
  readonly nodeId: NodeId;
  readonly wal: Wal;
  readonly groups: readonly GroupSpec[];
  /** Split once per group for randomized election timeouts and campaign staggering. */
  readonly rng: Rng;
  /** Sends one batch to a peer (`batch.to`); must not throw for an unreachable peer. */
  readonly send: (batch: MultiRaftBatch) => void;
  readonly stateMachine: HostStateMachine;
  readonly electionTicks?: Ticks;
  readonly heartbeatTicks?: Ticks;
  /** Idle groups stop ticking (default on; off only to measure what quiescence saves). */
  readonly quiescence?: boolean;
  readonly observer?: RaftHostObserver;
  /**
   * Where group snapshots are made durable. Without it the host neither snapshots nor accepts a leader's
   * snapshot (it fails loudly instead), and the WAL is never compacted.
   */
  readonly snapshots?: SnapshotStore;
  /** Entries applied since a group's last snapshot that trigger the next one (limits.snapshotAfterEntries). */
  readonly snapshotAfterEntries?: number;
  /** Entry bytes applied since a group's last snapshot that trigger the next one (limits.snapshotAfterBytes). */
  readonly snapshotAfterBytes?: number;
  /** Entries kept behind a snapshot for lagging followers (limits.snapshotTrailingEntries). */
  readonly snapshotTrailingEntries?: number;
  /**
   * Called with each group's RaftNode right after the host recovered and created it, before it runs.
   * The simulator's mutation checks break a node here on purpose; production code leaves it unset.
   */
  readonly patchNode?: (group: GroupId, node: RaftNode) => void;
}

/** A linearizable read waiting for its read point to be confirmed (and then applied here). */
interface PendingRead {
  readonly group: GroupId;
  readonly deadlineTick: number;
  /** Set once the leader confirmed it; the read resolves when this node applied through it. */
  index: LogIndex | undefined;
  readonly resolve: (index: LogIndex) => void;
  readonly reject: (error: unknown) => void;
}

/** What a group applied since its last snapshot, and the snapshot being written if any. */
interface SnapshotProgress {
  entries: number;
  bytes: number;
  /** The snapshot being made durable; a leader's snapshot for the group waits for it. */
  running: Promise<void> | undefined;
}

/** A removeGroup call waiting for the round in flight to finish. */
interface PendingRemoval {
  readonly group: GroupId;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class RaftHost {
  /** Set once the WAL failed; nothing is sent, applied or advanced afterwards. */
  private failure: unknown = undefined;
  /** Whether a round is waiting for the WAL; at most one is. */
  private persisting = false;
  /** The round waiting for the WAL, and the groups whose snapshot install it refused. */
  private waiting: MultiRaftReady | undefined = undefined;
  private waitingRefused: ReadonlySet<GroupId> = noGroups;
  /** Stopped hosts (a crashed incarnation) ignore every input. */
  private stopped = false;
  /** Groups being recovered by addGroup, so a second call does not recover them twice. */
  private readonly adding = new Set<GroupId>();
  /** Reads by context; at most limits.readIndexPendingMax. */
  private readonly reads = new Map<string, PendingRead>();
  private readSequence = 0;
  /**
   * Makes this incarnation's read contexts unique in the cluster: a context names a read in the leader's
   * queue, so two nodes (or a restarted node) reusing one could be answered with another read's index.
   */
  private readonly readNonce: string;
  private tickCount = 0;
  private removals: PendingRemoval[] = [];
  private readonly snapshotProgress = new Map<GroupId, SnapshotProgress>();
  /** Read access to every group's Raft log (HelixNode's offset bookkeeping, the simulator's checkers). */
  readonly engine: GroupLogReader;
  /** Counters for tests and the simulator's report. */
  readonly statistics = {
    rounds: 0,
    walAppends: 0,
    batchesSent: 0,
    entriesApplied: 0,
    snapshotsTaken: 0,
    snapshotsInstalled: 0,
    snapshotsRefused: 0,
  };
  /** Why the last snapshot install was abandoned (for operators and tests), if one was. */
  lastSnapshotRefusal: { readonly group: GroupId; readonly reason: string } | undefined = undefined;

  private constructor(
    private readonly options: RaftHostOptions,
    /** The consensus engine of every group on this node. */
    readonly multiRaft: MultiRaft,
    /** Raft reads the durable log through these; the host appends to them once a round is durable. */
    private readonly storages: Map<GroupId, MemoryStorage>,
  ) {
    this.engine = new MultiRaftLogReader(multiRaft);
    this.readNonce = `${options.nodeId}.${options.rng.integer(0, 2 ** 31).toString(36)}`;
  }

  /**
   * Opens the host over a WAL that was just opened (and so recovered): every group's Raft storage is
   * rebuilt from exactly what the WAL made durable. Groups the WAL does not know are bootstrapped.
   */
  static async open(options: RaftHostOptions): Promise<RaftHost> {
    const multiRaft = new MultiRaft({
      nodeId: options.nodeId,
      rng: options.rng,
      ...(options.quiescence === undefined ? {} : { quiescence: options.quiescence }),
      groupSettings: {
        ...(options.electionTicks === undefined ? {} : { electionTicks: options.electionTicks }),
        ...(options.heartbeatTicks === undefined ? {} : { heartbeatTicks: options.heartbeatTicks }),
      },
    });
    const host = new RaftHost(options, multiRaft, new Map());
    const groups = [...options.groups].sort((a, b) => a.group - b.group);
    for (const spec of groups) {
      assert(!host.storages.has(spec.group), () => `group ${spec.group} is listed twice`);
      host.startGroup(spec.group, await host.recoverGroup(spec));
    }
    return host;
  }

  /**
   * Rebuilds one group's Raft storage from its snapshot and the WAL, bootstrapping the group in the WAL
   * if it is new, and restores the state machine from the snapshot (the WAL suffix is applied after).
   */
  private async recoverGroup(spec: GroupSpec): Promise<MemoryStorage> {
    const { nodeId, wal, snapshots, stateMachine } = this.options;
    assert(spec.voters.includes(nodeId), () => `node ${nodeId} is no voter of ${spec.group}`);
    if (!isBootstrapped(wal, spec.group)) await bootstrapGroup(wal, spec.group);
    const snapshot = await snapshots?.load(spec.group);
    if (snapshot !== undefined) await dropLogBehindSnapshot(wal, snapshot);
    const storage = await recoverStorage(wal, spec.group, staticConfState(spec.voters), snapshot);
    if (snapshot !== undefined && snapshot.index === storage.snapshot().metadata.index) {
      assert(stateMachine.restore !== undefined, "a snapshot exists but the state machine cannot restore");
      await stateMachine.restore(spec.group, snapshot, undefined);
    }
    return storage;
  }

  private startGroup(group: GroupId, storage: MemoryStorage): void {
    this.storages.set(group, storage);
    this.snapshotProgress.set(group, { entries: 0, bytes: 0, running: undefined });
    this.multiRaft.createGroup(group, storage);
    this.options.patchNode?.(group, this.multiRaft.raftNode(group));
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
      const storage = await this.recoverGroup(spec);
      if (!this.isRunning()) return;
      // The state machine sees the recovered log before the group can apply or append anything.
      const low = storage.firstIndex();
      const high = (storage.lastIndex() + 1) as LogIndex;
      onRecovered?.(low < high ? storage.entries(low, high, Number.MAX_SAFE_INTEGER as Bytes) : []);
      this.startGroup(spec.group, storage);
    } finally {
      this.adding.delete(spec.group);
    }
    this.process();
  }

  /**
   * Stops hosting a group (its topic was deleted or it moved away) and releases every entry it holds in
   * the WAL, so the segments only it kept alive are reclaimed. Resolves once the release is durable.
   * Reads waiting on the group fail with NOT_FOUND. A group not hosted resolves at once.
   */
  removeGroup(group: GroupId): Promise<void> {
    if (!this.isRunning()) return Promise.reject(this.unavailable());
    if (!this.storages.has(group)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.removals.push({ group, resolve, reject });
      this.process();
    });
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
    this.tickCount++;
    this.multiRaft.tick();
    this.expireReads();
    this.process();
  }

  /**
   * How many ticks from now until one may do more than count (MultiRaft.ticksUntilDue, and a
   * linearizable read's deadline): the next n - 1 may be passed with skipIdleTicks(n - 1). Infinity
   * once the host stopped. Any input (receive, propose, readIndex, a round finishing) can move it
   * closer: ask again after each one. Lets a ticker sleep through idle ticks instead of waking for each.
   */
  ticksUntilDue(): number {
    if (!this.isRunning()) return Number.POSITIVE_INFINITY;
    let due = this.multiRaft.ticksUntilDue();
    if (due === 1 || this.reads.size === 0) return due;
    for (const read of this.reads.values()) {
      if (read.index === undefined) due = Math.min(due, read.deadlineTick - this.tickCount);
    }
    return Math.max(1, due);
  }

  /**
   * Passes `count` idle ticks at once, exactly as `count` calls to tick() would when
   * `count < ticksUntilDue()`; throws when one of them has work (run that one with tick()).
   */
  skipIdleTicks(count: number): void {
    if (count === 0 || !this.isRunning()) return;
    // The engine refuses to skip a tick of its own that has work; the host's own work is reads.
    for (const read of this.reads.values()) {
      if (read.index === undefined && this.tickCount + count >= read.deadlineTick)
        throw new AssertionError(`node ${this.nodeId} cannot skip ${count} ticks past a read's deadline`);
    }
    this.multiRaft.skipIdleTicks(count);
    this.tickCount += count;
    // As after each tick: the engine marked its awake groups, which have no Ready; outside a round
    // this clears them (no round starts), during one they stay marked for its end, as ticks leave them.
    this.process();
  }

  /** Delivers one batch from a peer; batches for another node or from a garbled sender are dropped. */
  receive(batch: MultiRaftBatch): void {
    if (!this.isRunning()) return;
    // Checked without a message closure: this runs for every batch a peer sends.
    if (batch.to !== this.options.nodeId)
      throw new AssertionError(`batch for ${batch.to} reached ${this.nodeId}`);
    this.multiRaft.receive(batch);
    this.process();
  }

  /** Proposes `data` to a group this node leads; throws NOT_LEADER otherwise, UNAVAILABLE when stopped. */
  propose(group: GroupId, data: Uint8Array): ProposalResult {
    if (!this.isRunning()) throw this.unavailable();
    const result = this.multiRaft.propose(group, data);
    this.process();
    return result;
  }

  /**
   * A linearizable read point of `group` (Raft thesis §6.4): resolves with a commit index that a quorum
   * confirmed was current when the read was asked, once this node applied through it, so state read
   * from the local state machine afterwards reflects every write acknowledged before the call.
   * Rejects with NOT_LEADER when no leader is known, TIMEOUT (retriable) when the leader does not
   * answer within limits.readIndexTicksMax ticks, UNKNOWN_GROUP for a group not hosted here.
   */
  readIndex(group: GroupId): Promise<LogIndex> {
    if (!this.isRunning()) return Promise.reject(this.unavailable());
    if (this.reads.size >= limits.readIndexPendingMax) {
      return Promise.reject(
        new HelixError("RESOURCE_EXHAUSTED", `${this.reads.size} linearizable reads already wait`),
      );
    }
    const context = `${this.readNonce}.${++this.readSequence}`;
    try {
      this.multiRaft.readIndex(group, context);
    } catch (error) {
      return Promise.reject(error);
    }
    const promise = new Promise<LogIndex>((resolve, reject) => {
      this.reads.set(context, {
        group,
        deadlineTick: this.tickCount + limits.readIndexTicksMax,
        index: undefined,
        resolve,
        reject,
      });
    });
    this.process();
    return promise;
  }

  view(group: GroupId): GroupView {
    return groupView(this.multiRaft, group);
  }

  /** Hands leadership of a group this node leads to `to`; Raft aborts it after an election timeout. */
  transferLeadership(group: GroupId, to: NodeId): void {
    if (!this.isRunning()) return;
    this.multiRaft.transferLeadership(group, to);
    this.process();
  }

  /** Payload bytes this node, as the group's leader, proposed and has not seen committed (0 elsewhere). */
  uncommittedBytes(group: GroupId): number {
    return this.multiRaft.hasGroup(group) ? this.multiRaft.raftNode(group).raft.uncommittedBytes : 0;
  }

  /** The groups this node hosts, ascending. */
  groupIds(): readonly GroupId[] {
    return [...this.storages.keys()].sort((a, b) => a - b);
  }

  /** Stops the host for good: a crashed incarnation must not act on promises that settle later. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.rejectWaiting();
  }

  private isRunning(): boolean {
    return !this.stopped && this.failure === undefined;
  }

  private unavailable(): HelixError {
    return new HelixError("UNAVAILABLE", `node ${this.nodeId} is not running`, {
      ...(this.failure === undefined ? {} : { cause: this.failure }),
    });
  }

  /** Starts a round if none is in flight and the engine has a Ready; removals go first, between rounds. */
  private process(): void {
    if (this.persisting || !this.isRunning()) return;
    // Checked here, not only inside: this runs after every input, and removals are rare.
    if (this.removals.length > 0) this.performRemovals();
    if (!this.multiRaft.hasReady()) return;
    const ready = this.multiRaft.ready();
    this.persisting = true;
    this.statistics.rounds++;
    for (const group of ready.groups) {
      if (group.softState !== undefined) {
        this.options.observer?.onSoftState?.(group.group, group.softState, this.view(group.group).term);
      }
    }
    for (const batch of ready.batches) this.send(batch);
    // Only a snapshot install can be refused, and most rounds install none: no set for them.
    let refused: Set<GroupId> | undefined;
    // Made for the first write only: most rounds write one group's, many none (heartbeats).
    let durable: Promise<void>[] | undefined;
    for (const group of ready.groups) {
      let persisted: Promise<void> | undefined;
      if (group.snapshot === undefined) {
        persisted = this.walAppend(group);
      } else {
        refused ??= new Set();
        persisted = this.installSnapshot(group, group.snapshot, refused);
      }
      if (persisted === undefined) continue;
      if (durable === undefined) durable = [persisted];
      else durable.push(persisted);
    }
    if (durable === undefined) this.finishRound(ready, refused ?? noGroups);
    else this.finishWhenDurable(durable, ready, refused ?? noGroups);
  }

  /**
   * Finishes the round once all its writes are durable. A rejected append, or a bug that surfaces while
   * finishing the round, stops the host alike. The round waiting is kept in fields (at most one waits)
   * and the reactions are bound once, so a waiting round costs one promise reaction and no closure.
   */
  private finishWhenDurable(
    durable: readonly Promise<void>[],
    ready: MultiRaftReady,
    refused: ReadonlySet<GroupId>,
  ): void {
    this.waiting = ready;
    this.waitingRefused = refused;
    // Most rounds persist one group: its append is the round's promise, with no Promise.all around it.
    const persisted = durable.length === 1 ? (durable[0] as Promise<void>) : Promise.all(durable);
    persisted.then(this.onRoundDurable, this.onRoundFailed);
  }

  private readonly onRoundDurable = (): void => {
    const ready = this.waiting;
    const refused = this.waitingRefused;
    this.waiting = undefined;
    this.waitingRefused = noGroups;
    assert(ready !== undefined, "a round waits for the WAL");
    try {
      this.finishRound(ready, refused);
    } catch (error) {
      this.fail(error);
    }
  };

  private readonly onRoundFailed = (error: unknown): void => {
    this.waiting = undefined;
    this.waitingRefused = noGroups;
    this.fail(error);
  };

  /** Step 3 for one group: hand its entries and hard state to the WAL (one group commit for all). */
  private walAppend(group: GroupReady): Promise<void> | undefined {
    const write = this.walWrite(group);
    if (write === undefined) return undefined;
    return this.options.wal.append(group.group, write);
  }

  /** The group's entries and hard state as one WAL write (undefined: nothing to write). */
  private walWrite(group: GroupReady): GroupWrite | undefined {
    const hasEntries = group.entries.length > 0;
    if (!hasEntries && group.hardState === undefined) return undefined;
    // One literal with both fields (undefined when absent): every write has the same shape, instead of
    // an empty object grown by one or two properties per round.
    const write: GroupWrite = {
      entries: hasEntries ? group.entries.map(toWalEntry) : undefined,
      hardState: group.hardState === undefined ? undefined : toWalHardState(group.hardState),
    };
    this.statistics.walAppends++;
    this.options.observer?.onPersisting?.(group.group, group.entries, group.hardState);
    return write;
  }

  /**
   * Installs a snapshot the leader sent (Raft §7): the state machine takes it (a partition first pulls
   * the record batches it lacks, durably), the snapshot file is written, the WAL drops the group's log
   * through it (and any suffix the snapshot replaced), then the round's entries and hard state follow.
   * The acknowledgement leaves with the round's after-persist batches, so only once all of it is durable
   * (DESIGN.md §3 rule 1).
   *
   * The round waits while the state machine pulls data it lacks (other groups' writes of the round
   * wait with it). A state machine that cannot make progress (no replica serves the data, the group is
   * being removed) refuses the install instead of blocking the round forever: the group is then left
   * out of the round (nothing of its Ready is persisted, applied or acknowledged), added to `refused`,
   * and rebuilt from its durable state when the round finishes (finishRound), so the leader, hearing
   * no acknowledgement, sends the snapshot again later.
   */
  private async installSnapshot(group: GroupReady, snapshot: Snapshot, refused: Set<GroupId>): Promise<void> {
    const { snapshots, stateMachine, wal } = this.options;
    if (snapshots === undefined || stateMachine.restore === undefined) {
      throw new HelixError(
        "INTERNAL",
        `group ${group.group} received a snapshot but the host cannot store one`,
      );
    }
    await this.snapshotProgress.get(group.group)?.running;
    const { index, term, confState } = snapshot.metadata;
    const stored: StoredSnapshot = { group: group.group, index, term, confState, data: snapshot.data };
    try {
      await stateMachine.restore(group.group, stored, this.view(group.group).leader);
    } catch (error) {
      if (!isSnapshotInstallRefusal(error) || !this.isRunning()) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      refused.add(group.group);
      this.statistics.snapshotsRefused++;
      this.lastSnapshotRefusal = { group: group.group, reason };
      this.options.observer?.onSnapshotRefused?.(group.group, reason);
      return;
    }
    await snapshots.save(stored);
    const status = wal.status(group.group);
    const released = wal.release(group.group, { index, term });
    const stale = status !== undefined && status.lastIndex > index;
    const truncated = stale ? wal.truncate(group.group, (index + 1) as LogIndex) : undefined;
    const write = this.walWrite(group);
    await Promise.all([
      released,
      truncated,
      write === undefined ? undefined : wal.append(group.group, write),
    ]);
    const progress = this.snapshotProgress.get(group.group);
    if (progress !== undefined) {
      progress.entries = 0;
      progress.bytes = 0;
    }
    this.statistics.snapshotsInstalled++;
  }

  /** Steps 4-5 once the round's writes are durable, then the next round. */
  private finishRound(ready: MultiRaftReady, refused: ReadonlySet<GroupId>): void {
    this.persisting = false;
    if (!this.isRunning()) return;
    // A group whose snapshot install was refused: applied index before the snapshot, to rebuild it.
    // Nearly every round refuses nothing: then no group is looked up in `refused` (a Set lookup per
    // group and loop otherwise).
    const anyRefused = refused.size > 0;
    const rebuild = anyRefused ? this.appliedIndexes(refused) : undefined;
    for (const group of ready.groups) if (!anyRefused || !refused.has(group.group)) this.storeDurable(group);
    for (const batch of ready.batchesAfterPersist) {
      const kept = anyRefused ? withoutGroups(batch, refused) : batch;
      if (kept !== undefined) this.send(kept);
    }
    for (const group of ready.groups)
      if (!anyRefused || !refused.has(group.group)) this.applyCommitted(group);
    this.multiRaft.advance();
    if (rebuild !== undefined) for (const [group, applied] of rebuild) this.rebuildGroup(group, applied);
    for (const group of ready.groups) {
      if (group.committedEntries.length > 0 && (!anyRefused || !refused.has(group.group)))
        this.maybeSnapshot(group.group);
    }
    this.answerReads();
    this.process();
  }

  private appliedIndexes(groups: ReadonlySet<GroupId>): Map<GroupId, LogIndex> {
    const applied = new Map<GroupId, LogIndex>();
    for (const group of groups) applied.set(group, this.multiRaft.raftNode(group).appliedIndex());
    return applied;
  }

  /** Step 3 done for one group: Raft reads what the WAL made durable from the group's storage. */
  private storeDurable(group: GroupReady): void {
    // Many groups of a round only apply or send (a follower's commit, a leader's heartbeat): no lookup.
    if (group.snapshot === undefined && group.entries.length === 0 && group.hardState === undefined) return;
    const storage = this.storages.get(group.group);
    // Checked without a message closure: this runs for every group of every round.
    if (storage === undefined) throw new AssertionError(`no storage for group ${group.group}`);
    if (group.snapshot !== undefined) storage.applySnapshot(group.snapshot);
    storage.append(group.entries);
    if (group.hardState !== undefined) storage.setHardState(group.hardState);
    if (group.entries.length > 0 || group.hardState !== undefined) {
      this.options.observer?.onDurable?.(group.group, group.entries, group.hardState);
    }
  }

  /** Step 5 for one group: its committed entries to the state machine, its read points to the reads. */
  private applyCommitted(group: GroupReady): void {
    // Looked up only when there is something to apply (most groups of a round have nothing).
    const progress = group.committedEntries.length === 0 ? undefined : this.snapshotProgress.get(group.group);
    for (const entry of group.committedEntries) {
      this.options.stateMachine.apply(group.group, entry);
      this.statistics.entriesApplied++;
      if (progress === undefined) continue;
      progress.entries++;
      progress.bytes += entry.data.length;
    }
    for (const read of group.readStates) {
      const pending = this.reads.get(read.context);
      if (pending !== undefined) pending.index = read.index;
    }
  }

  /**
   * Snapshots a group that applied enough since its last snapshot: the state machine serializes its
   * state at the applied index now; once what it relies on is durable, the snapshot file is written,
   * then the log is compacted in memory and in the WAL up to `snapshotTrailingEntries` behind it. The WAL
   * is never released past a snapshot that is durable, nor (for a partition) past its segment store's
   * durable end, which the state machine's `durable` promise stands for.
   */
  private maybeSnapshot(group: GroupId): void {
    const { snapshots, stateMachine } = this.options;
    const progress = this.snapshotProgress.get(group);
    if (snapshots === undefined || stateMachine.snapshot === undefined || progress === undefined) return;
    if (progress.running !== undefined) return;
    const dueEntries = this.options.snapshotAfterEntries ?? limits.snapshotAfterEntries;
    const dueBytes = this.options.snapshotAfterBytes ?? limits.snapshotAfterBytes;
    if (progress.entries < dueEntries && progress.bytes < dueBytes) return;
    const storage = this.storages.get(group);
    assert(storage !== undefined, () => `no storage for group ${group}`);
    const node = this.multiRaft.raftNode(group);
    const index = node.appliedIndex();
    const term = storage.term(index);
    if (term === undefined || index <= storage.snapshot().metadata.index) return;
    const taken = stateMachine.snapshot(group);
    if (taken === undefined) return;
    const stored: StoredSnapshot = { group, index, term, confState: node.confState(), data: taken.data };
    progress.entries = 0;
    progress.bytes = 0;
    progress.running = this.saveSnapshot(stored, taken.durable, storage)
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        progress.running = undefined;
      });
  }

  private async saveSnapshot(
    stored: StoredSnapshot,
    durable: Promise<void> | undefined,
    storage: MemoryStorage,
  ): Promise<void> {
    await durable;
    if (!this.isRunning() || this.storages.get(stored.group) !== storage) return;
    await this.options.snapshots?.save(stored);
    if (!this.isRunning() || this.storages.get(stored.group) !== storage) return;
    if (stored.index <= storage.snapshot().metadata.index) return;
    storage.createSnapshot(stored.index, stored.confState, stored.data);
    const trailing = this.options.snapshotTrailingEntries ?? limits.snapshotTrailingEntries;
    const compactTo = Math.max(storage.firstIndex() - 1, stored.index - trailing) as LogIndex;
    const compactTerm = storage.term(compactTo);
    assert(compactTerm !== undefined, () => `group ${stored.group} holds no term at ${compactTo}`);
    if (compactTo >= storage.firstIndex()) storage.compact(compactTo);
    const released = this.options.wal.status(stored.group)?.compaction.index ?? 0;
    if (compactTo > released)
      await this.options.wal.release(stored.group, { index: compactTo, term: compactTerm });
    this.statistics.snapshotsTaken++;
  }

  /**
   * Replaces a group's RaftNode by one rebuilt from its durable storage (which the refused Ready never
   * touched), forgetting the snapshot it accepted and anything else of that Ready; `applied` is what
   * the state machine has applied (the refused restore left it unchanged).
   */
  private rebuildGroup(group: GroupId, applied: LogIndex): void {
    const storage = this.storages.get(group);
    if (storage === undefined || !this.multiRaft.hasGroup(group)) return;
    this.multiRaft.destroyGroup(group);
    this.multiRaft.createGroup(group, storage, applied);
    this.options.patchNode?.(group, this.multiRaft.raftNode(group));
  }

  /** Resolves every confirmed read whose index this node has applied. */
  private answerReads(): void {
    if (this.reads.size === 0) return;
    for (const [context, read] of this.reads) {
      if (read.index === undefined || !this.multiRaft.hasGroup(read.group)) continue;
      if (this.multiRaft.status(read.group).applied < read.index) continue;
      this.reads.delete(context);
      read.resolve(read.index);
    }
  }

  /** Reads not confirmed in time fail: the leader they went to may have lost leadership meanwhile. */
  private expireReads(): void {
    for (const [context, read] of this.reads) {
      if (read.index !== undefined || read.deadlineTick > this.tickCount) continue;
      this.reads.delete(context);
      read.reject(
        new HelixError("TIMEOUT", `no quorum confirmed a read of group ${read.group} in time`, {
          details: { leader: this.view(read.group).leader || null },
        }),
      );
    }
  }

  /** Removes the groups asked for; runs only between rounds (the engine refuses it mid-Ready). */
  private performRemovals(): void {
    if (this.removals.length === 0) return;
    const removals = this.removals;
    this.removals = [];
    for (const removal of removals) {
      if (!this.storages.has(removal.group)) {
        removal.resolve();
        continue;
      }
      this.multiRaft.destroyGroup(removal.group);
      this.storages.delete(removal.group);
      const running = this.snapshotProgress.get(removal.group)?.running;
      this.snapshotProgress.delete(removal.group);
      for (const [context, read] of this.reads) {
        if (read.group !== removal.group) continue;
        this.reads.delete(context);
        read.reject(new HelixError("UNKNOWN_GROUP", `group ${removal.group} was removed from this node`));
      }
      Promise.resolve(running)
        .then(() => this.releaseAll(removal.group))
        .then(() => this.options.snapshots?.remove(removal.group))
        .then(removal.resolve, (error: unknown) => {
          removal.reject(error);
          this.fail(error);
        });
    }
  }

  /** Releases every WAL entry of a group this node no longer hosts. */
  private releaseAll(group: GroupId): Promise<void> {
    const status = this.options.wal.status(group);
    if (status === undefined || status.lastIndex <= status.compaction.index) return Promise.resolve();
    const term = this.options.wal.term(group, status.lastIndex);
    assert(term !== undefined, () => `the WAL holds no term for its last entry of group ${group}`);
    return this.options.wal.release(group, { index: status.lastIndex, term: term as Term });
  }

  private send(batch: MultiRaftBatch): void {
    this.statistics.batchesSent++;
    this.options.send(batch);
  }

  /**
   * Rejects every waiting read and removal as UNAVAILABLE. The error is made only when something waits:
   * its stack capture was a visible cost in the simulator, which stops a host at every crash.
   */
  private rejectWaiting(): void {
    if (this.reads.size === 0 && this.removals.length === 0) return;
    const error = this.unavailable();
    for (const read of this.reads.values()) read.reject(error);
    this.reads.clear();
    for (const removal of this.removals) removal.reject(error);
    this.removals = [];
  }

  private fail(error: unknown): void {
    this.persisting = false;
    if (this.failure !== undefined || this.stopped) return;
    this.failure = error;
    this.rejectWaiting();
    this.options.observer?.onFailure?.(error);
  }
}

/** The groups refused in a round without snapshot installs (never added to). */
const noGroups: ReadonlySet<GroupId> = new Set();

/**
 * Finishes, at recovery, a snapshot install that a crash interrupted: the snapshot file is durable (an
 * install writes it first) but the WAL still holds the log it replaced, which does not reach or does
 * not match the snapshot's last entry. As the install would have, the WAL is released through the
 * snapshot and its stale suffix truncated; otherwise the WAL refuses the entries the leader sends after
 * the snapshot, and the node fails at every restart. A WAL that holds the snapshot's last entry is
 * left alone (its suffix extends the snapshot; a local snapshot keeps trailing entries behind it).
 */
async function dropLogBehindSnapshot(wal: Wal, snapshot: StoredSnapshot): Promise<void> {
  const status = wal.status(snapshot.group);
  if (status === undefined || status.compaction.index >= snapshot.index) return;
  if (wal.term(snapshot.group, snapshot.index) === snapshot.term) return;
  const stale = status.lastIndex > snapshot.index;
  await Promise.all([
    wal.release(snapshot.group, { index: snapshot.index, term: snapshot.term }),
    stale ? wal.truncate(snapshot.group, (snapshot.index + 1) as LogIndex) : undefined,
  ]);
}

/** The batch without the messages and heartbeats of `groups`; undefined when nothing is left of it. */
function withoutGroups(batch: MultiRaftBatch, groups: ReadonlySet<GroupId>): MultiRaftBatch | undefined {
  const kept = {
    ...batch,
    messages: batch.messages.filter((message) => !groups.has(message.group)),
    heartbeats: batch.heartbeats.filter((heartbeat) => !groups.has(heartbeat.group)),
    heartbeatResponses: batch.heartbeatResponses.filter((response) => !groups.has(response.group)),
  };
  const removed =
    batch.messages.length +
    batch.heartbeats.length +
    batch.heartbeatResponses.length -
    (kept.messages.length + kept.heartbeats.length + kept.heartbeatResponses.length);
  const empty = kept.messages.length + kept.heartbeats.length + kept.heartbeatResponses.length === 0;
  return removed > 0 && empty ? undefined : kept;
}
