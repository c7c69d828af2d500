/**
 * Malformed input never escapes as anything but ProtocolDecodeError: every truncation of real client
 * frames, random byte mutations, random garbage, and absurd length prefixes are rejected with the typed
 * error (or, for a mutation that still parses, decoded without crashing), and decoding always finishes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeRequestFrame } from "../src/framing/messages.js";
import { ProtocolDecodeError } from "../src/protocol/protocol-error.js";
import { Reader } from "../src/protocol/reader.js";
import { loadFixtures } from "./support/fixtures.js";

const fixtures = loadFixtures();

/** Decodes and reports the outcome; any exception other than ProtocolDecodeError fails the test. */
function outcome(frame: Uint8Array): "decoded" | "rejected" {
  try {
    decodeRequestFrame(frame);
    return "decoded";
  } catch (error) {
    if (ProtocolDecodeError.isInstance(error)) return "rejected";
    throw error;
  }
}

describe("truncated frames", () => {
  it.each(fixtures.map((entry) => [entry.name, entry.frame] as const))(
    "%s: every prefix is rejected",
    (_, frame) => {
      for (let length = 0; length < frame.length; length++) {
        expect(outcome(frame.subarray(0, length)), `prefix of ${length} bytes`).toBe("rejected");
      }
    },
  );
});

describe("mutated frames", () => {
  it("random byte mutations of every fixture decode or raise ProtocolDecodeError", () => {
    const frames = fixtures.map((entry) => entry.frame);
    const mutation = fc.record({
      frameIndex: fc.nat({ max: frames.length - 1 }),
      edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(mutation, ({ frameIndex, edits }) => {
        const frame = frames[frameIndex]!.slice();
        for (const [position, byte] of edits) frame[position % frame.length] = byte;
        outcome(frame);
      }),
      { numRuns: 3000 },
    );
  });

  it("random garbage after a valid header prefix decodes or raises ProtocolDecodeError", () => {
    const headers = fixtures.map((entry) => entry.frame.subarray(0, 8));
    fc.assert(
      fc.property(fc.nat({ max: headers.length - 1 }), fc.uint8Array({ maxLength: 64 }), (index, garbage) => {
        const frame = new Uint8Array(8 + garbage.length);
        frame.set(headers[index]!);
        frame.set(garbage, 8);
        outcome(frame);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("absurd lengths are rejected before allocation", () => {
  function rejection(bytes: number[], read: (reader: Reader) => unknown): string {
    try {
      read(new Reader(Uint8Array.from(bytes)));
    } catch (error) {
      if (ProtocolDecodeError.isInstance(error)) return error.failure;
      throw error;
    }
    return "accepted";
  }

  it("an int32 array count of 2^31-1 in a 4-byte message", () => {
    expect(rejection([0x7f, 0xff, 0xff, 0xff], (reader) => reader.readArrayLength(1))).toBe(
      "length-out-of-bounds",
    );
  });

  it("a compact array count near 2^32", () => {
    expect(rejection([0xff, 0xff, 0xff, 0xff, 0x0f], (reader) => reader.readCompactArrayLength(1))).toBe(
      "length-out-of-bounds",
    );
  });

  it("an array whose elements cannot fit in the remaining bytes", () => {
    expect(rejection([0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8], (reader) => reader.readArrayLength(4))).toBe(
      "length-out-of-bounds",
    );
  });

  it("a string longer than the frame", () => {
    expect(rejection([0x7f, 0xff, 0x41], (reader) => reader.readString())).toBe("length-out-of-bounds");
  });

  it("bytes of -2", () => {
    expect(rejection([0xff, 0xff, 0xff, 0xfe], (reader) => reader.readNullableBytes())).toBe("invalid-value");
  });

  it("a varint longer than five bytes", () => {
    expect(rejection([0x80, 0x80, 0x80, 0x80, 0x80, 0x01], (reader) => reader.readUnsignedVarint())).toBe(
      "invalid-value",
    );
  });

  it("a tagged-field count larger than the remaining bytes allow", () => {
    expect(rejection([0x7f, 0x00], (reader) => reader.readTaggedFieldCount())).toBe("length-out-of-bounds");
  });

  it("an unknown api key", () => {
    expect(
      rejection([0x7f, 0x00, 0, 0, 0, 0, 0, 1, 0xff, 0xff], (reader) =>
        decodeRequestFrame(reader.readRawBytes(10)),
      ),
    ).toBe("unsupported-api");
  });
});
