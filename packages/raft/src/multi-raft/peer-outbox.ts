/**
 * What one Ready cycle sends one peer, collected before it is cut into batches: full messages in order,
 * and heartbeats and responses coalesced into per-group entries. The number of items is bounded per peer
 * and cycle (limits.peerPendingMessagesMax); the rest are dropped and counted, as a full transport queue
 * would drop them, and Raft retransmits what matters.
 */
import { assert, limits, type NodeId } from "@helixlog/core";
import { appendTo, emptyList } from "../empty-list.js";
import type { Message } from "../types.js";
import {
  type CoalescedHeartbeat,
  type CoalescedHeartbeatResponse,
  emptyBatchSizeBytes,
  heartbeatSizeBytes,
  type MultiRaftBatch,
  messageSizeBytes,
} from "./multi-raft-batch.js";

/**
 * What one peer gets in one phase of a Ready cycle. Its lists are made on the first item (most cycles
 * give a peer one kind of item, often just one) and handed on as the batch's lists when it is cut; an
 * outbox is then cleared and reused for the peer's next cycle, its old lists left to that batch.
 */
export class PeerOutbox {
  private messageList: Message[] | undefined = undefined;
  private heartbeatList: CoalescedHeartbeat[] | undefined = undefined;
  private responseList: CoalescedHeartbeatResponse[] | undefined = undefined;

  constructor(readonly to: NodeId) {}

  get messages(): readonly Message[] {
    return this.messageList ?? emptyList;
  }

  get heartbeats(): readonly CoalescedHeartbeat[] {
    return this.heartbeatList ?? emptyList;
  }

  get heartbeatResponses(): readonly CoalescedHeartbeatResponse[] {
    return this.responseList ?? emptyList;
  }

  get itemCount(): number {
    return this.messages.length + this.heartbeats.length + this.heartbeatResponses.length;
  }

  addMessage(message: Message): void {
    this.messageList = appendTo(this.messageList, message);
  }

  addHeartbeat(heartbeat: CoalescedHeartbeat): void {
    this.heartbeatList = appendTo(this.heartbeatList, heartbeat);
  }

  addHeartbeatResponse(response: CoalescedHeartbeatResponse): void {
    this.responseList = appendTo(this.responseList, response);
  }

  /** Forgets the items (the lists stay with the batches cut from them). */
  clear(): void {
    this.messageList = undefined;
    this.heartbeatList = undefined;
    this.responseList = undefined;
  }
}

/** Up to this many peers, CycleOutboxes finds a peer's state by a scan rather than a Map lookup. */
const peerScanMax = 8;

/** A peer's share of the Ready cycles; its outboxes are reused from cycle to cycle. */
interface PeerCycle {
  readonly to: NodeId;
  /** The cycle the fields below belong to: in any other, the peer has no outbox and nothing counted. */
  cycle: number;
  counted: number;
  /** Whether the outboxes are in this cycle's lists (and hold this cycle's items). */
  immediateUsed: boolean;
  afterPersistUsed: boolean;
  readonly immediate: PeerOutbox;
  readonly afterPersist: PeerOutbox;
}

/**
 * The outboxes of the Ready cycle being collected: for each phase (sent at once, sent once persisted)
 * one PeerOutbox per peer, in the order the peer was first given something in that phase (its batches
 * go out in that order), and the messages counted per peer across both phases against `countedMax`
 * (limits.peerPendingMessagesMax). One instance serves every cycle of an engine: a cycle number says
 * which per-peer state is current, and the lists of a phase's outboxes are reused (the first
 * `immediateCount` / `afterPersistCount` slots are this cycle's), so a cycle allocates no table, list
 * or outbox of its own: only the item lists its outboxes hand on to batches.
 */
export class CycleOutboxes {
  private cycle = 0;
  /** Peers given something in recent cycles; pruned in start() to at most twice the recent ones. */
  private readonly peers = new Map<NodeId, PeerCycle>();
  /**
   * The same peers in the same order, found by a scan while there are at most peerScanMax of them:
   * every message routed in a cycle looks its peer up, and a scan of a few costs less than hashing.
   */
  private readonly peerList: PeerCycle[] = [];
  private pruneAboveSize = 16;
  private readonly immediateBoxes: PeerOutbox[] = [];
  private readonly afterPersistBoxes: PeerOutbox[] = [];
  /** How many outboxes each phase has in this cycle. */
  private immediateCount = 0;
  private afterPersistCount = 0;

  constructor(private readonly countedMax: number) {}

  /** Starts a cycle: what earlier cycles collected is forgotten (their outboxes were cut and sent). */
  start(): void {
    this.cycle++;
    this.immediateCount = 0;
    this.afterPersistCount = 0;
    if (this.peers.size <= this.pruneAboveSize) return;
    for (const [peer, state] of this.peers) if (state.cycle < this.cycle - 1) this.peers.delete(peer);
    this.peerList.length = 0;
    for (const state of this.peers.values()) this.peerList.push(state);
    this.pruneAboveSize = Math.max(16, 2 * this.peers.size);
  }

  /** How many peers this cycle sends something at once; their outboxes are immediateAt(0 .. n - 1). */
  get immediateSize(): number {
    return this.immediateCount;
  }

  /** How many peers this cycle sends something once persisted (afterPersistAt(0 .. n - 1)). */
  get afterPersistSize(): number {
    return this.afterPersistCount;
  }

  /** This cycle's outboxes sent at once, in the order their peers were first given something. */
  immediateAt(index: number): PeerOutbox {
    assert(index < this.immediateCount, "an outbox of this cycle");
    return this.immediateBoxes[index] as PeerOutbox;
  }

  /** This cycle's outboxes sent once the cycle is persisted, in that order too. */
  afterPersistAt(index: number): PeerOutbox {
    assert(index < this.afterPersistCount, "an outbox of this cycle");
    return this.afterPersistBoxes[index] as PeerOutbox;
  }

  /**
   * The outbox of `message`'s peer in one phase, or undefined when the message is one too many for
   * that peer in this cycle (the caller drops and counts it). Heartbeats and their responses are not
   * counted: there is one per group and tick (plus one per read), and dropping them would only make
   * followers campaign. The bound is for appends, votes and snapshots.
   */
  outboxFor(message: Message, afterPersist: boolean): PeerOutbox | undefined {
    const peer = this.peerCycle(message.to);
    if (message.type !== "heartbeat" && message.type !== "heartbeatResponse") {
      if (peer.counted >= this.countedMax) return undefined;
      peer.counted++;
    }
    return afterPersist ? this.afterPersistOutbox(peer) : this.immediateOutboxOf(peer);
  }

  /** A peer's outbox of the immediate phase, for heartbeats the engine coalesced itself. */
  immediateOutbox(to: NodeId): PeerOutbox {
    return this.immediateOutboxOf(this.peerCycle(to));
  }

  private peerCycle(to: NodeId): PeerCycle {
    let peer = this.findPeer(to);
    if (peer === undefined) {
      peer = {
        to,
        cycle: this.cycle,
        counted: 0,
        immediateUsed: false,
        afterPersistUsed: false,
        immediate: new PeerOutbox(to),
        afterPersist: new PeerOutbox(to),
      };
      this.peers.set(to, peer);
      this.peerList.push(peer);
    } else if (peer.cycle !== this.cycle) {
      peer.cycle = this.cycle;
      peer.counted = 0;
      peer.immediateUsed = false;
      peer.afterPersistUsed = false;
    }
    return peer;
  }

  private findPeer(to: NodeId): PeerCycle | undefined {
    const list = this.peerList;
    if (list.length > peerScanMax) return this.peers.get(to);
    for (let i = 0; i < list.length; i++) {
      const peer = list[i] as PeerCycle;
      if (peer.to === to) return peer;
    }
    return undefined;
  }

  private immediateOutboxOf(peer: PeerCycle): PeerOutbox {
    if (!peer.immediateUsed) {
      peer.immediateUsed = true;
      peer.immediate.clear();
      this.immediateBoxes[this.immediateCount++] = peer.immediate;
    }
    return peer.immediate;
  }

  private afterPersistOutbox(peer: PeerCycle): PeerOutbox {
    if (!peer.afterPersistUsed) {
      peer.afterPersistUsed = true;
      peer.afterPersist.clear();
      this.afterPersistBoxes[this.afterPersistCount++] = peer.afterPersist;
    }
    return peer.afterPersist;
  }
}

/**
 * Cuts a peer's outbox into batches of at most `batchSizeBytes` estimated bytes each (one batch unless
 * it is larger), appended to `batches` (made when undefined), which it returns; a single item larger
 * than that travels alone. An empty outbox makes one empty batch, which is the node-level heartbeat.
 */
export function cutBatches(
  from: NodeId,
  outbox: PeerOutbox,
  batchSizeBytes: number,
  batches: MultiRaftBatch[] | undefined,
): MultiRaftBatch[] {
  const to = outbox.to;
  // The common case, everything in one batch, hands on the outbox's lists (the outbox forgets them
  // when next used). Hosts cut a batch per peer per cycle, so this path allocates nothing else.
  const itemLimit = limits.batchSizeBytesMax - emptyBatchSizeBytes();
  let totalBytes = emptyBatchSizeBytes();
  for (const message of outbox.messages) totalBytes += checkedSize(messageSizeBytes(message), itemLimit);
  for (const heartbeat of outbox.heartbeats)
    totalBytes += checkedSize(heartbeatSizeBytes(heartbeat), itemLimit);
  for (const response of outbox.heartbeatResponses)
    totalBytes += checkedSize(heartbeatSizeBytes(response), itemLimit);
  if (totalBytes <= batchSizeBytes || outbox.itemCount <= 1) {
    return appendTo(batches, {
      from,
      to,
      messages: outbox.messages,
      heartbeats: outbox.heartbeats,
      heartbeatResponses: outbox.heartbeatResponses,
    });
  }
  const list = batches ?? [];
  const firstBatch = list.length;
  let messages: Message[] = [];
  let heartbeats: CoalescedHeartbeat[] = [];
  let responses: CoalescedHeartbeatResponse[] = [];
  let currentBytes = emptyBatchSizeBytes();
  let currentItems = 0;
  const flush = (): void => {
    list.push({ from, to, messages, heartbeats, heartbeatResponses: responses });
    messages = [];
    heartbeats = [];
    responses = [];
    currentBytes = emptyBatchSizeBytes();
    currentItems = 0;
  };
  /** Makes room for an item of `sizeBytes`: a full batch is flushed first. */
  const room = (sizeBytes: number): void => {
    if (currentItems > 0 && currentBytes + sizeBytes > batchSizeBytes) flush();
    currentBytes += sizeBytes;
    currentItems++;
  };
  for (const message of outbox.messages) {
    room(messageSizeBytes(message));
    messages.push(message);
  }
  for (const heartbeat of outbox.heartbeats) {
    room(heartbeatSizeBytes(heartbeat));
    heartbeats.push(heartbeat);
  }
  for (const response of outbox.heartbeatResponses) {
    room(heartbeatSizeBytes(response));
    responses.push(response);
  }
  if (currentItems > 0 || list.length === firstBatch) flush();
  return list;
}

function checkedSize(sizeBytes: number, itemLimit: number): number {
  assert(sizeBytes <= itemLimit, "every message fits one batch");
  return sizeBytes;
}
