/**
 * Flow control at the gRPC edge (issue 12): quotas and admission for Produce and Fetch.
 *
 * - **Quotas** come from the quota records in the controller's replicated KV store (quota-records.ts):
 *   `ClusterQuotas` rebuilds the flow package's QuotaManager definitions whenever the applied KV state
 *   changed (spaced by `quotaRefreshIntervalMicros`, since a scan visits every key), keeping bucket
 *   levels across changes. Every call is charged to its principal (`x-helix-principal`, default
 *   "anonymous") and client id (`x-helix-client-id`, default "": only default client quotas apply).
 * - **Bytes are charged Kafka's way** (KIP-599): a call is admitted while its buckets are not in debt,
 *   then charged its actual bytes (a produce its request bytes, a fetch the bytes it returns), possibly
 *   into debt. A call arriving in debt is refused with a retriable RESOURCE_EXHAUSTED whose ErrorDetail
 *   carries the exact time until the bucket is out of debt, so a request larger than the burst still
 *   passes (alone) and the admitted bytes over any window stay within rate × window + burst + one call.
 *   The request-rate quota is strict: one token per call.
 * - **Admission**: produce bytes in flight on this node (admitted, not yet answered) are bounded by
 *   `grpcProduceInflightBytesMax`; beyond it a produce is shed with a retriable RESOURCE_EXHAUSTED,
 *   before its bytes are held, so memory does not grow with the backlog.
 *
 * The flow package is pure; this edge owns the clock (monotonic `performance.now`, in integer
 * microseconds as flow requires).
 */
import type { Metadata } from "@grpc/grpc-js";
import { HelixError, limits } from "@helixlog/core";
import { microsToMillisRoundedUp, type QuotaCharge, QuotaManager, type QuotaSubject } from "@helixlog/flow";
import type { FetchResult, HelixNode } from "../../node/helix-node.js";
import type { NodeFlow } from "../flow/node-flow.js";
import type { ReadGate } from "./log-service.js";
import type { FetchResponse, ProduceRequest } from "./messages.js";
import { decodeQuotaRecord, definitionsOf, type QuotaRecord, quotaKeyPrefix } from "./quota-records.js";
import { invalid } from "./validation.js";

export const principalMetadataKey = "x-helix-principal";
export const clientIdMetadataKey = "x-helix-client-id";
export const principalDefault = "anonymous";
export const clientIdDefault = "";
/** A throttled Subscribe stream looks at its client's state (cancelled?) at least this often. */
const subscribeThrottleStepMs = 100;

/** Monotonic microseconds, an integer, as flow takes time. */
export function monotonicMicros(): number {
  return Math.round(performance.now() * 1000);
}

/** The node's quota records and the QuotaManager built from them, refreshed from the applied KV state. */
export class ClusterQuotas {
  readonly manager = new QuotaManager([]);
  private current: QuotaRecord[] = [];
  /** Bumped whenever the records are reread (NodeFlow rereads tenant weights then). */
  private version = 0;
  /** The KV revision the records were read at; -1 before the first read. */
  private revision = -1;
  private scannedAtMicros = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly node: HelixNode,
    private readonly nowMicros: () => number = monotonicMicros,
  ) {}

  /** The records as this node has applied them (refreshed first if the store changed). */
  list(): readonly QuotaRecord[] {
    this.maybeRefresh(true);
    return this.current;
  }

  /** The records as last read, without rereading. */
  get records(): readonly QuotaRecord[] {
    return this.current;
  }

  get recordsVersion(): number {
    return this.version;
  }

  /**
   * Rereads the records if the KV store changed since the last read, at most once per refresh interval
   * unless `force` (an admin call on this node, which must see its own write at once).
   */
  maybeRefresh(force = false): void {
    const revision = this.node.kvRevision();
    if (revision === this.revision) return;
    const now = this.nowMicros();
    if (!force && now - this.scannedAtMicros < limits.quotaRefreshIntervalMicros) return;
    this.scannedAtMicros = now;
    this.revision = revision;
    const records: QuotaRecord[] = [];
    for (const { key, value } of this.node.kvList(quotaKeyPrefix)) {
      const record = decodeQuotaRecord(key, value);
      if (record !== undefined && records.length < limits.quotaRecordsMax) records.push(record);
    }
    this.current = records;
    this.version += 1;
    this.manager.replaceDefinitions(definitionsOf(records), now);
  }
}

/** Who a call is charged to, from its metadata; bad values are INVALID_ARGUMENT. */
export function subjectOf(metadata: Metadata, topic: string): QuotaSubject {
  return {
    tenant: metadataName(metadata, principalMetadataKey) ?? principalDefault,
    clientId: metadataName(metadata, clientIdMetadataKey) ?? clientIdDefault,
    topic,
  };
}

function metadataName(metadata: Metadata, key: string): string | undefined {
  const value = metadata.get(key)[0];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(`metadata ${key} must be text`);
  if (value.length > limits.quotaKeyLengthMax) {
    throw invalid(`metadata ${key} is longer than ${limits.quotaKeyLengthMax} characters`);
  }
  return value;
}

/** The bytes a produce request brings: its batches, or its records' keys, values and headers. */
export function produceBytesOf(request: ProduceRequest): number {
  let bytes = request.batches?.length ?? 0;
  for (const record of request.records ?? []) {
    bytes += (record.key?.length ?? 0) + (record.value?.length ?? 0);
    for (const header of record.headers ?? []) bytes += header.key.length + (header.value?.length ?? 0);
  }
  return bytes;
}

interface CallWithMetadata {
  readonly metadata: Metadata;
}

/** The bytes a node read returned. */
export function readBytesOf(result: FetchResult): number {
  let bytes = 0;
  for (const batch of result.batches) bytes += batch.length;
  return bytes;
}

export class FlowAdmission {
  /** Invariant: 0 ≤ inflightProduceBytes ≤ grpcProduceInflightBytesMax, or one call's bytes alone. */
  private inflightProduceBytes = 0;

  constructor(
    readonly quotas: ClusterQuotas,
    private readonly nowMicros: () => number = monotonicMicros,
    private readonly inflightBytesMax: number = limits.grpcProduceInflightBytesMax,
    /** The node's admission and fair queue; undefined: calls run at once (unit tests of quotas). */
    private readonly nodeFlow?: NodeFlow,
  ) {}

  async produce<Response>(
    request: ProduceRequest,
    call: CallWithMetadata,
    run: () => Promise<Response>,
  ): Promise<Response> {
    const subject = subjectOf(call.metadata, request.topic);
    const bytes = Math.min(produceBytesOf(request), limits.tokenBucketBurstMax);
    this.admit(subject, "produceBytes");
    this.reserveInflight(bytes);
    try {
      this.charge(subject, "produceBytes", bytes);
      if (this.nodeFlow === undefined) return await run();
      // A produce without a partition is queued as partition -1 of its topic: its partition is chosen later.
      const work = {
        tenant: subject.tenant,
        topic: request.topic,
        partition: request.partition ?? -1,
        costBytes: bytes,
        kind: "produce" as const,
      };
      return await this.nodeFlow.run(work, run);
    } finally {
      this.inflightProduceBytes -= bytes;
    }
  }

  /** Fetch: admitted while out of fetch debt; its read waits its turn, then its bytes are charged. */
  async fetch(
    request: { topic: string },
    call: CallWithMetadata,
    run: (gate: ReadGate) => Promise<FetchResponse>,
  ): Promise<FetchResponse> {
    const subject = subjectOf(call.metadata, request.topic);
    this.admit(subject, "fetchBytes");
    return run(async (partition, maxBytes, read) => {
      const result = await this.read(subject, partition, maxBytes, read);
      this.charge(subject, "fetchBytes", Math.min(readBytesOf(result), limits.tokenBucketBurstMax));
      return result;
    });
  }

  /**
   * The gate of one Subscribe stream: each read first waits until the caller's fetch buckets are out of
   * debt (the stream is throttled as a Kafka consumer is muted), then waits its turn and is charged.
   */
  subscribeGate(call: CallWithMetadata & { readonly cancelled: boolean }, topic: string): ReadGate {
    const subject = subjectOf(call.metadata, topic);
    return async (partition, maxBytes, read) => {
      for (;;) {
        this.quotas.maybeRefresh();
        const decision = this.quotas.manager.tryAdmit(
          [{ subject, resource: "fetchBytes", cost: 0 }],
          this.nowMicros(),
        );
        if (decision.admitted || call.cancelled) break;
        const waitMs = Number(decision.error.details.retryAfterMs ?? 1);
        await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, subscribeThrottleStepMs)));
      }
      const result = await this.read(subject, partition, maxBytes, read);
      this.charge(subject, "fetchBytes", Math.min(readBytesOf(result), limits.tokenBucketBurstMax));
      return result;
    };
  }

  private read(
    subject: QuotaSubject,
    partition: number,
    maxBytes: number,
    read: () => Promise<FetchResult>,
  ): Promise<FetchResult> {
    const { nodeFlow } = this;
    if (nodeFlow === undefined) return read();
    const work = {
      tenant: subject.tenant,
      topic: subject.topic ?? "",
      partition,
      costBytes: Math.min(maxBytes, limits.nodeFlowFetchCostBytesMax),
      kind: "fetch" as const,
    };
    return nodeFlow.run(work, async () => {
      const result = await read();
      nodeFlow.countFetched(subject.tenant, readBytesOf(result));
      return result;
    });
  }
  /** Admits a call while its byte buckets are out of debt and its request quota has a token. */
  private admit(subject: QuotaSubject, resource: "produceBytes" | "fetchBytes"): void {
    const { quotas } = this;
    quotas.maybeRefresh();
    const charges: QuotaCharge[] = [
      { subject, resource, cost: 0 },
      { subject, resource: "requests", cost: 1 },
    ];
    const decision = quotas.manager.tryAdmit(charges, this.nowMicros());
    if (!decision.admitted) throw decision.error;
  }

  private charge(subject: QuotaSubject, resource: "produceBytes" | "fetchBytes", bytes: number): void {
    this.quotas.manager.admitAndThrottle([{ subject, resource, cost: bytes }], this.nowMicros());
  }

  private reserveInflight(bytes: number): void {
    // One call alone is always admitted, however large, so the bound can never block every producer.
    if (this.inflightProduceBytes > 0 && this.inflightProduceBytes + bytes > this.inflightBytesMax) {
      const retryAfterMicros = limits.admissionShedRetryDelayMicros;
      throw new HelixError(
        "RESOURCE_EXHAUSTED",
        `the node holds ${this.inflightProduceBytes} produce bytes in flight (at most ${this.inflightBytesMax}); ` +
          `retry in ${microsToMillisRoundedUp(retryAfterMicros)} ms`,
        {
          details: {
            reason: "inflightProduceBytes",
            retryAfterMicros,
            retryAfterMs: microsToMillisRoundedUp(retryAfterMicros),
          },
        },
      );
    }
    this.inflightProduceBytes += bytes;
  }

  /** Produce bytes admitted and not yet answered (for tests and metrics). */
  get produceBytesInFlight(): number {
    return this.inflightProduceBytes;
  }
}
