/**
 * The log as the state machine sees it: the durable part in Storage followed by an unstable suffix
 * (entries or a snapshot handed to the host in a Ready but not yet acknowledged as durable), plus the
 * commit and apply positions. Invariant: applied <= committed <= lastIndex(), and every index below
 * `unstable.offset` (when no unstable snapshot is pending) is durable in Storage.
 */
import { AssertionError, assert, type Bytes, type LogIndex, type Term } from "@helixlog/core";
import { emptyList } from "./empty-list.js";
import { limitEntriesBySize } from "./entries.js";
import type { Storage } from "./storage.js";
import type { Entry, Snapshot } from "./types.js";

interface Unstable {
  /** A snapshot received from the leader that the host has not yet made durable. */
  snapshot: Snapshot | undefined;
  /** Entries from `offset` on that the host has not yet made durable. */
  entries: Entry[];
  /** The index of entries[0]: one past the last durable entry. */
  offset: LogIndex;
}

export interface ConflictHint {
  readonly index: LogIndex;
  readonly term: Term;
}

export class RaftLog {
  readonly storage: Storage;
  private unstable: Unstable;
  /** The highest index known to be committed (Raft §5.3). Never decreases. */
  committed: LogIndex;
  /** The highest index the host has applied (acknowledged through advance). Never decreases. */
  applied: LogIndex;

  constructor(storage: Storage, applied: LogIndex | undefined) {
    this.storage = storage;
    const firstIndex = storage.firstIndex();
    const lastIndex = storage.lastIndex();
    this.unstable = { snapshot: undefined, entries: [], offset: (lastIndex + 1) as LogIndex };
    this.committed = (firstIndex - 1) as LogIndex;
    this.applied = applied ?? ((firstIndex - 1) as LogIndex);
  }

  firstIndex(): LogIndex {
    const snapshot = this.unstable.snapshot;
    return snapshot === undefined ? this.storage.firstIndex() : ((snapshot.metadata.index + 1) as LogIndex);
  }

  lastIndex(): LogIndex {
    return (this.unstable.offset + this.unstable.entries.length - 1) as LogIndex;
  }

  /** The last index that is durable in Storage: what this node may count as its own acknowledgement. */
  persistedIndex(): LogIndex {
    if (this.unstable.snapshot !== undefined) return 0 as LogIndex;
    return (this.unstable.offset - 1) as LogIndex;
  }

  /** The term at `index`, or undefined when the entry is compacted or beyond the end of the log. */
  term(index: LogIndex): Term | undefined {
    const unstable = this.unstable;
    if (index >= unstable.offset) return unstable.entries[index - unstable.offset]?.term;
    const snapshot = unstable.snapshot;
    if (snapshot !== undefined) {
      return index === snapshot.metadata.index ? snapshot.metadata.term : undefined;
    }
    return this.storage.term(index);
  }

  lastTerm(): Term {
    const lastTerm = this.term(this.lastIndex());
    assert(lastTerm !== undefined, "the last entry's term is always known");
    return lastTerm;
  }

  matchTerm(index: LogIndex, term: Term): boolean {
    return this.term(index) === term;
  }

  /** Whether a log ending at (lastIndex, lastTerm) is at least as up-to-date as ours (Raft §5.4.1). */
  isUpToDate(lastIndex: LogIndex, lastTerm: Term): boolean {
    const ourTerm = this.lastTerm();
    return lastTerm > ourTerm || (lastTerm === ourTerm && lastIndex >= this.lastIndex());
  }

  /** The index of the first entry whose term differs from ours (or that we lack); 0 if none. */
  findConflict(entries: readonly Entry[]): LogIndex {
    for (const entry of entries) {
      if (!this.matchTerm(entry.index, entry.term)) return entry.index;
    }
    return 0 as LogIndex;
  }

  /**
   * The last entry at or below `index` whose term is at most `term`: no entry between it and `index`
   * can match a log whose entry at `index` has term `term`, so a leader may skip them all.
   */
  findConflictByTerm(index: LogIndex, term: Term): ConflictHint {
    let candidate = index;
    // Bounded by index: each step moves one entry down.
    while (candidate > 0) {
      const candidateTerm = this.term(candidate);
      if (candidateTerm === undefined) return { index: candidate, term: 0 as Term };
      if (candidateTerm <= term) return { index: candidate, term: candidateTerm };
      candidate = (candidate - 1) as LogIndex;
    }
    return { index: 0 as LogIndex, term: 0 as Term };
  }

  /**
   * Appends entries sent by a leader after (prevIndex, prevTerm) if our log matches there (Raft §5.3).
   * Returns the index of the last entry of the message, which is what the follower acknowledges, or
   * undefined when the logs do not match at prevIndex.
   */
  maybeAppend(
    prevIndex: LogIndex,
    prevTerm: Term,
    commit: LogIndex,
    entries: readonly Entry[],
  ): LogIndex | undefined {
    if (!this.matchTerm(prevIndex, prevTerm)) return undefined;
    const lastNewIndex = (prevIndex + entries.length) as LogIndex;
    const conflictIndex = this.findConflict(entries);
    if (conflictIndex !== 0) {
      assert(
        conflictIndex > this.committed,
        () => `entry ${conflictIndex} conflicts with the committed prefix ${this.committed}`,
      );
      this.append(entries.slice(conflictIndex - (prevIndex + 1)));
    }
    // Only entries known to match the leader's log may be committed (Raft §5.3, figure 2 rule 5).
    this.commitTo(Math.min(commit, lastNewIndex) as LogIndex);
    return lastNewIndex;
  }

  /** Appends entries, replacing any unstable or durable suffix from the first one's index on. */
  append(entries: readonly Entry[]): void {
    const first = entries[0];
    if (first === undefined) return;
    // Checked without message closures (an allocation per call otherwise): every proposal and
    // follower append comes here.
    if (first.index <= this.committed)
      throw new AssertionError(`appending at ${first.index} would overwrite committed ${this.committed}`);
    if (first.index > this.lastIndex() + 1)
      throw new AssertionError(`appending at ${first.index} leaves a gap after ${this.lastIndex()}`);
    const unstable = this.unstable;
    if (first.index === unstable.offset + unstable.entries.length) {
      // A loop of pushes (inlined) rather than push(...entries), a builtin call with a spread: every
      // proposal and every follower's append comes here, mostly with one entry.
      const appended = unstable.entries;
      for (let i = 0; i < entries.length; i++) appended.push(entries[i] as Entry);
    } else if (first.index <= unstable.offset) {
      // The new entries replace everything from first.index on, durable or not.
      unstable.offset = first.index;
      unstable.entries = [...entries];
    } else {
      unstable.entries = unstable.entries.slice(0, first.index - unstable.offset);
      unstable.entries.push(...entries);
    }
  }

  /**
   * Entries in [low, high), at most maxBytes of them (at least one). Undefined when low is compacted.
   */
  slice(low: LogIndex, high: LogIndex, maxBytes: Bytes): Entry[] | undefined {
    if (low < this.firstIndex()) return undefined;
    // Checked before calling assert: every apply round slices, and a message closure each shows.
    if (high > this.lastIndex() + 1)
      assert(false, `slice end ${high} past the last index ${this.lastIndex()}`);
    if (low >= high) return [];
    const unstable = this.unstable;
    // Storage returns a new array already within maxBytes (its contract): when the slice ends in the
    // stored part, that array is the answer, without copying it or sizing its entries a second time.
    if (high <= unstable.offset) return this.storage.entries(low, high, maxBytes);
    const from = Math.max(low, unstable.offset) - unstable.offset;
    const newer = unstable.entries.slice(from, high - unstable.offset);
    if (low >= unstable.offset) return limitEntriesBySize(newer, maxBytes);
    const result = this.storage.entries(low, unstable.offset, maxBytes);
    if (low + result.length < unstable.offset) return result;
    for (const entry of newer) result.push(entry);
    return limitEntriesBySize(result, maxBytes);
  }

  /** Committed, durable entries not yet applied. Entries are applied only once durable locally. */
  nextCommittedEntries(maxBytes: Bytes): readonly Entry[] {
    const high = Math.min(this.committed, this.persistedIndex()) + 1;
    const low = this.applied + 1;
    if (low >= high) return emptyList;
    const entries = this.slice(low as LogIndex, high as LogIndex, maxBytes);
    // Checked without a message closure: every Ready asks (as commitTo and appliedTo below).
    if (entries === undefined)
      throw new AssertionError(`unapplied committed entries from ${low} were compacted`);
    return entries;
  }

  hasNextCommittedEntries(): boolean {
    return Math.min(this.committed, this.persistedIndex()) > this.applied;
  }

  commitTo(index: LogIndex): void {
    if (index <= this.committed) return;
    if (index > this.lastIndex())
      throw new AssertionError(`commit ${index} is past the last index ${this.lastIndex()}`);
    this.committed = index;
  }

  /** Commits `index` if it is past the commit index and its entry is from `term` (Raft §5.4.2). */
  maybeCommit(index: LogIndex, term: Term): boolean {
    if (index <= this.committed || this.term(index) !== term) return false;
    this.commitTo(index);
    return true;
  }

  appliedTo(index: LogIndex): void {
    if (!(index >= this.applied && index <= this.committed))
      throw new AssertionError(`applied ${index} outside [${this.applied}, ${this.committed}]`);
    this.applied = index;
  }

  /** Replaces the log with a snapshot received from the leader (Raft §7). */
  restore(snapshot: Snapshot): void {
    this.committed = snapshot.metadata.index;
    this.unstable = { snapshot, entries: [], offset: (snapshot.metadata.index + 1) as LogIndex };
  }

  hasUnstableEntries(): boolean {
    return this.unstable.entries.length > 0;
  }

  /** A copy of the unstable entries (the log keeps appending to its own array). */
  unstableEntries(): readonly Entry[] {
    const entries = this.unstable.entries;
    if (entries.length === 0) return emptyList;
    // Most Readies carry one entry: a literal costs less than the spread's builtin copy.
    if (entries.length === 1) return [entries[0] as Entry];
    return [...entries];
  }

  unstableSnapshot(): Snapshot | undefined {
    return this.unstable.snapshot;
  }

  /** The host made entries up to (index, term) durable; a stale acknowledgement is ignored. */
  stableTo(index: LogIndex, term: Term): void {
    const unstable = this.unstable;
    if (unstable.snapshot !== undefined) return;
    if (index < unstable.offset || this.term(index) !== term) return;
    const from = index + 1 - unstable.offset;
    // Usually every unstable entry became durable: a fresh literal then, not a builtin slice call.
    unstable.entries = from >= unstable.entries.length ? [] : unstable.entries.slice(from);
    unstable.offset = (index + 1) as LogIndex;
  }

  /** The host made the unstable snapshot durable. Applying it is the host's job in the same step. */
  stableSnapshotTo(index: LogIndex): void {
    const snapshot = this.unstable.snapshot;
    if (snapshot === undefined || snapshot.metadata.index !== index) return;
    this.unstable.snapshot = undefined;
    if (this.applied < index) this.applied = index;
  }

  /** The latest snapshot: one pending persistence, else the host's. */
  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }

  describe(): string {
    const unstable = this.unstable;
    const pending =
      unstable.snapshot === undefined ? "" : ` pending-snapshot=${unstable.snapshot.metadata.index}`;
    return `log: first=${this.firstIndex()} last=${this.lastIndex()} committed=${this.committed} applied=${this.applied} persisted=${this.persistedIndex()} unstable=${unstable.entries.length}${pending}`;
  }
}
