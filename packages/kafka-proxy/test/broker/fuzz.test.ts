/**
 * Fuzzing the listener in process, over the memory backend, for volume: thousands of hostile frames
 * (golden client frames mutated, truncated, spliced and re-headered, random bodies behind valid headers,
 * garbage, lying size prefixes), and structurally valid requests with random contents for every
 * advertised API and version. Afterwards:
 *   - no handler ever failed (a failure that escapes a handler is our bug, answered -1 and logged);
 *   - a structurally valid request never makes the listener close the connection as malformed;
 *   - the listener still answers ApiVersions and Metadata on a fresh connection;
 *   - every batch acknowledged before the fuzzing is still stored, byte for byte.
 * The seed is printed on failure; replay with HELIX_FUZZ_SEED=<seed>.
 */
import { encodeRecordBatch, SeededRng } from "@helixlog/core";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { advertisedApis } from "../../src/framing/api-table.js";
import { encodeRequestFrame } from "../../src/framing/messages.js";
import { defaultApiVersionsRequest } from "../../src/protocol/generated/api-versions/defaults.gen.js";
import { apiVersionsApi } from "../../src/protocol/generated/api-versions/index.gen.js";
import { defaultMetadataRequest } from "../../src/protocol/generated/metadata/defaults.gen.js";
import { metadataApi } from "../../src/protocol/generated/metadata/index.gen.js";
import { produceApi } from "../../src/protocol/generated/produce/index.gen.js";
import { Reader } from "../../src/protocol/reader.js";
import { type FuzzFrame, fuzzStream, sendFuzzStream } from "../../src/testing/index.js";
import { loadFixtures } from "../support/fixtures.js";
import { type MemoryBroker, startMemoryBroker } from "../support/memory-broker.js";
import { arbitraryMessage, messageSchemas } from "../support/schema-arbitrary.js";
import { RawClient } from "./raw-client.js";

const seed = Number(process.env.HELIX_FUZZ_SEED ?? 20_261_122);
const connections = Number(process.env.HELIX_FUZZ_CONNECTIONS ?? 1_500);
const framesPerConnectionMax = 8;
const concurrency = 16;
/** Random valid requests per advertised API version. */
const runsPerVersion = Number(process.env.HELIX_FUZZ_RUNS ?? 8);
const acknowledgedTopic = "fuzz-acknowledged-data-topic";

let broker: MemoryBroker;

afterEach(async () => {
  await broker.close();
});

async function produceAcknowledged(client: RawClient, batches: number): Promise<void> {
  for (let index = 0; index < batches; index++) {
    const records = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1_700_000_000_000 + index,
      records: [
        {
          timestampDelta: 0,
          offsetDelta: 0,
          key: new TextEncoder().encode(`key-${index}`),
          value: new TextEncoder().encode(`acknowledged-${index}`),
          headers: [],
        },
      ],
    });
    client.send(0, 7, 1_000 + index, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 5_000,
      topicData: [{ name: acknowledgedTopic, partitionData: [{ index: index % 3, records }] }],
    });
  }
  await client.waitForResponses(batches);
  for (const frame of client.responses) {
    const response = produceApi.response.decode[7]!(new Reader(frame.subarray(4)));
    expect(response.responses[0]?.partitionResponses[0]?.errorCode).toBe(0);
  }
}

async function storedBytes(): Promise<Uint8Array[]> {
  return Promise.all(
    [0, 1, 2].map(async (partition) => {
      const result = await broker.backend.fetch({
        topic: acknowledgedTopic,
        partition,
        offset: 0n,
        maxBytes: 1 << 20,
        maxWaitMs: 0,
        minBytes: 0,
        isolation: "read_uncommitted",
        currentLeaderEpoch: -1,
      });
      return result.records.slice();
    }),
  );
}

async function expectStillServing(): Promise<void> {
  const client = await RawClient.connect(broker.listener.port);
  client.send(18, 3, 1, { ...defaultApiVersionsRequest(), clientSoftwareName: "after-fuzz" });
  client.send(3, 12, 2, { ...defaultMetadataRequest(), topics: null });
  await client.waitForResponses(2);
  const versions = apiVersionsApi.response.decode[3]!(new Reader(client.responses[0]!.subarray(4)));
  expect(versions.errorCode).toBe(0);
  // Metadata v12 is flexible: response header v1 ends with an empty tagged-field section.
  const metadata = metadataApi.response.decode[12]!(new Reader(client.responses[1]!.subarray(5)));
  expect(metadata.topics.map((topic) => topic.name)).toContain(acknowledgedTopic);
  client.close();
}

function handlerFailures(): unknown[] {
  return broker.logged.filter((entry) => entry.level === "error");
}

async function runStreams(streams: readonly FuzzFrame[][]): Promise<{ closed: number; responses: number }> {
  let closed = 0;
  let responses = 0;
  for (let start = 0; start < streams.length; start += concurrency) {
    const outcomes = await Promise.all(
      streams
        .slice(start, start + concurrency)
        .map((frames) =>
          sendFuzzStream("127.0.0.1", broker.listener.port, frames, { quietMs: 150, timeoutMs: 5_000 }),
        ),
    );
    for (const outcome of outcomes) {
      expect(outcome.refused, `seed ${seed}: the listener refused a connection`).toBe(false);
      if (outcome.closedByServer) closed++;
      responses += outcome.responses;
    }
  }
  return { closed, responses };
}

describe("fuzzed frames against the listener", () => {
  it("mutated and random frames never break the listener or lose acknowledged data", {
    timeout: 180_000,
  }, async () => {
    broker = await startMemoryBroker();
    for (const name of [acknowledgedTopic, "capture-topic"]) {
      await broker.backend.createTopic({
        name,
        partitions: 3,
        replicationFactor: 1,
        configs: new Map(),
        validateOnly: false,
      });
    }
    const producer = await RawClient.connect(broker.listener.port);
    await produceAcknowledged(producer, 30);
    producer.close();
    const before = await storedBytes();

    const rng = new SeededRng(seed);
    const seeds = loadFixtures().map((fixture) => fixture.frame);
    const streams = Array.from({ length: connections }, () =>
      fuzzStream(rng, { seeds }, rng.integer(1, framesPerConnectionMax + 1)),
    );
    const kinds = new Set(streams.flat().map((frame) => frame.kind));
    const { closed, responses } = await runStreams(streams);

    expect(handlerFailures(), `seed ${seed}`).toEqual([]);
    // Not vacuous: the fuzzing both provoked closes and got answers, from every kind of case.
    expect(kinds.size).toBe(8);
    expect(closed).toBeGreaterThan(connections / 4);
    expect(responses).toBeGreaterThan(20);
    await expectStillServing();
    expect(await storedBytes()).toEqual(before);
  });

  it("valid requests with random contents, every advertised API and version, are all answered", {
    timeout: 180_000,
  }, async () => {
    broker = await startMemoryBroker();
    await broker.backend.createTopic({
      name: acknowledgedTopic,
      partitions: 3,
      replicationFactor: 1,
      configs: new Map(),
      validateOnly: false,
    });
    const producer = await RawClient.connect(broker.listener.port);
    await produceAcknowledged(producer, 6);
    producer.close();
    const before = await storedBytes();

    const streams: FuzzFrame[][] = [];
    let correlationId = 0;
    for (const api of advertisedApis) {
      const schema = messageSchemas.find(
        (message) => message.type === "request" && message.apiKey === api.apiKey,
      );
      expect(schema, `schema of api ${api.apiKey}`).toBeDefined();
      for (let version = api.minVersion; version <= api.maxVersion; version++) {
        const bodies = fc.sample(arbitraryMessage(schema!, version), {
          numRuns: runsPerVersion,
          seed: seed + version,
        });
        const frames = bodies.map((body) => ({
          kind: "fixture" as const,
          bytes: sized(
            encodeRequestFrame(
              {
                requestApiKey: api.apiKey,
                requestApiVersion: version,
                correlationId: correlationId++,
                clientId: "fuzz",
              },
              withBoundedWaits(api.apiKey, body),
            ),
          ),
        }));
        streams.push(frames);
      }
    }
    await runStreams(streams);

    expect(handlerFailures(), `seed ${seed}`).toEqual([]);
    const malformed = broker.logged.filter(
      (entry) => (entry.details as { reason?: string } | undefined)?.reason === "malformed request",
    );
    expect(malformed, "a valid encoding was refused as malformed").toEqual([]);
    await expectStillServing();
    expect(await storedBytes()).toEqual(before);
  });
});

/**
 * Random Fetch and JoinGroup requests may legitimately wait for up to 30 s (long poll, rebalance); the
 * fuzzing is about contents, so their waits are kept short.
 */
function withBoundedWaits(apiKey: number, body: Record<string, unknown>): Record<string, unknown> {
  if (apiKey === 1) return { ...body, maxWaitMs: 10 };
  if (apiKey === 11) return { ...body, rebalanceTimeoutMs: 10, sessionTimeoutMs: 6_000 };
  return body;
}

function sized(frame: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(4 + frame.length);
  new DataView(bytes.buffer).setInt32(0, frame.length);
  bytes.set(frame, 4);
  return bytes;
}
