/**
 * Checks the Raft safety properties of every group of a MultiRaftCluster at once (Raft §5.2-5.4):
 * - election safety: at most one leader per group and term;
 * - state machine safety: no two nodes apply different entries at the same index of a group;
 * - log matching: two durable logs of a group that hold an entry of the same index and term are
 *   identical up to it;
 * - committed entries are never lost: every entry any node applied is, with the same term, in the
 *   durable log of every later leader of its group (leader completeness).
 * Violations throw MultiGroupSafetyViolation naming the group.
 */
import type { GroupId, LogIndex, NodeId, Term } from "@helixlog/core";
import type { MemoryStorage } from "../../storage.js";
import type { Entry } from "../../types.js";

export class MultiGroupSafetyViolation extends Error {
  override readonly name = "MultiGroupSafetyViolation";
}

interface AppliedRecord {
  readonly term: Term;
  readonly data: string;
  readonly node: NodeId;
  /**
   * The lowest term of a leader seen applying it: the entry was committed in that term or earlier, so
   * every leader of a later term must hold it. Undefined until a leader applies it.
   */
  commitTerm: Term | undefined;
}

const textDecoder = new TextDecoder();

export class MultiGroupChecker {
  /** `group:term` to the node that led it. */
  private readonly leaders = new Map<string, NodeId>();
  /** Per group, what was applied at each index. */
  private readonly applied = new Map<GroupId, Map<LogIndex, AppliedRecord>>();
  /** How much was checked, so a test can see the checker did work. */
  readonly counts = { leaders: 0, applies: 0, logComparisons: 0, completeness: 0 };

  onLeader(group: GroupId, node: NodeId, term: Term): void {
    this.counts.leaders++;
    const key = `${group}:${term}`;
    const existing = this.leaders.get(key);
    if (existing !== undefined && existing !== node) {
      throw new MultiGroupSafetyViolation(
        `election safety: nodes ${existing} and ${node} both led group ${group} in term ${term}`,
      );
    }
    this.leaders.set(key, node);
  }

  /** `leaderTerm` is the applying node's term when it leads the group, else undefined. */
  onApply(group: GroupId, node: NodeId, entry: Entry, leaderTerm: Term | undefined): void {
    this.counts.applies++;
    let records = this.applied.get(group);
    if (records === undefined) {
      records = new Map();
      this.applied.set(group, records);
    }
    const data = textDecoder.decode(entry.data);
    const existing = records.get(entry.index);
    if (existing === undefined) {
      records.set(entry.index, { term: entry.term, data, node, commitTerm: leaderTerm });
      return;
    }
    if (existing.term !== entry.term || existing.data !== data) {
      throw new MultiGroupSafetyViolation(
        `state machine safety: group ${group} index ${entry.index}: node ${node} applied ${entry.term}/"${data}" but node ${existing.node} applied ${existing.term}/"${existing.data}"`,
      );
    }
    if (leaderTerm !== undefined && (existing.commitTerm === undefined || leaderTerm < existing.commitTerm)) {
      existing.commitTerm = leaderTerm;
    }
  }

  /** Log matching between two durable logs of one group. */
  checkLogMatching(group: GroupId, left: [NodeId, MemoryStorage], right: [NodeId, MemoryStorage]): void {
    this.counts.logComparisons++;
    const [leftId, leftLog] = left;
    const [rightId, rightLog] = right;
    const low = Math.max(leftLog.firstIndex(), rightLog.firstIndex());
    let high = Math.min(leftLog.lastIndex(), rightLog.lastIndex());
    while (high >= low && leftLog.term(high as LogIndex) !== rightLog.term(high as LogIndex)) high--;
    if (high < low) return;
    const everything = Number.MAX_SAFE_INTEGER as never;
    const leftEntries = leftLog.entries(low as LogIndex, (high + 1) as LogIndex, everything);
    const rightEntries = rightLog.entries(low as LogIndex, (high + 1) as LogIndex, everything);
    for (let k = 0; k < leftEntries.length; k++) {
      const a = leftEntries[k] as Entry;
      const b = rightEntries[k] as Entry;
      if (a.term !== b.term || textDecoder.decode(a.data) !== textDecoder.decode(b.data)) {
        throw new MultiGroupSafetyViolation(
          `log matching: group ${group}: nodes ${leftId} and ${rightId} agree at ${high} but differ at ${a.index}`,
        );
      }
    }
  }

  /** Every entry committed before `term` is in the durable log of the group's leader of `term`. */
  checkLeaderCompleteness(group: GroupId, leader: NodeId, term: Term, log: MemoryStorage): void {
    const records = this.applied.get(group);
    if (records === undefined) return;
    for (const [index, record] of records) {
      if (record.commitTerm === undefined || record.commitTerm >= term || index < log.firstIndex()) continue;
      this.counts.completeness++;
      if (log.term(index) !== record.term) {
        throw new MultiGroupSafetyViolation(
          `committed entry lost: group ${group} entry ${record.term}/${index} (applied by node ${record.node}) is not in the log of leader ${leader} of term ${term} (last ${log.lastIndex()})`,
        );
      }
    }
  }

  appliedCount(group: GroupId): number {
    return this.applied.get(group)?.size ?? 0;
  }

  hasApplied(group: GroupId, data: string): boolean {
    for (const record of this.applied.get(group)?.values() ?? []) if (record.data === data) return true;
    return false;
  }
}
