import { assert } from "@helixlog/core";

/** Little-endian 64-bit unsigned integers stored as two 32-bit halves; values are safe integers. */
export function writeUint64(view: DataView, position: number, value: number): void {
  // Checked before calling assert so the hot path allocates no message closure.
  if (!Number.isSafeInteger(value) || value < 0) assert(false, `not a safe unsigned integer: ${value}`);
  view.setUint32(position, value >>> 0, true);
  view.setUint32(position + 4, Math.floor(value / 2 ** 32), true);
}

/** Reads what writeUint64 wrote; undefined when the value is not a safe integer (corrupt data). */
export function readUint64(view: DataView, position: number): number | undefined {
  const low = view.getUint32(position, true);
  const high = view.getUint32(position + 4, true);
  if (high >= 2 ** 21) return undefined;
  return high * 2 ** 32 + low;
}

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function concatenate(parts: readonly Uint8Array[], totalBytes: number): Uint8Array {
  const result = new Uint8Array(totalBytes);
  let position = 0;
  for (const part of parts) {
    result.set(part, position);
    position += part.length;
  }
  assert(position === totalBytes, "concatenate: parts do not add up to the total");
  return result;
}
