/**
 * helix.v1.Kv over one HelixNode: the small replicated key-value store in the controller group
 * (KvState). Writes (Put, Delete, CompareAndSet) go to the controller leader; elsewhere they answer
 * NOT_LEADER and the status carries the leader's id and address. Get is linearizable by default
 * (ReadIndex through the controller leader, served on any node) or serializable on request (this
 * node's applied state, possibly stale). Keys are 1..kvKeyLengthMax characters, values at most
 * kvValueSizeBytesMax bytes; anything else is INVALID_ARGUMENT with the reason.
 */
import type { ServerUnaryCall } from "@grpc/grpc-js";
import { limits } from "@helixlog/core";
import type { HelixNode } from "../../node/helix-node.js";
import { invalid } from "./validation.js";
import { remainingMs, withTimeout } from "./waiting.js";

type CallState = Pick<ServerUnaryCall<unknown, unknown>, "getDeadline">;

export interface KvGetRequest {
  key: string;
  serializable: boolean;
}
export interface KvGetResponse {
  found: boolean;
  value: Buffer;
  revision: number;
}
export interface KvPutRequest {
  key: string;
  value: Buffer;
}
export interface KvCompareAndSetRequest {
  key: string;
  expectedRevision: number;
  value: Buffer;
}

/** Longest a Kv call waits for its commit or read point when the client set no deadline. */
const kvWaitMsDefault = 10_000;

export class KvService {
  constructor(private readonly node: HelixNode) {}

  async get(request: KvGetRequest, call: CallState): Promise<KvGetResponse> {
    const key = requireKey(request.key);
    const found = request.serializable
      ? this.node.kvGet(key)
      : await withTimeout(this.node.kvGetLinearizable(key), waitMsOf(call), `linearizable read of "${key}"`);
    if (found === undefined) return { found: false, value: Buffer.alloc(0), revision: 0 };
    return { found: true, value: Buffer.from(found.value), revision: found.revision };
  }

  async put(request: KvPutRequest, call: CallState): Promise<{ revision: number }> {
    const key = requireKey(request.key);
    const value = requireValue(request.value);
    const result = await this.write({ type: "put", key, value }, call);
    return { revision: result.revision };
  }

  async delete(request: { key: string }, call: CallState): Promise<{ deleted: boolean }> {
    const key = requireKey(request.key);
    const result = await this.write({ type: "delete", key }, call);
    return { deleted: result.applied };
  }

  async compareAndSet(
    request: KvCompareAndSetRequest,
    call: CallState,
  ): Promise<{ swapped: boolean; revision: number }> {
    const key = requireKey(request.key);
    const value = requireValue(request.value);
    const expectedRevision = request.expectedRevision;
    if (!Number.isSafeInteger(expectedRevision) || expectedRevision < 0) {
      throw invalid(
        `expected_revision must be a non-negative integer (0: key absent), got ${expectedRevision}`,
      );
    }
    const result = await this.write({ type: "compareAndSet", key, expectedRevision, value }, call);
    return { swapped: result.applied, revision: result.revision };
  }

  private write(command: Parameters<HelixNode["kvWrite"]>[0], call: CallState) {
    return withTimeout(
      this.node.kvWrite(command),
      waitMsOf(call),
      `KV ${command.type} of "${command.key}" (the write may still happen)`,
    );
  }
}

function requireKey(key: string): string {
  if (key === "") throw invalid("key is required");
  if (key.length > limits.kvKeyLengthMax) {
    throw invalid(`key is longer than ${limits.kvKeyLengthMax} characters (${key.length})`);
  }
  return key;
}

function requireValue(value: Buffer): Uint8Array {
  if (value.length > limits.kvValueSizeBytesMax) {
    throw invalid(`value is larger than ${limits.kvValueSizeBytesMax} bytes (${value.length})`);
  }
  return new Uint8Array(value);
}

function waitMsOf(call: CallState): number {
  return Math.min(kvWaitMsDefault, remainingMs(call.getDeadline()));
}
