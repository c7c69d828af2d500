/**
 * The host-facing API of one Raft group member (etcd's RawNode): inputs (tick, step, propose, ...)
 * and the Ready/advance cycle through which the host persists, sends and applies.
 *
 * The host loop, in this order (Raft thesis §3.8, DESIGN.md §3 rule 1):
 *   const ready = node.ready();
 *   send(ready.messages);                  // safe before persisting: they promise nothing about our disk
 *   persist(ready.snapshot, ready.entries, ready.hardState);   // durably (fdatasync)
 *   send(ready.messagesAfterPersist);      // votes and acknowledgements: only once the above is durable
 *   apply(ready.committedEntries); serve(ready.readStates);
 *   node.advance();
 */
import { assert, type Bytes, type GroupId, type LogIndex, type NodeId } from "@helixlog/core";
import { RaftConfig, type RaftOptions } from "./config.js";
import { emptyList } from "./empty-list.js";
import { type ProposalResult, Raft } from "./raft.js";
import type { Storage } from "./storage.js";
import type {
  ConfChange,
  ConfState,
  Entry,
  HardState,
  Message,
  ReadState,
  Snapshot,
  SoftState,
} from "./types.js";

export interface Ready {
  /** The group this node is a member of (so a Multi-Raft host needs no wrapper per group). */
  readonly group: GroupId;
  /** Set when the leader or role changed since the last Ready. Never persisted. */
  readonly softState: SoftState | undefined;
  /** Set when term, vote or commit changed: persist it. */
  readonly hardState: HardState | undefined;
  /** Entries to append to durable storage, replacing any stored entries from the first one's index. */
  readonly entries: readonly Entry[];
  /** A snapshot received from the leader: persist it (replacing the log) and restore the state machine. */
  readonly snapshot: Snapshot | undefined;
  /**
   * Messages that may be sent before this Ready is persisted: a leader's appends, heartbeats, snapshot
   * chunks, TimeoutNow and read-index traffic, and pre-vote traffic. None of them depends on this
   * node's unpersisted state: a leader counts its own log toward a commit only after advance().
   */
  readonly messages: readonly Message[];
  /**
   * Messages that must wait until `hardState`, `entries` and `snapshot` are durable: votes, vote
   * requests and every acknowledgement. Sending one earlier and then crashing could make this node
   * vote twice in a term or make a leader count an entry this node has lost (thesis §3.8).
   */
  readonly messagesAfterPersist: readonly Message[];
  /** Committed entries to apply to the state machine, in order. All of them are durable locally. */
  readonly committedEntries: readonly Entry[];
  /** Linearizable reads that may be served once the state machine applied their index. */
  readonly readStates: readonly ReadState[];
  /** Whether persisting needs an fdatasync (hard state or entries or snapshot changed). */
  readonly mustSync: boolean;
}

/** Whether a message makes a promise about this node's durable state (and so must wait for it). */
export function mustWaitForPersistence(message: Message): boolean {
  switch (message.type) {
    case "requestVote":
    case "voteResponse":
    case "appendResponse":
    case "heartbeatResponse":
    case "snapshotResponse":
      return true;
    case "appendEntries":
    case "heartbeat":
    case "installSnapshot":
    case "timeoutNow":
    case "readIndex":
    case "readIndexResponse":
    case "requestPreVote":
    case "preVoteResponse":
      return false;
  }
}

/**
 * The last entry, or undefined for none. Reading `entries[length - 1]` of an empty array looks up the
 * property "-1", a slow path in V8 that hosts would take twice per group and round.
 */
function lastOf(entries: readonly Entry[]): Entry | undefined {
  return entries.length === 0 ? undefined : entries[entries.length - 1];
}

function countWaitingForPersistence(messages: readonly Message[]): number {
  let waiting = 0;
  for (const message of messages) if (mustWaitForPersistence(message)) waiting++;
  return waiting;
}

/**
 * A Ready's messages that may go at once (or, with `afterPersist`, those that wait for persistence), in
 * order, given how many of them wait. A Ready's messages are usually all of one kind (a leader's
 * appends and heartbeats, a follower's acknowledgements), so the taken array is handed on as it is
 * when nothing needs moving.
 */
function messagesOfPhase(
  messages: readonly Message[],
  waiting: number,
  afterPersist: boolean,
): readonly Message[] {
  if (waiting === 0) return afterPersist ? emptyList : messages;
  if (waiting === messages.length) return afterPersist ? messages : emptyList;
  return messages.filter((message) => mustWaitForPersistence(message) === afterPersist);
}

export class RaftNode {
  readonly raft: Raft;
  private lastHardState: HardState;
  private lastSoftState: SoftState | undefined;
  /** The Ready handed out and not yet acknowledged by advance(); at most one at a time. */
  private pendingReady: Ready | undefined = undefined;

  constructor(options: RaftOptions | RaftConfig, storage: Storage) {
    const config = options instanceof RaftConfig ? options : new RaftConfig(options);
    this.raft = new Raft(config, storage);
    this.lastHardState = storage.initialState().hardState;
    this.lastSoftState = undefined;
  }

  get id(): NodeId {
    return this.raft.id;
  }

  tick(): void {
    this.raft.tick();
  }

  /** Ticks from now until one does more than count (Raft.ticksUntilDue); ask again after any input. */
  ticksUntilDue(): number {
    return this.raft.ticksUntilDue();
  }

  /** Passes `count` idle ticks, exactly as `count` calls of tick() when `count < ticksUntilDue()`. */
  skipIdleTicks(count: number): void {
    this.raft.skipIdleTicks(count);
  }

  step(message: Message): void {
    this.raft.step(message);
  }

  propose(data: Uint8Array): ProposalResult {
    return this.raft.propose(data);
  }

  proposeConfChange(change: ConfChange): ProposalResult {
    return this.raft.proposeConfChange(change);
  }

  transferLeadership(to: NodeId): void {
    this.raft.transferLeadership(to);
  }

  readIndex(context: string): void {
    this.raft.readIndex(context);
  }

  campaign(): void {
    this.raft.campaign();
  }

  /** The configuration as of the last applied entry (what a snapshot taken now must record). */
  confState(): ConfState {
    return this.raft.confState();
  }

  softState(): SoftState {
    return this.raft.softState();
  }

  appliedIndex(): LogIndex {
    return this.raft.log.applied;
  }

  hasReady(): boolean {
    const raft = this.raft;
    const log = raft.log;
    return (
      raft.hasPendingMessages() ||
      raft.readStates.length > 0 ||
      log.hasUnstableEntries() ||
      log.unstableSnapshot() !== undefined ||
      log.hasNextCommittedEntries() ||
      this.hardStateChanged() ||
      this.softStateChanged()
    );
  }

  // Field by field rather than through raft.hardState()/softState(): hosts ask hasReady() of every
  // touched group on every input, and those build an object per call.
  private hardStateChanged(): boolean {
    const raft = this.raft;
    const last = this.lastHardState;
    return raft.term !== last.term || raft.vote !== last.vote || raft.log.committed !== last.commit;
  }

  private softStateChanged(): boolean {
    const last = this.lastSoftState;
    return last === undefined || this.raft.leader !== last.leader || this.raft.role !== last.role;
  }

  /** Collects what to persist, send and apply. Call advance() before the next ready(). */
  ready(): Ready {
    assert(this.pendingReady === undefined, "advance() must acknowledge a Ready before the next ready()");
    const raft = this.raft;
    const last = this.lastHardState;
    const taken = raft.takeMessages();
    const waiting = countWaitingForPersistence(taken);
    const entries = raft.log.unstableEntries();
    const snapshot = raft.log.unstableSnapshot();
    const voteChanged = raft.term !== last.term || raft.vote !== last.vote;
    const ready: Ready = {
      group: raft.config.group,
      softState: this.softStateChanged() ? raft.softState() : undefined,
      // hardStateChanged() without comparing term and vote a second time.
      hardState: voteChanged || raft.log.committed !== last.commit ? raft.hardState() : undefined,
      entries,
      snapshot,
      messages: messagesOfPhase(taken, waiting, false),
      messagesAfterPersist: messagesOfPhase(taken, waiting, true),
      committedEntries: raft.log.nextCommittedEntries(raft.config.committedSizeBytesPerReady as Bytes),
      readStates: raft.takeReadStates(),
      // A commit index alone needs no fdatasync: it can be learned again from the leader.
      mustSync: entries.length > 0 || snapshot !== undefined || voteChanged,
    };
    if (ready.softState !== undefined) this.lastSoftState = ready.softState;
    this.pendingReady = ready;
    return ready;
  }

  /**
   * Acknowledges the last Ready: its snapshot, entries and hard state are durable and its committed
   * entries applied. Conf change entries among them take effect now.
   */
  advance(): void {
    const ready = this.pendingReady;
    assert(ready !== undefined, "advance() without a Ready to acknowledge");
    this.pendingReady = undefined;
    const raft = this.raft;
    if (ready.hardState !== undefined) this.lastHardState = ready.hardState;
    if (ready.snapshot !== undefined) raft.log.stableSnapshotTo(ready.snapshot.metadata.index);
    const lastEntry = lastOf(ready.entries);
    if (lastEntry !== undefined) raft.log.stableTo(lastEntry.index, lastEntry.term);
    // A snapshot restored after this Ready was taken already holds the configuration these entries
    // lead to (and more); applying them on top of it would go backwards.
    const supersedingSnapshot = raft.log.unstableSnapshot()?.metadata.index ?? 0;
    for (const entry of ready.committedEntries) {
      if (entry.type === "confChange" && entry.index > supersedingSnapshot) raft.applyConfChangeEntry(entry);
    }
    const lastCommitted = lastOf(ready.committedEntries);
    if (lastCommitted !== undefined) {
      raft.log.appliedTo(lastCommitted.index);
      raft.reduceUncommittedSize(ready.committedEntries);
    }
    raft.onPersisted();
    raft.maybeAutoLeaveJoint();
  }

  describe(): string {
    return this.raft.describe();
  }
}
