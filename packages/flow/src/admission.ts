import { assert, assertNever, type GroupId, HelixError, limits } from "@helixlog/core";
import { microsToMillisRoundedUp } from "./internal/exact.js";

/** What to do with new work: run it now, put it in the fair queue, or refuse it (retriably). */
export type AdmissionState = "admit" | "queue" | "shed";

/** Pressure readings the server samples and passes in; flow never measures anything itself. */
export interface PressureSignals {
  /** WAL appends accepted but not yet durable. */
  readonly walPendingBytes: number;
  /** Per Raft group led here: log bytes beyond the commit index. Groups not listed have none. */
  readonly raftUncommittedBytes: ReadonlyMap<GroupId, number>;
  /** How late the event loop runs timers (the server measures it, e.g. with `monitorEventLoopDelay`). */
  readonly eventLoopLagMicros: number;
  readonly memoryUsedBytes: number;
  /** The memory the node may use (heap limit or container limit); memory pressure is relative to it. */
  readonly memoryBudgetBytes: number;
}

/**
 * Thresholds of one signal. A signal enters a state at its enter threshold and leaves it only below its
 * exit threshold (hysteresis), so a reading hovering near a threshold does not flip the state.
 * Invariant (validated): queueExit < queueEnter ≤ shedExit < shedEnter.
 */
export interface PressureThresholds {
  readonly queueEnter: number;
  readonly queueExit: number;
  readonly shedEnter: number;
  readonly shedExit: number;
}

export type PressureSignal =
  | "walPendingBytes"
  | "raftUncommittedBytes"
  | "eventLoopLagMicros"
  | "memoryPerMille";
const nodeSignals = ["walPendingBytes", "eventLoopLagMicros", "memoryPerMille"] as const;

export interface AdmissionConfig {
  readonly thresholds: Readonly<Record<PressureSignal, PressureThresholds>>;
  readonly shedRetryDelayMicros: number;
}

export const admissionConfigDefault: AdmissionConfig = {
  thresholds: {
    walPendingBytes: {
      queueEnter: limits.admissionWalPendingBytesQueueEnter,
      queueExit: limits.admissionWalPendingBytesQueueExit,
      shedEnter: limits.admissionWalPendingBytesShedEnter,
      shedExit: limits.admissionWalPendingBytesShedExit,
    },
    raftUncommittedBytes: {
      queueEnter: limits.admissionRaftUncommittedBytesQueueEnter,
      queueExit: limits.admissionRaftUncommittedBytesQueueExit,
      shedEnter: limits.admissionRaftUncommittedBytesShedEnter,
      shedExit: limits.admissionRaftUncommittedBytesShedExit,
    },
    eventLoopLagMicros: {
      queueEnter: limits.admissionEventLoopLagMicrosQueueEnter,
      queueExit: limits.admissionEventLoopLagMicrosQueueExit,
      shedEnter: limits.admissionEventLoopLagMicrosShedEnter,
      shedExit: limits.admissionEventLoopLagMicrosShedExit,
    },
    memoryPerMille: {
      queueEnter: limits.admissionMemoryPerMilleQueueEnter,
      queueExit: limits.admissionMemoryPerMilleQueueExit,
      shedEnter: limits.admissionMemoryPerMilleShedEnter,
      shedExit: limits.admissionMemoryPerMilleShedExit,
    },
  },
  shedRetryDelayMicros: limits.admissionShedRetryDelayMicros,
};

/** Checks an admission configuration from outside (flags, a config file). */
export function validateAdmissionConfig(config: AdmissionConfig): void {
  for (const [signal, thresholds] of Object.entries(config.thresholds)) {
    const { queueEnter, queueExit, shedEnter, shedExit } = thresholds;
    const values = [queueEnter, queueExit, shedEnter, shedExit];
    if (!values.every((value) => Number.isSafeInteger(value) && value >= 0)) {
      throw new HelixError(
        "INVALID_CONFIG",
        `admission thresholds of ${signal} must be non-negative integers`,
      );
    }
    if (!(queueExit < queueEnter && queueEnter <= shedExit && shedExit < shedEnter)) {
      throw new HelixError(
        "INVALID_CONFIG",
        `admission thresholds of ${signal} must satisfy queueExit < queueEnter <= shedExit < shedEnter`,
      );
    }
  }
  const delay = config.shedRetryDelayMicros;
  if (!Number.isInteger(delay) || delay < limits.retryDelayMicrosMin || delay > limits.throttleMicrosMax) {
    throw new HelixError(
      "INVALID_CONFIG",
      `shedRetryDelayMicros must be an integer in [${limits.retryDelayMicrosMin}, ${limits.throttleMicrosMax}]`,
    );
  }
}

const severity: Readonly<Record<AdmissionState, number>> = { admit: 0, queue: 1, shed: 2 };

function worse(left: AdmissionState, right: AdmissionState): AdmissionState {
  return severity[right] > severity[left] ? right : left;
}

/** One hysteresis step: the state a signal is in after reading `value`, given the state it was in. */
export function nextPressureState(
  current: AdmissionState,
  value: number,
  thresholds: PressureThresholds,
): AdmissionState {
  switch (current) {
    case "admit":
      if (value >= thresholds.shedEnter) return "shed";
      return value >= thresholds.queueEnter ? "queue" : "admit";
    case "queue":
      if (value >= thresholds.shedEnter) return "shed";
      return value >= thresholds.queueExit ? "queue" : "admit";
    case "shed":
      if (value >= thresholds.shedExit) return "shed";
      return value >= thresholds.queueExit ? "queue" : "admit";
    default:
      return assertNever(current, "admission state");
  }
}

export type AdmissionDecision =
  | { readonly action: "admit" }
  | { readonly action: "queue" }
  | { readonly action: "shed"; readonly retryAfterMicros: number; readonly error: HelixError };

/** Plain numbers for the server to export. */
export interface AdmissionMetrics {
  readonly state: AdmissionState;
  readonly signalStates: Readonly<Record<(typeof nodeSignals)[number], AdmissionState>>;
  /** Raft groups currently queueing or shedding on their own uncommitted bytes. */
  readonly groupsUnderPressure: number;
  readonly decisions: Readonly<Record<AdmissionState, number>>;
  /** Changes of the node-wide state. */
  readonly transitions: number;
  /** Time spent in each node-wide state, between observations. */
  readonly micros: Readonly<Record<AdmissionState, number>>;
}

/**
 * Admission control from pressure signals, as a pure policy: `observe` feeds readings and time, `decide`
 * answers for one request (optionally for one Raft group). The node-wide state is the worst of the WAL,
 * event-loop and memory signals; a request to a group also counts that group's uncommitted bytes, so a
 * slow group sheds its own producers without stopping the rest of the node.
 */
export class AdmissionController {
  private readonly config: AdmissionConfig;
  private readonly signalStates: Record<(typeof nodeSignals)[number], AdmissionState> = {
    walPendingBytes: "admit",
    eventLoopLagMicros: "admit",
    memoryPerMille: "admit",
  };
  /** Groups in `queue` or `shed`; a group back to `admit` is removed. Invariant: size ≤ admissionGroupsMax. */
  private readonly groupStates = new Map<GroupId, AdmissionState>();
  private nodeState: AdmissionState = "admit";
  /** Time of the last observation, or undefined before the first. */
  private observedMicros: number | undefined;
  private transitions = 0;
  private readonly decisions: Record<AdmissionState, number> = { admit: 0, queue: 0, shed: 0 };
  private readonly micros: Record<AdmissionState, number> = { admit: 0, queue: 0, shed: 0 };

  constructor(config: AdmissionConfig = admissionConfigDefault) {
    validateAdmissionConfig(config);
    this.config = config;
  }

  get state(): AdmissionState {
    return this.nodeState;
  }

  observe(signals: PressureSignals, nowMicros: number): void {
    assertSignals(signals);
    this.accountTime(nowMicros);
    const readings = {
      walPendingBytes: signals.walPendingBytes,
      eventLoopLagMicros: signals.eventLoopLagMicros,
      memoryPerMille: Math.floor((signals.memoryUsedBytes * 1000) / signals.memoryBudgetBytes),
    };
    let state: AdmissionState = "admit";
    for (const signal of nodeSignals) {
      this.signalStates[signal] = nextPressureState(
        this.signalStates[signal],
        readings[signal],
        this.config.thresholds[signal],
      );
      state = worse(state, this.signalStates[signal]);
    }
    if (state !== this.nodeState) this.transitions += 1;
    this.nodeState = state;
    this.observeGroups(signals.raftUncommittedBytes);
  }

  decide(group?: GroupId): AdmissionDecision {
    const groupState = group === undefined ? "admit" : (this.groupStates.get(group) ?? "admit");
    const state = worse(this.nodeState, groupState);
    this.decisions[state] += 1;
    if (state !== "shed") return { action: state };
    const retryAfterMicros = this.config.shedRetryDelayMicros;
    const error = new HelixError(
      "RESOURCE_EXHAUSTED",
      `the node is overloaded${groupState === "shed" ? " (this partition's replication is behind)" : ""}; ` +
        `retry in ${microsToMillisRoundedUp(retryAfterMicros)} ms`,
      {
        details: {
          reason: "overloaded",
          retryAfterMicros,
          retryAfterMs: microsToMillisRoundedUp(retryAfterMicros),
        },
      },
    );
    return { action: "shed", retryAfterMicros, error };
  }

  metrics(): AdmissionMetrics {
    return {
      state: this.nodeState,
      signalStates: { ...this.signalStates },
      groupsUnderPressure: this.groupStates.size,
      decisions: { ...this.decisions },
      transitions: this.transitions,
      micros: { ...this.micros },
    };
  }

  private observeGroups(uncommitted: ReadonlyMap<GroupId, number>): void {
    const thresholds = this.config.thresholds.raftUncommittedBytes;
    for (const group of this.groupStates.keys()) {
      if (!uncommitted.has(group)) this.groupStates.delete(group);
    }
    for (const [group, bytes] of uncommitted) {
      assert(Number.isSafeInteger(bytes) && bytes >= 0, "uncommitted bytes must be a non-negative integer");
      const next = nextPressureState(this.groupStates.get(group) ?? "admit", bytes, thresholds);
      if (next === "admit") this.groupStates.delete(group);
      else this.groupStates.set(group, next);
    }
  }

  /** Credits the time since the last observation to the state the node was in during it. */
  private accountTime(nowMicros: number): void {
    assert(
      Number.isSafeInteger(nowMicros) && nowMicros >= 0,
      "time must be non-negative integer microseconds",
    );
    if (this.observedMicros !== undefined && nowMicros > this.observedMicros) {
      this.micros[this.nodeState] += nowMicros - this.observedMicros;
    }
    this.observedMicros = Math.max(this.observedMicros ?? nowMicros, nowMicros);
  }
}

function assertSignals(signals: PressureSignals): void {
  for (const value of [signals.walPendingBytes, signals.eventLoopLagMicros, signals.memoryUsedBytes]) {
    assert(Number.isSafeInteger(value) && value >= 0, "pressure readings must be non-negative integers");
  }
  assert(
    Number.isSafeInteger(signals.memoryBudgetBytes) && signals.memoryBudgetBytes > 0,
    "memory budget must be positive",
  );
  assert(signals.raftUncommittedBytes.size <= limits.admissionGroupsMax, "more groups than one node hosts");
}
