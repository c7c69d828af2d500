/**
 * The durable log as the Raft state machine reads it. The host implements Storage over its WAL; the
 * state machine only reads through it and tells the host, through Ready, what to write. MemoryStorage
 * is the reference implementation used by tests and the simulator.
 */
import { AssertionError, assert, type Bytes, type LogIndex, type Term } from "@helixlog/core";
import { entrySizeBytes } from "./entries.js";
import {
  type ConfState,
  type Entry,
  emptyConfState,
  type HardState,
  noNode,
  type Snapshot,
} from "./types.js";

export interface InitialState {
  readonly hardState: HardState;
  readonly confState: ConfState;
}

export interface Storage {
  /** The persisted hard state and the configuration as of the last snapshot. */
  initialState(): InitialState;
  /**
   * Entries in [low, high), at most `maxBytes` of them but always at least one when low < high, in a
   * new array the caller may keep and change.
   * Precondition (asserted by callers): firstIndex() <= low <= high <= lastIndex() + 1.
   */
  entries(low: LogIndex, high: LogIndex, maxBytes: Bytes): Entry[];
  /**
   * The term of the entry at `index`, for firstIndex() - 1 <= index <= lastIndex() (firstIndex() - 1
   * is the snapshot's last included entry). Undefined outside that range: compacted or not yet written.
   */
  term(index: LogIndex): Term | undefined;
  /** The index of the first entry still available (one past the snapshot's index). */
  firstIndex(): LogIndex;
  /** The index of the last entry; firstIndex() - 1 when the log is empty. */
  lastIndex(): LogIndex;
  /** The most recent snapshot, sent to followers that need compacted entries. */
  snapshot(): Snapshot;
}

const emptySnapshot: Snapshot = {
  metadata: { index: 0 as LogIndex, term: 0 as Term, confState: emptyConfState },
  data: new Uint8Array(0),
};

/**
 * An in-memory Storage. `entries[0]` is a placeholder for the snapshot's last included entry, so
 * entry i lives at entries[i - snapshotIndex]. Writers (append, applySnapshot, compact,
 * createSnapshot, setHardState) are what a host's persistence step calls.
 */
export class MemoryStorage implements Storage {
  private hardState: HardState = { term: 0 as Term, vote: noNode, commit: 0 as LogIndex };
  private currentSnapshot: Snapshot = emptySnapshot;
  /** entries[0] has the snapshot's index and term and no data; the rest are contiguous. */
  private log: Entry[] = [{ index: 0 as LogIndex, term: 0 as Term, type: "normal", data: new Uint8Array(0) }];

  /**
   * Storage for an initial member of a new cluster: every initial member starts from the same
   * snapshot at index 1, term 1 holding the configuration, so nodes added later learn it from a
   * snapshot instead of replaying a log that does not contain it.
   */
  static bootstrapped(confState: ConfState): MemoryStorage {
    const storage = new MemoryStorage();
    storage.applySnapshot({
      metadata: { index: 1 as LogIndex, term: 1 as Term, confState },
      data: new Uint8Array(0),
    });
    storage.setHardState({ term: 1 as Term, vote: noNode, commit: 1 as LogIndex });
    return storage;
  }

  initialState(): InitialState {
    return { hardState: this.hardState, confState: this.currentSnapshot.metadata.confState };
  }

  hardStateForTesting(): HardState {
    return this.hardState;
  }

  setHardState(hardState: HardState): void {
    this.hardState = hardState;
  }

  private get offset(): number {
    return (this.log[0] as Entry).index;
  }

  firstIndex(): LogIndex {
    return (this.offset + 1) as LogIndex;
  }

  lastIndex(): LogIndex {
    return (this.offset + this.log.length - 1) as LogIndex;
  }

  term(index: LogIndex): Term | undefined {
    // The offset read once (it was read three times through the getter and lastIndex()): followers
    // match terms on every append, and the simulator's checkers ask on every leader they observe.
    const offset = this.offset;
    if (index < offset || index >= offset + this.log.length) return undefined;
    return this.log[index - offset]?.term;
  }

  entries(low: LogIndex, high: LogIndex, maxBytes: Bytes): Entry[] {
    // Checked before calling assert: the apply path reads on every round, and a message closure each shows.
    if (low < this.firstIndex() || low > high || high > this.lastIndex() + 1) {
      assert(
        false,
        `entries [${low}, ${high}) outside the stored range [${this.firstIndex()}, ${this.lastIndex() + 1})`,
      );
    }
    // An unbounded read (a host's recovery hands its state machine the whole log) is one copy.
    if (maxBytes >= Number.MAX_SAFE_INTEGER) return this.log.slice(low - this.offset, high - this.offset);
    // Walk only as far as the byte budget allows instead of copying the whole range first.
    const result: Entry[] = [];
    let total = 0;
    for (let index = low; index < high; index++) {
      const entry = this.log[index - this.offset] as Entry;
      total += entrySizeBytes(entry);
      if (total > maxBytes && result.length > 0) break;
      result.push(entry);
    }
    return result;
  }

  snapshot(): Snapshot {
    return this.currentSnapshot;
  }

  /**
   * Appends entries, first discarding any stored suffix they replace (a new leader overwrote it).
   * Entries must be contiguous and start at or before lastIndex() + 1.
   */
  append(entries: readonly Entry[]): void {
    const first = entries[0];
    if (first === undefined) return;
    assertContiguous(entries);
    // Checked without a message closure: hosts append on every round that persists entries.
    if (first.index > this.lastIndex() + 1)
      throw new AssertionError(`appending at ${first.index} would leave a gap after ${this.lastIndex()}`);
    // Entries at or below the snapshot are already covered by it (they are contiguous: skip a prefix).
    const offset = this.offset;
    const from = Math.max(0, offset + 1 - first.index);
    if (from >= entries.length) return;
    // Most appends extend the log exactly: setting the same length is a builtin call that does nothing.
    const kept = first.index + from - offset;
    if (this.log.length !== kept) this.log.length = kept;
    for (let i = from; i < entries.length; i++) this.log.push(entries[i] as Entry);
  }

  /** Replaces the whole log with a snapshot received from the leader (or restored at startup). */
  applySnapshot(snapshot: Snapshot): void {
    assert(
      snapshot.metadata.index >= this.currentSnapshot.metadata.index,
      () =>
        `snapshot ${snapshot.metadata.index} is older than the stored ${this.currentSnapshot.metadata.index}`,
    );
    this.currentSnapshot = snapshot;
    this.log = [
      {
        index: snapshot.metadata.index,
        term: snapshot.metadata.term,
        type: "normal",
        data: new Uint8Array(0),
      },
    ];
  }

  /**
   * Records a snapshot of the application's state as of `index` (which must be applied, so at most
   * the commit index). Does not compact: call compact() when followers no longer need the entries.
   */
  createSnapshot(index: LogIndex, confState: ConfState, data: Uint8Array): Snapshot {
    assert(index > this.currentSnapshot.metadata.index, () => `snapshot at ${index} is not newer`);
    assert(
      index <= this.lastIndex(),
      () => `snapshot at ${index} is past the last index ${this.lastIndex()}`,
    );
    const snapshotTerm = this.term(index);
    assert(snapshotTerm !== undefined, "the snapshot's entry is stored");
    this.currentSnapshot = { metadata: { index, term: snapshotTerm, confState }, data };
    return this.currentSnapshot;
  }

  /** Discards entries up to and including `index`, which must be covered by the current snapshot. */
  compact(index: LogIndex): void {
    if (index <= this.offset) return;
    assert(index <= this.currentSnapshot.metadata.index, () => `compacting to ${index} past the snapshot`);
    this.log = this.log.slice(index - this.offset);
    const placeholder = this.log[0] as Entry;
    this.log[0] = {
      index: placeholder.index,
      term: placeholder.term,
      type: "normal",
      data: new Uint8Array(0),
    };
  }

  describe(): string {
    const snapshot = this.currentSnapshot.metadata;
    return `storage: hard=(term=${this.hardState.term} vote=${this.hardState.vote} commit=${this.hardState.commit}) snapshot=${snapshot.index}/${snapshot.term} entries=[${this.firstIndex()}, ${this.lastIndex()}]`;
  }

  /** Total entry bytes stored, for tests of compaction. */
  storedSizeBytes(): number {
    let total = 0;
    for (let i = 1; i < this.log.length; i++) total += entrySizeBytes(this.log[i] as Entry);
    return total;
  }
}

export function assertContiguous(entries: readonly Entry[]): void {
  for (let i = 1; i < entries.length; i++) {
    const previous = entries[i - 1] as Entry;
    const current = entries[i] as Entry;
    // Checked without a message closure: this runs for every entry appended.
    if (current.index !== previous.index + 1 || current.term < previous.term) {
      throw new AssertionError(
        `entries must be contiguous with non-decreasing terms: ${previous.index}/${previous.term} then ${current.index}/${current.term}`,
      );
    }
  }
}
