import { crc32c, HelixError } from "@helixlog/core";

/**
 * The snapshot frame: a fixed header, then the state as UTF-8 JSON.
 *
 *   magic "HXPG" (4) | format version u16 | reserved u16 (0) | payload length u32 | payload CRC32C u32 | payload
 *
 * Big-endian like Kafka's wire format. JSON keeps the format readable in a debugger and easy to migrate;
 * the state is bounded by the limits (a few megabytes at most), so its size is not a concern.
 */
const magic = [0x48, 0x58, 0x50, 0x47] as const;
export const snapshotFormatVersion = 1;
const headerBytes = 16;

export function encodeSnapshot(state: unknown): Uint8Array {
  const payload = new TextEncoder().encode(JSON.stringify(state));
  const bytes = new Uint8Array(headerBytes + payload.length);
  const view = new DataView(bytes.buffer);
  bytes.set(magic, 0);
  view.setUint16(4, snapshotFormatVersion);
  view.setUint16(6, 0);
  view.setUint32(8, payload.length);
  view.setUint32(12, crc32c(payload));
  bytes.set(payload, headerBytes);
  return bytes;
}

/** Checks the frame and returns the parsed payload; throws CORRUPT_DATA (or UNSUPPORTED_VERSION) otherwise. */
export function decodeSnapshot(bytes: Uint8Array): unknown {
  if (bytes.length < headerBytes) corrupt(`${bytes.length} bytes is shorter than the header`);
  if (magic.some((byte, index) => bytes[index] !== byte)) corrupt("bad magic");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4);
  if (version !== snapshotFormatVersion) {
    throw new HelixError("UNSUPPORTED_VERSION", `progress snapshot format ${version} is not supported`);
  }
  const length = view.getUint32(8);
  if (headerBytes + length !== bytes.length)
    corrupt(`payload length ${length} does not match ${bytes.length} bytes`);
  const payload = bytes.subarray(headerBytes);
  if (crc32c(payload) !== view.getUint32(12)) corrupt("payload checksum mismatch");
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payload));
  } catch (cause) {
    throw new HelixError("CORRUPT_DATA", "progress snapshot: payload is not JSON", { cause });
  }
}

export function corrupt(message: string): never {
  throw new HelixError("CORRUPT_DATA", `progress snapshot: ${message}`);
}
