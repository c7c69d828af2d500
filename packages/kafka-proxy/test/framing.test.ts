/**
 * Framing: request header versions (v1/v2 by flexibility, ClientId always int16-length), response header
 * versions (ApiVersions always v0), int32-size frame splitting over arbitrary chunking with a size bound,
 * and the error-35 ApiVersions answer for an unsupported ApiVersions version.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advertisedApis, isVersionAdvertised } from "../src/framing/api-table.js";
import { FrameSplitter } from "../src/framing/frame-splitter.js";
import { decodeRequestHeader, encodeResponseHeader, responseHeaderVersion } from "../src/framing/headers.js";
import {
  decodeRequestFrame,
  encodeRequestFrame,
  encodeResponseFrame,
  encodeUnsupportedApiVersionsFrame,
} from "../src/framing/messages.js";
import { apiVersionsApi } from "../src/protocol/generated/api-versions/index.gen.js";
import { ProtocolDecodeError } from "../src/protocol/protocol-error.js";
import { Reader } from "../src/protocol/reader.js";
import { Writer } from "../src/protocol/writer.js";

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

describe("request header", () => {
  it("v1 for a non-flexible version: int16 client id, no tagged fields", () => {
    // Metadata (3) v1, correlation 7, client id "ab".
    const frame = Uint8Array.from([0, 3, 0, 1, 0, 0, 0, 7, 0, 2, 0x61, 0x62]);
    const reader = new Reader(frame);
    expect(decodeRequestHeader(reader)).toEqual({
      requestApiKey: 3,
      requestApiVersion: 1,
      correlationId: 7,
      clientId: "ab",
    });
    expect(reader.remaining).toBe(0);
  });

  it("v2 for a flexible version: still an int16 client id, then a tagged-field section", () => {
    // Metadata v9: client id null (-1), then one unknown tagged field (tag 5, 1 byte 0x2a).
    const frame = Uint8Array.from([0, 3, 0, 9, 0, 0, 0, 7, 0xff, 0xff, 1, 5, 1, 0x2a]);
    const reader = new Reader(frame);
    const header = decodeRequestHeader(reader);
    expect(header.clientId).toBeNull();
    expect(header.unknownTaggedFields).toEqual([{ tag: 5, data: Uint8Array.from([0x2a]) }]);
    expect(reader.remaining).toBe(0);
  });

  it("re-encodes header tagged fields in place", () => {
    const header = { requestApiKey: 18, requestApiVersion: 3, correlationId: 1, clientId: "c" };
    const body = { clientSoftwareName: "x", clientSoftwareVersion: "1", unknownTaggedFields: undefined };
    const frame = encodeRequestFrame(
      { ...header, unknownTaggedFields: [{ tag: 9, data: Uint8Array.from([1]) }] },
      body,
    );
    expect(encodeRequestFrame(decodeRequestFrame(frame).header, body)).toEqual(frame);
  });

  it("rejects trailing bytes after the body", () => {
    const frame = encodeRequestFrame(
      { requestApiKey: 12, requestApiVersion: 0, correlationId: 1, clientId: null },
      {
        groupId: "g",
        generationId: 1,
        memberId: "m",
        groupInstanceId: null,
      },
    );
    const padded = new Uint8Array(frame.length + 1);
    padded.set(frame);
    expect(() => decodeRequestFrame(padded)).toThrow(ProtocolDecodeError);
  });
});

describe("response header", () => {
  it("is v0 for ApiVersions at every version, even flexible ones (KIP-511)", () => {
    for (let version = 0; version <= 4; version++) expect(responseHeaderVersion(18, version)).toBe(0);
  });

  it("is v1 for other flexible versions and v0 otherwise", () => {
    expect(responseHeaderVersion(3, 8)).toBe(0);
    expect(responseHeaderVersion(3, 9)).toBe(1);
    const writer = new Writer();
    encodeResponseHeader(writer, 3, 9, 0x01020304);
    expect(hex(writer.finish())).toBe("0102030400");
  });

  it("a response frame starts with its int32 size", () => {
    const frame = encodeResponseFrame(12, 4, 5, { throttleTimeMs: 0, errorCode: 0 }, (writer, value) => {
      writer.writeInt32(value.throttleTimeMs);
      writer.writeInt16(value.errorCode);
      writer.writeUnsignedVarint(0);
    });
    // size 12 = correlation id (4) + header tags (1) + throttle (4) + error (2) + body tags (1).
    expect(hex(frame)).toBe(`0000000c${"00000005"}00${"00000000"}0000${"00"}`);
  });
});

describe("unsupported ApiVersions version", () => {
  it("the header of a future ApiVersions version still parses (v2, as its flexible range is open)", () => {
    // ApiVersions v9, correlation 77, client id "c", empty header tags, then a body we cannot know.
    const frame = Uint8Array.from([0, 18, 0, 9, 0, 0, 0, 77, 0, 1, 0x63, 0, 0xde, 0xad]);
    const reader = new Reader(frame);
    const header = decodeRequestHeader(reader);
    expect(header.correlationId).toBe(77);
    expect(isVersionAdvertised(header.requestApiKey, header.requestApiVersion)).toBe(false);
    expect(() => decodeRequestFrame(frame)).toThrow(ProtocolDecodeError);
  });

  it("answers with header v0 and a v0 body: error 35 and our ranges", () => {
    const frame = encodeUnsupportedApiVersionsFrame(77);
    const reader = new Reader(frame);
    expect(reader.readInt32()).toBe(frame.length - 4);
    expect(reader.readInt32()).toBe(77);
    const body = apiVersionsApi.response.decode[0]!(reader);
    reader.expectEnd();
    expect(body.errorCode).toBe(35);
    expect(body.apiKeys).toEqual(
      advertisedApis.map((api) => ({
        apiKey: api.apiKey,
        minVersion: api.minVersion,
        maxVersion: api.maxVersion,
      })),
    );
    expect(body.apiKeys.find((api) => api.apiKey === 18)).toEqual({
      apiKey: 18,
      minVersion: 0,
      maxVersion: 4,
    });
  });
});

describe("frame splitter", () => {
  function sized(payload: Uint8Array): Uint8Array {
    const frame = new Uint8Array(4 + payload.length);
    new DataView(frame.buffer).setInt32(0, payload.length);
    frame.set(payload, 4);
    return frame;
  }

  it("returns the same frames however the stream is chunked", () => {
    const property = fc.property(
      fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }),
      fc.array(fc.integer({ min: 1, max: 17 }), { minLength: 1, maxLength: 10 }),
      (payloads, cuts) => {
        const stream = Buffer.concat(payloads.map(sized));
        const splitter = new FrameSplitter(1024);
        const frames: Uint8Array[] = [];
        let position = 0;
        for (let index = 0; position < stream.length; index++) {
          const next = Math.min(stream.length, position + cuts[index % cuts.length]!);
          frames.push(...splitter.push(stream.subarray(position, next)));
          position = next;
        }
        expect(frames.map((frame) => hex(frame))).toEqual(payloads.map((payload) => hex(payload)));
        expect(splitter.pendingBytes).toBe(0);
      },
    );
    fc.assert(property, { numRuns: 300 });
  });

  it("rejects a size above the bound as soon as the prefix arrives", () => {
    const splitter = new FrameSplitter(100);
    expect(() => splitter.push(Uint8Array.from([0, 0, 0, 101]))).toThrow(ProtocolDecodeError);
  });

  it("rejects a negative size", () => {
    const splitter = new FrameSplitter(100);
    try {
      splitter.push(Uint8Array.from([0xff, 0xff, 0xff, 0xff]));
      expect.unreachable();
    } catch (error) {
      expect(ProtocolDecodeError.isInstance(error) && error.failure).toBe("length-out-of-bounds");
    }
  });

  it("waits for the rest of a frame", () => {
    const splitter = new FrameSplitter(100);
    expect(splitter.push(Uint8Array.from([0, 0, 0, 3, 1, 2]))).toEqual([]);
    expect(splitter.push(Uint8Array.from([3, 0, 0]))).toEqual([Uint8Array.from([1, 2, 3])]);
    expect(splitter.pendingBytes).toBe(2);
  });
});
