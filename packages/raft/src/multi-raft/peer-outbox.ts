/**
 * What one Ready cycle sends one peer, collected before it is cut into batches: full messages in order,
 * and heartbeats and responses coalesced into per-group entries. The number of items is bounded per peer
 * and cycle (limits.peerPendingMessagesMax); the rest are dropped and counted, as a full transport queue
 * would drop them, and Raft retransmits what matters.
 */
import { assert, limits, type NodeId } from "@helixlog/core";
import type { Message } from "../types.js";
import {
  type CoalescedHeartbeat,
  type CoalescedHeartbeatResponse,
  emptyBatchSizeBytes,
  heartbeatSizeBytes,
  type MultiRaftBatch,
  messageSizeBytes,
} from "./multi-raft-batch.js";

export class PeerOutbox {
  readonly messages: Message[] = [];
  readonly heartbeats: CoalescedHeartbeat[] = [];
  readonly heartbeatResponses: CoalescedHeartbeatResponse[] = [];

  constructor(readonly to: NodeId) {}

  get itemCount(): number {
    return this.messages.length + this.heartbeats.length + this.heartbeatResponses.length;
  }
}

/** A peer's share of one Ready cycle; reused from cycle to cycle. */
interface PeerCycle {
  /** The cycle the fields below belong to: in any other, the peer has no outbox and nothing counted. */
  cycle: number;
  counted: number;
  immediate: PeerOutbox | undefined;
  afterPersist: PeerOutbox | undefined;
}

/**
 * The outboxes of the Ready cycle being collected: for each phase (sent at once, sent once persisted)
 * one PeerOutbox per peer, in the order the peer was first given something in that phase (its batches
 * go out in that order), and the messages counted per peer across both phases against `countedMax`
 * (limits.peerPendingMessagesMax). One instance serves every cycle of an engine: a cycle number says
 * which per-peer state is current, so a cycle allocates no table of its own.
 */
export class CycleOutboxes {
  private cycle = 0;
  /** Peers given something in recent cycles; pruned in start() to at most twice the recent ones. */
  private readonly peers = new Map<NodeId, PeerCycle>();
  private pruneAboveSize = 16;
  private immediateBoxes: PeerOutbox[] = [];
  private afterPersistBoxes: PeerOutbox[] = [];

  constructor(private readonly countedMax: number) {}

  /** Starts a cycle: what earlier cycles collected is forgotten (their outboxes were cut and sent). */
  start(): void {
    this.cycle++;
    if (this.immediateBoxes.length > 0) this.immediateBoxes = [];
    if (this.afterPersistBoxes.length > 0) this.afterPersistBoxes = [];
    if (this.peers.size <= this.pruneAboveSize) return;
    for (const [peer, state] of this.peers) if (state.cycle < this.cycle - 1) this.peers.delete(peer);
    this.pruneAboveSize = Math.max(16, 2 * this.peers.size);
  }

  /** This cycle's outboxes sent at once, in the order their peers were first given something. */
  get immediate(): readonly PeerOutbox[] {
    return this.immediateBoxes;
  }

  /** This cycle's outboxes sent once the cycle is persisted, in that order too. */
  get afterPersist(): readonly PeerOutbox[] {
    return this.afterPersistBoxes;
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
    return afterPersist
      ? this.afterPersistOutbox(peer, message.to)
      : this.immediateOutboxOf(peer, message.to);
  }

  /** A peer's outbox of the immediate phase, for heartbeats the engine coalesced itself. */
  immediateOutbox(to: NodeId): PeerOutbox {
    return this.immediateOutboxOf(this.peerCycle(to), to);
  }

  private peerCycle(to: NodeId): PeerCycle {
    let peer = this.peers.get(to);
    if (peer === undefined) {
      peer = { cycle: this.cycle, counted: 0, immediate: undefined, afterPersist: undefined };
      this.peers.set(to, peer);
    } else if (peer.cycle !== this.cycle) {
      peer.cycle = this.cycle;
      peer.counted = 0;
      peer.immediate = undefined;
      peer.afterPersist = undefined;
    }
    return peer;
  }

  private immediateOutboxOf(peer: PeerCycle, to: NodeId): PeerOutbox {
    if (peer.immediate === undefined) {
      peer.immediate = new PeerOutbox(to);
      this.immediateBoxes.push(peer.immediate);
    }
    return peer.immediate;
  }

  private afterPersistOutbox(peer: PeerCycle, to: NodeId): PeerOutbox {
    if (peer.afterPersist === undefined) {
      peer.afterPersist = new PeerOutbox(to);
      this.afterPersistBoxes.push(peer.afterPersist);
    }
    return peer.afterPersist;
  }
}

/**
 * Cuts a peer's outbox into batches of at most `batchSizeBytes` estimated bytes each (one batch unless
 * it is larger), appended to `batches`; a single item larger than that travels alone. An empty outbox
 * makes one empty batch, which is the node-level heartbeat.
 */
export function cutBatches(
  from: NodeId,
  outbox: PeerOutbox,
  batchSizeBytes: number,
  batches: MultiRaftBatch[],
): void {
  const to = outbox.to;
  // The common case, everything in one batch, reuses the outbox's arrays (a Ready's outboxes are fresh
  // and never touched again). Hosts cut a batch per peer per cycle, so this path allocates nothing else.
  const itemLimit = limits.batchSizeBytesMax - emptyBatchSizeBytes();
  let totalBytes = emptyBatchSizeBytes();
  for (const message of outbox.messages) totalBytes += checkedSize(messageSizeBytes(message), itemLimit);
  for (const heartbeat of outbox.heartbeats)
    totalBytes += checkedSize(heartbeatSizeBytes(heartbeat), itemLimit);
  for (const response of outbox.heartbeatResponses)
    totalBytes += checkedSize(heartbeatSizeBytes(response), itemLimit);
  if (totalBytes <= batchSizeBytes || outbox.itemCount <= 1) {
    batches.push({
      from,
      to,
      messages: outbox.messages,
      heartbeats: outbox.heartbeats,
      heartbeatResponses: outbox.heartbeatResponses,
    });
    return;
  }
  const firstBatch = batches.length;
  let messages: Message[] = [];
  let heartbeats: CoalescedHeartbeat[] = [];
  let responses: CoalescedHeartbeatResponse[] = [];
  let currentBytes = emptyBatchSizeBytes();
  let currentItems = 0;
  const flush = (): void => {
    batches.push({ from, to, messages, heartbeats, heartbeatResponses: responses });
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
  if (currentItems > 0 || batches.length === firstBatch) flush();
}

function checkedSize(sizeBytes: number, itemLimit: number): number {
  assert(sizeBytes <= itemLimit, "every message fits one batch");
  return sizeBytes;
}
