/**
 * The byte reader and writer: every primitive round-trips, varints use Kafka's zig-zag encoding, and
 * reads past the end or over-long varints raise a typed HelixError instead of reading garbage.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteReader, ByteWriter, varintSize } from "./binary.js";
import { HelixError } from "./errors.js";

describe("ByteWriter and ByteReader", () => {
  it("round-trip every primitive", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -128, max: 127 }),
        fc.integer({ min: -32768, max: 32767 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.maxSafeInteger(),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.maxSafeInteger(),
        fc.uint8Array({ maxLength: 40 }),
        (i8, i16, i32, i64, varint, varlong, raw) => {
          const writer = new ByteWriter(1);
          writer.writeInt8(i8);
          writer.writeInt16(i16);
          writer.writeInt32(i32);
          writer.writeInt64(i64);
          writer.writeVarint(varint);
          writer.writeVarlong(varlong);
          writer.writeVarlong(-varlong);
          writer.writeBytes(raw);
          const reader = new ByteReader(writer.finish());
          expect(reader.readInt8()).toBe(i8);
          expect(reader.readInt16()).toBe(i16);
          expect(reader.readInt32()).toBe(i32);
          expect(reader.readInt64()).toBe(i64);
          expect(reader.readVarint()).toBe(varint);
          expect(reader.readVarlong()).toBe(varlong);
          expect(reader.readVarlong()).toBe(-varlong === 0 ? 0 : -varlong);
          expect(reader.readBytes(raw.length)).toEqual(raw);
          expect(reader.remaining()).toBe(0);
        },
      ),
    );
  });

  it("encodes varints with zig-zag as Kafka does", () => {
    const encode = (value: number) => {
      const writer = new ByteWriter();
      writer.writeVarint(value);
      return [...writer.finish()];
    };
    expect(encode(0)).toEqual([0x00]);
    expect(encode(-1)).toEqual([0x01]);
    expect(encode(1)).toEqual([0x02]);
    expect(encode(63)).toEqual([0x7e]);
    expect(encode(-64)).toEqual([0x7f]);
    expect(encode(64)).toEqual([0x80, 0x01]);
    expect(encode(2 ** 31 - 1)).toEqual([0xfe, 0xff, 0xff, 0xff, 0x0f]);
    expect(encode(-(2 ** 31))).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    for (const value of [0, -1, 63, 64, -65, 8191, 2 ** 31 - 1])
      expect(varintSize(value)).toBe(encode(value).length);
  });

  it("encodes varlongs exactly like a 64-bit zig-zag reference in BigInt", () => {
    const reference = (value: number): number[] => {
      let zigZag = BigInt.asUintN(64, (BigInt(value) << 1n) ^ (BigInt(value) >> 63n));
      const out: number[] = [];
      while (zigZag >= 0x80n) {
        out.push(Number(zigZag & 0x7fn) | 0x80);
        zigZag >>= 7n;
      }
      out.push(Number(zigZag));
      return out;
    };
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -300, max: 300 })), (value) => {
        const writer = new ByteWriter();
        writer.writeVarlong(value);
        expect([...writer.finish()]).toEqual(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects reads past the end with a typed error", () => {
    const reader = new ByteReader(new Uint8Array([1, 2, 3]));
    expect(() => reader.readInt32()).toThrowError(HelixError);
    expect(() => new ByteReader(new Uint8Array([0x80, 0x80])).readVarint()).toThrowError(/truncated/);
  });

  it("rejects over-long varints", () => {
    expect(() => new ByteReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x1f])).readVarint()).toThrowError(
      /32 bits/,
    );
    const elevenBytes = new Uint8Array(11).fill(0x80);
    expect(() => new ByteReader(elevenBytes).readVarlong()).toThrowError(/10 bytes/);
  });

  it("rejects int64 values beyond the safe range", () => {
    const bytes = new Uint8Array([0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(() => new ByteReader(bytes).readInt64()).toThrowError(/supported range/);
  });
});
