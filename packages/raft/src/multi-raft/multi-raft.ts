/**
 * The Multi-Raft engine: every Raft group this node hosts, driven by one tick and drained by one Ready
 * (the scheme of CockroachDB's and Redpanda's raft layers). Pure and synchronous like RaftNode: no
 * timers, clock, sockets or global randomness.
 *
 * - One Ready for all groups: each group's persistence work (for one WAL append and one fdatasync) and
 *   the messages of all groups, cut into one batch per peer (more only past the byte bound).
 * - Quiescence: a leader whose log is fully replicated, committed and applied, with nothing pending,
 *   stops ticking after telling its followers so; they stop ticking too. Any proposal, message or peer
 *   liveness change wakes the group. Idle groups then cost nothing per tick.
 * - Coalesced heartbeats: all groups' heartbeats to one peer in a cycle are one batch of compact
 *   entries; an empty batch per peer per heartbeat interval is the node-level heartbeat whose absence
 *   marks the peer's node dead, which stands in for the per-group timers of quiesced groups.
 * - Staggered elections: when a peer's node dies, the groups it led here forget it and campaign at
 *   random ticks within a window, with a bound on campaigns running at once.
 *
 * The host loop (DESIGN.md §3 rule 1, Raft thesis §3.8):
 *   const ready = engine.ready();
 *   send(ready.batches);                    // they promise nothing about this node's disk
 *   walAppend(ready.groups); if (ready.mustSync) fdatasync();   // one group commit for every group
 *   send(ready.batchesAfterPersist);        // votes and acknowledgements: only once durable
 *   apply(ready.groups' committedEntries and readStates);
 *   engine.advance();
 */
import {
  AssertionError,
  assert,
  type GroupId,
  HelixError,
  type LogIndex,
  type NodeId,
  type Rng,
} from "@helixlog/core";
import { appendTo, emptyList } from "../empty-list.js";
import type { ProposalResult } from "../raft.js";
import { RaftNode, type Ready } from "../raft-node.js";
import type { Storage } from "../storage.js";
import type { ConfChange, Entry, Message, SoftState } from "../types.js";
import { DirtyGroups } from "./dirty-groups.js";
import {
  forgetDeadLeader,
  type GroupStatus,
  groupMembers,
  groupStatus,
  isQuiescentFollower,
  isQuiescentLeader,
} from "./group-status.js";
import {
  type CoalescedHeartbeat,
  coalesceHeartbeat,
  coalesceHeartbeatResponse,
  expandHeartbeat,
  expandHeartbeatResponse,
  type MultiRaftBatch,
} from "./multi-raft-batch.js";
import { MultiRaftConfig, type MultiRaftOptions } from "./multi-raft-config.js";
import { CycleOutboxes, cutBatches, type PeerOutbox } from "./peer-outbox.js";

/**
 * One group's share of a combined Ready: what to persist and apply (its messages are in the batches).
 * It is the group's own RaftNode Ready, handed on without a copy.
 */
export type GroupReady = Omit<Ready, "messages" | "messagesAfterPersist">;

export interface MultiRaftReady {
  /** Groups with work, to persist in one WAL append (hard state, entries, snapshot) and then apply. */
  readonly groups: readonly GroupReady[];
  /** Batches that may be sent before the append is durable; at most one per peer unless over the byte bound. */
  readonly batches: readonly MultiRaftBatch[];
  /**
   * Batches that must wait until the append is durable: a group's votes and acknowledgements when that
   * group has something to persist in this Ready (thesis §3.8). A group with nothing to persist sends
   * them at once, since everything they depend on was made durable before the last advance().
   */
  readonly batchesAfterPersist: readonly MultiRaftBatch[];
  /** Whether the append needs an fdatasync. */
  readonly mustSync: boolean;
}

/** Counters a host exports as metrics and tests use to see what the engine did. */
export interface MultiRaftMetrics {
  messagesDropped: number;
  messagesForUnknownGroups: number;
  quiesceEvents: number;
  wakeEvents: number;
  campaignsStaggered: number;
  campaignsStarted: number;
  peerDeaths: number;
  batchesSent: number;
}

type GroupState = "awake" | "quiesced" | "awaitingCampaign";

interface GroupRecord {
  readonly id: GroupId;
  readonly node: RaftNode;
  /** The other nodes in the group's configuration; each holds a reference on its PeerState. */
  peers: NodeId[];
  /** Only awake groups are ticked. Awaiting a staggered campaign, a group is not ticked either. */
  state: GroupState;
  /** Reads (`from:context`) this node has been asked for and not yet answered; a group waits for them. */
  readonly pendingReads: Set<string>;
  /** The group refused its leader's quiesce heartbeat: the next heartbeat response asks it to wake. */
  wakeLeader: boolean;
  destroyed: boolean;
  /** Marked in `dirty` (see DirtyGroups). */
  dirty: boolean;
}

interface PeerState {
  readonly id: NodeId;
  /** Groups this node shares with the peer; the peer is forgotten when it reaches zero. */
  groups: number;
  lastHeardTick: number;
  /**
   * The last tick whose interval a batch to the peer covered. A batch with group traffic covers the tick
   * it is sent in; a node-level heartbeat is sent at the start of a tick on behalf of the tick before,
   * which had no traffic. So a busy link carries no extra batch and an idle one exactly one per interval.
   */
  lastCoveredTick: number;
  live: boolean;
  /** The node-level heartbeat to the peer: an empty batch, the same one every time (it is plain data). */
  readonly nodeHeartbeat: MultiRaftBatch;
  /** Quiesce heartbeats decided on the last tick for the peer, sent with the next Ready (see quiescePeers). */
  quiesceHeartbeats: CoalescedHeartbeat[] | undefined;
}

/** Up to this many peers, MultiRaft finds a peer's state by a scan rather than a Map lookup. */
const peerScanMax = 8;

export class MultiRaft {
  readonly config: MultiRaftConfig;
  readonly metrics: MultiRaftMetrics = {
    messagesDropped: 0,
    messagesForUnknownGroups: 0,
    quiesceEvents: 0,
    wakeEvents: 0,
    campaignsStaggered: 0,
    campaignsStarted: 0,
    peerDeaths: 0,
    batchesSent: 0,
  };
  private readonly rng: Rng;
  private readonly groups = new Map<GroupId, GroupRecord>();
  /** Groups ticked on every tick. */
  private readonly awake = new Set<GroupRecord>();
  /** Groups that may have a Ready: touched since the last ready() or handed out in it. */
  private readonly dirty = new DirtyGroups<GroupRecord>();
  /** Groups in a pre-vote or election right now, bounded for staggered campaigns. */
  private readonly campaigning = new Set<GroupRecord>();
  /** Staggered campaigns by the tick they are due; `overdue` holds those the concurrency bound deferred. */
  private readonly campaignsDue = new Map<number, GroupRecord[]>();
  private overdueCampaigns: GroupRecord[] = [];
  private readonly peers = new Map<NodeId, PeerState>();
  /**
   * The same peers as `peers`, in the same (insertion) order, for the passes over all of them: hosts
   * ask ticksUntilDue() after every input, and walking an array is much cheaper than a Map iterator.
   */
  private readonly peerList: PeerState[] = [];
  /** Where ready() collects each cycle's messages per peer (one instance for every cycle). */
  private readonly outboxes: CycleOutboxes;
  /**
   * Peers given quiesce heartbeats on the last tick (each holds its list), in the order first given
   * one, which is the order of their outboxes in the next Ready. Rather than a Map from peer to list:
   * clearing a Map allocates a new table, once per quiescing tick.
   */
  private readonly quiescePeers: PeerState[] = [];
  /** isPeerLive as one function for the whole engine's life (quiescence asks it on every tick). */
  private readonly isLive = (peer: NodeId): boolean => this.isPeerLive(peer);
  private tickCount = 0;
  /**
   * No peer is due a node-level heartbeat before this tick: a lower bound of the earliest
   * lastCoveredTick + nodeHeartbeatTicks + 1 over all peers, made exact by isNodeHeartbeatDue once the
   * tick count reaches it. Covering a peer or forgetting one only moves the true value later, so the
   * bound holds without a pass over the peers per cycle (hosts ask hasReady() on every input); a peer
   * first met lowers it.
   */
  private nodeHeartbeatDueTick = Number.POSITIVE_INFINITY;
  /**
   * ticksUntilDue()'s last answer, kept until anything changes (undefined: none kept). Hosts ask after
   * every input and again before the next one (skipIdleTicks checks its count with it, a tick event
   * asks whether it is idle) with nothing in between, so the pass over the groups and peers is made
   * once. Every method that can change the engine or a group forgets it, and so does raftNode(), whose
   * caller may step the node; queries (hasReady, status, ...) change nothing the answer depends on.
   */
  private keptTicksUntilDue: number | undefined = undefined;
  /**
   * The groups' part of the kept answer (groupsDue: 1 when a group has work on the next tick), kept
   * longer: a batch without group traffic (a node-level heartbeat, a third of all batches) touches no
   * group, so the next answer redoes only the pass over the peers. Forgotten with keptTicksUntilDue
   * by everything else (forgetTicksUntilDue), and when a batch revives its sender (leaders wake).
   */
  private keptGroupsDue: number | undefined = undefined;
  /** The Ready handed out and not yet advanced. */
  private pendingReady: MultiRaftReady | undefined = undefined;
  /**
   * The records of pendingReady's groups, in the same order, so advance() finds each without a Map
   * lookup; one array reused for every Ready (advance empties the slots).
   */
  private readonly readyRecords: (GroupRecord | undefined)[] = [];
  /** Whether a group collected by the Ready being built must sync (set by collectGroups). */
  private collectedMustSync = false;

  constructor(options: MultiRaftOptions | MultiRaftConfig) {
    this.config = options instanceof MultiRaftConfig ? options : new MultiRaftConfig(options);
    this.config.validate();
    this.rng = this.config.rng.split();
    this.outboxes = new CycleOutboxes(this.config.peerPendingMessagesMax);
  }

  get nodeId(): NodeId {
    return this.config.nodeId;
  }

  // ---------------------------------------------------------------- groups

  /**
   * Starts hosting a group whose durable state is `storage` (a new member's bootstrapped storage, or
   * what the WAL recovered). Throws ALREADY_EXISTS, or RESOURCE_EXHAUSTED past groupsMax.
   */
  createGroup(group: GroupId, storage: Storage, appliedIndex?: LogIndex): void {
    this.forgetTicksUntilDue();
    if (this.groups.has(group)) throw new HelixError("ALREADY_EXISTS", `group ${group} already exists`);
    if (this.groups.size >= this.config.groupsMax) {
      throw new HelixError(
        "RESOURCE_EXHAUSTED",
        `node ${this.nodeId} hosts ${this.groups.size} groups, the most it may (groupsMax)`,
      );
    }
    const node = new RaftNode(
      {
        ...this.config.groupSettings,
        ...(appliedIndex === undefined ? {} : { appliedIndex }),
        id: this.nodeId,
        group,
        rng: this.rng.split(),
      },
      storage,
    );
    const record: GroupRecord = {
      id: group,
      node,
      peers: [],
      state: "awake",
      pendingReads: new Set(),
      wakeLeader: false,
      destroyed: false,
      dirty: false,
    };
    this.groups.set(group, record);
    this.setPeers(record, this.peersOf(node));
    this.awake.add(record);
    this.dirty.add(record);
  }

  /** Stops hosting a group; its storage is the host's to delete. Not while a Ready is outstanding. */
  destroyGroup(group: GroupId): void {
    this.forgetTicksUntilDue();
    assert(this.pendingReady === undefined, "destroyGroup() between ready() and advance()");
    const record = this.requireGroup(group);
    record.destroyed = true;
    this.setPeers(record, []);
    this.groups.delete(group);
    this.awake.delete(record);
    this.dirty.delete(record);
    this.campaigning.delete(record);
  }

  hasGroup(group: GroupId): boolean {
    return this.groups.has(group);
  }

  groupCount(): number {
    return this.groups.size;
  }

  /** Groups ticked on every tick (the rest are quiesced or wait for a staggered campaign). */
  awakeGroupCount(): number {
    return this.awake.size;
  }

  status(group: GroupId): GroupStatus & { readonly quiesced: boolean } {
    const record = this.requireGroup(group);
    return { ...groupStatus(record.node), quiesced: record.state === "quiesced" };
  }

  /**
   * The RaftNode of a group, for a host that reads its log (entries and terms of what it holds) and for
   * tests that patch a node on purpose (the simulator's mutation checks). Stepping it directly bypasses
   * the engine's quiescence bookkeeping: use the engine's inputs for that.
   */
  raftNode(group: GroupId): RaftNode {
    this.forgetTicksUntilDue();
    return this.requireGroup(group).node;
  }

  isPeerLive(peer: NodeId): boolean {
    return peer === this.nodeId || (this.peerState(peer)?.live ?? false);
  }

  describe(group: GroupId): string {
    const record = this.requireGroup(group);
    return `group ${group} (${record.state}) ${record.node.describe()}`;
  }

  private requireGroup(group: GroupId): GroupRecord {
    const record = this.groups.get(group);
    if (record === undefined)
      throw new HelixError("UNKNOWN_GROUP", `node ${this.nodeId} hosts no group ${group}`);
    return record;
  }

  /**
   * The state of a peer, by a scan while there are few: the lookups on every batch received and sent
   * and every liveness question (isQuiescentLeader asks per member) cost less than hashing the id.
   */
  private peerState(peer: NodeId): PeerState | undefined {
    const list = this.peerList;
    if (list.length > peerScanMax) return this.peers.get(peer);
    for (let i = 0; i < list.length; i++) {
      const state = list[i] as PeerState;
      if (state.id === peer) return state;
    }
    return undefined;
  }

  private peersOf(node: RaftNode): NodeId[] {
    return groupMembers(node).filter((id) => id !== this.nodeId);
  }

  private setPeers(record: GroupRecord, peers: NodeId[]): void {
    for (const peer of peers) {
      const state = this.peers.get(peer);
      if (state !== undefined) {
        state.groups++;
        continue;
      }
      // A peer first met is presumed alive for one timeout, like a group's leader after a restart, and
      // is due a node-level heartbeat at once.
      const added: PeerState = {
        id: peer,
        groups: 1,
        lastHeardTick: this.tickCount,
        lastCoveredTick: Number.NEGATIVE_INFINITY,
        live: true,
        nodeHeartbeat: nodeHeartbeat(this.nodeId, peer),
        quiesceHeartbeats: undefined,
      };
      this.peers.set(peer, added);
      this.peerList.push(added);
      this.nodeHeartbeatDueTick = Number.NEGATIVE_INFINITY;
    }
    for (const peer of record.peers) {
      const state = this.peers.get(peer);
      assert(state !== undefined && state.groups > 0, () => `peer ${peer} of group ${record.id} is tracked`);
      state.groups--;
      if (state.groups === 0) {
        this.peers.delete(peer);
        this.peerList.splice(this.peerList.indexOf(state), 1);
      }
    }
    record.peers = peers;
  }

  // ---------------------------------------------------------------- inputs

  /** Advances logical time by one tick: liveness, due campaigns, then every awake group. */
  tick(): void {
    this.forgetTicksUntilDue();
    this.tickCount++;
    this.checkPeerLiveness();
    this.startDueCampaigns();
    for (const record of this.awake) {
      if (this.maybeQuiesce(record)) continue;
      record.node.tick();
      this.dirty.add(record);
    }
  }

  /**
   * How many ticks from now until one may do more than count: 1 means the next tick must run; n > 1
   * means the next n - 1 ticks would only advance the tick count, so a host may pass them with
   * skipIdleTicks(n - 1) and run the n-th. Infinity when no tick can do anything (no groups, no peers).
   *
   * A tick does work when an awake group reaches a timeout of its own (RaftNode.ticksUntilDue: a
   * heartbeat or check-quorum round to lead, an election to follow) or quiesces, a deferred campaign
   * retries, a staggered campaign falls due, a live peer's node exceeds its timeout (presumed dead), or
   * a node-level heartbeat to a peer falls due (hasReady turns true). Any input (receive, propose,
   * campaign, readIndex, transferLeadership, advance, group changes) can move that tick closer, so
   * the answer holds only until the next input: ask again after each one. (Asked again with nothing
   * changed, it answers from keptTicksUntilDue.)
   */
  ticksUntilDue(): number {
    this.keptTicksUntilDue ??= this.computeTicksUntilDue();
    return this.keptTicksUntilDue;
  }

  private forgetTicksUntilDue(): void {
    this.keptTicksUntilDue = undefined;
    this.keptGroupsDue = undefined;
  }

  private computeTicksUntilDue(): number {
    this.keptGroupsDue ??= this.computeGroupsDue();
    const groupsDue = this.keptGroupsDue;
    if (groupsDue <= 1) return 1;
    // The first tick count at which a node-level heartbeat is due, or a live peer is presumed dead.
    // The pass over the peers makes nodeHeartbeatDueTick exact on the way (it is only a lower bound).
    let earliestCovered = Number.POSITIVE_INFINITY;
    let earliestHeard = Number.POSITIVE_INFINITY;
    const peers = this.peerList;
    for (let i = 0; i < peers.length; i++) {
      const state = peers[i] as PeerState;
      if (state.lastCoveredTick < earliestCovered) earliestCovered = state.lastCoveredTick;
      if (state.live && state.lastHeardTick < earliestHeard) earliestHeard = state.lastHeardTick;
    }
    let due = earliestHeard + this.config.peerTimeoutTicks + 1;
    this.nodeHeartbeatDueTick = this.nodeHeartbeatDueAfter(earliestCovered);
    due = Math.min(due, this.nodeHeartbeatDueTick, this.tickCount + groupsDue);
    if (this.campaignsDue.size > 0) for (const tick of this.campaignsDue.keys()) due = Math.min(due, tick);
    return Math.max(1, due - this.tickCount);
  }

  /** Ticks from now until an awake group's own timeout (1: a group has work on the next tick). */
  private computeGroupsDue(): number {
    // Deferred campaigns wait for a campaign to end, which only a Ready shows: tick while any wait.
    if (this.overdueCampaigns.length > 0) return 1;
    let groupsDue = Number.POSITIVE_INFINITY;
    const quiescence = this.config.quiescence;
    for (const record of this.awake) {
      // The group's own timeout first: it is the cheaper question, and either answer of 1 ends the pass.
      const groupDue = record.node.ticksUntilDue();
      if (groupDue <= 1) return 1;
      if (groupDue < groupsDue) groupsDue = groupDue;
      // A leader that may quiesce does so on the next tick.
      if (quiescence && record.pendingReads.size === 0 && isQuiescentLeader(record.node, this.isLive))
        return 1;
    }
    return groupsDue;
  }

  /**
   * Passes `count` idle ticks at once: exactly what `count` calls to tick() would do when
   * `count < ticksUntilDue()`: advance the tick counts (the engine's and each awake group's) and mark
   * the awake groups as possibly having a Ready, as a tick does (they have none: hasReady() clears
   * them, so a host treats this like the ticks, processing after it). Throws when one of them would
   * do work: the caller must run that tick with tick().
   */
  skipIdleTicks(count: number): void {
    if (count === 0) return;
    const due = this.ticksUntilDue();
    // Checked without a message closure: hosts call this on most inputs.
    if (!(Number.isSafeInteger(count) && count > 0 && count < due)) {
      throw new AssertionError(
        `node ${this.nodeId} cannot skip ${count} ticks: tick ${due} from now has work`,
      );
    }
    this.forgetTicksUntilDue();
    this.tickCount += count;
    for (const record of this.awake) {
      record.node.skipIdleTicks(count);
      this.dirty.add(record);
    }
  }

  /** Proposes `data` to a group this node leads (RaftNode.propose errors, or UNKNOWN_GROUP). */
  propose(group: GroupId, data: Uint8Array): ProposalResult {
    this.forgetTicksUntilDue();
    const record = this.requireGroup(group);
    const result = record.node.propose(data);
    this.wake(record);
    return result;
  }

  proposeConfChange(group: GroupId, change: ConfChange): ProposalResult {
    this.forgetTicksUntilDue();
    const record = this.requireGroup(group);
    const result = record.node.proposeConfChange(change);
    this.wake(record);
    return result;
  }

  transferLeadership(group: GroupId, to: NodeId): void {
    this.forgetTicksUntilDue();
    const record = this.requireGroup(group);
    record.node.transferLeadership(to);
    this.wake(record);
  }

  /** Asks for a linearizable read point; a leader wakes to confirm its leadership with heartbeats. */
  readIndex(group: GroupId, context: string): void {
    this.forgetTicksUntilDue();
    const record = this.requireGroup(group);
    record.node.readIndex(context);
    record.pendingReads.add(`${this.nodeId}:${context}`);
    if (record.node.softState().role === "leader") this.wake(record);
    else this.dirty.add(record);
  }

  /** Starts an election in a group now (used to place leaders, and by tests). */
  campaign(group: GroupId): void {
    this.forgetTicksUntilDue();
    const record = this.requireGroup(group);
    this.startCampaign(record);
  }

  /**
   * Delivers one batch from a peer. Any batch proves the peer's node alive. Messages for groups this
   * node does not host (yet, or any more) are counted and dropped, as Raft tolerates lost messages.
   */
  receive(batch: MultiRaftBatch): void {
    if (batch.to !== this.nodeId) {
      throw new HelixError("INVALID_ARGUMENT", `batch for node ${batch.to} delivered to node ${this.nodeId}`);
    }
    // Without group traffic only the sender's liveness moves: the groups' part of the answer stands.
    if (batch.messages.length > 0 || batch.heartbeats.length > 0 || batch.heartbeatResponses.length > 0)
      this.forgetTicksUntilDue();
    else this.keptTicksUntilDue = undefined;
    this.heardFrom(batch.from);
    for (const message of batch.messages) this.onMessage(batch, message);
    for (const heartbeat of batch.heartbeats) this.onHeartbeat(batch, heartbeat);
    for (const response of batch.heartbeatResponses) {
      const record = this.groups.get(response.group);
      if (record === undefined) {
        this.metrics.messagesForUnknownGroups++;
        continue;
      }
      // A response alone does not wake a group: it answers our own (quiesce) heartbeat.
      if (response.wake) this.wake(record);
      this.stepGroup(record, expandHeartbeatResponse(batch, response));
    }
  }

  private onMessage(batch: MultiRaftBatch, message: Message): void {
    const record = this.groups.get(message.group);
    if (record === undefined) {
      this.metrics.messagesForUnknownGroups++;
      return;
    }
    if (message.from !== batch.from || message.to !== this.nodeId) {
      this.metrics.messagesDropped++;
      return;
    }
    if (message.type === "readIndex") record.pendingReads.add(`${message.from}:${message.context}`);
    if (record.state === "quiesced") this.wake(record);
    this.stepGroup(record, message);
    if (record.state === "awaitingCampaign") this.maybeCancelCampaign(record);
  }

  private onHeartbeat(batch: MultiRaftBatch, heartbeat: CoalescedHeartbeat): void {
    const record = this.groups.get(heartbeat.group);
    if (record === undefined) {
      this.metrics.messagesForUnknownGroups++;
      return;
    }
    this.stepGroup(record, expandHeartbeat(batch, heartbeat));
    if (record.state === "awaitingCampaign") {
      this.maybeCancelCampaign(record);
      return;
    }
    if (!heartbeat.quiesce) {
      this.wake(record);
      return;
    }
    const node = record.node;
    if (isQuiescentFollower(node, batch.from, heartbeat.term, heartbeat.lastIndex, heartbeat.lastTerm)) {
      this.quiesce(record);
    } else {
      record.wakeLeader = true;
      this.wake(record);
    }
  }

  private stepGroup(record: GroupRecord, message: Message): void {
    try {
      record.node.step(message);
    } catch (error) {
      // A bounded queue in the group refused the message (too many reads): it is as good as lost.
      if (!HelixError.isInstance(error)) throw error;
      this.metrics.messagesDropped++;
    }
    this.dirty.add(record);
  }

  // ---------------------------------------------------------------- quiescence

  private maybeQuiesce(record: GroupRecord): boolean {
    if (!this.config.quiescence || record.pendingReads.size > 0) return false;
    if (!isQuiescentLeader(record.node, this.isLive)) return false;
    const status = groupStatus(record.node);
    for (const peer of record.peers) {
      // Every peer of a group is tracked (setPeers); isPeerLive(peer) without a second lookup.
      const state = this.peerState(peer);
      if (state === undefined || !state.live) continue;
      if (state.quiesceHeartbeats === undefined) this.quiescePeers.push(state);
      state.quiesceHeartbeats = appendTo(state.quiesceHeartbeats, {
        group: record.id,
        term: status.term,
        commit: status.committed,
        context: "",
        // No tick is acknowledged: a quiesce heartbeat never extends a lease (leases are refused anyway).
        sentAtTick: 0,
        quiesce: true,
        lastIndex: status.lastIndex,
        lastTerm: status.lastTerm,
      });
    }
    this.quiesce(record);
    return true;
  }

  private quiesce(record: GroupRecord): void {
    if (record.state !== "awake") return;
    record.state = "quiesced";
    this.awake.delete(record);
    this.metrics.quiesceEvents++;
  }

  private wake(record: GroupRecord): void {
    this.dirty.add(record);
    if (record.state !== "quiesced") return;
    record.state = "awake";
    this.awake.add(record);
    this.metrics.wakeEvents++;
  }

  // ---------------------------------------------------------------- node liveness and campaigns

  private heardFrom(peer: NodeId): void {
    const state = this.peerState(peer);
    if (state === undefined) return;
    state.lastHeardTick = this.tickCount;
    if (state.live) return;
    // Leaders sharing groups with it wake, and quiescence asks about its liveness.
    this.forgetTicksUntilDue();
    state.live = true;
    this.onPeerRevived(peer);
  }

  private checkPeerLiveness(): void {
    // Made for the first death only: most ticks find none. (Values, not entries: no pair per peer.)
    let died: NodeId[] | undefined;
    for (const state of this.peerList) {
      if (!state.live || this.tickCount - state.lastHeardTick <= this.config.peerTimeoutTicks) continue;
      state.live = false;
      died ??= [];
      died.push(state.id);
    }
    if (died === undefined) return;
    // All deaths are recorded before any is acted on, so campaigners are chosen among the truly live.
    for (const peer of died) {
      this.metrics.peerDeaths++;
      this.onPeerDied(peer);
    }
  }

  /**
   * A peer's node stopped answering. Leaders here wake so check-quorum runs (and they quiesce again if
   * the live members are still a quorum). Groups it led forget it; one live voter per group, chosen by
   * group id so that every node picks the same one and new leaders spread evenly, schedules a staggered
   * campaign, and the others wake to campaign on their own election timeout only if it fails (two
   * followers campaigning in the same tick split the vote). Groups led by a third node are left alone:
   * their leader still heartbeats them if it needs to.
   */
  private onPeerDied(peer: NodeId): void {
    for (const record of this.groups.values()) {
      if (!record.peers.includes(peer)) continue;
      const status = groupStatus(record.node);
      if (status.role === "leader") {
        this.wake(record);
      } else if (status.leader === peer) {
        forgetDeadLeader(record.node, this.config.electionTicks);
        if (this.isDesignatedCampaigner(record)) this.scheduleCampaign(record);
        else this.wake(record);
      }
    }
  }

  private isDesignatedCampaigner(record: GroupRecord): boolean {
    // The incoming voters straight from the tracker: confState() would sort four id lists into a new
    // object, for every group on every peer death. The same ids, filtered and sorted the same way.
    const liveVoters: NodeId[] = [];
    for (const id of record.node.raft.tracker.config.voters.incoming)
      if (this.isPeerLive(id)) liveVoters.push(id);
    liveVoters.sort((left, right) => left - right);
    if (liveVoters.length === 0) return false;
    return liveVoters[record.id % liveVoters.length] === this.nodeId;
  }

  /** A peer's node is back: leaders sharing groups with it wake to bring it up to date. */
  private onPeerRevived(peer: NodeId): void {
    for (const record of this.groups.values()) {
      if (record.peers.includes(peer) && record.node.softState().role === "leader") this.wake(record);
    }
  }

  private scheduleCampaign(record: GroupRecord): void {
    if (record.state === "awaitingCampaign") return;
    this.awake.delete(record);
    record.state = "awaitingCampaign";
    const due = this.tickCount + this.rng.integer(0, this.config.campaignStaggerTicks);
    let list = this.campaignsDue.get(due);
    if (list === undefined) {
      list = [];
      this.campaignsDue.set(due, list);
    }
    list.push(record);
    this.dirty.add(record);
    this.metrics.campaignsStaggered++;
  }

  /** Starts the campaigns due by now, as many as the concurrency bound allows; the rest wait a tick. */
  private startDueCampaigns(): void {
    if (this.campaignsDue.size === 0 && this.overdueCampaigns.length === 0) return;
    const due = this.campaignsDue.get(this.tickCount) ?? [];
    this.campaignsDue.delete(this.tickCount);
    const candidates = this.overdueCampaigns.length === 0 ? due : [...this.overdueCampaigns, ...due];
    const deferred: GroupRecord[] = [];
    for (const record of candidates) {
      if (record.destroyed || record.state !== "awaitingCampaign") continue;
      if (this.campaigning.size >= this.config.campaignsConcurrentMax) deferred.push(record);
      else this.startCampaign(record);
    }
    this.overdueCampaigns = deferred;
  }

  private startCampaign(record: GroupRecord): void {
    record.state = "awake";
    this.awake.add(record);
    record.node.campaign();
    this.dirty.add(record);
    this.metrics.campaignsStarted++;
    this.trackCampaign(record, record.node.softState().role);
  }

  /** A group waiting to campaign that heard from a new leader follows it instead. */
  private maybeCancelCampaign(record: GroupRecord): void {
    const leader = record.node.softState().leader;
    if (leader === 0 || !this.isPeerLive(leader)) return;
    record.state = "awake";
    this.awake.add(record);
  }

  private trackCampaign(record: GroupRecord, role: SoftState["role"]): void {
    if (role === "preCandidate" || role === "candidate") this.campaigning.add(record);
    else this.campaigning.delete(record);
  }

  // ---------------------------------------------------------------- ready and advance

  hasReady(): boolean {
    return this.quiescePeers.length > 0 || this.isNodeHeartbeatDue() || this.dirty.clearUntilReady();
  }

  /** Whether some peer is due a node-level heartbeat; looks at the peers only once the bound is reached. */
  private isNodeHeartbeatDue(): boolean {
    if (this.tickCount < this.nodeHeartbeatDueTick) return false;
    // An indexed pass with a comparison (no Math.min call per peer), as in computeTicksUntilDue.
    let earliestCovered = Number.POSITIVE_INFINITY;
    const peers = this.peerList;
    for (let i = 0; i < peers.length; i++) {
      const covered = (peers[i] as PeerState).lastCoveredTick;
      if (covered < earliestCovered) earliestCovered = covered;
    }
    this.nodeHeartbeatDueTick = this.nodeHeartbeatDueAfter(earliestCovered);
    return this.tickCount >= this.nodeHeartbeatDueTick;
  }

  private isNodeHeartbeatDueTo(state: PeerState): boolean {
    return this.tickCount - state.lastCoveredTick > this.config.nodeHeartbeatTicks;
  }

  /** The first tick at which a peer last covered at `coveredTick` is due (see isNodeHeartbeatDueTo). */
  private nodeHeartbeatDueAfter(coveredTick: number): number {
    return coveredTick + this.config.nodeHeartbeatTicks + 1;
  }

  /** Collects every group's Ready and this cycle's batches. Call advance() before the next ready(). */
  ready(): MultiRaftReady {
    this.forgetTicksUntilDue();
    assert(this.pendingReady === undefined, "advance() must acknowledge a Ready before the next ready()");
    const withReady = this.dirty.keepReady();
    const outboxes = this.outboxes;
    outboxes.start();
    const quiescePeers = this.quiescePeers;
    if (quiescePeers.length > 0) {
      for (const state of quiescePeers) {
        const box = outboxes.immediateOutbox(state.id);
        for (const heartbeat of state.quiesceHeartbeats ?? emptyList) box.addHeartbeat(heartbeat);
        state.quiesceHeartbeats = undefined;
      }
      // Emptied by pop (inlined) rather than `length = 0` (a builtin call): it holds a peer or two.
      while (quiescePeers.length > 0) quiescePeers.pop();
    }
    // A node-level heartbeat round (no group has work) shares the empty list.
    this.collectedMustSync = false;
    const groups = withReady === 0 ? emptyList : this.collectGroups(withReady, outboxes);
    const mustSync = this.collectedMustSync;
    // After-persist batches first: a peer they go to needs no node-level heartbeat in this cycle.
    const batchesAfterPersist = this.cutAll(outboxes, true) ?? emptyList;
    let batches = this.cutAll(outboxes, false);
    // Once the bound is reached, one pass sends what is due (maybe nothing) and makes the bound exact.
    if (this.tickCount >= this.nodeHeartbeatDueTick) batches = this.addNodeHeartbeats(batches);
    const sent = batches ?? emptyList;
    this.metrics.batchesSent += sent.length + batchesAfterPersist.length;
    this.pendingReady = { groups, batches: sent, batchesAfterPersist, mustSync };
    return this.pendingReady;
  }

  /**
   * The Ready of the first `count` dirty groups (keepReady), their messages put in the outboxes; sets
   * collectedMustSync when one of them must sync (no second pass over the groups for it).
   */
  private collectGroups(count: number, outboxes: CycleOutboxes): readonly GroupReady[] {
    let groups: GroupReady[] | undefined;
    for (let i = 0; i < count; i++) {
      const record = this.dirty.at(i);
      const ready = record.node.ready();
      groups = appendTo(groups, ready);
      if (ready.mustSync) this.collectedMustSync = true;
      this.readyRecords[i] = record;
      this.onGroupReady(record, ready);
      if (ready.messages.length === 0 && ready.messagesAfterPersist.length === 0) continue;
      const persists =
        ready.hardState !== undefined || ready.entries.length > 0 || ready.snapshot !== undefined;
      for (const message of ready.messages) this.route(record, message, outboxes.outboxFor(message, false));
      for (const message of ready.messagesAfterPersist)
        this.route(record, message, outboxes.outboxFor(message, persists));
    }
    return groups ?? emptyList;
  }

  /** Keeps the engine's view of a group (campaigns, pending reads) in step with its Ready. */
  private onGroupReady(record: GroupRecord, ready: Ready): void {
    if (ready.softState !== undefined) {
      this.trackCampaign(record, ready.softState.role);
      // Raft drops unanswered reads when the role changes; so do we, or the group would never idle.
      record.pendingReads.clear();
    }
    for (const read of ready.readStates) record.pendingReads.delete(`${this.nodeId}:${read.context}`);
  }

  /** Puts a message in its peer's outbox; without one (over the peer's bound) it is dropped. */
  private route(record: GroupRecord, message: Message, box: PeerOutbox | undefined): void {
    if (message.type === "readIndexResponse") record.pendingReads.delete(`${message.to}:${message.context}`);
    if (box === undefined) {
      this.metrics.messagesDropped++;
      return;
    }
    if (message.type === "heartbeat") {
      box.addHeartbeat(coalesceHeartbeat(message));
    } else if (message.type === "heartbeatResponse") {
      box.addHeartbeatResponse(coalesceHeartbeatResponse(message, record.wakeLeader));
      record.wakeLeader = false;
    } else {
      box.addMessage(message);
    }
  }

  /**
   * Cuts one phase's outboxes into batches (undefined: the phase has none); each peer they go to is
   * covered for this tick.
   */
  private cutAll(outboxes: CycleOutboxes, afterPersist: boolean): MultiRaftBatch[] | undefined {
    const count = afterPersist ? outboxes.afterPersistSize : outboxes.immediateSize;
    let batches: MultiRaftBatch[] | undefined;
    for (let i = 0; i < count; i++) {
      const box = afterPersist ? outboxes.afterPersistAt(i) : outboxes.immediateAt(i);
      const state = this.peerState(box.to);
      if (state !== undefined) state.lastCoveredTick = this.tickCount;
      batches = cutBatches(this.nodeId, box, this.config.batchSizeBytes, batches);
    }
    return batches;
  }

  /**
   * Adds an empty batch, the node-level heartbeat, for every peer that got nothing for an interval
   * (to `batches`, made if undefined and one is due), and sets when the next one falls due (exactly:
   * one pass over the peers for both).
   */
  private addNodeHeartbeats(batches: MultiRaftBatch[] | undefined): MultiRaftBatch[] | undefined {
    let earliestCovered = Number.POSITIVE_INFINITY;
    let list = batches;
    for (const state of this.peerList) {
      if (this.isNodeHeartbeatDueTo(state)) {
        state.lastCoveredTick = this.tickCount - 1;
        list = appendTo(list, state.nodeHeartbeat);
      }
      earliestCovered = Math.min(earliestCovered, state.lastCoveredTick);
    }
    this.nodeHeartbeatDueTick = this.nodeHeartbeatDueAfter(earliestCovered);
    return list;
  }

  /**
   * Acknowledges the last Ready: its append is durable and its committed entries applied. Groups whose
   * configuration may have changed refresh their peers.
   */
  advance(): void {
    this.forgetTicksUntilDue();
    const pending = this.pendingReady;
    assert(pending !== undefined, "advance() without a Ready to acknowledge");
    this.pendingReady = undefined;
    const records = this.readyRecords;
    const groups = pending.groups;
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as GroupReady;
      // No group is destroyed between ready() and advance() (destroyGroup refuses).
      const record = records[i] as GroupRecord;
      assert(record.id === group.group, "advance() acknowledges the groups of the last Ready");
      records[i] = undefined;
      record.node.advance();
      if (group.snapshot !== undefined || hasConfChange(group.committedEntries))
        this.setPeers(record, this.peersOf(record.node));
      this.dirty.add(record);
    }
  }
}

/** An empty batch: proof that `from`'s node is alive, sent to peers that got nothing for an interval. */
function nodeHeartbeat(from: NodeId, to: NodeId): MultiRaftBatch {
  return { from, to, messages: emptyList, heartbeats: emptyList, heartbeatResponses: emptyList };
}

function hasConfChange(entries: readonly Entry[]): boolean {
  for (const entry of entries) if (entry.type === "confChange") return true;
  return false;
}
