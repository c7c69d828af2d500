import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";

/**
 * A Raft log entry as the WAL stores it. The WAL does not depend on the raft package: this is its own
 * record, which the Raft host maps to and from its entries. `type` is opaque to the WAL (0..255).
 */
export interface WalEntry {
  readonly index: LogIndex;
  readonly term: Term;
  readonly type: number;
  readonly data: Uint8Array;
}

/** What the WAL itself needs of an entry a reader decodes (`EntryDecoder`): its index and data size. */
export interface StoredEntry {
  readonly index: LogIndex;
  readonly data: Uint8Array;
}

/**
 * Builds a reader's own entry object from a stored entry's fields (`Wal.entries`). The Raft host reads
 * every group's whole log at each restart; decoding straight into Raft's entry type makes one object per
 * entry there instead of a WalEntry and then a Raft entry.
 */
export type EntryDecoder<T extends StoredEntry> = (
  index: LogIndex,
  term: Term,
  type: number,
  data: Uint8Array,
) => T;

/** The default decoder: the WAL's own entry record. */
export function walEntryOf(index: LogIndex, term: Term, type: number, data: Uint8Array): WalEntry {
  return { index, term, type, data };
}

/** Raft's persistent state besides the log (Raft paper, Figure 2): current term, vote, commit index. */
export interface HardState {
  readonly term: Term;
  /** The candidate voted for in `term`, if any. */
  readonly vote: NodeId | undefined;
  readonly commit: LogIndex;
}

/**
 * A group's compaction point: entries up to and including `index` are released (covered by a snapshot),
 * and `term` is the term of entry `index`, which Raft needs for its log-matching check (§5.3, §7).
 */
export interface CompactionPoint {
  readonly index: LogIndex;
  readonly term: Term;
}

/** What one `append` call makes durable for one group, in this order: entries, then hard state. */
export interface GroupWrite {
  /**
   * Contiguous entries. If the first index is at or below the group's last index, the entries from that
   * index on are replaced (a Raft conflict, §5.3), as etcd's storage `Append` does.
   */
  readonly entries?: readonly WalEntry[] | undefined;
  readonly hardState?: HardState | undefined;
}

/** A group's durable state as the WAL knows it. */
export interface GroupStatus {
  readonly group: GroupId;
  readonly hardState: HardState;
  readonly compaction: CompactionPoint;
  /** compaction.index + 1. */
  readonly firstIndex: LogIndex;
  /** The last entry's index; compaction.index when the log holds no entries. */
  readonly lastIndex: LogIndex;
}

export const initialHardState: HardState = { term: 0 as Term, vote: undefined, commit: 0 as LogIndex };
