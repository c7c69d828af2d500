/**
 * What the Raft host exposes about its groups without exposing the consensus engine: a view of each
 * group (role, leader, term, indexes) and read access to the Raft log each group holds. The engine is
 * the Multi-Raft engine of `@helixlog/raft` (DESIGN.md §5); these adapters keep its internals out of
 * HelixNode and the simulator's checkers.
 */
import type { Bytes, GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import type { Entry, MultiRaft, StateRole } from "@helixlog/raft";

/** What the host and its observers may read about one group, without reaching into the engine. */
export interface GroupView {
  readonly group: GroupId;
  readonly role: StateRole;
  readonly leader: NodeId;
  readonly term: Term;
  readonly commit: LogIndex;
  readonly applied: LogIndex;
  readonly lastIndex: LogIndex;
  /** Whether the group is quiesced (ticks cost it nothing until a message or proposal wakes it). */
  readonly quiesced: boolean;
}

/** Read access to the Raft logs the host holds, durable and not yet durable alike. */
export interface GroupLogReader {
  /** Entries [low, high) of the group's log as this node holds it (empty where it holds none). */
  entries(group: GroupId, low: LogIndex, high: LogIndex): readonly Entry[];
  /** The term of entry `index` in this node's log, undefined when the log does not hold it. */
  term(group: GroupId, index: LogIndex): Term | undefined;
}

export function groupView(engine: MultiRaft, group: GroupId): GroupView {
  const status = engine.status(group);
  return {
    group,
    role: status.role,
    leader: status.leader,
    term: status.term,
    commit: status.committed,
    applied: status.applied,
    lastIndex: status.lastIndex,
    quiesced: status.quiesced,
  };
}

/** The log reader over the Multi-Raft engine: each group's in-memory Raft log. */
export class MultiRaftLogReader implements GroupLogReader {
  constructor(private readonly engine: MultiRaft) {}

  entries(group: GroupId, low: LogIndex, high: LogIndex): readonly Entry[] {
    if (low >= high || !this.engine.hasGroup(group)) return [];
    const log = this.engine.raftNode(group).raft.log;
    return log.slice(low, high, Number.MAX_SAFE_INTEGER as Bytes) ?? [];
  }

  term(group: GroupId, index: LogIndex): Term | undefined {
    if (!this.engine.hasGroup(group)) return undefined;
    return this.engine.raftNode(group).raft.log.term(index);
  }
}
