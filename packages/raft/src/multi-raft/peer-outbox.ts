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

  get itemCount(): number {
    return this.messages.length + this.heartbeats.length + this.heartbeatResponses.length;
  }
}

/**
 * Cuts a peer's outbox into batches of at most `batchSizeBytes` estimated bytes each (one batch unless
 * it is larger); a single item larger than that travels alone. An empty outbox makes one empty batch,
 * which is the node-level heartbeat.
 */
export function cutBatches(
  from: NodeId,
  to: NodeId,
  outbox: PeerOutbox,
  batchSizeBytes: number,
): MultiRaftBatch[] {
  const batches: MultiRaftBatch[] = [];
  let current = {
    messages: [] as Message[],
    heartbeats: [] as CoalescedHeartbeat[],
    responses: [] as CoalescedHeartbeatResponse[],
  };
  let currentBytes = emptyBatchSizeBytes();
  let currentItems = 0;
  const flush = (): void => {
    batches.push({
      from,
      to,
      messages: current.messages,
      heartbeats: current.heartbeats,
      heartbeatResponses: current.responses,
    });
    current = { messages: [], heartbeats: [], responses: [] };
    currentBytes = emptyBatchSizeBytes();
    currentItems = 0;
  };
  const add = (sizeBytes: number, push: () => void): void => {
    assert(sizeBytes <= limits.batchSizeBytesMax - emptyBatchSizeBytes(), "every message fits one batch");
    if (currentItems > 0 && currentBytes + sizeBytes > batchSizeBytes) flush();
    push();
    currentBytes += sizeBytes;
    currentItems++;
  };
  for (const message of outbox.messages) add(messageSizeBytes(message), () => current.messages.push(message));
  for (const heartbeat of outbox.heartbeats)
    add(heartbeatSizeBytes(heartbeat), () => current.heartbeats.push(heartbeat));
  for (const response of outbox.heartbeatResponses)
    add(heartbeatSizeBytes(response), () => current.responses.push(response));
  if (currentItems > 0 || batches.length === 0) flush();
  return batches;
}
