/**
 * NodeFlow without a server (a stand-in node answers the KV, topic and pressure reads):
 *   - below its in-flight capacity work runs at once; past it, work waits in the fair queue and starts,
 *     as running work finishes, in weighted order: a principal with weight 2 (from its quota record)
 *     gets twice the bytes of one with weight 1 while both are backlogged;
 *   - pressure past a shed threshold (memory, WAL pending bytes) refuses new work with a retriable
 *     RESOURCE_EXHAUSTED carrying a retry delay; below the exit threshold work runs again;
 *   - a full queue and a wait past the queue bound are retriable refusals too; every queued request is
 *     settled exactly once, and stop() refuses what is still queued;
 *   - with a pace and two principals sending, event-loop lag past its target cuts the bytes started per
 *     second, so work queues (in weighted order) though the in-flight capacity has room; when the lag
 *     clears the pace grows back; one principal alone is never paced.
 */
import { type GroupId, limits } from "@helixlog/core";
import type { PressureSignals } from "@helixlog/flow";
import { describe, expect, it } from "vitest";
import type { HelixNode } from "../../node/helix-node.js";
import { rejection } from "../../test-support/rejection.js";
import { encodeQuotaRecord, type QuotaRecord, quotaKeyOf } from "../grpc/quota-records.js";
import { type FlowWork, NodeFlow, nodeFlowQueueConfig } from "./node-flow.js";

class FakeNode {
  revision = 0;
  walPendingBytes = 0;
  readonly entries = new Map<string, Uint8Array>();
  setWeight(principal: string, weight: number): void {
    const record: QuotaRecord = {
      entity: { cluster: false, principal, client: undefined, topic: undefined },
      limits: {
        produceBytesPerSecond: 0,
        fetchBytesPerSecond: 0,
        requestsPerSecond: 0,
        produceBurstBytes: 0,
        fetchBurstBytes: 0,
        requestBurst: 0,
        weight,
      },
    };
    this.entries.set(quotaKeyOf(record.entity), encodeQuotaRecord(record));
    this.revision++;
  }
  asNode(): HelixNode {
    return {
      kvRevision: () => this.revision,
      kvList: (prefix: string) =>
        [...this.entries]
          .filter(([key]) => key.startsWith(prefix))
          .map(([key, value]) => ({ key, value, revision: this.revision })),
      topic: () => ({ partitions: [{ group: 7 as GroupId }] }),
      pressure: () => ({ walPendingBytes: this.walPendingBytes, raftUncommittedBytes: new Map() }),
    } as unknown as HelixNode;
  }
}

function work(tenant: string, costBytes: number, partition = 0): FlowWork {
  return { tenant, topic: "t", partition, costBytes, kind: "produce" };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Operations that run until released, recording the order they started in. */
class Held {
  readonly started: string[] = [];
  private readonly releases: (() => void)[] = [];
  op(tag: string): () => Promise<string> {
    return () =>
      new Promise<string>((resolve) => {
        this.started.push(tag);
        this.releases.push(() => resolve(tag));
      });
  }
  releaseOldest(): boolean {
    const release = this.releases.shift();
    release?.();
    return release !== undefined;
  }
  get running(): number {
    return this.releases.length;
  }
}

describe("NodeFlow", () => {
  it("runs work at once below capacity, then admits queued work in weighted order", async () => {
    const fake = new FakeNode();
    fake.setWeight("heavy", 2);
    const now = 0;
    const flow = new NodeFlow(fake.asNode(), {
      inflightBytesMax: 4 * 64 * 1024,
      nowMicros: () => now,
      queueConfig: { ...nodeFlowQueueConfig, quantumBytes: 64 * 1024 },
    });
    const held = new Held();
    const item = 64 * 1024;
    const results: Promise<string>[] = [];
    // Four items fill the capacity and start at once.
    for (let index = 0; index < 4; index++) results.push(flow.run(work("light", item), held.op("warm")));
    await settle();
    expect(held.started).toHaveLength(4);
    // Both tenants now queue 60 items each, spread over partitions.
    for (let index = 0; index < 60; index++) {
      results.push(flow.run(work("light", item, index % 3), held.op("light")));
      results.push(flow.run(work("heavy", item, index % 5), held.op("heavy")));
    }
    await settle();
    expect(held.started).toHaveLength(4);
    expect(flow.metrics().queueItems).toBe(120);
    // Finish one running item at a time: each frees room for one queued item.
    for (let turn = 0; turn < 60; turn++) {
      held.releaseOldest();
      await settle();
    }
    const served = held.started.slice(4, 64);
    const heavy = served.filter((tag) => tag === "heavy").length;
    const light = served.filter((tag) => tag === "light").length;
    // Deficit round robin: 2 heavy items per light one, within one quantum each way.
    expect(heavy).toBeGreaterThanOrEqual(39);
    expect(heavy).toBeLessThanOrEqual(41);
    expect(light).toBe(60 - heavy);
    while (held.releaseOldest() || flow.metrics().queueItems > 0) await settle();
    await Promise.all(results);
    expect(flow.metrics()).toMatchObject({ inflightBytes: 0, inflightItems: 0, queueItems: 0 });
    expect(flow.metrics().tenants.get("heavy")?.produceBytes).toBe(60 * item);
  });

  it("sheds new work under memory or WAL pressure, retriably, and admits again below the exit threshold", async () => {
    const fake = new FakeNode();
    let memoryPerMille = 100;
    const flow = new NodeFlow(fake.asNode(), {
      sampleOverride: (sampled: PressureSignals) => ({
        ...sampled,
        eventLoopLagMicros: 0,
        memoryUsedBytes: memoryPerMille,
        memoryBudgetBytes: 1000,
      }),
    });
    flow.sample();
    expect(await flow.run(work("a", 10), async () => "ok")).toBe("ok");
    memoryPerMille = limits.admissionMemoryPerMilleShedEnter;
    flow.sample();
    const shed = await rejection(flow.run(work("a", 10), async () => "ok"));
    expect(shed.code).toBe("RESOURCE_EXHAUSTED");
    expect(shed.retriable).toBe(true);
    expect(shed.details.retryAfterMs).toBe(limits.admissionShedRetryDelayMicros / 1000);
    // Between the exit and enter thresholds the state holds (hysteresis).
    memoryPerMille = limits.admissionMemoryPerMilleShedExit + 1;
    flow.sample();
    expect((await rejection(flow.run(work("a", 10), async () => "ok"))).code).toBe("RESOURCE_EXHAUSTED");
    memoryPerMille = 100;
    flow.sample();
    expect(await flow.run(work("a", 10), async () => "ok")).toBe("ok");
    fake.walPendingBytes = limits.admissionWalPendingBytesShedEnter;
    flow.sample();
    expect((await rejection(flow.run(work("a", 10), async () => "ok"))).code).toBe("RESOURCE_EXHAUSTED");
    expect(flow.metrics().shed.pressure).toBe(3);
    expect(flow.metrics().signals?.walPendingBytes).toBe(limits.admissionWalPendingBytesShedEnter);
  });

  it("refuses work past the queue bounds or the queue wait, and settles every queued request once", async () => {
    const fake = new FakeNode();
    const flow = new NodeFlow(fake.asNode(), {
      inflightBytesMax: 100,
      queueWaitMicrosMax: 50_000,
      queueConfig: { ...nodeFlowQueueConfig, itemsMax: 2 },
    });
    const held = new Held();
    const running = flow.run(work("a", 100), held.op("first"));
    const queued = [flow.run(work("a", 10), held.op("q1")), flow.run(work("b", 10), held.op("q2"))];
    const full = await rejection(flow.run(work("c", 10), held.op("never")));
    expect(full.code).toBe("RESOURCE_EXHAUSTED");
    expect(full.details.retryAfterMs).toBeGreaterThan(0);
    // Nothing finishes: both queued requests time out, retriably.
    for (const waiting of queued) {
      const timedOut = await rejection(waiting);
      expect(timedOut.code).toBe("RESOURCE_EXHAUSTED");
      expect(timedOut.details.reason).toBe("queueTimeout");
    }
    // Their turn comes when the running item ends; they are skipped, not run.
    held.releaseOldest();
    expect(await running).toBe("first");
    await settle();
    expect(held.started).toEqual(["first"]);
    expect(flow.metrics()).toMatchObject({ inflightBytes: 0, queueItems: 0 });
    expect(flow.metrics().shed).toEqual({ pressure: 0, queueFull: 1, queueTimeout: 2 });
    // stop() refuses what is queued.
    const again = flow.run(work("a", 100), held.op("second"));
    const left = flow.run(work("a", 10), held.op("left"));
    flow.stop();
    expect((await rejection(left)).code).toBe("UNAVAILABLE");
    held.releaseOldest();
    expect(await again).toBe("second");
  });

  it("paces work by event-loop lag: queued in weighted order under lag, recovering when it clears", async () => {
    const fake = new FakeNode();
    fake.setWeight("heavy", 2);
    let now = 0;
    let lagMicros = 50_000;
    const flow = new NodeFlow(fake.asNode(), {
      inflightBytesMax: 1024 * 1024,
      nowMicros: () => now,
      queueConfig: { ...nodeFlowQueueConfig, quantumBytes: 10_000 },
      queueWaitMicrosMax: 60_000_000,
      paceConfig: {
        rateMinBytesPerSecond: 100_000,
        rateMaxBytesPerSecond: 100_000_000,
        lagTargetMicros: 10_000,
        increaseBytesPerSecond: 100_000,
        decreasePerMille: 500,
        decreaseIntervalMicros: 0,
        burstMicros: 0,
      },
      sampleOverride: (sampled: PressureSignals) => ({ ...sampled, eventLoopLagMicros: lagMicros }),
    });
    // One principal alone is never paced, whatever the lag.
    for (let sample = 0; sample < 12; sample++) {
      expect(await flow.run(work("light", 10_000), async () => "alone")).toBe("alone");
      now += 50_000;
      flow.sample();
    }
    expect(flow.metrics().pace?.rateBytesPerSecond).toBe(100_000_000);
    // Two principals: lag above the target halves the pace each sample down to its floor of 100 kB/s.
    for (let sample = 0; sample < 12; sample++) {
      await flow.run(work("light", 0), async () => "");
      await flow.run(work("heavy", 0), async () => "");
      now += 50_000;
      flow.sample();
    }
    expect(flow.metrics().pace?.rateBytesPerSecond).toBe(100_000);
    // 10 kB items: one starts every 100 ms; the rest queue though 1 MiB of capacity is free.
    const started: string[] = [];
    const results: Promise<string>[] = [];
    for (let index = 0; index < 30; index++) {
      for (const tenant of ["light", "heavy"]) {
        results.push(
          flow.run(work(tenant, 10_000, index % 3), async () => {
            started.push(tenant);
            return tenant;
          }),
        );
      }
    }
    await settle();
    expect(started).toHaveLength(1);
    expect(flow.metrics().queueItems).toBe(59);
    for (let step = 0; step < 30; step++) {
      now += 100_000;
      flow.sample();
      await settle();
    }
    expect(started).toHaveLength(31);
    const heavy = started.slice(1).filter((tenant) => tenant === "heavy").length;
    expect(heavy).toBeGreaterThanOrEqual(19);
    expect(heavy).toBeLessThanOrEqual(21);
    // The lag clears: every sample that held work back grows the pace by its step.
    lagMicros = 1_000;
    for (let step = 0; step < 10; step++) {
      now += 50_000;
      flow.sample();
      await settle();
    }
    expect(flow.metrics().pace?.rateBytesPerSecond).toBeGreaterThan(100_000);
    expect(flow.metrics().pace?.increases).toBeGreaterThan(0);
    while (flow.metrics().queueItems > 0) {
      now += 100_000;
      flow.sample();
      await settle();
    }
    await Promise.all(results);
    expect(started).toHaveLength(60);
    flow.stop();
  });
});
