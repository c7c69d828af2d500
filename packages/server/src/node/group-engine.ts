/**
 * The seam between the Raft host and the consensus engine. The host persists, sends and applies; the
 * engine decides. Today each group is its own single-group RaftNode (SingleGroupEngine); the Multi-Raft
 * engine (packages/raft/src/multi-raft, DESIGN.md §5) will implement this same interface, with one tick
 * for every group, quiescence and coalesced heartbeats, without the host changing.
 */
import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import { assert, HelixError } from "@helixlog/core";
import type { Entry, Message, ProposalResult, RaftNode, Ready, StateRole } from "@helixlog/raft";

/** What the host and its observers may read about one group, without reaching into the engine. */
export interface GroupView {
  readonly group: GroupId;
  readonly role: StateRole;
  readonly leader: NodeId;
  readonly term: Term;
  readonly commit: LogIndex;
  readonly applied: LogIndex;
  readonly lastIndex: LogIndex;
}

export interface GroupEngine {
  /** The groups this node is a member of, ascending. */
  groupIds(): readonly GroupId[];
  /** One logical clock tick for every group. */
  tick(): void;
  /** Starts hosting a group (its RaftNode already recovered from the WAL); throws if it is hosted. */
  addGroup(group: GroupId, node: RaftNode): void;
  /** Routes a peer's message to its group; messages for unknown groups are dropped (a peer may be ahead). */
  step(message: Message): void;
  /** Asks the group's leader (this node) to hand leadership to `to` (Raft thesis §3.10). */
  transferLeadership(group: GroupId, to: NodeId): void;
  /** Throws HelixError NOT_LEADER (and the other proposal errors of RaftNode.propose). */
  propose(group: GroupId, data: Uint8Array): ProposalResult;
  /** Groups that have a Ready to collect, ascending. */
  readyGroups(): GroupId[];
  ready(group: GroupId): Ready;
  advance(group: GroupId): void;
  view(group: GroupId): GroupView;
  /** Entries [low, high) of the group's log as this node holds it (durable and not yet durable). */
  entries(group: GroupId, low: LogIndex, high: LogIndex): readonly Entry[];
  /** The term of entry `index` in this node's log, undefined when the log does not hold it. */
  term(group: GroupId, index: LogIndex): Term | undefined;
}

/** One RaftNode per group: the engine until the Multi-Raft engine replaces it. */
export class SingleGroupEngine implements GroupEngine {
  /** Ascending by group id. */
  private ids: readonly GroupId[];
  private readonly nodes: Map<GroupId, RaftNode>;

  constructor(nodes: ReadonlyMap<GroupId, RaftNode>) {
    this.nodes = new Map(nodes);
    this.ids = [...nodes.keys()].sort((a, b) => a - b);
  }

  addGroup(group: GroupId, node: RaftNode): void {
    if (this.nodes.has(group)) throw new HelixError("ALREADY_EXISTS", `group ${group} is already hosted`);
    this.nodes.set(group, node);
    this.ids = [...this.nodes.keys()].sort((a, b) => a - b);
  }

  groupIds(): readonly GroupId[] {
    return this.ids;
  }

  tick(): void {
    for (const id of this.ids) this.node(id).tick();
  }

  step(message: Message): void {
    this.nodes.get(message.group)?.step(message);
  }

  transferLeadership(group: GroupId, to: NodeId): void {
    this.node(group).transferLeadership(to);
  }

  propose(group: GroupId, data: Uint8Array): ProposalResult {
    const node = this.nodes.get(group);
    if (node === undefined) throw new HelixError("NOT_FOUND", `this node hosts no group ${group}`);
    return node.propose(data);
  }

  readyGroups(): GroupId[] {
    return this.ids.filter((id) => this.node(id).hasReady());
  }

  ready(group: GroupId): Ready {
    return this.node(group).ready();
  }

  advance(group: GroupId): void {
    this.node(group).advance();
  }

  view(group: GroupId): GroupView {
    const raft = this.node(group).raft;
    return {
      group,
      role: raft.role,
      leader: raft.leader,
      term: raft.term,
      commit: raft.log.committed,
      applied: raft.log.applied,
      lastIndex: raft.log.lastIndex(),
    };
  }

  entries(group: GroupId, low: LogIndex, high: LogIndex): readonly Entry[] {
    if (low >= high) return [];
    return this.node(group).raft.log.slice(low, high, Number.MAX_SAFE_INTEGER as never) ?? [];
  }

  term(group: GroupId, index: LogIndex): Term | undefined {
    return this.node(group).raft.log.term(index);
  }

  /** The RaftNode of a group, for tests that need to reach inside (mutation checks). */
  raftNode(group: GroupId): RaftNode {
    return this.node(group);
  }

  private node(group: GroupId): RaftNode {
    const node = this.nodes.get(group);
    assert(node !== undefined, () => `no RaftNode for group ${group}`);
    return node;
  }
}
