/**
 * The simulator's invariant checkers, run continuously as the cluster runs (DESIGN.md §9.3). Each is
 * fed plain facts (who leads which term, which entries a node made durable, what it applied), so a
 * test can feed a fabricated violating sequence and see it fail (STYLE.md rule 15).
 *
 * - election safety: at most one leader per term per group (Raft §5.2);
 * - log matching: entries with the same (index, term) hold the same data and follow the same term, on
 *   every node; by induction two logs agreeing at an index agree on the whole prefix (§5.3);
 * - leader completeness: a new leader holds every entry committed in an earlier term (§5.4);
 * - state machine safety: no two nodes apply different entries at one index (§5.4.3);
 * - durability: a restarted node recovers every entry and hard state its WAL acknowledged, and no vote
 *   of its current term is forgotten (DESIGN.md §3 rule 1);
 * - offset contiguity: in every node's durable log, each data entry starts where the previous one
 *   ended (DESIGN.md §2);
 * - no acknowledged proposal lost: at the end, every acknowledged entry is in every live node's log.
 */
import type { GroupId, NodeId } from "@helixlog/core";

export class SimulationViolation extends Error {
  override readonly name = "SimulationViolation";
  constructor(
    readonly checker: string,
    message: string,
  ) {
    super(`${checker}: ${message}`);
  }
}

/** What the checkers need of an entry: its place, a digest of its data and its partition offset. */
export interface EntryFact {
  readonly index: number;
  readonly term: number;
  readonly digest: number;
  /** The partition offset a data entry starts at; undefined for entries that carry no records. */
  readonly baseOffset: number | undefined;
  /** Records the entry carries (1 for a client entry). */
  readonly recordCount: number;
}

interface Registered {
  readonly digest: number;
  readonly previousTerm: number;
  readonly node: NodeId;
}

/** A node's durable log of one group as the checkers track it: terms and end offsets by index. */
class TrackedLog {
  /** terms[i] is the term of entry i; index 0 and 1 (the bootstrap) hold term 0 and 1. */
  terms: number[] = [0, 1];
  /** endOffsets[i]: the partition offset after entry i. */
  endOffsets: number[] = [0, 0];
  vote = 0;
  term = 0;
  /** Writes handed to the WAL and not yet acknowledged, oldest first: (first index, terms). */
  pending: Array<{ readonly first: number; readonly terms: readonly number[] }> = [];
}

export class Checkers {
  /**
   * @param skipLeaderCompleteness only for the mutation check, which shows that the later checkers
   *   (state machine safety, no acknowledged write lost) catch a bug leader completeness catches first.
   */
  constructor(private readonly skipLeaderCompleteness = false) {}

  /** Per group: the leader of each term. */
  private readonly leaders = new Map<GroupId, Map<number, NodeId>>();
  /** Per group: every (index, term) seen durable on some node, keyed index * 2^20 + term. */
  private readonly entries = new Map<GroupId, Map<number, Registered>>();
  /** Per group: index -> the term a leader committed it in, and the entry's term. */
  private readonly commits = new Map<GroupId, Map<number, { commitTerm: number; entryTerm: number }>>();
  /** Per group: index -> what was applied there first (term, digest, node). */
  private readonly applied = new Map<GroupId, Map<number, { term: number; digest: number; node: NodeId }>>();
  /** Per node and group: what the node's WAL has acknowledged as durable. */
  private readonly durable = new Map<string, TrackedLog>();
  /** Counts of checks done, so a run can show that every checker worked. */
  readonly counts = {
    leaders: 0,
    entries: 0,
    completeness: 0,
    applies: 0,
    recoveries: 0,
    offsets: 0,
    acknowledgedChecks: 0,
  };

  onLeader(group: GroupId, term: number, node: NodeId, termAt: (index: number) => number | undefined): void {
    this.counts.leaders++;
    const byTerm = mapOf(this.leaders, group);
    const existing = byTerm.get(term);
    if (existing !== undefined && existing !== node) {
      throw new SimulationViolation(
        "election safety",
        `group ${group}: nodes ${existing} and ${node} both lead term ${term}`,
      );
    }
    byTerm.set(term, node);
    if (this.skipLeaderCompleteness) return;
    for (const [index, commit] of mapOf(this.commits, group)) {
      if (commit.commitTerm >= term) continue;
      this.counts.completeness++;
      const held = termAt(index);
      if (held !== commit.entryTerm) {
        throw new SimulationViolation(
          "leader completeness",
          `group ${group}: leader ${node} of term ${term} holds term ${held} at ${index}, but entry ${index}/${commit.entryTerm} was committed in term ${commit.commitTerm}`,
        );
      }
    }
  }

  /** A leader of `term` advanced its commit index over (from, to]; `termAt` reads its log. */
  onCommit(
    group: GroupId,
    term: number,
    from: number,
    to: number,
    termAt: (index: number) => number | undefined,
  ): void {
    const commits = mapOf(this.commits, group);
    for (let index = to; index > from; index--) {
      if (commits.has(index)) break;
      const entryTerm = termAt(index);
      if (entryTerm === undefined) break;
      commits.set(index, { commitTerm: term, entryTerm });
    }
  }

  /** The node handed these entries to its WAL; until acknowledged, a crash may keep any prefix of them. */
  onIssued(node: NodeId, group: GroupId, entries: readonly { index: number; term: number }[]): void {
    const first = entries[0]?.index ?? Number.POSITIVE_INFINITY;
    this.trackedLog(node, group).pending.push({ first, terms: entries.map((entry) => entry.term) });
  }

  /**
   * Entries the node's WAL made durable (replacing any suffix from the first one's index), with the
   * hard state written with them. Checks log matching and offset contiguity, and records them for the
   * durability check of the next recovery.
   */
  onDurable(
    node: NodeId,
    group: GroupId,
    entries: readonly EntryFact[],
    hardState: { term: number; vote: number } | undefined,
  ): void {
    const log = this.trackedLog(node, group);
    log.pending.shift();
    const registry = mapOf(this.entries, group);
    for (const entry of entries) {
      this.counts.entries++;
      if (entry.index < 2 || entry.index > log.terms.length) {
        throw new SimulationViolation(
          "log matching",
          `node ${node} group ${group}: entry ${entry.index} does not extend its log of ${log.terms.length - 1} entries`,
        );
      }
      const previousTerm = log.terms[entry.index - 1] as number;
      const key = entry.index * 2 ** 20 + entry.term;
      const known = registry.get(key);
      if (known === undefined) registry.set(key, { digest: entry.digest, previousTerm, node });
      else if (known.digest !== entry.digest || known.previousTerm !== previousTerm) {
        throw new SimulationViolation(
          "log matching",
          `group ${group}: entry ${entry.index}/${entry.term} on node ${node} (digest ${entry.digest}, previous term ${previousTerm}) differs from node ${known.node}'s (digest ${known.digest}, previous term ${known.previousTerm})`,
        );
      }
      log.terms.length = entry.index;
      log.endOffsets.length = entry.index;
      log.terms.push(entry.term);
      const previousEnd = log.endOffsets[entry.index - 1] as number;
      if (entry.baseOffset !== undefined) {
        this.counts.offsets++;
        if (entry.baseOffset !== previousEnd) {
          throw new SimulationViolation(
            "offset contiguity",
            `node ${node} group ${group}: entry ${entry.index} starts at offset ${entry.baseOffset}, but the previous entry ends at ${previousEnd}`,
          );
        }
        log.endOffsets.push(entry.baseOffset + entry.recordCount);
      } else {
        log.endOffsets.push(previousEnd);
      }
    }
    if (hardState !== undefined) {
      log.term = hardState.term;
      log.vote = hardState.vote;
    }
  }

  /**
   * A restarted node recovered `entries` (index 2 on) and `hardState` from its WAL. Everything the
   * WAL acknowledged before the crash must be there; the recovered log then replaces the tracked one.
   */
  onRecovered(
    node: NodeId,
    group: GroupId,
    entries: readonly EntryFact[],
    hardState: { term: number; vote: number },
  ): void {
    this.counts.recoveries++;
    const before = this.trackedLog(node, group);
    const recoveredTerms = [0, 1, ...entries.map((entry) => entry.term)];
    for (let index = 2; index < before.terms.length; index++) {
      if (
        recoveredTerms[index] !== before.terms[index] &&
        !explainedByPending(before, index, recoveredTerms)
      ) {
        throw new SimulationViolation(
          "durability",
          `node ${node} group ${group}: entry ${index}/${before.terms[index]} was acknowledged durable but recovered as ${recoveredTerms[index] === undefined ? "missing" : `term ${recoveredTerms[index]}`}`,
        );
      }
    }
    if (
      hardState.term < before.term ||
      (hardState.term === before.term && before.vote !== 0 && hardState.vote !== before.vote)
    ) {
      throw new SimulationViolation(
        "durability",
        `node ${node} group ${group}: hard state term ${before.term} vote ${before.vote} was acknowledged durable but recovered as term ${hardState.term} vote ${hardState.vote}`,
      );
    }
    this.durable.set(`${node}/${group}`, new TrackedLog());
    this.onDurable(node, group, entries, hardState);
  }

  /** A node applied `entry` of `group`. */
  onApply(node: NodeId, group: GroupId, entry: EntryFact): void {
    this.counts.applies++;
    const applied = mapOf(this.applied, group);
    const first = applied.get(entry.index);
    if (first === undefined) {
      applied.set(entry.index, { term: entry.term, digest: entry.digest, node });
      return;
    }
    if (first.term !== entry.term || first.digest !== entry.digest) {
      throw new SimulationViolation(
        "state machine safety",
        `group ${group}: node ${node} applied ${entry.index}/${entry.term} (digest ${entry.digest}) but node ${first.node} applied ${entry.index}/${first.term} (digest ${first.digest})`,
      );
    }
  }

  /** At the end: an acknowledged entry must be in every live node's log (`termAt` reads it). */
  checkAcknowledged(
    group: GroupId,
    index: number,
    term: number,
    node: NodeId,
    termAt: (index: number) => number | undefined,
  ): void {
    this.counts.acknowledgedChecks++;
    const held = termAt(index);
    if (held !== term) {
      throw new SimulationViolation(
        "acknowledged write lost",
        `group ${group}: entry ${index}/${term} was acknowledged to a client, but node ${node} holds ${held === undefined ? "nothing" : `term ${held}`} there`,
      );
    }
  }

  private trackedLog(node: NodeId, group: GroupId): TrackedLog {
    const key = `${node}/${group}`;
    let log = this.durable.get(key);
    if (log === undefined) {
      log = new TrackedLog();
      this.durable.set(key, log);
    }
    return log;
  }
}

/**
 * Whether the recovered log may differ from the acknowledged one at `index` because a write that was
 * never acknowledged replaced the suffix from there and partly survived the crash (the WAL promises a
 * prefix of its records in append order, and Raft tolerates it: the replaced entries were uncommitted).
 */
function explainedByPending(log: TrackedLog, index: number, recoveredTerms: readonly number[]): boolean {
  return log.pending.some((write) => {
    if (write.first > index || recoveredTerms.length - 1 < write.first) return false;
    const recovered = recoveredTerms[index];
    return recovered === undefined || write.terms[index - write.first] === recovered;
  });
}

function mapOf<K, V>(outer: Map<GroupId, Map<K, V>>, group: GroupId): Map<K, V> {
  let inner = outer.get(group);
  if (inner === undefined) {
    inner = new Map();
    outer.set(group, inner);
  }
  return inner;
}
