/** Node envelopes survive the MessagePack round trip with their bytes; garbage decodes to nothing. */
import { nodeId } from "@helixlog/core";
import type { Message } from "@helixlog/raft";
import { describe, expect, it } from "vitest";
import type { NodeEnvelope } from "../node/helix-node.js";
import { decodeEnvelope, encodeEnvelope } from "./envelope-codec.js";

describe("envelope codec", () => {
  it("round-trips a Raft append with entry bytes and a registration", () => {
    const message = {
      type: "append",
      group: 7,
      from: 1,
      to: 2,
      term: 3,
      index: 10,
      logTerm: 2,
      commit: 9,
      entries: [{ term: 3, index: 11, type: "normal", data: new Uint8Array([0, 1, 255]) }],
    } as unknown as Message;
    const raft: NodeEnvelope = { kind: "raft", message };
    const decoded = decodeEnvelope(encodeEnvelope(raft));
    expect(decoded).toEqual(raft);
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

  it("drops frames that are not envelopes", () => {
    expect(decodeEnvelope(new Uint8Array([0xc1]))).toBeUndefined();
    expect(decodeEnvelope(encodeEnvelope({ kind: "other" } as unknown as NodeEnvelope))).toBeUndefined();
    expect(
      decodeEnvelope(encodeEnvelope({ kind: "raft", message: { type: 1 } } as unknown as NodeEnvelope)),
    ).toBeUndefined();
    expect(decodeEnvelope(new TextEncoder().encode("hello"))).toBeUndefined();
  });
});
