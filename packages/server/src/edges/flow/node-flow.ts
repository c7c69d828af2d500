/**
 * Flow control of one node (issue 12), shared by its gRPC and Kafka edges:
 *
 * - **Quotas** (`ClusterQuotas`, from the controller's KV store) charge produce and fetch bytes and
 *   requests per principal and client id; the edges decide how to answer (gRPC refuses with a retry
 *   delay, Kafka throttles).
 * - **Admission** from real pressure signals, sampled every `nodeFlowSampleIntervalMs`: WAL bytes not yet
 *   durable, Raft bytes proposed and not committed per group led here, event-loop delay
 *   (`perf_hooks.monitorEventLoopDelay`: the median over the last second of each interval's worst delay,
 *   so one pause does not shed but persistent lag does) and memory (the worse of
 *   V8 heap used / heap limit and RSS / the configured memory limit). In `shed` new work is refused with
 *   a retriable RESOURCE_EXHAUSTED carrying a retry delay; health checks never pass through here.
 * - **Weighted fair queueing**: work (a produce's request bytes, a fetch's read) runs at once while the
 *   node has fewer than `inflightBytesMax` bytes of work running (a quarter of it in the `queue` state);
 *   past that the node is saturated and work waits in the flow package's `FairQueue` (deficit round
 *   robin across principals by weight, across a principal's partitions evenly, FIFO per partition) and
 *   starts in that order as running work finishes. The queue is bounded (items, bytes, bytes per
 *   tenant, tenants, partitions) and a request waits at most `nodeFlowQueueWaitMicrosMax`; either way
 *   the refusal is a retriable RESOURCE_EXHAUSTED with a retry delay.
 *
 * - **Pace** (`PaceController`, AIMD on event-loop lag): when the loop lags past its target the node is
 *   CPU-bound, and whatever it admits it runs, so its backlog would form in socket buffers, the event
 *   loop and clients' connections, first come first served, where no weight applies. The pace then
 *   limits the bytes per second of work the node starts (cut by a fifth per half second of lag, grown
 *   back additively when healthy), and work past it waits in the fair queue like work past the
 *   in-flight capacity: the fair queue stays the bottleneck, so tenants get their weighted shares.
 *   Only nodes given a pace configuration pace (run-node gives the default; in-process test nodes share
 *   their event loop with their clients, whose lag says nothing about the node), and only while two or
 *   more principals send work (with one there are no weights to keep, and pacing only costs throughput).
 *
 * Tenant weights come from the same quota records (`weight` of a principal's record; 1 without one).
 * Invariants: `inflightBytes` is the sum of the costs of work started and not finished; a queued item is
 * settled exactly once (started, or refused on timeout or close).
 */
import { type IntervalHistogram, monitorEventLoopDelay } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { type GroupId, HelixError, limits } from "@helixlog/core";
import {
  type AdmissionConfig,
  AdmissionController,
  admissionConfigDefault,
  FairQueue,
  type FairQueueConfig,
  fairQueueConfigDefault,
  microsToMillisRoundedUp,
  type PaceConfig,
  PaceController,
  type PaceMetrics,
  type PressureSignals,
} from "@helixlog/flow";
import type { HelixNode } from "../../node/helix-node.js";
import { ClusterQuotas, monotonicMicros } from "../grpc/flow-admission.js";

/**
 * How long the node counts as contended (two or more principals sending work) after it last saw them:
 * the pace applies only then. With one principal there are no weights to keep; pacing would only cost
 * throughput (a lone producer, a benchmark).
 */
const contendedMicros = 1_000_000;

/** Sample intervals the event-loop lag reading looks back over (20 × 50 ms: one second). */
const lagWindowSamples = Math.max(1, Math.round(1000 / limits.nodeFlowSampleIntervalMs));

/** One unit of work the node is asked to run. */
export interface FlowWork {
  /** The principal the work is charged to (the fair queue's tenant). */
  readonly tenant: string;
  readonly topic: string;
  readonly partition: number;
  /** Bytes: a produce's request bytes, a fetch's max bytes (capped at nodeFlowFetchCostBytesMax). */
  readonly costBytes: number;
  readonly kind: "produce" | "fetch";
}

export interface NodeFlowOptions {
  /** Work bytes running at once before the node counts as saturated (nodeFlowInflightBytesDefault). */
  readonly inflightBytesMax?: number;
  /** The process's memory limit (container or operator's); RSS is measured against it. Unset: heap only. */
  readonly memoryLimitBytes?: number;
  readonly queueConfig?: FairQueueConfig;
  readonly admissionConfig?: AdmissionConfig;
  /** Longest a request waits in the queue (nodeFlowQueueWaitMicrosMax). */
  readonly queueWaitMicrosMax?: number;
  /** Paces the bytes of work started per second by event-loop lag; unset: no pace. */
  readonly paceConfig?: PaceConfig;
  readonly nowMicros?: () => number;
  /** Replaces the sampled memory and event-loop readings (tests drive the signals with it). */
  readonly sampleOverride?: (sampled: PressureSignals) => PressureSignals;
}

export const nodeFlowQueueConfig: FairQueueConfig = {
  ...fairQueueConfigDefault,
  itemsMax: limits.nodeFlowQueueItemsMax,
  bytesMax: limits.nodeFlowQueueBytesMax,
  tenantBytesMax: limits.nodeFlowQueueTenantBytesMax,
};

interface Waiter {
  readonly costBytes: number;
  /**
   * Bytes charged to the pace: a produce's cost. Fetches are not paced: charged at their estimate (max
   * bytes) an idle consumer's empty reads would count as full ones, and charged what they read, a few
   * large reads at the pace's floor push the next ones past the queue wait (a reader was refused after
   * an overload). Reads hold the in-flight capacity and their quotas; writes are what costs a node CPU.
   */
  readonly paceBytes: number;
  readonly start: () => void;
  readonly refuse: (error: HelixError) => void;
  settled: boolean;
  timer: NodeJS.Timeout | undefined;
}

/** Per-tenant counters for metrics; bounded like the queue's tenants. */
export interface TenantFlowCounters {
  produceBytes: number;
  fetchBytes: number;
  requests: number;
  queuedMicros: number;
}

export interface NodeFlowMetrics {
  readonly inflightBytes: number;
  readonly inflightItems: number;
  readonly queueItems: number;
  readonly queueBytes: number;
  /** Work refused: by admission (pressure), by a full queue, by a queue wait past its bound. */
  readonly shed: Readonly<Record<"pressure" | "queueFull" | "queueTimeout", number>>;
  readonly queuedTotal: number;
  /** Longest time from admission to answer of any request so far (queue wait plus running). */
  readonly admittedMicrosMax: number;
  /** Requests answered after admission, and the sum of their times from admission to answer. */
  readonly admittedCount: number;
  readonly admittedMicrosTotal: number;
  readonly signals: PressureSignals | undefined;
  /** The pace, when the node paces its work. */
  readonly pace: PaceMetrics | undefined;
  readonly tenants: ReadonlyMap<string, Readonly<TenantFlowCounters>>;
}

export class NodeFlow {
  readonly quotas: ClusterQuotas;
  readonly admission: AdmissionController;
  readonly queue: FairQueue<Waiter>;
  readonly pace: PaceController | undefined;
  private readonly inflightBytesMax: number;
  private readonly queueWaitMicrosMax: number;
  private readonly nowMicros: () => number;
  private inflightBytes = 0;
  private inflightItems = 0;
  /** Bytes of work finished since the last sample, for the queue's drain-rate estimate. */
  private finishedBytes = 0;
  private sampledAtMicros: number;
  private lastSignals: PressureSignals | undefined;
  private readonly shed = { pressure: 0, queueFull: 0, queueTimeout: 0 };
  private queuedTotal = 0;
  private readonly admitted = { count: 0, micros: 0, microsMax: 0 };
  private readonly tenants = new Map<string, TenantFlowCounters>();
  private weightsRevision = -1;
  private sampler: NodeJS.Timeout | undefined;
  /**
   * Principals that sent work since the last sample (at most two are kept: contention is two). The node
   * is also contended while two principals have work queued.
   */
  private readonly recentTenants = new Set<string>();
  /** The node counts as contended until then; the pace applies only while contended. */
  private contendedUntilMicros = 0;
  /** Set while queued work waits for the pace: one timer restarts the pump when the pace allows. */
  private paceTimer: NodeJS.Timeout | undefined;
  private delay: IntervalHistogram | undefined;
  /** The worst event-loop delay of each of the last `lagWindowSamples` intervals, in microseconds. */
  private readonly recentLagMicros: number[] = [];

  constructor(
    private readonly node: HelixNode,
    private readonly options: NodeFlowOptions = {},
  ) {
    this.nowMicros = options.nowMicros ?? monotonicMicros;
    this.quotas = new ClusterQuotas(node, this.nowMicros);
    this.admission = new AdmissionController(options.admissionConfig ?? admissionConfigDefault);
    this.queue = new FairQueue(options.queueConfig ?? nodeFlowQueueConfig);
    this.inflightBytesMax = options.inflightBytesMax ?? limits.nodeFlowInflightBytesDefault;
    this.queueWaitMicrosMax = options.queueWaitMicrosMax ?? limits.nodeFlowQueueWaitMicrosMax;
    if (!Number.isSafeInteger(this.inflightBytesMax) || this.inflightBytesMax < 1) {
      throw new HelixError("INVALID_CONFIG", `inflightBytesMax must be a positive integer`);
    }
    const memoryLimit = options.memoryLimitBytes;
    if (memoryLimit !== undefined && (!Number.isSafeInteger(memoryLimit) || memoryLimit < 1)) {
      throw new HelixError("INVALID_CONFIG", `the memory limit must be a positive integer of bytes`);
    }
    this.sampledAtMicros = this.nowMicros();
    this.pace =
      options.paceConfig === undefined
        ? undefined
        : new PaceController(options.paceConfig, this.sampledAtMicros);
  }

  /** Starts sampling the pressure signals (and draining the queue as the capacity changes). */
  start(): void {
    if (this.sampler !== undefined) return;
    this.delay = monitorEventLoopDelay({ resolution: 10 });
    this.delay.enable();
    this.sample();
    this.sampler = setInterval(() => this.sample(), limits.nodeFlowSampleIntervalMs);
    this.sampler.unref();
  }

  /** Stops sampling and refuses every queued request (retriably): the node is going away. */
  stop(): void {
    clearInterval(this.sampler);
    this.sampler = undefined;
    clearTimeout(this.paceTimer);
    this.paceTimer = undefined;
    this.delay?.disable();
    for (let item = this.queue.dequeue(); item !== undefined; item = this.queue.dequeue()) {
      const waiter = item.value;
      if (waiter.settled) continue;
      waiter.settled = true;
      clearTimeout(waiter.timer);
      this.shed.queueTimeout += 1;
      waiter.refuse(
        new HelixError("UNAVAILABLE", "the node is shutting down; retry on another node", {
          details: { retryAfterMs: microsToMillisRoundedUp(limits.admissionShedRetryDelayMicros) },
        }),
      );
    }
  }

  /**
   * Runs `work` now, after waiting its turn in the fair queue, or refuses it with a retriable
   * RESOURCE_EXHAUSTED (pressure shed, queue full, waited too long).
   */
  async run<Result>(work: FlowWork, operation: () => Promise<Result>): Promise<Result> {
    this.refreshWeights();
    const costBytes = Math.min(Math.max(0, Math.floor(work.costBytes)), limits.fairQueueItemCostBytesMax);
    const decision = this.admission.decide(this.groupOf(work));
    if (decision.action === "shed") {
      this.shed.pressure += 1;
      throw decision.error;
    }
    const admittedAt = this.nowMicros();
    if (this.recentTenants.size < 2) this.recentTenants.add(work.tenant);
    const paceBytes = work.kind === "produce" ? costBytes : 0;
    const counters = this.countersOf(work.tenant);
    counters.requests += 1;
    if (work.kind === "produce") counters.produceBytes += costBytes;
    const saturated =
      decision.action === "queue" ||
      this.queue.size > 0 ||
      this.inflightBytes >= this.capacity() ||
      this.paceWaitMicros(admittedAt) > 0;
    if (saturated) {
      const enqueuedAt = this.nowMicros();
      await this.waitTurn(work, costBytes, paceBytes);
      counters.queuedMicros += Math.max(0, this.nowMicros() - enqueuedAt);
    } else {
      this.begin(costBytes, paceBytes);
    }
    try {
      return await operation();
    } finally {
      this.finish(costBytes);
      const micros = Math.max(0, this.nowMicros() - admittedAt);
      this.admitted.count += 1;
      this.admitted.micros += micros;
      this.admitted.microsMax = Math.max(this.admitted.microsMax, micros);
    }
  }

  /** Counts bytes a fetch returned (metrics only: the fetch was queued at its estimate). */
  countFetched(tenant: string, bytes: number): void {
    this.countersOf(tenant).fetchBytes += bytes;
  }

  metrics(): NodeFlowMetrics {
    return {
      inflightBytes: this.inflightBytes,
      inflightItems: this.inflightItems,
      queueItems: this.queue.size,
      queueBytes: this.queue.sizeBytes,
      shed: { ...this.shed },
      queuedTotal: this.queuedTotal,
      admittedMicrosMax: this.admitted.microsMax,
      admittedCount: this.admitted.count,
      admittedMicrosTotal: this.admitted.micros,
      signals: this.lastSignals,
      pace: this.pace?.metrics(),
      tenants: this.tenants,
    };
  }

  /** Work bytes the node runs at once in its current admission state. */
  private capacity(): number {
    return this.admission.state === "admit"
      ? this.inflightBytesMax
      : Math.max(1, Math.floor(this.inflightBytesMax / 4));
  }

  private waitTurn(work: FlowWork, costBytes: number, paceBytes: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        costBytes,
        paceBytes,
        start: resolve,
        refuse: reject,
        settled: false,
        timer: undefined,
      };
      const result = this.queue.tryEnqueue({
        tenant: work.tenant,
        partition: `${work.topic}\u0000${work.partition}`,
        costBytes,
        value: waiter,
      });
      if (!result.queued) {
        this.shed.queueFull += 1;
        reject(result.error);
        return;
      }
      this.queuedTotal += 1;
      waiter.timer = setTimeout(
        () => {
          // Still queued: refuse now; the queue skips the waiter when its turn comes.
          if (waiter.settled) return;
          waiter.settled = true;
          this.shed.queueTimeout += 1;
          reject(queueTimeoutError(this.queueWaitMicrosMax));
        },
        Math.ceil(this.queueWaitMicrosMax / 1000),
      );
      waiter.timer.unref();
      this.pump();
    });
  }

  private begin(costBytes: number, paceBytes: number): void {
    this.pace?.start(paceBytes, this.nowMicros());
    this.inflightBytes += costBytes;
    this.inflightItems += 1;
  }

  private finish(costBytes: number): void {
    this.inflightBytes -= costBytes;
    this.inflightItems -= 1;
    this.finishedBytes += costBytes;
    this.pump();
  }

  /** Starts queued work, in the queue's weighted order, while the node has capacity and its pace allows. */
  private pump(): void {
    while (this.queue.size > 0 && (this.inflightItems === 0 || this.inflightBytes < this.capacity())) {
      const paceWaitMicros = this.paceWaitMicros(this.nowMicros());
      if (paceWaitMicros > 0) {
        this.pumpAfter(paceWaitMicros);
        return;
      }
      const item = this.queue.dequeue();
      if (item === undefined) return;
      const waiter = item.value;
      if (waiter.settled) continue; // timed out while queued
      waiter.settled = true;
      clearTimeout(waiter.timer);
      this.begin(waiter.costBytes, waiter.paceBytes);
      waiter.start();
    }
  }

  /** Microseconds until the pace lets work start: 0 without a pace or while the node is not contended. */
  private paceWaitMicros(nowMicros: number): number {
    if (this.pace === undefined || nowMicros >= this.contendedUntilMicros) return 0;
    return this.pace.waitMicros(nowMicros);
  }

  /** Pumps again once the pace allows (one timer at a time; finishing work and samples pump too). */
  private pumpAfter(waitMicros: number): void {
    if (this.paceTimer !== undefined) return;
    this.paceTimer = setTimeout(
      () => {
        this.paceTimer = undefined;
        this.pump();
      },
      Math.ceil(waitMicros / 1000),
    );
    this.paceTimer.unref();
  }

  /** Reads the pressure signals now and feeds the admission policy (the sampler calls it periodically). */
  sample(): void {
    const now = this.nowMicros();
    const { walPendingBytes, raftUncommittedBytes } = this.node.pressure();
    const heap = getHeapStatistics();
    const rss = process.memoryUsage.rss();
    const limit = this.options.memoryLimitBytes;
    // The worse of heap / heap limit and RSS / memory limit, as a (used, budget) pair.
    const useRss = limit !== undefined && rss * heap.heap_size_limit > heap.used_heap_size * limit;
    let signals: PressureSignals = {
      walPendingBytes,
      raftUncommittedBytes,
      eventLoopLagMicros: this.observeLag(Math.round((this.delay?.max ?? 0) / 1000)),
      memoryUsedBytes: useRss ? rss : heap.used_heap_size,
      memoryBudgetBytes: useRss ? (limit as number) : heap.heap_size_limit,
    };
    this.delay?.reset();
    if (this.options.sampleOverride !== undefined) signals = this.options.sampleOverride(signals);
    this.admission.observe(signals, now);
    if (this.recentTenants.size >= 2 || this.queue.metrics().activeTenants >= 2) {
      this.contendedUntilMicros = now + contendedMicros;
    }
    this.recentTenants.clear();
    // Uncontended, lag is no reason to pace (nothing to keep fair): observed as none.
    const contended = now < this.contendedUntilMicros;
    this.pace?.observe({ eventLoopLagMicros: contended ? signals.eventLoopLagMicros : 0 }, now);
    this.lastSignals = signals;
    const elapsed = now - this.sampledAtMicros;
    if (elapsed > 0 && this.finishedBytes > 0) {
      this.queue.setDrainRate(Math.max(1, Math.round((this.finishedBytes * 1_000_000) / elapsed)));
    }
    this.finishedBytes = 0;
    this.sampledAtMicros = now;
    this.pump();
  }

  /**
   * The event-loop lag reading: the median of the worst delays of the last intervals (about a second).
   * One long pause (a GC, the OS scheduling another process on a busy machine) does not shed work; lag
   * that persists for half the window does.
   */
  private observeLag(worstMicros: number): number {
    this.recentLagMicros.push(worstMicros);
    if (this.recentLagMicros.length > lagWindowSamples) this.recentLagMicros.shift();
    const sorted = [...this.recentLagMicros].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  }

  /** Tenant weights from the principals' quota records, reread when the records change. */
  private refreshWeights(): void {
    this.quotas.maybeRefresh();
    const revision = this.quotas.recordsVersion;
    if (revision === this.weightsRevision) return;
    this.weightsRevision = revision;
    const weights = new Map<string, number>();
    for (const record of this.quotas.records) {
      const principal = record.entity.principal;
      if (record.entity.client !== undefined || principal === undefined) continue;
      if (record.limits.weight > 0 && weights.size < limits.fairQueueTenantsMax) {
        weights.set(principal, record.limits.weight);
      }
    }
    this.queue.setTenantWeights(weights);
  }

  private groupOf(work: FlowWork): GroupId | undefined {
    return this.node.topic(work.topic)?.partitions[work.partition]?.group;
  }

  private countersOf(tenant: string): TenantFlowCounters {
    let counters = this.tenants.get(tenant);
    if (counters === undefined) {
      if (this.tenants.size >= limits.fairQueueTenantsMax) {
        // Tenants past the bound are counted together under "".
        counters = this.tenants.get("") ?? { produceBytes: 0, fetchBytes: 0, requests: 0, queuedMicros: 0 };
        this.tenants.set("", counters);
        return counters;
      }
      counters = { produceBytes: 0, fetchBytes: 0, requests: 0, queuedMicros: 0 };
      this.tenants.set(tenant, counters);
    }
    return counters;
  }
}

function queueTimeoutError(waitMicros: number): HelixError {
  const retryAfterMicros = limits.admissionShedRetryDelayMicros;
  return new HelixError(
    "RESOURCE_EXHAUSTED",
    `the node is saturated: the request waited ${microsToMillisRoundedUp(waitMicros)} ms in its queue; ` +
      `retry in ${microsToMillisRoundedUp(retryAfterMicros)} ms`,
    {
      details: {
        reason: "queueTimeout",
        retryAfterMicros,
        retryAfterMs: microsToMillisRoundedUp(retryAfterMicros),
      },
    },
  );
}
