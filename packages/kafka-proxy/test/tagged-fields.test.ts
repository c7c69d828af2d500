/**
 * Known tagged fields against byte layouts written out by hand from KIP-482 (not produced by our own
 * encoder), so a mistake shared by our encoder and decoder cannot hide: section count, ascending tags,
 * each value's size covering exactly its compact encoding, nested struct values with their own tagged
 * section, and unknown tags interleaved in order with known ones.
 */
import { describe, expect, it } from "vitest";
import {
  decodeApiVersionsResponseV3,
  defaultApiVersionsResponse,
  encodeApiVersionsResponseV3,
} from "../src/protocol/generated/api-versions/index.gen.js";
import {
  decodeFetchResponseV12,
  defaultFetchResponse,
  defaultPartitionData,
  encodeFetchResponseV12,
} from "../src/protocol/generated/fetch/index.gen.js";
import { Reader } from "../src/protocol/reader.js";
import { Writer } from "../src/protocol/writer.js";

function hex(write: (writer: Writer) => void): string {
  const writer = new Writer(16);
  write(writer);
  return Buffer.from(writer.finish()).toString("hex");
}

function bytes(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replaceAll(" ", ""), "hex"));
}

describe("ApiVersionsResponse v3 top-level tagged fields", () => {
  // Tags 0-3 are known in v3, so the unknown one is 4.
  const withUnknown = {
    ...defaultApiVersionsResponse(),
    finalizedFeaturesEpoch: 5n,
    zkMigrationReady: true,
    unknownTaggedFields: [{ tag: 4, data: bytes("abcd") }],
  };
  const expected =
    "0000" + // ErrorCode
    "01" + // ApiKeys: empty compact array
    "00000000" + // ThrottleTimeMs
    "03" + // three tagged fields
    "01 08 0000000000000005" + // tag 1 FinalizedFeaturesEpoch, 8 bytes
    "03 01 01" + // tag 3 ZkMigrationReady, 1 byte, true
    "04 02 abcd"; // unknown tag 4, kept as is

  it("encodes known and unknown tags in ascending order", () => {
    expect(hex((writer) => encodeApiVersionsResponseV3(writer, withUnknown))).toBe(
      expected.replaceAll(" ", ""),
    );
  });

  it("decodes them back, defaults filled for absent tags", () => {
    const decoded = decodeApiVersionsResponseV3(new Reader(bytes(expected)));
    expect(decoded).toEqual(withUnknown);
    expect(decoded.supportedFeatures).toEqual([]);
  });

  it("omits tagged fields that hold their default", () => {
    expect(hex((writer) => encodeApiVersionsResponseV3(writer, defaultApiVersionsResponse()))).toBe(
      "00000100000000" + "00",
    );
  });
});

describe("FetchResponse v12 partition with a tagged struct", () => {
  it("CurrentLeader (tag 1) is a struct whose size includes its own tagged section", () => {
    const partition = { ...defaultPartitionData(), currentLeader: { leaderId: 1, leaderEpoch: 2 } };
    const value = {
      ...defaultFetchResponse(),
      responses: [{ topic: "t", topicId: "00000000-0000-0000-0000-000000000000", partitions: [partition] }],
    };
    const expected =
      "00000000" + // ThrottleTimeMs
      "0000" + // ErrorCode
      "00000000" + // SessionId
      "02" + // one topic
      "02 74" + // Topic "t"
      "02" + // one partition
      "00000000" + // PartitionIndex
      "0000" + // ErrorCode
      "0000000000000000" + // HighWatermark
      "ffffffffffffffff" + // LastStableOffset -1
      "ffffffffffffffff" + // LogStartOffset -1
      "01" + // AbortedTransactions: empty (the default; null would be 00)
      "ffffffff" + // PreferredReadReplica -1
      "00" + // Records: null
      "01 01 09 00000001 00000002 00" + // tag 1, size 9: LeaderId, LeaderEpoch, empty tagged section
      "00" + // topic tagged section
      "00"; // response tagged section
    expect(hex((writer) => encodeFetchResponseV12(writer, value))).toBe(expected.replaceAll(" ", ""));
    expect(decodeFetchResponseV12(new Reader(bytes(expected)))).toEqual(value);
  });
});
