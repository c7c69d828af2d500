/**
 * Translation between the Raft state machine's records and the shared WAL's, and the rebuilding of a
 * group's Raft storage from what the WAL recovered. The WAL does not depend on raft, so it has its own
 * entry and hard-state records; this module is the only place that maps one to the other.
 */
import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import { assert } from "@helixlog/core";
import type { ConfState, Entry, EntryType, HardState } from "@helixlog/raft";
import { MemoryStorage, noNode } from "@helixlog/raft";
import type { Wal, WalEntry, HardState as WalHardState } from "@helixlog/wal";

/** WAL entry types (a byte, opaque to the WAL). Append-only: stored logs depend on them. */
const walEntryTypes: Record<EntryType, number> = { normal: 0, confChange: 1 };

export function toWalEntry(entry: Entry): WalEntry {
  return { index: entry.index, term: entry.term, type: walEntryTypes[entry.type], data: entry.data };
}

export function fromWalEntry(entry: WalEntry): Entry {
  assert(entry.type === 0 || entry.type === 1, () => `unknown WAL entry type ${entry.type}`);
  return {
    index: entry.index,
    term: entry.term,
    type: entry.type === 0 ? "normal" : "confChange",
    data: entry.data,
  };
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
 * Rebuilds a group's Raft storage from the WAL: the compaction point becomes the snapshot (with the
 * static configuration: membership changes are not persisted yet), then the hard state and every
 * recovered entry. The result holds exactly what the WAL made durable.
 */
export async function recoverStorage(wal: Wal, group: GroupId, confState: ConfState): Promise<MemoryStorage> {
  const status = wal.status(group);
  assert(status !== undefined, () => `group ${group} is not in the WAL`);
  const storage = new MemoryStorage();
  storage.applySnapshot({
    metadata: { index: status.compaction.index, term: status.compaction.term, confState },
    data: new Uint8Array(0),
  });
  storage.setHardState(fromWalHardState(status.hardState));
  if (status.lastIndex >= status.firstIndex) {
    const entries = await wal.entries(group, status.firstIndex, (status.lastIndex + 1) as LogIndex);
    assert(
      entries.length === status.lastIndex - status.firstIndex + 1,
      () => `the WAL returned ${entries.length} entries for [${status.firstIndex}, ${status.lastIndex}]`,
    );
    storage.append(entries.map(fromWalEntry));
  }
  return storage;
}

/** The configuration of a group whose voters never change (the only kind the host supports yet). */
export function staticConfState(voters: readonly NodeId[]): ConfState {
  return { voters: [...voters], votersOutgoing: [], learners: [], learnersNext: [], autoLeave: false };
}
