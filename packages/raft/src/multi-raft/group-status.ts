/**
 * The few facts about one group's Raft state the engine decides on (is it idle, who leads, whom to
 * wake), read in this one place. RaftNode exposes the state machine as its `raft` field; these reads
 * stay here so that if RaftNode grows read-only accessors (a `status()` like etcd's), only this file
 * changes.
 */
import type { LogIndex, NodeId, Term } from "@helixlog/core";
import type { Progress } from "../progress.js";
import { isMajority } from "../quorum.js";
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
  const voters = raft.tracker.config.voters;
  if (voters.outgoing.size > 0 || node.hasReady()) return false;
  // Outside a joint configuration, a live quorum is a majority of the incoming voters.
  // Over the tracker's lists rather than its Map: an entry iterator allocates a pair per member.
  let liveVoters = 0;
  const { memberIds, memberProgress } = raft.tracker;
  for (let i = 0; i < memberIds.length; i++) {
    const id = memberIds[i] as NodeId;
    const memberLive = id === raft.id || isLive(id);
    if (memberLive && id !== raft.id && (memberProgress[i] as Progress).match !== lastIndex) return false;
    if (memberLive && voters.incoming.has(id)) liveVoters++;
  }
  return isMajority(voters.incoming.size, liveVoters);
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
 * A follower whose leader's node is dead forgets that leader and catches up on the ticks it slept
 * through while quiesced. Node liveness proved no word came from the leader's node for at least an
 * election timeout, so the follower's time since leader contact (the promise of thesis §6.4.1 that makes
 * it ignore candidates) is advanced by electionTicks - 1 ticks, and the engine's next tick ends it:
 * from then on it grants (pre-)votes instead of waiting another election timeout (etcd's
 * RawNode.ForgetLeader serves CockroachDB the same way). The catch-up cannot campaign, since an election
 * timeout is at least electionTicks; the election timer then restarts from zero so the follower
 * campaigns only when its turn comes. Term and vote are unchanged, so election safety is untouched;
 * lease-based reads, which would rely on the promise, are refused with quiescence (MultiRaftConfig).
 */
export function forgetDeadLeader(node: RaftNode, electionTicks: number): void {
  const raft = node.raft;
  if (raft.role !== "follower") return;
  raft.becomeFollower(raft.term, noNode);
  for (let tick = 1; tick < electionTicks; tick++) node.tick();
  raft.becomeFollower(raft.term, noNode);
}
