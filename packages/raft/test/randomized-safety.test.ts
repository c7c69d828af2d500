/**
 * Randomized safety: seeded runs of a cluster under message loss, reordering, partitions, crashes
 * (some between sending and persisting a Ready), restarts, compaction, leadership transfers, reads and
 * membership changes, with election safety, log matching, leader completeness and state machine
 * safety checked continuously (Raft figure 3), plus linearizable read indexes and lease exclusivity.
 * Each seed also picks the run's parameters (3 or 5 voters, election timeout, pre-vote, check-quorum,
 * lease reads, message size and inflight window). After the faults the healed cluster must commit
 * again. Each checker is shown to fail on a deliberately broken build.
 *
 * HELIX_SIM_SEEDS raises the number of seeds (default 300); HELIX_SIM_SEED replays one seed.
 */
import { bytes } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { Raft } from "../src/raft.js";
import { RaftLog } from "../src/raft-log.js";
import { runRandomizedSafety } from "../src/testing/randomized-safety.js";
import { SafetyViolation } from "../src/testing/safety-checker.js";

const seedCount = Number(process.env.HELIX_SIM_SEEDS ?? 300);
const singleSeed = process.env.HELIX_SIM_SEED === undefined ? undefined : Number(process.env.HELIX_SIM_SEED);
const seeds = singleSeed === undefined ? Array.from({ length: seedCount }, (_, i) => i + 1) : [singleSeed];

/** Runs one seed; a failure names the seed and the command that replays it. */
function replayable<T>(seed: number, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const replay = `HELIX_SIM_SEED=${seed} npx vitest run --project raft test/randomized-safety.test.ts`;
    throw new Error(`seed ${seed} failed (replay: ${replay}): ${String(error)}`, { cause: error });
  }
}

describe("randomized safety", () => {
  it(
    `holds the Raft safety properties and recovers liveness over ${seeds.length} seeds`,
    () => {
      let applied = 0;
      let leaders = 0;
      let crashes = 0;
      let confChanges = 0;
      let reads = 0;
      let leases = 0;
      let completeness = 0;
      let snapshots = 0;
      for (const seed of seeds) {
        const report = replayable(seed, () =>
          runRandomizedSafety({ seed, steps: 800, membershipChanges: seed % 2 === 0 }),
        );
        expect(
          report.liveAfterHealing,
          `seed ${seed} did not recover (replay: HELIX_SIM_SEED=${seed} npx vitest run --project raft test/randomized-safety.test.ts)`,
        ).toBe(true);
        applied += report.entriesApplied;
        leaders += report.leadersElected;
        crashes += report.crashes;
        confChanges += report.confChangesProposed;
        reads += report.readsChecked;
        leases += report.leasesChecked;
        completeness += report.completenessChecks;
        snapshots += report.snapshotsRestored;
      }
      // The runs must actually exercise the protocol, or passing means nothing.
      expect(applied).toBeGreaterThan(seeds.length * 20);
      expect(leaders).toBeGreaterThan(seeds.length * 2);
      expect(crashes).toBeGreaterThan(seeds.length * 5);
      if (singleSeed === undefined) {
        expect(confChanges).toBeGreaterThan(seeds.length / 4);
        expect(reads).toBeGreaterThan(seeds.length);
        expect(leases).toBeGreaterThan(seeds.length);
        expect(completeness).toBeGreaterThan(seeds.length);
        expect(snapshots).toBeGreaterThan(seeds.length / 10);
      }
    },
    Math.max(30_000, seeds.length * 250),
  );

  it("catches a deliberately broken vote rule (votes for candidates with stale logs)", () => {
    // A checker is trusted only after it has been seen to fail (STYLE.md rule 15).
    const original = RaftLog.prototype.isUpToDate;
    RaftLog.prototype.isUpToDate = () => true;
    let violations = 0;
    try {
      for (let seed = 1; seed <= 40 && violations === 0; seed++) {
        try {
          runRandomizedSafety({ seed, steps: 1500 });
        } catch (error) {
          if (!(error instanceof SafetyViolation)) throw error;
          violations++;
        }
      }
    } finally {
      RaftLog.prototype.isUpToDate = original;
    }
    expect(violations).toBeGreaterThan(0);
  });

  it("catches a deliberately broken commitment rule (commits earlier-term entries by counting)", () => {
    // Raft §5.4.2, figure 8: the failure needs several leader changes with an old entry replicated
    // between them, so only about 1 seed in 200 shows it; the search stops at the first one. If a
    // change to the harness moves it past the bound, raise the bound: the point is that the checker
    // sees the bug at all.
    const original = RaftLog.prototype.maybeCommit;
    RaftLog.prototype.maybeCommit = function (this: RaftLog, index) {
      if (index <= this.committed) return false;
      this.commitTo(index);
      return true;
    };
    let violation: SafetyViolation | undefined;
    try {
      for (let seed = 1; seed <= 400 && violation === undefined; seed++) {
        try {
          // One entry per append, so followers acknowledge an old-term entry without the new no-op.
          runRandomizedSafety({ seed, steps: 1500, settings: { appendMessageSizeBytes: bytes(1) } });
        } catch (error) {
          if (!(error instanceof SafetyViolation)) throw error;
          violation = error;
        }
      }
    } finally {
      RaftLog.prototype.maybeCommit = original;
    }
    expect(violation?.message).toMatch(/leader completeness|state machine safety|log matching/);
  }, 60_000);

  it("catches a deliberately broken leader lease (a leader that always trusts its lease)", () => {
    const original = Raft.prototype.hasValidLease;
    Raft.prototype.hasValidLease = function (this: Raft) {
      return this.role === "leader";
    };
    let violation: SafetyViolation | undefined;
    try {
      for (let seed = 1; seed <= 200 && violation === undefined; seed++) {
        try {
          runRandomizedSafety({ seed, steps: 1500 });
        } catch (error) {
          if (!(error instanceof SafetyViolation)) throw error;
          violation = error;
        }
      }
    } finally {
      Raft.prototype.hasValidLease = original;
    }
    expect(violation?.message).toMatch(/lease exclusivity|linearizability/);
  });
});
