/**
 * Flow control on the node's `/metrics` (prom-client, read at scrape time from the pure counters):
 * queue depths, work in flight, shed requests by cause, admission state and signals, quota throttling
 * (time and requests, per principal), and per-principal produce/fetch bytes and requests. Per-principal
 * series are bounded by the flow package's tenant bounds (beyond them, principals are counted together
 * under "").
 */
import { HelixError } from "@helixlog/core";
import { type PaceConfig, paceConfigDefault, validatePaceConfig } from "@helixlog/flow";
import { Counter, Gauge, type Registry } from "prom-client";
import type { NodeFlow } from "./node-flow.js";

const states = { admit: 0, queue: 1, shed: 2 } as const;

/**
 * Environment knobs of the node's flow control (run-node.ts): `HELIX_FLOW_INFLIGHT_BYTES` (work bytes
 * running before the node counts as saturated and queues fairly) and `HELIX_MEMORY_LIMIT_BYTES` (the
 * process's memory limit; RSS is measured against it) and `HELIX_FLOW_QUEUE_WAIT_MS` (longest wait in
 * the fair queue, default nodeFlowQueueWaitMicrosMax; tests that measure shares raise it). The node
 * paces its work by event-loop lag (`paceConfigDefault`) unless `HELIX_FLOW_PACE=off`;
 * `HELIX_FLOW_PACE_LAG_TARGET_MS` sets the lag target. Bad values are INVALID_CONFIG.
 */
export function nodeFlowOptionsFromEnvironment(): {
  inflightBytesMax?: number;
  memoryLimitBytes?: number;
  queueWaitMicrosMax?: number;
  paceConfig?: PaceConfig;
} {
  const read = (name: string): number | undefined => {
    const text = process.env[name];
    if (text === undefined || text === "") return undefined;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new HelixError("INVALID_CONFIG", `${name} must be a whole number >= 1, got "${text}"`);
    }
    return value;
  };
  const inflightBytesMax = read("HELIX_FLOW_INFLIGHT_BYTES");
  const memoryLimitBytes = read("HELIX_MEMORY_LIMIT_BYTES");
  const queueWaitMs = read("HELIX_FLOW_QUEUE_WAIT_MS");
  if (queueWaitMs !== undefined && queueWaitMs > 60_000) {
    throw new HelixError(
      "INVALID_CONFIG",
      `HELIX_FLOW_QUEUE_WAIT_MS must be at most 60000, got ${queueWaitMs}`,
    );
  }
  const paceMode = process.env.HELIX_FLOW_PACE ?? "on";
  if (paceMode !== "on" && paceMode !== "off") {
    throw new HelixError("INVALID_CONFIG", `HELIX_FLOW_PACE must be "on" or "off", got "${paceMode}"`);
  }
  const lagTargetMs = read("HELIX_FLOW_PACE_LAG_TARGET_MS");
  const paceConfig: PaceConfig = {
    ...paceConfigDefault,
    ...(lagTargetMs === undefined ? {} : { lagTargetMicros: lagTargetMs * 1000 }),
  };
  validatePaceConfig(paceConfig);
  return {
    ...(paceMode === "on" ? { paceConfig } : {}),
    ...(queueWaitMs === undefined ? {} : { queueWaitMicrosMax: queueWaitMs * 1000 }),
    ...(inflightBytesMax === undefined ? {} : { inflightBytesMax }),
    ...(memoryLimitBytes === undefined ? {} : { memoryLimitBytes }),
  };
}

export function registerFlowMetrics(registry: Registry, flow: NodeFlow): void {
  const registers = [registry];
  new Gauge({
    name: "helix_flow_queue_items",
    help: "Requests waiting in the node's weighted fair queue.",
    registers,
    collect() {
      this.set(flow.metrics().queueItems);
    },
  });
  new Gauge({
    name: "helix_flow_queue_bytes",
    help: "Bytes of the requests waiting in the node's weighted fair queue.",
    registers,
    collect() {
      this.set(flow.metrics().queueBytes);
    },
  });
  new Gauge({
    name: "helix_flow_queue_tenant_bytes",
    help: "Bytes each principal has waiting in the fair queue.",
    labelNames: ["principal"],
    registers,
    collect() {
      this.reset();
      for (const [tenant, counters] of flow.queue.metrics().tenants) {
        if (counters.queuedBytes > 0) this.set({ principal: tenant }, counters.queuedBytes);
      }
    },
  });
  new Gauge({
    name: "helix_flow_pace_bytes_per_second",
    help: "Bytes of work per second the node starts at most (its pace, adapted to event-loop lag).",
    registers,
    collect() {
      const pace = flow.metrics().pace;
      if (pace !== undefined) this.set(pace.rateBytesPerSecond);
    },
  });
  new Counter({
    name: "helix_flow_pace_changes_total",
    help: "Changes of the node's pace: decreases on event-loop lag, increases when healthy.",
    labelNames: ["direction"],
    registers,
    collect() {
      this.reset();
      const pace = flow.metrics().pace;
      if (pace === undefined) return;
      this.inc({ direction: "decrease" }, pace.decreases);
      this.inc({ direction: "increase" }, pace.increases);
    },
  });
  new Gauge({
    name: "helix_flow_inflight_bytes",
    help: "Bytes of produce and fetch work running on the node.",
    registers,
    collect() {
      this.set(flow.metrics().inflightBytes);
    },
  });
  new Counter({
    name: "helix_flow_shed_requests_total",
    help: "Requests refused with a retriable RESOURCE_EXHAUSTED, by cause.",
    labelNames: ["cause"],
    registers,
    collect() {
      this.reset();
      for (const [cause, count] of Object.entries(flow.metrics().shed)) this.inc({ cause }, count);
    },
  });
  new Counter({
    name: "helix_flow_queued_requests_total",
    help: "Requests that waited in the fair queue because the node was saturated.",
    registers,
    collect() {
      this.reset();
      this.inc(flow.metrics().queuedTotal);
    },
  });
  new Gauge({
    name: "helix_flow_admitted_latency_max_seconds",
    help: "Longest time from admission to answer of a produce or fetch (queue wait plus running).",
    registers,
    collect() {
      this.set(flow.metrics().admittedMicrosMax / 1e6);
    },
  });
  new Counter({
    name: "helix_flow_admitted_latency_seconds_total",
    help: "Sum of the times from admission to answer (divide by helix_flow_admitted_requests_total).",
    registers,
    collect() {
      this.reset();
      this.inc(flow.metrics().admittedMicrosTotal / 1e6);
    },
  });
  new Counter({
    name: "helix_flow_admitted_requests_total",
    help: "Produce and fetch requests answered after admission.",
    registers,
    collect() {
      this.reset();
      this.inc(flow.metrics().admittedCount);
    },
  });
  new Gauge({
    name: "helix_flow_admission_state",
    help: "The node's admission state: 0 admit, 1 queue, 2 shed.",
    registers,
    collect() {
      this.set(states[flow.admission.state]);
    },
  });
  new Gauge({
    name: "helix_flow_pressure",
    help: "The last pressure readings admission control saw.",
    labelNames: ["signal"],
    registers,
    collect() {
      const signals = flow.metrics().signals;
      if (signals === undefined) return;
      let raft = 0;
      for (const bytes of signals.raftUncommittedBytes.values()) raft = Math.max(raft, bytes);
      this.set({ signal: "wal_pending_bytes" }, signals.walPendingBytes);
      this.set({ signal: "raft_uncommitted_bytes_max" }, raft);
      this.set({ signal: "event_loop_lag_seconds" }, signals.eventLoopLagMicros / 1e6);
      this.set({ signal: "memory_used_bytes" }, signals.memoryUsedBytes);
      this.set({ signal: "memory_budget_bytes" }, signals.memoryBudgetBytes);
    },
  });
  new Counter({
    name: "helix_flow_throttled_seconds_total",
    help: "Throttle time quotas imposed (Kafka throttle_time_ms and gRPC retry delays), per principal.",
    labelNames: ["principal"],
    registers,
    collect() {
      this.reset();
      const metrics = flow.quotas.manager.metrics();
      for (const [tenant, counters] of metrics.tenants) {
        this.inc({ principal: tenant }, counters.throttledMicros / 1e6);
      }
    },
  });
  new Counter({
    name: "helix_flow_quota_throttled_requests_total",
    help: "Requests a quota throttled (Kafka) or refused (gRPC).",
    labelNames: ["outcome"],
    registers,
    collect() {
      this.reset();
      const metrics = flow.quotas.manager.metrics();
      this.inc({ outcome: "throttled" }, metrics.throttledRequests);
      this.inc({ outcome: "refused" }, metrics.deniedRequests);
    },
  });
  new Counter({
    name: "helix_flow_tenant_bytes_total",
    help: "Produce and fetch bytes per principal through flow control.",
    labelNames: ["principal", "direction"],
    registers,
    collect() {
      this.reset();
      for (const [tenant, counters] of flow.metrics().tenants) {
        this.inc({ principal: tenant, direction: "produce" }, counters.produceBytes);
        this.inc({ principal: tenant, direction: "fetch" }, counters.fetchBytes);
      }
    },
  });
  new Counter({
    name: "helix_flow_tenant_requests_total",
    help: "Produce and fetch requests per principal through flow control.",
    labelNames: ["principal"],
    registers,
    collect() {
      this.reset();
      for (const [tenant, counters] of flow.metrics().tenants)
        this.inc({ principal: tenant }, counters.requests);
    },
  });
}
