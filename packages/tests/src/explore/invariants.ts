/**
 * The safety invariants the explorer checks in every state it reaches (Raft §5.2-5.4, figure 3), as
 * pure functions over plain views of the nodes and a history of what happened on the path so far.
 * They take plain data so a test can hand them a fabricated bad state and see each one fail
 * (STYLE.md rule 15: a checker nobody has seen fail is not trusted).
 *
 * - election safety: at most one leader per term, over the whole path (Raft §5.2);
 * - log matching: two logs holding an entry with the same index and term are identical up to it (§5.3);
 * - leader completeness: a leader of term T holds every entry committed in a term before T (§5.4.1);
 * - state machine safety: no two nodes commit or apply different entries at one index (§5.4.3);
 * - committed durability: every committed entry is durable on a majority of the nodes, so no crash
 *   of a minority can lose it (DESIGN.md §3 rule 1, Raft thesis §3.8).
 */

export type InvariantName =
  | "electionSafety"
  | "logMatching"
  | "leaderCompleteness"
  | "stateMachineSafety"
  | "committedDurability";

export const invariantNames: readonly InvariantName[] = [
  "electionSafety",
  "logMatching",
  "leaderCompleteness",
  "stateMachineSafety",
  "committedDurability",
];

/** One log entry as the checkers see it: its term and an identity of its payload. */
export interface EntryView {
  readonly term: number;
  readonly data: string;
}

/**
 * One node as the checkers see it. `log[i]` is the entry at index i (index 0 is a placeholder of
 * term 0); `durableLog` is what its storage holds, the only part that survives a crash.
 */
export interface NodeView {
  readonly id: number;
  readonly role: "follower" | "preCandidate" | "candidate" | "leader";
  readonly term: number;
  readonly committed: number;
  readonly log: readonly EntryView[];
  readonly durableLog: readonly EntryView[];
}

export interface CommittedRecord {
  readonly term: number;
  readonly data: string;
  /** The term of the first node seen to commit it: the committing leader's term. */
  readonly commitTerm: number;
}

/**
 * What happened on the path so far (ghost state, like the history variables of the TLA+ Raft spec).
 * It is part of the explored state's hash, so two paths meet only if their histories agree too.
 */
export interface History {
  /** The leader of each term seen so far. */
  readonly leaders: Map<number, number>;
  /** Every index seen committed on some node, and what was committed there. */
  readonly committed: Map<number, CommittedRecord>;
  /** What was first applied at each index, and by whom. */
  readonly applied: Map<number, { readonly term: number; readonly data: string; readonly node: number }>;
}

/** A failed assertion inside the Raft code itself also ends the search: it is a finding too. */
export type CheckerName = InvariantName | "raftAssertion";

export interface Violation {
  readonly invariant: CheckerName;
  readonly message: string;
}

export function emptyHistory(): History {
  return { leaders: new Map(), committed: new Map(), applied: new Map() };
}

function describeEntry(entry: EntryView | undefined): string {
  if (entry === undefined) return "nothing";
  return entry.data === "" ? `term ${entry.term}` : `term ${entry.term} (${entry.data})`;
}

function sameEntry(left: EntryView | undefined, right: EntryView | undefined): boolean {
  return left !== undefined && right !== undefined && left.term === right.term && left.data === right.data;
}

/** Records current leaders; fails when a term has had two (Raft §5.2). */
export function checkElectionSafety(nodes: readonly NodeView[], history: History): Violation | undefined {
  for (const node of nodes) {
    if (node.role !== "leader") continue;
    const existing = history.leaders.get(node.term);
    if (existing !== undefined && existing !== node.id) {
      return {
        invariant: "electionSafety",
        message: `nodes ${existing} and ${node.id} both led term ${node.term}`,
      };
    }
    history.leaders.set(node.term, node.id);
  }
  return undefined;
}

/**
 * Two logs with an entry of the same index and term hold the same entries up to it (§5.3). Checked
 * on every pair of logs, volatile and durable, so a restarted node's log is covered too.
 */
export function checkLogMatching(nodes: readonly NodeView[]): Violation | undefined {
  const logs: { readonly name: string; readonly log: readonly EntryView[] }[] = [];
  for (const node of nodes) {
    logs.push({ name: `node ${node.id}`, log: node.log });
    logs.push({ name: `node ${node.id} (durable)`, log: node.durableLog });
  }
  for (let a = 0; a < logs.length; a++) {
    for (let b = a + 1; b < logs.length; b++) {
      const left = logs[a] as (typeof logs)[number];
      const right = logs[b] as (typeof logs)[number];
      const violation = compareLogs(left.name, left.log, right.name, right.log);
      if (violation !== undefined) return violation;
    }
  }
  return undefined;
}

function compareLogs(
  leftName: string,
  left: readonly EntryView[],
  rightName: string,
  right: readonly EntryView[],
): Violation | undefined {
  // The highest index where both logs hold an entry of the same term must have an identical prefix.
  for (let index = Math.min(left.length, right.length) - 1; index >= 1; index--) {
    const leftEntry = left[index] as EntryView;
    const rightEntry = right[index] as EntryView;
    if (leftEntry.term !== rightEntry.term) continue;
    for (let prior = index; prior >= 1; prior--) {
      if (!sameEntry(left[prior], right[prior])) {
        return {
          invariant: "logMatching",
          message: `${leftName} and ${rightName} agree on index ${index} (term ${leftEntry.term}) but differ at ${prior}: ${describeEntry(left[prior])} vs ${describeEntry(right[prior])}`,
        };
      }
    }
    return undefined;
  }
  return undefined;
}

/**
 * Records every index a node has committed and fails when two nodes committed different entries at
 * one index, or a node's committed prefix no longer holds what was committed (§5.4.3).
 */
export function checkCommittedAgreement(nodes: readonly NodeView[], history: History): Violation | undefined {
  for (const node of nodes) {
    for (let index = 1; index <= node.committed; index++) {
      const entry = node.log[index];
      const recorded = history.committed.get(index);
      if (recorded === undefined) {
        if (entry === undefined) {
          return {
            invariant: "stateMachineSafety",
            message: `node ${node.id} commits index ${index} it does not hold`,
          };
        }
        history.committed.set(index, { term: entry.term, data: entry.data, commitTerm: node.term });
      } else if (!sameEntry(entry, recorded)) {
        return {
          invariant: "stateMachineSafety",
          message: `node ${node.id} has ${describeEntry(entry)} committed at index ${index}, where ${describeEntry(recorded)} was committed in term ${recorded.commitTerm}`,
        };
      }
    }
  }
  return undefined;
}

/** Records an applied entry; fails when another node applied something else at that index (§5.4.3). */
export function checkApplied(
  history: History,
  node: number,
  index: number,
  entry: EntryView,
): Violation | undefined {
  const first = history.applied.get(index);
  if (first === undefined) {
    history.applied.set(index, { term: entry.term, data: entry.data, node });
    return undefined;
  }
  if (sameEntry(first, entry)) return undefined;
  return {
    invariant: "stateMachineSafety",
    message: `node ${node} applied ${describeEntry(entry)} at index ${index}, node ${first.node} applied ${describeEntry(first)}`,
  };
}

/** A leader of term T holds every entry committed in a term before T (§5.4, Leader Completeness). */
export function checkLeaderCompleteness(nodes: readonly NodeView[], history: History): Violation | undefined {
  for (const node of nodes) {
    if (node.role !== "leader") continue;
    for (const [index, record] of history.committed) {
      if (record.commitTerm >= node.term) continue;
      if (!sameEntry(node.log[index], record)) {
        return {
          invariant: "leaderCompleteness",
          message: `leader ${node.id} of term ${node.term} has ${describeEntry(node.log[index])} at index ${index}, where ${describeEntry(record)} was committed in term ${record.commitTerm}`,
        };
      }
    }
  }
  return undefined;
}

/** Every committed entry is durable on a majority, so a crash of any minority cannot lose it. */
export function checkCommittedDurability(
  nodes: readonly NodeView[],
  history: History,
): Violation | undefined {
  const majority = Math.floor(nodes.length / 2) + 1;
  for (const [index, record] of history.committed) {
    // The bootstrap snapshot at index 1 is on every node by construction, not in the durable logs.
    if (index <= 1) continue;
    const holders = nodes.filter((node) => sameEntry(node.durableLog[index], record));
    if (holders.length < majority) {
      return {
        invariant: "committedDurability",
        message: `index ${index} (${describeEntry(record)}, committed in term ${record.commitTerm}) is durable only on ${holders.length === 0 ? "no node" : `node ${holders.map((node) => node.id).join(", ")}`}; a majority is ${majority}`,
      };
    }
  }
  return undefined;
}

/** Runs every state check in a fixed order (the history is updated along the way). */
export function checkState(nodes: readonly NodeView[], history: History): Violation | undefined {
  return (
    checkElectionSafety(nodes, history) ??
    checkLogMatching(nodes) ??
    checkCommittedAgreement(nodes, history) ??
    checkLeaderCompleteness(nodes, history) ??
    checkCommittedDurability(nodes, history)
  );
}
