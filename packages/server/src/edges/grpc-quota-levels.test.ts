/**
 * Topic- and cluster-level quotas through the gRPC admin API (issue 12), over loopback with HelixClient
 * in front of one in-process node (simulated disk, ticked every 10 ms, real clock at the edge):
 *   - SetQuota / ListQuotas / DeleteQuota accept a topic entity (a client id's use of one topic, or the
 *     default for each topic) and the cluster entity, and refuse bad combinations with the reason;
 *   - a topic quota refuses one client's produces to that topic while its produces to another topic go
 *     through unrefused;
 *   - a cluster quota holds the sum of two principals (each without a quota of its own) to its rate;
 *   - both kinds are replicated state: listed again after a crash and restart of the node.
 * The throughput assertions are upper bounds (rate × elapsed + burst + the calls in flight), which hold
 * however slow the machine is; refusals are counted, never timed.
 */
import { HelixError } from "@helixlog/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HelixClient } from "../client/helix-client.js";
import { rejection, SingleNode, sleep, until } from "./grpc-quota-fixture.js";

const recordBytes = 20_000;

/** Produces as `client` to `topic` until `endAt`, sleeping each refusal's retry delay. */
async function produceFlatOut(client: HelixClient, topic: string, endAt: number) {
  const outcome = { admittedBytes: 0, refusals: [] as HelixError[] };
  const value = Buffer.alloc(recordBytes, 7);
  while (Date.now() < endAt) {
    try {
      await client.produce({ topic, partition: 0, records: [{ value, headers: [], timestampMs: 0 }] });
      outcome.admittedBytes += recordBytes;
    } catch (error) {
      if (!HelixError.isInstance(error)) throw error;
      outcome.refusals.push(error);
      if (error.code !== "RESOURCE_EXHAUSTED") throw error;
      await sleep(Number(error.details.retryAfterMs ?? 0));
    }
  }
  return outcome;
}

describe("gRPC topic- and cluster-level quotas", () => {
  const single = new SingleNode(2);
  let admin: HelixClient;

  beforeAll(async () => {
    await single.start();
    admin = single.client();
    for (const name of ["slow", "fast"]) {
      await admin.createTopic({ name, partitions: 1, replicationFactor: 1 });
      await until(() => single.node.partitionLeader(name, 0)?.leader === single.node.nodeId, "leader");
    }
  });

  afterAll(async () => {
    admin?.close();
    await single.stop();
  });

  it("sets, lists and deletes topic and cluster quotas, and refuses bad entities with the reason", async () => {
    const cluster = await admin.setQuota({ cluster: true }, { produceBytesPerSecond: 5_000_000 });
    expect(cluster.entity).toEqual({ principal: "", cluster: true });
    expect(cluster.limits.produceBurstBytes).toBe(5_000_000);
    await admin.setQuota(
      { principal: "acme", clientId: "loader", topic: "orders" },
      { requestsPerSecond: 9 },
    );
    // Without a client id a topic quota applies to each client id of the principal: stored as client "".
    const eachTopic = await admin.setQuota({ principal: "", topic: "" }, { fetchBytesPerSecond: 1_000 });
    expect(eachTopic.entity).toEqual({ principal: "", clientId: "", topic: "" });
    await admin.setQuota({ principal: "acme" }, { requestsPerSecond: 100 });
    expect((await admin.listQuotas()).map((quota) => quota.entity)).toEqual([
      { principal: "", cluster: true },
      { principal: "", clientId: "", topic: "" },
      { principal: "acme" },
      { principal: "acme", clientId: "loader", topic: "orders" },
    ]);

    for (const [entity, limits, reason] of [
      [{ cluster: true, principal: "acme" }, { requestsPerSecond: 1 }, /cluster quota .* cannot also name/],
      [{ cluster: true, topic: "orders" }, { requestsPerSecond: 1 }, /cluster quota .* cannot also name/],
      [{ cluster: true }, { weight: 2 }, /weight belongs to a principal, not the cluster level/],
      [{ principal: "acme", topic: "orders" }, { weight: 2 }, /weight belongs to a principal, not a topic/],
      [{ principal: "acme", topic: "x".repeat(256) }, { requestsPerSecond: 1 }, /entity.topic is longer/],
      [{ cluster: true }, {}, /at least one of the rates/],
    ] as const) {
      const refused = await rejection(admin.setQuota(entity, limits));
      expect(refused.code).toBe("INVALID_ARGUMENT");
      expect(refused.message).toMatch(reason);
    }
    expect(await rejection(admin.deleteQuota({ cluster: true, clientId: "" }))).toMatchObject({
      code: "INVALID_ARGUMENT",
    });

    expect(await admin.deleteQuota({ cluster: true })).toBe(true);
    expect(await admin.deleteQuota({ cluster: true })).toBe(false);
    // The topic quota is its own entity: deleting the principal's quota leaves it.
    expect(await admin.deleteQuota({ principal: "acme" })).toBe(true);
    expect(await admin.deleteQuota({ principal: "acme", clientId: "loader", topic: "orders" })).toBe(true);
    expect(await admin.deleteQuota({ principal: "", clientId: "", topic: "" })).toBe(true);
    expect(await admin.listQuotas()).toEqual([]);
  });

  it("throttles one client's produces to a topic with a quota while its other topic runs unrefused", async () => {
    const rate = 100_000;
    const burst = 40_000;
    await admin.setQuota(
      { principal: "", clientId: "T", topic: "slow" },
      { produceBytesPerSecond: rate, produceBurstBytes: burst },
    );
    const client = single.client({ clientId: "T" });
    try {
      const startedAt = Date.now();
      const endAt = startedAt + 2_000;
      const [slow, fast] = await Promise.all([
        produceFlatOut(client, "slow", endAt),
        produceFlatOut(client, "fast", endAt),
      ]);
      const seconds = (Date.now() - startedAt) / 1000;
      // Admitted while out of debt, then charged its bytes: at most one call's bytes of debt.
      expect(slow.admittedBytes).toBeLessThanOrEqual(rate * seconds + burst + recordBytes);
      expect(slow.refusals.length).toBeGreaterThan(0);
      for (const refusal of slow.refusals) {
        expect(refusal.code).toBe("RESOURCE_EXHAUSTED");
        expect(refusal.message).toMatch(/topic quota on produceBytes/);
      }
      expect(fast.refusals).toEqual([]);
      expect(fast.admittedBytes).toBeGreaterThan(0);
    } finally {
      client.close();
      await admin.deleteQuota({ principal: "", clientId: "T", topic: "slow" });
    }
  }, 20_000);

  it("holds the sum of two principals to the cluster quota", async () => {
    const rate = 150_000;
    const burst = 40_000;
    await admin.setQuota({ cluster: true }, { produceBytesPerSecond: rate, produceBurstBytes: burst });
    const first = single.client({ principal: "p1" });
    const second = single.client({ principal: "p2" });
    try {
      const startedAt = Date.now();
      const endAt = startedAt + 2_000;
      const outcomes = await Promise.all([
        produceFlatOut(first, "fast", endAt),
        produceFlatOut(second, "slow", endAt),
      ]);
      const seconds = (Date.now() - startedAt) / 1000;
      const admitted = outcomes.reduce((sum, outcome) => sum + outcome.admittedBytes, 0);
      // Each of the two producers may have one call's bytes in debt.
      expect(admitted).toBeLessThanOrEqual(rate * seconds + burst + 2 * recordBytes);
      const refusals = outcomes.flatMap((outcome) => outcome.refusals);
      expect(refusals.length).toBeGreaterThan(0);
      for (const refusal of refusals) expect(refusal.message).toMatch(/cluster quota on produceBytes/);
    } finally {
      first.close();
      second.close();
      await admin.deleteQuota({ cluster: true });
    }
  }, 20_000);

  it("keeps topic and cluster quotas across a crash and restart", async () => {
    await admin.setQuota({ cluster: true }, { fetchBytesPerSecond: 7_000_000 });
    await admin.setQuota({ principal: "durable", clientId: "c", topic: "slow" }, { requestsPerSecond: 1 });
    admin.close();
    await single.crashAndRestart();
    admin = single.client();
    await until(() => single.node.partitionLeader("slow", 0)?.leader === single.node.nodeId, "leader");
    const listed = await admin.listQuotas();
    expect(listed.map((quota) => quota.entity)).toEqual([
      { principal: "", cluster: true },
      { principal: "durable", clientId: "c", topic: "slow" },
    ]);
    expect(listed[0]?.limits.fetchBytesPerSecond).toBe(7_000_000);
    // And enforced: the topic's request quota (burst 1) refuses the second fetch of that topic only.
    const limited = single.client({ principal: "durable", clientId: "c" });
    try {
      const fetch = (topic: string) => limited.fetch({ topic, partition: 0, offset: 0, maxBytes: 1 });
      await fetch("slow");
      const refused = await rejection(fetch("slow"));
      expect(refused.code).toBe("RESOURCE_EXHAUSTED");
      expect(refused.message).toMatch(/topic quota on requests/);
      await fetch("fast");
      await fetch("fast");
    } finally {
      limited.close();
    }
  });
});
