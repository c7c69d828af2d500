/**
 * Deliberately broken variants for the explorer's mutation tests (STYLE.md rule 15). The two Raft
 * mutations mirror packages/tests/src/sim/mutations.ts (a patch of one RaftNode's log from the
 * outside, never a change to production code), written with `this` instead of a closure so that a
 * cloned node keeps calling its own log. The host mutation breaks the Ready contract instead.
 */
import type { LogIndex, Term } from "@helixlog/core";
import type { ProposalResult, RaftNode } from "@helixlog/raft";

export type ExploreMutation =
  | "none"
  /** A voter grants its vote without checking that the candidate's log is up to date (Raft §5.4.1). */
  | "voteWithoutUpToDateCheck"
  /** A leader commits an entry of an earlier term by counting replicas (the Figure 8 bug, Raft §5.4.2). */
  | "commitPreviousTermByCounting"
  /**
   * The same, and a new leader no longer appends an empty entry of its term (Raft §8). A second-order
   * mutant: in this implementation the first mutation alone is latent (see packages/tests README,
   * "Exhaustive exploration"), because the leader's empty entry and the Ready protocol leave it no
   * Figure 8 interleaving; without the empty entry Figure 8 is reachable again.
   */
  | "commitPreviousTermByCountingWithoutNoop"
  /**
   * The host sends votes and acknowledgements together with the Ready's other messages, before the
   * Ready is persisted (breaks DESIGN.md §3 rule 1). Only visible with persistence as its own event.
   */
  | "acknowledgeBeforePersist";

export const exploreMutations: readonly ExploreMutation[] = [
  "none",
  "voteWithoutUpToDateCheck",
  "commitPreviousTermByCounting",
  "commitPreviousTermByCountingWithoutNoop",
  "acknowledgeBeforePersist",
];

export function isExploreMutation(value: string): value is ExploreMutation {
  return (exploreMutations as readonly string[]).includes(value);
}

interface PatchableLog {
  committed: LogIndex;
  term(index: LogIndex): Term | undefined;
  commitTo(index: LogIndex): void;
  isUpToDate(lastIndex: LogIndex, lastTerm: Term): boolean;
  maybeCommit(index: LogIndex, term: Term): boolean;
}

function grantAnyVote(this: PatchableLog, _lastIndex: LogIndex, _lastTerm: Term): boolean {
  return true;
}

/** Commits whatever a quorum holds, whatever its term: the check of Raft §5.4.2 is gone. */
function commitByCounting(this: PatchableLog, index: LogIndex, _term: Term): boolean {
  if (index <= this.committed || this.term(index) === undefined) return false;
  this.commitTo(index);
  return true;
}

interface PatchableRaft {
  appendEntries(entries: readonly { readonly type: string; readonly data: Uint8Array }[]): ProposalResult;
  term: Term;
  log: { lastIndex(): LogIndex };
}

/**
 * Skips the empty entry a new leader appends (the only empty normal entry in the explored cluster:
 * its proposals carry "p1", "p2", ...) and appends everything else as Raft does.
 */
function appendWithoutLeaderNoop(
  this: PatchableRaft,
  entries: readonly { readonly type: string; readonly data: Uint8Array }[],
): ProposalResult {
  const only = entries[0];
  if (entries.length === 1 && only !== undefined && only.type === "normal" && only.data.byteLength === 0) {
    return { index: this.log.lastIndex(), term: this.term };
  }
  // The patch is an own property; the prototype still holds Raft's method.
  const prototype = Object.getPrototypeOf(this) as PatchableRaft;
  return prototype.appendEntries.call(this, entries);
}

/** Applies a Raft-level mutation to a freshly built node (again after every restart). */
export function applyMutation(node: RaftNode, mutation: ExploreMutation): void {
  const log = node.raft.log as unknown as PatchableLog;
  if (mutation === "voteWithoutUpToDateCheck") log.isUpToDate = grantAnyVote;
  if (mutation === "commitPreviousTermByCounting" || mutation === "commitPreviousTermByCountingWithoutNoop")
    log.maybeCommit = commitByCounting;
  if (mutation === "commitPreviousTermByCountingWithoutNoop") {
    (node.raft as unknown as PatchableRaft).appendEntries = appendWithoutLeaderNoop;
  }
}
