/**
 * Record-level timestamp lookups inside one stored record batch, for Kafka ListOffsets by timestamp
 * (KIP-79) and MAX_TIMESTAMP (KIP-734). The segment store's time index finds the batch; these find the
 * record. Pure.
 *
 * A compressed batch is not inflated here (the node holds no codecs: batches are stored as sent), so
 * inside one the answer is batch-precise: its first offset for a time lookup (a consumer starting there
 * sees a few earlier records, never misses one) and its last offset for the largest timestamp. With
 * LogAppendTime every record carries the batch's maxTimestamp, which the same rules answer exactly.
 */
import {
  batchCompression,
  batchNextOffset,
  decodeRecords,
  isLogAppendTime,
  readRecordBatchHeader,
} from "@helixlog/core";

export interface TimedOffset {
  readonly offset: number;
  readonly timestamp: number;
}

/** The first record at or after `fromOffset` whose timestamp is at least `timestampMs`, if the batch holds one. */
export function firstRecordAtOrAfter(
  batch: Uint8Array,
  timestampMs: number,
  fromOffset: number,
): TimedOffset | undefined {
  const header = readRecordBatchHeader(batch);
  if (header.maxTimestamp < timestampMs || batchNextOffset(header) <= fromOffset) return undefined;
  if (!recordsReadable(header.attributes)) {
    return { offset: Math.max(header.baseOffset, fromOffset), timestamp: header.maxTimestamp };
  }
  for (const record of decodeRecords(batch)) {
    const offset = header.baseOffset + record.offsetDelta;
    const timestamp = header.baseTimestamp + record.timestampDelta;
    if (offset >= fromOffset && timestamp >= timestampMs) return { offset, timestamp };
  }
  return undefined;
}

/** The first record of the batch carrying the batch's largest timestamp. */
export function recordWithLargestTimestamp(batch: Uint8Array): TimedOffset {
  const header = readRecordBatchHeader(batch);
  const last = batchNextOffset(header) - 1;
  if (!recordsReadable(header.attributes)) return { offset: last, timestamp: header.maxTimestamp };
  for (const record of decodeRecords(batch)) {
    const timestamp = header.baseTimestamp + record.timestampDelta;
    if (timestamp === header.maxTimestamp)
      return { offset: header.baseOffset + record.offsetDelta, timestamp };
  }
  // A producer may set maxTimestamp above every record's; Kafka trusts the header, so do we.
  return { offset: last, timestamp: header.maxTimestamp };
}

function recordsReadable(attributes: number): boolean {
  return batchCompression(attributes) === "none" && !isLogAppendTime(attributes);
}
