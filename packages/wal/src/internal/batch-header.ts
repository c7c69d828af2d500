import { batchNextOffset, batchSize, HelixError, readRecordBatchHeader } from "@helixlog/core";

/**
 * The Kafka record batch v2 header fields the segment store needs, through core's codec (which checks
 * magic, length bounds and the int64 ranges). The store adds what it alone requires: the bytes are
 * exactly one batch, and offsets are non-negative. Any failure is INVALID_RECORD: the store refuses the
 * append and stores nothing.
 */
export interface BatchHeader {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly maxTimestamp: number;
  readonly sizeBytes: number;
}

export function readBatchHeader(batch: Uint8Array): BatchHeader {
  let header: ReturnType<typeof readRecordBatchHeader>;
  try {
    header = readRecordBatchHeader(batch);
  } catch (error) {
    throw new HelixError("INVALID_RECORD", `not a record batch: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (batchSize(header) !== batch.length) {
    throw invalidBatch(`batchLength says ${batchSize(header)} bytes, got ${batch.length}`);
  }
  if (header.baseOffset < 0) throw invalidBatch(`base offset ${header.baseOffset} out of range`);
  if (header.lastOffsetDelta < 0) throw invalidBatch(`negative lastOffsetDelta ${header.lastOffsetDelta}`);
  return {
    baseOffset: header.baseOffset,
    lastOffset: batchNextOffset(header) - 1,
    maxTimestamp: header.maxTimestamp,
    sizeBytes: batch.length,
  };
}

function invalidBatch(message: string): HelixError {
  return new HelixError("INVALID_RECORD", message);
}
