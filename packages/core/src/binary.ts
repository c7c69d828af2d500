import { assert } from "./assert.js";
import { type ErrorCode, HelixError } from "./errors.js";

/**
 * Bounds-checked big-endian reading and growable writing of the primitive types our formats use
 * (Kafka record batches, storage frames). A read past the end raises a HelixError with the reader's
 * error code, never a RangeError or a silent zero, so hostile input is always answered, never crashes.
 */
export class ByteReader {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  position: number;
  readonly end: number;
  private readonly errorCode: ErrorCode;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length, errorCode: ErrorCode = "CORRUPT_RECORD") {
    assert(start >= 0 && start <= end && end <= bytes.length, "reader range must lie within the buffer");
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.position = start;
    this.end = end;
    this.errorCode = errorCode;
  }

  remaining(): number {
    return this.end - this.position;
  }

  /** Throws unless `count` more bytes are available. */
  need(count: number, what: string): void {
    if (count < 0 || this.end - this.position < count) {
      throw new HelixError(
        this.errorCode,
        `truncated input: ${what} needs ${count} bytes at position ${this.position}, ${this.end - this.position} left`,
      );
    }
  }

  fail(message: string): never {
    throw new HelixError(this.errorCode, `${message} (at position ${this.position})`);
  }

  readInt8(): number {
    this.need(1, "int8");
    return this.view.getInt8(this.position++);
  }

  readInt16(): number {
    this.need(2, "int16");
    const value = this.view.getInt16(this.position);
    this.position += 2;
    return value;
  }

  readInt32(): number {
    this.need(4, "int32");
    const value = this.view.getInt32(this.position);
    this.position += 4;
    return value;
  }

  readUint32(): number {
    this.need(4, "uint32");
    const value = this.view.getUint32(this.position);
    this.position += 4;
    return value;
  }

  /** An int64 that must fit a safe integer (offsets, timestamps, producer ids). */
  readInt64(): number {
    this.need(8, "int64");
    const high = this.view.getInt32(this.position);
    const low = this.view.getUint32(this.position + 4);
    this.position += 8;
    const value = high * 2 ** 32 + low;
    if (!Number.isSafeInteger(value)) this.fail(`int64 ${value} is outside the supported range ±2^53`);
    return value;
  }

  /** `count` bytes as a view into the input (no copy). */
  readBytes(count: number): Uint8Array {
    this.need(count, "bytes");
    const view = this.bytes.subarray(this.position, this.position + count);
    this.position += count;
    return view;
  }

  /** Zig-zag varint (Kafka "varint"): a signed 32-bit value in at most 5 bytes. */
  readVarint(): number {
    const raw = this.readUnsignedVarint();
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** Unsigned LEB128 of at most 5 bytes, as a uint32. */
  readUnsignedVarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      this.need(1, "varint");
      const byte = this.bytes[this.position++] as number;
      if (shift === 28 && byte > 0x0f) this.fail("varint longer than 32 bits");
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
    }
    return this.fail("varint longer than 5 bytes");
  }

  /** Zig-zag varlong (Kafka "varlong") that must fit a safe integer; at most 10 bytes. */
  readVarlong(): number {
    // Accumulate half of the zig-zag value (the magnitude) and keep its low bit (the sign) apart, so
    // every intermediate stays an exact integer up to 2^53 even though the zig-zag value reaches 2^54.
    let sign = 0;
    let half = 0;
    let scale = 1;
    for (let count = 0; count < 10; count++) {
      this.need(1, "varlong");
      const byte = this.bytes[this.position++] as number;
      if (count === 0) {
        sign = byte & 1;
        half = (byte & 0x7f) >>> 1;
        scale = 64;
      } else {
        half += (byte & 0x7f) * scale;
        scale *= 128;
      }
      if ((byte & 0x80) === 0) {
        if (half > Number.MAX_SAFE_INTEGER) this.fail("varlong outside the supported range ±2^53");
        return sign === 0 ? half : -half - 1;
      }
    }
    return this.fail("varlong longer than 10 bytes");
  }
}

/** A growable big-endian writer. */
export class ByteWriter {
  private buffer: Uint8Array;
  private view: DataView;
  position = 0;

  constructor(initialCapacity = 256) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity));
    this.view = new DataView(this.buffer.buffer);
  }

  private reserve(count: number): void {
    const required = this.position + count;
    if (required <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < required) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.position));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }

  writeInt8(value: number): void {
    this.reserve(1);
    this.view.setInt8(this.position++, value);
  }

  writeInt16(value: number): void {
    this.reserve(2);
    this.view.setInt16(this.position, value);
    this.position += 2;
  }

  writeInt32(value: number): void {
    this.reserve(4);
    this.view.setInt32(this.position, value);
    this.position += 4;
  }

  writeUint32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.position, value);
    this.position += 4;
  }

  writeInt64(value: number): void {
    assert(Number.isSafeInteger(value), () => `int64 ${value} must be a safe integer`);
    this.reserve(8);
    writeInt64At(this.view, this.position, value);
    this.position += 8;
  }

  writeBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.position);
    this.position += bytes.length;
  }

  writeUnsignedVarint(value: number): void {
    assert(Number.isInteger(value) && value >= 0 && value <= 0xffffffff, "unsigned varint must be a uint32");
    this.reserve(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.buffer[this.position++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.buffer[this.position++] = rest;
  }

  writeVarint(value: number): void {
    assert(Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31, "varint must be an int32");
    this.writeUnsignedVarint(((value << 1) ^ (value >> 31)) >>> 0);
  }

  writeVarlong(value: number): void {
    assert(Number.isSafeInteger(value), () => `varlong ${value} must be a safe integer`);
    // The zig-zag value 2m + sign reaches 2^54, beyond exact doubles, so the first byte is built from
    // the sign bit and the magnitude's low six bits, and the rest of the magnitude is written 7 bits at
    // a time: every intermediate stays an exact integer.
    const sign = value < 0 ? 1 : 0;
    const magnitude = value < 0 ? -value - 1 : value;
    this.reserve(10);
    let rest = Math.floor(magnitude / 64);
    this.buffer[this.position++] = ((magnitude % 64) << 1) | sign | (rest > 0 ? 0x80 : 0);
    while (rest > 0) {
      const next = Math.floor(rest / 128);
      this.buffer[this.position++] = (rest % 128) | (next > 0 ? 0x80 : 0);
      rest = next;
    }
  }

  /** Overwrites an int32 already written at `position` (for length prefixes filled in afterwards). */
  patchInt32(position: number, value: number): void {
    assert(position + 4 <= this.position, "patch must target bytes already written");
    this.view.setInt32(position, value);
  }

  patchUint32(position: number, value: number): void {
    assert(position + 4 <= this.position, "patch must target bytes already written");
    this.view.setUint32(position, value);
  }

  /** The bytes written so far (a view; copy it if the writer is reused). */
  finish(): Uint8Array {
    return this.buffer.subarray(0, this.position);
  }
}

/** Writes a safe integer as a big-endian int64. */
export function writeInt64At(view: DataView, position: number, value: number): void {
  const high = Math.floor(value / 2 ** 32);
  view.setInt32(position, high);
  view.setUint32(position + 4, value - high * 2 ** 32);
}

/** Reads a big-endian int64 as a number (exact within ±2^53). */
export function readInt64At(view: DataView, position: number): number {
  return view.getInt32(position) * 2 ** 32 + view.getUint32(position + 4);
}

/** Bytes a value takes as a zig-zag varint. */
export function varintSize(value: number): number {
  let rest = ((value << 1) ^ (value >> 31)) >>> 0;
  let size = 1;
  while (rest >= 0x80) {
    rest >>>= 7;
    size++;
  }
  return size;
}
