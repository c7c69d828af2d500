import { assert, HelixError, limits } from "@helixlog/core";
import { microsToMillisRoundedUp } from "./internal/exact.js";
import {
  definitionKey,
  type QuotaDefinition,
  type QuotaLevel,
  type QuotaResource,
  type QuotaSubject,
  QuotaTable,
  quotaLevels,
  subjectPath,
} from "./quota.js";
import { TokenBucket } from "./token-bucket.js";

/** One thing a request consumes: `cost` bytes (or 1 request) of `resource`, charged to `subject`. */
export interface QuotaCharge {
  readonly subject: QuotaSubject;
  readonly resource: QuotaResource;
  readonly cost: number;
}

/** A strict decision. A denial carries a retriable RESOURCE_EXHAUSTED (or a non-retriable one, see below). */
export type QuotaDecision =
  | { readonly admitted: true }
  | { readonly admitted: false; readonly retryAfterMicros: number; readonly error: HelixError };

/** A Kafka-style outcome: the request was admitted; its response carries this throttle (KIP-219). */
export interface QuotaThrottle {
  readonly throttleMicros: number;
  /** For the response's `throttle_time_ms`, rounded up so a client never comes back early. */
  readonly throttleTimeMs: number;
}

export interface TenantQuotaMetrics {
  /** Cost admitted per resource: bytes for produce and fetch, a count for requests. */
  readonly admitted: Record<QuotaResource, number>;
  deniedRequests: number;
  throttledRequests: number;
  throttledMicros: number;
}

/** Plain counters for the server to export; they only grow, except `buckets`. */
export interface QuotaMetrics {
  readonly buckets: number;
  readonly admittedRequests: number;
  readonly deniedRequests: number;
  readonly throttledRequests: number;
  readonly throttledMicros: number;
  /** Requests refused because the bucket table was full of buckets still in use. */
  readonly bucketTableFullRequests: number;
  readonly tenants: ReadonlyMap<string, Readonly<TenantQuotaMetrics>>;
  /** Tenants beyond the metrics bound are counted here together. */
  readonly otherTenants: Readonly<TenantQuotaMetrics>;
}

export interface QuotaManagerOptions {
  /** Bound on live buckets; defaults to `limits.quotaBucketsMax` (tests use a small one). */
  readonly bucketsMax?: number;
}

/** A live bucket and what it meters. */
interface MeteredBucket {
  readonly bucket: TokenBucket;
  readonly level: QuotaLevel;
  readonly resource: QuotaResource;
  readonly path: readonly string[];
}

/** The charge one request puts on one bucket (charges on the same bucket are summed). */
interface BucketCharge {
  readonly key: string;
  readonly level: QuotaLevel;
  readonly resource: QuotaResource;
  readonly path: readonly string[];
  readonly definition: QuotaDefinition;
  cost: number;
}

type Resolution =
  | { readonly ok: true; readonly charged: readonly { metered: MeteredBucket; cost: number }[] }
  | { readonly ok: false; readonly retryAfterMicros: number; readonly error: HelixError };

/**
 * Hierarchical quotas (cluster → tenant → client id → topic) for produce bytes, fetch bytes and request
 * count. A request is charged at every level that has a quota; buckets are created on first use, one per
 * entity, and forgotten once full (a full bucket is indistinguishable from a fresh one).
 *
 * - `tryAdmit` (gRPC): admitted only if every level admits it, atomically; a denial says exactly when
 *   it would be admitted (the largest of the levels' exact waits).
 * - `admitAndThrottle` (Kafka, KIP-219 and KIP-599): always admitted and charged, possibly into debt; the
 *   response carries the largest throttle of the levels, and the broker mutes the client for it.
 */
export class QuotaManager {
  private table: QuotaTable;
  private readonly bucketsMax: number;
  /** Invariant: size ≤ bucketsMax. */
  private readonly buckets = new Map<string, MeteredBucket>();
  /** When the last sweep freed nothing: no bucket can be full before this time, so no sweep helps. */
  private noSweepBeforeMicros = 0;
  private readonly counters = {
    admittedRequests: 0,
    deniedRequests: 0,
    throttledRequests: 0,
    throttledMicros: 0,
    bucketTableFullRequests: 0,
  };
  /** Invariant: size ≤ bucketsMax; later tenants are counted in `otherTenants`. */
  private readonly tenants = new Map<string, TenantQuotaMetrics>();
  private readonly otherTenants = emptyTenantMetrics();

  constructor(definitions: readonly QuotaDefinition[], options: QuotaManagerOptions = {}) {
    this.table = new QuotaTable(definitions);
    this.bucketsMax = options.bucketsMax ?? limits.quotaBucketsMax;
    assert(
      Number.isInteger(this.bucketsMax) && this.bucketsMax >= quotaLevels.length * 3,
      "bucketsMax too small",
    );
  }

  /**
   * Applies new definitions (validated first: on INVALID_CONFIG nothing changes). Live buckets keep their
   * tokens under their new rate and burst; buckets no definition governs any more are dropped.
   */
  replaceDefinitions(definitions: readonly QuotaDefinition[], nowMicros: number): void {
    const table = new QuotaTable(definitions);
    this.table = table;
    for (const [key, metered] of this.buckets) {
      const definition = table.lookup(metered.level, metered.resource, metered.path);
      if (definition === undefined) this.buckets.delete(key);
      else metered.bucket.reconfigure(definition, nowMicros);
    }
    this.noSweepBeforeMicros = 0;
  }

  tryAdmit(charges: readonly QuotaCharge[], nowMicros: number): QuotaDecision {
    const resolution = this.resolve(charges, nowMicros, "strict");
    if (!resolution.ok) return this.deny(charges, resolution.retryAfterMicros, resolution.error);
    let waitMicros = 0;
    let limitedBy: MeteredBucket | undefined;
    for (const { metered, cost } of resolution.charged) {
      const wait = metered.bucket.waitMicros(cost, nowMicros);
      if (wait > waitMicros) [waitMicros, limitedBy] = [wait, metered];
    }
    if (limitedBy !== undefined) return this.deny(charges, waitMicros, quotaExceeded(limitedBy, waitMicros));
    for (const { metered, cost } of resolution.charged) {
      const wait = metered.bucket.tryTake(cost, nowMicros);
      assert(wait === 0, "a bucket that reported no wait must admit at the same instant");
    }
    this.countAdmitted(charges);
    return { admitted: true };
  }

  admitAndThrottle(charges: readonly QuotaCharge[], nowMicros: number): QuotaThrottle {
    const resolution = this.resolve(charges, nowMicros, "debt");
    // Without a bucket the request cannot be metered; the client is throttled for the time one frees.
    let throttleMicros = resolution.ok ? 0 : resolution.retryAfterMicros;
    if (resolution.ok) {
      for (const { metered, cost } of resolution.charged) {
        throttleMicros = Math.max(throttleMicros, metered.bucket.takeWithDebt(cost, nowMicros));
      }
    }
    this.countAdmitted(charges);
    if (throttleMicros > 0) this.countThrottled(charges, throttleMicros);
    return { throttleMicros, throttleTimeMs: microsToMillisRoundedUp(throttleMicros) };
  }

  metrics(): QuotaMetrics {
    return {
      ...this.counters,
      buckets: this.buckets.size,
      tenants: this.tenants,
      otherTenants: this.otherTenants,
    };
  }

  /**
   * Finds (or creates) the bucket of every level each charge falls under, summing charges per bucket. In
   * strict mode a charge larger than its bucket's burst is refused: it could never be admitted.
   */
  private resolve(charges: readonly QuotaCharge[], nowMicros: number, mode: "strict" | "debt"): Resolution {
    const byKey = this.chargesByBucket(charges);
    for (const charge of byKey.values()) {
      if (mode === "strict" && charge.cost > charge.definition.burst) return tooLargeForQuota(charge);
    }
    const charged: { metered: MeteredBucket; cost: number }[] = [];
    for (const charge of byKey.values()) {
      const metered = this.buckets.get(charge.key) ?? this.maybeCreateBucket(charge, byKey, nowMicros);
      if (metered === undefined) {
        const retryAfterMicros = clampRetry(this.noSweepBeforeMicros - nowMicros);
        return { ok: false, retryAfterMicros, error: bucketTableFull(retryAfterMicros) };
      }
      charged.push({ metered, cost: charge.cost });
    }
    return { ok: true, charged };
  }

  private chargesByBucket(charges: readonly QuotaCharge[]): Map<string, BucketCharge> {
    const byKey = new Map<string, BucketCharge>();
    for (const { subject, resource, cost } of charges) {
      assert(
        Number.isInteger(cost) && cost >= 0,
        () => `a quota charge must be a non-negative integer, got ${cost}`,
      );
      for (const level of quotaLevels) {
        const path = subjectPath(subject, level);
        const definition = path === undefined ? undefined : this.table.lookup(level, resource, path);
        if (path === undefined || definition === undefined) continue;
        const key = definitionKey(level, resource, path);
        const existing = byKey.get(key);
        if (existing === undefined) byKey.set(key, { key, level, resource, path, definition, cost });
        else existing.cost += cost;
      }
    }
    for (const charge of byKey.values()) {
      assert(
        charge.cost <= limits.tokenBucketBurstMax,
        "one request cannot cost more than the largest burst",
      );
    }
    return byKey;
  }

  /** Creates the bucket for `charge`, making room by dropping full buckets; undefined if there is none. */
  private maybeCreateBucket(
    charge: BucketCharge,
    inUse: ReadonlyMap<string, BucketCharge>,
    nowMicros: number,
  ): MeteredBucket | undefined {
    if (this.buckets.size >= this.bucketsMax && !this.maybeSweep(inUse, nowMicros)) return undefined;
    const bucket = new TokenBucket(charge.definition, nowMicros);
    const metered: MeteredBucket = {
      bucket,
      level: charge.level,
      resource: charge.resource,
      path: charge.path,
    };
    this.buckets.set(charge.key, metered);
    assert(this.buckets.size <= this.bucketsMax, "bucket table over its bound");
    return metered;
  }

  /** Drops every full bucket not used by the current request; returns whether any room was made. */
  private maybeSweep(inUse: ReadonlyMap<string, BucketCharge>, nowMicros: number): boolean {
    if (nowMicros < this.noSweepBeforeMicros) return false;
    let soonestFullMicros = Number.MAX_SAFE_INTEGER;
    for (const [key, metered] of this.buckets) {
      if (inUse.has(key)) continue;
      if (metered.bucket.isFullAt(nowMicros)) this.buckets.delete(key);
      else soonestFullMicros = Math.min(soonestFullMicros, metered.bucket.microsUntilFull(nowMicros));
    }
    if (this.buckets.size < this.bucketsMax) return true;
    this.noSweepBeforeMicros = nowMicros + Math.min(soonestFullMicros, limits.throttleMicrosMax);
    return false;
  }

  private deny(charges: readonly QuotaCharge[], retryAfterMicros: number, error: HelixError): QuotaDecision {
    this.counters.deniedRequests += 1;
    if (HelixError.is(error, "RESOURCE_EXHAUSTED") && error.details["reason"] === "bucketTableFull") {
      this.counters.bucketTableFullRequests += 1;
    }
    for (const tenant of tenantsOf(charges)) this.tenantMetrics(tenant).deniedRequests += 1;
    return { admitted: false, retryAfterMicros, error };
  }

  private countAdmitted(charges: readonly QuotaCharge[]): void {
    this.counters.admittedRequests += 1;
    for (const { subject, resource, cost } of charges)
      this.tenantMetrics(subject.tenant).admitted[resource] += cost;
  }

  private countThrottled(charges: readonly QuotaCharge[], throttleMicros: number): void {
    this.counters.throttledRequests += 1;
    this.counters.throttledMicros += throttleMicros;
    for (const tenant of tenantsOf(charges)) {
      const metrics = this.tenantMetrics(tenant);
      metrics.throttledRequests += 1;
      metrics.throttledMicros += throttleMicros;
    }
  }

  private tenantMetrics(tenant: string): TenantQuotaMetrics {
    const existing = this.tenants.get(tenant);
    if (existing !== undefined) return existing;
    if (this.tenants.size >= this.bucketsMax) return this.otherTenants;
    const created = emptyTenantMetrics();
    this.tenants.set(tenant, created);
    return created;
  }
}

function emptyTenantMetrics(): TenantQuotaMetrics {
  return {
    admitted: { produceBytes: 0, fetchBytes: 0, requests: 0 },
    deniedRequests: 0,
    throttledRequests: 0,
    throttledMicros: 0,
  };
}

function tenantsOf(charges: readonly QuotaCharge[]): Set<string> {
  return new Set(charges.map((charge) => charge.subject.tenant));
}

/** A wait is at least the smallest retry delay (so clients back off) and at most the longest throttle. */
function clampRetry(retryAfterMicros: number): number {
  return Math.min(limits.throttleMicrosMax, Math.max(limits.retryDelayMicrosMin, retryAfterMicros));
}

function retryDetails(retryAfterMicros: number): Record<string, number> {
  return { retryAfterMicros, retryAfterMs: microsToMillisRoundedUp(retryAfterMicros) };
}

function quotaExceeded(limitedBy: MeteredBucket, waitMicros: number): HelixError {
  return new HelixError(
    "RESOURCE_EXHAUSTED",
    `${limitedBy.level} quota on ${limitedBy.resource} exceeded for ${describePath(limitedBy.path)}; ` +
      `retry in ${microsToMillisRoundedUp(waitMicros)} ms`,
    {
      details: {
        reason: "quotaExceeded",
        level: limitedBy.level,
        resource: limitedBy.resource,
        ...retryDetails(waitMicros),
      },
    },
  );
}

function bucketTableFull(retryAfterMicros: number): HelixError {
  return new HelixError(
    "RESOURCE_EXHAUSTED",
    `too many quota entities are active on this node; retry in ${microsToMillisRoundedUp(retryAfterMicros)} ms`,
    { details: { reason: "bucketTableFull", ...retryDetails(retryAfterMicros) } },
  );
}

/** A strict quota can never admit a request larger than its burst: not retriable, so say why. */
function tooLargeForQuota(charge: BucketCharge): Resolution {
  const error = new HelixError(
    "POLICY_VIOLATION",
    `a request costing ${charge.cost} exceeds the burst ${charge.definition.burst} of the ${charge.level} ` +
      `quota on ${charge.resource} for ${describePath(charge.path)}; the quota's burst must cover the largest request`,
    { details: { reason: "requestLargerThanBurst", level: charge.level, resource: charge.resource } },
  );
  return { ok: false, retryAfterMicros: 0, error };
}

function describePath(path: readonly string[]): string {
  return path.length === 0 ? "the cluster" : path.map((value) => JSON.stringify(value)).join("/");
}
