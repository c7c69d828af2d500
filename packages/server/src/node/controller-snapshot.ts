/**
 * The bytes of the controller group's Raft snapshot: the controller state and the controller's KV store,
 * each in its own versioned, checksummed format (ControllerState.snapshot, KvState.snapshot), framed as
 * `[u32 big-endian length of the controller part][controller part][KV part]`.
 */
import { HelixError } from "@helixlog/core";
import { ControllerState } from "./controller/controller-state.js";
import { KvState } from "./kv/kv-state.js";

export function encodeControllerSnapshot(controller: ControllerState, kv: KvState): Uint8Array {
  const controllerPart = controller.snapshot();
  const kvPart = kv.snapshot();
  const bytes = new Uint8Array(4 + controllerPart.length + kvPart.length);
  new DataView(bytes.buffer).setUint32(0, controllerPart.length);
  bytes.set(controllerPart, 4);
  bytes.set(kvPart, 4 + controllerPart.length);
  return bytes;
}

export function decodeControllerSnapshot(bytes: Uint8Array): { controller: ControllerState; kv: KvState } {
  if (bytes.length < 4) throw new HelixError("CORRUPT_DATA", "controller group snapshot is too short");
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (4 + length > bytes.length) {
    throw new HelixError("CORRUPT_DATA", "controller group snapshot is shorter than its controller part");
  }
  return {
    controller: ControllerState.restore(bytes.subarray(4, 4 + length)),
    kv: KvState.restore(bytes.subarray(4 + length)),
  };
}
