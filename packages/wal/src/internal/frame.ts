import { crc32c } from "@helixlog/core";
import { readUint32, writeUint32 } from "./bytes.js";

/**
 * A frame, the unit of every log file of the package:
 *
 *   0  length    u32 LE, bytes of payload (1 or more; 0 never starts a frame)
 *   4  crc       u32 LE, CRC32C of bytes [8, 12 + length): type, reserved and payload
 *   8  type      u8, the record type (never 0)
 *   9  reserved  3 bytes, zero
 *   12 payload   `length` bytes
 *
 * A zero length marks the end of data: zero-filled files read as a clean end after the last frame. No
 * frame has length 0 or type 0, so a zeroed region can never be mistaken for a frame, and a torn frame
 * cannot pass the CRC. WAL segments (format 2) also salt the CRC with the segment's sequence
 * (`FrameRules.crcSalt`), so a recycled file's stale frames fail their check and read as the end.
 */
export const frameHeaderBytes = 12;

export function encodeFrame(type: number, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(frameHeaderBytes + payload.length);
  frame.set(payload, frameHeaderBytes);
  sealFrame(frame, type);
  return frame;
}

/** Fills in the header of a frame whose payload is already at byte 12. */
export function sealFrame(frame: Uint8Array, type: number): void {
  sealFrameAt(frame, 0, frame.length, type);
}

/**
 * Fills in the header of the `size`-byte frame at `start` of `bytes`, whose payload is in place, with
 * its CRC XOR `crcSalt` (see `FrameRules.crcSalt`).
 */
export function sealFrameAt(bytes: Uint8Array, start: number, size: number, type: number, crcSalt = 0): void {
  writeUint32(bytes, start, size - frameHeaderBytes);
  bytes[start + 8] = type;
  bytes[start + 9] = 0;
  bytes[start + 10] = 0;
  bytes[start + 11] = 0;
  writeUint32(bytes, start + 4, (crc32c(bytes, 0, start + 8, start + size) ^ crcSalt) >>> 0);
}

export type FrameCheck =
  /** A whole, checksummed frame of `size` bytes (header included). */
  | { readonly kind: "valid"; readonly type: number; readonly size: number }
  /** Four zero bytes where a frame would start: the end of data. */
  | { readonly kind: "end" }
  /** More bytes are needed to decide: `size` bytes in total from the frame's start. */
  | { readonly kind: "need"; readonly size: number }
  | { readonly kind: "bad"; readonly reason: string };

export interface FrameRules {
  readonly payloadBytesMax: number;
  readonly isKnownType: (type: number) => boolean;
  /**
   * XORed into the stored CRC (0 when absent). The WAL salts each segment's frames with a value derived
   * from the segment's sequence, so frames left in a recycled file by its previous use fail their check.
   */
  readonly crcSalt?: number;
}

/**
 * XORs `salt` into the CRC field of every frame of `bytes` from `start` to the end (frames back to back,
 * already sealed). The WAL applies its segment's salt this way when it knows where the frames land.
 */
export function saltFrames(bytes: Uint8Array, start: number, salt: number): void {
  let position = start;
  while (position < bytes.length) {
    const length = readUint32(bytes, position);
    writeUint32(bytes, position + 4, (readUint32(bytes, position + 4) ^ salt) >>> 0);
    position += frameHeaderBytes + length;
  }
}

/**
 * The size of the valid frame starting at `start` in `bytes` (arguments as for `checkFrame`), or 0 when
 * there is none: then `checkFrame` says what is there instead (an end, more bytes needed, or why it is
 * bad). Scans call this for every frame on every restart; unlike `checkFrame` it allocates no result.
 */
export function validFrameSize(
  bytes: Uint8Array,
  start: number,
  fileRemaining: number,
  rules: FrameRules,
): number {
  if (fileRemaining < frameHeaderBytes || bytes.length - start < frameHeaderBytes) return 0;
  const length = readUint32(bytes, start);
  const size = frameHeaderBytes + length;
  if (
    length === 0 ||
    length > rules.payloadBytesMax ||
    size > fileRemaining ||
    size > bytes.length - start ||
    !rules.isKnownType(bytes[start + 8] as number) ||
    bytes[start + 9] !== 0 ||
    bytes[start + 10] !== 0 ||
    bytes[start + 11] !== 0 ||
    (crc32c(bytes, 0, start + 8, start + size) ^ (rules.crcSalt ?? 0)) >>> 0 !== readUint32(bytes, start + 4)
  ) {
    return 0;
  }
  return size;
}

/**
 * Checks the frame starting at `start` in `bytes`, where `bytes` holds the file from some position up to
 * `available` bytes; `fileRemaining` is how many bytes the file has from `start` on.
 */
export function checkFrame(
  bytes: Uint8Array,
  start: number,
  fileRemaining: number,
  rules: FrameRules,
): FrameCheck {
  const inBuffer = bytes.length - start;
  if (fileRemaining < 4)
    return fileRemaining === 0 ? { kind: "end" } : { kind: "bad", reason: "short frame header" };
  if (inBuffer < 4) return { kind: "need", size: 4 };
  const length = readUint32(bytes, start);
  if (length === 0) return { kind: "end" };
  if (fileRemaining < frameHeaderBytes) return { kind: "bad", reason: "short frame header" };
  if (length > rules.payloadBytesMax) return { kind: "bad", reason: `frame length ${length} over the limit` };
  const size = frameHeaderBytes + length;
  if (size > fileRemaining)
    return { kind: "bad", reason: `frame of ${size} bytes runs past the end of the file` };
  if (inBuffer < size) return { kind: "need", size };
  const type = bytes[start + 8] as number;
  if (!rules.isKnownType(type)) return { kind: "bad", reason: `unknown record type ${type}` };
  if (bytes[start + 9] !== 0 || bytes[start + 10] !== 0 || bytes[start + 11] !== 0) {
    return { kind: "bad", reason: "reserved bytes are not zero" };
  }
  if (
    (crc32c(bytes, 0, start + 8, start + size) ^ (rules.crcSalt ?? 0)) >>> 0 !==
    readUint32(bytes, start + 4)
  ) {
    return { kind: "bad", reason: "checksum mismatch" };
  }
  return { kind: "valid", type, size };
}
