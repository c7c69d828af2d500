import { decode, encode } from "@msgpack/msgpack";
import type { NodeEnvelope } from "../node/helix-node.js";

/**
 * Node envelopes (Multi-Raft batches, registrations, partition data pulled while installing a partition
 * snapshot) on the peer transport, as MessagePack: compact,
 * binary payloads (entry data, snapshot chunks) travel as raw bytes, and the peer transport's frame CRC
 * already guards integrity. A frame that does not decode to an envelope is dropped (undefined), never
 * thrown at the node: Raft tolerates loss, and a bad peer must not crash this one. Only the shape the
 * node routes on is checked here (sender, receiver, the three lists, each message's type and group);
 * the fields inside a message come from a peer of the same cluster over a CRC-checked frame.
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
  const envelope = value as { kind?: unknown; batch?: unknown; node?: { nodeId?: unknown } };
  if (envelope.kind === "raft") return isBatch(envelope.batch) ? (value as NodeEnvelope) : undefined;
  if (envelope.kind === "partitionFetch") {
    const request = value as Record<string, unknown>;
    const valid = [request.group, request.requestId, request.offset, request.endOffset].every(isCount);
    return valid ? (value as NodeEnvelope) : undefined;
  }
  if (envelope.kind === "partitionData") {
    const answer = value as Record<string, unknown>;
    const valid =
      isCount(answer.group) &&
      isCount(answer.requestId) &&
      Array.isArray(answer.batches) &&
      answer.batches.every((batch) => batch instanceof Uint8Array) &&
      (answer.error === null || typeof answer.error === "string");
    return valid ? (value as NodeEnvelope) : undefined;
  }
  if (envelope.kind === "producerIdsRequest") {
    const request = value as Record<string, unknown>;
    return isCount(request.requestId) && isCount(request.count) ? (value as NodeEnvelope) : undefined;
  }
  if (envelope.kind === "producerIdsAnswer") {
    const answer = value as Record<string, unknown>;
    const valid =
      isCount(answer.requestId) &&
      (answer.first === null || isCount(answer.first)) &&
      (answer.error === null || typeof answer.error === "string");
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

function isBatch(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const batch = value as Record<string, unknown>;
  if (!isNodeId(batch.from) || !isNodeId(batch.to)) return false;
  const { messages, heartbeats, heartbeatResponses } = batch;
  if (!Array.isArray(messages) || !Array.isArray(heartbeats) || !Array.isArray(heartbeatResponses)) {
    return false;
  }
  return (
    messages.every(
      (message) =>
        isRecord(message) &&
        typeof message.type === "string" &&
        isGroupId(message.group) &&
        message.from === batch.from &&
        message.to === batch.to,
    ) &&
    heartbeats.every((heartbeat) => isRecord(heartbeat) && isGroupId(heartbeat.group)) &&
    heartbeatResponses.every((response) => isRecord(response) && isGroupId(response.group))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isNodeId(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

function isGroupId(value: unknown): boolean {
  return isCount(value);
}

function isCount(value: unknown): boolean {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
