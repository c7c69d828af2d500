/**
 * FlowAdmission without a server: produce bytes in flight are bounded (a produce past the bound is shed
 * with a retriable RESOURCE_EXHAUSTED carrying the shed retry delay, one call alone always passes, and
 * answered calls release their bytes, failed ones too), and quota records from the KV store become
 * enforced quotas once the store's revision moves (a principal-level byte quota put in debt refuses the
 * next call with the exact wait until it is out of debt).
 */
import { Metadata } from "@grpc/grpc-js";
import { HelixError, limits } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import type { HelixNode } from "../../node/helix-node.js";
import { rejection } from "../../test-support/rejection.js";
import { ClusterQuotas, FlowAdmission } from "./flow-admission.js";
import type { ProduceRequest } from "./messages.js";
import { encodeQuotaRecord, type QuotaRecord, quotaKeyOf } from "./quota-records.js";

/** A stand-in for the node's KV reads: records under their keys, a revision bumped on each change. */
class FakeKv {
  revision = 0;
  readonly entries = new Map<string, Uint8Array>();
  put(record: QuotaRecord): void {
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
    } as unknown as HelixNode;
  }
}

function produceRequest(bytes: number): ProduceRequest {
  return {
    topic: "t",
    acks: "ACKS_ALL",
    records: [],
    batches: Buffer.alloc(bytes),
    timeoutMs: 0,
  };
}

function callAs(principal?: string): { metadata: Metadata } {
  const metadata = new Metadata();
  if (principal !== undefined) metadata.set("x-helix-principal", principal);
  return { metadata };
}

describe("FlowAdmission", () => {
  it("sheds a produce past the in-flight bound and releases bytes when calls end", async () => {
    const now = 0;
    const flow = new FlowAdmission(new ClusterQuotas(new FakeKv().asNode(), () => now), () => now, 1_000);
    const pending: (() => void)[] = [];
    const hold = () => new Promise<string>((resolve) => pending.push(() => resolve("done")));
    // One call alone passes even above the bound.
    const large = flow.produce(produceRequest(1_500), callAs(), hold);
    expect(flow.produceBytesInFlight).toBe(1_500);
    const shed = await rejection(flow.produce(produceRequest(10), callAs(), hold));
    expect(shed.code).toBe("RESOURCE_EXHAUSTED");
    expect(shed.retriable).toBe(true);
    expect(shed.details.retryAfterMs).toBe(limits.admissionShedRetryDelayMicros / 1000);
    pending.shift()?.();
    expect(await large).toBe("done");
    expect(flow.produceBytesInFlight).toBe(0);
    const first = flow.produce(produceRequest(600), callAs(), hold);
    const second = flow.produce(produceRequest(400), callAs(), hold);
    expect(flow.produceBytesInFlight).toBe(1_000);
    expect((await rejection(flow.produce(produceRequest(1), callAs(), hold))).code).toBe(
      "RESOURCE_EXHAUSTED",
    );
    // A failed call releases its bytes too.
    const failing = flow.produce(produceRequest(0), callAs(), async () => {
      throw new HelixError("UNKNOWN_TOPIC", "gone");
    });
    expect((await rejection(failing)).code).toBe("UNKNOWN_TOPIC");
    for (const release of pending.splice(0)) release();
    await Promise.all([first, second]);
    expect(flow.produceBytesInFlight).toBe(0);
  });

  it("applies quota records once the KV revision moves, refusing a call in debt with its exact wait", async () => {
    let now = 1_000_000;
    const kv = new FakeKv();
    const quotas = new ClusterQuotas(kv.asNode(), () => now);
    const flow = new FlowAdmission(quotas, () => now);
    const run = async () => "ok";
    await flow.produce(produceRequest(5_000), callAs("acme"), run);
    kv.put({
      entity: { cluster: false, principal: "acme", client: undefined, topic: undefined },
      limits: {
        produceBytesPerSecond: 1_000,
        fetchBytesPerSecond: 0,
        requestsPerSecond: 0,
        produceBurstBytes: 1_000,
        fetchBurstBytes: 0,
        requestBurst: 0,
        weight: 0,
      },
    });
    // The store's revision moved and the refresh interval has passed since the last scan: it is read.
    now += limits.quotaRefreshIntervalMicros;
    await flow.produce(produceRequest(3_000), callAs("acme"), run);
    const refused = await rejection(flow.produce(produceRequest(1), callAs("acme"), run));
    expect(refused.code).toBe("RESOURCE_EXHAUSTED");
    // 3,000 bytes against a full 1,000-byte burst: 2,000 bytes of debt at 1,000 B/s.
    expect(refused.details.retryAfterMicros).toBe(2_000_000);
    // Another principal has no quota.
    await flow.produce(produceRequest(3_000), callAs("other"), run);
    now += 2_000_000;
    expect(await flow.produce(produceRequest(1), callAs("acme"), run)).toBe("ok");
  });
});
