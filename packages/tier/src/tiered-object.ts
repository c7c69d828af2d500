import {
  assert,
  ByteReader,
  ByteWriter,
  batchNextOffset,
  batchSize,
  crc32c,
  HelixError,
  limits,
  type Offset,
  offset,
  validateRecordBatch,
} from "@helixlog/core";

/**
 * The format of a tiered object: one sealed segment's record batches, then a sparse offset index, then
 * a fixed 48-byte footer. Everything a reader needs is in the one object, so a single put publishes
 * data and index together and a single head() verifies both.
 *
 *   [record batches: dataSizeBytes]
 *   [index: indexEntryCount × (offsetDelta uint32, position uint32)], one entry at the first batch and
 *        then at the first batch starting at least `indexIntervalBytes` after the previous entry
 *   [footer: magic "HTOB" uint32 | version uint16 | reserved uint16 | baseOffset int64 | endOffset int64 |
 *            maxTimestampMs int64 | dataSizeBytes uint32 | indexEntryCount uint32 | index CRC32C uint32 |
 *            footer CRC32C uint32 (over the 44 bytes before it)]
 *
 * Index positions are batch starts, so the bytes between two consecutive positions are whole batches: a
 * ranged get of such a block never splits a batch. Ranged reads cannot check the whole-object CRC32C;
 * each batch's own CRC32C is verified instead.
 */
export const tieredObjectFooterBytes = 48;
const footerMagic = 0x48544f42; // "HTOB"
const formatVersion = 1;
const indexEntryBytes = 8;

export interface TieredObjectFooter {
  readonly baseOffset: Offset;
  readonly endOffset: Offset;
  readonly maxTimestampMs: number;
  readonly dataSizeBytes: number;
  readonly indexEntryCount: number;
  readonly indexCrc32c: number;
}

export interface IndexEntry {
  readonly offset: Offset;
  readonly position: number;
}

export interface TieredObject {
  readonly bytes: Uint8Array;
  readonly crc32c: number;
  readonly footer: TieredObjectFooter;
}

/** Builds the object for a segment, validating every batch and that offsets are contiguous. */
export function encodeTieredObject(
  segment: Uint8Array,
  indexIntervalBytes: number = limits.tierIndexIntervalBytesDefault,
): TieredObject {
  assert(indexIntervalBytes >= limits.tierIndexIntervalBytesMin, "index interval below its minimum");
  if (segment.length === 0) throw new HelixError("CORRUPT_DATA", "cannot tier an empty segment");
  const index: IndexEntry[] = [];
  let position = 0;
  let expectedOffset: number | undefined;
  let maxTimestampMs = -1;
  let lastIndexedPosition = Number.NEGATIVE_INFINITY;
  // Each iteration consumes at least one batch header, so the loop ends within segment.length / 61 rounds.
  while (position < segment.length) {
    const header = asCorruptData(
      () => validateRecordBatch(segment, position),
      `segment batch at ${position}`,
    );
    if (expectedOffset !== undefined && header.baseOffset !== expectedOffset) {
      throw new HelixError(
        "CORRUPT_DATA",
        `segment batch at ${position} starts at offset ${header.baseOffset}, expected ${expectedOffset}`,
      );
    }
    if (position - lastIndexedPosition >= indexIntervalBytes) {
      index.push({ offset: offset(header.baseOffset), position });
      lastIndexedPosition = position;
    }
    expectedOffset = batchNextOffset(header);
    maxTimestampMs = Math.max(maxTimestampMs, header.maxTimestamp);
    position += batchSize(header);
  }
  const first = index[0] as IndexEntry;
  const footer: TieredObjectFooter = {
    baseOffset: first.offset,
    endOffset: offset(expectedOffset as number),
    maxTimestampMs,
    dataSizeBytes: segment.length,
    indexEntryCount: index.length,
    indexCrc32c: 0,
  };
  const writer = new ByteWriter(segment.length + index.length * indexEntryBytes + tieredObjectFooterBytes);
  writer.writeBytes(segment);
  const indexStart = writer.position;
  for (const entry of index) {
    writer.writeUint32(entry.offset - first.offset);
    writer.writeUint32(entry.position);
  }
  const indexCrc32c = crc32c(writer.finish(), 0, indexStart, writer.position);
  const footerStart = writer.position;
  writer.writeUint32(footerMagic);
  writer.writeInt16(formatVersion);
  writer.writeInt16(0);
  writer.writeInt64(footer.baseOffset);
  writer.writeInt64(footer.endOffset);
  writer.writeInt64(footer.maxTimestampMs);
  writer.writeUint32(footer.dataSizeBytes);
  writer.writeUint32(footer.indexEntryCount);
  writer.writeUint32(indexCrc32c);
  writer.writeUint32(crc32c(writer.finish(), 0, footerStart, writer.position));
  const bytes = writer.finish().slice();
  return { bytes, crc32c: crc32c(bytes), footer: { ...footer, indexCrc32c } };
}

/** Reads and checks the footer (the object's last 48 bytes) of an object of `objectSizeBytes`. */
export function decodeTieredObjectFooter(bytes: Uint8Array, objectSizeBytes: number): TieredObjectFooter {
  const reader = new ByteReader(bytes, 0, bytes.length, "CORRUPT_DATA");
  reader.need(tieredObjectFooterBytes, "tiered object footer");
  if (
    crc32c(bytes, 0, 0, tieredObjectFooterBytes - 4) !== reader.view.getUint32(tieredObjectFooterBytes - 4)
  ) {
    reader.fail("tiered object footer CRC32C mismatch");
  }
  if (reader.readUint32() !== footerMagic) reader.fail("not a tiered object (bad footer magic)");
  const version = reader.readInt16();
  if (version !== formatVersion) reader.fail(`unsupported tiered object version ${version}`);
  reader.readInt16();
  const footer: TieredObjectFooter = {
    baseOffset: reader.readInt64() as Offset,
    endOffset: reader.readInt64() as Offset,
    maxTimestampMs: reader.readInt64(),
    dataSizeBytes: reader.readUint32(),
    indexEntryCount: reader.readUint32(),
    indexCrc32c: reader.readUint32(),
  };
  const expectedSize =
    footer.dataSizeBytes + footer.indexEntryCount * indexEntryBytes + tieredObjectFooterBytes;
  if (
    expectedSize !== objectSizeBytes ||
    footer.indexEntryCount === 0 ||
    footer.indexEntryCount > limits.tierIndexEntriesMax
  ) {
    reader.fail(`tiered object footer does not fit an object of ${objectSizeBytes} bytes`);
  }
  if (!(footer.baseOffset >= 0 && footer.baseOffset < footer.endOffset))
    reader.fail("tiered object offsets out of order");
  return footer;
}

/** Where the index lies in the object: [start, end). */
export function tieredObjectIndexRange(footer: TieredObjectFooter): { start: number; end: number } {
  const start = footer.dataSizeBytes;
  return { start, end: start + footer.indexEntryCount * indexEntryBytes };
}

export function decodeTieredObjectIndex(bytes: Uint8Array, footer: TieredObjectFooter): IndexEntry[] {
  if (crc32c(bytes) !== footer.indexCrc32c)
    throw new HelixError("CORRUPT_DATA", "tiered object index CRC32C mismatch");
  const reader = new ByteReader(bytes, 0, bytes.length, "CORRUPT_DATA");
  const entries: IndexEntry[] = [];
  for (let index = 0; index < footer.indexEntryCount; index++) {
    const entry = { offset: offset(footer.baseOffset + reader.readUint32()), position: reader.readUint32() };
    const previous = entries.at(-1);
    const ordered =
      previous === undefined
        ? entry.position === 0 && entry.offset === footer.baseOffset
        : entry.offset > previous.offset && entry.position > previous.position;
    if (!ordered || entry.position >= footer.dataSizeBytes || entry.offset >= footer.endOffset) {
      reader.fail(`tiered object index entry ${index} is out of order or out of range`);
    }
    entries.push(entry);
  }
  return entries;
}

export function asCorruptData<T>(read: () => T, what: string): T {
  try {
    return read();
  } catch (error) {
    if (HelixError.is(error, "CORRUPT_RECORD") || HelixError.is(error, "INVALID_RECORD")) {
      throw new HelixError("CORRUPT_DATA", `${what}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
