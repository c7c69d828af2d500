import { decode, encode } from "@msgpack/msgpack";
import type { NodeEnvelope } from "../node/helix-node.js";

/**
 * Node envelopes (Raft messages, registrations) on the peer transport, as MessagePack: compact, binary
 * payloads (entry data) travel as raw bytes, and the peer transport's frame CRC already guards integrity.
 * A frame that does not decode to an envelope is dropped (undefined), never thrown at the node: Raft
 * tolerates loss, and a bad peer must not crash this one.
 */
export function encodeEnvelope(envelope: NodeEnvelope): Uint8Array {
  return encode(envelope);
}

export function decodeEnvelope(frame: Uint8Array): NodeEnvelope | undefined {
  let value: unknown;
  try {
    value = decode(frame);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const envelope = value as {
    kind?: unknown;
    message?: { type?: unknown; from?: unknown; to?: unknown };
    node?: { nodeId?: unknown };
  };
  if (envelope.kind === "raft") {
    const message = envelope.message;
    const valid =
      typeof message === "object" &&
      message !== null &&
      typeof message.type === "string" &&
      typeof message.from === "number" &&
      typeof message.to === "number";
    return valid ? (value as NodeEnvelope) : undefined;
  }
  if (envelope.kind === "register") {
    const node = envelope.node as Record<string, unknown> | undefined;
    if (typeof node !== "object" || node === null || typeof node.nodeId !== "number") return undefined;
    // MessagePack has no undefined: an absent rack arrives as null.
    return { kind: "register", node: { ...(node as object), rack: node.rack ?? undefined } } as NodeEnvelope;
  }
  return undefined;
}
