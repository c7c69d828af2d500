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
  // Sorted descending, the quorum-th largest index is held by at least a majority of the voters. An
  // insertion sort as they come: a configuration holds a handful of voters, and leaders ask on every
  // acknowledgement, where Array.prototype.sort with a comparator costs more than the whole loop.
  const indexes: number[] = [];
  for (const id of voters) {
    const index = acknowledged(id) ?? 0;
    let position = indexes.length;
    indexes.push(index);
    for (; position > 0 && (indexes[position - 1] as number) < index; position--) {
      indexes[position] = indexes[position - 1] as number;
    }
    indexes[position] = index;
  }
  return (indexes[quorumSize(voters.size) - 1] ?? 0) as LogIndex;
}

/** The number of voters of a majority configuration of `size` voters that make a majority. */
function quorumSize(size: number): number {
  return Math.floor(size / 2) + 1;
}

/**
 * Whether `granted` of the `size` voters of a majority configuration are a majority; an empty
 * configuration agrees with anything (as majorityVoteResult says).
 */
export function isMajority(size: number, granted: number): boolean {
  return size === 0 || granted >= quorumSize(size);
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
  const quorum = quorumSize(voters.size);
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
