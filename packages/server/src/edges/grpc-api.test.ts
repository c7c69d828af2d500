/**
 * The gRPC API edge, end to end over loopback with a real @grpc/grpc-js client loaded from the protos,
 * in front of a one-node HelixNode on a simulated disk ticked every 10 ms:
 *   - health checking answers SERVING once the node leads its controller; reflection lists the services;
 *   - Admin creates, lists, describes (effective configs included) and deletes topics, and reports
 *     metadata and cluster status;
 *   - records produced with keys, headers and timestamps (acks all) are fetched back identical, as
 *     records and as the stored batch bytes; keyed records without a partition go where murmur2 says;
 *   - a long-polling Fetch returns as soon as a concurrent produce commits, and an idle one after its
 *     max_wait_ms; Subscribe streams committed records until the client cancels;
 *   - ListOffsets answers EARLIEST, LATEST, TIMESTAMP (to the record) and MAX_TIMESTAMP; DeleteRecords
 *     moves the log start offset, -1 meaning the high watermark, past it OUT_OF_RANGE;
 *   - bad input on every RPC gets the right status with a helix.v1.ErrorDetail, and the server stays
 *     healthy; NOT_LEADER details carry the leader's id and address.
 * Waits are on conditions with a bound; every server, client and timer is closed.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  type Client,
  credentials,
  type GrpcObject,
  loadPackageDefinition,
  Metadata,
  makeClientConstructor,
  type ServiceClientConstructor,
  type ServiceError,
  status,
} from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { decodeRecords, encodeRecordBatch, HelixError, ManualClock, nodeId, SeededRng } from "@helixlog/core";
import { partitionForKey } from "@helixlog/routing";
import { SimDisk } from "@helixlog/wal/testing";
import { service as healthService } from "grpc-health-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HelixNode } from "../node/helix-node.js";
import { until } from "../test-support/until.js";
import { decodeErrorDetail, toServiceError } from "./grpc/error-status.js";
import { loadHelixProtos } from "./grpc/messages.js";
import { type GrpcApi, startGrpcApi } from "./grpc-api.js";

const encoder = new TextEncoder();
const bytes = (text: string) => Buffer.from(encoder.encode(text));

type Callback = (error: ServiceError | null, response: unknown) => void;
type UnaryMethod = (request: unknown, metadata: Metadata, options: object, callback: Callback) => void;

/** Calls a unary method with a deadline; resolves with the response or rejects with the ServiceError. */
function call<T = Record<string, unknown>>(
  client: Client,
  method: string,
  request: object,
  deadlineMs = 10_000,
) {
  const unary = (client as unknown as Record<string, UnaryMethod>)[method] as UnaryMethod;
  return new Promise<T>((resolve, reject) => {
    unary.call(client, request, new Metadata(), { deadline: Date.now() + deadlineMs }, (error, response) =>
      error === null ? resolve(response as T) : reject(error),
    );
  });
}

type ServerStream = NodeJS.EventEmitter & { cancel(): void };

function subscribe(client: Client, request: object): ServerStream {
  const method = (client as unknown as Record<string, (request: object) => ServerStream>).Subscribe;
  if (method === undefined) throw new Error("the Log client has no Subscribe method");
  return method.call(client, request);
}

/** The ServiceError a call fails with (fails the test if it succeeds). */
async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error("the call succeeded; expected an error");
}

async function expectStatus(promise: Promise<unknown>, code: status, helixCode?: string): Promise<void> {
  const error = await failure(promise);
  expect({ code: error.code, details: error.details }).toMatchObject({ code });
  if (helixCode !== undefined) expect(decodeErrorDetail(error.metadata)?.code).toBe(helixCode);
}

interface FetchedRecord {
  offset: number;
  timestampMs: number;
  key?: Buffer;
  value?: Buffer;
  headers: { key: string; value?: Buffer }[];
}
interface FetchResponse {
  partition: number;
  highWatermark: number;
  logStartOffset: number;
  records: FetchedRecord[];
  batches: Buffer;
  nextOffset: number;
}

describe("gRPC API", () => {
  let node: HelixNode;
  let ticker: NodeJS.Timeout;
  let api: GrpcApi;
  let log: Client;
  let admin: Client;
  let health: Client;

  beforeAll(async () => {
    const clock = new ManualClock();
    node = await HelixNode.open({
      nodeId: nodeId(1),
      voters: [nodeId(1)],
      addresses: {
        kafkaAddress: "127.0.0.1:9092",
        grpcAddress: "127.0.0.1:9190",
        peerAddress: "127.0.0.1:9290",
        rack: undefined,
      },
      disk: new SimDisk({ rng: new SeededRng(1) }),
      rng: new SeededRng(101),
      clock,
      send: () => {},
    });
    ticker = setInterval(() => {
      clock.advance(10);
      node.tick();
    }, 10);
    api = await startGrpcApi({
      address: { host: "127.0.0.1", port: 0 },
      node,
      addressOf: (id) => node.listNodes().find((record) => record.nodeId === id)?.grpcAddress,
    });
    const helix = (loadPackageDefinition(loadHelixProtos()).helix as GrpcObject).v1 as GrpcObject;
    const target = `127.0.0.1:${api.port}`;
    log = new (helix.Log as ServiceClientConstructor)(target, credentials.createInsecure());
    admin = new (helix.Admin as ServiceClientConstructor)(target, credentials.createInsecure());
    health = new (makeClientConstructor(healthService, "Health"))(target, credentials.createInsecure());
    await until(() => node.isControllerLeader() && node.listNodes().length === 1, "node registered");
    await call(admin, "CreateTopic", { name: "events", partitions: 2, replicationFactor: 1 });
    await until(
      () => [0, 1].every((partition) => node.partitionLeader("events", partition)?.leader === node.nodeId),
      "events has leaders",
    );
  });

  afterAll(async () => {
    for (const client of [log, admin, health]) client?.close();
    await api?.close();
    clearInterval(ticker);
    await node?.close();
  });

  it("answers health checks with SERVING once the node leads its controller", async () => {
    await until(
      async () => (await call<{ status: string }>(health, "check", { service: "" })).status === "SERVING",
      "health SERVING",
    );
    expect(await call(health, "check", { service: "helix.v1.Log" })).toEqual({ status: "SERVING" });
  });

  it("lists its services through server reflection", async () => {
    const reflectionDirectory = dirname(
      createRequire(import.meta.url).resolve("@grpc/reflection/package.json"),
    );
    const definition = loadSync(join(reflectionDirectory, "build/proto/grpc/reflection/v1/reflection.proto"));
    const reflection = loadPackageDefinition(definition) as unknown as {
      grpc: { reflection: { v1: { ServerReflection: ServiceClientConstructor } } };
    };
    const client = new reflection.grpc.reflection.v1.ServerReflection(
      `127.0.0.1:${api.port}`,
      credentials.createInsecure(),
    );
    try {
      const stream = (
        client as unknown as Record<string, () => NodeJS.ReadWriteStream>
      ).ServerReflectionInfo?.call(client);
      if (stream === undefined) throw new Error("no ServerReflectionInfo method");
      const answer = new Promise<{ listServicesResponse: { service: { name: string }[] } }>(
        (resolve, reject) => {
          stream.on("data", resolve);
          stream.on("error", reject);
        },
      );
      stream.write({ listServices: "" } as never);
      const names = (await answer).listServicesResponse.service.map((service) => service.name);
      stream.end();
      expect(names).toEqual(
        expect.arrayContaining(["helix.v1.Log", "helix.v1.Admin", "helix.v1.Kv", "grpc.health.v1.Health"]),
      );
    } finally {
      client.close();
    }
  });

  it("fetches back exactly the records it produced, as records and as batches", async () => {
    const records = [
      {
        key: bytes("user-1"),
        value: bytes("signed up"),
        timestampMs: 1_700_000_000_000,
        headers: [{ key: "trace", value: bytes("a1") }],
      },
      {
        key: bytes("user-1"),
        value: bytes("logged in"),
        timestampMs: 1_700_000_000_500,
        headers: [{ key: "empty" }],
      },
      { value: bytes("no key"), timestampMs: 1_700_000_001_000, headers: [] },
    ];
    const produced = await call(log, "Produce", { topic: "events", partition: 0, acks: "ACKS_ALL", records });
    expect(produced).toMatchObject({ partition: 0, baseOffset: 0, lastOffset: 2, duplicate: false });
    const fetched = await call<FetchResponse>(log, "Fetch", { topic: "events", partition: 0, offset: 0 });
    expect(fetched).toMatchObject({ partition: 0, highWatermark: 3, logStartOffset: 0, nextOffset: 3 });
    // The client's loader marks set optional fields (`_key: "key"`); matching ignores those markers.
    expect(fetched.records).toMatchObject(records.map((record, offset) => ({ offset, ...record })));
    expect(fetched.records[2]?.key).toBeUndefined();
    expect(fetched.records[1]?.headers[0]?.value).toBeUndefined();
    const raw = await call<FetchResponse>(log, "Fetch", {
      topic: "events",
      partition: 0,
      offset: 0,
      format: "FETCH_FORMAT_BATCHES",
    });
    expect(raw.records).toEqual([]);
    expect(
      decodeRecords(raw.batches)
        .map((record) => Buffer.from(record.value ?? []))
        .map(String),
    ).toEqual(["signed up", "logged in", "no key"]);
    const fromMiddle = await call<FetchResponse>(log, "Fetch", { topic: "events", partition: 0, offset: 1 });
    expect(fromMiddle.records.map((record) => record.offset)).toEqual([1, 2]);
  });

  it("routes keyed records by murmur2 and takes client batches as they are", async () => {
    const key = bytes("order-42");
    const produced = await call(log, "Produce", { topic: "events", records: [{ key, value: bytes("x") }] });
    expect(produced.partition).toBe(partitionForKey(key, 2));
    const batch = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1_700_000_000_000,
      records: [{ timestampDelta: 0, offsetDelta: 0, key: null, value: encoder.encode("raw"), headers: [] }],
    });
    const raw = await call(log, "Produce", { topic: "events", partition: 1, batches: Buffer.from(batch) });
    expect(raw).toMatchObject({ partition: 1, duplicate: false });
    const fetched = await call<FetchResponse>(log, "Fetch", {
      topic: "events",
      partition: 1,
      offset: raw.baseOffset as number,
    });
    expect(fetched.records.map((record) => String(record.value))).toEqual(["raw"]);
  });

  it("answers an idempotent producer's retry with the original offsets", async () => {
    const request = {
      topic: "events",
      partition: 1,
      records: [{ value: bytes("once") }],
      producer: { producerId: 7, producerEpoch: 0, baseSequence: 0 },
    };
    const first = await call(log, "Produce", request);
    const retry = await call(log, "Produce", request);
    expect(retry).toMatchObject({ baseOffset: first.baseOffset, duplicate: true });
  });

  it("long-polls a Fetch at the high watermark until a concurrent produce commits", async () => {
    const { offset } = (
      await call<{ offsets: { offset: number }[] }>(log, "ListOffsets", {
        topic: "events",
        partitions: [0],
        spec: "OFFSET_SPEC_LATEST",
      })
    ).offsets[0] as { offset: number };
    const started = Date.now();
    const waiting = call<FetchResponse>(log, "Fetch", {
      topic: "events",
      partition: 0,
      offset,
      maxWaitMs: 20_000,
    });
    await call(log, "Produce", { topic: "events", partition: 0, records: [{ value: bytes("late") }] });
    const fetched = await waiting;
    expect(fetched.records.map((record) => [record.offset, String(record.value)])).toEqual([
      [offset, "late"],
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
    const idle = await call<FetchResponse>(log, "Fetch", {
      topic: "events",
      partition: 0,
      offset: offset + 1,
      maxWaitMs: 50,
    });
    expect(idle).toMatchObject({ records: [], nextOffset: offset + 1, highWatermark: offset + 1 });
  });

  it("streams committed records to a subscriber until it cancels", async () => {
    await call(admin, "CreateTopic", { name: "stream", partitions: 1, replicationFactor: 1 });
    await until(() => node.partitionLeader("stream", 0)?.leader === node.nodeId, "stream has a leader");
    await call(log, "Produce", { topic: "stream", partition: 0, records: [{ value: bytes("s0") }] });
    const subscription = subscribe(log, { topic: "stream", partition: 0, offset: 0 });
    const received: string[] = [];
    subscription.on("data", (response: FetchResponse) => {
      for (const record of response.records) received.push(String(record.value));
    });
    const ended = new Promise<ServiceError>((resolve) => subscription.on("error", resolve));
    await until(() => received.length === 1, "first record streamed");
    await call(log, "Produce", {
      topic: "stream",
      partition: 0,
      records: [{ value: bytes("s1") }, { value: bytes("s2") }],
    });
    await until(() => received.length === 3, "later records streamed");
    expect(received).toEqual(["s0", "s1", "s2"]);
    subscription.cancel();
    expect((await ended).code).toBe(status.CANCELLED);
  });

  it("lists earliest and latest offsets", async () => {
    const latest = await call(log, "ListOffsets", { topic: "events", spec: "OFFSET_SPEC_LATEST" });
    const earliest = await call(log, "ListOffsets", {
      topic: "events",
      partitions: [0],
      spec: "OFFSET_SPEC_EARLIEST",
    });
    expect(latest.offsets).toEqual(
      [0, 1].map((partition) => ({
        partition,
        offset: node.highWatermark("events", partition),
        timestampMs: -1,
      })),
    );
    expect(earliest.offsets).toEqual([{ partition: 0, offset: 0, timestampMs: -1 }]);
  });

  it("lists offsets by timestamp and deletes records", async () => {
    await call(admin, "CreateTopic", { name: "timed", partitions: 1, replicationFactor: 1 });
    await until(() => node.partitionLeader("timed", 0)?.leader === node.nodeId, "timed has a leader");
    const t0 = 1_800_000_000_000;
    const produced = await call<{ baseOffset: number }>(log, "Produce", {
      topic: "timed",
      partition: 0,
      records: [10, 30, 20].map((delta, i) => ({ value: bytes(`t${i}`), timestampMs: t0 + delta })),
    });
    expect(produced.baseOffset).toBe(0);
    const byTime = (timestampMs: number) =>
      call<{ offsets: unknown[] }>(log, "ListOffsets", {
        topic: "timed",
        spec: "OFFSET_SPEC_TIMESTAMP",
        timestampMs,
      });
    expect((await byTime(t0)).offsets).toEqual([{ partition: 0, offset: 0, timestampMs: t0 + 10 }]);
    expect((await byTime(t0 + 15)).offsets).toEqual([{ partition: 0, offset: 1, timestampMs: t0 + 30 }]);
    expect((await byTime(t0 + 31)).offsets).toEqual([{ partition: 0, offset: -1, timestampMs: -1 }]);
    const max = await call(log, "ListOffsets", { topic: "timed", spec: "OFFSET_SPEC_MAX_TIMESTAMP" });
    expect(max.offsets).toEqual([{ partition: 0, offset: 1, timestampMs: t0 + 30 }]);
    await expectStatus(
      call(log, "ListOffsets", { topic: "timed", spec: "OFFSET_SPEC_TIMESTAMP", timestampMs: -5 }),
      status.INVALID_ARGUMENT,
      "INVALID_ARGUMENT",
    );

    expect(await call(log, "DeleteRecords", { topic: "timed", partition: 0, beforeOffset: 1 })).toEqual({
      lowWatermark: 1,
    });
    const earliest = await call(log, "ListOffsets", { topic: "timed", spec: "OFFSET_SPEC_EARLIEST" });
    expect(earliest.offsets).toEqual([{ partition: 0, offset: 1, timestampMs: -1 }]);
    await expectStatus(
      call(log, "Fetch", { topic: "timed", partition: 0, offset: 0 }),
      status.OUT_OF_RANGE,
      "OFFSET_OUT_OF_RANGE",
    );
    expect((await byTime(t0)).offsets).toEqual([{ partition: 0, offset: 1, timestampMs: t0 + 30 }]);
    await expectStatus(
      call(log, "DeleteRecords", { topic: "timed", partition: 0, beforeOffset: 4 }),
      status.OUT_OF_RANGE,
      "OFFSET_OUT_OF_RANGE",
    );
    for (const bad of [
      { topic: "timed", partition: 0, beforeOffset: -7 },
      { topic: "", partition: 0, beforeOffset: 1 },
      { topic: "timed", partition: -1, beforeOffset: 1 },
    ]) {
      await expectStatus(call(log, "DeleteRecords", bad), status.INVALID_ARGUMENT, "INVALID_ARGUMENT");
    }
    await expectStatus(
      call(log, "DeleteRecords", { topic: "timed", partition: 3, beforeOffset: 1 }),
      status.NOT_FOUND,
      "UNKNOWN_PARTITION",
    );
    await expectStatus(
      call(log, "DeleteRecords", { topic: "nope", partition: 0, beforeOffset: 1 }),
      status.NOT_FOUND,
      "UNKNOWN_TOPIC",
    );
    expect(await call(log, "DeleteRecords", { topic: "timed", partition: 0, beforeOffset: -1 })).toEqual({
      lowWatermark: 3,
    });
  });

  it("lists, describes and deletes topics and reports metadata and cluster status", async () => {
    const described = await call(admin, "DescribeTopic", { name: "events" });
    expect(described).toMatchObject({ name: "events", replicationFactor: 1 });
    expect(described.configs).toMatchObject({
      "retention.ms": String(7 * 24 * 3600 * 1000),
      "cleanup.policy": "delete",
    });
    expect(described.partitions).toMatchObject([
      { partition: 0, leader: 1, replicas: [1] },
      { partition: 1, leader: 1, replicas: [1] },
    ]);
    const listed = await call<{ topics: { name: string }[] }>(admin, "ListTopics", {});
    expect(listed.topics.map((topic) => topic.name)).toContain("events");
    const metadata = await call(admin, "Metadata", { topics: ["events"] });
    expect(metadata).toMatchObject({
      clusterId: "helix",
      controllerId: 1,
      brokers: [{ nodeId: 1, grpcAddress: "127.0.0.1:9190", kafkaAddress: "127.0.0.1:9092", alive: true }],
      topics: [{ name: "events" }],
    });
    const cluster = await call(admin, "ClusterStatus", {});
    expect(cluster).toMatchObject({
      clusterId: "helix",
      controllerLeader: 1,
      nodes: [{ broker: { nodeId: 1, alive: true }, underReplicatedPartitions: 0 }],
      answeredBy: 1,
    });
    // One node hosts and leads every group it counts: the controller group and every partition.
    const [own] = cluster.nodes as { groupsHosted: number; groupsLed: number }[];
    expect(own?.groupsHosted).toBeGreaterThan(1);
    expect(own?.groupsHosted).toBe(own?.groupsLed);
    const ledEvents = (cluster.ledPartitions as { topic: string; partition: number }[]).filter(
      (entry) => entry.topic === "events",
    );
    expect(ledEvents).toEqual(
      [0, 1].map((partition) => expect.objectContaining({ topic: "events", partition })),
    );
    expect(ledEvents[0]).toMatchObject({
      replicas: [{ nodeId: 1, lagEntries: 0, inSync: true, alive: true }],
    });
    expect(
      (metadata.topics as { partitions: { inSyncReplicas: number[] }[] }[])[0]?.partitions[0],
    ).toMatchObject({
      inSyncReplicas: [1],
    });
    const check = await call(admin, "CreateTopic", { name: "planned", partitions: 3, validateOnly: true });
    expect(check).toMatchObject({ name: "planned", replicationFactor: 1 });
    await expectStatus(call(admin, "DescribeTopic", { name: "planned" }), status.NOT_FOUND, "UNKNOWN_TOPIC");
    await call(admin, "CreateTopic", { name: "doomed", partitions: 1 });
    await call(admin, "DeleteTopic", { name: "doomed" });
    await expectStatus(call(admin, "DescribeTopic", { name: "doomed" }), status.NOT_FOUND, "UNKNOWN_TOPIC");
  });

  it("answers bad input on every RPC with the right status and stays healthy", async () => {
    const produce = (request: object) => call(log, "Produce", { topic: "events", partition: 0, ...request });
    const value = [{ value: bytes("v") }];
    const corrupt = Buffer.from(
      encodeRecordBatch({
        baseOffset: 0,
        baseTimestamp: 0,
        records: [{ timestampDelta: 0, offsetDelta: 0, key: null, value: encoder.encode("v"), headers: [] }],
      }),
    );
    corrupt.writeUInt8((corrupt.at(-1) ?? 0) ^ 0xff, corrupt.length - 1);
    const keyA = bytes("a");
    const keyB = [..."bcdefghijklmnop"]
      .map(bytes)
      .find((key) => partitionForKey(key, 2) !== partitionForKey(keyA, 2));
    const cases: [string, () => Promise<unknown>, status, string?][] = [
      [
        "produce without a topic",
        () => produce({ topic: "", records: value }),
        status.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
      ],
      [
        "produce to an unknown topic",
        () => produce({ topic: "nope", records: value }),
        status.NOT_FOUND,
        "UNKNOWN_TOPIC",
      ],
      [
        "produce to a missing partition",
        () => produce({ partition: 9, records: value }),
        status.NOT_FOUND,
        "UNKNOWN_PARTITION",
      ],
      [
        "produce to a negative partition",
        () => produce({ partition: -1, records: value }),
        status.INVALID_ARGUMENT,
      ],
      ["produce with nothing", () => produce({}), status.INVALID_ARGUMENT],
      [
        "produce with records and batches",
        () => produce({ records: value, batches: corrupt }),
        status.INVALID_ARGUMENT,
      ],
      [
        "produce garbage batch bytes",
        () => produce({ batches: Buffer.alloc(100, 7) }),
        status.INVALID_ARGUMENT,
        "CORRUPT_RECORD",
      ],
      [
        "produce a batch with a bad CRC",
        () => produce({ batches: corrupt }),
        status.INVALID_ARGUMENT,
        "CORRUPT_RECORD",
      ],
      [
        "produce a truncated batch",
        () => produce({ batches: Buffer.from(corrupt.subarray(0, 30)) }),
        status.INVALID_ARGUMENT,
        "CORRUPT_RECORD",
      ],
      [
        "produce an oversized record",
        () => produce({ records: [{ value: Buffer.alloc(2 * 1024 * 1024) }] }),
        status.INVALID_ARGUMENT,
        "RECORD_TOO_LARGE",
      ],
      [
        "produce past the gRPC size limit",
        () => produce({ records: [{ value: Buffer.alloc(10 * 1024 * 1024) }] }),
        status.RESOURCE_EXHAUSTED,
      ],
      ["produce with unknown acks", () => produce({ acks: 9, records: value }), status.INVALID_ARGUMENT],
      [
        "produce a negative timestamp",
        () => produce({ records: [{ value: bytes("v"), timestampMs: -5 }] }),
        status.INVALID_ARGUMENT,
      ],
      [
        "produce keys of two partitions",
        () => produce({ partition: undefined, records: [{ key: keyA }, { key: keyB }] }),
        status.INVALID_ARGUMENT,
      ],
      [
        "produce a bad producer epoch",
        () => produce({ records: value, producer: { producerId: 1, producerEpoch: -1 } }),
        status.INVALID_ARGUMENT,
      ],
      [
        "fetch a negative offset",
        () => call(log, "Fetch", { topic: "events", partition: 0, offset: -1 }),
        status.INVALID_ARGUMENT,
      ],
      [
        "fetch past the high watermark",
        () => call(log, "Fetch", { topic: "events", partition: 0, offset: 1_000_000 }),
        status.OUT_OF_RANGE,
        "OFFSET_OUT_OF_RANGE",
      ],
      ["fetch an unknown topic", () => call(log, "Fetch", { topic: "nope", partition: 0 }), status.NOT_FOUND],
      [
        "fetch a missing partition",
        () => call(log, "Fetch", { topic: "events", partition: 2 }),
        status.NOT_FOUND,
      ],
      [
        "fetch an unknown format",
        () => call(log, "Fetch", { topic: "events", partition: 0, format: 7 }),
        status.INVALID_ARGUMENT,
      ],
      [
        "list offsets of an unknown spec",
        () => call(log, "ListOffsets", { topic: "events", spec: 9 }),
        status.INVALID_ARGUMENT,
      ],
      [
        "list offsets of a missing partition",
        () => call(log, "ListOffsets", { topic: "events", partitions: [5] }),
        status.NOT_FOUND,
      ],
      [
        "create a topic without a name",
        () => call(admin, "CreateTopic", { name: "" }),
        status.INVALID_ARGUMENT,
      ],
      [
        "create a topic with -1 partitions",
        () => call(admin, "CreateTopic", { name: "t", partitions: -1 }),
        status.INVALID_ARGUMENT,
      ],
      [
        "create a topic with a bad name",
        () => call(admin, "CreateTopic", { name: "a/b" }),
        status.INVALID_ARGUMENT,
      ],
      [
        "create a topic with an unknown config",
        () => call(admin, "CreateTopic", { name: "t", configs: { "no.such": "1" } }),
        status.INVALID_ARGUMENT,
        "INVALID_CONFIG",
      ],
      ["create a topic twice", () => call(admin, "CreateTopic", { name: "events" }), status.ALREADY_EXISTS],
      [
        "create a topic on more nodes than exist",
        () => call(admin, "CreateTopic", { name: "t", replicationFactor: 3 }),
        status.INVALID_ARGUMENT,
      ],
      [
        "delete a topic without a name",
        () => call(admin, "DeleteTopic", { name: "" }),
        status.INVALID_ARGUMENT,
      ],
      ["delete an unknown topic", () => call(admin, "DeleteTopic", { name: "nope" }), status.NOT_FOUND],
      ["describe an unknown topic", () => call(admin, "DescribeTopic", { name: "nope" }), status.NOT_FOUND],
      ["metadata of an unknown topic", () => call(admin, "Metadata", { topics: ["nope"] }), status.NOT_FOUND],
      ["alter an unknown topic", () => call(admin, "AlterTopic", { name: "nope" }), status.NOT_FOUND],
      [
        "alter a topic to a negative partition count",
        () => call(admin, "AlterTopic", { name: "events", partitions: -1 }),
        status.INVALID_ARGUMENT,
      ],
      [
        "alter a topic with a bad config value",
        () => call(admin, "AlterTopic", { name: "events", setConfigs: { "retention.ms": "soon" } }),
        status.INVALID_ARGUMENT,
        "INVALID_CONFIG",
      ],
    ];
    for (const [what, send, code, helixCode] of cases) {
      const error = await failure(send());
      expect({ what, code: error.code }, error.details).toEqual({ what, code });
      if (helixCode !== undefined)
        expect({ what, code: decodeErrorDetail(error.metadata)?.code }).toEqual({ what, code: helixCode });
    }
    const detail = decodeErrorDetail((await failure(produce({ topic: "nope", records: value }))).metadata);
    expect(detail).toEqual({
      code: "UNKNOWN_TOPIC",
      retriable: false,
      retryAfterMs: 0,
      leaderId: 0,
      leaderAddress: "",
    });
    const subscribeCases: [object, status][] = [
      [{ topic: "nope", partition: 0 }, status.NOT_FOUND],
      [{ topic: "events", partition: 0, offset: -3 }, status.INVALID_ARGUMENT],
      [{ topic: "events", partition: 0, format: 5 }, status.INVALID_ARGUMENT],
    ];
    for (const [request, code] of subscribeCases) {
      const stream = subscribe(log, request);
      const error = await new Promise<ServiceError>((resolve) => stream.on("error", resolve));
      expect({ request, code: error.code }).toEqual({ request, code });
    }
    expect(await call(health, "check", { service: "" })).toEqual({ status: "SERVING" });
    expect(await produce({ records: value })).toMatchObject({ partition: 0, duplicate: false });
  });

  it("puts the leader's id and address in a NOT_LEADER status", () => {
    const error = toServiceError(
      new HelixError("NOT_LEADER", "node 1 does not lead the controller", { details: { leader: 3 } }),
      (id) => (id === 3 ? "10.0.0.3:9192" : undefined),
    );
    expect(error.code).toBe(status.UNAVAILABLE);
    expect(decodeErrorDetail(error.metadata)).toEqual({
      code: "NOT_LEADER",
      retriable: true,
      retryAfterMs: 0,
      leaderId: 3,
      leaderAddress: "10.0.0.3:9192",
    });
    expect(decodeErrorDetail(toServiceError(new Error("bug"), () => undefined).metadata)?.code).toBe(
      "INTERNAL",
    );
  });
});
