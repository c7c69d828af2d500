/**
 * The gRPC Kv service end to end over loopback with HelixClient, in front of three in-process nodes
 * (simulated disks, a direct network, stepped continuously while calls run):
 *   - Put, Delete and CompareAndSet on the controller leader answer revisions; elsewhere they answer
 *     NOT_LEADER with the leader's id and registered gRPC address;
 *   - a linearizable Get on a follower sees a write acknowledged just before (ReadIndex); a
 *     serializable Get answers the follower's applied state;
 *   - a follower cut off from the others still answers serializable Gets from its (stale) state, while
 *     its linearizable Gets fail with a retriable error;
 *   - bad input gets INVALID_ARGUMENT with the reason, and the nodes stay healthy.
 * Every server, client and loop is stopped.
 */
import { HelixError, limits, type NodeId } from "@helixlog/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HelixClient } from "../client/helix-client.js";
import type { HelixNode } from "../node/helix-node.js";
import { rejection } from "../test-support/rejection.js";
import { TestCluster } from "../test-support/test-cluster.js";
import { type GrpcApi, startGrpcApi } from "./grpc-api.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (value: Uint8Array | undefined) =>
  value === undefined ? undefined : new TextDecoder().decode(value);

describe("gRPC Kv", () => {
  let cluster: TestCluster;
  let running = true;
  let loop: Promise<void>;
  const apis = new Map<NodeId, GrpcApi>();
  const clients = new Map<NodeId, HelixClient>();
  let leader: HelixNode;
  let follower: HelixNode;

  beforeAll(async () => {
    cluster = await TestCluster.ready(3);
    for (const [id, node] of cluster.nodes) {
      const api = await startGrpcApi({
        address: { host: "127.0.0.1", port: 0 },
        node,
        addressOf: (target) => node.listNodes().find((record) => record.nodeId === target)?.grpcAddress,
      });
      apis.set(id, api);
      clients.set(id, new HelixClient(`127.0.0.1:${api.port}`, { deadlineMs: 10_000 }));
    }
    // Steps the cluster (a tick and its message deliveries) while gRPC calls are in flight.
    loop = (async () => {
      while (running) {
        await cluster.step();
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    leader = cluster.controllerLeader();
    follower = [...cluster.nodes.values()].find((node) => node !== leader)!;
  });

  afterAll(async () => {
    running = false;
    await loop;
    for (const client of clients.values()) client.close();
    for (const api of apis.values()) await api.close();
    for (const node of cluster.nodes.values()) await node.close();
  });

  const client = (node: HelixNode) => clients.get(node.nodeId)!;

  it("writes on the leader, refuses writes elsewhere with the leader, reads linearizably anywhere", async () => {
    const first = await client(leader).kvPut("config/a", bytes("one"));
    expect(first).toBeGreaterThan(0);
    const read = await client(follower).kvGet("config/a");
    expect({ value: text(read?.value), revision: read?.revision }).toEqual({ value: "one", revision: first });

    const refused = await rejection(client(follower).kvPut("config/a", bytes("two")));
    expect(refused.code).toBe("NOT_LEADER");
    expect(refused.details).toMatchObject({
      leader: leader.nodeId,
      leaderAddress: leader.listNodes().find((record) => record.nodeId === leader.nodeId)?.grpcAddress,
    });

    const missed = await client(leader).kvCompareAndSet("config/a", first + 100, bytes("x"));
    expect(missed).toEqual({ swapped: false, revision: first });
    const swapped = await client(leader).kvCompareAndSet("config/a", first, bytes("two"));
    expect(swapped.swapped).toBe(true);
    expect(swapped.revision).toBeGreaterThan(first);
    const created = await client(leader).kvCompareAndSet("config/b", 0, bytes("new"));
    expect(created.swapped).toBe(true);
    expect(text((await client(follower).kvGet("config/a"))?.value)).toBe("two");

    expect(await client(leader).kvDelete("config/b")).toBe(true);
    expect(await client(leader).kvDelete("config/b")).toBe(false);
    expect(await client(follower).kvGet("config/b")).toBeUndefined();
    expect(await client(follower).kvGet("never")).toBeUndefined();
  });

  it("answers serializable reads from a cut-off follower's state and fails its linearizable reads", async () => {
    await client(leader).kvPut("stale", bytes("before"));
    // Wait until the follower applied it, then cut it off and write again.
    for (let i = 0; i < 100 && text(follower.kvGet("stale")?.value) !== "before"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    cluster.isolated.add(follower.nodeId);
    try {
      await client(leader).kvPut("stale", bytes("after"));
      const local = await client(follower).kvGet("stale", { serializable: true });
      expect(text(local?.value)).toBe("before");
      const failed = await rejection(client(follower).kvGet("stale", { deadlineMs: 20_000 }));
      expect(failed.retriable, `${failed.code}: ${failed.message}`).toBe(true);
    } finally {
      cluster.isolated.delete(follower.nodeId);
    }
    // Healed, it learns the leader again; a client retries the retriable NOT_LEADER meanwhile.
    let healed: string | undefined;
    for (let attempt = 0; attempt < 100 && healed === undefined; attempt++) {
      try {
        healed = text((await client(follower).kvGet("stale"))?.value);
      } catch (error) {
        if (!(HelixError.isInstance(error) && error.retriable)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    expect(healed).toBe("after");
  });

  it("answers bad input with INVALID_ARGUMENT and a reason", async () => {
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      ["empty key", () => client(leader).kvPut("", bytes("x")), /key is required/],
      ["long key", () => client(leader).kvGet("k".repeat(limits.kvKeyLengthMax + 1)), /longer than/],
      [
        "large value",
        () => client(leader).kvPut("big", new Uint8Array(limits.kvValueSizeBytesMax + 1)),
        /larger than/,
      ],
      ["negative revision", () => client(leader).kvCompareAndSet("k", -1, bytes("x")), /expected_revision/],
      ["empty key on delete", () => client(follower).kvDelete(""), /key is required/],
    ];
    for (const [name, call, reason] of cases) {
      const error = await rejection(call());
      expect(error.code, name).toBe("INVALID_ARGUMENT");
      expect(error.message, name).toMatch(reason);
    }
    expect(leader.isServing()).toBe(true);
    expect(await client(leader).kvPut("after-bad-input", bytes("ok"))).toBeGreaterThan(0);
  });
});
