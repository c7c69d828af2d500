/**
 * Hierarchical quota specification (cluster → tenant → client id → topic):
 * - definitions are plain data, validated, with Kafka-like precedence between exact names and defaults;
 * - a default quota gives each entity its own bucket;
 * - strict admission admits only if every level admits, takes nothing on a denial, and the retry delay is
 *   exact (property: every entity's window bound holds, and a replay admits at now + wait, not before);
 * - Kafka-style admission always admits and throttles by the worst level (KIP-219);
 * - the bucket table is bounded, forgetting full buckets first; counters are plain numbers.
 */
import { HelixError, limits } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type QuotaDefinition, QuotaTable, validateQuotaDefinitions } from "./quota.js";
import { type QuotaCharge, QuotaManager } from "./quota-manager.js";

const second = 1_000_000;

function produce(tenant: string, clientId: string, cost: number, topic?: string): QuotaCharge {
  const subject = topic === undefined ? { tenant, clientId } : { tenant, clientId, topic };
  return { subject, resource: "produceBytes", cost };
}

function expectInvalid(definitions: readonly QuotaDefinition[], fragment: string): void {
  try {
    validateQuotaDefinitions(definitions);
  } catch (error) {
    expect(HelixError.is(error, "INVALID_CONFIG")).toBe(true);
    expect((error as Error).message).toContain(fragment);
    return;
  }
  throw new Error(`expected INVALID_CONFIG containing "${fragment}"`);
}

const bytes = { resource: "produceBytes", ratePerSecond: 1000, burst: 1000 } as const;

describe("quota definitions", () => {
  it("accepts a set covering every level, with exact names and defaults", () => {
    expect(() =>
      validateQuotaDefinitions([
        { level: "cluster", ...bytes },
        { level: "tenant", ...bytes },
        { level: "tenant", tenant: "acme", ...bytes },
        { level: "client", tenant: "acme", clientId: "loader", ...bytes },
        { level: "topic", tenant: "acme", topic: "orders", ...bytes },
      ]),
    ).not.toThrow();
  });

  it("rejects fields the level does not have, empty or long names, duplicates, bad rates, too many", () => {
    expectInvalid([{ level: "tenant", clientId: "x", ...bytes }], "cannot name a clientId");
    expectInvalid([{ level: "cluster", tenant: "x", ...bytes }], "cannot name a tenant");
    expectInvalid([{ level: "tenant", tenant: "", ...bytes }], "tenant must be a string");
    expectInvalid(
      [{ level: "tenant", tenant: "x".repeat(limits.quotaKeyLengthMax + 1), ...bytes }],
      "tenant must be",
    );
    expectInvalid(
      [
        { level: "cluster", ...bytes },
        { level: "cluster", ...bytes },
      ],
      "duplicates",
    );
    expectInvalid(
      [{ level: "cluster", resource: "produceBytes", ratePerSecond: 0, burst: 1 }],
      "ratePerSecond",
    );
    expectInvalid([{ level: "galaxy" as "cluster", ...bytes }], "unknown level");
    expectInvalid(
      [{ level: "cluster", resource: "cpu" as "requests", ratePerSecond: 1, burst: 1 }],
      "unknown resource",
    );
    const many = Array.from({ length: limits.quotaDefinitionsMax + 1 }, (_, index) => ({
      level: "tenant" as const,
      tenant: `t${index}`,
      ...bytes,
    }));
    expectInvalid(many, "at most");
  });

  it("prefers an exact name to a default, deciding on the outer field first (Kafka's precedence)", () => {
    const definition = (
      tenant: string | undefined,
      clientId: string | undefined,
      burst: number,
    ): QuotaDefinition => ({
      level: "client",
      resource: "produceBytes",
      ...(tenant === undefined ? {} : { tenant }),
      ...(clientId === undefined ? {} : { clientId }),
      ratePerSecond: 1,
      burst,
    });
    const table = new QuotaTable([
      definition("acme", "loader", 1),
      definition("acme", undefined, 2),
      definition(undefined, "loader", 3),
      definition(undefined, undefined, 4),
    ]);
    const burstFor = (tenant: string, clientId: string) =>
      table.lookup("client", "produceBytes", [tenant, clientId])?.burst;
    expect(burstFor("acme", "loader")).toBe(1);
    expect(burstFor("acme", "other")).toBe(2);
    expect(burstFor("globex", "loader")).toBe(3);
    expect(burstFor("globex", "other")).toBe(4);
    expect(table.lookup("client", "fetchBytes", ["acme", "loader"])).toBeUndefined();
  });
});

describe("QuotaManager: strict admission", () => {
  it("gives each tenant its own bucket under a default tenant quota", () => {
    const quotas = new QuotaManager([
      { level: "tenant", resource: "produceBytes", ratePerSecond: 100, burst: 100 },
    ]);
    expect(quotas.tryAdmit([produce("acme", "a", 100)], 0).admitted).toBe(true);
    expect(quotas.tryAdmit([produce("globex", "a", 100)], 0).admitted).toBe(true);
    expect(quotas.tryAdmit([produce("acme", "b", 1)], 0).admitted).toBe(false);
  });

  it("admits only if every level admits, and a denial takes nothing from any level", () => {
    const quotas = new QuotaManager([
      { level: "cluster", resource: "produceBytes", ratePerSecond: 1000, burst: 1000 },
      {
        level: "client",
        tenant: "acme",
        clientId: "small",
        resource: "produceBytes",
        ratePerSecond: 10,
        burst: 10,
      },
    ]);
    const denied = quotas.tryAdmit([produce("acme", "small", 50)], 0);
    expect(denied.admitted).toBe(false);
    if (!denied.admitted) expect(HelixError.is(denied.error, "POLICY_VIOLATION")).toBe(true);
    expect(quotas.tryAdmit([produce("acme", "small", 10)], 0).admitted).toBe(true);
    const limited = quotas.tryAdmit([produce("acme", "small", 5)], 0);
    expect(limited).toMatchObject({ admitted: false, retryAfterMicros: second / 2 });
    if (!limited.admitted) {
      expect(limited.error.code).toBe("RESOURCE_EXHAUSTED");
      expect(limited.error.retriable).toBe(true);
      expect(limited.error.details).toMatchObject({ level: "client", retryAfterMs: 500 });
    }
    // The cluster level lost only the 10 admitted bytes, not the 5 denied ones.
    expect(quotas.tryAdmit([produce("acme", "big", 990)], 0).admitted).toBe(true);
  });

  it("charges the several topics of one request atomically, summing their cost on shared levels", () => {
    const quotas = new QuotaManager([
      { level: "tenant", resource: "produceBytes", ratePerSecond: 100, burst: 100 },
    ]);
    const request = [produce("acme", "a", 60, "orders"), produce("acme", "a", 60, "payments")];
    expect(quotas.tryAdmit(request, 0)).toMatchObject({ admitted: false });
    expect(quotas.tryAdmit([produce("acme", "a", 100, "orders")], 0).admitted).toBe(true);
  });

  it("meters the topic level only for charges that name a topic", () => {
    const quotas = new QuotaManager([
      { level: "topic", resource: "produceBytes", ratePerSecond: 1, burst: 10 },
    ]);
    expect(quotas.tryAdmit([produce("acme", "a", 10, "orders")], 0).admitted).toBe(true);
    expect(quotas.tryAdmit([produce("acme", "a", 10, "orders")], 0).admitted).toBe(false);
    expect(quotas.tryAdmit([produce("acme", "a", 10, "payments")], 0).admitted).toBe(true);
    expect(
      quotas.tryAdmit([{ subject: { tenant: "acme", clientId: "a" }, resource: "produceBytes", cost: 10 }], 0)
        .admitted,
    ).toBe(true);
  });

  const levelsArbitrary = fc.record({
    cluster: fc.record({
      ratePerSecond: fc.integer({ min: 1, max: 400 }),
      burst: fc.integer({ min: 20, max: 400 }),
    }),
    tenant: fc.record({
      ratePerSecond: fc.integer({ min: 1, max: 200 }),
      burst: fc.integer({ min: 20, max: 200 }),
    }),
    client: fc.record({
      ratePerSecond: fc.integer({ min: 1, max: 100 }),
      burst: fc.integer({ min: 20, max: 100 }),
    }),
  });
  const requestsArbitrary = fc.array(
    fc.record({
      advanceMicros: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 * second })),
      tenant: fc.constantFrom("acme", "globex"),
      clientId: fc.constantFrom("a", "b"),
      cost: fc.integer({ min: 0, max: 20 }),
    }),
    { maxLength: 30 },
  );

  type Shape = { readonly ratePerSecond: number; readonly burst: number };
  function definitionsOf(
    levels: Readonly<Record<"cluster" | "tenant" | "client", Shape>>,
  ): QuotaDefinition[] {
    return (["cluster", "tenant", "client"] as const).map((level) => ({
      level,
      resource: "produceBytes",
      ...levels[level],
    }));
  }

  it("keeps every entity at every level within rate × T + burst, and reports exact retry delays", () => {
    fc.assert(
      fc.property(levelsArbitrary, requestsArbitrary, (levels, requests) => {
        const definitions = definitionsOf(levels);
        const quotas = new QuotaManager(definitions);
        const admitted: { atMicros: number; charge: QuotaCharge }[] = [];
        let now = 0;
        for (const { advanceMicros, tenant, clientId, cost } of requests) {
          now += advanceMicros;
          const charge = produce(tenant, clientId, cost);
          const decision = quotas.tryAdmit([charge], now);
          if (decision.admitted) {
            admitted.push({ atMicros: now, charge });
            continue;
          }
          const wait = decision.retryAfterMicros;
          const replay = () => {
            const fresh = new QuotaManager(definitions);
            for (const earlier of admitted)
              expect(fresh.tryAdmit([earlier.charge], earlier.atMicros).admitted).toBe(true);
            return fresh;
          };
          expect(replay().tryAdmit([charge], now + wait - 1).admitted).toBe(false);
          expect(replay().tryAdmit([charge], now + wait).admitted).toBe(true);
        }
        const entityOf = {
          cluster: () => "",
          tenant: (charge: QuotaCharge) => charge.subject.tenant,
          client: (charge: QuotaCharge) => `${charge.subject.tenant}/${charge.subject.clientId}`,
        };
        for (const level of ["cluster", "tenant", "client"] as const) {
          const { ratePerSecond, burst } = levels[level];
          const entities = new Set(admitted.map(({ charge }) => entityOf[level](charge)));
          for (const entity of entities) {
            const mine = admitted.filter(({ charge }) => entityOf[level](charge) === entity);
            for (let first = 0; first < mine.length; first++) {
              let total = 0;
              for (let last = first; last < mine.length; last++) {
                total += mine[last]!.charge.cost;
                const window = mine[last]!.atMicros - mine[first]!.atMicros;
                expect(total * second).toBeLessThanOrEqual(ratePerSecond * window + burst * second);
              }
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("QuotaManager: Kafka-style admission (KIP-219 throttle, KIP-599 debt)", () => {
  it("always admits, and throttles by the worst level's time to repay its debt", () => {
    const quotas = new QuotaManager([
      { level: "tenant", resource: "produceBytes", ratePerSecond: 1000, burst: 1000 },
      { level: "client", resource: "produceBytes", ratePerSecond: 100, burst: 100 },
    ]);
    expect(quotas.admitAndThrottle([produce("acme", "a", 100)], 0)).toEqual({
      throttleMicros: 0,
      throttleTimeMs: 0,
    });
    expect(quotas.admitAndThrottle([produce("acme", "a", 150)], 0)).toEqual({
      throttleMicros: 1.5 * second,
      throttleTimeMs: 1500,
    });
    const metrics = quotas.metrics();
    expect(metrics).toMatchObject({
      admittedRequests: 2,
      throttledRequests: 1,
      throttledMicros: 1.5 * second,
    });
    expect(metrics.tenants.get("acme")?.admitted.produceBytes).toBe(250);
  });

  it("rounds throttle_time_ms up, so a client never returns before its debt is repaid", () => {
    const quotas = new QuotaManager([{ level: "cluster", resource: "requests", ratePerSecond: 3, burst: 1 }]);
    const request = { subject: { tenant: "acme", clientId: "a" }, resource: "requests" as const, cost: 1 };
    quotas.admitAndThrottle([request], 0);
    expect(quotas.admitAndThrottle([request], 0)).toEqual({ throttleMicros: 333_334, throttleTimeMs: 334 });
  });
});

describe("QuotaManager: definitions change and bounded state", () => {
  it("keeps tokens when a quota changes and forgets buckets no quota governs any more", () => {
    const quotas = new QuotaManager([
      { level: "tenant", resource: "produceBytes", ratePerSecond: 100, burst: 100 },
    ]);
    quotas.tryAdmit([produce("acme", "a", 100)], 0);
    quotas.replaceDefinitions(
      [{ level: "tenant", resource: "produceBytes", ratePerSecond: 200, burst: 100 }],
      0,
    );
    expect(quotas.tryAdmit([produce("acme", "a", 100)], 0)).toMatchObject({ retryAfterMicros: second / 2 });
    quotas.replaceDefinitions([], 0);
    expect(quotas.metrics().buckets).toBe(0);
    expect(quotas.tryAdmit([produce("acme", "a", 100)], 0).admitted).toBe(true);
  });

  it("leaves everything unchanged when new definitions are invalid", () => {
    const quotas = new QuotaManager([
      { level: "tenant", resource: "produceBytes", ratePerSecond: 100, burst: 100 },
    ]);
    expect(() =>
      quotas.replaceDefinitions(
        [{ level: "tenant", resource: "produceBytes", ratePerSecond: 0, burst: 1 }],
        0,
      ),
    ).toThrow(HelixError);
    expect(quotas.tryAdmit([produce("acme", "a", 100)], 0).admitted).toBe(true);
    expect(quotas.tryAdmit([produce("acme", "a", 1)], 0).admitted).toBe(false);
  });

  it("bounds its buckets: full ones are forgotten, and when none is full new entities wait for one", () => {
    const bucketsMax = 12;
    const quotas = new QuotaManager(
      [{ level: "client", resource: "produceBytes", ratePerSecond: 10, burst: 10 }],
      { bucketsMax },
    );
    for (let client = 0; client < bucketsMax; client++) {
      expect(quotas.tryAdmit([produce("acme", `c${client}`, 10)], 0).admitted).toBe(true);
    }
    const refused = quotas.tryAdmit([produce("acme", "newcomer", 1)], 0);
    expect(refused).toMatchObject({ admitted: false, retryAfterMicros: second });
    if (!refused.admitted) expect(refused.error.details["reason"]).toBe("bucketTableFull");
    expect(quotas.metrics()).toMatchObject({ buckets: bucketsMax, bucketTableFullRequests: 1 });
    expect(quotas.tryAdmit([produce("acme", "newcomer", 1)], second - 1).admitted).toBe(false);
    expect(quotas.tryAdmit([produce("acme", "newcomer", 1)], second).admitted).toBe(true);
    expect(quotas.metrics().buckets).toBe(1);
  });
});
