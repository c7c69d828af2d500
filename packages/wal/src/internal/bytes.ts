import { assert } from "@helixlog/core";

// Little-endian integers read and written byte by byte on the Uint8Array itself. Recovery decodes every
// frame of every segment on each restart and group commit encodes every record: a DataView per call
// was a visible share of both (allocation and GC), and these compile to plain loads and stores.

export function writeUint32(bytes: Uint8Array, position: number, value: number): void {
  bytes[position] = value & 0xff;
  bytes[position + 1] = (value >>> 8) & 0xff;
  bytes[position + 2] = (value >>> 16) & 0xff;
  bytes[position + 3] = (value >>> 24) & 0xff;
}

export function readUint32(bytes: Uint8Array, position: number): number {
  return (
    ((bytes[position] as number) |
      ((bytes[position + 1] as number) << 8) |
      ((bytes[position + 2] as number) << 16) |
      ((bytes[position + 3] as number) << 24)) >>>
    0
  );
}

/** Little-endian 64-bit unsigned integers stored as two 32-bit halves; values are safe integers. */
export function writeUint64(bytes: Uint8Array, position: number, value: number): void {
  // Checked before calling assert so the hot path allocates no message closure.
  if (!Number.isSafeInteger(value) || value < 0) assert(false, `not a safe unsigned integer: ${value}`);
  writeUint32(bytes, position, value >>> 0);
  writeUint32(bytes, position + 4, Math.floor(value / 2 ** 32));
}

/** Reads what writeUint64 wrote; undefined when the value is not a safe integer (corrupt data). */
export function readUint64(bytes: Uint8Array, position: number): number | undefined {
  const high = readUint32(bytes, position + 4);
  if (high >= 2 ** 21) return undefined;
  return high * 2 ** 32 + readUint32(bytes, position);
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
