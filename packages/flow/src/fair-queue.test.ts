/**
 * Weighted fair queue specification:
 * - it serves exactly the order of a naive two-level deficit round robin (plain arrays, one round at a
 *   time, a tenant's next item found by simulating its partitions on a copy), so skipping idle rounds
 *   and peeking changed nothing;
 * - backlogged tenants' shares converge to their weights: bytes served per unit of weight differ by less
 *   than 2 quanta + one largest item / the smaller weight, at every point of the run;
 * - a tenant that was idle gets no credit for it: on its return it stays within a bound of its share
 *   that does not depend on how long it was away;
 * - partitions of one tenant share its turns, and each partition is served FIFO;
 * - every bound holds after every operation, and shed items get a retriable RESOURCE_EXHAUSTED with a
 *   retry delay between the smallest and the largest allowed.
 */
import { HelixError, limits } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FairQueue,
  type FairQueueConfig,
  type FairQueueItem,
  validateFairQueueConfig,
} from "./fair-queue.js";

const quantumBytes = 100;
const roomy: FairQueueConfig = {
  itemsMax: 10_000,
  bytesMax: 10_000_000,
  tenantBytesMax: 1_000_000,
  tenantsMax: 100,
  partitionsPerTenantMax: 100,
  itemCostBytesMax: 1000,
  quantumBytes,
};

type Item = FairQueueItem<number>;

/** Textbook DRR over plain arrays, one round at a time; `headCost` and `serve` are supplied per level. */
class NaiveRoundRobin<Flow> {
  ring: { flow: Flow; deficit: number }[] = [];
  turnStarted = false;

  /** Advances turns one by one until the front flow can pay; returns that entry (the textbook loop). */
  front(
    quantumOf: (flow: Flow) => number,
    headCost: (flow: Flow) => number,
  ): { flow: Flow; deficit: number } {
    for (;;) {
      const entry = this.ring[0]!;
      if (!this.turnStarted) {
        entry.deficit += quantumOf(entry.flow);
        this.turnStarted = true;
      }
      if (headCost(entry.flow) <= entry.deficit) return entry;
      this.ring.push(this.ring.shift()!);
      this.turnStarted = false;
    }
  }

  clone(cloneFlow: (flow: Flow) => Flow): NaiveRoundRobin<Flow> {
    const copy = new NaiveRoundRobin<Flow>();
    copy.ring = this.ring.map((entry) => ({ flow: cloneFlow(entry.flow), deficit: entry.deficit }));
    copy.turnStarted = this.turnStarted;
    return copy;
  }
}

interface NaiveTenant {
  name: string;
  partitions: NaiveRoundRobin<{ key: string; items: Item[] }>;
}

/** The naive two-level queue: a tenant's head is found by running its partition scheduler on a copy. */
class NaiveFairQueue {
  private readonly tenants = new NaiveRoundRobin<NaiveTenant>();

  constructor(private readonly weights: ReadonlyMap<string, number>) {}

  enqueue(item: Item): void {
    let tenant = this.tenants.ring.find((entry) => entry.flow.name === item.tenant)?.flow;
    if (tenant === undefined) {
      tenant = { name: item.tenant, partitions: new NaiveRoundRobin() };
      this.tenants.ring.push({ flow: tenant, deficit: 0 });
    }
    const partition = tenant.partitions.ring.find((entry) => entry.flow.key === item.partition);
    if (partition === undefined)
      tenant.partitions.ring.push({ flow: { key: item.partition, items: [item] }, deficit: 0 });
    else partition.flow.items.push(item);
  }

  dequeue(): Item | undefined {
    if (this.tenants.ring.length === 0) return undefined;
    const tenantQuantum = (tenant: NaiveTenant) => (this.weights.get(tenant.name) ?? 1) * quantumBytes;
    const tenantEntry = this.tenants.front(tenantQuantum, (tenant) => this.peekCost(tenant));
    const partitions = tenantEntry.flow.partitions;
    const partitionEntry = partitions.front(
      () => quantumBytes,
      (partition) => partition.items[0]!.costBytes,
    );
    const item = partitionEntry.flow.items.shift()!;
    tenantEntry.deficit -= item.costBytes;
    partitionEntry.deficit -= item.costBytes;
    if (partitionEntry.flow.items.length === 0) {
      partitions.ring.shift();
      partitions.turnStarted = false;
    }
    if (partitions.ring.length === 0) {
      this.tenants.ring.shift();
      this.tenants.turnStarted = false;
    }
    return item;
  }

  private peekCost(tenant: NaiveTenant): number {
    const copy = tenant.partitions.clone((partition) => ({
      key: partition.key,
      items: [...partition.items],
    }));
    return copy.front(
      () => quantumBytes,
      (partition) => partition.items[0]!.costBytes,
    ).flow.items[0]!.costBytes;
  }
}

const tenantNames = ["acme", "globex", "initech", "umbrella"];

const itemsArbitrary = fc.array(
  fc.record({
    tenant: fc.constantFrom(...tenantNames),
    partition: fc.constantFrom("p0", "p1", "p2"),
    costBytes: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1000 })),
  }),
  { maxLength: 200 },
);
const weightsArbitrary = fc
  .tuple(...tenantNames.map(() => fc.integer({ min: 1, max: 5 })))
  .map((weights) => new Map(tenantNames.map((name, index) => [name, weights[index]!])));

function drain(queue: { dequeue(): Item | undefined }): Item[] {
  const served: Item[] = [];
  for (let item = queue.dequeue(); item !== undefined; item = queue.dequeue()) served.push(item);
  return served;
}

function filledQueue(items: readonly Omit<Item, "value">[], weights: ReadonlyMap<string, number>) {
  const queue = new FairQueue<number>(roomy);
  queue.setTenantWeights(weights);
  items.forEach((item, index) => {
    expect(queue.tryEnqueue({ ...item, value: index }).queued).toBe(true);
  });
  return queue;
}

describe("FairQueue: order", () => {
  it("serves exactly the order of the naive two-level deficit round robin", () => {
    fc.assert(
      fc.property(itemsArbitrary, weightsArbitrary, (items, weights) => {
        const naive = new NaiveFairQueue(weights);
        items.forEach((item, index) => {
          naive.enqueue({ ...item, value: index });
        });
        const served = drain(filledQueue(items, weights)).map((item) => item.value);
        expect(served).toEqual(drain(naive).map((item) => item.value));
      }),
      { numRuns: 300 },
    );
  });

  it("serves each partition FIFO and every item exactly once, with enqueues and dequeues interleaved", () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.array(fc.boolean(), { maxLength: 400 }), (items, dequeueFirst) => {
        const queue = new FairQueue<number>(roomy);
        const served: Item[] = [];
        let next = 0;
        for (const preferDequeue of dequeueFirst) {
          if ((preferDequeue || next === items.length) && queue.size > 0) served.push(queue.dequeue()!);
          else if (next < items.length) queue.tryEnqueue({ ...items[next]!, value: next++ });
        }
        while (next < items.length) queue.tryEnqueue({ ...items[next]!, value: next++ });
        served.push(...drain(queue));
        expect(served.map((item) => item.value).sort((a, b) => a - b)).toEqual(
          items.map((_, index) => index),
        );
        const lastSeen = new Map<string, number>();
        for (const item of served) {
          const key = `${item.tenant}/${item.partition}`;
          expect(item.value).toBeGreaterThan(lastSeen.get(key) ?? -1);
          lastSeen.set(key, item.value);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("alternates between the partitions of one tenant", () => {
    const queue = new FairQueue<number>(roomy);
    for (let index = 0; index < 4; index++)
      queue.tryEnqueue({ tenant: "acme", partition: "a", costBytes: 100, value: index });
    for (let index = 4; index < 8; index++)
      queue.tryEnqueue({ tenant: "acme", partition: "b", costBytes: 100, value: index });
    expect(drain(queue).map((item) => item.value)).toEqual([0, 4, 1, 5, 2, 6, 3, 7]);
  });
});

/** |si·wj − sj·wi| < bound·wi·wj, with bound = (quanta)·q + (items)·maxCost / min(wi, wj), in integers. */
function withinShareBound(
  served: ReadonlyMap<string, number>,
  weights: ReadonlyMap<string, number>,
  tenants: readonly string[],
  quanta: number,
  items: number,
  maxCost: number,
): boolean {
  for (const first of tenants) {
    for (const second of tenants) {
      const [wi, wj] = [weights.get(first) ?? 1, weights.get(second) ?? 1];
      const difference = Math.abs((served.get(first) ?? 0) * wj - (served.get(second) ?? 0) * wi);
      if (difference >= quanta * quantumBytes * wi * wj + items * maxCost * Math.max(wi, wj)) return false;
    }
  }
  return true;
}

describe("FairQueue: shares", () => {
  it("keeps backlogged tenants within 2 quanta + one largest item / the smaller weight of their weighted share", () => {
    fc.assert(
      fc.property(itemsArbitrary, weightsArbitrary, (items, weights) => {
        const served = new Map<string, number>();
        const remaining = new Map<string, number>();
        for (const item of items) remaining.set(item.tenant, (remaining.get(item.tenant) ?? 0) + 1);
        const backlogged = [...remaining.keys()];
        const maxCost = Math.max(0, ...items.map((item) => item.costBytes));
        for (const item of drain(filledQueue(items, weights))) {
          served.set(item.tenant, (served.get(item.tenant) ?? 0) + item.costBytes);
          remaining.set(item.tenant, remaining.get(item.tenant)! - 1);
          // The bound holds while every tenant is still backlogged, i.e. has items left to serve.
          if ([...remaining.values()].some((count) => count === 0)) break;
          expect(withinShareBound(served, weights, backlogged, 2, 1, maxCost)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("converges to the weights over a long backlog: 3 : 1 weights give a 3 : 1 split of bytes", () => {
    const queue = new FairQueue<number>(roomy);
    queue.setTenantWeights(
      new Map([
        ["gold", 3],
        ["bronze", 1],
      ]),
    );
    for (let index = 0; index < 2000; index++) {
      queue.tryEnqueue({ tenant: "gold", partition: "p", costBytes: 37 + (index % 50), value: index });
      queue.tryEnqueue({ tenant: "bronze", partition: "p", costBytes: 61 + (index % 40), value: index });
    }
    const served = { gold: 0, bronze: 0 };
    for (let count = 0; count < 1500; count++) {
      const item = queue.dequeue()!;
      served[item.tenant as "gold" | "bronze"] += item.costBytes;
    }
    expect(Math.abs(served.gold - 3 * served.bronze)).toBeLessThan(3 * (2 * quantumBytes + 100));
  });

  it("gives an idle tenant no credit: on its return it stays within a bound of its share however long it idled", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        weightsArbitrary,
        fc.integer({ min: 1, max: 200 }),
        (idleItems, weights, cost) => {
          const queue = new FairQueue<number>(roomy);
          queue.setTenantWeights(weights);
          queue.tryEnqueue({ tenant: "globex", partition: "p", costBytes: cost, value: -1 });
          for (let index = 0; index < idleItems + 300; index++) {
            queue.tryEnqueue({ tenant: "acme", partition: "p", costBytes: cost, value: index });
          }
          // globex is served once, then idles while acme alone is served `idleItems` times.
          for (let index = 0; index < idleItems + 1; index++) queue.dequeue();
          for (let index = 0; index < 200; index++)
            queue.tryEnqueue({ tenant: "globex", partition: "p", costBytes: cost, value: index });
          const served = new Map<string, number>();
          for (let count = 0; count < 150; count++) {
            const item = queue.dequeue()!;
            served.set(item.tenant, (served.get(item.tenant) ?? 0) + item.costBytes);
            expect(withinShareBound(served, weights, ["acme", "globex"], 4, 3, cost)).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("FairQueue: bounds and shedding", () => {
  const tight: FairQueueConfig = {
    itemsMax: 20,
    bytesMax: 2000,
    tenantBytesMax: 800,
    tenantsMax: 3,
    partitionsPerTenantMax: 2,
    itemCostBytesMax: 400,
    quantumBytes: 50,
  };

  it("holds every bound after every operation, and sheds with a retriable, delayed RESOURCE_EXHAUSTED", () => {
    const operation = fc.oneof(
      fc.constant({ kind: "dequeue" as const }),
      fc.record({
        kind: fc.constant("enqueue" as const),
        tenant: fc.constantFrom("a", "b", "c", "d", "e"),
        partition: fc.constantFrom("p0", "p1", "p2"),
        costBytes: fc.integer({ min: 0, max: 400 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 300 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        (operations, drainRate) => {
          const queue = new FairQueue<null>(tight);
          queue.setDrainRate(drainRate);
          let shed = 0;
          for (const step of operations) {
            if (step.kind === "dequeue") {
              queue.dequeue();
            } else {
              const result = queue.tryEnqueue({ ...step, value: null });
              if (!result.queued) {
                shed += 1;
                expect(HelixError.is(result.error, "RESOURCE_EXHAUSTED")).toBe(true);
                expect(result.error.retriable).toBe(true);
                expect(result.retryAfterMicros).toBeGreaterThanOrEqual(limits.retryDelayMicrosMin);
                expect(result.retryAfterMicros).toBeLessThanOrEqual(limits.throttleMicrosMax);
                expect(result.error.details["retryAfterMicros"]).toBe(result.retryAfterMicros);
              }
            }
            const metrics = queue.metrics();
            expect(metrics.queuedItems).toBeLessThanOrEqual(tight.itemsMax);
            expect(metrics.queuedBytes).toBeLessThanOrEqual(tight.bytesMax);
            expect(metrics.activeTenants).toBeLessThanOrEqual(tight.tenantsMax);
            for (const tenant of metrics.tenants.values()) {
              expect(tenant.queuedBytes).toBeLessThanOrEqual(tight.tenantBytesMax);
            }
          }
          expect(queue.metrics().shedItems).toBe(shed);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("names the bound an item would break", () => {
    const queue = new FairQueue<null>(tight);
    const enqueue = (tenant: string, partition: string, costBytes: number) =>
      queue.tryEnqueue({ tenant, partition, costBytes, value: null });
    expect(enqueue("a", "p0", 400).queued).toBe(true);
    expect(enqueue("a", "p0", 400).queued).toBe(true);
    expect(enqueue("a", "p0", 1)).toMatchObject({
      queued: false,
      error: { details: { bound: "tenantBytes" } },
    });
    expect(enqueue("b", "p0", 0).queued).toBe(true);
    expect(enqueue("b", "p1", 0).queued).toBe(true);
    expect(enqueue("b", "p2", 0)).toMatchObject({
      queued: false,
      error: { details: { bound: "partitions" } },
    });
    expect(enqueue("c", "p0", 0).queued).toBe(true);
    expect(enqueue("d", "p0", 0)).toMatchObject({ queued: false, error: { details: { bound: "tenants" } } });
    expect(queue.metrics().shedByReason).toMatchObject({ tenantBytes: 1, partitions: 1, tenants: 1 });
  });

  it("estimates the retry delay from the drain rate and the tenant's weighted share", () => {
    const queue = new FairQueue<null>(tight);
    queue.setTenantWeights(
      new Map([
        ["a", 1],
        ["b", 3],
      ]),
    );
    queue.setDrainRate(1000);
    queue.tryEnqueue({ tenant: "a", partition: "p0", costBytes: 400, value: null });
    queue.tryEnqueue({ tenant: "a", partition: "p0", costBytes: 400, value: null });
    queue.tryEnqueue({ tenant: "b", partition: "p0", costBytes: 10, value: null });
    // 100 bytes over a's bound drain at a's quarter of 1,000 bytes/s: 0.4 s.
    expect(queue.tryEnqueue({ tenant: "a", partition: "p0", costBytes: 100, value: null })).toMatchObject({
      retryAfterMicros: 400_000,
    });
  });

  it("counts admitted and dequeued bytes per tenant as plain numbers", () => {
    const queue = new FairQueue<null>(tight);
    queue.tryEnqueue({ tenant: "a", partition: "p0", costBytes: 100, value: null });
    queue.tryEnqueue({ tenant: "a", partition: "p1", costBytes: 50, value: null });
    // With a 50-byte quantum, p0's 100-byte item waits a round and p1's 50-byte item goes first.
    expect(queue.dequeue()?.partition).toBe("p1");
    expect(queue.metrics().tenants.get("a")).toEqual({
      queuedItems: 1,
      queuedBytes: 100,
      dequeuedItems: 1,
      dequeuedBytes: 50,
      shedItems: 0,
    });
  });

  it("rejects inconsistent configurations", () => {
    expect(() => validateFairQueueConfig({ ...tight, tenantBytesMax: 3000 })).toThrow(HelixError);
    expect(() => validateFairQueueConfig({ ...tight, quantumBytes: 0 })).toThrow(HelixError);
    expect(() => new FairQueue<null>().setTenantWeights(new Map([["a", 0]]))).toThrow(HelixError);
  });
});
