/**
 * helix.v1.Progress end to end over loopback: the real gRPC API (grpc-api.ts) in front of a one-node
 * HelixNode on a simulated disk, ticked every 10 ms with a ManualClock advanced 10 ms per tick, called
 * through ProgressClient (so the client's error mapping is exercised too):
 *   - the proto offers every promised method and reflection lists helix.v1.Progress;
 *   - CommitOffsets / FetchOffsets round trip (-1 for a partition without progress);
 *   - an exclusive lease: start at the log start, ack cumulatively, renew, a re-grant fences the old
 *     epoch (FAILED_PRECONDITION / FENCED), another member gets ABORTED / CONFLICT, DescribeGroup shows
 *     the lease, the committed offset, the log end and the lag; ListGroups and DeleteGroup;
 *   - a shared lease: records handed out, nacked, acked, redelivered after expiry on the replicated clock;
 *   - ResetOffsets to earliest, latest, offset (clamped), timestamp, dry run; refused while active;
 *   - bad input on every RPC is INVALID_ARGUMENT (or NOT_FOUND) with a reason, and the node stays healthy;
 *   - with two nodes and replication factor 1, the progress leader resolves resets and a shared lease's
 *     log end of a partition it does not host by asking the hosting node (ListOffsets over gRPC).
 * Waits are on conditions with a bound; the server, client and ticker are closed at the end.
 */
import type { ServiceError } from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { encodeRecordBatch, HelixError, ManualClock, nodeId, SeededRng } from "@helixlog/core";
import { freePort } from "@helixlog/core/testing";
import { SimDisk } from "@helixlog/wal/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProgressClient } from "../../client/progress-client.js";
import { HelixNode, type NodeEnvelope } from "../../node/helix-node.js";
import { until } from "../../test-support/until.js";
import { type GrpcApi, startGrpcApi } from "../grpc-api.js";
import { loaderOptions, protoFiles } from "./messages.js";

const baseTimestamp = 1_700_000_000_000;

/** One batch of `count` records with timestamps baseTimestamp + 1000 * (first + i). */
function records(first: number, count: number): Uint8Array {
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: baseTimestamp + first * 1000,
    records: Array.from({ length: count }, (_, offsetDelta) => ({
      timestampDelta: offsetDelta * 1000,
      offsetDelta,
      key: null,
      value: new TextEncoder().encode(`r${first + offsetDelta}`),
      headers: [],
    })),
  });
}

/** The HelixError a call fails with, checking the gRPC status it arrived as. */
async function expectError(promise: Promise<unknown>, code: string, grpcStatus: number, reason?: RegExp) {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  expect("error" in outcome, `expected ${code}, got ${JSON.stringify(outcome)}`).toBe(true);
  const error = (outcome as { error: HelixError }).error;
  expect(HelixError.isInstance(error), String(error)).toBe(true);
  expect(error.code, error.message).toBe(code);
  expect((error.cause as ServiceError).code).toBe(grpcStatus);
  if (reason !== undefined) expect(error.message).toMatch(reason);
}

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;
const ABORTED = 10;

describe("helix.v1.Progress", () => {
  let node: HelixNode;
  let ticker: NodeJS.Timeout;
  let api: GrpcApi;
  let progress: ProgressClient;

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
      progressGroupCount: 2,
    });
    ticker = setInterval(() => {
      clock.advance(10);
      node.tick();
    }, 10);
    api = await startGrpcApi({
      address: { host: "127.0.0.1", port: 0 },
      node,
      addressOf: () => undefined,
    });
    progress = new ProgressClient(`127.0.0.1:${api.port}`);
    await until(() => node.isServing(), "the node serves");
    await node.createTopic({ name: "events", partitions: 2, replicationFactor: 1 });
    await until(
      () => [0, 1].every((partition) => node.partitionLeader("events", partition)?.leader === node.nodeId),
      "partitions led",
    );
    await node.produce("events", 0, records(0, 10), "all");
    await until(
      () =>
        node.progress.locate("any")?.leader === node.nodeId &&
        node.progress.locate("x")?.leader === node.nodeId,
      "progress groups led",
    );
  }, 30_000);

  afterAll(async () => {
    progress.close();
    await api.close();
    clearInterval(ticker);
    await node.close();
  });

  it("offers every promised method", () => {
    const definition = loadSync([...protoFiles], loaderOptions);
    expect(Object.keys(definition["helix.v1.Progress"] as object).sort()).toEqual([
      "Ack",
      "AcquireLease",
      "CommitOffsets",
      "DeleteGroup",
      "DescribeGroup",
      "FetchOffsets",
      "ListGroups",
      "Nack",
      "ReleaseLease",
      "RenewLease",
      "ResetOffsets",
    ]);
  });

  it("commits and fetches offsets", async () => {
    const results = await progress.commitOffsets("plain", [
      { topic: "events", partition: 0, offset: 4, metadata: "m" },
    ]);
    expect(results).toEqual([{ topic: "events", partition: 0, errorCode: "", errorMessage: "" }]);
    const fetched = await progress.fetchOffsets("plain", [
      { topic: "events", partition: 0 },
      { topic: "events", partition: 1 },
    ]);
    expect(fetched.map((entry) => [entry.partition, entry.committedOffset, entry.metadata])).toEqual([
      [0, 4, "m"],
      [1, -1, ""],
    ]);
    expect((await progress.fetchOffsets("plain")).map((entry) => entry.committedOffset)).toEqual([4]);
  });

  it("leases a partition exclusively: acks, renewal, fencing, conflict, describe, list, delete", async () => {
    const request = {
      group: "stream",
      memberId: "a",
      topic: "events",
      partition: 0,
      mode: "LEASE_MODE_EXCLUSIVE",
      durationMs: 60_000,
    } as const;
    const first = await progress.acquireLease(request);
    expect(first).toMatchObject({
      mode: "LEASE_MODE_EXCLUSIVE",
      memberId: "a",
      committedOffset: 0,
      epoch: 1,
    });
    const lease = { leaseId: first!.leaseId, epoch: first!.epoch };
    expect((await progress.ack({ group: "stream", lease, cumulative: 6 })).committedOffset).toBe(6);
    const renewed = await progress.renewLease("stream", lease, 120_000);
    expect(renewed.expiresAtMs).toBeGreaterThan(first!.expiresAtMs);
    await expectError(progress.acquireLease({ ...request, memberId: "b" }), "CONFLICT", ABORTED);

    const described = await progress.describeGroup("stream");
    expect(described.partitions).toHaveLength(1);
    expect(described.partitions[0]).toMatchObject({
      topic: "events",
      partition: 0,
      committedOffset: 6,
      logEndOffset: 10,
      lag: 4,
      leaseEpoch: 1,
    });
    expect(described.partitions[0]?.leases).toMatchObject([
      { memberId: "a", epoch: 1, mode: "LEASE_MODE_EXCLUSIVE" },
    ]);

    const second = await progress.acquireLease(request);
    expect(second?.epoch).toBe(2);
    await expectError(progress.ack({ group: "stream", lease, cumulative: 8 }), "FENCED", FAILED_PRECONDITION);
    const stale = await progress.commitOffsets("stream", [
      { topic: "events", partition: 0, offset: 9, lease },
    ]);
    expect(stale[0]?.errorCode).toBe("FENCED");
    await expectError(progress.deleteGroup("stream"), "CONFLICT", ABORTED);
    await progress.releaseLease("stream", { leaseId: second!.leaseId, epoch: second!.epoch });

    const count = (await progress.listGroups(1)).progressGroupCount;
    expect(count).toBe(2);
    const names: string[] = [];
    for (let group = 1; group <= count; group++) {
      names.push(...(await progress.listGroups(group)).groups.map((entry) => entry.group));
    }
    expect(names.sort()).toEqual(expect.arrayContaining(["plain", "stream"]));
    expect(await progress.deleteGroup("stream")).toEqual({ deletedPartitions: 1 });
    await expectError(progress.describeGroup("stream"), "UNKNOWN_GROUP", NOT_FOUND);
  });

  it("hands out, nacks, acks and redelivers records of shared leases after expiry", async () => {
    const request = {
      group: "queue",
      topic: "events",
      partition: 0,
      mode: "LEASE_MODE_SHARED",
      durationMs: 100,
      maxRecords: 4,
    } as const;
    const first = await progress.acquireLease({ ...request, memberId: "a" });
    expect(first?.records.map((record) => record.offset)).toEqual([0, 1, 2, 3]);
    const lease = { leaseId: first!.leaseId, epoch: first!.epoch };
    expect(await progress.nack("queue", lease, [0])).toEqual({ redeliverable: 1, deadLettered: [] });
    expect((await progress.ack({ group: "queue", lease, offsets: [1, 2] })).newlySettled).toBe(2);
    // Offset 3 stays held by a member that goes silent; the replicated clock expires its lease.
    await until(
      async () => (await progress.describeGroup("queue")).partitions[0]?.leases.length === 0,
      "expiry",
    );
    // A grant is one run of available records from the first one: 0, then 3..9 (1 and 2 are settled).
    const second = await progress.acquireLease({ ...request, memberId: "b", maxRecords: 10 });
    expect(second?.records.map((record) => [record.offset, record.deliveryCount])).toEqual([[0, 2]]);
    const third = await progress.acquireLease({ ...request, memberId: "c", maxRecords: 10 });
    expect(third?.records.map((record) => [record.offset, record.deliveryCount])).toEqual([
      [3, 2],
      [4, 1],
      [5, 1],
      [6, 1],
      [7, 1],
      [8, 1],
      [9, 1],
    ]);
    await expectError(progress.ack({ group: "queue", lease, offsets: [3] }), "FENCED", FAILED_PRECONDITION);
    // Every record is out or settled: nothing to hand out.
    expect(await progress.acquireLease({ ...request, memberId: "d" })).toBeNull();
  });

  it("resets offsets to earliest, latest, an offset and a timestamp", async () => {
    const reset = (
      to: "RESET_TO_EARLIEST" | "RESET_TO_LATEST" | "RESET_TO_OFFSET" | "RESET_TO_TIMESTAMP",
      extra = {},
    ) => progress.resetOffsets({ group: "resets", topic: "events", to, ...extra });
    expect(await reset("RESET_TO_LATEST")).toEqual([
      { partition: 0, offset: 10 },
      { partition: 1, offset: 0 },
    ]);
    expect((await progress.fetchOffsets("resets")).map((entry) => entry.committedOffset)).toEqual([10, 0]);
    expect(await reset("RESET_TO_EARLIEST", { partitions: [0] })).toEqual([{ partition: 0, offset: 0 }]);
    expect(await reset("RESET_TO_OFFSET", { partitions: [0], offset: 99 })).toEqual([
      { partition: 0, offset: 10 },
    ]);
    expect(await reset("RESET_TO_TIMESTAMP", { partitions: [0], timestampMs: baseTimestamp + 3500 })).toEqual(
      [{ partition: 0, offset: 4 }],
    );
    expect(await reset("RESET_TO_OFFSET", { partitions: [0], offset: 2, dryRun: true })).toEqual([
      { partition: 0, offset: 2 },
    ]);
    expect(
      (await progress.fetchOffsets("resets", [{ topic: "events", partition: 0 }]))[0]?.committedOffset,
    ).toBe(4);
    const lease = await progress.acquireLease({
      group: "resets",
      memberId: "a",
      topic: "events",
      partition: 1,
      durationMs: 60_000,
    });
    await expectError(reset("RESET_TO_EARLIEST"), "CONFLICT", ABORTED);
    await progress.releaseLease("resets", { leaseId: lease!.leaseId, epoch: lease!.epoch });
  });

  it("answers bad input with INVALID_ARGUMENT or NOT_FOUND and a reason", async () => {
    const lease = { leaseId: 1, epoch: 1 };
    const cases: [Promise<unknown>, string, number, RegExp][] = [
      [
        progress.commitOffsets("", [{ topic: "events", partition: 0, offset: 1 }]),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /group is required/,
      ],
      [progress.commitOffsets("g", []), "INVALID_ARGUMENT", INVALID_ARGUMENT, /at least one/],
      [
        progress.commitOffsets("g", [{ topic: "events", partition: 0, offset: -1 }]),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /offset/,
      ],
      [
        progress.commitOffsets("g", [{ topic: "nope", partition: 0, offset: 1 }]),
        "UNKNOWN_TOPIC",
        NOT_FOUND,
        /nope/,
      ],
      [
        progress.commitOffsets("g", [{ topic: "events", partition: 5, offset: 1 }]),
        "UNKNOWN_PARTITION",
        NOT_FOUND,
        /partitions 0..1/,
      ],
      [progress.fetchOffsets("x".repeat(2000)), "INVALID_ARGUMENT", INVALID_ARGUMENT, /longer than/],
      [
        progress.acquireLease({ group: "g", memberId: "", topic: "events", partition: 0, durationMs: 1000 }),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /member_id/,
      ],
      [
        progress.acquireLease({ group: "g", memberId: "m", topic: "events", partition: 0, durationMs: 5 }),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /duration_ms/,
      ],
      [
        progress.acquireLease({
          group: "g",
          memberId: "m",
          topic: "events",
          partition: 0,
          durationMs: 1000,
          mode: 7 as never,
        }),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /mode/,
      ],
      [
        progress.acquireLease({
          group: "g",
          memberId: "m",
          topic: "events",
          partition: 0,
          durationMs: 1000,
          mode: "LEASE_MODE_SHARED",
        }),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /max_records/,
      ],
      [
        progress.renewLease("g", { leaseId: 0, epoch: 1 }, 1000),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /lease_id/,
      ],
      [progress.releaseLease("g", { leaseId: 1, epoch: 0 }), "INVALID_ARGUMENT", INVALID_ARGUMENT, /epoch/],
      [progress.ack({ group: "g", lease }), "INVALID_ARGUMENT", INVALID_ARGUMENT, /cumulative, offsets/],
      [progress.ack({ group: "g", lease, offsets: [-3] }), "INVALID_ARGUMENT", INVALID_ARGUMENT, /offsets/],
      [progress.nack("g", lease, []), "INVALID_ARGUMENT", INVALID_ARGUMENT, /at least one/],
      [
        progress.renewLease("g", { leaseId: 999_999, epoch: 1 }, 1000),
        "NOT_FOUND",
        NOT_FOUND,
        /never granted/,
      ],
      [progress.listGroups(3), "INVALID_ARGUMENT", INVALID_ARGUMENT, /progress_group must be 1..2/],
      [progress.describeGroup(""), "INVALID_ARGUMENT", INVALID_ARGUMENT, /group is required/],
      [progress.deleteGroup("never-seen"), "UNKNOWN_GROUP", NOT_FOUND, /never-seen/],
      [
        progress.resetOffsets({ group: "g", topic: "events", to: "RESET_TO_UNSPECIFIED" as never }),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /to is required/,
      ],
      [
        progress.resetOffsets({ group: "g", topic: "events", to: "RESET_TO_TIMESTAMP", timestampMs: -5 }),
        "INVALID_ARGUMENT",
        INVALID_ARGUMENT,
        /timestamp_ms/,
      ],
    ];
    for (const [call, code, grpcStatus, reason] of cases) await expectError(call, code, grpcStatus, reason);
    // The lease request without a lease at all:
    await expectError(
      progress.releaseLease("g", undefined as never),
      "INVALID_ARGUMENT",
      INVALID_ARGUMENT,
      /lease is required/,
    );
    expect(node.isServing()).toBe(true);
  });
});

/**
 * Two nodes, each with its real gRPC API, over an in-memory network: a topic with replication factor 1
 * puts some partitions only on the node that does not lead the consumer group's progress group, so the
 * progress leader resolves resets and lease starts by asking that node over gRPC (ListOffsets).
 */
describe("helix.v1.Progress for partitions hosted on another node", () => {
  const nodes = new Map<number, HelixNode>();
  const apis: GrpcApi[] = [];
  let ticker: NodeJS.Timeout;

  beforeAll(async () => {
    const clock = new ManualClock();
    const ports = new Map<number, number>([
      [1, await freePort()],
      [2, await freePort()],
    ]);
    const voters = [nodeId(1), nodeId(2)];
    const deliver = (from: number, to: number, envelope: NodeEnvelope) =>
      setImmediate(() => nodes.get(to)?.receive(nodeId(from), envelope));
    for (const id of [1, 2]) {
      const node = await HelixNode.open({
        nodeId: nodeId(id),
        voters,
        addresses: {
          kafkaAddress: `127.0.0.1:${9000 + id}`,
          grpcAddress: `127.0.0.1:${ports.get(id)}`,
          peerAddress: `127.0.0.1:${9100 + id}`,
          rack: undefined,
        },
        disk: new SimDisk({ rng: new SeededRng(id) }),
        rng: new SeededRng(200 + id),
        clock,
        send: (to, envelope) => deliver(id, to, envelope),
        progressGroupCount: 1,
      });
      nodes.set(id, node);
      apis.push(
        await startGrpcApi({
          address: { host: "127.0.0.1", port: ports.get(id) as number },
          node,
          addressOf: (target) => node.listNodes().find((record) => record.nodeId === target)?.grpcAddress,
        }),
      );
    }
    ticker = setInterval(() => {
      clock.advance(10);
      for (const node of nodes.values()) node.tick();
    }, 10);
    await until(() => [...nodes.values()].every((node) => node.isServing()), "both nodes serve", 20_000);
  }, 60_000);

  afterAll(async () => {
    clearInterval(ticker);
    for (const api of apis) await api.close();
    for (const node of nodes.values()) await node.close();
  });

  it("resolves earliest, latest, an offset and a timestamp of a partition hosted elsewhere", async () => {
    await until(
      () => [...nodes.values()].some((node) => node.progress.locate("remote")?.leader === node.nodeId),
      "a progress leader",
    );
    const leader = [...nodes.values()].find(
      (node) => node.progress.locate("remote")?.leader === node.nodeId,
    ) as HelixNode;
    const other = [...nodes.values()].find((node) => node !== leader) as HelixNode;
    const controller = [...nodes.values()].find((node) => node.isControllerLeader()) as HelixNode;
    await controller.createTopic({ name: "spread", partitions: 4, replicationFactor: 1 });
    await until(
      () => leader.topic("spread") !== undefined && other.topic("spread") !== undefined,
      "topic known",
    );
    const remote =
      leader.topic("spread")?.partitions.findIndex((record) => record.replicas[0] === other.nodeId) ?? -1;
    expect(remote, "placement put a partition on the other node").toBeGreaterThanOrEqual(0);
    await until(
      () => other.partitionLeader("spread", remote)?.leader === other.nodeId,
      "the remote partition led",
    );
    await other.produce("spread", remote, records(0, 6), "all");
    expect(leader.partitionLeader("spread", remote)).toBeUndefined();

    const client = new ProgressClient(`127.0.0.1:${apis[leader.nodeId - 1]?.port}`);
    try {
      const reset = (
        to: "RESET_TO_EARLIEST" | "RESET_TO_LATEST" | "RESET_TO_OFFSET" | "RESET_TO_TIMESTAMP",
        extra = {},
      ) => client.resetOffsets({ group: "remote", topic: "spread", partitions: [remote], to, ...extra });
      expect(await reset("RESET_TO_LATEST")).toEqual([{ partition: remote, offset: 6 }]);
      expect(await reset("RESET_TO_EARLIEST")).toEqual([{ partition: remote, offset: 0 }]);
      expect(await reset("RESET_TO_OFFSET", { offset: 50 })).toEqual([{ partition: remote, offset: 6 }]);
      expect(await reset("RESET_TO_TIMESTAMP", { timestampMs: baseTimestamp + 2500 })).toEqual([
        { partition: remote, offset: 3 },
      ]);
      expect(await reset("RESET_TO_TIMESTAMP", { timestampMs: baseTimestamp + 99_000 })).toEqual([
        { partition: remote, offset: 6 },
      ]);
      const shared = await client.acquireLease({
        group: "remote-queue",
        memberId: "a",
        topic: "spread",
        partition: remote,
        mode: "LEASE_MODE_SHARED",
        durationMs: 60_000,
        maxRecords: 100,
      });
      expect(shared?.records.map((record) => record.offset)).toEqual([0, 1, 2, 3, 4, 5]);
    } finally {
      client.close();
    }
  });
});
