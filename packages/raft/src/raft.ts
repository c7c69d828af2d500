/**
 * The Raft state machine of one group member (Ongaro and Ousterhout, "In Search of an Understandable
 * Consensus Algorithm", and Ongaro's thesis "Consensus: Bridging Theory and Practice"), in the shape of
 * etcd's raft: pure and synchronous. It never performs I/O: it reads the durable log through Storage,
 * and everything it wants written or sent is collected by RaftNode.ready().
 *
 * Role logic lives in stepLeader, stepCandidate and stepFollower; role changes go through become<Role>.
 */
import {
  AssertionError,
  assert,
  type Bytes,
  HelixError,
  type LogIndex,
  limits,
  type NodeId,
  type Term,
} from "@helixlog/core";
import { applyConfChange, decodeConfChange, encodeConfChange } from "./conf-changer.js";
import type { RaftConfig } from "./config.js";
import { emptyList } from "./empty-list.js";
import { payloadSizeBytes } from "./entries.js";
import { Progress } from "./progress.js";
import { isJoint, jointVoteResult } from "./quorum.js";
import { RaftLog } from "./raft-log.js";
import { ReadOnly } from "./read-only.js";
import type { Storage } from "./storage.js";
import {
  confStateOf,
  describeTrackerConfig,
  memberIds,
  ProgressTracker,
  type TrackerConfig,
  trackerConfigOf,
} from "./tracker.js";
import {
  type AppendEntriesMessage,
  type AppendResponseMessage,
  type ConfChange,
  type ConfState,
  type Entry,
  type EntryType,
  type HardState,
  type HeartbeatMessage,
  type HeartbeatResponseMessage,
  type InstallSnapshotMessage,
  type Message,
  noNode,
  type ReadState,
  type Snapshot,
  type SnapshotMetadata,
  type SnapshotResponseMessage,
  type SoftState,
  type StateRole,
  type VoteRequestMessage,
  type VoteResponseMessage,
} from "./types.js";

type CampaignKind = "preElection" | "election";

/** What a proposal became: its place in the log. The host waits for this index to be applied. */
export interface ProposalResult {
  readonly index: LogIndex;
  readonly term: Term;
}

/** A snapshot arriving in chunks; survives leader changes so a new leader can resume it. */
interface IncomingSnapshot {
  readonly metadata: SnapshotMetadata;
  readonly totalBytes: number;
  readonly chunks: Uint8Array[];
  receivedBytes: number;
}

export class Raft {
  readonly id: NodeId;
  readonly config: RaftConfig;
  readonly log: RaftLog;
  /** Durable: the latest term this node has seen (Raft figure 2). */
  term: Term;
  /** Durable: the candidate voted for in `term`, or noNode. */
  vote: NodeId;
  /** The leader of `term` as far as this node knows, or noNode. */
  leader: NodeId = noNode;
  role: StateRole = "follower";
  tracker: ProgressTracker;
  /** Every member of tracker.config in ascending order (the fan-out order); set with the progress. */
  private members: readonly NodeId[] = [];
  /** Every voter of tracker.config (both halves) in ascending order; set with the progress. */
  private voters: readonly NodeId[] = [];
  /**
   * Whether this node is a voter of tracker.config; set with the progress. isPromotable() asks on every
   * tick and every ticksUntilDue() (hosts ask after each input), and two Set lookups each time showed.
   */
  private isSelfVoter = false;

  /** Ticks since the last election timeout reset (follower, candidate) or check-quorum round (leader). */
  private electionElapsed = 0;
  private heartbeatElapsed = 0;
  /** This term's election timeout, in [electionTicks, 2 * electionTicks) (Raft §5.2). */
  private randomizedElectionTimeout = 0;
  /**
   * Ticks since this node last heard from a leader (or led), capped at electionTicks. While below
   * electionTicks the node promised that leader not to help elect another (the lease of §6.4.1).
   * Kept apart from electionElapsed so that nothing but time ends the promise.
   */
  private leaderContactElapsed: number;
  /** Ticks counted since creation; leaders stamp heartbeats with it to measure their lease. */
  private tickCount = 0;
  /** A transfer campaign carries the transfer flag through to its vote requests. */
  private campaignIsTransfer = false;

  /** Leader only: the transfer target, or noNode. Proposals are refused while a transfer runs. */
  leadTransferee: NodeId = noNode;
  /** Leader only: a TimeoutNow was sent this term, so another node may win without waiting out leases. */
  private leaseRevoked = false;
  /** Leader only: conf changes may not be proposed until this index is applied (one at a time). */
  pendingConfIndex: LogIndex = 0 as LogIndex;
  /** Leader only: payload bytes appended and not yet handed out as committed. */
  private uncommittedSizeBytes = 0;
  /** Leader only: confirmation round state of read-index requests. */
  private readOnly = new ReadOnly();
  /** Leader only: read-index requests that wait for the first commit of this term (thesis §6.4). */
  private pendingReadIndex: { context: string; from: NodeId }[] = [];
  /** Leader only: entries were appended and followers have not been sent them yet. */
  private broadcastPending = false;

  private incomingSnapshot: IncomingSnapshot | undefined = undefined;
  /**
   * Messages produced since the last Ready, in order: messages[0 .. messageCount - 1]. One array reused
   * for the node's life; takeMessages() copies them out at their exact size. A fresh array per Ready
   * would grow to 16 slots on its first push, and most Readies carry one or two messages.
   */
  private readonly messages: (Message | undefined)[] = [];
  private messageCount = 0;
  readStates: ReadState[] = [];

  constructor(config: RaftConfig, storage: Storage) {
    config.validate();
    this.id = config.id;
    // With lease reads, a restarted node may have made a lease promise before it crashed: it keeps
    // it by acting as if it had just heard from a leader. Without them, there is nothing to keep.
    this.leaderContactElapsed = config.readOnlyOption === "leaseBased" ? 0 : config.electionTicks;
    this.config = config;
    this.log = new RaftLog(storage, config.appliedIndex);
    const { hardState, confState } = storage.initialState();
    this.term = hardState.term;
    this.vote = hardState.vote;
    // A stored commit below the snapshot is harmless (a snapshot only holds committed entries, and the
    // host may have crashed between persisting the two); one past the stored log is not: the host
    // persisted the hard state before the entries it refers to.
    if (hardState.commit > this.log.lastIndex()) {
      throw new HelixError(
        "CORRUPT_DATA",
        `stored commit index ${hardState.commit} is past the last stored entry ${this.log.lastIndex()}`,
      );
    }
    this.log.commitTo(hardState.commit);
    assert(this.log.applied <= this.log.committed, "the host cannot have applied past the commit index");
    this.tracker = new ProgressTracker(trackerConfigOf(confState), new Map());
    this.rebuildProgress();
    this.becomeFollower(this.term, noNode);
  }

  // ---------------------------------------------------------------- state observed by the host

  /** Leader only: payload bytes proposed and not yet committed (flow control's pressure signal). */
  get uncommittedBytes(): number {
    return this.uncommittedSizeBytes;
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.log.committed };
  }

  softState(): SoftState {
    return { leader: this.leader, role: this.role };
  }

  confState(): ConfState {
    return confStateOf(this.tracker.config);
  }

  /** Takes the messages produced since the last call (after sending any broadcast still pending). */
  takeMessages(): readonly Message[] {
    this.flushBroadcast();
    // Many Readies carry no message of this group: they share the empty list.
    const count = this.messageCount;
    if (count === 0) return emptyList;
    const messages = this.messages;
    // One or two (a follower's answer, a leader's round to two followers) as literals: slice() and
    // fill() are builtin calls that cost more than the copy itself at these sizes.
    let taken: Message[];
    if (count === 1) taken = [messages[0] as Message];
    else if (count === 2) taken = [messages[0] as Message, messages[1] as Message];
    else taken = messages.slice(0, count) as Message[];
    // Emptied so the reused array holds no message (nor its entries) alive until overwritten.
    for (let i = 0; i < count; i++) messages[i] = undefined;
    this.messageCount = 0;
    return taken;
  }

  /** Takes the read states produced since the last call (like takeMessages). */
  takeReadStates(): readonly ReadState[] {
    if (this.readStates.length === 0) return emptyList;
    const taken = this.readStates;
    this.readStates = [];
    return taken;
  }

  hasPendingMessages(): boolean {
    return this.messageCount > 0 || this.broadcastPending;
  }

  // ---------------------------------------------------------------- inputs

  /** Advances logical time by one tick. */
  tick(): void {
    this.tickCount++;
    if (this.leaderContactElapsed < this.config.electionTicks) this.leaderContactElapsed++;
    if (this.role === "leader") this.tickHeartbeat();
    else this.tickElection();
  }

  /**
   * How many ticks from now until one does more than count: 1 means the next tick must run; n > 1
   * means the next n - 1 would only advance the counters (no timeout reached), so they may be passed
   * with skipIdleTicks(n - 1). Infinity for a member that can never campaign (a learner). Holds until
   * the next input.
   */
  ticksUntilDue(): number {
    if (this.role === "leader") {
      const heartbeat = this.config.heartbeatTicks - this.heartbeatElapsed;
      const checkQuorum = this.config.electionTicks - this.electionElapsed;
      return Math.max(1, Math.min(heartbeat, checkQuorum));
    }
    if (!this.isPromotable()) return Number.POSITIVE_INFINITY;
    return Math.max(1, this.randomizedElectionTimeout - this.electionElapsed);
  }

  /** Passes `count` idle ticks: exactly `count` calls of tick() when `count < ticksUntilDue()`. */
  skipIdleTicks(count: number): void {
    if (count === 0) return;
    const due = this.ticksUntilDue();
    if (!(Number.isSafeInteger(count) && count > 0 && count < due)) {
      throw new AssertionError(`node ${this.id}: cannot skip ${count} ticks: tick ${due} from now has work`);
    }
    this.tickCount += count;
    if (this.leaderContactElapsed < this.config.electionTicks)
      this.leaderContactElapsed = Math.min(this.config.electionTicks, this.leaderContactElapsed + count);
    this.electionElapsed += count;
    if (this.role === "leader") {
      this.leaderContactElapsed = 0;
      this.heartbeatElapsed += count;
    }
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.isPromotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0;
      this.hup(false);
    }
  }

  private tickHeartbeat(): void {
    this.leaderContactElapsed = 0;
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.config.electionTicks) {
      this.electionElapsed = 0;
      // Check quorum (thesis §6.2): a leader that heard from no quorum in an election timeout may be
      // partitioned away; it steps down so that clients look for the real leader.
      if (this.config.checkQuorum && !this.tracker.isQuorumActive(this.id)) {
        this.becomeFollower(this.term, noNode);
        return;
      }
      const { memberIds: ids, memberProgress: progresses } = this.tracker;
      for (let i = 0; i < ids.length; i++)
        if (ids[i] !== this.id) (progresses[i] as Progress).recentActive = false;
      // A transfer that has not completed in an election timeout is abandoned (thesis §3.10).
      if (this.leadTransferee !== noNode) this.abortLeaderTransfer();
    }
    if (this.heartbeatElapsed >= this.config.heartbeatTicks) {
      this.heartbeatElapsed = 0;
      this.broadcastHeartbeat(this.readOnly.lastPendingContext());
    }
  }

  /** Starts an election now (through pre-vote when enabled), as if the election timeout elapsed. */
  campaign(): void {
    this.hup(false);
  }

  private hup(transfer: boolean): void {
    if (this.role === "leader") return;
    if (!this.isPromotable()) return;
    // A node must not campaign under a configuration it has not applied yet: it could count votes of
    // the wrong set of voters.
    if (this.hasUnappliedConfChanges()) return;
    if (transfer || !this.config.preVote) this.campaignFor("election", transfer);
    else this.campaignFor("preElection", false);
  }

  /** Processes one message from a peer. Messages for another node or group are refused. */
  step(message: Message): void {
    if (message.to !== this.id || message.group !== this.config.group) {
      throw new HelixError(
        "INVALID_ARGUMENT",
        `message for node ${message.to} group ${message.group} delivered to node ${this.id} group ${this.config.group}`,
      );
    }
    if (message.term > this.term) {
      if (!this.onHigherTerm(message)) return;
    } else if (message.term < this.term) {
      this.onLowerTerm(message);
      return;
    }
    switch (message.type) {
      case "requestVote":
      case "requestPreVote":
        this.onVoteRequest(message);
        return;
      default:
        break;
    }
    switch (this.role) {
      case "leader":
        this.stepLeader(message);
        return;
      case "candidate":
      case "preCandidate":
        this.stepCandidate(message);
        return;
      case "follower":
        this.stepFollower(message);
        return;
    }
  }

  /** Returns whether the message should still be processed in the (possibly new) term. */
  private onHigherTerm(message: Message): boolean {
    if (message.type === "requestVote" || message.type === "requestPreVote") {
      // A node that heard from a live leader within an election timeout ignores candidates, so a
      // partitioned node rejoining cannot depose a healthy leader (thesis §4.2.3, §6.2), unless the
      // leader itself asked for the election by transferring leadership.
      if (!message.transfer && this.isInLeaderLease()) return false;
      // A pre-vote does not change anyone's term (thesis §9.6).
      if (message.type === "requestPreVote") return true;
      this.becomeFollower(message.term, noNode);
      return true;
    }
    // Pre-votes are requested for term + 1; a granted one does not mean a newer term exists.
    if (message.type === "preVoteResponse" && !message.reject) return true;
    const fromLeader =
      message.type === "appendEntries" || message.type === "heartbeat" || message.type === "installSnapshot";
    this.becomeFollower(message.term, fromLeader ? message.from : noNode);
    return true;
  }

  private onLowerTerm(message: Message): void {
    if (
      (this.config.checkQuorum || this.config.preVote) &&
      (message.type === "appendEntries" || message.type === "heartbeat")
    ) {
      // A stale leader whose messages we ignore would never learn of the newer term when check-quorum
      // or pre-vote keep us from disturbing it with votes: tell it, so it steps down.
      this.send({
        type: "appendResponse",
        group: this.config.group,
        from: this.id,
        to: message.from,
        term: this.term,
        index: 0 as LogIndex,
        reject: false,
        hintIndex: 0 as LogIndex,
        hintTerm: 0 as Term,
      });
    } else if (message.type === "requestPreVote" || message.type === "requestVote") {
      // A stale request is rejected (§5.1); the answer carries our term so the sender catches up.
      const type = message.type === "requestPreVote" ? "preVoteResponse" : "voteResponse";
      this.send({
        type,
        group: this.config.group,
        from: this.id,
        to: message.from,
        term: this.term,
        reject: true,
      });
    }
  }

  private isInLeaderLease(): boolean {
    return this.config.checkQuorum && this.leaderContactElapsed < this.config.electionTicks;
  }

  /** Raft §5.2 and §5.4.1: one vote per term, only for a candidate whose log is at least as up-to-date. */
  private onVoteRequest(message: VoteRequestMessage): void {
    const isPreVote = message.type === "requestPreVote";
    const canVote =
      this.vote === message.from ||
      (this.vote === noNode && this.leader === noNode) ||
      (isPreVote && message.term > this.term);
    const responseType = isPreVote ? "preVoteResponse" : "voteResponse";
    if (canVote && this.log.isUpToDate(message.lastIndex, message.lastTerm)) {
      // The response carries the requested term so the (pre-)candidate counts it.
      this.send({
        type: responseType,
        group: this.config.group,
        from: this.id,
        to: message.from,
        term: message.term,
        reject: false,
      });
      if (!isPreVote) {
        this.electionElapsed = 0;
        this.vote = message.from;
      }
    } else {
      this.send({
        type: responseType,
        group: this.config.group,
        from: this.id,
        to: message.from,
        term: this.term,
        reject: true,
      });
    }
  }

  // ---------------------------------------------------------------- role transitions

  private reset(term: Term): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = noNode;
    }
    this.leader = noNode;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.randomizedElectionTimeout =
      this.config.electionTicks + this.config.rng.integer(0, this.config.electionTicks);
    this.leadTransferee = noNode;
    this.leaseRevoked = false;
    this.campaignIsTransfer = false;
    this.tracker.resetVotes();
    this.pendingConfIndex = 0 as LogIndex;
    this.uncommittedSizeBytes = 0;
    this.readOnly = new ReadOnly();
    this.pendingReadIndex = [];
    this.broadcastPending = false;
    this.resetProgress();
  }

  private resetProgress(): void {
    const lastIndex = this.log.lastIndex();
    const { memberIds: ids, memberProgress: progresses } = this.tracker;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as NodeId;
      const progress = progresses[i] as Progress;
      progress.becomeProbe();
      progress.match = 0 as LogIndex;
      progress.next = (lastIndex + 1) as LogIndex;
      progress.recentActive = false;
      progress.lastAcknowledgedTick = -1;
      if (id === this.id) progress.match = this.log.persistedIndex();
    }
  }

  becomeFollower(term: Term, leader: NodeId): void {
    this.reset(term);
    this.leader = leader;
    this.role = "follower";
  }

  private becomePreCandidate(): void {
    assert(this.role !== "leader", "a leader does not become a pre-candidate");
    // Neither the term nor the vote changes in a pre-election (thesis §9.6).
    this.tracker.resetVotes();
    this.leader = noNode;
    this.role = "preCandidate";
  }

  private becomeCandidate(): void {
    assert(this.role !== "leader", "a leader does not become a candidate");
    this.reset((this.term + 1) as Term);
    this.vote = this.id;
    this.role = "candidate";
  }

  private becomeLeader(): void {
    assert(this.role === "candidate", () => `only a candidate becomes leader, not a ${this.role}`);
    this.reset(this.term);
    this.leader = this.id;
    this.role = "leader";
    // A leader is its own leader contact: it ignores candidates while it leads (see tickHeartbeat).
    this.leaderContactElapsed = 0;
    const self = this.tracker.progress.get(this.id);
    assert(self !== undefined, "a leader is a member of its configuration");
    self.becomeReplicate();
    // Conservatively, a conf change may be anywhere in the uncommitted tail, so no new one may be
    // proposed until the whole current log is applied.
    this.pendingConfIndex = this.log.lastIndex();
    // A leader commits nothing from earlier terms by counting replicas; it appends an entry of its own
    // term, whose commitment commits everything before it (Raft §5.4.2, §8).
    this.appendEntries([{ type: "normal", data: new Uint8Array(0) }]);
  }

  private campaignFor(kind: CampaignKind, transfer: boolean): void {
    let voteTerm: Term;
    if (kind === "preElection") {
      this.becomePreCandidate();
      voteTerm = (this.term + 1) as Term;
    } else {
      this.becomeCandidate();
      voteTerm = this.term;
    }
    this.campaignIsTransfer = transfer;
    this.tracker.recordVote(this.id, true);
    if (this.tracker.tallyVotes() === "won") {
      if (kind === "preElection") this.campaignFor("election", transfer);
      else this.becomeLeader();
      return;
    }
    const type = kind === "preElection" ? "requestPreVote" : "requestVote";
    for (const voter of this.voters) {
      if (voter === this.id) continue;
      this.send({
        type,
        group: this.config.group,
        from: this.id,
        to: voter,
        term: voteTerm,
        lastIndex: this.log.lastIndex(),
        lastTerm: this.log.lastTerm(),
        transfer,
      });
    }
  }

  // ---------------------------------------------------------------- role handlers

  private stepLeader(message: Message): void {
    switch (message.type) {
      case "appendResponse":
        this.onAppendResponse(message);
        return;
      case "heartbeatResponse":
        this.onHeartbeatResponse(message);
        return;
      case "snapshotResponse":
        this.onSnapshotResponse(message);
        return;
      case "readIndex":
        if (this.tracker.progress.has(message.from)) this.handleReadIndex(message.context, message.from);
        return;
      case "appendEntries":
      case "heartbeat":
      case "installSnapshot":
        // Two leaders in one term would break election safety (Raft §5.2): this is a bug somewhere.
        assert(
          false,
          () => `leader ${this.id} of term ${this.term} got ${message.type} from ${message.from}`,
        );
        return;
      case "voteResponse":
      case "preVoteResponse":
      case "timeoutNow":
      case "readIndexResponse":
        // Late answers from the election we already won, or messages meant for a follower.
        return;
      case "requestVote":
      case "requestPreVote":
        assert(false, "vote requests are handled before the role handlers");
        return;
    }
  }

  private stepCandidate(message: Message): void {
    switch (message.type) {
      case "appendEntries":
      case "heartbeat":
      case "installSnapshot":
        // Someone won this term: follow it (Raft §5.2).
        this.becomeFollower(this.term, message.from);
        this.stepFollower(message);
        return;
      case "voteResponse":
      case "preVoteResponse":
        this.onVoteResponse(message);
        return;
      default:
        return;
    }
  }

  private stepFollower(message: Message): void {
    switch (message.type) {
      case "appendEntries":
        this.heardFromLeader(message.from);
        this.onAppendEntries(message);
        return;
      case "heartbeat":
        this.heardFromLeader(message.from);
        this.onHeartbeat(message);
        return;
      case "installSnapshot":
        this.heardFromLeader(message.from);
        this.onInstallSnapshot(message);
        return;
      case "timeoutNow":
        // The leader asks us to take over now, skipping pre-vote and the leases (thesis §3.10).
        this.hup(true);
        return;
      case "readIndexResponse":
        this.readStates.push({ index: message.index, context: message.context });
        return;
      default:
        return;
    }
  }

  private heardFromLeader(leader: NodeId): void {
    this.electionElapsed = 0;
    this.leaderContactElapsed = 0;
    this.leader = leader;
  }

  private onVoteResponse(message: VoteResponseMessage): void {
    const expected = this.role === "preCandidate" ? "preVoteResponse" : "voteResponse";
    if (message.type !== expected) return;
    this.tracker.recordVote(message.from, !message.reject);
    switch (this.tracker.tallyVotes()) {
      case "won":
        if (this.role === "preCandidate") {
          this.campaignFor("election", this.campaignIsTransfer);
        } else {
          this.becomeLeader();
          this.broadcastAppend();
        }
        return;
      case "lost":
        this.becomeFollower(this.term, noNode);
        return;
      case "pending":
        return;
    }
  }

  // ---------------------------------------------------------------- follower side of replication

  private onAppendEntries(message: AppendEntriesMessage): void {
    if (message.prevIndex < this.log.committed) {
      // Everything up to our commit index matches the leader's log already (Log Matching, §5.3).
      this.sendAppendResponse(message.from, this.log.committed);
      return;
    }
    const lastNewIndex = this.log.maybeAppend(
      message.prevIndex,
      message.prevTerm,
      message.commit,
      message.entries,
    );
    if (lastNewIndex !== undefined) {
      this.sendAppendResponse(message.from, lastNewIndex);
      return;
    }
    // Our log does not contain (prevIndex, prevTerm). Tell the leader where it might match, so it skips
    // a whole term of entries per round trip instead of one entry (Raft §5.3, last paragraph).
    const searchFrom = Math.min(message.prevIndex, this.log.lastIndex()) as LogIndex;
    const hint = this.log.findConflictByTerm(searchFrom, message.prevTerm);
    this.send({
      type: "appendResponse",
      group: this.config.group,
      from: this.id,
      to: message.from,
      term: this.term,
      index: message.prevIndex,
      reject: true,
      hintIndex: hint.index,
      hintTerm: hint.term,
    });
  }

  private sendAppendResponse(to: NodeId, index: LogIndex): void {
    this.send({
      type: "appendResponse",
      group: this.config.group,
      from: this.id,
      to,
      term: this.term,
      index,
      reject: false,
      hintIndex: 0 as LogIndex,
      hintTerm: 0 as Term,
    });
  }

  private onHeartbeat(message: HeartbeatMessage): void {
    // The leader sends min(our match, its commit), so this never commits an entry we lack.
    this.log.commitTo(message.commit);
    this.send({
      type: "heartbeatResponse",
      group: this.config.group,
      from: this.id,
      to: message.from,
      term: this.term,
      context: message.context,
      sentAtTick: message.sentAtTick,
    });
  }

  private onInstallSnapshot(message: InstallSnapshotMessage): void {
    const metadata = message.metadata;
    if (metadata.index <= this.log.committed) {
      // We already have everything the snapshot covers: report our commit index so the leader moves on.
      this.incomingSnapshot = undefined;
      this.sendAppendResponse(message.from, this.log.committed);
      return;
    }
    const incoming = this.acceptSnapshotChunk(message);
    if (incoming === undefined) return;
    if (incoming.receivedBytes < incoming.totalBytes) {
      this.sendSnapshotResponse(message.from, metadata.index, incoming.receivedBytes, false);
      return;
    }
    this.incomingSnapshot = undefined;
    const data = concatenate(incoming.chunks, incoming.totalBytes);
    if (this.restore({ metadata, data })) {
      this.sendAppendResponse(message.from, this.log.lastIndex());
    } else {
      this.sendAppendResponse(message.from, this.log.committed);
    }
  }

  /** Buffers a chunk if it is the next one expected; answers and returns undefined when refused. */
  private acceptSnapshotChunk(message: InstallSnapshotMessage): IncomingSnapshot | undefined {
    const metadata = message.metadata;
    let incoming = this.incomingSnapshot;
    const sameSnapshot =
      incoming !== undefined &&
      incoming.metadata.index === metadata.index &&
      incoming.metadata.term === metadata.term;
    if (!sameSnapshot) {
      if (message.totalBytes > limits.snapshotSizeBytesMax || !Number.isSafeInteger(message.totalBytes)) {
        this.sendSnapshotResponse(message.from, metadata.index, 0, true);
        return undefined;
      }
      if (message.offset !== 0) {
        // We hold nothing of this snapshot (we restarted, or a newer one replaced it): start over.
        this.sendSnapshotResponse(message.from, metadata.index, 0, false);
        return undefined;
      }
      incoming = { metadata, totalBytes: message.totalBytes, chunks: [], receivedBytes: 0 };
      this.incomingSnapshot = incoming;
    }
    assert(incoming !== undefined, "an incoming snapshot is being received");
    const fits = message.offset + message.data.byteLength <= incoming.totalBytes;
    if (message.offset === incoming.receivedBytes && fits) {
      incoming.chunks.push(message.data);
      incoming.receivedBytes += message.data.byteLength;
    }
    // A duplicate or out-of-order chunk adds nothing; the reply tells the leader where to resume.
    return incoming;
  }

  private sendSnapshotResponse(
    to: NodeId,
    snapshotIndex: LogIndex,
    nextOffset: number,
    reject: boolean,
  ): void {
    this.send({
      type: "snapshotResponse",
      group: this.config.group,
      from: this.id,
      to,
      term: this.term,
      snapshotIndex,
      nextOffset,
      reject,
    });
  }

  /**
   * Replaces our log with a snapshot from the leader (Raft §7). Returns false when it adds nothing:
   * we already committed past it, or our log holds its last entry (we just commit up to it).
   */
  restore(snapshot: Snapshot): boolean {
    const { index, term, confState } = snapshot.metadata;
    // A snapshot whose configuration does not include us yet is still restored: a node being added
    // receives the snapshot the leader has, which may predate the entry that adds it; that entry
    // follows in the log. Until then the node is no voter, so it cannot campaign.
    if (index <= this.log.committed) return false;
    assert(this.role === "follower", () => `only a follower restores a snapshot, not a ${this.role}`);
    if (this.log.matchTerm(index, term)) {
      this.log.commitTo(index);
      return false;
    }
    this.log.restore(snapshot);
    this.tracker = new ProgressTracker(trackerConfigOf(confState), new Map());
    this.rebuildProgress();
    return true;
  }

  // ---------------------------------------------------------------- leader side of replication

  private onAppendResponse(message: AppendResponseMessage): void {
    const progress = this.tracker.progress.get(message.from);
    if (progress === undefined) return;
    progress.recentActive = true;
    if (message.reject) {
      this.onAppendRejected(message, progress);
      return;
    }
    if (!progress.maybeUpdate(message.index)) {
      // Nothing new, but a probe was answered: the follower is ready for the next one.
      if (progress.state === "probe" && progress.probeSent) {
        progress.probeSent = false;
        this.sendAppendsUntilPaused(message.from, false);
      }
      return;
    }
    if (progress.state === "probe") {
      progress.becomeReplicate();
    } else if (progress.state === "snapshot") {
      // The follower caught up past the snapshot (it restored it, or had the entries after all).
      if (progress.match + 1 >= this.log.firstIndex()) {
        progress.becomeProbe();
        progress.becomeReplicate();
      }
    } else {
      progress.inflights.freeLessOrEqual(message.index);
    }
    if (this.maybeCommit()) this.broadcastAppend();
    else this.sendAppendsUntilPaused(message.from, false);
    if (message.from === this.leadTransferee && progress.match === this.log.lastIndex()) {
      this.sendTimeoutNow(message.from);
    }
  }

  private onAppendRejected(message: AppendResponseMessage, progress: Progress): void {
    // The follower's hint names its last entry whose term is at most our prevTerm; our own log tells
    // how far below that our logs can possibly match.
    let probeHint = message.hintIndex;
    if (message.hintTerm > 0)
      probeHint = this.log.findConflictByTerm(message.hintIndex, message.hintTerm).index;
    if (!progress.maybeDecreaseTo(message.index, probeHint)) return;
    if (progress.state === "replicate") progress.becomeProbe();
    this.sendAppendsUntilPaused(message.from, true);
  }

  private onHeartbeatResponse(message: HeartbeatResponseMessage): void {
    const progress = this.tracker.progress.get(message.from);
    if (progress === undefined) return;
    progress.recentActive = true;
    progress.probeSent = false;
    progress.lastAcknowledgedTick = Math.max(progress.lastAcknowledgedTick, message.sentAtTick);
    if (progress.state === "snapshot") {
      // Resume a snapshot whose last chunk (or its acknowledgement) was lost: a chunk still
      // unanswered one heartbeat round later is presumed lost and sent again.
      const transfer = progress.snapshotTransfer;
      if (transfer?.chunkInFlight) transfer.chunkInFlight = false;
      else this.sendSnapshotChunk(message.from, progress);
    } else if (progress.match < this.log.lastIndex() || progress.state === "probe") {
      // A full window may be full of lost appends: free the oldest slot so one more append goes
      // out; if the lost one left a gap the follower rejects it and probing repairs the log.
      if (progress.state === "replicate" && progress.inflights.isFull()) progress.inflights.freeFirst();
      this.sendAppendsUntilPaused(message.from, true);
    }
    if (message.context !== "") this.onReadIndexAcknowledged(message.from, message.context);
  }

  private onSnapshotResponse(message: SnapshotResponseMessage): void {
    const progress = this.tracker.progress.get(message.from);
    if (progress === undefined) return;
    progress.recentActive = true;
    const transfer = progress.snapshotTransfer;
    if (progress.state !== "snapshot" || transfer === undefined) return;
    if (transfer.snapshot.metadata.index !== message.snapshotIndex) return;
    if (message.reject) {
      // The follower cannot take this snapshot; go back to probing (and retry later).
      progress.snapshotTransfer = undefined;
      progress.becomeProbe();
      return;
    }
    transfer.acknowledgedOffset = message.nextOffset;
    transfer.chunkInFlight = false;
    if (transfer.acknowledgedOffset < transfer.snapshot.data.byteLength)
      this.sendSnapshotChunk(message.from, progress);
  }

  /** Commits the highest index a quorum has acknowledged, if it is from this term (Raft §5.4.2). */
  private maybeCommit(): boolean {
    const quorumIndex = this.tracker.committedIndex();
    if (!this.log.maybeCommit(quorumIndex, this.term)) return false;
    this.releasePendingReadIndex();
    return true;
  }

  /** Sends appends to every member until each is paused (pipelining), even an empty one to carry commit. */
  private broadcastAppend(): void {
    this.broadcastPending = false;
    for (const id of this.members) {
      if (id !== this.id) this.sendAppendsUntilPaused(id, true);
    }
  }

  /** Sends newly appended entries to followers; called when the host collects a Ready. */
  flushBroadcast(): void {
    if (!this.broadcastPending) return;
    this.broadcastPending = false;
    if (this.role !== "leader") return;
    for (const id of this.members) {
      if (id !== this.id) this.sendAppendsUntilPaused(id, false);
    }
  }

  private sendAppendsUntilPaused(to: NodeId, sendIfEmpty: boolean): void {
    let first = true;
    // Bounded: each iteration fills one slot of the inflight window or sends the last entries.
    for (let sent = 0; sent <= limits.inflightMessagesMax; sent++) {
      if (!this.maybeSendAppend(to, first && sendIfEmpty)) return;
      first = false;
    }
  }

  /** Sends one append (or snapshot chunk) to `to`; returns whether a message was sent. */
  private maybeSendAppend(to: NodeId, sendIfEmpty: boolean): boolean {
    const progress = this.tracker.progress.get(to);
    if (progress === undefined || progress.isPaused()) return false;
    const prevIndex = (progress.next - 1) as LogIndex;
    const prevTerm = this.log.term(prevIndex);
    const entries =
      prevTerm === undefined
        ? undefined
        : this.log.slice(
            progress.next,
            (this.log.lastIndex() + 1) as LogIndex,
            this.config.appendMessageSizeBytes,
          );
    if (prevTerm === undefined || entries === undefined) return this.maybeSendSnapshot(to, progress);
    const batch =
      entries.length > limits.appendMessageEntriesMax
        ? entries.slice(0, limits.appendMessageEntriesMax)
        : entries;
    if (batch.length === 0 && !sendIfEmpty) return false;
    this.send({
      type: "appendEntries",
      group: this.config.group,
      from: this.id,
      to,
      term: this.term,
      prevIndex,
      prevTerm,
      entries: batch,
      commit: this.log.committed,
    });
    // Not batch[batch.length - 1]: index -1 of an empty batch (a heartbeat-like append) is a slow lookup.
    const last = batch.length === 0 ? undefined : batch[batch.length - 1];
    if (last !== undefined) progress.sentEntries(last.index, payloadSizeBytes(batch));
    else if (progress.state === "probe") progress.probeSent = true;
    return true;
  }

  /** Starts streaming the current snapshot to a follower that needs compacted entries (Raft §7). */
  private maybeSendSnapshot(to: NodeId, progress: Progress): boolean {
    // A follower that is not responding gets no snapshot: it may be down, and snapshots are large.
    if (!progress.recentActive) return false;
    const snapshot = this.log.snapshot();
    assert(snapshot.metadata.index > 0, "a compacted log always has a snapshot");
    progress.becomeSnapshot(snapshot);
    this.sendSnapshotChunk(to, progress);
    return true;
  }

  private sendSnapshotChunk(to: NodeId, progress: Progress): void {
    const transfer = progress.snapshotTransfer;
    assert(transfer !== undefined, "a snapshot transfer is in progress");
    const data = transfer.snapshot.data;
    const offset = Math.min(transfer.acknowledgedOffset, data.byteLength);
    this.send({
      type: "installSnapshot",
      group: this.config.group,
      from: this.id,
      to,
      term: this.term,
      metadata: transfer.snapshot.metadata,
      totalBytes: data.byteLength,
      offset,
      data: data.subarray(offset, offset + this.config.snapshotChunkSizeBytes),
    });
    transfer.chunkInFlight = true;
  }

  private broadcastHeartbeat(context: string): void {
    for (const id of this.members) {
      if (id === this.id) continue;
      const progress = this.tracker.progress.get(id);
      assert(progress !== undefined, "every member has a progress");
      this.send({
        type: "heartbeat",
        group: this.config.group,
        from: this.id,
        to: id,
        term: this.term,
        // Never more than the follower is known to hold, so it cannot commit an entry it lacks.
        commit: Math.min(progress.match, this.log.committed) as LogIndex,
        context,
        sentAtTick: this.tickCount,
      });
    }
  }

  // ---------------------------------------------------------------- proposals

  /**
   * Appends `data` as a new entry. Throws NOT_LEADER (with the leader hint) on a non-leader,
   * PROPOSAL_DROPPED during a leadership transfer, RECORD_TOO_LARGE or RESOURCE_EXHAUSTED over limits.
   */
  propose(data: Uint8Array): ProposalResult {
    this.checkCanPropose(data.byteLength);
    return this.appendEntries([{ type: "normal", data }]);
  }

  /** Proposes a membership change (thesis §4); at most one may be pending at a time. */
  proposeConfChange(change: ConfChange): ProposalResult {
    const data = encodeConfChange(change);
    this.checkCanPropose(data.byteLength);
    if (this.pendingConfIndex > this.log.applied) {
      throw new HelixError(
        "PROPOSAL_DROPPED",
        `a configuration change at index ${this.pendingConfIndex} is not applied yet (applied ${this.log.applied})`,
      );
    }
    // Validate against the current configuration now, so a committed change can never be invalid.
    applyConfChange(this.tracker.config, change);
    const result = this.appendEntries([{ type: "confChange", data }]);
    this.pendingConfIndex = result.index;
    return result;
  }

  private checkCanPropose(sizeBytes: number): void {
    if (this.role !== "leader") {
      throw new HelixError("NOT_LEADER", `node ${this.id} is not the leader of group ${this.config.group}`, {
        details: { leader: this.leader === noNode ? undefined : this.leader, term: this.term },
      });
    }
    if (this.leadTransferee !== noNode) {
      throw new HelixError("PROPOSAL_DROPPED", `leadership is being transferred to ${this.leadTransferee}`, {
        details: { leader: this.leadTransferee },
      });
    }
    if (!this.tracker.progress.has(this.id)) {
      throw new HelixError("PROPOSAL_DROPPED", `node ${this.id} was removed from the group`);
    }
    if (sizeBytes > limits.proposalSizeBytesMax) {
      throw new HelixError(
        "RECORD_TOO_LARGE",
        `a proposal of ${sizeBytes} bytes exceeds ${limits.proposalSizeBytesMax}`,
      );
    }
    // An empty uncommitted tail always admits one proposal, so a single large one is never stuck.
    if (
      this.uncommittedSizeBytes > 0 &&
      this.uncommittedSizeBytes + sizeBytes > this.config.uncommittedSizeBytesMax
    ) {
      throw new HelixError(
        "RESOURCE_EXHAUSTED",
        `${this.uncommittedSizeBytes} bytes are uncommitted; the limit is ${this.config.uncommittedSizeBytesMax}`,
      );
    }
  }

  private appendEntries(entries: readonly { type: EntryType; data: Uint8Array }[]): ProposalResult {
    let index = this.log.lastIndex();
    const stamped: Entry[] = entries.map((entry) => {
      index = (index + 1) as LogIndex;
      return { term: this.term, index, type: entry.type, data: entry.data };
    });
    this.log.append(stamped);
    this.uncommittedSizeBytes += payloadSizeBytes(stamped);
    this.broadcastPending = true;
    // This node counts toward the quorum only once the host made the entries durable (see onPersisted).
    return { index, term: this.term };
  }

  /** The host handed committed entries to its state machine: they no longer count as uncommitted. */
  reduceUncommittedSize(entries: readonly Entry[]): void {
    // Nothing counted (every follower): the result is 0 either way, so no pass over the entries.
    if (this.uncommittedSizeBytes === 0) return;
    this.uncommittedSizeBytes = Math.max(0, this.uncommittedSizeBytes - payloadSizeBytes(entries));
  }

  /**
   * The host made the log durable up to log.persistedIndex(): a leader now counts its own copy toward
   * the quorum. Counting it earlier could commit an entry that a leader crash then loses (§3.8).
   */
  onPersisted(): void {
    if (this.role !== "leader") return;
    const self = this.tracker.progress.get(this.id);
    if (self === undefined) return;
    if (self.maybeUpdate(this.log.persistedIndex()) && this.maybeCommit()) this.broadcastAppend();
  }

  // ---------------------------------------------------------------- read index and lease

  /**
   * Asks for a linearizable read point (thesis §6.4). The answer arrives as a ReadState with the same
   * context once leadership is confirmed (or at once under a valid lease).
   */
  readIndex(context: string): void {
    if (this.role === "leader") {
      this.handleReadIndex(context, this.id);
      return;
    }
    if (this.leader === noNode) {
      throw new HelixError("NOT_LEADER", `node ${this.id} knows no leader of group ${this.config.group}`, {
        details: { leader: undefined, term: this.term },
      });
    }
    this.send({
      type: "readIndex",
      group: this.config.group,
      from: this.id,
      to: this.leader,
      term: this.term,
      context,
    });
  }

  private handleReadIndex(context: string, from: NodeId): void {
    if (this.voters.length === 1 && this.tracker.isVoter(this.id)) {
      this.answerReadIndex(context, from, this.log.committed);
      return;
    }
    // Until this term commits an entry, the leader may not know the latest commit index (§6.4 step 1).
    if (this.log.term(this.log.committed) !== this.term) {
      if (this.pendingReadIndex.length >= limits.pendingReadIndexMax) {
        throw new HelixError(
          "RESOURCE_EXHAUSTED",
          "too many read-index requests wait for the leader's first commit",
        );
      }
      this.pendingReadIndex.push({ context, from });
      return;
    }
    if (this.config.readOnlyOption === "leaseBased" && this.hasValidLease()) {
      this.answerReadIndex(context, from, this.log.committed);
      return;
    }
    if (!this.readOnly.add(context, this.log.committed, from)) return;
    this.onReadIndexAcknowledged(this.id, context);
    this.broadcastHeartbeat(context);
  }

  private onReadIndexAcknowledged(from: NodeId, context: string): void {
    const acknowledgements = this.readOnly.acknowledge(from, context);
    if (acknowledgements === undefined) return;
    const votes = new Map<NodeId, boolean>();
    for (const id of acknowledgements) votes.set(id, true);
    if (jointVoteResult(this.tracker.config.voters, votes) !== "won") return;
    for (const request of this.readOnly.release(context)) {
      this.answerReadIndex(request.context, request.from, request.index);
    }
  }

  private answerReadIndex(context: string, from: NodeId, index: LogIndex): void {
    if (from === this.id) this.readStates.push({ index, context });
    else
      this.send({
        type: "readIndexResponse",
        group: this.config.group,
        from: this.id,
        to: from,
        term: this.term,
        context,
        index,
      });
  }

  private releasePendingReadIndex(): void {
    if (this.pendingReadIndex.length === 0 || this.log.term(this.log.committed) !== this.term) return;
    const pending = this.pendingReadIndex;
    this.pendingReadIndex = [];
    for (const request of pending) this.handleReadIndex(request.context, request.from);
  }

  /**
   * Whether the leader lease holds (thesis §6.4.1): a quorum acknowledged a heartbeat sent at tick t,
   * and each of them promised (by check-quorum's vote lease) not to help elect anyone else for an
   * election timeout after receiving it, so no other leader can exist before t + electionTicks.
   */
  hasValidLease(): boolean {
    if (this.role !== "leader" || !this.config.checkQuorum) return false;
    // A transfer target campaigns ignoring leases, so a leader that asked for one has no lease left.
    if (this.leadTransferee !== noNode || this.leaseRevoked) return false;
    const since = this.tracker.quorumAcknowledgedTick(this.id, this.tickCount);
    if (since < 0) return false;
    return this.tickCount < since + this.config.electionTicks - this.config.leaseSafetyMarginTicks;
  }

  // ---------------------------------------------------------------- leadership transfer

  /** Hands leadership to `to` once its log is up to date (thesis §3.10); aborts after an election timeout. */
  transferLeadership(to: NodeId): void {
    if (this.role !== "leader") {
      throw new HelixError("NOT_LEADER", `node ${this.id} is not the leader of group ${this.config.group}`, {
        details: { leader: this.leader === noNode ? undefined : this.leader, term: this.term },
      });
    }
    const progress = this.tracker.progress.get(to);
    if (progress === undefined || !this.tracker.isVoter(to)) {
      throw new HelixError("INVALID_ARGUMENT", `node ${to} is not a voter of group ${this.config.group}`);
    }
    if (to === this.id) return;
    if (this.leadTransferee === to) return;
    if (this.leadTransferee !== noNode) this.abortLeaderTransfer();
    this.electionElapsed = 0;
    this.leadTransferee = to;
    if (progress.match === this.log.lastIndex()) this.sendTimeoutNow(to);
    else this.sendAppendsUntilPaused(to, true);
  }

  private sendTimeoutNow(to: NodeId): void {
    this.leaseRevoked = true;
    this.send({ type: "timeoutNow", group: this.config.group, from: this.id, to, term: this.term });
  }

  private abortLeaderTransfer(): void {
    this.leadTransferee = noNode;
  }

  // ---------------------------------------------------------------- configuration

  /** Applies a committed conf change entry (called as the host acknowledges applying it). */
  applyConfChangeEntry(entry: Entry): void {
    assert(entry.type === "confChange", "only conf change entries change the configuration");
    const change = decodeConfChange(entry.data);
    let next: TrackerConfig | undefined;
    let refusal: unknown;
    try {
      next = applyConfChange(this.tracker.config, change);
    } catch (error) {
      refusal = error;
    }
    // Changes are validated when proposed against the then-current configuration, and only one is
    // pending at a time, so a committed change that does not apply is a bug.
    assert(
      next !== undefined,
      () => `committed conf change at ${entry.index} does not apply: ${String(refusal)}`,
    );
    this.switchToConfig(next);
  }

  private switchToConfig(config: TrackerConfig): void {
    this.tracker.config = config;
    this.rebuildProgress();
    if (this.role !== "leader") return;
    if (!this.tracker.isVoter(this.id)) {
      // A leader removed from the configuration steps down once the removal is applied (thesis §4.2.2).
      this.becomeFollower(this.term, noNode);
      return;
    }
    if (this.leadTransferee !== noNode && !this.tracker.isVoter(this.leadTransferee))
      this.abortLeaderTransfer();
    // The quorum changed, so more may be committed now; either way new members need the log.
    this.maybeCommit();
    this.broadcastAppend();
  }

  /**
   * Makes progress entries match the configuration (keeps known ones, adds new ones, drops removed)
   * and lists its members and voters. Called wherever tracker.config changes.
   */
  private rebuildProgress(): void {
    this.members = memberIds(this.tracker.config);
    this.voters = this.tracker.voterIds();
    this.isSelfVoter = this.tracker.isVoter(this.id);
    const next = new Map<NodeId, Progress>();
    for (const id of this.members) {
      let progress = this.tracker.progress.get(id);
      if (progress === undefined) {
        progress = new Progress(
          (this.log.lastIndex() + 1) as LogIndex,
          false,
          this.config.inflightMessagesMax,
          this.config.inflightBytesMax,
        );
        // Treat a new member as active so it gets a snapshot right away if it needs one.
        progress.recentActive = true;
        if (id === this.id) progress.match = this.log.persistedIndex();
      }
      progress.isLearner = !this.tracker.isVoter(id);
      next.set(id, progress);
    }
    this.tracker.setProgress(next);
  }

  /** A leader leaves an auto-leave joint configuration as soon as entering it is applied (thesis §4.3). */
  maybeAutoLeaveJoint(): void {
    const config = this.tracker.config;
    if (this.role !== "leader" || !isJoint(config.voters) || !config.autoLeave) return;
    if (this.pendingConfIndex > this.log.applied) return;
    const result = this.appendEntries([{ type: "confChange", data: encodeConfChange({ changes: [] }) }]);
    this.pendingConfIndex = result.index;
  }

  private isPromotable(): boolean {
    return this.isSelfVoter && this.log.unstableSnapshot() === undefined;
  }

  private hasUnappliedConfChanges(): boolean {
    if (this.log.committed <= this.log.applied) return false;
    const high = Math.min(this.log.committed, this.log.lastIndex()) + 1;
    // Bounded by the committed-but-unapplied range, which the host drains every Ready.
    const entries = this.log.slice(
      (this.log.applied + 1) as LogIndex,
      high as LogIndex,
      Number.MAX_SAFE_INTEGER as Bytes,
    );
    return entries?.some((entry) => entry.type === "confChange") ?? false;
  }

  // ---------------------------------------------------------------- output

  /**
   * Every call site builds its message whole (group, sender and term included): a field added to an
   * object literal after it is made goes to a separate property store, one more allocation per message.
   */
  private send(message: Message): void {
    this.messages[this.messageCount++] = message;
  }

  describe(): string {
    const lines = [
      `node ${this.id}: ${this.role} term=${this.term} vote=${this.vote} leader=${this.leader} elapsed=${this.electionElapsed}/${this.role === "leader" ? this.config.electionTicks : this.randomizedElectionTimeout}`,
      `  ${this.log.describe()}`,
      `  config: ${describeTrackerConfig(this.tracker.config)}`,
    ];
    if (this.role === "leader") {
      for (const [id, progress] of this.tracker.progress)
        lines.push(`  progress ${id}: ${progress.describe()}`);
      if (this.leadTransferee !== noNode) lines.push(`  transferring to ${this.leadTransferee}`);
      if (this.readOnly.size > 0) lines.push(`  ${this.readOnly.describe()}`);
    }
    const incoming = this.incomingSnapshot;
    if (incoming !== undefined) {
      const { term, index } = incoming.metadata;
      lines.push(
        `  receiving snapshot ${term}/${index}: ${incoming.receivedBytes}/${incoming.totalBytes} bytes`,
      );
    }
    return lines.join("\n");
  }
}

function concatenate(chunks: readonly Uint8Array[], totalBytes: number): Uint8Array {
  const result = new Uint8Array(totalBytes);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.byteLength;
  }
  assert(offset === totalBytes, () => `snapshot chunks hold ${offset} bytes, expected ${totalBytes}`);
  return result;
}
