/**
 * Deliberately broken variants for the explorer's mutation tests (STYLE.md rule 15). The two Raft
 * mutations mirror packages/tests/src/sim/mutations.ts (a patch of one RaftNode's log from the
 * outside, never a change to production code), written with `this` instead of a closure so that a
 * cloned node keeps calling its own log. The host mutation breaks the Ready contract instead.
 */
import type { LogIndex, Term } from "@helixlog/core";
import type { RaftNode } from "@helixlog/raft";

export type ExploreMutation =
  | "none"
  /** A voter grants its vote without checking that the candidate's log is up to date (Raft §5.4.1). */
  | "voteWithoutUpToDateCheck"
  /** A leader commits an entry of an earlier term by counting replicas (the Figure 8 bug, Raft §5.4.2). */
  | "commitPreviousTermByCounting"
  /**
   * The host sends votes and acknowledgements together with the Ready's other messages, before the
   * Ready is persisted (breaks DESIGN.md §3 rule 1). Only visible with persistence as its own event.
   */
  | "acknowledgeBeforePersist";

export const exploreMutations: readonly ExploreMutation[] = [
  "none",
  "voteWithoutUpToDateCheck",
  "commitPreviousTermByCounting",
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

/** Applies a Raft-level mutation to a freshly built node (again after every restart). */
export function applyMutation(node: RaftNode, mutation: ExploreMutation): void {
  const log = node.raft.log as unknown as PatchableLog;
  if (mutation === "voteWithoutUpToDateCheck") log.isUpToDate = grantAnyVote;
  if (mutation === "commitPreviousTermByCounting") log.maybeCommit = commitByCounting;
}
