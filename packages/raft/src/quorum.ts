/**
 * Quorum arithmetic (Raft §5.2-5.4 and thesis §4.3): which index a configuration has committed and
 * whether an election is won. A joint configuration needs a majority of both halves for everything;
 * an empty half (the outgoing half outside a joint change) agrees with anything.
 */
import type { LogIndex, NodeId } from "@helixlog/core";

export type VoteResult = "pending" | "lost" | "won";

/** A set of voters deciding by majority. */
export type MajorityConfig = ReadonlySet<NodeId>;

/** Incoming and outgoing voter sets; outgoing is empty unless a joint change is under way. */
export interface JointConfig {
  readonly incoming: MajorityConfig;
  readonly outgoing: MajorityConfig;
}

/** The committed index of an empty configuration: it never holds anything back. */
const unboundedIndex = Number.MAX_SAFE_INTEGER as LogIndex;

/**
 * The largest index acknowledged by a majority of `voters`. `acknowledged` returns a voter's match
 * index, or undefined when nothing is known about it (counted as 0).
 */
export function majorityCommittedIndex(
  voters: MajorityConfig,
  acknowledged: (id: NodeId) => LogIndex | undefined,
): LogIndex {
  if (voters.size === 0) return unboundedIndex;
  const indexes: number[] = [];
  for (const id of voters) indexes.push(acknowledged(id) ?? 0);
  // Sorted descending, the quorum-th largest index is held by at least a majority of the voters.
  indexes.sort((left, right) => right - left);
  const quorum = Math.floor(voters.size / 2) + 1;
  return (indexes[quorum - 1] ?? 0) as LogIndex;
}

/** Won when a majority granted, lost when a majority can no longer grant, pending otherwise. */
export function majorityVoteResult(voters: MajorityConfig, votes: ReadonlyMap<NodeId, boolean>): VoteResult {
  if (voters.size === 0) return "won";
  let granted = 0;
  let missing = 0;
  for (const id of voters) {
    const vote = votes.get(id);
    if (vote === undefined) missing++;
    else if (vote) granted++;
  }
  const quorum = Math.floor(voters.size / 2) + 1;
  if (granted >= quorum) return "won";
  if (granted + missing >= quorum) return "pending";
  return "lost";
}

export function jointCommittedIndex(
  config: JointConfig,
  acknowledged: (id: NodeId) => LogIndex | undefined,
): LogIndex {
  const incoming = majorityCommittedIndex(config.incoming, acknowledged);
  const outgoing = majorityCommittedIndex(config.outgoing, acknowledged);
  return Math.min(incoming, outgoing) as LogIndex;
}

export function jointVoteResult(config: JointConfig, votes: ReadonlyMap<NodeId, boolean>): VoteResult {
  const incoming = majorityVoteResult(config.incoming, votes);
  const outgoing = majorityVoteResult(config.outgoing, votes);
  if (incoming === outgoing) return incoming;
  if (incoming === "lost" || outgoing === "lost") return "lost";
  // One half won and the other is still pending.
  return "pending";
}

/** Every voter of either half, each once, in ascending order (a stable order for fan-out). */
export function jointVoterIds(config: JointConfig): NodeId[] {
  const ids = new Set<NodeId>([...config.incoming, ...config.outgoing]);
  return [...ids].sort((left, right) => left - right);
}

export function isJoint(config: JointConfig): boolean {
  return config.outgoing.size > 0;
}

export function describeJointConfig(config: JointConfig): string {
  const incoming = `(${[...config.incoming].sort((a, b) => a - b).join(" ")})`;
  if (!isJoint(config)) return incoming;
  return `${incoming}&&(${[...config.outgoing].sort((a, b) => a - b).join(" ")})`;
}
