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

/**
 * The outboxes of one Ready cycle: for each phase (sent at once, sent once persisted) one PeerOutbox
 * per peer, in the order the peer was first given something in that phase (its batches go out in that
 * order), and the messages counted per peer across both phases against `countedMax`
 * (limits.peerPendingMessagesMax).
 */
export class CycleOutboxes {
  readonly immediate = new Map<NodeId, PeerOutbox>();
  readonly afterPersist = new Map<NodeId, PeerOutbox>();
  private readonly counted = new Map<NodeId, number>();

  constructor(private readonly countedMax: number) {}

  /**
   * The outbox of `message`'s peer in one phase, or undefined when the message is one too many for
   * that peer in this cycle (the caller drops and counts it). Heartbeats and their responses are not
   * counted: there is one per group and tick (plus one per read), and dropping them would only make
   * followers campaign. The bound is for appends, votes and snapshots.
   */
  outboxFor(message: Message, afterPersist: boolean): PeerOutbox | undefined {
    const to = message.to;
    if (message.type !== "heartbeat" && message.type !== "heartbeatResponse") {
      const count = this.counted.get(to) ?? 0;
      if (count >= this.countedMax) return undefined;
      this.counted.set(to, count + 1);
    }
    return this.outboxOf(afterPersist ? this.afterPersist : this.immediate, to);
  }

  /** A peer's outbox of the immediate phase, for heartbeats the engine coalesced itself. */
  immediateOutbox(to: NodeId): PeerOutbox {
    return this.outboxOf(this.immediate, to);
  }

  private outboxOf(boxes: Map<NodeId, PeerOutbox>, to: NodeId): PeerOutbox {
    let box = boxes.get(to);
    if (box === undefined) {
      box = new PeerOutbox(to);
      boxes.set(to, box);
    }
    return box;
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
