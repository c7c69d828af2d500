import { arrayLengthMax, stringBytesMax, taggedFieldCountMax } from "./limits.js";
import { ProtocolDecodeError } from "./protocol-error.js";
import type { TaggedField } from "./tagged-field.js";
import { uuidFromBytes } from "./uuid.js";

const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Strings up to this many bytes are decoded by hand when they are pure ASCII, which beats TextDecoder. */
const asciiFastPathBytesMax = 64;

/**
 * A bounds-checked cursor over one frame. Every read checks the remaining bytes first and raises a
 * ProtocolDecodeError instead of reading past the end; every length prefix is checked against both the
 * remaining bytes and an explicit bound before anything is allocated.
 *
 * Bytes and records fields are returned as views into the frame (no copy): keep the frame alive, or copy,
 * if a decoded value outlives it.
 *
 * Decoding is strict where leniency would break byte-identical re-encoding: booleans must be 0 or 1,
 * varints must be minimally encoded, tagged fields must come in ascending tag order.
 */
export class Reader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  /** Invariant: 0 <= position <= bytes.length. */
  position = 0;

  constructor(bytes: Uint8Array) {
    // Normalize Buffers to plain Uint8Arrays so decoded byte fields have one type.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  /** Raises unless every byte was consumed: trailing garbage means we misread the frame. */
  expectEnd(): void {
    if (this.position !== this.bytes.length) {
      throw new ProtocolDecodeError(
        "trailing-bytes",
        `${this.remaining} unexpected bytes after the message`,
        this.position,
      );
    }
  }

  private require(count: number): number {
    const start = this.position;
    if (count > this.bytes.length - start) {
      throw new ProtocolDecodeError("truncated", `needed ${count} bytes, ${this.remaining} left`, start);
    }
    this.position = start + count;
    return start;
  }

  fail(message: string): never {
    throw new ProtocolDecodeError("invalid-value", message, this.position);
  }

  readInt8(): number {
    return this.view.getInt8(this.require(1));
  }

  readInt16(): number {
    return this.view.getInt16(this.require(2));
  }

  readInt32(): number {
    return this.view.getInt32(this.require(4));
  }

  readInt64(): bigint {
    return this.view.getBigInt64(this.require(8));
  }

  readUint16(): number {
    return this.view.getUint16(this.require(2));
  }

  readUint32(): number {
    return this.view.getUint32(this.require(4));
  }

  readFloat64(): number {
    return this.view.getFloat64(this.require(8));
  }

  readBoolean(): boolean {
    const byte = this.bytes[this.require(1)];
    if (byte === 0) return false;
    if (byte === 1) return true;
    return this.fail(`boolean byte must be 0 or 1, got ${byte}`);
  }

  /** An unsigned varint of at most 32 bits (Kafka's ByteUtils.readUnsignedVarint). */
  readUnsignedVarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.bytes[this.require(1)]!;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) {
        if (byte === 0 && shift > 0) this.fail("varint is not minimally encoded");
        if (result > 0xffffffff) this.fail("varint does not fit in 32 bits");
        return result;
      }
    }
    return this.fail("varint is longer than 5 bytes");
  }

  /** The marker before a nullable struct: -1 for null, 1 for present. */
  readStructPresence(): boolean {
    const marker = this.readInt8();
    if (marker === -1) return false;
    if (marker === 1) return true;
    return this.fail(`nullable struct marker must be -1 or 1, got ${marker}`);
  }

  readUuid(): string {
    const start = this.require(16);
    return uuidFromBytes(this.bytes, start);
  }

  /** Checks a decoded length against the remaining bytes and a bound, before anything is allocated. */
  private checkLength(length: number, bytesPerUnit: number, bound: number, what: string): void {
    if (length > bound || length * bytesPerUnit > this.remaining) {
      throw new ProtocolDecodeError(
        "length-out-of-bounds",
        `${what} length ${length} exceeds the bound or the ${this.remaining} bytes left`,
        this.position,
      );
    }
  }

  private readNullableInt16Length(): number {
    const length = this.readInt16();
    if (length < -1) this.fail(`negative length ${length}`);
    return length;
  }

  private readNullableInt32Length(): number {
    const length = this.readInt32();
    if (length < -1) this.fail(`negative length ${length}`);
    return length;
  }

  /** Compact lengths are stored plus one, so that zero can mean null. Returns -1 for null. */
  private readCompactLength(): number {
    return this.readUnsignedVarint() - 1;
  }

  private decodeString(length: number): string {
    this.checkLength(length, 1, stringBytesMax, "string");
    const start = this.require(length);
    const bytes = this.bytes;
    if (length <= asciiFastPathBytesMax) {
      let text = "";
      for (let index = start; index < start + length; index++) {
        const byte = bytes[index]!;
        if (byte >= 0x80) return this.decodeUtf8(start, length);
        text += String.fromCharCode(byte);
      }
      return text;
    }
    return this.decodeUtf8(start, length);
  }

  private decodeUtf8(start: number, length: number): string {
    try {
      return utf8Decoder.decode(this.bytes.subarray(start, start + length));
    } catch {
      throw new ProtocolDecodeError("invalid-value", "string is not valid UTF-8", start);
    }
  }

  readString(): string {
    const length = this.readNullableInt16Length();
    if (length < 0) this.fail("null in a non-nullable string");
    return this.decodeString(length);
  }

  readNullableString(): string | null {
    const length = this.readNullableInt16Length();
    return length < 0 ? null : this.decodeString(length);
  }

  readCompactString(): string {
    const length = this.readCompactLength();
    if (length < 0) this.fail("null in a non-nullable compact string");
    return this.decodeString(length);
  }

  readCompactNullableString(): string | null {
    const length = this.readCompactLength();
    return length < 0 ? null : this.decodeString(length);
  }

  /** Returns a view of the next `length` bytes. */
  readRawBytes(length: number): Uint8Array {
    this.checkLength(length, 1, Number.MAX_SAFE_INTEGER, "bytes");
    const start = this.require(length);
    return this.bytes.subarray(start, start + length);
  }

  readBytes(): Uint8Array {
    const length = this.readNullableInt32Length();
    if (length < 0) this.fail("null in non-nullable bytes");
    return this.readRawBytes(length);
  }

  readNullableBytes(): Uint8Array | null {
    const length = this.readNullableInt32Length();
    return length < 0 ? null : this.readRawBytes(length);
  }

  readCompactBytes(): Uint8Array {
    const length = this.readCompactLength();
    if (length < 0) this.fail("null in non-nullable compact bytes");
    return this.readRawBytes(length);
  }

  readCompactNullableBytes(): Uint8Array | null {
    const length = this.readCompactLength();
    return length < 0 ? null : this.readRawBytes(length);
  }

  /**
   * An int32 array count; -1 is null. `elementBytesMin` (at least 1) is the smallest encoding of one
   * element, so a count that cannot fit in the remaining bytes is rejected before the loop starts.
   */
  readArrayLength(elementBytesMin: number): number {
    const length = this.readInt32();
    if (length < -1) this.fail(`negative array length ${length}`);
    if (length > 0) this.checkLength(length, elementBytesMin, arrayLengthMax, "array");
    return length;
  }

  /** A compact array count (stored plus one); -1 is null. */
  readCompactArrayLength(elementBytesMin: number): number {
    const length = this.readCompactLength();
    if (length > 0) this.checkLength(length, elementBytesMin, arrayLengthMax, "array");
    return length;
  }

  /** Reads a non-nullable array count, raising on null. */
  readArrayLengthNotNull(elementBytesMin: number, compact: boolean): number {
    const length = compact
      ? this.readCompactArrayLength(elementBytesMin)
      : this.readArrayLength(elementBytesMin);
    if (length < 0) this.fail("null in a non-nullable array");
    return length;
  }

  /** The count of a tagged-field section. */
  readTaggedFieldCount(): number {
    const count = this.readUnsignedVarint();
    // Each tagged field takes at least two bytes: its tag and its size.
    this.checkLength(count, 2, taggedFieldCountMax, "tagged field section");
    return count;
  }

  /**
   * Reads one tagged field's tag, requiring ascending order after `previousTag` (-1 for the first).
   * Duplicates or disorder would make re-encoding differ from what the client sent.
   */
  readTag(previousTag: number): number {
    const tag = this.readUnsignedVarint();
    if (tag <= previousTag) this.fail(`tagged field ${tag} after ${previousTag}: tags must ascend`);
    return tag;
  }

  /** Reads a tagged field's size and returns the position where its value must end. */
  readTaggedFieldEnd(): number {
    const size = this.readUnsignedVarint();
    this.checkLength(size, 1, Number.MAX_SAFE_INTEGER, "tagged field");
    return this.position + size;
  }

  /** Raises unless a known tagged field's value ended exactly where its size said. */
  expectTaggedFieldEnd(end: number, tag: number): void {
    if (this.position !== end) this.fail(`tagged field ${tag} did not match its declared size`);
  }

  readUnknownTaggedField(tag: number, end: number): TaggedField {
    return { tag, data: this.readRawBytes(end - this.position) };
  }
}
