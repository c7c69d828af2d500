/**
 * The quota part of helix.v1.Admin (issue 12): SetQuota, DeleteQuota, ListQuotas. Records live in the
 * controller's replicated KV store (quota-records.ts), so Set and Delete go to the controller leader
 * (NOT_LEADER with the leader's address elsewhere) and every node applies them once replicated; List
 * answers from this node's applied state after a ReadIndex (linearizable, any node).
 */
import type { ServerUnaryCall } from "@grpc/grpc-js";
import { HelixError, limits } from "@helixlog/core";
import type { HelixNode } from "../../node/helix-node.js";
import type { ClusterQuotas } from "./flow-admission.js";
import {
  encodeQuotaRecord,
  entityOf,
  type QuotaEntityMessage,
  type QuotaLimitsMessage,
  type QuotaMessage,
  quotaKeyOf,
  quotaKeyPrefix,
  quotaMessageOf,
  recordOf,
} from "./quota-records.js";
import { remainingMs, withTimeout } from "./waiting.js";

type CallState = Pick<ServerUnaryCall<unknown, unknown>, "getDeadline">;

/** Longest a quota call waits for its commit or read point when the client set no deadline. */
const quotaWaitMsDefault = 10_000;

export class QuotaService {
  constructor(
    private readonly node: HelixNode,
    private readonly quotas: ClusterQuotas,
  ) {}

  async setQuota(
    request: { entity?: QuotaEntityMessage | null; limits?: QuotaLimitsMessage | null },
    call: CallState,
  ): Promise<QuotaMessage> {
    const record = recordOf(request.entity, request.limits);
    const key = quotaKeyOf(record.entity);
    if (
      this.node.kvGet(key) === undefined &&
      this.node.kvList(quotaKeyPrefix).length >= limits.quotaRecordsMax
    ) {
      throw new HelixError(
        "RESOURCE_EXHAUSTED",
        `the cluster holds the maximum of ${limits.quotaRecordsMax} quotas`,
      );
    }
    await this.wait(
      this.node.kvWrite({ type: "put", key, value: encodeQuotaRecord(record) }),
      call,
      "SetQuota",
    );
    this.quotas.maybeRefresh(true);
    return quotaMessageOf(record);
  }

  async deleteQuota(
    request: { entity?: QuotaEntityMessage | null },
    call: CallState,
  ): Promise<{ deleted: boolean }> {
    const key = quotaKeyOf(entityOf(request.entity));
    const result = await this.wait(this.node.kvWrite({ type: "delete", key }), call, "DeleteQuota");
    this.quotas.maybeRefresh(true);
    return { deleted: result.applied };
  }

  async listQuotas(call: CallState): Promise<{ quotas: QuotaMessage[] }> {
    // Reading through the controller's commit index makes the answer include every acknowledged Set.
    await this.wait(this.node.kvGetLinearizable(quotaKeyPrefix), call, "ListQuotas");
    return { quotas: this.quotas.list().map(quotaMessageOf) };
  }

  private wait<Result>(operation: Promise<Result>, call: CallState, what: string): Promise<Result> {
    const waitMs = Math.min(quotaWaitMsDefault, remainingMs(call.getDeadline()));
    return withTimeout(operation, waitMs, `${what} (the write may still happen)`);
  }
}
