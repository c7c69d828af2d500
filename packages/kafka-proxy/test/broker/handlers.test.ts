/**
 * Handlers over raw frames, for the rules clients cannot show us directly: Metadata carries real topic ids
 * where the version has them and does not auto-create topics by default; Fetch returns one whole batch
 * even when it alone exceeds the byte limit (KIP-74); ListOffsets answers earliest and latest; and a
 * group persisted by a previous coordinator is loaded from the backend on first use.
 */
import { encodeRecordBatch } from "@helixlog/core";
import { afterEach, describe, expect, it } from "vitest";
import { defaultDescribeGroupsRequest } from "../../src/protocol/generated/describe-groups/defaults.gen.js";
import { describeGroupsApi } from "../../src/protocol/generated/describe-groups/index.gen.js";
import { defaultFetchRequest } from "../../src/protocol/generated/fetch/defaults.gen.js";
import { fetchApi } from "../../src/protocol/generated/fetch/index.gen.js";
import { findCoordinatorApi } from "../../src/protocol/generated/find-coordinator/index.gen.js";
import { initProducerIdApi } from "../../src/protocol/generated/init-producer-id/index.gen.js";
import { defaultListOffsetsRequest } from "../../src/protocol/generated/list-offsets/defaults.gen.js";
import { listOffsetsApi } from "../../src/protocol/generated/list-offsets/index.gen.js";
import { defaultMetadataRequest } from "../../src/protocol/generated/metadata/defaults.gen.js";
import { metadataApi } from "../../src/protocol/generated/metadata/index.gen.js";
import { offsetForLeaderEpochApi } from "../../src/protocol/generated/offset-for-leader-epoch/index.gen.js";
import { Reader } from "../../src/protocol/reader.js";
import { type MemoryBroker, startMemoryBroker } from "../support/memory-broker.js";
import { RawClient } from "./raw-client.js";

let broker: MemoryBroker;
let client: RawClient;

async function start(): Promise<void> {
  broker = await startMemoryBroker();
  client = await RawClient.connect(broker.listener.port);
}

afterEach(async () => {
  client.close();
  await broker.close();
});

/** Sends one request and decodes its response; flexible versions have a response header v1 (tags). */
async function call<T>(
  apiKey: number,
  version: number,
  flexible: boolean,
  body: unknown,
  decode: ((reader: Reader) => T) | undefined,
): Promise<T> {
  const index = client.responses.length;
  client.send(apiKey, version, index + 1, body);
  await client.waitForResponses(index + 1);
  const reader = new Reader(client.responses[index]!.subarray(4));
  if (flexible) reader.readTaggedFieldCount();
  return decode!(reader);
}

function batchOf(values: number[]): Uint8Array {
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: 1_000,
    records: values.map((value, index) => ({
      timestampDelta: index,
      offsetDelta: index,
      key: null,
      value: new Uint8Array(100).fill(value),
      headers: [],
    })),
  });
}

describe("Metadata", () => {
  it("carries the topic's UUID in v12 and answers an unknown topic without creating it", async () => {
    await start();
    const created = await broker.backend.createTopic({
      name: "ids",
      partitions: 2,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    const request = {
      ...defaultMetadataRequest(),
      allowAutoTopicCreation: true,
      topics: [
        { topicId: "00000000-0000-0000-0000-000000000000", name: "ids" },
        { topicId: "00000000-0000-0000-0000-000000000000", name: "missing" },
      ],
    };
    const response = await call(3, 12, true, request, metadataApi.response.decode[12]);
    expect(response.topics[0]).toMatchObject({ name: "ids", topicId: created.topicId, errorCode: 0 });
    expect(response.topics[0]?.topicId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(response.topics[1]).toMatchObject({ name: "missing", errorCode: 3 });
    expect((await broker.backend.metadata(["missing"])).topics).toEqual([]);
    expect(response.brokers).toEqual([
      { nodeId: 1, host: "127.0.0.1", port: broker.listener.port, rack: null },
    ]);
  });

  it("looks a topic up by id in v12, and answers INVALID_REQUEST to a lookup by id in v10 (found by fuzzing)", async () => {
    await start();
    const created = await broker.backend.createTopic({
      name: "by-id",
      partitions: 1,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    const request = { ...defaultMetadataRequest(), topics: [{ topicId: created.topicId, name: null }] };
    const v12 = await call(3, 12, true, request, metadataApi.response.decode[12]);
    expect(v12.topics[0]).toMatchObject({ name: "by-id", topicId: created.topicId, errorCode: 0 });
    const v10 = await call(3, 10, true, request, metadataApi.response.decode[10]);
    expect(v10.topics[0]).toMatchObject({ name: "", errorCode: 42 });
    expect(broker.logged.filter((entry) => entry.level === "error")).toEqual([]);
  });
});

describe("Fetch", () => {
  it("returns one whole batch past a byte limit smaller than the batch, and no more", async () => {
    await start();
    await broker.backend.createTopic({
      name: "big",
      partitions: 1,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    const first = batchOf([1, 2, 3]);
    await broker.backend.produce({ topic: "big", partition: 0, records: first, acks: -1, timeoutMs: 1000 });
    await broker.backend.produce({
      topic: "big",
      partition: 0,
      records: batchOf([4]),
      acks: -1,
      timeoutMs: 1000,
    });
    const request = {
      ...defaultFetchRequest(),
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes: 10,
      topics: [
        {
          topic: "big",
          topicId: "00000000-0000-0000-0000-000000000000",
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: -1,
              fetchOffset: 0n,
              lastFetchedEpoch: -1,
              logStartOffset: -1n,
              partitionMaxBytes: 10,
              replicaDirectoryId: "00000000-0000-0000-0000-000000000000",
            },
          ],
        },
      ],
    };
    const response = await call(1, 11, false, request, fetchApi.response.decode[11]);
    const partition = response.responses[0]?.partitions[0];
    expect(partition).toMatchObject({ errorCode: 0, highWatermark: 4n });
    expect(partition?.records?.length).toBe(first.length);
  });
});

describe("ListOffsets", () => {
  it("answers earliest (-2) and latest (-1)", async () => {
    await start();
    await broker.backend.createTopic({
      name: "ends",
      partitions: 1,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    await broker.backend.produce({
      topic: "ends",
      partition: 0,
      records: batchOf([1, 2]),
      acks: -1,
      timeoutMs: 1000,
    });
    const partitions = [-2n, -1n].map((timestamp) => ({
      partitionIndex: 0,
      currentLeaderEpoch: -1,
      timestamp,
      maxNumOffsets: 1,
    }));
    const responses = [];
    for (const partition of partitions) {
      const request = { ...defaultListOffsetsRequest(), topics: [{ name: "ends", partitions: [partition] }] };
      responses.push(await call(2, 5, false, request, listOffsetsApi.response.decode[5]));
    }
    expect(responses.map((response) => response.topics[0]?.partitions[0]?.offset)).toEqual([0n, 2n]);
  });
});

describe("leader epochs (KIP-320)", () => {
  it("checks the client's current leader epoch in Fetch, ListOffsets and OffsetForLeaderEpoch", async () => {
    await start();
    await broker.backend.createTopic({
      name: "epochs",
      partitions: 1,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    await broker.backend.produce({
      topic: "epochs",
      partition: 0,
      records: batchOf([1, 2, 3]),
      acks: -1,
      timeoutMs: 1000,
    });
    // The memory broker's epoch is 0: -1 skips the check, 1 is newer (76), -2 older (74).
    const fetchWith = async (currentLeaderEpoch: number) => {
      const request = {
        ...defaultFetchRequest(),
        maxWaitMs: 0,
        topics: [
          {
            topic: "epochs",
            topicId: "00000000-0000-0000-0000-000000000000",
            partitions: [
              {
                partition: 0,
                currentLeaderEpoch,
                fetchOffset: 0n,
                lastFetchedEpoch: -1,
                logStartOffset: -1n,
                partitionMaxBytes: 1 << 20,
                replicaDirectoryId: "00000000-0000-0000-0000-000000000000",
              },
            ],
          },
        ],
      };
      const response = await call(1, 11, false, request, fetchApi.response.decode[11]);
      return response.responses[0]?.partitions[0]?.errorCode;
    };
    expect([await fetchWith(-1), await fetchWith(0), await fetchWith(1), await fetchWith(-2)]).toEqual([
      0, 0, 76, 74,
    ]);
    const listWith = async (currentLeaderEpoch: number) => {
      const partition = { partitionIndex: 0, currentLeaderEpoch, timestamp: -1n, maxNumOffsets: 1 };
      const request = {
        ...defaultListOffsetsRequest(),
        topics: [{ name: "epochs", partitions: [partition] }],
      };
      const response = await call(2, 5, false, request, listOffsetsApi.response.decode[5]);
      return response.topics[0]?.partitions[0]?.errorCode;
    };
    expect([await listWith(0), await listWith(3)]).toEqual([0, 76]);
    const endOf = async (leaderEpoch: number, currentLeaderEpoch: number) => {
      const request = {
        replicaId: -2,
        topics: [{ topic: "epochs", partitions: [{ partition: 0, currentLeaderEpoch, leaderEpoch }] }],
      };
      const response = await call(23, 4, true, request, offsetForLeaderEpochApi.response.decode[4]);
      return response.topics[0]?.partitions[0];
    };
    expect(await endOf(0, 0)).toMatchObject({ errorCode: 0, leaderEpoch: 0, endOffset: 3n });
    expect(await endOf(7, -1)).toMatchObject({ errorCode: 0, leaderEpoch: -1, endOffset: -1n });
    expect(await endOf(0, 2)).toMatchObject({ errorCode: 76, leaderEpoch: -1, endOffset: -1n });
  });
});

describe("InitProducerId", () => {
  it("gives every non-transactional request a fresh producer id at epoch 0, whatever id it names", async () => {
    await start();
    const request = (producerId: bigint, producerEpoch: number) => ({
      transactionalId: null,
      transactionTimeoutMs: 60_000,
      producerId,
      producerEpoch,
    });
    // -1/-1 (KafkaJS, librdkafka) and 0/0 (@platformatic/kafka 1.35) both mean "a new producer".
    const answers = [];
    for (const [id, epoch] of [
      [-1n, -1],
      [0n, 0],
      [0n, 0],
    ] as const)
      answers.push(await call(22, 4, true, request(id, epoch), initProducerIdApi.response.decode[4]));
    expect(answers.map((answer) => answer.errorCode)).toEqual([0, 0, 0]);
    expect(answers.map((answer) => answer.producerEpoch)).toEqual([0, 0, 0]);
    expect(new Set(answers.map((answer) => answer.producerId)).size).toBe(3);
  });
});

describe("FindCoordinator", () => {
  it("finds group coordinators, refuses transactional ids at once (UNSUPPORTED_VERSION) and unknown key types", async () => {
    await start();
    const find = (keyType: number, keys: string[]) =>
      call(10, 4, true, { key: "", keyType, coordinatorKeys: keys }, findCoordinatorApi.response.decode[4]);
    const groups = await find(0, ["billing", "audit"]);
    expect(groups.coordinators.map((coordinator) => [coordinator.key, coordinator.errorCode])).toEqual([
      ["billing", 0],
      ["audit", 0],
    ]);
    // Not retriable: a transactional client fails at once with the reason, not after its retries.
    const transactional = await find(1, ["tx-1"]);
    expect(transactional.coordinators[0]).toMatchObject({ key: "tx-1", errorCode: 35, nodeId: -1 });
    expect(transactional.coordinators[0]?.errorMessage).toMatch(/does not support transactions/);
    expect((await find(2, ["x"])).coordinators[0]).toMatchObject({ errorCode: 42 });
  });
});

describe("coordinator failover", () => {
  it("loads a group persisted by a previous coordinator on first use", async () => {
    await start();
    await broker.backend.storeGroup({
      groupId: "survivors",
      generationId: 7,
      protocolType: "consumer",
      protocolName: "range",
      leaderId: "member-1",
      members: [
        {
          memberId: "member-1",
          groupInstanceId: null,
          clientId: "app",
          clientHost: "10.0.0.1",
          sessionTimeoutMs: 30_000,
          rebalanceTimeoutMs: 60_000,
          metadata: new Uint8Array([1]),
          assignment: new Uint8Array([2]),
        },
      ],
    });
    const request = { ...defaultDescribeGroupsRequest(), groups: ["survivors"] };
    const response = await call(15, 2, false, request, describeGroupsApi.response.decode[2]);
    expect(response.groups[0]).toMatchObject({ groupState: "Stable", protocolData: "range" });
    expect(response.groups[0]?.members.map((member) => member.memberAssignment)).toEqual([
      new Uint8Array([2]),
    ]);
  });
});
