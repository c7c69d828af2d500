/**
 * Kafka quota charges (kafkaQuotaThrottleMs) against quota records in a stand-in node's KV state, at a
 * fixed time so every throttle is exact:
 *   - each topic's record bytes are charged to the caller's use of that topic: a topic quota throttles
 *     a Produce or Fetch to its topic, while the same client's traffic to another topic is not
 *     throttled, and bytes outside any topic's records never reach a topic quota;
 *   - the cluster quota sees the sum of every principal's bytes;
 *   - through HelixKafkaBackend, a Fetch v13+ topic named by id only is metered under its name.
 */
import { describe, expect, it } from "vitest";
import type { HelixNode } from "../../node/helix-node.js";
import {
  encodeQuotaRecord,
  type QuotaEntityMessage,
  type QuotaLimitsMessage,
  quotaKeyOf,
  recordOf,
} from "../grpc/quota-records.js";
import { HelixKafkaBackend } from "../kafka-backend.js";
import { kafkaQuotaThrottleMs } from "./kafka-flow.js";
import { NodeFlow } from "./node-flow.js";

const noLimits: QuotaLimitsMessage = {
  produceBytesPerSecond: 0,
  fetchBytesPerSecond: 0,
  requestsPerSecond: 0,
  produceBurstBytes: 0,
  fetchBurstBytes: 0,
  requestBurst: 0,
};

/** A node answering only the KV reads the quotas make, holding the given quota records. */
function nodeWith(
  records: readonly [QuotaEntityMessage, Partial<QuotaLimitsMessage>][],
  topics: readonly { id: string; name: string }[] = [],
): HelixNode {
  const entries = records.map(([entity, limits]) => {
    const record = recordOf(entity, { ...noLimits, ...limits });
    return { key: quotaKeyOf(record.entity), value: encodeQuotaRecord(record), revision: 1 };
  });
  return {
    kvRevision: () => 1,
    kvList: (prefix: string) => entries.filter(({ key }) => key.startsWith(prefix)),
    listTopics: () => topics,
  } as unknown as HelixNode;
}

const loader = { principal: "anonymous", clientId: "loader" };
const now = 1_000_000;

describe("Kafka quota charges", () => {
  it("throttles a client's bytes to a topic with a quota, not its bytes to another topic", () => {
    const flow = new NodeFlow(
      nodeWith([
        [
          { principal: "anonymous", clientId: "loader", topic: "slow" },
          { produceBytesPerSecond: 1_000, produceBurstBytes: 1_000, fetchBytesPerSecond: 1_000 },
        ],
      ]),
      { nowMicros: () => now },
    );
    const charge = (resource: "produceBytes" | "fetchBytes", topic: string, bytes: number) =>
      kafkaQuotaThrottleMs(flow, loader, resource, bytes + 100, [{ name: topic, topicId: "", bytes }], now);
    // 3,000 bytes against a burst of 1,000 at 1,000 B/s: 2 s of debt on "slow".
    expect(charge("produceBytes", "slow", 3_000)).toBe(2_000);
    expect(charge("produceBytes", "fast", 50_000)).toBe(0);
    expect(charge("produceBytes", "slow", 500)).toBe(2_500);
    // Frame bytes outside the topics' records are the caller's, not the topic's.
    expect(kafkaQuotaThrottleMs(flow, loader, "produceBytes", 10_000, [], now)).toBe(0);
    // Fetch bytes are metered per topic as well; another client id has its own topic bucket.
    expect(charge("fetchBytes", "slow", 2_000)).toBe(1_000);
    expect(charge("fetchBytes", "fast", 2_000)).toBe(0);
    const other = { principal: "anonymous", clientId: "other" };
    expect(
      kafkaQuotaThrottleMs(
        flow,
        other,
        "produceBytes",
        3_000,
        [{ name: "slow", topicId: "", bytes: 3_000 }],
        now,
      ),
    ).toBe(0);
  });

  it("holds the sum of every principal to the cluster quota", () => {
    const flow = new NodeFlow(
      nodeWith([
        [
          { principal: "", cluster: true },
          { produceBytesPerSecond: 1_000, produceBurstBytes: 1_000 },
        ],
      ]),
      { nowMicros: () => now },
    );
    const produce = (principal: string, bytes: number) =>
      kafkaQuotaThrottleMs(flow, { principal, clientId: "" }, "produceBytes", bytes, [], now);
    expect(produce("p1", 600)).toBe(0);
    // p2 alone is within the burst; together they are 200 bytes (200 ms) over it.
    expect(produce("p2", 600)).toBe(200);
    expect(produce("p3", 1)).toBe(201);
  });

  it("meters a Fetch v13+ topic named by its id under the topic's name", () => {
    const topicId = "0b7c8a3e-0000-4000-8000-000000000001";
    const node = nodeWith(
      [
        [
          { principal: "", topic: "slow" },
          { fetchBytesPerSecond: 1_000, fetchBurstBytes: 1_000 },
        ],
      ],
      [{ id: topicId, name: "slow" }],
    );
    const backend = new HelixKafkaBackend(node, new NodeFlow(node));
    const fetched = (id: string) =>
      backend.quotaThrottleMs(loader, "fetchBytes", 3_100, [{ name: "", topicId: id, bytes: 3_000 }]);
    // An unknown id is no topic: only the levels above meter it (none here).
    expect(fetched("0b7c8a3e-0000-4000-8000-00000000ffff")).toBe(0);
    // 2,000 bytes of debt at 1,000 B/s, less what the real clock refilled since.
    expect(fetched(topicId)).toBeGreaterThan(1_500);
    expect(fetched(topicId)).toBeLessThanOrEqual(5_000);
  });
});
