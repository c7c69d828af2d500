/**
 * Translation between the Raft state machine's records and the shared WAL's, and the rebuilding of a
 * group's Raft storage from what the WAL recovered. The WAL does not depend on raft, so it has its own
 * entry and hard-state records; this module is the only place that maps one to the other.
 */
import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import { assert, HelixError } from "@helixlog/core";
import type { ConfState, Entry, EntryType, HardState } from "@helixlog/raft";
import { MemoryStorage, noNode } from "@helixlog/raft";
import type { Wal, WalEntry, HardState as WalHardState } from "@helixlog/wal";
import type { StoredSnapshot } from "./snapshot-store.js";

/** WAL entry types (a byte, opaque to the WAL). Append-only: stored logs depend on them. */
const walEntryTypes: Record<EntryType, number> = { normal: 0, confChange: 1 };

export function toWalEntry(entry: Entry): WalEntry {
  return { index: entry.index, term: entry.term, type: walEntryTypes[entry.type], data: entry.data };
}

export function fromWalEntry(entry: WalEntry): Entry {
  return raftEntryOf(entry.index, entry.term, entry.type, entry.data);
}

/**
 * The Raft entry stored with these fields: recovery hands it to `Wal.entries` as the decoder, so each
 * replayed entry is one object (a restart replays every group's whole log; see EntryDecoder).
 */
export function raftEntryOf(index: LogIndex, term: Term, type: number, data: Uint8Array): Entry {
  // Checked before calling assert: recovery converts every entry, and a message closure each shows.
  if (type !== 0 && type !== 1) assert(false, `unknown WAL entry type ${type}`);
  return { index, term, type: type === 0 ? "normal" : "confChange", data };
}

export function toWalHardState(hardState: HardState): WalHardState {
  return {
    term: hardState.term,
    vote: hardState.vote === noNode ? undefined : hardState.vote,
    commit: hardState.commit,
  };
}

export function fromWalHardState(hardState: WalHardState): HardState {
  return { term: hardState.term, vote: hardState.vote ?? noNode, commit: hardState.commit };
}

/**
 * Every initial member of a group starts from the same bootstrap point: a snapshot at index 1, term 1
 * holding the configuration (MemoryStorage.bootstrapped), so the WAL records it as a compaction point.
 */
const bootstrapPoint = { index: 1 as LogIndex, term: 1 as Term };

/** Whether the WAL holds a completed bootstrap of `group` (a crash may have kept only part of it). */
export function isBootstrapped(wal: Wal, group: GroupId): boolean {
  const status = wal.status(group);
  return status !== undefined && status.compaction.index >= bootstrapPoint.index && status.hardState.term > 0;
}

/**
 * Makes the bootstrap of `group` durable. Idempotent: releasing to the same point and writing the same
 * hard state again is harmless, so a bootstrap torn by a crash is simply redone.
 */
export async function bootstrapGroup(wal: Wal, group: GroupId): Promise<void> {
  await wal.release(group, bootstrapPoint);
  await wal.append(group, {
    hardState: { term: bootstrapPoint.term, vote: undefined, commit: bootstrapPoint.index },
  });
}

/**
 * Rebuilds a group's Raft storage from the WAL and the group's durable snapshot: the snapshot (or, when
 * the group never snapshotted, the WAL's compaction point with the static configuration) becomes the
 * storage's snapshot, then the hard state and every recovered entry after it. The result holds exactly
 * what was made durable.
 *
 * The host writes a snapshot before releasing the WAL up to it, so the snapshot is never older than the
 * compaction point; if it is (or is missing while the WAL was compacted), entries are lost and recovery
 * refuses with CORRUPT_DATA. A crash between installing a leader's snapshot and releasing the WAL leaves
 * WAL entries after the snapshot that may belong to a log the snapshot replaced: they are kept only if
 * the WAL holds the snapshot's own entry with the snapshot's term (then, by Log Matching, they extend it).
 */
export async function recoverStorage(
  wal: Wal,
  group: GroupId,
  confState: ConfState,
  snapshot?: StoredSnapshot,
): Promise<MemoryStorage> {
  const status = wal.status(group);
  assert(status !== undefined, () => `group ${group} is not in the WAL`);
  const compaction = status.compaction;
  if (snapshot === undefined ? compaction.index > bootstrapPoint.index : snapshot.index < compaction.index) {
    throw new HelixError(
      "CORRUPT_DATA",
      `group ${group}: the WAL is compacted through ${compaction.index} but the snapshot covers ${snapshot?.index ?? "nothing"}`,
    );
  }
  const storage = new MemoryStorage();
  storage.applySnapshot(
    snapshot === undefined
      ? { metadata: { index: compaction.index, term: compaction.term, confState }, data: new Uint8Array(0) }
      : {
          metadata: { index: snapshot.index, term: snapshot.term, confState: snapshot.confState },
          data: snapshot.data,
        },
  );
  storage.setHardState(fromWalHardState(status.hardState));
  const base = storage.snapshot().metadata;
  const extendsSnapshot = base.index === compaction.index || wal.term(group, base.index) === base.term;
  const first = Math.max(status.firstIndex, base.index + 1) as LogIndex;
  if (extendsSnapshot && status.lastIndex >= first) {
    const end = (status.lastIndex + 1) as LogIndex;
    const entries = await wal.entries(group, first, end, Number.POSITIVE_INFINITY, raftEntryOf);
    assert(
      entries.length === status.lastIndex - first + 1,
      () => `the WAL returned ${entries.length} entries for [${first}, ${status.lastIndex}]`,
    );
    storage.append(entries);
  }
  return storage;
}

/** The configuration of a group whose voters never change (the only kind the host supports yet). */
export function staticConfState(voters: readonly NodeId[]): ConfState {
  return { voters: [...voters], votersOutgoing: [], learners: [], learnersNext: [], autoLeave: false };
}
