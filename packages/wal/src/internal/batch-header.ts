import { HelixError, limits } from "@helixlog/core";
import { viewOf } from "./bytes.js";

/**
 * The few Kafka record batch v2 header fields the segment store needs, read in place (KIP-98 layout):
 * baseOffset int64 @0, batchLength int32 @8 (bytes after this field), magic int8 @16, lastOffsetDelta
 * int32 @23, maxTimestamp int64 @35. The full codec (CRC of the records, attributes) lives in core.
 */
export interface BatchHeader {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly maxTimestamp: number;
  readonly sizeBytes: number;
}

export function readBatchHeader(batch: Uint8Array): BatchHeader {
  if (batch.length < limits.recordBatchHeaderSizeBytes) {
    throw invalidBatch(
      `a record batch has at least ${limits.recordBatchHeaderSizeBytes} bytes, got ${batch.length}`,
    );
  }
  const view = viewOf(batch);
  const batchLength = view.getInt32(8);
  if (batchLength + 12 !== batch.length)
    throw invalidBatch(`batchLength says ${batchLength + 12} bytes, got ${batch.length}`);
  if (batch[16] !== 2) throw invalidBatch(`record batch magic ${batch[16]}, expected 2`);
  const baseOffset = Number(view.getBigInt64(0));
  const lastOffsetDelta = view.getInt32(23);
  const maxTimestamp = Number(view.getBigInt64(35));
  if (!Number.isSafeInteger(baseOffset) || baseOffset < 0)
    throw invalidBatch(`base offset ${baseOffset} out of range`);
  if (lastOffsetDelta < 0) throw invalidBatch(`negative lastOffsetDelta ${lastOffsetDelta}`);
  if (!Number.isSafeInteger(maxTimestamp)) throw invalidBatch(`max timestamp ${maxTimestamp} out of range`);
  return { baseOffset, lastOffset: baseOffset + lastOffsetDelta, maxTimestamp, sizeBytes: batch.length };
}

function invalidBatch(message: string): HelixError {
  return new HelixError("INVALID_RECORD", message);
}
