/**
 * The few facts about one group's Raft state the engine decides on (is it idle, who leads, whom to
 * wake), read in this one place. RaftNode exposes the state machine as its `raft` field; these reads
 * stay here so that if RaftNode grows read-only accessors (a `status()` like etcd's), only this file
 * changes.
 */
import type { LogIndex, NodeId, Term } from "@helixlog/core";
import { jointVoteResult } from "../quorum.js";
import type { RaftNode } from "../raft-node.js";
import { noNode, type StateRole } from "../types.js";

export interface GroupStatus {
  readonly role: StateRole;
  readonly term: Term;
  readonly leader: NodeId;
  readonly lastIndex: LogIndex;
  readonly lastTerm: Term;
  readonly committed: LogIndex;
  readonly applied: LogIndex;
}

export function groupStatus(node: RaftNode): GroupStatus {
  const raft = node.raft;
  return {
    role: raft.role,
    term: raft.term,
    leader: raft.leader,
    lastIndex: raft.log.lastIndex(),
    lastTerm: raft.log.lastTerm(),
    committed: raft.log.committed,
    applied: raft.log.applied,
  };
}

/** Every member of the group's current configuration (voters of both halves and learners). */
export function groupMembers(node: RaftNode): NodeId[] {
  const confState = node.confState();
  return [
    ...new Set([
      ...confState.voters,
      ...confState.votersOutgoing,
      ...confState.learners,
      ...confState.learnersNext,
    ]),
  ];
}

/**
 * Whether a leader may stop ticking (CockroachDB's quiescence): its whole log is committed, applied and
 * durable, every member on a live node holds all of it, no transfer or read waits on heartbeats, and
 * the live voters are a quorum (otherwise check-quorum must keep running to depose it).
 */
export function isQuiescentLeader(node: RaftNode, isLive: (id: NodeId) => boolean): boolean {
  const raft = node.raft;
  if (raft.role !== "leader" || raft.leadTransferee !== noNode) return false;
  const log = raft.log;
  const lastIndex = log.lastIndex();
  if (log.committed !== lastIndex || log.applied !== lastIndex || log.hasUnstableEntries()) return false;
  if (raft.tracker.config.voters.outgoing.size > 0 || node.hasReady()) return false;
  const live = new Map<NodeId, boolean>();
  for (const [id, progress] of raft.tracker.progress) {
    const memberLive = id === raft.id || isLive(id);
    if (memberLive && id !== raft.id && progress.match !== lastIndex) return false;
    if (raft.tracker.isVoter(id)) live.set(id, memberLive);
  }
  return jointVoteResult(raft.tracker.config.voters, live) === "won";
}

/**
 * Whether a follower may stop ticking on its leader's quiesce heartbeat: it follows that leader in that
 * term and its log ends exactly where the leader's does, all of it committed.
 */
export function isQuiescentFollower(
  node: RaftNode,
  leader: NodeId,
  term: Term,
  lastIndex: LogIndex,
  lastTerm: Term,
): boolean {
  const raft = node.raft;
  const log = raft.log;
  return (
    raft.role === "follower" &&
    raft.leader === leader &&
    raft.term === term &&
    log.lastIndex() === lastIndex &&
    log.lastTerm() === lastTerm &&
    log.committed === lastIndex
  );
}

/**
 * A follower forgets a leader whose node is dead, so it grants (pre-)votes at once instead of honouring
 * a lease the dead leader can no longer use (etcd's RawNode.ForgetLeader, added for CockroachDB for
 * exactly this). Its term and vote are unchanged, so election safety is untouched.
 */
export function forgetLeader(node: RaftNode): void {
  const raft = node.raft;
  if (raft.role !== "follower" || raft.leader === noNode) return;
  raft.becomeFollower(raft.term, noNode);
}
