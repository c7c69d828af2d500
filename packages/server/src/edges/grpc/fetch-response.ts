/**
 * Shapes what HelixNode.fetch returned into a helix.v1.FetchResponse: either the stored Kafka record
 * batch bytes untouched (BATCHES) or their records decoded (RECORDS). A fetch from an offset inside a
 * batch returns the whole batch (Kafka does the same); in RECORDS format the records before the
 * requested offset are left out.
 */
import {
  batchNextOffset,
  decodeRecords,
  HelixError,
  isLogAppendTime,
  readRecordBatchHeader,
} from "@helixlog/core";
import type { FetchResult } from "../../node/helix-node.js";
import type { FetchedRecordMessage, FetchFormat, FetchResponse } from "./messages.js";
import { requireKnown } from "./validation.js";

export type Format = "records" | "batches";

const formatNames = ["FETCH_FORMAT_UNSPECIFIED", "FETCH_FORMAT_RECORDS", "FETCH_FORMAT_BATCHES"] as const;

export function formatOf(value: FetchFormat): Format {
  return requireKnown(value, formatNames, "format") === "FETCH_FORMAT_BATCHES" ? "batches" : "records";
}

export function toFetchResponse(
  result: FetchResult,
  partition: number,
  offset: number,
  format: Format,
): FetchResponse {
  const last = result.batches.at(-1);
  const nextOffset = last === undefined ? offset : batchNextOffset(readRecordBatchHeader(last));
  return {
    partition,
    highWatermark: result.highWatermark,
    logStartOffset: result.logStartOffset,
    records: format === "records" ? result.batches.flatMap((batch) => recordsOf(batch, offset)) : [],
    batches: format === "batches" ? Buffer.concat(result.batches) : Buffer.alloc(0),
    nextOffset,
  };
}

function recordsOf(batch: Uint8Array, fromOffset: number): FetchedRecordMessage[] {
  const header = readRecordBatchHeader(batch);
  let records: ReturnType<typeof decodeRecords>;
  try {
    records = decodeRecords(batch);
  } catch (error) {
    // Only a compressed batch fails here (stored batches were validated on append): the server has no
    // codecs, so the client must take the bytes and decompress them itself.
    if (!HelixError.is(error, "INVALID_ARGUMENT")) throw error;
    throw new HelixError(
      "UNSUPPORTED_VERSION",
      `batch at offset ${header.baseOffset} is compressed; fetch with FETCH_FORMAT_BATCHES`,
    );
  }
  const logAppendTime = isLogAppendTime(header.attributes);
  return records
    .map((record) => ({
      offset: header.baseOffset + record.offsetDelta,
      timestampMs: logAppendTime ? header.maxTimestamp : header.baseTimestamp + record.timestampDelta,
      ...(record.key === null ? {} : { key: Buffer.from(record.key) }),
      ...(record.value === null ? {} : { value: Buffer.from(record.value) }),
      headers: record.headers.map((header) =>
        header.value === null ? { key: header.key } : { key: header.key, value: Buffer.from(header.value) },
      ),
    }))
    .filter((record) => record.offset >= fromOffset);
}
