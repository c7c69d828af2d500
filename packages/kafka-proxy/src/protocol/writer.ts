import { ProtocolEncodeError } from "./protocol-error.js";
import type { TaggedField } from "./tagged-field.js";
import { uuidToBytes } from "./uuid.js";

const utf8Encoder = new TextEncoder();
const initialCapacityBytes = 256;

/**
 * A growable big-endian buffer. Encoders write straight into it; `finish` returns the written bytes.
 * Encoders trust their typed input (it comes from our code), except where the TypeScript type cannot
 * express the wire rule (null in a version where the field is not nullable), which raises
 * ProtocolEncodeError.
 */
export class Writer {
  private bytes: Uint8Array;
  private view: DataView;
  /** Invariant: 0 <= position <= bytes.length. */
  position = 0;

  constructor(capacityBytes: number = initialCapacityBytes) {
    this.bytes = new Uint8Array(Math.max(capacityBytes, 16));
    this.view = new DataView(this.bytes.buffer);
  }

  /** Returns a view of the bytes written so far. The writer must not be used afterwards. */
  finish(): Uint8Array {
    return this.bytes.subarray(0, this.position);
  }

  /**
   * Makes room for `count` bytes and returns where they start. It may replace `bytes` and `view`, so
   * callers must call it before reading either (never `this.bytes[this.reserve(1)]`).
   */
  private reserve(count: number): number {
    const start = this.position;
    const needed = start + count;
    if (needed > this.bytes.length) this.grow(needed);
    this.position = needed;
    return start;
  }

  private grow(needed: number): void {
    let capacity = this.bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const bytes = new Uint8Array(capacity);
    bytes.set(this.bytes.subarray(0, this.position));
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer);
  }

  writeInt8(value: number): void {
    const position = this.reserve(1);
    this.view.setInt8(position, value);
  }

  writeInt16(value: number): void {
    const position = this.reserve(2);
    this.view.setInt16(position, value);
  }

  writeInt32(value: number): void {
    const position = this.reserve(4);
    this.view.setInt32(position, value);
  }

  /** Overwrites an int32 written earlier (frame sizes are known only at the end). */
  patchInt32(position: number, value: number): void {
    this.view.setInt32(position, value);
  }

  writeInt64(value: bigint): void {
    const position = this.reserve(8);
    this.view.setBigInt64(position, value);
  }

  writeUint16(value: number): void {
    const position = this.reserve(2);
    this.view.setUint16(position, value);
  }

  writeUint32(value: number): void {
    const position = this.reserve(4);
    this.view.setUint32(position, value);
  }

  writeFloat64(value: number): void {
    const position = this.reserve(8);
    this.view.setFloat64(position, value);
  }

  writeBoolean(value: boolean): void {
    const position = this.reserve(1);
    this.bytes[position] = value ? 1 : 0;
  }

  writeUnsignedVarint(value: number): void {
    let remaining = value;
    let position = this.reserve(unsignedVarintBytes(value));
    while (remaining >= 0x80) {
      this.bytes[position++] = (remaining & 0x7f) | 0x80;
      remaining = Math.floor(remaining / 128);
    }
    this.bytes[position] = remaining;
  }

  writeUuid(value: string): void {
    const start = this.reserve(16);
    uuidToBytes(value, this.bytes, start);
  }

  writeRawBytes(value: Uint8Array): void {
    const position = this.reserve(value.length);
    this.bytes.set(value, position);
  }

  /** Writes the UTF-8 bytes of `value`, whose byte length the caller has computed and prefixed. */
  private writeUtf8(value: string, byteLength: number): void {
    const start = this.reserve(byteLength);
    if (byteLength === value.length) {
      for (let index = 0; index < byteLength; index++) this.bytes[start + index] = value.charCodeAt(index);
    } else {
      utf8Encoder.encodeInto(value, this.bytes.subarray(start, start + byteLength));
    }
  }

  writeString(value: string): void {
    const byteLength = utf8ByteLength(value);
    if (byteLength > 0x7fff) throw new ProtocolEncodeError(`string of ${byteLength} bytes exceeds int16`);
    this.writeInt16(byteLength);
    this.writeUtf8(value, byteLength);
  }

  writeNullableString(value: string | null): void {
    if (value === null) this.writeInt16(-1);
    else this.writeString(value);
  }

  writeCompactString(value: string): void {
    const byteLength = utf8ByteLength(value);
    this.writeUnsignedVarint(byteLength + 1);
    this.writeUtf8(value, byteLength);
  }

  writeCompactNullableString(value: string | null): void {
    if (value === null) this.writeUnsignedVarint(0);
    else this.writeCompactString(value);
  }

  writeBytes(value: Uint8Array): void {
    this.writeInt32(value.length);
    this.writeRawBytes(value);
  }

  writeNullableBytes(value: Uint8Array | null): void {
    if (value === null) this.writeInt32(-1);
    else this.writeBytes(value);
  }

  writeCompactBytes(value: Uint8Array): void {
    this.writeUnsignedVarint(value.length + 1);
    this.writeRawBytes(value);
  }

  writeCompactNullableBytes(value: Uint8Array | null): void {
    if (value === null) this.writeUnsignedVarint(0);
    else this.writeCompactBytes(value);
  }

  /** Writes an array count: int32, or uvarint count+1 when compact; null is -1 or 0. */
  writeArrayLength(length: number | null, compact: boolean): void {
    if (compact) this.writeUnsignedVarint(length === null ? 0 : length + 1);
    else this.writeInt32(length === null ? -1 : length);
  }

  /**
   * Starts a tagged field's value: writes the tag and reserves one byte for its size, which is right for
   * values under 128 bytes (nearly all); `endTaggedField` moves the value if the size needs more.
   */
  beginTaggedField(tag: number): number {
    this.writeUnsignedVarint(tag);
    return this.reserve(1);
  }

  endTaggedField(sizePosition: number): void {
    const valueStart = sizePosition + 1;
    const size = this.position - valueStart;
    const sizeBytes = unsignedVarintBytes(size);
    if (sizeBytes > 1) {
      this.reserve(sizeBytes - 1);
      this.bytes.copyWithin(valueStart + sizeBytes - 1, valueStart, valueStart + size);
    }
    let remaining = size;
    let position = sizePosition;
    while (remaining >= 0x80) {
      this.bytes[position++] = (remaining & 0x7f) | 0x80;
      remaining = Math.floor(remaining / 128);
    }
    this.bytes[position] = remaining;
  }

  /**
   * Writes the unknown tagged fields from `index` whose tags are below `tagLimit`, so they interleave with
   * the known ones in ascending order. Returns the index of the first one not written.
   */
  writeUnknownTaggedFields(fields: readonly TaggedField[], index: number, tagLimit: number): number {
    let next = index;
    for (; next < fields.length; next++) {
      const field = fields[next]!;
      if (field.tag >= tagLimit) break;
      this.writeUnsignedVarint(field.tag);
      this.writeUnsignedVarint(field.data.length);
      this.writeRawBytes(field.data);
    }
    return next;
  }
}

export function unsignedVarintBytes(value: number): number {
  let bytes = 1;
  for (let remaining = value; remaining >= 0x80; remaining = Math.floor(remaining / 128)) bytes++;
  return bytes;
}

/** UTF-8 byte length without encoding; lone surrogates count as the 3-byte replacement character. */
export function utf8ByteLength(value: string): number {
  let bytes = value.length;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value.charCodeAt(index + 1))) {
      bytes += 2; // The pair is 2 UTF-16 units and 4 UTF-8 bytes.
      index++;
    } else bytes += 2;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
