/**
 * Many groups under a simulated network with faults, with quiescence on: every single-group safety
 * property holds per group (Raft §5.2-5.4: at most one leader per term, log matching, committed
 * entries never lost, state machine safety), and after the faults heal every group elects a leader,
 * commits a fresh proposal and quiesces again.
 *
 * HELIX_SIM_SEEDS raises the number of seeds (default 20); HELIX_SIM_SEED replays one seed.
 */
import { AssertionError } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { RaftLog } from "../raft-log.js";
import { MultiGroupSafetyViolation } from "./testing/multi-group-checker.js";
import { runRandomizedMultiRaft } from "./testing/randomized-multi-raft.js";

const seedCount = Number(process.env.HELIX_SIM_SEEDS ?? 20);
const singleSeed = process.env.HELIX_SIM_SEED === undefined ? undefined : Number(process.env.HELIX_SIM_SEED);
const seeds = singleSeed === undefined ? Array.from({ length: seedCount }, (_, i) => i + 1) : [singleSeed];

describe("multi-raft randomized safety", () => {
  it(
    `holds every group's safety properties and recovers every group over ${seeds.length} seeds`,
    () => {
      let applied = 0;
      let leaders = 0;
      let crashes = 0;
      let quiesces = 0;
      for (const seed of seeds) {
        const report = runRandomizedMultiRaft({ seed, steps: 700, groups: 24 });
        const replay = `(replay: HELIX_SIM_SEED=${seed})`;
        expect(report.ticksToRecover, `seed ${seed} did not recover ${replay}`).toBeGreaterThan(0);
        expect(report.quiescedAfterRecovery, `seed ${seed} did not quiesce after recovery ${replay}`).toBe(
          true,
        );
        applied += report.entriesApplied;
        leaders += report.leadersElected;
        crashes += report.crashes;
        quiesces += report.quiesceEvents;
      }
      // The runs must exercise elections, replication, crashes and quiescence, or passing means nothing.
      expect(applied).toBeGreaterThan(seeds.length * 100);
      expect(leaders).toBeGreaterThan(seeds.length * 24);
      expect(crashes).toBeGreaterThan(seeds.length * 3);
      expect(quiesces).toBeGreaterThan(seeds.length * 24);
    },
    Math.max(30_000, seeds.length * 3_000),
  );

  it("catches a deliberately broken vote rule (votes for candidates with stale logs)", () => {
    // A checker is trusted only after it has been seen to fail (STYLE.md rule 15).
    const original = RaftLog.prototype.isUpToDate;
    RaftLog.prototype.isUpToDate = () => true;
    try {
      let caught: unknown;
      for (let seed = 1; seed <= 30 && !(caught instanceof MultiGroupSafetyViolation); seed++) {
        try {
          runRandomizedMultiRaft({ seed, steps: 700, groups: 24 });
        } catch (error) {
          // A broken rule may also livelock a run (it never stabilizes); only a safety violation counts.
          caught = error;
        }
      }
      expect(caught).toBeInstanceOf(MultiGroupSafetyViolation);
    } finally {
      RaftLog.prototype.isUpToDate = original;
    }
  });

  it("catches a deliberately broken host that sends acknowledgements and votes before persisting", () => {
    // DESIGN.md §3 rule 1: the crashes between sending and persisting must be seen to matter. Raft's own
    // assertions (a commit index past a follower's log) or the checker must notice.
    let caught: unknown;
    for (let seed = 1; seed <= 10 && caught === undefined; seed++) {
      try {
        runRandomizedMultiRaft({ seed, steps: 700, groups: 24, unsafeSendBeforePersist: true });
      } catch (error) {
        caught = error;
      }
    }
    expect(caught instanceof MultiGroupSafetyViolation || caught instanceof AssertionError).toBe(true);
  });
});
