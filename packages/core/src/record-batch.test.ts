/**
 * The Kafka record batch v2 codec, our storage format:
 *   - decode(encode(x)) = x for arbitrary records, headers, null keys/values and timestamps;
 *   - a batch encoded by KafkaJS (a real client) validates and decodes, and we encode the same bytes;
 *   - any single flipped bit in the CRC-covered region, the length or the magic is detected;
 *   - offsets and leader epochs are rewritten in place without breaking the client's CRC;
 *   - malformed input (truncation, bad counts, bad offset deltas) raises typed errors, never crashes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HelixError } from "./errors.js";
import {
  batchCompression,
  batchNextOffset,
  decodeRecords,
  encodeRecordBatch,
  type KafkaRecord,
  readRecordBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  splitRecordBatches,
  validateRecordBatch,
} from "./record-batch.js";

const nullableBytes = fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null });
const recordFields = fc.record({
  timestampDelta: fc.integer({ min: 0, max: 1_000_000 }),
  key: nullableBytes,
  value: nullableBytes,
  headers: fc.array(fc.record({ key: fc.string({ maxLength: 10 }), value: nullableBytes }), { maxLength: 3 }),
});
const batchInput = fc.record({
  baseOffset: fc.integer({ min: 0, max: 2 ** 50 }),
  partitionLeaderEpoch: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
  baseTimestamp: fc.integer({ min: 0, max: 2 ** 45 }),
  producerId: fc.integer({ min: -1, max: 2 ** 40 }),
  producerEpoch: fc.integer({ min: -1, max: 32767 }),
  baseSequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
  records: fc.array(recordFields, { minLength: 1, maxLength: 8 }),
});

function withOffsets(records: readonly Omit<KafkaRecord, "offsetDelta">[]): KafkaRecord[] {
  return records.map((record, index) => ({ ...record, offsetDelta: index }));
}

describe("record batch v2", () => {
  it("round-trips: decode(encode(x)) = x", () => {
    fc.assert(
      fc.property(batchInput, (input) => {
        const records = withOffsets(input.records);
        const bytes = encodeRecordBatch({ ...input, records });
        const header = validateRecordBatch(bytes);
        expect(header).toMatchObject({
          baseOffset: input.baseOffset,
          partitionLeaderEpoch: input.partitionLeaderEpoch,
          magic: 2,
          baseTimestamp: input.baseTimestamp,
          producerId: input.producerId,
          producerEpoch: input.producerEpoch,
          baseSequence: input.baseSequence,
          recordsCount: records.length,
          lastOffsetDelta: records.length - 1,
        });
        expect(header.maxTimestamp).toBe(
          input.baseTimestamp + Math.max(...records.map((r) => r.timestampDelta)),
        );
        expect(batchNextOffset(header)).toBe(input.baseOffset + records.length);
        const decoded = decodeRecords(bytes).map((r) => ({
          ...r,
          key: copy(r.key),
          value: copy(r.value),
          headers: r.headers.map((h) => ({ key: h.key, value: copy(h.value) })),
        }));
        expect(decoded).toEqual(
          records.map((r) => ({
            ...r,
            key: copy(r.key),
            value: copy(r.value),
            headers: r.headers.map((h) => ({ key: h.key, value: copy(h.value) })),
          })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("detects every single flipped bit in the length, magic, CRC and CRC-covered bytes", () => {
    fc.assert(
      fc.property(batchInput, fc.nat(), (input, choice) => {
        const bytes = encodeRecordBatch({ ...input, records: withOffsets(input.records) });
        // Bytes 0-7 (baseOffset) and 12-15 (partitionLeaderEpoch) lie outside Kafka's CRC by design:
        // leaders rewrite them. Everything else must be protected.
        const protectedBits: number[] = [];
        for (let bit = 0; bit < bytes.length * 8; bit++) {
          const byte = bit >> 3;
          if (byte >= 8 && !(byte >= 12 && byte < 16)) protectedBits.push(bit);
        }
        const bit = protectedBits[choice % protectedBits.length] as number;
        const corrupted = bytes.slice();
        corrupted[bit >> 3] = (corrupted[bit >> 3] as number) ^ (1 << (bit & 7));
        expect(() => validateRecordBatch(corrupted)).toThrowError(HelixError);
      }),
      { numRuns: 2000 },
    );
  });

  it("detects a flip at every bit position of one batch", () => {
    const bytes = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1_700_000_000_000,
      records: withOffsets([
        {
          timestampDelta: 0,
          key: new Uint8Array([1, 2]),
          value: new Uint8Array([3]),
          headers: [{ key: "h", value: null }],
        },
        { timestampDelta: 5, key: null, value: new Uint8Array(20), headers: [] },
      ]),
    });
    for (let bit = 8 * 8; bit < bytes.length * 8; bit++) {
      if (bit >= 12 * 8 && bit < 16 * 8) continue;
      const corrupted = bytes.slice();
      corrupted[bit >> 3] = (corrupted[bit >> 3] as number) ^ (1 << (bit & 7));
      expect(() => validateRecordBatch(corrupted), `bit ${bit}`).toThrowError(HelixError);
    }
  });

  it("rewrites base offset and leader epoch in place, keeping the CRC valid", () => {
    const bytes = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1,
      records: withOffsets([{ timestampDelta: 0, key: null, value: null, headers: [] }]),
    });
    setBaseOffset(bytes, 2 ** 40 + 7);
    setPartitionLeaderEpoch(bytes, 42);
    const header = validateRecordBatch(bytes);
    expect(header.baseOffset).toBe(2 ** 40 + 7);
    expect(header.partitionLeaderEpoch).toBe(42);
  });

  it("accepts a batch encoded by KafkaJS and encodes the same bytes", () => {
    // Produced by KafkaJS 2.2.4 (RecordBatch v2, no compression) for records
    // {key "k1", value "v1", header a=b} at timestamp 1700000000000 and {key null, value "v2"} at +1 ms.
    const kafkajs = Buffer.from(KAFKAJS_BATCH_HEX, "hex");
    const header = validateRecordBatch(kafkajs);
    expect(header.recordsCount).toBe(2);
    const records = decodeRecords(kafkajs);
    expect(Buffer.from(records[0]?.key ?? []).toString()).toBe("k1");
    expect(records[0]?.headers[0]?.key).toBe("a");
    expect(records[1]?.key).toBeNull();
    const ours = encodeRecordBatch({
      baseOffset: header.baseOffset,
      partitionLeaderEpoch: header.partitionLeaderEpoch,
      baseTimestamp: header.baseTimestamp,
      maxTimestamp: header.maxTimestamp,
      producerId: header.producerId,
      producerEpoch: header.producerEpoch,
      baseSequence: header.baseSequence,
      records,
    });
    expect(Buffer.from(ours).toString("hex")).toBe(KAFKAJS_BATCH_HEX);
  });

  it("splits back-to-back batches and rejects a trailing partial batch", () => {
    const one = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1,
      records: withOffsets([{ timestampDelta: 0, key: null, value: new Uint8Array([1]), headers: [] }]),
    });
    const two = encodeRecordBatch({
      baseOffset: 1,
      baseTimestamp: 1,
      records: withOffsets([{ timestampDelta: 0, key: null, value: new Uint8Array([2]), headers: [] }]),
    });
    const joined = Buffer.concat([one, two]);
    expect(splitRecordBatches(joined).map((span) => span.start)).toEqual([0, one.length]);
    expect(() => splitRecordBatches(joined.subarray(0, joined.length - 1))).toThrowError(/truncated/);
  });

  it("rejects truncation at every length with a typed error", () => {
    const bytes = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1,
      records: withOffsets([
        {
          timestampDelta: 0,
          key: new Uint8Array(3),
          value: new Uint8Array(9),
          headers: [{ key: "x", value: new Uint8Array(2) }],
        },
      ]),
    });
    for (let length = 0; length < bytes.length; length++) {
      expect(() => validateRecordBatch(bytes.subarray(0, length)), `length ${length}`).toThrowError(
        HelixError,
      );
    }
  });

  it("rejects non-consecutive offset deltas and unknown codecs as typed errors", () => {
    const gap = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1,
      records: [
        { timestampDelta: 0, offsetDelta: 0, key: null, value: null, headers: [] },
        { timestampDelta: 0, offsetDelta: 1, key: null, value: null, headers: [] },
      ].map((r, i) => ({ ...r, offsetDelta: i === 1 ? 5 : 0 })),
    });
    expect(() => validateRecordBatch(gap)).toThrowError(/lastOffsetDelta|offsetDelta/);
    expect(() => batchCompression(7)).toThrowError(/unknown compression/);
    expect(readRecordBatchHeader(gap).magic).toBe(2);
  });

  it("never throws anything but HelixError on random garbage", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (garbage) => {
        try {
          validateRecordBatch(garbage);
        } catch (error) {
          expect(HelixError.isInstance(error)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

function copy(bytes: Uint8Array | null): number[] | null {
  return bytes === null ? null : [...bytes];
}

const KAFKAJS_BATCH_HEX =
  "000000000000000000000049000000000237f1ba940000000000010000018bcfe568000000018bcfe56801ffffffffffffffff000000000000000000021c000000046b310476310202610262100002020104763200";
