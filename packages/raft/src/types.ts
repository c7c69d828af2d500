/**
 * The data that crosses the boundary between the Raft state machine and its host: log entries, hard
 * state, snapshots, configurations and messages. Everything is plain data (no classes) so a host can
 * encode it for its WAL and its transport however it likes.
 */
import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";

/** A node id of 0 means "nobody" (no vote cast, no leader known). Real node ids start at 1. */
export const noNode = 0 as NodeId;

export type EntryType = "normal" | "confChange";

export interface Entry {
  readonly term: Term;
  readonly index: LogIndex;
  readonly type: EntryType;
  /** For normal entries, the application's payload; for conf changes, encodeConfChange(change). */
  readonly data: Uint8Array;
}

/** What a node must make durable before it sends anything that depends on it (Raft §5, figure 2). */
export interface HardState {
  readonly term: Term;
  /** The candidate this node voted for in `term`, or noNode. */
  readonly vote: NodeId;
  readonly commit: LogIndex;
}

/** A cluster configuration as stored in snapshots. */
export interface ConfState {
  readonly voters: readonly NodeId[];
  /** The voters of the outgoing half of a joint configuration; empty when not joint. */
  readonly votersOutgoing: readonly NodeId[];
  readonly learners: readonly NodeId[];
  /** Outgoing voters that become learners when the joint configuration is left. */
  readonly learnersNext: readonly NodeId[];
  /** Whether the leader leaves the joint configuration on its own once it is applied. */
  readonly autoLeave: boolean;
}

export interface SnapshotMetadata {
  readonly index: LogIndex;
  readonly term: Term;
  readonly confState: ConfState;
}

export interface Snapshot {
  readonly metadata: SnapshotMetadata;
  /** The application's state machine as of `metadata.index`, opaque to Raft. */
  readonly data: Uint8Array;
}

export type ConfChangeType = "addVoter" | "addLearner" | "removeNode";

export interface ConfChangeSingle {
  readonly type: ConfChangeType;
  readonly nodeId: NodeId;
}

/**
 * A membership change. One change to at most one voter is applied directly (a "simple" change);
 * anything else goes through a joint configuration (Raft thesis §4.3). An empty list of changes on a
 * joint configuration leaves it. With transition "auto" (the default) the leader leaves the joint
 * configuration on its own as soon as it is applied; with "explicit" the host proposes the empty change.
 */
export interface ConfChange {
  readonly changes: readonly ConfChangeSingle[];
  readonly transition?: "auto" | "explicit";
}

export type StateRole = "follower" | "preCandidate" | "candidate" | "leader";

/** State that need not be persisted but that the host wants to observe (who leads, in which role). */
export interface SoftState {
  readonly leader: NodeId;
  readonly role: StateRole;
}

/** A linearizable read may be served once the state machine has applied `index`. */
export interface ReadState {
  readonly index: LogIndex;
  readonly context: string;
}

interface MessageBase {
  readonly group: GroupId;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly term: Term;
}

/** Leader to follower: entries after (prevIndex, prevTerm), and the leader's commit index (§5.3). */
export interface AppendEntriesMessage extends MessageBase {
  readonly type: "appendEntries";
  readonly prevIndex: LogIndex;
  readonly prevTerm: Term;
  readonly entries: readonly Entry[];
  readonly commit: LogIndex;
}

/**
 * Follower to leader. On success `index` is the last index known to match the leader's log: prevIndex
 * plus the entries of the message, never the follower's last index (which may hold a stale suffix).
 * On rejection, `index` is the rejected prevIndex and (hintIndex, hintTerm) is the follower's last
 * entry at or below it whose term is at most the leader's prevTerm, for fast back-off.
 */
export interface AppendResponseMessage extends MessageBase {
  readonly type: "appendResponse";
  readonly index: LogIndex;
  readonly reject: boolean;
  readonly hintIndex: LogIndex;
  readonly hintTerm: Term;
}

export interface VoteRequestMessage extends MessageBase {
  readonly type: "requestVote" | "requestPreVote";
  readonly lastIndex: LogIndex;
  readonly lastTerm: Term;
  /** Set by a leadership transfer target: voters ignore their leader lease (thesis §3.10). */
  readonly transfer: boolean;
}

export interface VoteResponseMessage extends MessageBase {
  readonly type: "voteResponse" | "preVoteResponse";
  readonly reject: boolean;
}

/** Keeps followers from campaigning and carries the commit index and read-index contexts. */
export interface HeartbeatMessage extends MessageBase {
  readonly type: "heartbeat";
  readonly commit: LogIndex;
  /** The read-index context this heartbeat confirms leadership for, or "". */
  readonly context: string;
  /** The leader's tick count when it sent this, echoed back to extend its lease. */
  readonly sentAtTick: number;
}

export interface HeartbeatResponseMessage extends MessageBase {
  readonly type: "heartbeatResponse";
  readonly context: string;
  readonly sentAtTick: number;
}

/** One chunk of a snapshot (Raft §7, figure 13). Chunks of one snapshot share its metadata. */
export interface InstallSnapshotMessage extends MessageBase {
  readonly type: "installSnapshot";
  readonly metadata: SnapshotMetadata;
  readonly totalBytes: number;
  /** Byte offset of `data` within the snapshot's data. */
  readonly offset: number;
  readonly data: Uint8Array;
}

/** The follower has `nextOffset` contiguous bytes of the snapshot at `snapshotIndex` buffered. */
export interface SnapshotResponseMessage extends MessageBase {
  readonly type: "snapshotResponse";
  readonly snapshotIndex: LogIndex;
  readonly nextOffset: number;
  readonly reject: boolean;
}

/** Leader to transfer target: campaign now, without waiting for an election timeout (thesis §3.10). */
export interface TimeoutNowMessage extends MessageBase {
  readonly type: "timeoutNow";
}

/** Follower to leader: a read-index request on behalf of the follower's client. */
export interface ReadIndexMessage extends MessageBase {
  readonly type: "readIndex";
  readonly context: string;
}

export interface ReadIndexResponseMessage extends MessageBase {
  readonly type: "readIndexResponse";
  readonly context: string;
  readonly index: LogIndex;
}

export type Message =
  | AppendEntriesMessage
  | AppendResponseMessage
  | VoteRequestMessage
  | VoteResponseMessage
  | HeartbeatMessage
  | HeartbeatResponseMessage
  | InstallSnapshotMessage
  | SnapshotResponseMessage
  | TimeoutNowMessage
  | ReadIndexMessage
  | ReadIndexResponseMessage;

export type MessageType = Message["type"];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A message as a role handler writes it: the sender fills in group, from and (usually) term. */
export type OutgoingMessage = DistributiveOmit<Message, "group" | "from" | "term"> & { readonly term?: Term };

export const emptyConfState: ConfState = {
  voters: [],
  votersOutgoing: [],
  learners: [],
  learnersNext: [],
  autoLeave: false,
};
