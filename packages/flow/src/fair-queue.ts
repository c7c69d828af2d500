import { assert, HelixError, limits } from "@helixlog/core";
import { DeficitRoundRobin, type RoundRobinFlow } from "./internal/deficit-round-robin.js";
import { microsecondsPerSecond, microsToMillisRoundedUp } from "./internal/exact.js";
import { Fifo } from "./internal/fifo.js";

/** A unit of work waiting for the node: a produce or fetch, charged `costBytes` against its tenant's share. */
export interface FairQueueItem<Value> {
  readonly tenant: string;
  /** Work of one tenant is shared fairly across its partitions too (any stable key, e.g. "orders-3"). */
  readonly partition: string;
  readonly costBytes: number;
  readonly value: Value;
}

export interface FairQueueConfig {
  readonly itemsMax: number;
  readonly bytesMax: number;
  readonly tenantBytesMax: number;
  readonly tenantsMax: number;
  readonly partitionsPerTenantMax: number;
  readonly itemCostBytesMax: number;
  /** Deficit round robin quantum per unit of tenant weight, and the quantum of each partition. */
  readonly quantumBytes: number;
}

export const fairQueueConfigDefault: FairQueueConfig = {
  itemsMax: limits.fairQueueItemsMax,
  bytesMax: limits.fairQueueBytesMax,
  tenantBytesMax: limits.fairQueueTenantBytesMax,
  tenantsMax: limits.fairQueueTenantsMax,
  partitionsPerTenantMax: limits.fairQueuePartitionsPerTenantMax,
  itemCostBytesMax: limits.fairQueueItemCostBytesMax,
  quantumBytes: limits.fairQueueQuantumBytes,
};

/** Checks a queue configuration: each bound positive and no larger than its limit, and consistent. */
export function validateFairQueueConfig(config: FairQueueConfig): void {
  const bounds: [keyof FairQueueConfig, number][] = [
    ["itemsMax", limits.fairQueueItemsMax],
    ["bytesMax", limits.fairQueueBytesMax],
    ["tenantBytesMax", limits.fairQueueTenantBytesMax],
    ["tenantsMax", limits.fairQueueTenantsMax],
    ["partitionsPerTenantMax", limits.fairQueuePartitionsPerTenantMax],
    ["itemCostBytesMax", limits.fairQueueItemCostBytesMax],
    ["quantumBytes", limits.fairQueueItemCostBytesMax],
  ];
  for (const [field, maximum] of bounds) {
    const value = config[field];
    if (!Number.isInteger(value) || value < 1 || value > maximum) {
      throw new HelixError(
        "INVALID_CONFIG",
        `fair queue ${field} must be an integer in [1, ${maximum}], got ${value}`,
      );
    }
  }
  if (config.itemCostBytesMax > config.tenantBytesMax || config.tenantBytesMax > config.bytesMax) {
    throw new HelixError(
      "INVALID_CONFIG",
      "fair queue bounds must satisfy itemCostBytesMax ≤ tenantBytesMax ≤ bytesMax",
    );
  }
}

/** Checks tenant weights from outside (operator configuration, the controller). */
export function validateTenantWeights(weights: ReadonlyMap<string, number>): void {
  if (weights.size > limits.fairQueueTenantsMax) {
    throw new HelixError(
      "INVALID_CONFIG",
      `at most ${limits.fairQueueTenantsMax} tenant weights, got ${weights.size}`,
    );
  }
  for (const [tenant, weight] of weights) {
    if (!Number.isInteger(weight) || weight < 1 || weight > limits.fairQueueWeightMax) {
      throw new HelixError(
        "INVALID_CONFIG",
        `weight of tenant ${JSON.stringify(tenant)} must be an integer in [1, ${limits.fairQueueWeightMax}], got ${weight}`,
      );
    }
  }
}

export type EnqueueResult =
  | { readonly queued: true }
  | { readonly queued: false; readonly retryAfterMicros: number; readonly error: HelixError };

/** Why an item was shed: which bound it would have broken. */
export type ShedReason = "items" | "bytes" | "tenantBytes" | "tenants" | "partitions";

export interface TenantQueueMetrics {
  queuedItems: number;
  queuedBytes: number;
  dequeuedItems: number;
  dequeuedBytes: number;
  shedItems: number;
}

/** Plain numbers for the server to export. */
export interface FairQueueMetrics {
  readonly queuedItems: number;
  readonly queuedBytes: number;
  readonly activeTenants: number;
  readonly dequeuedItems: number;
  readonly dequeuedBytes: number;
  readonly shedItems: number;
  readonly shedByReason: Readonly<Record<ShedReason, number>>;
  readonly tenants: ReadonlyMap<string, Readonly<TenantQueueMetrics>>;
  /** Tenants beyond the metrics bound are counted here together. */
  readonly otherTenants: Readonly<TenantQueueMetrics>;
}

interface PartitionQueue<Value> extends RoundRobinFlow {
  readonly key: string;
  readonly items: Fifo<FairQueueItem<Value>>;
}

interface TenantQueue<Value> extends RoundRobinFlow {
  readonly tenant: string;
  readonly weight: number;
  /** Partitions with queued items. Invariant: a partition is here iff it is in `scheduler`. */
  readonly partitions: Map<string, PartitionQueue<Value>>;
  readonly scheduler: DeficitRoundRobin<PartitionQueue<Value>>;
  bytes: number;
}

/**
 * The node's bounded queue of work, served in weighted-fair order when the node is saturated: deficit
 * round robin across tenants (quantum = weight × `quantumBytes`), and within a tenant across its
 * partitions (equal quanta), FIFO within a partition. All integer arithmetic, no time needed to order.
 *
 * Fairness (see README): while tenants i and j stay backlogged from the same moment, their service in
 * bytes normalised by weight differs by less than `2 × quantumBytes + itemCostBytesMax / min(wi, wj)`.
 * A tenant whose queue empties forgets its credit, so idling never buys a later burst.
 *
 * Shedding: an item that would break a bound is refused with a retriable RESOURCE_EXHAUSTED carrying a
 * retry delay: the time the node, at the drain rate the server reports, needs to make room for it.
 */
export class FairQueue<Value> {
  private readonly config: FairQueueConfig;
  private weights: ReadonlyMap<string, number> = new Map();
  private drainBytesPerSecond = limits.fairQueueDrainBytesPerSecondDefault;
  /** Tenants with queued items. Invariant: a tenant is here iff it is in `scheduler`. */
  private readonly tenants = new Map<string, TenantQueue<Value>>();
  private readonly scheduler = new DeficitRoundRobin<TenantQueue<Value>>();
  /** Sum of the weights of the tenants in `tenants`, for the retry delay estimate. */
  private activeWeight = 0;
  private items = 0;
  private bytes = 0;
  private readonly counters = { dequeuedItems: 0, dequeuedBytes: 0, shedItems: 0 };
  private readonly shedByReason: Record<ShedReason, number> = {
    items: 0,
    bytes: 0,
    tenantBytes: 0,
    tenants: 0,
    partitions: 0,
  };
  /** Invariant: size ≤ tenantsMax; later tenants are counted in `otherTenants`. */
  private readonly tenantMetrics = new Map<string, TenantQueueMetrics>();
  private readonly otherTenants = emptyTenantMetrics();

  constructor(config: FairQueueConfig = fairQueueConfigDefault) {
    validateFairQueueConfig(config);
    this.config = config;
  }

  get size(): number {
    return this.items;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  /** Sets tenant weights (1 when absent); a tenant with queued work keeps its weight until it empties. */
  setTenantWeights(weights: ReadonlyMap<string, number>): void {
    validateTenantWeights(weights);
    this.weights = new Map(weights);
  }

  /** The measured rate at which the node drains this queue, used only to estimate retry delays. */
  setDrainRate(bytesPerSecond: number): void {
    assert(
      Number.isInteger(bytesPerSecond) && bytesPerSecond > 0,
      "the drain rate must be a positive integer",
    );
    this.drainBytesPerSecond = bytesPerSecond;
  }

  tryEnqueue(item: FairQueueItem<Value>): EnqueueResult {
    assert(
      Number.isInteger(item.costBytes) &&
        item.costBytes >= 0 &&
        item.costBytes <= this.config.itemCostBytesMax,
      () =>
        `an item's cost must be an integer in [0, ${this.config.itemCostBytesMax}], got ${item.costBytes}`,
    );
    const shed = this.boundBroken(item);
    if (shed !== undefined) return this.shed(item, shed);
    const tenant = this.tenants.get(item.tenant) ?? this.activateTenant(item.tenant);
    const partition = tenant.partitions.get(item.partition) ?? this.activatePartition(tenant, item.partition);
    partition.items.push(item);
    tenant.bytes += item.costBytes;
    this.items += 1;
    this.bytes += item.costBytes;
    const metrics = this.metricsOf(item.tenant);
    metrics.queuedItems += 1;
    metrics.queuedBytes += item.costBytes;
    this.assertBounds(tenant);
    return { queued: true };
  }

  /** The next item in weighted-fair order, or undefined when the queue is empty. */
  dequeue(): FairQueueItem<Value> | undefined {
    if (this.items === 0) return undefined;
    const tenant = this.scheduler.peek(headCostOfTenant);
    const partition = tenant.scheduler.peek(headCostOfPartition);
    const item = partition.items.peek() as FairQueueItem<Value>;
    this.scheduler.take(tenant, item.costBytes);
    tenant.scheduler.take(partition, item.costBytes);
    partition.items.shift();
    if (partition.items.size === 0) {
      tenant.scheduler.removeEmptied(partition);
      tenant.partitions.delete(partition.key);
    }
    tenant.bytes -= item.costBytes;
    if (tenant.partitions.size === 0) this.deactivateTenant(tenant);
    this.items -= 1;
    this.bytes -= item.costBytes;
    this.countDequeued(item);
    return item;
  }

  metrics(): FairQueueMetrics {
    return {
      queuedItems: this.items,
      queuedBytes: this.bytes,
      activeTenants: this.tenants.size,
      ...this.counters,
      shedByReason: this.shedByReason,
      tenants: this.tenantMetrics,
      otherTenants: this.otherTenants,
    };
  }

  /** Which bound `item` would break, if any. */
  private boundBroken(item: FairQueueItem<Value>): ShedReason | undefined {
    const tenant = this.tenants.get(item.tenant);
    if (this.items + 1 > this.config.itemsMax) return "items";
    if (this.bytes + item.costBytes > this.config.bytesMax) return "bytes";
    if ((tenant?.bytes ?? 0) + item.costBytes > this.config.tenantBytesMax) return "tenantBytes";
    if (tenant === undefined && this.tenants.size >= this.config.tenantsMax) return "tenants";
    const newPartition = tenant !== undefined && !tenant.partitions.has(item.partition);
    if (newPartition && tenant.partitions.size >= this.config.partitionsPerTenantMax) return "partitions";
    return undefined;
  }

  private shed(item: FairQueueItem<Value>, reason: ShedReason): EnqueueResult {
    const retryAfterMicros = this.retryDelayMicros(item, reason);
    this.counters.shedItems += 1;
    this.shedByReason[reason] += 1;
    this.metricsOf(item.tenant).shedItems += 1;
    const error = new HelixError(
      "RESOURCE_EXHAUSTED",
      `the node's work queue is full (${reason} bound); retry in ${microsToMillisRoundedUp(retryAfterMicros)} ms`,
      {
        details: {
          reason: "queueFull",
          bound: reason,
          retryAfterMicros,
          retryAfterMs: microsToMillisRoundedUp(retryAfterMicros),
        },
      },
    );
    return { queued: false, retryAfterMicros, error };
  }

  /**
   * An estimate, not a promise: the bytes that must drain before `item` fits, at the rate they drain.
   * A tenant over its own bound drains at its weighted share of the node; the node-wide bounds drain at
   * the node's rate. Count bounds (items, tenants, partitions) wait for one average item to drain.
   */
  private retryDelayMicros(item: FairQueueItem<Value>, reason: ShedReason): number {
    const averageItemBytes = this.items === 0 ? item.costBytes : this.bytes / this.items;
    let excessBytes = averageItemBytes;
    let rate = this.drainBytesPerSecond;
    if (reason === "bytes") excessBytes = this.bytes + item.costBytes - this.config.bytesMax;
    if (reason === "tenantBytes") {
      const tenant = this.tenants.get(item.tenant);
      assert(tenant !== undefined, "only a queued tenant can exceed its bytes");
      excessBytes = tenant.bytes + item.costBytes - this.config.tenantBytesMax;
      rate = (this.drainBytesPerSecond * tenant.weight) / this.activeWeight;
    }
    const delay = Math.ceil((excessBytes * microsecondsPerSecond) / rate);
    return Math.min(limits.throttleMicrosMax, Math.max(limits.retryDelayMicrosMin, delay));
  }

  private activateTenant(name: string): TenantQueue<Value> {
    const weight = this.weights.get(name) ?? 1;
    const tenant: TenantQueue<Value> = {
      tenant: name,
      weight,
      quantum: weight * this.config.quantumBytes,
      deficit: 0,
      partitions: new Map(),
      scheduler: new DeficitRoundRobin(),
      bytes: 0,
    };
    this.tenants.set(name, tenant);
    this.scheduler.activate(tenant);
    this.activeWeight += weight;
    return tenant;
  }

  private activatePartition(tenant: TenantQueue<Value>, key: string): PartitionQueue<Value> {
    const partition: PartitionQueue<Value> = {
      key,
      items: new Fifo(),
      quantum: this.config.quantumBytes,
      deficit: 0,
    };
    tenant.partitions.set(key, partition);
    tenant.scheduler.activate(partition);
    return partition;
  }

  private deactivateTenant(tenant: TenantQueue<Value>): void {
    assert(tenant.bytes === 0 && tenant.scheduler.activeFlows === 0, "a tenant leaves only when empty");
    this.scheduler.removeEmptied(tenant);
    this.tenants.delete(tenant.tenant);
    this.activeWeight -= tenant.weight;
  }

  private countDequeued(item: FairQueueItem<Value>): void {
    this.counters.dequeuedItems += 1;
    this.counters.dequeuedBytes += item.costBytes;
    const metrics = this.metricsOf(item.tenant);
    metrics.queuedItems -= 1;
    metrics.queuedBytes -= item.costBytes;
    metrics.dequeuedItems += 1;
    metrics.dequeuedBytes += item.costBytes;
  }

  private metricsOf(tenant: string): TenantQueueMetrics {
    const existing = this.tenantMetrics.get(tenant);
    if (existing !== undefined) return existing;
    if (this.tenantMetrics.size >= this.config.tenantsMax) return this.otherTenants;
    const created = emptyTenantMetrics();
    this.tenantMetrics.set(tenant, created);
    return created;
  }

  private assertBounds(tenant: TenantQueue<Value>): void {
    assert(this.items <= this.config.itemsMax && this.bytes <= this.config.bytesMax, "queue over its bounds");
    assert(tenant.bytes <= this.config.tenantBytesMax, "tenant over its bytes bound");
    assert(this.tenants.size <= this.config.tenantsMax, "too many active tenants");
    assert(tenant.partitions.size <= this.config.partitionsPerTenantMax, "too many partitions in one tenant");
  }
}

function headCostOfPartition<Value>(partition: PartitionQueue<Value>): number {
  return (partition.items.peek() as FairQueueItem<Value>).costBytes;
}

/** A tenant's head cost is the cost of the item its own partition scheduler would serve next. */
function headCostOfTenant<Value>(tenant: TenantQueue<Value>): number {
  return headCostOfPartition(tenant.scheduler.peek(headCostOfPartition));
}

function emptyTenantMetrics(): TenantQueueMetrics {
  return { queuedItems: 0, queuedBytes: 0, dequeuedItems: 0, dequeuedBytes: 0, shedItems: 0 };
}
