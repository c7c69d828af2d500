/**
 * Flow control for the node's Kafka listener (the KafkaBackend in kafka-backend.ts calls these):
 *
 * - `runKafkaWork`: a produce or a partition read waits its turn in the node's fair queue like gRPC work
 *   (tenant = the caller's principal, "anonymous" without SASL; partitions of a tenant share evenly).
 *   Shedding (pressure, full queue, queue timeout) is answered REQUEST_TIMED_OUT: Kafka clients retry
 *   it after `retry.backoff.ms` (Java's TimeoutException is retriable; KafkaJS retries it too), where
 *   THROTTLING_QUOTA_EXCEEDED, the mapping of RESOURCE_EXHAUSTED, fails a produce in the Java client.
 * - `kafkaQuotaThrottleMs`: charges a Produce (request bytes) or Fetch (response bytes) and one request
 *   to (principal, client id), each topic's record bytes to that topic too, against the
 *   controller-stored quotas (all four levels), always admitting (KIP-599 debt),
 *   and answers the throttle time the listener puts in `throttle_time_ms` and mutes the connection for.
 */
import { HelixError } from "@helixlog/core";
import type { QuotaCharge } from "@helixlog/flow";
import type { KafkaCaller, KafkaQuotaResource, KafkaTopicBytes } from "@helixlog/kafka-proxy";
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

/**
 * Charges one Kafka Produce or Fetch: each topic's record bytes to (principal, client id, topic), so
 * topic-level quotas apply, the rest of the frame to (principal, client id); the cluster, principal and
 * client levels see the sum. The request quota is charged once, without a topic (one Kafka request
 * spans topics), so topic-level request quotas apply to gRPC calls only.
 */
export function kafkaQuotaThrottleMs(
  flow: NodeFlow,
  caller: KafkaCaller,
  resource: KafkaQuotaResource,
  bytes: number,
  topics: readonly KafkaTopicBytes[],
  nowMicros: number,
): number {
  flow.quotas.maybeRefresh();
  const subject = { tenant: caller.principal, clientId: caller.clientId };
  let rest = Math.max(0, Math.floor(bytes));
  const charges: QuotaCharge[] = [];
  for (const topic of topics) {
    const cost = Math.min(rest, Math.max(0, Math.floor(topic.bytes)));
    if (topic.name === "" || cost === 0) continue;
    charges.push({ subject: { ...subject, topic: topic.name }, resource, cost });
    rest -= cost;
  }
  charges.push({ subject, resource, cost: rest }, { subject, resource: "requests", cost: 1 });
  const { throttleTimeMs } = flow.quotas.manager.admitAndThrottle(charges, nowMicros);
  if (resource === "fetchBytes") flow.countFetched(caller.principal, bytes);
  return throttleTimeMs;
}
