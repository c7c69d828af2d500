/**
 * Flow control for the node's Kafka listener (the KafkaBackend in kafka-backend.ts calls these):
 *
 * - `runKafkaWork`: a produce or a partition read waits its turn in the node's fair queue like gRPC work
 *   (tenant = the caller's principal, "anonymous" without SASL; partitions of a tenant share evenly).
 *   Shedding (pressure, full queue, queue timeout) is answered REQUEST_TIMED_OUT: Kafka clients retry
 *   it after `retry.backoff.ms` (Java's TimeoutException is retriable; KafkaJS retries it too), where
 *   THROTTLING_QUOTA_EXCEEDED, the mapping of RESOURCE_EXHAUSTED, fails a produce in the Java client.
 * - `kafkaQuotaThrottleMs`: charges a Produce (request bytes) or Fetch (response bytes) and one request
 *   to (principal, client id) against the controller-stored quotas, always admitting (KIP-599 debt),
 *   and answers the throttle time the listener puts in `throttle_time_ms` and mutes the connection for.
 */
import { HelixError } from "@helixlog/core";
import type { KafkaCaller, KafkaQuotaResource } from "@helixlog/kafka-proxy";
import type { NodeFlow } from "./node-flow.js";

const anonymous: KafkaCaller = { principal: "anonymous", clientId: "" };

export async function runKafkaWork<Result>(
  flow: NodeFlow | undefined,
  work: {
    readonly caller?: KafkaCaller | undefined;
    readonly topic: string;
    readonly partition: number;
    readonly costBytes: number;
    readonly kind: "produce" | "fetch";
  },
  operation: () => Promise<Result>,
): Promise<Result> {
  if (flow === undefined) return operation();
  let started = false;
  const caller = work.caller ?? anonymous;
  try {
    return await flow.run(
      {
        tenant: caller.principal,
        topic: work.topic,
        partition: work.partition,
        costBytes: work.costBytes,
        kind: work.kind,
      },
      () => {
        started = true;
        return operation();
      },
    );
  } catch (error) {
    if (!started && HelixError.is(error, "RESOURCE_EXHAUSTED")) {
      throw new HelixError("TIMEOUT", `${error.message} (answered REQUEST_TIMED_OUT: retriable)`, {
        details: error.details,
      });
    }
    throw error;
  }
}

export function kafkaQuotaThrottleMs(
  flow: NodeFlow,
  caller: KafkaCaller,
  resource: KafkaQuotaResource,
  bytes: number,
  nowMicros: number,
): number {
  flow.quotas.maybeRefresh();
  const subject = { tenant: caller.principal, clientId: caller.clientId };
  const { throttleTimeMs } = flow.quotas.manager.admitAndThrottle(
    [
      { subject, resource, cost: Math.max(0, Math.floor(bytes)) },
      { subject, resource: "requests", cost: 1 },
    ],
    nowMicros,
  );
  if (resource === "fetchBytes") flow.countFetched(caller.principal, bytes);
  return throttleTimeMs;
}
