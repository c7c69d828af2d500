/**
 * The connection handler as Kafka clients rely on it: responses in request order even when handlers finish
 * out of order; no response at all for Produce with acks=0; error 35 with our ranges for an unsupported
 * ApiVersions version; the connection closed (and the listener still serving) for other unsupported
 * versions, malformed frames and oversized frames; idle connections closed, unless a request is in
 * flight; and a handler bug answered UNKNOWN_SERVER_ERROR.
 */
import { encodeRecordBatch } from "@helixlog/core";
import { afterEach, describe, expect, it } from "vitest";
import { validateListenerOptions } from "../../src/broker/listener.js";
import { defaultApiVersionsRequest } from "../../src/protocol/generated/api-versions/defaults.gen.js";
import { apiVersionsApi } from "../../src/protocol/generated/api-versions/index.gen.js";
import {
  defaultFetchPartition,
  defaultFetchRequest,
  defaultFetchTopic,
} from "../../src/protocol/generated/fetch/defaults.gen.js";
import { defaultMetadataRequest } from "../../src/protocol/generated/metadata/defaults.gen.js";
import { metadataApi } from "../../src/protocol/generated/metadata/index.gen.js";
import {
  defaultOffsetCommitRequest,
  defaultOffsetCommitRequestPartition,
  defaultOffsetCommitRequestTopic,
} from "../../src/protocol/generated/offset-commit/defaults.gen.js";
import { Reader } from "../../src/protocol/reader.js";
import { type MemoryBroker, startMemoryBroker } from "../support/memory-broker.js";
import { waitFor } from "../support/wait-for.js";
import { RawClient } from "./raw-client.js";

const apiVersions = { key: 18, version: 2 };
const metadata = { key: 3, version: 4 };
const produce = { key: 0, version: 7 };

let broker: MemoryBroker;
const clients: RawClient[] = [];

async function connectClient(): Promise<RawClient> {
  const client = await RawClient.connect(broker.listener.port);
  clients.push(client);
  return client;
}

function sendApiVersions(client: RawClient, correlationId: number, version = apiVersions.version): void {
  client.send(apiVersions.key, Math.min(version, 2), correlationId, defaultApiVersionsRequest());
}

/** Decodes a non-flexible response body (response header v0: just the correlation id). */
function decodeBody<T>(frame: Uint8Array, decode: (reader: Reader) => T): T {
  const reader = new Reader(frame.subarray(4));
  return decode(reader);
}

async function expectStillServing(): Promise<void> {
  const fresh = await connectClient();
  sendApiVersions(fresh, 99);
  await fresh.waitForResponses(1);
  expect(fresh.correlationIds()).toEqual([99]);
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await broker.close();
});

describe("response order", () => {
  it("answers in request order when an earlier request finishes last", async () => {
    broker = await startMemoryBroker();
    let release = () => {};
    let calls = 0;
    let laterCallsFinished = 0;
    const original = broker.backend.metadata.bind(broker.backend);
    broker.backend.metadata = async (names) => {
      calls += 1;
      if (calls === 1) {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return original(names);
      }
      const answer = await original(names);
      laterCallsFinished += 1;
      return answer;
    };
    const client = await connectClient();
    for (const correlationId of [1, 2, 3])
      client.send(metadata.key, metadata.version, correlationId, { ...defaultMetadataRequest(), topics: [] });
    await waitFor(() => laterCallsFinished === 2, 10_000, "the later requests to finish first");
    await new Promise((resolve) => setImmediate(resolve));
    expect(client.responses).toEqual([]);
    release();
    await client.waitForResponses(3);
    expect(client.correlationIds()).toEqual([1, 2, 3]);
  });

  it("never runs more requests at once than the in-flight bound, and answers them all in order", async () => {
    broker = await startMemoryBroker({ inFlightRequestsMax: 2 });
    let running = 0;
    let mostRunning = 0;
    const original = broker.backend.metadata.bind(broker.backend);
    broker.backend.metadata = async (names) => {
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      // A slow backend: each call yields to the event loop before answering.
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return original(names);
    };
    const client = await connectClient();
    client.batch(() => {
      for (let correlationId = 1; correlationId <= 20; correlationId++)
        client.send(metadata.key, metadata.version, correlationId, {
          ...defaultMetadataRequest(),
          topics: [],
        });
    });
    await client.waitForResponses(20);
    expect(client.correlationIds()).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(mostRunning).toBe(2);
  });
});

describe("ordered requests", () => {
  it("runs a connection's offset commits one after another, so the last one sent wins", async () => {
    broker = await startMemoryBroker();
    await broker.backend.createTopic({
      name: "orders",
      partitions: 1,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    let release = () => {};
    const started: bigint[] = [];
    const original = broker.backend.commitOffsets.bind(broker.backend);
    broker.backend.commitOffsets = async (groupId, offsets) => {
      started.push(offsets[0]?.offset ?? -1n);
      // The first commit is slow to take effect (a Raft round, a persistence it waits behind).
      if (started.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return original(groupId, offsets);
    };
    const commit = (offset: bigint) => ({
      ...defaultOffsetCommitRequest(),
      groupId: "readers",
      generationIdOrMemberEpoch: -1,
      topics: [
        {
          ...defaultOffsetCommitRequestTopic(),
          name: "orders",
          partitions: [
            { ...defaultOffsetCommitRequestPartition(), partitionIndex: 0, committedOffset: offset },
          ],
        },
      ],
    });
    const client = await connectClient();
    client.batch(() => {
      client.send(8, 2, 1, commit(10n));
      client.send(8, 2, 2, commit(20n));
    });
    await waitFor(() => started.length >= 1, 10_000, "the first commit to reach the backend");
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(started, "the second commit must wait for the first").toEqual([10n]);
    release();
    await client.waitForResponses(2);
    expect(client.correlationIds()).toEqual([1, 2]);
    expect(started).toEqual([10n, 20n]);
    const committed = await broker.backend.fetchOffsets("readers", [{ topic: "orders", partition: 0 }]);
    expect(committed.map((offset) => offset.offset)).toEqual([20n]);
  });
});

describe("Produce with acks=0", () => {
  it("stores the records but sends no response", async () => {
    broker = await startMemoryBroker();
    await broker.backend.createTopic({
      name: "quiet",
      partitions: 1,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    const records = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1,
      records: [{ timestampDelta: 0, offsetDelta: 0, key: null, value: new Uint8Array([1]), headers: [] }],
    });
    const client = await connectClient();
    client.send(produce.key, produce.version, 1, {
      transactionalId: null,
      acks: 0,
      timeoutMs: 1000,
      topicData: [{ name: "quiet", partitionData: [{ index: 0, records }] }],
    });
    sendApiVersions(client, 2);
    await client.waitForResponses(1);
    expect(client.correlationIds()).toEqual([2]);
    const stored = await broker.backend.listOffset("quiet", 0, { kind: "latest" }, "read_uncommitted", -1);
    expect(stored.offset).toBe(1n);
  });
});

describe("Produce with acks=0 hitting a bug", () => {
  it("still sends nothing, and logs the bug", async () => {
    broker = await startMemoryBroker();
    broker.backend.produce = async () => {
      throw new TypeError("a bug in the backend");
    };
    const client = await connectClient();
    client.send(produce.key, produce.version, 1, {
      transactionalId: null,
      acks: 0,
      timeoutMs: 1000,
      topicData: [{ name: "quiet", partitionData: [{ index: 0, records: new Uint8Array([1]) }] }],
    });
    sendApiVersions(client, 2);
    await client.waitForResponses(1);
    expect(client.correlationIds()).toEqual([2]);
    expect(broker.logged.some((entry) => entry.level === "error")).toBe(true);
  });
});

describe("unsupported versions", () => {
  it("answers an unsupported ApiVersions version with error 35 and our ranges in a v0 body", async () => {
    broker = await startMemoryBroker();
    const client = await connectClient();
    // Version 99's body cannot be encoded by us, so the frame carries a v0 body under a v99 header.
    const frame = new Uint8Array([0, 18, 0, 99, 0, 0, 0, 5, 0, 3, 114, 97, 119]);
    client.sendFrame(frame);
    await client.waitForResponses(1);
    const body = decodeBody(client.responses[0]!, apiVersionsApi.response.decode[0]!);
    expect(body.errorCode).toBe(35);
    expect(body.apiKeys.find((api) => api.apiKey === 18)).toMatchObject({ minVersion: 0 });
    expect(client.closed).toBe(false);
  });

  it("closes the connection on an unsupported version of another API, and keeps serving others", async () => {
    broker = await startMemoryBroker();
    const client = await connectClient();
    client.sendFrame(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 1, 0, 3, 114, 97, 119]));
    await client.waitForClose();
    await expectStillServing();
  });
});

describe("bad frames", () => {
  it("closes the connection on a malformed request, answering what came before it", async () => {
    broker = await startMemoryBroker();
    const client = await connectClient();
    sendApiVersions(client, 1);
    client.sendFrame(new Uint8Array([0, 3, 0, 4, 0, 0, 0, 2, 0, 3, 114, 97, 119, 0xff, 0xff, 0xff, 0x00]));
    await client.waitForClose();
    expect(client.correlationIds()).toEqual([1]);
    await expectStillServing();
  });

  it("closes the connection on a frame larger than the bound, before buffering it", async () => {
    broker = await startMemoryBroker({ frameBytesMax: 1024 });
    const client = await connectClient();
    client.sendFrame(new Uint8Array(16), 1025);
    await client.waitForClose();
    await expectStillServing();
  });

  it("closes the connection on a negative frame size", async () => {
    broker = await startMemoryBroker();
    const client = await connectClient();
    client.sendFrame(new Uint8Array(0), -5);
    await client.waitForClose();
    await expectStillServing();
  });
});

describe("idle connections (Kafka's connections.max.idle.ms)", () => {
  it("closes a connection that stopped in the middle of a frame", async () => {
    broker = await startMemoryBroker({ idleTimeoutMs: 300 });
    const client = await connectClient();
    client.sendFrame(new Uint8Array(10), 100);
    await client.waitForClose();
    expect(
      broker.logged.some((entry) => (entry.details as { reason?: string }).reason === "idle connection"),
    ).toBe(true);
    await expectStillServing();
  });

  it("keeps a connection whose long poll outlasts the idle time, and answers it", async () => {
    broker = await startMemoryBroker({ idleTimeoutMs: 300 });
    await broker.backend.createTopic({
      name: "quiet",
      partitions: 1,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    const client = await connectClient();
    client.send(1, 11, 1, {
      ...defaultFetchRequest(),
      maxWaitMs: 1_000,
      minBytes: 1,
      maxBytes: 1 << 20,
      topics: [
        {
          ...defaultFetchTopic(),
          topic: "quiet",
          partitions: [
            { ...defaultFetchPartition(), partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 },
          ],
        },
      ],
    });
    await client.waitForResponses(1);
    expect(client.closed).toBe(false);
    expect(client.correlationIds()).toEqual([1]);
  });
});

describe("handler bugs", () => {
  it("answers UNKNOWN_SERVER_ERROR, logs the bug and keeps the connection", async () => {
    broker = await startMemoryBroker();
    broker.backend.metadata = async () => {
      throw new TypeError("a bug in the backend");
    };
    const client = await connectClient();
    client.send(metadata.key, metadata.version, 1, {
      ...defaultMetadataRequest(),
      topics: [{ topicId: "00000000-0000-0000-0000-000000000000", name: "orders" }],
    });
    sendApiVersions(client, 2);
    await client.waitForResponses(2);
    const body = decodeBody(client.responses[0]!, metadataApi.response.decode[metadata.version]!);
    expect(body.topics.map((topic) => topic.errorCode)).toEqual([-1]);
    expect(client.correlationIds()).toEqual([1, 2]);
    expect(
      broker.logged.some((entry) => entry.level === "error" && entry.message === "kafka handler failed"),
    ).toBe(true);
  });
});

describe("listener options", () => {
  it("refuses options outside their bounds, naming each", async () => {
    broker = await startMemoryBroker();
    const options = { backend: broker.backend, host: "127.0.0.1", port: 70_000, inFlightRequestsMax: 0 };
    expect(() => validateListenerOptions(options)).toThrow(
      /port must be 0..65535.*inFlightRequestsMax must be 1/,
    );
  });
});
