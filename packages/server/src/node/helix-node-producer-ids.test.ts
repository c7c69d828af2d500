/**
 * Producer-id blocks on every node (Kafka brokers all serve InitProducerId): the controller leader
 * reserves blocks through its log; the other nodes ask it with an envelope (producer-id-forwarding.ts).
 * Blocks never overlap, whichever node asked; a request to a leader that is cut off fails with TIMEOUT
 * (retriable) instead of waiting for ever; the envelopes survive the peer codec.
 */
import { HelixError } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { decodeEnvelope, encodeEnvelope } from "../edges/envelope-codec.js";
import { TestCluster } from "../test-support/test-cluster.js";

describe("producer-id blocks", () => {
  it("are reserved through the controller leader from every node, without overlap", async () => {
    const cluster = await TestCluster.ready(3);
    const firsts: number[] = [];
    for (let round = 0; round < 2; round++)
      for (const node of cluster.nodes.values())
        firsts.push(await cluster.drive(node.allocateProducerIds(1_000)));
    const sorted = [...firsts].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(1_000);
    expect(new Set(firsts).size).toBe(6);

    // Cut off from the controller leader, a follower's request times out (retriable).
    const follower = [...cluster.nodes.values()].find((node) => !node.isControllerLeader())!;
    cluster.isolated.add(follower.nodeId);
    const outcome = await cluster.drive(
      follower.allocateProducerIds(1_000).catch((error: unknown) => error),
      80,
    );
    expect(HelixError.is(outcome, "TIMEOUT") || HelixError.is(outcome, "NOT_LEADER")).toBe(true);
    expect((outcome as HelixError).retriable).toBe(true);
  });

  it("travel through the peer codec", () => {
    const request = { kind: "producerIdsRequest", requestId: 7, count: 1_000 } as const;
    const answer = { kind: "producerIdsAnswer", requestId: 7, first: 5_000, error: null } as const;
    const refusal = {
      kind: "producerIdsAnswer",
      requestId: 8,
      first: null,
      error: "not the leader",
    } as const;
    for (const envelope of [request, answer, refusal])
      expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
    expect(decodeEnvelope(encodeEnvelope({ ...request, count: -1 } as never))).toBeUndefined();
  });
});
