/**
 * The simulator's invariant checkers, run continuously as the cluster runs (DESIGN.md §9.3). Each is
 * fed plain facts (who leads which term, which entries a node made durable, what it applied), so a
 * test can feed a fabricated violating sequence and see it fail (STYLE.md rule 15).
 *
 * - election safety: at most one leader per term per group (Raft §5.2);
 * - log matching: entries with the same (index, term) hold the same data and follow the same term, on
 *   every node; by induction two logs agreeing at an index agree on the whole prefix (§5.3);
 * - leader completeness: a new leader holds every entry committed in an earlier term (§5.4);
 * - state machine safety: no two nodes apply different entries at one index (§5.4.3), and no two
 *   snapshots of a group at one index differ (a snapshot is the state after applying its prefix);
 * - durability: a restarted node recovers every entry and hard state its WAL acknowledged, and no vote
 *   of its current term is forgotten (DESIGN.md §3 rule 1); entries below a durable snapshot may go
 *   (compaction), the snapshot may not;
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

/** What the checkers keep of an entry: its term, its data's digest, the term before it, who had it. */
interface Fact {
  readonly term: number;
  readonly digest: number;
  readonly previousTerm: number;
  readonly node: NodeId;
}

/**
 * Facts by log index, for one group: at most one per (index, term). The first fact at an index sits in
 * parallel columns of numbers, others (entries of other terms at an index, from a replaced suffix) in
 * a map. The checkers look a fact up for every entry a node makes durable, recovers or applies, and the
 * heaviest runs replay millions of entries after restarts: an object per index, scattered over the
 * heap, made each look-up a cache miss, where the columns are read in index order.
 */
class FactsByIndex {
  /** terms[i]: the term of the first fact at index i (0: none yet; real entries have terms from 1). */
  private readonly terms: number[] = [];
  private readonly digests: number[] = [];
  private readonly previousTerms: number[] = [];
  private readonly nodes: number[] = [];
  /** Facts of other terms, by index. */
  private readonly others = new Map<number, Fact[]>();

  /** The fact at (index, term), if one was added. */
  find(index: number, term: number): Fact | undefined {
    const first = this.terms[index];
    if (first === term) {
      return {
        term,
        digest: this.digests[index] as number,
        previousTerm: this.previousTerms[index] as number,
        node: this.nodes[index] as NodeId,
      };
    }
    if (first === undefined || first === 0) return undefined;
    return this.others.get(index)?.find((fact) => fact.term === term);
  }

  /** Whether the fact at (index, term) is there with this digest and previous term (`unknown` matches any). */
  matches(index: number, term: number, digest: number, previousTerm: number): boolean | undefined {
    if (this.terms[index] !== term) {
      const fact = this.find(index, term);
      return fact === undefined ? undefined : agrees(fact, digest, previousTerm);
    }
    const known = this.previousTerms[index] as number;
    return (
      this.digests[index] === digest &&
      (known === previousTerm || known === unknown || previousTerm === unknown)
    );
  }

  /** The term of the first fact at `index`, if any. */
  firstTerm(index: number): number | undefined {
    const term = this.terms[index];
    return term === undefined || term === 0 ? undefined : term;
  }

  /** Adds a fact at an (index, term) that has none. */
  add(index: number, term: number, digest: number, previousTerm: number, node: NodeId): void {
    const first = this.terms[index];
    if (first !== undefined && first !== 0) {
      const fact = { term, digest, previousTerm, node };
      const others = this.others.get(index);
      if (others === undefined) this.others.set(index, [fact]);
      else others.push(fact);
      return;
    }
    // Kept packed: an index past the end first fills the gap with "none".
    while (this.terms.length < index) {
      this.terms.push(0);
      this.digests.push(0);
      this.previousTerms.push(0);
      this.nodes.push(0);
    }
    this.terms[index] = term;
    this.digests[index] = digest;
    this.previousTerms[index] = previousTerm;
    this.nodes[index] = node;
  }
}

function agrees(fact: Fact, digest: number, previousTerm: number): boolean {
  return (
    fact.digest === digest &&
    (fact.previousTerm === previousTerm || fact.previousTerm === unknown || previousTerm === unknown)
  );
}

/** A term or end offset the checkers no longer know: the entry is inside a snapshot. */
const unknown = -1;

/** A node's durable log of one group as the checkers track it: terms and end offsets by index. */
class TrackedLog {
  /** terms[i] is the term of entry i; index 0 and 1 (the bootstrap) hold term 0 and 1. */
  terms: number[] = [0, 1];
  /** endOffsets[i]: the partition offset after entry i. */
  endOffsets: number[] = [0, 0];
  /** The index of the node's latest durable snapshot of the group (1: none, the bootstrap entry). */
  snapshotIndex = 1;
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
  /** Per group: every (index, term) seen durable on some node, with its digest and previous term. */
  private readonly entries = new Map<GroupId, FactsByIndex>();
  /**
   * Per group: for each index a leader committed, the term it was committed in and the entry's term
   * (dense arrays by index: leader completeness walks them at every election).
   */
  private readonly commits = new Map<GroupId, { commitTerms: number[]; entryTerms: number[] }>();
  /** Per group: index -> the first snapshot saved at that index (its digest, term, node). */
  private readonly snapshots = new Map<
    GroupId,
    Map<number, { digest: number; term: number; node: NodeId }>
  >();
  /** Per group: what was applied at each index first (term, digest, node; previous term unused). */
  private readonly applied = new Map<GroupId, FactsByIndex>();
  /** Per node and group: what the node's WAL has acknowledged as durable. */
  private readonly durable = new Map<number, TrackedLog>();
  /** Counts of checks done, so a run can show that every checker worked. */
  readonly counts = {
    leaders: 0,
    entries: 0,
    completeness: 0,
    applies: 0,
    recoveries: 0,
    snapshots: 0,
    offsets: 0,
    acknowledgedChecks: 0,
  };

  /**
   * `node` leads `term`; `termAt` reads its log, which holds nothing below `compactedThrough` (its
   * snapshot covers those entries, and snapshots are checked against each other as they are saved).
   */
  onLeader(
    group: GroupId,
    term: number,
    node: NodeId,
    termAt: (index: number) => number | undefined,
    compactedThrough = 0,
  ): void {
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
    const { commitTerms, entryTerms } = this.commitsOf(group);
    for (let index = Math.max(2, compactedThrough); index < commitTerms.length; index++) {
      const commitTerm = commitTerms[index];
      if (commitTerm === undefined || commitTerm >= term) continue;
      this.counts.completeness++;
      const held = termAt(index);
      if (held !== entryTerms[index]) {
        throw new SimulationViolation(
          "leader completeness",
          `group ${group}: leader ${node} of term ${term} holds term ${held} at ${index}, but entry ${index}/${entryTerms[index]} was committed in term ${commitTerm}`,
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
    const { commitTerms, entryTerms } = this.commitsOf(group);
    for (let index = to; index > from; index--) {
      if (commitTerms[index] !== undefined) break;
      const entryTerm = termAt(index);
      if (entryTerm === undefined) break;
      commitTerms[index] = term;
      entryTerms[index] = entryTerm;
    }
  }

  private commitsOf(group: GroupId): { commitTerms: number[]; entryTerms: number[] } {
    let commits = this.commits.get(group);
    if (commits === undefined) {
      commits = { commitTerms: [], entryTerms: [] };
      this.commits.set(group, commits);
    }
    return commits;
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
    const registry = factsOf(this.entries, group);
    for (const entry of entries) {
      this.counts.entries++;
      if (entry.index < 2 || entry.index > log.terms.length) {
        throw new SimulationViolation(
          "log matching",
          `node ${node} group ${group}: entry ${entry.index} does not extend its log of ${log.terms.length - 1} entries`,
        );
      }
      const previousTerm = log.terms[entry.index - 1] as number;
      const matches = registry.matches(entry.index, entry.term, entry.digest, previousTerm);
      if (matches === undefined) {
        registry.add(entry.index, entry.term, entry.digest, previousTerm, node);
      } else if (!matches) {
        const known = registry.find(entry.index, entry.term) as Fact;
        throw new SimulationViolation(
          "log matching",
          `group ${group}: entry ${entry.index}/${entry.term} on node ${node} (digest ${entry.digest}, previous term ${previousTerm}) differs from node ${known.node}'s (digest ${known.digest}, previous term ${known.previousTerm})`,
        );
      }
      // Most entries extend the log; setting an array's length is a runtime call, so only to cut it.
      if (log.terms.length !== entry.index) {
        log.terms.length = entry.index;
        log.endOffsets.length = entry.index;
      }
      log.terms.push(entry.term);
      const previousEnd = log.endOffsets[entry.index - 1] as number;
      if (entry.baseOffset !== undefined) {
        this.counts.offsets++;
        if (entry.baseOffset !== previousEnd && previousEnd !== unknown) {
          throw new SimulationViolation(
            "offset contiguity",
            `node ${node} group ${group}: entry ${entry.index} starts at offset ${entry.baseOffset}, but the previous entry ends at ${previousEnd}`,
          );
        }
        log.endOffsets.push(entry.baseOffset + entry.recordCount);
      } else {
        log.endOffsets.push(previousEnd);
      }
      if (entry.index <= log.snapshotIndex) this.checkAgainstSnapshot(node, group, log, entry.index);
    }
    if (hardState !== undefined) {
      log.term = hardState.term;
      log.vote = hardState.vote;
    }
  }

  /**
   * A restarted node recovered its durable snapshot of the group (`snapshot`: index 1, term 1 and end
   * offset 0 when it has none), the entries after it, and `hardState`, from its snapshot file and WAL.
   * Everything the WAL acknowledged before the crash must be there, except entries a durable snapshot
   * covers; the snapshot must be the latest one saved. The recovered log then replaces the tracked one.
   */
  onRecovered(
    node: NodeId,
    group: GroupId,
    snapshot: { readonly index: number; readonly term: number; readonly endOffset: number },
    entries: readonly EntryFact[],
    hardState: { term: number; vote: number },
  ): void {
    this.counts.recoveries++;
    const before = this.trackedLog(node, group);
    if (snapshot.index < before.snapshotIndex) {
      throw new SimulationViolation(
        "durability",
        `node ${node} group ${group}: a snapshot at ${before.snapshotIndex} was durable but the node recovered ${snapshot.index === 1 ? "none" : `the one at ${snapshot.index}`}`,
      );
    }
    const recoveredTerms: number[] = [];
    recoveredTerms[snapshot.index] = snapshot.term;
    for (const entry of entries) recoveredTerms[entry.index] = entry.term;
    for (let index = Math.max(2, snapshot.index); index < before.terms.length; index++) {
      const expected = before.terms[index];
      if (
        expected !== unknown &&
        recoveredTerms[index] !== expected &&
        !explainedByPending(before, index, recoveredTerms)
      ) {
        throw new SimulationViolation(
          "durability",
          `node ${node} group ${group}: entry ${index}/${expected} was acknowledged durable but recovered as ${recoveredTerms[index] === undefined ? "missing" : `term ${recoveredTerms[index]}`}`,
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
    const log = new TrackedLog();
    if (snapshot.index > 1) resetToSnapshot(log, snapshot.index, snapshot.term, snapshot.endOffset);
    this.durable.set(trackedKey(node, group), log);
    this.onDurable(node, group, entries, hardState);
  }

  /**
   * A node made a snapshot of the group durable: its own (of what it applied through `index`, whose
   * entry has `term`) or one its leader sent. Two snapshots at one index must be the same state; a
   * snapshot that does not extend the node's durable log replaces that log (Raft §7: the follower's
   * conflicting suffix is uncommitted, so it goes).
   */
  onSnapshotSaved(
    node: NodeId,
    group: GroupId,
    snapshot: {
      readonly index: number;
      readonly term: number;
      readonly endOffset: number;
      readonly digest: number;
    },
  ): void {
    this.counts.snapshots++;
    const { index, term, endOffset, digest } = snapshot;
    const saved = mapOf(this.snapshots, group);
    const first = saved.get(index);
    if (first === undefined) saved.set(index, { digest, term, node });
    else if (first.digest !== digest || first.term !== term) {
      throw new SimulationViolation(
        "state machine safety",
        `group ${group}: node ${node}'s snapshot at ${index}/${term} (digest ${digest}) differs from node ${first.node}'s at ${index}/${first.term} (digest ${first.digest})`,
      );
    }
    const appliedTerm = factsOf(this.applied, group).firstTerm(index);
    if (appliedTerm !== undefined && appliedTerm !== term) {
      const applied = factsOf(this.applied, group).find(index, appliedTerm) as Fact;
      throw new SimulationViolation(
        "state machine safety",
        `group ${group}: node ${node} saved a snapshot through ${index}/${term}, but node ${applied.node} applied ${index}/${applied.term}`,
      );
    }
    const log = this.trackedLog(node, group);
    if (log.terms[index] === term) {
      const end = log.endOffsets[index] as number;
      if (end !== unknown && end !== endOffset) {
        throw new SimulationViolation(
          "offset contiguity",
          `node ${node} group ${group}: its snapshot at ${index} ends at offset ${endOffset}, its log at ${end}`,
        );
      }
      log.snapshotIndex = Math.max(log.snapshotIndex, index);
    } else {
      resetToSnapshot(log, index, term, endOffset);
    }
  }

  /** An entry at or below the node's snapshot index must be the one the snapshot ends with. */
  private checkAgainstSnapshot(node: NodeId, group: GroupId, log: TrackedLog, index: number): void {
    if (index !== log.snapshotIndex) return;
    const snapshot = mapOf(this.snapshots, group).get(index);
    if (snapshot !== undefined && snapshot.term !== log.terms[index]) {
      throw new SimulationViolation(
        "log matching",
        `node ${node} group ${group}: entry ${index}/${log.terms[index]} replaces the end of its snapshot at ${index}/${snapshot.term}`,
      );
    }
  }

  /** A node applied `entry` of `group`. */
  onApply(node: NodeId, group: GroupId, entry: EntryFact): void {
    this.onApplied(node, group, entry.index, entry.term, entry.digest);
  }

  /** A node applied the entry at `index` of `group`, of `term` and with data of `digest`. */
  onApplied(node: NodeId, group: GroupId, index: number, term: number, digest: number): void {
    this.counts.applies++;
    const applied = factsOf(this.applied, group);
    const firstTerm = applied.firstTerm(index);
    if (firstTerm === undefined) {
      applied.add(index, term, digest, unknown, node);
      return;
    }
    if (!applied.matches(index, term, digest, unknown)) {
      const first = applied.find(index, firstTerm) as Fact;
      throw new SimulationViolation(
        "state machine safety",
        `group ${group}: node ${node} applied ${index}/${term} (digest ${digest}) but node ${first.node} applied ${index}/${first.term} (digest ${first.digest})`,
      );
    }
  }

  /**
   * At the end: an acknowledged entry must be in every live node's log (`termAt` reads it) or in its
   * snapshot (through `compactedThrough`), which then holds the entry applied at that index everywhere.
   */
  checkAcknowledged(
    group: GroupId,
    index: number,
    term: number,
    node: NodeId,
    termAt: (index: number) => number | undefined,
    compactedThrough = 0,
  ): void {
    this.counts.acknowledgedChecks++;
    const held = index < compactedThrough ? factsOf(this.applied, group).firstTerm(index) : termAt(index);
    if (held !== term) {
      throw new SimulationViolation(
        "acknowledged write lost",
        `group ${group}: entry ${index}/${term} was acknowledged to a client, but node ${node} holds ${held === undefined ? "nothing" : `term ${held}`} there`,
      );
    }
  }

  private trackedLog(node: NodeId, group: GroupId): TrackedLog {
    const key = trackedKey(node, group);
    let log = this.durable.get(key);
    if (log === undefined) {
      log = new TrackedLog();
      this.durable.set(key, log);
    }
    return log;
  }
}

/**
 * The key of a node's tracked log of a group: a small integer (a double key hashes slower, and this is
 * looked up for every durable write). Node ids stay under 2^10 and group ids under 2^20 in a simulation.
 */
function trackedKey(node: NodeId, group: GroupId): number {
  if (group >= 2 ** 20 || node >= 2 ** 10) throw new Error(`node ${node} or group ${group} out of range`);
  return node * 2 ** 20 + group;
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

/** The log becomes the snapshot: nothing known below it, nothing after it. */
function resetToSnapshot(log: TrackedLog, index: number, term: number, endOffset: number): void {
  const keep = Math.min(log.terms.length, index);
  log.terms.length = keep;
  log.endOffsets.length = keep;
  for (let i = 2; i < keep; i++) {
    log.terms[i] = unknown;
    log.endOffsets[i] = unknown;
  }
  while (log.terms.length < index) {
    log.terms.push(unknown);
    log.endOffsets.push(unknown);
  }
  log.terms.push(term);
  log.endOffsets.push(endOffset);
  log.snapshotIndex = index;
}

function factsOf(outer: Map<GroupId, FactsByIndex>, group: GroupId): FactsByIndex {
  let facts = outer.get(group);
  if (facts === undefined) {
    facts = new FactsByIndex();
    outer.set(group, facts);
  }
  return facts;
}

function mapOf<K, V>(outer: Map<GroupId, Map<K, V>>, group: GroupId): Map<K, V> {
  let inner = outer.get(group);
  if (inner === undefined) {
    inner = new Map();
    outer.set(group, inner);
  }
  return inner;
}
