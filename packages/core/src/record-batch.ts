import { assert } from "./assert.js";
import { ByteReader, ByteWriter, readInt64At, writeInt64At } from "./binary.js";
import { crc32c } from "./crc32c.js";
import { HelixError } from "./errors.js";
import {
  headersPerRecordMax,
  recordBatchHeaderSizeBytes,
  recordBatchSizeBytesMax,
  recordsPerBatchMax,
} from "./limits/record-batch.js";

/**
 * The Kafka record batch, magic v2 (KIP-98): Helix's storage format. A produced batch is validated,
 * stamped with its base offset and leader epoch, and stored as the client sent it; fetches return the
 * stored bytes. Layout (big-endian), see also ../../../shared/kafka-protocol/README.md:
 *
 *   0 baseOffset int64 | 8 batchLength int32 | 12 partitionLeaderEpoch int32 | 16 magic int8 (2)
 *   17 crc uint32 (CRC32C of bytes 21..end) | 21 attributes int16 | 23 lastOffsetDelta int32
 *   27 baseTimestamp int64 | 35 maxTimestamp int64 | 43 producerId int64 | 51 producerEpoch int16
 *   53 baseSequence int32 | 57 recordsCount int32 | 61 records...
 *
 * baseOffset and partitionLeaderEpoch lie outside the CRC on purpose: the leader rewrites them in place
 * without touching the client's checksum. Helix's own storage frames carry a CRC over the whole batch.
 */

export const batchOffsets = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordsCount: 57,
  records: 61,
} as const;

/** Bytes before (and including) the batchLength field: batchLength counts what follows it. */
export const batchLengthPrefixBytes = 12;

export const compressionCodecs = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export type CompressionCodec = keyof typeof compressionCodecs;
const codecByNumber: readonly CompressionCodec[] = ["none", "gzip", "snappy", "lz4", "zstd"];

const attributeBits = {
  compressionMask: 0x07,
  timestampTypeLogAppend: 0x08,
  transactional: 0x10,
  control: 0x20,
  deleteHorizon: 0x40,
} as const;

export interface RecordHeader {
  readonly key: string;
  readonly value: Uint8Array | null;
}

export interface KafkaRecord {
  readonly timestampDelta: number;
  readonly offsetDelta: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly RecordHeader[];
}

export interface RecordBatchHeader {
  readonly baseOffset: number;
  /** Bytes after the batchLength field; the whole batch is batchLength + 12 bytes. */
  readonly batchLength: number;
  readonly partitionLeaderEpoch: number;
  readonly magic: number;
  readonly crc: number;
  readonly attributes: number;
  readonly lastOffsetDelta: number;
  readonly baseTimestamp: number;
  readonly maxTimestamp: number;
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
  readonly recordsCount: number;
}

export function batchCompression(attributes: number): CompressionCodec {
  const codec = codecByNumber[attributes & attributeBits.compressionMask];
  if (codec === undefined) {
    throw new HelixError(
      "CORRUPT_RECORD",
      `unknown compression codec ${attributes & attributeBits.compressionMask}`,
    );
  }
  return codec;
}

export function isTransactionalBatch(attributes: number): boolean {
  return (attributes & attributeBits.transactional) !== 0;
}

export function isControlBatch(attributes: number): boolean {
  return (attributes & attributeBits.control) !== 0;
}

export function isLogAppendTime(attributes: number): boolean {
  return (attributes & attributeBits.timestampTypeLogAppend) !== 0;
}

/** Total size of a whole batch: its batchLength plus the 12 bytes before the field's end. */
export function batchSize(header: Pick<RecordBatchHeader, "batchLength">): number {
  return header.batchLength + batchLengthPrefixBytes;
}

/** The offset after the batch's last record. */
export function batchNextOffset(header: Pick<RecordBatchHeader, "baseOffset" | "lastOffsetDelta">): number {
  return header.baseOffset + header.lastOffsetDelta + 1;
}

export interface EncodeRecordBatchInput {
  readonly baseOffset: number;
  readonly partitionLeaderEpoch?: number;
  readonly baseTimestamp: number;
  /** Defaults to the largest record timestamp. */
  readonly maxTimestamp?: number;
  readonly producerId?: number;
  readonly producerEpoch?: number;
  readonly baseSequence?: number;
  readonly transactional?: boolean;
  readonly control?: boolean;
  readonly logAppendTime?: boolean;
  readonly records: readonly KafkaRecord[];
  readonly compression?: CompressionCodec;
  /** Required for any codec but "none": compresses the concatenated records. */
  readonly compress?: (codec: CompressionCodec, records: Uint8Array) => Uint8Array;
}

/** Encodes a v2 record batch with a correct CRC32C. */
export function encodeRecordBatch(input: EncodeRecordBatchInput): Uint8Array {
  const records = input.records;
  assert(
    records.length > 0 && records.length <= recordsPerBatchMax,
    "a batch holds 1..recordsPerBatchMax records",
  );
  const codec = input.compression ?? "none";
  const recordBytes = encodeRecords(records);
  const body = codec === "none" ? recordBytes : compressWith(input, codec, recordBytes);
  const writer = new ByteWriter(recordBatchHeaderSizeBytes + body.length);
  const maxTimestamp =
    input.maxTimestamp ?? Math.max(...records.map((r) => input.baseTimestamp + r.timestampDelta));
  writer.writeInt64(input.baseOffset);
  writer.writeInt32(0); // batchLength, patched below
  writer.writeInt32(input.partitionLeaderEpoch ?? -1);
  writer.writeInt8(2);
  writer.writeUint32(0); // crc, patched below
  writer.writeInt16(encodeAttributes(input, codec));
  writer.writeInt32((records[records.length - 1] as KafkaRecord).offsetDelta);
  writer.writeInt64(input.baseTimestamp);
  writer.writeInt64(maxTimestamp);
  writer.writeInt64(input.producerId ?? -1);
  writer.writeInt16(input.producerEpoch ?? -1);
  writer.writeInt32(input.baseSequence ?? -1);
  writer.writeInt32(records.length);
  writer.writeBytes(body);
  const bytes = writer.finish();
  writer.patchInt32(batchOffsets.batchLength, bytes.length - batchLengthPrefixBytes);
  writer.patchUint32(batchOffsets.crc, crc32c(bytes, 0, batchOffsets.attributes));
  return bytes.slice();
}

function compressWith(
  input: EncodeRecordBatchInput,
  codec: CompressionCodec,
  records: Uint8Array,
): Uint8Array {
  assert(input.compress !== undefined, () => `encoding a ${codec} batch needs a compress function`);
  return input.compress(codec, records);
}

function encodeAttributes(input: EncodeRecordBatchInput, codec: CompressionCodec): number {
  let attributes = compressionCodecs[codec];
  if (input.logAppendTime) attributes |= attributeBits.timestampTypeLogAppend;
  if (input.transactional) attributes |= attributeBits.transactional;
  if (input.control) attributes |= attributeBits.control;
  return attributes;
}

/** Encodes records back to back, as they appear after byte 61 of an uncompressed batch. */
export function encodeRecords(records: readonly KafkaRecord[]): Uint8Array {
  const writer = new ByteWriter(64 * records.length);
  const scratch = new ByteWriter(64);
  for (const record of records) {
    scratch.position = 0;
    scratch.writeInt8(0);
    scratch.writeVarlong(record.timestampDelta);
    scratch.writeVarint(record.offsetDelta);
    writeNullableBytes(scratch, record.key);
    writeNullableBytes(scratch, record.value);
    scratch.writeVarint(record.headers.length);
    for (const header of record.headers) {
      const key = Buffer.from(header.key, "utf8");
      scratch.writeVarint(key.length);
      scratch.writeBytes(key);
      writeNullableBytes(scratch, header.value);
    }
    const body = scratch.finish();
    writer.writeVarint(body.length);
    writer.writeBytes(body);
  }
  return writer.finish();
}

function writeNullableBytes(writer: ByteWriter, value: Uint8Array | null): void {
  if (value === null) {
    writer.writeVarint(-1);
  } else {
    writer.writeVarint(value.length);
    writer.writeBytes(value);
  }
}

/**
 * Reads the fixed header of the batch starting at `start`, checking only what is needed to find the
 * batch's end (magic and length). Use validateRecordBatch before trusting anything else.
 */
export function readRecordBatchHeader(bytes: Uint8Array, start = 0): RecordBatchHeader {
  const reader = new ByteReader(bytes, start);
  reader.need(recordBatchHeaderSizeBytes, "record batch header");
  const view = reader.view;
  const at = (field: number) => start + field;
  const magic = view.getInt8(at(batchOffsets.magic));
  if (magic !== 2) throw new HelixError("CORRUPT_RECORD", `record batch magic must be 2, got ${magic}`);
  const batchLength = view.getInt32(at(batchOffsets.batchLength));
  const header: RecordBatchHeader = {
    baseOffset: readSafeInt64(view, at(batchOffsets.baseOffset), "baseOffset"),
    batchLength,
    partitionLeaderEpoch: view.getInt32(at(batchOffsets.partitionLeaderEpoch)),
    magic,
    crc: view.getUint32(at(batchOffsets.crc)),
    attributes: view.getInt16(at(batchOffsets.attributes)),
    lastOffsetDelta: view.getInt32(at(batchOffsets.lastOffsetDelta)),
    baseTimestamp: readSafeInt64(view, at(batchOffsets.baseTimestamp), "baseTimestamp"),
    maxTimestamp: readSafeInt64(view, at(batchOffsets.maxTimestamp), "maxTimestamp"),
    producerId: readSafeInt64(view, at(batchOffsets.producerId), "producerId"),
    producerEpoch: view.getInt16(at(batchOffsets.producerEpoch)),
    baseSequence: view.getInt32(at(batchOffsets.baseSequence)),
    recordsCount: view.getInt32(at(batchOffsets.recordsCount)),
  };
  const size = batchLength + batchLengthPrefixBytes;
  if (batchLength < recordBatchHeaderSizeBytes - batchLengthPrefixBytes || size > recordBatchSizeBytesMax) {
    throw new HelixError(
      "CORRUPT_RECORD",
      `record batch length ${batchLength} is outside [49, ${recordBatchSizeBytesMax - 12}]`,
    );
  }
  return header;
}

function readSafeInt64(view: DataView, position: number, field: string): number {
  const value = readInt64At(view, position);
  if (!Number.isSafeInteger(value)) {
    throw new HelixError(
      "CORRUPT_RECORD",
      `record batch ${field} ${value} is outside the supported range ±2^53`,
    );
  }
  return value;
}

/**
 * Fully validates one batch occupying exactly `bytes[start, start + size)`: magic, length, CRC32C,
 * counts, and, for uncompressed batches, that every record parses and offset deltas are 0..n-1 in order
 * (what a producer must send: Kafka's LogValidator). Throws CORRUPT_RECORD or INVALID_RECORD.
 */
export function validateRecordBatch(bytes: Uint8Array, start = 0): RecordBatchHeader {
  const header = readRecordBatchHeader(bytes, start);
  const end = start + batchSize(header);
  if (end > bytes.length) {
    throw new HelixError(
      "CORRUPT_RECORD",
      `record batch of ${batchSize(header)} bytes is truncated to ${bytes.length - start}`,
    );
  }
  const computed = crc32c(bytes, 0, start + batchOffsets.attributes, end);
  if (computed !== header.crc) {
    throw new HelixError(
      "CORRUPT_RECORD",
      `record batch CRC32C mismatch: stored ${hex(header.crc)}, computed ${hex(computed)}`,
    );
  }
  if (header.recordsCount < 0 || header.recordsCount > recordsPerBatchMax) {
    throw new HelixError("CORRUPT_RECORD", `record batch claims ${header.recordsCount} records`);
  }
  batchCompression(header.attributes);
  if (header.recordsCount > 0 && header.lastOffsetDelta !== header.recordsCount - 1) {
    throw new HelixError(
      "INVALID_RECORD",
      `lastOffsetDelta ${header.lastOffsetDelta} does not match ${header.recordsCount} records`,
    );
  }
  if (batchCompression(header.attributes) === "none") {
    const records = decodeRecordsFrom(bytes, start + batchOffsets.records, end, header.recordsCount);
    records.forEach((record, index) => {
      if (record.offsetDelta !== index) {
        throw new HelixError(
          "INVALID_RECORD",
          `record ${index} has offsetDelta ${record.offsetDelta}; expected ${index}`,
        );
      }
    });
  }
  return header;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, "0")}`;
}

/**
 * Decodes the records of a batch. Compressed batches need `decompress` (codec, compressed bytes) →
 * the concatenated records.
 */
export function decodeRecords(
  bytes: Uint8Array,
  start = 0,
  decompress?: (codec: CompressionCodec, data: Uint8Array) => Uint8Array,
): KafkaRecord[] {
  const header = readRecordBatchHeader(bytes, start);
  const end = start + batchSize(header);
  if (end > bytes.length) throw new HelixError("CORRUPT_RECORD", "record batch is truncated");
  const codec = batchCompression(header.attributes);
  if (codec === "none")
    return decodeRecordsFrom(bytes, start + batchOffsets.records, end, header.recordsCount);
  if (decompress === undefined) {
    throw new HelixError("INVALID_ARGUMENT", `decoding a ${codec} batch needs a decompress function`);
  }
  const inflated = decompress(codec, bytes.subarray(start + batchOffsets.records, end));
  return decodeRecordsFrom(inflated, 0, inflated.length, header.recordsCount);
}

function decodeRecordsFrom(bytes: Uint8Array, start: number, end: number, count: number): KafkaRecord[] {
  if (count < 0 || count > recordsPerBatchMax)
    throw new HelixError("CORRUPT_RECORD", `record batch claims ${count} records`);
  const reader = new ByteReader(bytes, start, end);
  const records: KafkaRecord[] = [];
  for (let i = 0; i < count; i++) records.push(decodeRecord(reader));
  if (reader.remaining() !== 0) reader.fail(`${reader.remaining()} bytes after the last of ${count} records`);
  return records;
}

function decodeRecord(reader: ByteReader): KafkaRecord {
  const length = reader.readVarint();
  if (length < 0) reader.fail(`negative record length ${length}`);
  reader.need(length, "record");
  const recordEnd = reader.position + length;
  const body = new ByteReader(reader.bytes, reader.position, recordEnd);
  body.readInt8(); // attributes: unused in v2
  const timestampDelta = body.readVarlong();
  const offsetDelta = body.readVarint();
  const key = readNullableBytes(body);
  const value = readNullableBytes(body);
  const headerCount = body.readVarint();
  if (headerCount < 0 || headerCount > headersPerRecordMax) body.fail(`invalid header count ${headerCount}`);
  const headers: RecordHeader[] = [];
  for (let i = 0; i < headerCount; i++) {
    const keyLength = body.readVarint();
    if (keyLength < 0) body.fail("header keys may not be null");
    const headerKey = Buffer.from(body.readBytes(keyLength)).toString("utf8");
    headers.push({ key: headerKey, value: readNullableBytes(body) });
  }
  if (body.remaining() !== 0) body.fail(`record has ${body.remaining()} bytes past its fields`);
  reader.position = recordEnd;
  return { timestampDelta, offsetDelta, key, value, headers };
}

function readNullableBytes(reader: ByteReader): Uint8Array | null {
  const length = reader.readVarint();
  if (length === -1) return null;
  if (length < -1) reader.fail(`invalid length ${length}`);
  return reader.readBytes(length);
}

/** Rewrites the base offset in place. Outside the CRC, so the client's checksum stays valid. */
export function setBaseOffset(batch: Uint8Array, baseOffset: number, start = 0): void {
  assert(
    Number.isSafeInteger(baseOffset) && baseOffset >= 0,
    "base offset must be a non-negative safe integer",
  );
  writeInt64At(
    new DataView(batch.buffer, batch.byteOffset, batch.byteLength),
    start + batchOffsets.baseOffset,
    baseOffset,
  );
}

/** Rewrites the partition leader epoch (the Raft term) in place. Outside the CRC. */
export function setPartitionLeaderEpoch(batch: Uint8Array, epoch: number, start = 0): void {
  assert(Number.isInteger(epoch) && epoch >= -1 && epoch < 2 ** 31, "leader epoch must be an int32");
  new DataView(batch.buffer, batch.byteOffset, batch.byteLength).setInt32(
    start + batchOffsets.partitionLeaderEpoch,
    epoch,
  );
}

export interface BatchSpan {
  readonly start: number;
  readonly header: RecordBatchHeader;
}

/**
 * Splits a Kafka `records` field (batches back to back) into spans, validating each batch. A produce
 * request must hold only whole batches: a partial batch at the end is an error.
 */
export function splitRecordBatches(bytes: Uint8Array): BatchSpan[] {
  const spans: BatchSpan[] = [];
  let position = 0;
  // Each iteration consumes at least the 61-byte header, so the loop ends within bytes.length / 61 rounds.
  while (position < bytes.length) {
    const header = validateRecordBatch(bytes, position);
    spans.push({ start: position, header });
    position += batchSize(header);
  }
  return spans;
}
