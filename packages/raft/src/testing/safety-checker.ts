/**
 * Checks the Raft safety properties (Raft §5.2-5.4, figure 3) over a RaftNetwork as it runs:
 * - election safety: at most one leader per term;
 * - log matching: two logs with an entry of the same index and term are identical up to it;
 * - leader completeness: a leader holds every entry committed in an earlier term;
 * - state machine safety: no two nodes apply different entries at the same index;
 * - linearizable reads: a read index is at least every commit index reached before the read began;
 * - lease exclusivity: while a leader believes its lease valid, no node leads a later term.
 * Violations throw SafetyViolation with a description of the cluster.
 */
import type { LogIndex, NodeId, Term } from "@helixlog/core";
import type { Entry } from "../types.js";
import type { RaftNetwork, SimulatedNode } from "./network.js";

export class SafetyViolation extends Error {
  override readonly name = "SafetyViolation";
}

interface AppliedRecord {
  readonly term: Term;
  readonly digest: number;
  readonly node: NodeId;
}

export class SafetyChecker {
  /** The leader of each term seen so far. */
  private readonly leaders = new Map<Term, NodeId>();
  /** What was applied at each index, and the digest after applying it. */
  private readonly applied = new Map<LogIndex, AppliedRecord>();
  /** For each committed index, the earliest term in which a leader committed it. */
  private readonly committedInTerm = new Map<
    LogIndex,
    { readonly commitTerm: Term; readonly entryTerm: Term }
  >();
  /** How many of each property were checked, so a test can see the checker did work. */
  readonly counts = {
    leaders: 0,
    applies: 0,
    logComparisons: 0,
    completeness: 0,
    reads: 0,
    leases: 0,
    snapshots: 0,
  };
  /** The highest commit index any node has reached. */
  private maxCommitted = 0;
  /** For each pending read context, the least index its answer may carry. */
  private readonly readsRequired = new Map<string, number>();
  /** Per node, how many of its read states were already checked. */
  private readonly readsChecked = new Map<NodeId, number>();

  constructor(private readonly network: RaftNetwork) {
    network.observer = {
      onRoleChange: (node, role, term) => {
        if (role === "leader") this.checkElectionSafety(node, term);
      },
      onApply: (node, entry) => this.checkApply(node, entry),
      onCommitAdvance: (node, commit, term) => this.recordCommit(node, commit, term),
      onRestoreSnapshot: () => {
        this.counts.snapshots++;
      },
    };
  }

  private fail(message: string): never {
    throw new SafetyViolation(`${message}\n${this.network.describe()}`);
  }

  private checkElectionSafety(node: SimulatedNode, term: Term): void {
    this.counts.leaders++;
    const existing = this.leaders.get(term);
    if (existing !== undefined && existing !== node.id) {
      this.fail(`election safety: nodes ${existing} and ${node.id} both led term ${term}`);
    }
    this.leaders.set(term, node.id);
  }

  private checkApply(node: SimulatedNode, entry: Entry): void {
    this.counts.applies++;
    const digest = node.stateMachine.digest;
    const existing = this.applied.get(entry.index);
    if (existing === undefined) {
      this.applied.set(entry.index, { term: entry.term, digest, node: node.id });
      return;
    }
    if (existing.term !== entry.term || existing.digest !== digest) {
      this.fail(
        `state machine safety: node ${node.id} applied ${entry.term}/${entry.index} (digest ${digest}) but node ${existing.node} applied ${existing.term}/${entry.index} (digest ${existing.digest})`,
      );
    }
  }

  private recordCommit(node: SimulatedNode, commit: LogIndex, term: Term): void {
    this.maxCommitted = Math.max(this.maxCommitted, commit);
    const raft = node.raft?.raft;
    if (raft === undefined || raft.role !== "leader") return;
    for (let index = commit; index >= raft.log.firstIndex() && !this.committedInTerm.has(index); index--) {
      const entryTerm = raft.log.term(index);
      if (entryTerm === undefined) break;
      this.committedInTerm.set(index, { commitTerm: term, entryTerm });
    }
  }

  /** Call just before asking for a read: its answer must cover everything committed by now. */
  recordReadRequest(context: string): void {
    for (const node of this.network.liveNodes()) {
      this.maxCommitted = Math.max(this.maxCommitted, node.live.raft.log.committed);
    }
    this.readsRequired.set(context, this.maxCommitted);
  }

  /** Checks every read state produced since the last call against its request. */
  checkReads(): void {
    for (const node of this.network.liveNodes()) {
      const checked = this.readsChecked.get(node.id) ?? 0;
      for (const read of node.readStates.slice(checked)) {
        const required = this.readsRequired.get(read.context);
        if (required === undefined) continue;
        this.counts.reads++;
        if (read.index < required) {
          this.fail(
            `linearizability: node ${node.id} answered read ${read.context} at ${read.index}, but ${required} was committed before it began`,
          );
        }
      }
      this.readsChecked.set(node.id, node.readStates.length);
    }
  }

  /** Checks that no leader holding a lease coexists with a leader of a later term (thesis §6.4.1). */
  checkLeases(): void {
    const nodes = this.network.liveNodes();
    for (const holder of nodes) {
      const raft = holder.live.raft;
      if (!raft.hasValidLease()) continue;
      this.counts.leases++;
      for (const other of nodes) {
        const otherRaft = other.live.raft;
        if (otherRaft.role === "leader" && otherRaft.term > raft.term) {
          this.fail(
            `lease exclusivity: node ${holder.id} holds a lease in term ${raft.term} while node ${other.id} leads term ${otherRaft.term}`,
          );
        }
      }
    }
  }

  /** Checks log matching between every pair of live nodes and completeness of every live leader. */
  checkLogs(): void {
    const nodes = this.network.liveNodes();
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++)
        this.checkLogMatching(nodes[i] as SimulatedNode, nodes[j] as SimulatedNode);
    }
    for (const node of nodes) if (node.live.raft.role === "leader") this.checkLeaderCompleteness(node);
  }

  private checkLogMatching(left: SimulatedNode, right: SimulatedNode): void {
    this.counts.logComparisons++;
    const leftLog = left.live.raft.log;
    const rightLog = right.live.raft.log;
    const low = Math.max(leftLog.firstIndex(), rightLog.firstIndex());
    let high = Math.min(leftLog.lastIndex(), rightLog.lastIndex());
    // Find the last index where both logs hold an entry of the same term; everything before must agree.
    while (high >= low && leftLog.term(high as LogIndex) !== rightLog.term(high as LogIndex)) high--;
    if (high < low) return;
    const leftEntries =
      leftLog.slice(low as LogIndex, (high + 1) as LogIndex, Number.MAX_SAFE_INTEGER as never) ?? [];
    const rightEntries =
      rightLog.slice(low as LogIndex, (high + 1) as LogIndex, Number.MAX_SAFE_INTEGER as never) ?? [];
    for (let k = 0; k < leftEntries.length; k++) {
      const a = leftEntries[k] as Entry;
      const b = rightEntries[k] as Entry;
      if (a.term !== b.term || a.type !== b.type || !sameBytes(a.data, b.data)) {
        this.fail(
          `log matching: nodes ${left.id} and ${right.id} agree at ${high} but differ at ${a.index} (${a.term} vs ${b.term})`,
        );
      }
    }
  }

  private checkLeaderCompleteness(leader: SimulatedNode): void {
    const raft = leader.live.raft;
    for (const [index, committed] of this.committedInTerm) {
      if (committed.commitTerm >= raft.term || index < raft.log.firstIndex()) continue;
      this.counts.completeness++;
      if (raft.log.term(index) !== committed.entryTerm) {
        this.fail(
          `leader completeness: leader ${leader.id} of term ${raft.term} lacks entry ${committed.entryTerm}/${index} committed in term ${committed.commitTerm}`,
        );
      }
    }
  }
}

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  if (left.byteLength !== right.byteLength) return false;
  for (let i = 0; i < left.byteLength; i++) if (left[i] !== right[i]) return false;
  return true;
}
