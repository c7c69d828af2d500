/**
 * Kafka quotas on the wire (broker/quota-throttle.ts), over the in-memory backend with a stand-in quota:
 *   - a throttled Produce v7 (client-side throttling, KIP-219) is answered at once with throttle_time_ms,
 *     and the connection is muted: the next request on it is not answered before the throttle has passed;
 *   - a throttled Produce v5 (before KIP-219) gets its response only after the throttle time;
 *   - Produce is charged its request size and Fetch its response size, to the caller's client id, with
 *     each topic's record bytes named (for topic-level quotas), and
 *     requests quotas do not meter (ApiVersions) are never charged; an unthrottled request is not delayed.
 */
import { encodeRecordBatch } from "@helixlog/core";
import { afterEach, describe, expect, it } from "vitest";
import type { KafkaCaller, KafkaQuotaResource, KafkaTopicBytes } from "../../src/backend.js";
import { defaultApiVersionsRequest } from "../../src/protocol/generated/api-versions/defaults.gen.js";
import { fetchApi } from "../../src/protocol/generated/fetch/index.gen.js";
import { produceApi } from "../../src/protocol/generated/produce/index.gen.js";
import { Reader } from "../../src/protocol/reader.js";
import { type MemoryBroker, startMemoryBroker } from "../support/memory-broker.js";
import { RawClient } from "./raw-client.js";

let broker: MemoryBroker;
const clients: RawClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await broker.close();
});

interface Charge {
  caller: KafkaCaller;
  resource: KafkaQuotaResource;
  bytes: number;
  topics: readonly KafkaTopicBytes[];
}

/** A broker whose backend throttles the first `throttled` metered requests by `throttleMs`. */
async function throttlingBroker(throttleMs: number, throttled = 1): Promise<Charge[]> {
  broker = await startMemoryBroker();
  await broker.backend.createTopic({
    name: "metered",
    partitions: 1,
    replicationFactor: 1,
    configs: new Map(),
    validateOnly: false,
  });
  const charges: Charge[] = [];
  Object.assign(broker.backend, {
    quotaThrottleMs: (
      caller: KafkaCaller,
      resource: KafkaQuotaResource,
      bytes: number,
      topics: readonly KafkaTopicBytes[],
    ) => {
      charges.push({ caller, resource, bytes, topics });
      return charges.length <= throttled ? throttleMs : 0;
    },
  });
  return charges;
}

async function connectClient(): Promise<RawClient> {
  const client = await RawClient.connect(broker.listener.port);
  clients.push(client);
  return client;
}

const records = encodeRecordBatch({
  baseOffset: 0,
  baseTimestamp: 1,
  records: [{ timestampDelta: 0, offsetDelta: 0, key: null, value: new Uint8Array(1000), headers: [] }],
});

function sendProduce(client: RawClient, version: number, correlationId: number): void {
  client.send(0, version, correlationId, {
    transactionalId: null,
    acks: 1,
    timeoutMs: 1000,
    topicData: [{ name: "metered", partitionData: [{ index: 0, records }] }],
  });
}

/** Waits for `count` responses and returns when the last arrived (ms since `since`). */
async function arrival(client: RawClient, count: number, since: number): Promise<number> {
  await client.waitForResponses(count);
  return Date.now() - since;
}

function produceThrottle(frame: Uint8Array, version: number): number {
  return produceApi.response.decode[version]!(new Reader(frame.subarray(4))).throttleTimeMs;
}

describe("Kafka quota throttling", () => {
  it("answers a throttled Produce v7 at once with throttle_time_ms and mutes the connection", async () => {
    const charges = await throttlingBroker(400);
    const client = await connectClient();
    const sentAt = Date.now();
    sendProduce(client, 7, 1);
    const first = await arrival(client, 1, sentAt);
    client.send(18, 2, 2, defaultApiVersionsRequest());
    const second = await arrival(client, 2, sentAt);
    expect(produceThrottle(client.responses[0]!, 7)).toBe(400);
    expect(first).toBeLessThan(350);
    // Muted: the next request was not read until the throttle had passed.
    expect(second).toBeGreaterThanOrEqual(390);
    expect(client.correlationIds()).toEqual([1, 2]);
    // Charged its request size, to the client id; ApiVersions is not metered.
    expect(charges).toHaveLength(1);
    expect(charges[0]?.resource).toBe("produceBytes");
    expect(charges[0]?.caller).toEqual({ principal: "anonymous", clientId: "raw" });
    expect(charges[0]?.bytes).toBeGreaterThan(records.length);
    // Its topic's share (for topic-level quotas): the record batches it carries.
    expect(charges[0]?.topics).toEqual([{ name: "metered", topicId: "", bytes: records.length }]);
  });

  it("holds back the response of a throttled Produce v5 for the throttle time", async () => {
    await throttlingBroker(400);
    const client = await connectClient();
    const sentAt = Date.now();
    sendProduce(client, 5, 1);
    expect(await arrival(client, 1, sentAt)).toBeGreaterThanOrEqual(390);
    expect(produceThrottle(client.responses[0]!, 5)).toBe(400);
    // Unthrottled afterwards: answered at once.
    const again = Date.now();
    sendProduce(client, 5, 2);
    expect(await arrival(client, 2, again)).toBeLessThan(350);
    expect(produceThrottle(client.responses[1]!, 5)).toBe(0);
  });

  it("charges a Fetch its response bytes", async () => {
    const charges = await throttlingBroker(0, 0);
    const client = await connectClient();
    sendProduce(client, 7, 1);
    await client.waitForResponses(1);
    client.send(1, 11, 2, {
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 1_000_000,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic: "metered",
          topicId: "00000000-0000-0000-0000-000000000000",
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0n,
              lastFetchedEpoch: -1,
              logStartOffset: -1n,
              partitionMaxBytes: 1_000_000,
            },
          ],
        },
      ],
      forgottenTopicsData: [],
      rackId: "",
    });
    await client.waitForResponses(2);
    const fetched = fetchApi.response.decode[11]!(new Reader(client.responses[1]!.subarray(4)));
    expect(fetched.throttleTimeMs).toBe(0);
    expect(charges.map((charge) => charge.resource)).toEqual(["produceBytes", "fetchBytes"]);
    // The response frame: the records and their framing (with its 4-byte size prefix).
    expect(charges[1]?.bytes).toBeGreaterThan(records.length);
    expect(charges[1]?.bytes).toBe(client.responses[1]!.length + 4);
    // Its topic's share: the record batches it returned.
    expect(charges[1]?.topics).toEqual([
      { name: "metered", topicId: "00000000-0000-0000-0000-000000000000", bytes: records.length },
    ]);
  });
});
