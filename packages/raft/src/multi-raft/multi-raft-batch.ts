/**
 * What one node sends another in one frame: every Raft message of every group it shares with that peer
 * in one Ready cycle, with heartbeats and heartbeat responses coalesced into compact per-group entries
 * (the sender and receiver are the batch's, not repeated per group). An empty batch is the node-level
 * heartbeat: receiving any batch proves the sender's node is alive, which drives quiescence.
 *
 * Everything is plain data so a host can encode it for its transport however it likes.
 */
import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import { limits } from "@helixlog/core";
import { entrySizeBytes } from "../entries.js";
import type { HeartbeatMessage, HeartbeatResponseMessage, Message } from "../types.js";

/** One group's heartbeat inside a batch (a Raft heartbeat without its sender and receiver). */
export interface CoalescedHeartbeat {
  readonly group: GroupId;
  readonly term: Term;
  readonly commit: LogIndex;
  readonly context: string;
  readonly sentAtTick: number;
  /**
   * Set when the leader quiesces the group: the receiver stops ticking it if its log ends exactly at
   * (lastIndex, lastTerm), all of it committed. Otherwise it stays awake and asks the leader to wake.
   */
  readonly quiesce: boolean;
  readonly lastIndex: LogIndex;
  readonly lastTerm: Term;
}

/** One group's heartbeat response inside a batch. */
export interface CoalescedHeartbeatResponse {
  readonly group: GroupId;
  readonly term: Term;
  readonly context: string;
  readonly sentAtTick: number;
  /** The follower refused to quiesce: the leader must wake the group and keep heartbeating. */
  readonly wake: boolean;
}

export interface MultiRaftBatch {
  readonly from: NodeId;
  readonly to: NodeId;
  /** Every message other than heartbeats and their responses, each carrying its group, in order. */
  readonly messages: readonly Message[];
  readonly heartbeats: readonly CoalescedHeartbeat[];
  readonly heartbeatResponses: readonly CoalescedHeartbeatResponse[];
}

/** Estimated encoded bytes of fixed fields: ids, terms, indexes and a type tag. */
const messageHeaderBytes = 48;
const heartbeatEntryBytes = 40;
const batchHeaderBytes = 16;

/** The bytes a message is estimated to take in a frame; used to bound batches, never for encoding. */
export function messageSizeBytes(message: Message): number {
  switch (message.type) {
    case "appendEntries": {
      let total = messageHeaderBytes;
      for (const entry of message.entries) total += entrySizeBytes(entry);
      return total;
    }
    case "installSnapshot":
      return messageHeaderBytes + message.data.byteLength + 64 * message.metadata.confState.voters.length;
    case "readIndex":
    case "readIndexResponse":
      return messageHeaderBytes + message.context.length;
    default:
      return messageHeaderBytes;
  }
}

export function heartbeatSizeBytes(heartbeat: CoalescedHeartbeat | CoalescedHeartbeatResponse): number {
  return heartbeatEntryBytes + heartbeat.context.length;
}

export function emptyBatchSizeBytes(): number {
  return batchHeaderBytes;
}

/** The estimated bytes of a whole batch; never above limits.batchSizeBytesMax for batches we build. */
export function batchSizeBytes(batch: MultiRaftBatch): number {
  let total = batchHeaderBytes;
  for (const message of batch.messages) total += messageSizeBytes(message);
  for (const heartbeat of batch.heartbeats) total += heartbeatSizeBytes(heartbeat);
  for (const response of batch.heartbeatResponses) total += heartbeatSizeBytes(response);
  return total;
}

/** Items a batch carries, counted against limits.peerPendingMessagesMax. */
export function batchItemCount(batch: MultiRaftBatch): number {
  return batch.messages.length + batch.heartbeats.length + batch.heartbeatResponses.length;
}

export function coalesceHeartbeat(message: HeartbeatMessage): CoalescedHeartbeat {
  return {
    group: message.group,
    term: message.term,
    commit: message.commit,
    context: message.context,
    sentAtTick: message.sentAtTick,
    quiesce: false,
    lastIndex: 0 as LogIndex,
    lastTerm: 0 as Term,
  };
}

export function coalesceHeartbeatResponse(
  message: HeartbeatResponseMessage,
  wake: boolean,
): CoalescedHeartbeatResponse {
  return {
    group: message.group,
    term: message.term,
    context: message.context,
    sentAtTick: message.sentAtTick,
    wake,
  };
}

/** Unpacks a coalesced heartbeat into the Raft message its group steps. */
export function expandHeartbeat(batch: MultiRaftBatch, heartbeat: CoalescedHeartbeat): HeartbeatMessage {
  return {
    type: "heartbeat",
    group: heartbeat.group,
    from: batch.from,
    to: batch.to,
    term: heartbeat.term,
    commit: heartbeat.commit,
    context: heartbeat.context,
    sentAtTick: heartbeat.sentAtTick,
  };
}

export function expandHeartbeatResponse(
  batch: MultiRaftBatch,
  response: CoalescedHeartbeatResponse,
): HeartbeatResponseMessage {
  return {
    type: "heartbeatResponse",
    group: response.group,
    from: batch.from,
    to: batch.to,
    term: response.term,
    context: response.context,
    sentAtTick: response.sentAtTick,
  };
}

/** Checked at load: the largest message we estimate must fit one batch (see limits.batchSizeBytesMax). */
export const largestMessageSizeBytes =
  messageHeaderBytes +
  limits.appendMessageSizeBytesMax +
  limits.proposalSizeBytesMax +
  limits.appendMessageEntriesMax * limits.entryOverheadBytes;
