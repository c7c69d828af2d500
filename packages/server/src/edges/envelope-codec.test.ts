/**
 * Node envelopes survive the MessagePack round trip with their bytes (a Multi-Raft batch with an
 * append, coalesced heartbeats and their responses; the empty node-level heartbeat; a registration);
 * frames that are not envelopes, or batches whose shape the node routes on is wrong, decode to nothing.
 */
import { nodeId } from "@helixlog/core";
import type { MultiRaftBatch } from "@helixlog/raft";
import { describe, expect, it } from "vitest";
import type { NodeEnvelope } from "../node/helix-node.js";
import { decodeEnvelope, encodeEnvelope } from "./envelope-codec.js";

const batch = {
  from: 1,
  to: 2,
  messages: [
    {
      type: "appendEntries",
      group: 7,
      from: 1,
      to: 2,
      term: 3,
      index: 10,
      logTerm: 2,
      commit: 9,
      entries: [{ term: 3, index: 11, type: "normal", data: new Uint8Array([0, 1, 255]) }],
    },
  ],
  heartbeats: [
    { group: 8, term: 2, commit: 5, context: "", sentAtTick: 4, quiesce: true, lastIndex: 5, lastTerm: 2 },
  ],
  heartbeatResponses: [{ group: 9, term: 1, context: "read-1", sentAtTick: 3, wake: false }],
} as unknown as MultiRaftBatch;

describe("envelope codec", () => {
  it("round-trips a Multi-Raft batch with entry bytes, an empty batch and a registration", () => {
    const raft: NodeEnvelope = { kind: "raft", batch };
    const decoded = decodeEnvelope(encodeEnvelope(raft));
    expect(decoded).toEqual(raft);
    const entryData = (decoded as { batch: MultiRaftBatch }).batch.messages[0] as unknown as {
      entries: { data: Uint8Array }[];
    };
    expect(entryData.entries[0]?.data).toBeInstanceOf(Uint8Array);
    const empty: NodeEnvelope = {
      kind: "raft",
      batch: { from: nodeId(3), to: nodeId(1), messages: [], heartbeats: [], heartbeatResponses: [] },
    };
    expect(decodeEnvelope(encodeEnvelope(empty))).toEqual(empty);
    const register: NodeEnvelope = {
      kind: "register",
      node: {
        nodeId: nodeId(2),
        kafkaAddress: "h:1",
        grpcAddress: "h:2",
        peerAddress: "h:3",
        rack: undefined,
      },
    };
    expect(decodeEnvelope(encodeEnvelope(register))).toMatchObject({ kind: "register", node: { nodeId: 2 } });
  });

  it("round-trips partition transfer requests and answers with their batch bytes", () => {
    const fetch: NodeEnvelope = {
      kind: "partitionFetch",
      group: 4 as never,
      requestId: 9,
      offset: 100,
      endOffset: 250,
    };
    expect(decodeEnvelope(encodeEnvelope(fetch))).toEqual(fetch);
    const data: NodeEnvelope = {
      kind: "partitionData",
      group: 4 as never,
      requestId: 9,
      batches: [new Uint8Array([1, 2, 3]), new Uint8Array([4])],
      error: null,
    };
    expect(decodeEnvelope(encodeEnvelope(data))).toEqual(data);
    const refused = { ...data, batches: [], error: "offset 100 is outside [0, 50)" };
    expect(decodeEnvelope(encodeEnvelope(refused))).toEqual(refused);
    const encodeRaw = (value: unknown) => encodeEnvelope(value as NodeEnvelope);
    expect(decodeEnvelope(encodeRaw({ ...fetch, offset: -1 }))).toBeUndefined();
    expect(decodeEnvelope(encodeRaw({ ...data, batches: ["x"] }))).toBeUndefined();
    expect(decodeEnvelope(encodeRaw({ ...data, error: 7 }))).toBeUndefined();
  });

  it("drops frames that are not envelopes and batches with a bad shape", () => {
    const encodeRaw = (value: unknown) => encodeEnvelope(value as NodeEnvelope);
    expect(decodeEnvelope(new Uint8Array([0xc1]))).toBeUndefined();
    expect(decodeEnvelope(encodeRaw({ kind: "other" }))).toBeUndefined();
    expect(decodeEnvelope(encodeRaw({ kind: "raft", batch: { from: 1, to: 2 } }))).toBeUndefined();
    expect(decodeEnvelope(encodeRaw({ kind: "raft", batch: { ...batch, from: 0 } }))).toBeUndefined();
    const forged = { ...batch, from: 3 };
    expect(decodeEnvelope(encodeRaw({ kind: "raft", batch: forged }))).toBeUndefined();
    const noGroup = { ...batch, heartbeats: [{ term: 1 }] };
    expect(decodeEnvelope(encodeRaw({ kind: "raft", batch: noGroup }))).toBeUndefined();
    expect(decodeEnvelope(new TextEncoder().encode("hello"))).toBeUndefined();
  });
});
