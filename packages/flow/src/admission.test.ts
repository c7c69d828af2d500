/**
 * Admission control specification:
 * - each signal moves admit → queue → shed at its enter thresholds and back only below its exit
 *   thresholds (hysteresis): every change of state is justified by the reading, and a reading hovering
 *   between exit and enter never changes the state (property);
 * - the node-wide state is the worst signal; a Raft group behind on commits sheds only its own requests;
 * - a shed decision is a retriable RESOURCE_EXHAUSTED with the configured retry delay;
 * - counters (decisions, transitions, time in each state) are plain numbers.
 */
import { type GroupId, groupId, HelixError, limits } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AdmissionController,
  type AdmissionState,
  admissionConfigDefault,
  nextPressureState,
  type PressureSignals,
  type PressureThresholds,
  validateAdmissionConfig,
} from "./admission.js";

const thresholds: PressureThresholds = { queueExit: 10, queueEnter: 20, shedExit: 30, shedEnter: 40 };
const gib = 1024 ** 3;

function calm(overrides: Partial<PressureSignals> = {}): PressureSignals {
  return {
    walPendingBytes: 0,
    raftUncommittedBytes: new Map(),
    eventLoopLagMicros: 0,
    memoryUsedBytes: 0,
    memoryBudgetBytes: gib,
    ...overrides,
  };
}

describe("nextPressureState (one signal, with hysteresis)", () => {
  it("enters queue and shed at the enter thresholds and leaves only below the exit thresholds", () => {
    const walk = (values: number[]) => {
      let state: AdmissionState = "admit";
      return values.map((value) => {
        state = nextPressureState(state, value, thresholds);
        return state;
      });
    };
    expect(walk([19, 20, 11, 10, 9])).toEqual(["admit", "queue", "queue", "queue", "admit"]);
    expect(walk([40, 31, 30, 29, 10, 9])).toEqual(["shed", "shed", "shed", "queue", "queue", "admit"]);
    expect(walk([45, 5])).toEqual(["shed", "admit"]);
  });

  it("justifies every change by the reading, so a reading inside a band never flips the state", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (values) => {
        let state: AdmissionState = "admit";
        for (const value of values) {
          const next = nextPressureState(state, value, thresholds);
          if (next === "shed" && state !== "shed") expect(value).toBeGreaterThanOrEqual(thresholds.shedEnter);
          if (next === "queue" && state === "admit")
            expect(value).toBeGreaterThanOrEqual(thresholds.queueEnter);
          if (state === "shed" && next !== "shed") expect(value).toBeLessThan(thresholds.shedExit);
          if (state !== "admit" && next === "admit") expect(value).toBeLessThan(thresholds.queueExit);
          if (value >= thresholds.queueExit && value < thresholds.queueEnter && state !== "shed")
            expect(next).toBe(state);
          if (value >= thresholds.shedExit && value < thresholds.shedEnter && state !== "admit")
            expect(next).toBe(state);
          state = next;
        }
      }),
    );
  });
});

describe("AdmissionController", () => {
  it("admits when calm, queues and sheds on the worst node-wide signal", () => {
    const admission = new AdmissionController();
    admission.observe(calm(), 0);
    expect(admission.decide()).toEqual({ action: "admit" });
    admission.observe(calm({ eventLoopLagMicros: limits.admissionEventLoopLagMicrosQueueEnter }), 1000);
    expect(admission.decide()).toEqual({ action: "queue" });
    admission.observe(
      calm({ eventLoopLagMicros: 30_000, walPendingBytes: limits.admissionWalPendingBytesShedEnter }),
      2000,
    );
    const decision = admission.decide();
    expect(decision.action).toBe("shed");
    if (decision.action === "shed") {
      expect(HelixError.is(decision.error, "RESOURCE_EXHAUSTED")).toBe(true);
      expect(decision.error.retriable).toBe(true);
      expect(decision.retryAfterMicros).toBe(limits.admissionShedRetryDelayMicros);
      expect(decision.error.details).toMatchObject({
        retryAfterMs: limits.admissionShedRetryDelayMicros / 1000,
      });
    }
    expect(admission.metrics().signalStates).toEqual({
      walPendingBytes: "shed",
      eventLoopLagMicros: "queue",
      memoryPerMille: "admit",
    });
  });

  it("measures memory against the node's budget", () => {
    const admission = new AdmissionController();
    admission.observe(calm({ memoryUsedBytes: 950 * 1024 ** 2 }), 0);
    expect(admission.state).toBe("shed");
    admission.observe(calm({ memoryUsedBytes: 850 * 1024 ** 2 }), 1);
    expect(admission.state).toBe("shed");
    admission.observe(calm({ memoryUsedBytes: 700 * 1024 ** 2 }), 2);
    expect(admission.state).toBe("queue");
  });

  it("sheds only the requests of a Raft group that is behind, and forgets it once it catches up", () => {
    const admission = new AdmissionController();
    const slow: GroupId = groupId(7);
    const healthy: GroupId = groupId(8);
    const behind = new Map([
      [slow, limits.admissionRaftUncommittedBytesShedEnter],
      [healthy, 1024],
    ]);
    admission.observe(calm({ raftUncommittedBytes: behind }), 0);
    expect(admission.decide(slow).action).toBe("shed");
    expect(admission.decide(healthy).action).toBe("admit");
    expect(admission.decide().action).toBe("admit");
    expect(admission.metrics().groupsUnderPressure).toBe(1);
    admission.observe(calm(), 1);
    expect(admission.decide(slow).action).toBe("admit");
    expect(admission.metrics().groupsUnderPressure).toBe(0);
  });

  it("counts decisions, transitions and the time spent in each state", () => {
    const admission = new AdmissionController();
    admission.observe(calm(), 0);
    admission.decide();
    admission.observe(calm({ walPendingBytes: limits.admissionWalPendingBytesQueueEnter }), 1_000);
    admission.decide();
    admission.observe(calm(), 4_000);
    expect(admission.metrics()).toMatchObject({
      state: "admit",
      transitions: 2,
      decisions: { admit: 1, queue: 1, shed: 0 },
      micros: { admit: 1_000, queue: 3_000, shed: 0 },
    });
  });

  it("rejects thresholds without hysteresis or in the wrong order", () => {
    const broken = (memoryPerMille: PressureThresholds) => ({
      ...admissionConfigDefault,
      thresholds: { ...admissionConfigDefault.thresholds, memoryPerMille },
    });
    expect(() =>
      validateAdmissionConfig(broken({ queueExit: 20, queueEnter: 20, shedExit: 30, shedEnter: 40 })),
    ).toThrow(HelixError);
    expect(() =>
      validateAdmissionConfig(broken({ queueExit: 10, queueEnter: 35, shedExit: 30, shedEnter: 40 })),
    ).toThrow(HelixError);
    expect(() => validateAdmissionConfig({ ...admissionConfigDefault, shedRetryDelayMicros: 0 })).toThrow(
      HelixError,
    );
    expect(() => validateAdmissionConfig(admissionConfigDefault)).not.toThrow();
  });
});
