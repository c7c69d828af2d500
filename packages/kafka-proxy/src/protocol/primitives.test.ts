/**
 * The reader and writer primitives against known Kafka encodings: varints, compact and non-compact
 * strings and bytes, UUIDs, booleans, int64 as bigint, and tagged-field sizes that need more than one
 * varint byte (the writer then moves the value). Also the strictness rules that keep re-encoding
 * byte-identical.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProtocolDecodeError } from "./protocol-error.js";
import { Reader } from "./reader.js";
import { utf8ByteLength, Writer } from "./writer.js";

function written(write: (writer: Writer) => void): string {
  const writer = new Writer(16);
  write(writer);
  return Buffer.from(writer.finish()).toString("hex");
}

function reader(hex: string): Reader {
  return new Reader(Uint8Array.from(Buffer.from(hex, "hex")));
}

describe("unsigned varints", () => {
  it.each([
    [0, "00"],
    [1, "01"],
    [127, "7f"],
    [128, "8001"],
    [300, "ac02"],
    [0xffffffff, "ffffffff0f"],
  ])("%i is %s", (value, hex) => {
    expect(written((writer) => writer.writeUnsignedVarint(value))).toBe(hex);
    expect(reader(hex).readUnsignedVarint()).toBe(value);
  });

  it("round-trips every 32-bit value", () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), (value) => {
        const hex = written((writer) => writer.writeUnsignedVarint(value));
        expect(reader(hex).readUnsignedVarint()).toBe(value);
      }),
    );
  });

  it("rejects non-minimal encodings and values above 32 bits", () => {
    expect(() => reader("8000").readUnsignedVarint()).toThrow(ProtocolDecodeError);
    expect(() => reader("ffffffff1f").readUnsignedVarint()).toThrow(ProtocolDecodeError);
  });
});

describe("strings and bytes", () => {
  it("non-compact string: int16 length; null is -1", () => {
    expect(written((writer) => writer.writeString("hé"))).toBe("000368c3a9");
    expect(written((writer) => writer.writeNullableString(null))).toBe("ffff");
    expect(reader("000368c3a9").readString()).toBe("hé");
    expect(reader("ffff").readNullableString()).toBeNull();
  });

  it("compact string: uvarint length + 1; null is 0", () => {
    expect(written((writer) => writer.writeCompactString("ab"))).toBe("036162");
    expect(written((writer) => writer.writeCompactNullableString(null))).toBe("00");
    expect(reader("00").readCompactNullableString()).toBeNull();
    expect(() => reader("00").readCompactString()).toThrow(ProtocolDecodeError);
  });

  it("round-trips any well-formed Unicode text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 100 }), (text) => {
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text));
        expect(reader(written((writer) => writer.writeCompactString(text))).readCompactString()).toBe(text);
      }),
    );
  });

  it("rejects invalid UTF-8", () => {
    expect(() => reader("0002c328").readString()).toThrow(ProtocolDecodeError);
  });

  it("bytes: int32 length or compact; decoded as a view", () => {
    expect(written((writer) => writer.writeBytes(Uint8Array.from([1, 2])))).toBe("000000020102");
    expect(written((writer) => writer.writeCompactNullableBytes(null))).toBe("00");
    expect(reader("030102").readCompactBytes()).toEqual(Uint8Array.from([1, 2]));
  });
});

describe("fixed-width values", () => {
  it("int64 is a bigint, big-endian", () => {
    expect(written((writer) => writer.writeInt64(-2n))).toBe("fffffffffffffffe");
    expect(reader("7fffffffffffffff").readInt64()).toBe(2n ** 63n - 1n);
  });

  it("booleans must be 0 or 1", () => {
    expect(reader("01").readBoolean()).toBe(true);
    expect(() => reader("02").readBoolean()).toThrow(ProtocolDecodeError);
  });

  it("UUIDs are canonical lowercase strings, most significant bits first", () => {
    const uuid = "0123abcd-4567-89ef-0011-223344556677";
    expect(written((writer) => writer.writeUuid(uuid))).toBe("0123abcd456789ef0011223344556677");
    expect(reader("0123abcd456789ef0011223344556677").readUuid()).toBe(uuid);
    expect(() => written((writer) => writer.writeUuid("not-a-uuid"))).toThrow();
  });
});

describe("tagged fields", () => {
  it("a value of 200 bytes gets a two-byte size and is moved into place", () => {
    const value = new Uint8Array(200).fill(7);
    const hex = written((writer) => {
      const sizePosition = writer.beginTaggedField(3);
      writer.writeRawBytes(value);
      writer.endTaggedField(sizePosition);
    });
    expect(hex).toBe(`03c801${"07".repeat(200)}`);
  });

  it("tags must ascend", () => {
    const input = reader("0201");
    expect(input.readTag(-1)).toBe(2);
    expect(() => input.readTag(2)).toThrow(ProtocolDecodeError);
  });
});
