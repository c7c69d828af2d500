/**
 * Limits of flow control (package `flow`): token buckets, quotas, the weighted fair queue and admission
 * control. Time is in integer microseconds throughout flow, so durations here end in `Micros`.
 */
import { assert } from "../assert.js";

/**
 * Token buckets keep their level exactly as `tokens × 1,000,000` (one unit per token-microsecond of
 * refill), so every value they hold must stay below 2^52: that keeps products and one-off float
 * divisions exact. The burst and debt bounds below are chosen to fit together inside that range.
 */
export const tokenBucketScaledLevelMax = 2 ** 52;

/** Largest refill rate: 16 GiB/s is above a 100 Gb/s NIC, so no real quota needs more. */
export const tokenBucketRatePerSecondMax = 2 ** 34;

/** Largest burst: 2 GiB of bytes (or requests). With the debt bound it keeps the scaled level below 2^52. */
export const tokenBucketBurstMax = 2 ** 31;

/**
 * Largest debt a Kafka-style bucket may run into (tokens below zero). Debt only grows when a client ignores
 * its throttle, which KIP-219 muting prevents; the bound keeps arithmetic exact if it happens anyway.
 */
export const tokenBucketDebtMax = 2 ** 31;

/**
 * Longest throttle (and shed retry delay) Helix asks of a client. Kafka clients default to a 30 s
 * `request.timeout.ms`; a muted connection must be unmuted well before that or the client gives up and
 * reconnects, which costs more than the request did. Kafka caps its throttle at its quota window too.
 */
export const throttleMicrosMax = 10_000_000;

/** Shortest retry delay a shed request carries: below 10 ms clients would spin instead of backing off. */
export const retryDelayMicrosMin = 10_000;

/** Quota definitions one cluster stores: the controller replicates them, and every node indexes them all. */
export const quotaDefinitionsMax = 10_000;

/** Length of a tenant, client id or topic in a quota definition. Kafka topic names stop at 249. */
export const quotaKeyLengthMax = 255;

/**
 * Token buckets one quota manager keeps (one per level, subject and resource that has been seen). Client
 * ids are chosen by clients, so without a bound a client inventing ids could exhaust memory. A full bucket
 * is identical to a fresh one, so full buckets are dropped first when the bound is reached.
 */
export const quotaBucketsMax = 100_000;

/** Items (requests) the fair queue holds on one node: each holds a parsed request and a pending reply. */
export const fairQueueItemsMax = 100_000;

/** Bytes the fair queue holds on one node: twice the WAL's pending-bytes bound of 128 MiB. */
export const fairQueueBytesMax = 256 * 1024 * 1024;

/** Bytes one tenant may have queued: a quarter of the node's queue, so one tenant cannot fill it. */
export const fairQueueTenantBytesMax = 64 * 1024 * 1024;

/** Tenants with queued work at once; bounds the scheduler's ring and its per-tenant state. */
export const fairQueueTenantsMax = 10_000;

/** Partitions one tenant may have queued work for at once; bounds the inner ring of one tenant. */
export const fairQueuePartitionsPerTenantMax = 10_000;

/** Largest cost of one item: a whole WAL entry (16 MiB), the largest unit of work the node accepts. */
export const fairQueueItemCostBytesMax = 16 * 1024 * 1024;

/** Largest tenant weight: weights are relative, and 1,000 levels of priority are more than operators use. */
export const fairQueueWeightMax = 1000;

/**
 * Deficit round robin quantum per unit of weight. 64 KiB holds four default-sized Kafka batches (16 KiB
 * `batch.size`), so most tenants send whole batches in one turn, while a turn stays short enough that a
 * small tenant waits for at most 64 KiB × weight from each other tenant.
 */
export const fairQueueQuantumBytes = 64 * 1024;

/**
 * Drain rate the fair queue assumes for retry delays until the server reports a measured one: 100 MB/s is
 * a conservative single-node produce rate on these machines (DESIGN.md §4 measured much more).
 */
export const fairQueueDrainBytesPerSecondDefault = 100 * 1000 * 1000;

/**
 * Admission thresholds. Each signal has an enter and an exit threshold per state; exit is well below
 * enter (hysteresis) so a signal hovering around a threshold does not flip the node between states on
 * every request. WAL pending bytes: the WAL refuses appends at 128 MiB, so queue at a quarter and shed at
 * a half, leaving room for appends already admitted.
 */
export const admissionWalPendingBytesQueueEnter = 32 * 1024 * 1024;
export const admissionWalPendingBytesQueueExit = 16 * 1024 * 1024;
export const admissionWalPendingBytesShedEnter = 64 * 1024 * 1024;
export const admissionWalPendingBytesShedExit = 48 * 1024 * 1024;

/**
 * Raft uncommitted bytes of one group: the leader's log beyond its commit index. A group whose followers
 * fall behind this far is slow or partitioned; more proposals only grow the gap.
 */
export const admissionRaftUncommittedBytesQueueEnter = 16 * 1024 * 1024;
export const admissionRaftUncommittedBytesQueueExit = 8 * 1024 * 1024;
export const admissionRaftUncommittedBytesShedEnter = 48 * 1024 * 1024;
export const admissionRaftUncommittedBytesShedExit = 32 * 1024 * 1024;

/**
 * Event-loop lag: every timer and reply on the node is late by this much. 50 ms already hurts Raft
 * heartbeats (elections time out at a few hundred ms); 200 ms risks spurious elections.
 */
export const admissionEventLoopLagMicrosQueueEnter = 50_000;
export const admissionEventLoopLagMicrosQueueExit = 20_000;
export const admissionEventLoopLagMicrosShedEnter = 200_000;
export const admissionEventLoopLagMicrosShedExit = 100_000;

/**
 * Memory in use as per-mille of the node's memory budget (the server passes heap or RSS and its budget).
 * Shedding at 90 % leaves room for requests in flight before the process runs out.
 */
export const admissionMemoryPerMilleQueueEnter = 750;
export const admissionMemoryPerMilleQueueExit = 650;
export const admissionMemoryPerMilleShedEnter = 900;
export const admissionMemoryPerMilleShedExit = 800;

/** Raft groups whose pressure one admission policy tracks; the Multi-Raft target is 10,000 per node. */
export const admissionGroupsMax = 100_000;

/** Retry delay a request shed by admission control carries: long enough for a WAL group commit or two. */
export const admissionShedRetryDelayMicros = 100_000;

/**
 * Quota records (one per principal or principal + client id) the controller's KV store holds under
 * `quota/`. Each record yields up to three definitions (produce, fetch, requests), so this keeps every
 * node's quota table within `quotaDefinitionsMax`.
 */
export const quotaRecordsMax = Math.floor(quotaDefinitionsMax / 3);

/**
 * How often a node at most rescans the KV store for quota changes once its revision moved. Consumer
 * group commits also move the revision, and a scan visits every key, so scans are spaced; a quota set
 * through this node applies at once, elsewhere within this interval (plus replication).
 */
export const quotaRefreshIntervalMicros = 200_000;

/**
 * Produce bytes a node's gRPC edge holds in flight (admitted, not yet answered). Beyond it new produce
 * requests are shed with a retriable RESOURCE_EXHAUSTED, so a burst of producers cannot grow memory
 * without bound while the WAL and Raft catch up. 64 MiB is half the WAL's pending-bytes bound and holds
 * several of the largest gRPC requests (9 MiB), so one request alone is always admitted.
 */
export const grpcProduceInflightBytesMax = 64 * 1024 * 1024;

/**
 * Work (produce and fetch bytes) a node runs at once before it counts as saturated: past it, new work
 * waits in the weighted fair queue and is admitted in weighted order across tenants as work finishes.
 * At the ~20 MB/s a node on the reference machine sustains with acks=all (BENCHMARKS.md) and ~20 ms per
 * request, about 0.4 MB is in flight when the node is just busy; 8 MiB is ~0.4 s of work, so only a
 * real backlog queues. In the `queue` admission state the node runs a quarter of it.
 */
export const nodeFlowInflightBytesDefault = 8 * 1024 * 1024;

/** Bytes the node's fair queue holds (request bodies already in memory): a quarter of the flow default. */
export const nodeFlowQueueBytesMax = 64 * 1024 * 1024;

/** Bytes one tenant may have queued on a node: a quarter of the node's queue, and one largest item. */
export const nodeFlowQueueTenantBytesMax = 16 * 1024 * 1024;

/** Requests the node's fair queue holds at once; each holds a parsed request and a pending reply. */
export const nodeFlowQueueItemsMax = 10_000;

/**
 * Longest a request waits in the fair queue. Past it the request is refused with a retriable
 * RESOURCE_EXHAUSTED: its client's own timeout (Kafka's request.timeout.ms is 30 s, Helix's gRPC
 * default deadline 10 s) should not be the first to notice, a client that retries later frees the queue
 * for those still waiting, and the latency of admitted work stays bounded under any offered load.
 */
export const nodeFlowQueueWaitMicrosMax = 2_000_000;

/** How often the node samples its pressure signals (WAL, Raft, event loop, memory) and drain rate. */
export const nodeFlowSampleIntervalMs = 50;

/**
 * The node's pace (issue 12): the bytes of work per second it starts from its fair queue, adapted to
 * event-loop lag (AIMD). When the loop lags past the target the node is CPU-bound and would otherwise
 * queue work where the fair queue cannot order it (socket buffers, the event loop, clients' connections);
 * pacing the starts keeps the backlog in the fair queue, so tenants get their weighted shares.
 * 10 ms is half the admission policy's queue-exit lag: the pace acts well before admission queues or
 * sheds, and 10 ms of lag costs Raft heartbeats nothing.
 */
export const nodeFlowPaceLagTargetMicros = 10_000;
/**
 * The floor of the pace: whatever the lag (another process may be its cause), the node still starts
 * this much work per second. Low, so that on an overloaded machine the node, not its clients, is what
 * limits throughput; a node this slow is already failing its service level, and admission sheds first.
 */
export const nodeFlowPaceBytesPerSecondMin = 2 * 1000 * 1000;
/** The ceiling of the pace, and where it starts: ~1 GB/s is beyond any node's disk, so unpaced. */
export const nodeFlowPaceBytesPerSecondMax = 1024 * 1024 * 1024;
/** Additive increase per healthy sample while the pace held work back: +10 MB/s per second at 50 ms. */
export const nodeFlowPaceIncreaseBytesPerSecond = 512 * 1000;
/** Multiplicative decrease on lag, per mille of the rate actually served: −20 %. */
export const nodeFlowPaceDecreasePerMille = 800;
/**
 * At most one decrease per interval: the lag reading is a median over the last second, so it shows a
 * decrease's effect only after about half of that; cutting on every sample would collapse the rate.
 */
export const nodeFlowPaceDecreaseIntervalMicros = 500_000;
/** Work the pace lets start at once after an idle stretch: 50 ms of the rate. */
export const nodeFlowPaceBurstMicros = 50_000;

/** The cost a fetch is queued and held at: its max bytes, at most this (the bytes it returns are unknown). */
export const nodeFlowFetchCostBytesMax = 1024 * 1024;

assert(
  (tokenBucketBurstMax + tokenBucketDebtMax) * 1_000_000 <= tokenBucketScaledLevelMax,
  "a bucket's scaled level, from the deepest debt to a full burst, must stay below 2^52",
);
assert(
  tokenBucketRatePerSecondMax <= tokenBucketScaledLevelMax / 2,
  "one microsecond of refill must fit beside a full bucket",
);
assert(
  retryDelayMicrosMin < admissionShedRetryDelayMicros && admissionShedRetryDelayMicros < throttleMicrosMax,
);
assert(
  fairQueueItemCostBytesMax <= fairQueueTenantBytesMax,
  "a tenant must be able to queue the largest item",
);
assert(fairQueueTenantBytesMax <= fairQueueBytesMax, "one tenant's queue fits in the node's queue");
assert(
  admissionWalPendingBytesQueueExit < admissionWalPendingBytesQueueEnter &&
    admissionWalPendingBytesQueueEnter <= admissionWalPendingBytesShedExit &&
    admissionWalPendingBytesShedExit < admissionWalPendingBytesShedEnter,
  "WAL thresholds: queue exit < queue enter <= shed exit < shed enter",
);
assert(
  admissionRaftUncommittedBytesQueueExit < admissionRaftUncommittedBytesQueueEnter &&
    admissionRaftUncommittedBytesQueueEnter <= admissionRaftUncommittedBytesShedExit &&
    admissionRaftUncommittedBytesShedExit < admissionRaftUncommittedBytesShedEnter,
  "Raft thresholds: queue exit < queue enter <= shed exit < shed enter",
);
assert(
  admissionEventLoopLagMicrosQueueExit < admissionEventLoopLagMicrosQueueEnter &&
    admissionEventLoopLagMicrosQueueEnter <= admissionEventLoopLagMicrosShedExit &&
    admissionEventLoopLagMicrosShedExit < admissionEventLoopLagMicrosShedEnter,
  "event-loop lag thresholds: queue exit < queue enter <= shed exit < shed enter",
);
assert(
  admissionMemoryPerMilleQueueExit < admissionMemoryPerMilleQueueEnter &&
    admissionMemoryPerMilleQueueEnter <= admissionMemoryPerMilleShedExit &&
    admissionMemoryPerMilleShedExit < admissionMemoryPerMilleShedEnter &&
    admissionMemoryPerMilleShedEnter <= 1000,
  "memory thresholds: queue exit < queue enter <= shed exit < shed enter <= 1000",
);
assert(
  fairQueueItemCostBytesMax <= nodeFlowQueueTenantBytesMax &&
    nodeFlowQueueTenantBytesMax <= nodeFlowQueueBytesMax &&
    nodeFlowQueueBytesMax <= fairQueueBytesMax &&
    nodeFlowQueueItemsMax <= fairQueueItemsMax,
  "the node's fair queue bounds must fit the fair queue's limits",
);
assert(
  nodeFlowPaceLagTargetMicros < admissionEventLoopLagMicrosQueueExit,
  "the pace acts on lag before the admission policy queues",
);
assert(
  0 < nodeFlowPaceBytesPerSecondMin &&
    nodeFlowPaceBytesPerSecondMin < nodeFlowPaceBytesPerSecondMax &&
    nodeFlowPaceBytesPerSecondMax <= tokenBucketRatePerSecondMax &&
    0 < nodeFlowPaceDecreasePerMille &&
    nodeFlowPaceDecreasePerMille < 1000,
  "pace bounds: 0 < min < max, and a decrease shrinks",
);
