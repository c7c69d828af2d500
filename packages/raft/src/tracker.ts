/**
 * The leader's (and candidate's) view of the cluster: the current configuration, each member's
 * progress, and the votes of an election in progress.
 */
import { assert, type LogIndex, type NodeId } from "@helixlog/core";
import type { Progress } from "./progress.js";
import {
  describeJointConfig,
  isJoint,
  type JointConfig,
  jointCommittedIndex,
  jointVoteResult,
  jointVoterIds,
  type VoteResult,
} from "./quorum.js";
import type { ConfState } from "./types.js";

export interface TrackerConfig {
  readonly voters: JointConfig;
  /** Non-voting members; never overlaps either half of voters. */
  readonly learners: ReadonlySet<NodeId>;
  /** Outgoing voters that turn into learners when the joint configuration is left. */
  readonly learnersNext: ReadonlySet<NodeId>;
  readonly autoLeave: boolean;
}

export function emptyTrackerConfig(): TrackerConfig {
  return {
    voters: { incoming: new Set(), outgoing: new Set() },
    learners: new Set(),
    learnersNext: new Set(),
    autoLeave: false,
  };
}

function sortedIds(ids: Iterable<NodeId>): NodeId[] {
  return [...ids].sort((left, right) => left - right);
}

export function confStateOf(config: TrackerConfig): ConfState {
  return {
    voters: sortedIds(config.voters.incoming),
    votersOutgoing: sortedIds(config.voters.outgoing),
    learners: sortedIds(config.learners),
    learnersNext: sortedIds(config.learnersNext),
    autoLeave: config.autoLeave,
  };
}

export function trackerConfigOf(confState: ConfState): TrackerConfig {
  return {
    voters: { incoming: new Set(confState.voters), outgoing: new Set(confState.votersOutgoing) },
    learners: new Set(confState.learners),
    learnersNext: new Set(confState.learnersNext),
    autoLeave: confState.autoLeave,
  };
}

/** Every member of a configuration: voters of both halves, learners and next learners. */
export function memberIds(config: TrackerConfig): NodeId[] {
  return sortedIds(
    new Set([
      ...config.voters.incoming,
      ...config.voters.outgoing,
      ...config.learners,
      ...config.learnersNext,
    ]),
  );
}

/** Checks the invariants a configuration must always satisfy; a violation is our bug. */
export function assertConfigInvariants(config: TrackerConfig): void {
  for (const id of config.learners) {
    assert(
      !config.voters.incoming.has(id) && !config.voters.outgoing.has(id),
      () => `node ${id} is both a learner and a voter in ${describeTrackerConfig(config)}`,
    );
  }
  for (const id of config.learnersNext) {
    assert(
      config.voters.outgoing.has(id) && !config.voters.incoming.has(id),
      () => `next learner ${id} must be an outgoing voter only in ${describeTrackerConfig(config)}`,
    );
  }
  assert(
    isJoint(config.voters) || (!config.autoLeave && config.learnersNext.size === 0),
    () =>
      `a non-joint configuration has no auto-leave and no next learners: ${describeTrackerConfig(config)}`,
  );
}

export function describeTrackerConfig(config: TrackerConfig): string {
  const parts = [`voters=${describeJointConfig(config.voters)}`];
  if (config.learners.size > 0) parts.push(`learners=(${sortedIds(config.learners).join(" ")})`);
  if (config.learnersNext.size > 0) parts.push(`learners_next=(${sortedIds(config.learnersNext).join(" ")})`);
  if (config.autoLeave) parts.push("autoleave");
  return parts.join(" ");
}

export class ProgressTracker {
  config: TrackerConfig;
  /** One entry per member of `config`, no more and no less. Replaced (with the lists) by setProgress. */
  progress: ReadonlyMap<NodeId, Progress> = new Map();
  /**
   * The members of `progress` and their progress, as two lists in the Map's order, for passes over
   * every member: a Map's entry iterator allocates a pair per member, and quiescence (isQuiescentLeader)
   * makes such a pass for every awake leader on every tick and input.
   */
  memberIds: readonly NodeId[] = [];
  memberProgress: readonly Progress[] = [];
  /** Votes received in the current election, keyed by voter. */
  readonly votes = new Map<NodeId, boolean>();

  constructor(config: TrackerConfig, progress: ReadonlyMap<NodeId, Progress>) {
    this.config = config;
    this.setProgress(progress);
  }

  setProgress(progress: ReadonlyMap<NodeId, Progress>): void {
    this.progress = progress;
    this.memberIds = [...progress.keys()];
    this.memberProgress = [...progress.values()];
  }

  isVoter(id: NodeId): boolean {
    return this.config.voters.incoming.has(id) || this.config.voters.outgoing.has(id);
  }

  voterIds(): NodeId[] {
    return jointVoterIds(this.config.voters);
  }

  /** The largest index a quorum of voters has acknowledged (Raft §5.3, thesis §4.3 for joint). */
  committedIndex(): LogIndex {
    // A closure per call, not one kept in a field: the explorer branches a tracker by copying its fields
    // and shares functions between copies, so a kept arrow would read the original's progress.
    return jointCommittedIndex(this.config.voters, (id) => this.progress.get(id)?.match);
  }

  recordVote(id: NodeId, granted: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, granted);
  }

  resetVotes(): void {
    this.votes.clear();
  }

  tallyVotes(): VoteResult {
    return jointVoteResult(this.config.voters, this.votes);
  }

  /** Whether a quorum of voters was heard from recently (check-quorum, thesis §6.2). */
  isQuorumActive(self: NodeId): boolean {
    const active = new Map<NodeId, boolean>();
    for (const [id, progress] of this.progress) {
      if (!this.isVoter(id)) continue;
      active.set(id, id === self || progress.recentActive);
    }
    return jointVoteResult(this.config.voters, active) === "won";
  }

  describe(): string {
    const lines = [describeTrackerConfig(this.config)];
    for (const [id, progress] of this.progress) lines.push(`${id}: ${progress.describe()}`);
    if (this.votes.size > 0) {
      const votes = [...this.votes].map(([id, granted]) => `${id}${granted ? "+" : "-"}`);
      lines.push(`votes: ${votes.join(" ")}`);
    }
    return lines.join("\n");
  }

  /** The highest leader tick such that a quorum of voters acknowledged a heartbeat sent at or after it. */
  quorumAcknowledgedTick(self: NodeId, currentTick: number): number {
    return jointCommittedIndex(this.config.voters, (id) =>
      id === self
        ? (currentTick as LogIndex)
        : ((this.progress.get(id)?.lastAcknowledgedTick ?? -1) as LogIndex),
    );
  }
}
