/** Limits of the Kafka record batch codec (our storage format). */

/** Kafka's default `message.max.bytes` is ~1 MiB; we accept up to 8 MiB per batch for large-record users. */
export const recordBatchSizeBytesMax = 8 * 1024 * 1024;
/** Fixed size of a v2 batch header (baseOffset .. recordsCount). */
export const recordBatchHeaderSizeBytes = 61;
/** A batch header plus one minimal record; anything shorter cannot be a valid non-empty batch. */
export const recordBatchSizeBytesMin = recordBatchHeaderSizeBytes;
/**
 * Records per batch. A record takes at least 7 bytes on the wire, so the size limit alone allows ~1.2 M;
 * the explicit bound keeps per-batch decoding work predictable.
 */
export const recordsPerBatchMax = 1_000_000;
/** Headers per record: Kafka has no limit; 64 Ki keeps decoding of hostile input bounded. */
export const headersPerRecordMax = 65_536;
