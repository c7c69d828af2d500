/**
 * Limits of tiered storage (package `tier`): object stores, the per-partition manifest, the tiering
 * policy and the read path.
 */
import { assert } from "../assert.js";

/**
 * Length of an object key in UTF-8 bytes. S3 rejects keys above 1,024 bytes; the filesystem store
 * maps keys to paths and must also stay under Linux's PATH_MAX (4,096) once joined to its root.
 */
export const objectKeyLengthBytesMax = 1024;

/**
 * Length of one "/"-separated segment of an object key. Linux file names stop at 255 bytes (NAME_MAX),
 * and the filesystem store maps each segment to one path component.
 */
export const objectKeySegmentLengthBytesMax = 255;

/**
 * Largest object a store accepts in one put. A tiered object is one partition segment (at most
 * 2^31 - 1 bytes, see `partitionSegmentSizeBytesMax`) plus its sparse index and footer; 4 GiB holds it
 * with room to spare while staying under S3's 5 GiB single-request and 5 TiB object limits.
 */
export const objectSizeBytesMax = 4 * 1024 * 1024 * 1024;

/** Keys one `list` call returns. A partition holds at most `tierManifestEntriesMax` objects plus orphans. */
export const objectListKeysMax = 1_000_000;

/**
 * S3's smallest multipart part (except the last one). Below it CompleteMultipartUpload fails with
 * EntityTooSmall, so this is both the smallest part size and the smallest multipart threshold.
 */
export const s3PartSizeBytesMin = 5 * 1024 * 1024;
/** S3's largest part. */
export const s3PartSizeBytesMax = 5 * 1024 * 1024 * 1024;
/** S3 allows 10,000 parts per multipart upload. */
export const s3PartsMax = 10_000;
/**
 * Default part size: 16 MiB parts cut a 256 MiB default segment into 16 requests, small enough to retry
 * one cheaply and large enough that per-request latency does not dominate.
 */
export const s3PartSizeBytesDefault = 16 * 1024 * 1024;
/** Objects at or above this size are uploaded in parts; smaller ones in one PutObject. */
export const s3MultipartThresholdBytesDefault = 16 * 1024 * 1024;

/**
 * Attempts of one store operation, the first included, before its UNAVAILABLE error reaches the
 * caller. With the backoff below, 6 attempts span about 3 s: long enough to ride out S3 throttling
 * (503 SlowDown) bursts, short enough that the tiering policy (which retries uploads itself) stays
 * responsive to leadership changes.
 */
export const objectStoreAttemptsMax = 6;
/** First retry delay; doubled on each retry (with jitter) up to the maximum below. */
export const objectStoreRetryDelayMsBase = 100;
/** Longest single retry delay. */
export const objectStoreRetryDelayMsMax = 2_000;

/**
 * Objects one partition's manifest holds. At the 256 MiB default segment size that is 25 TiB per
 * partition; the bound keeps the manifest snapshot (about 120 bytes per entry) under 12 MiB.
 */
export const tierManifestEntriesMax = 100_000;

/** A manifest snapshot must fit in one Raft snapshot chunk comfortably. */
export const tierManifestSnapshotBytesMax = 64 * 1024 * 1024;

/**
 * Segment uploads one partition leader runs at once. Uploads are committed to the manifest in offset
 * order, so more parallelism only buffers verified uploads waiting for a predecessor.
 */
export const tierUploadsInflightMax = 4;

/**
 * Sealed local segments the tiering policy tracks per partition. At the smallest realistic segment
 * (1 MiB) that is 100 GiB of local log; a replica with more has stopped tiering and must be repaired.
 */
export const tierLocalSegmentsMax = 100_000;

/** Backoff before retrying a failed upload: doubled per failure from the base, capped at the maximum. */
export const tierUploadRetryDelayMsBase = 1_000;
export const tierUploadRetryDelayMsMax = 60_000;
/**
 * Failed attempts after which an upload of a segment is abandoned for this term. The claim is dropped;
 * a later leader (or a restart) starts again. Abandoning keeps a permanently failing segment from
 * occupying an upload slot forever.
 */
export const tierUploadAttemptsMax = 10;

/** Remote objects queued for deletion (retention or orphans) per partition at once. */
export const tierDeletionsInflightMax = 1_000;

/**
 * Bytes of log between two sparse index entries of a tiered object, like Kafka's `index.interval.bytes`.
 * A ranged read fetches at most this much before the wanted batch.
 */
export const tierIndexIntervalBytesDefault = 64 * 1024;
/** Smallest index interval: one entry per batch at worst, and no smaller than a batch header. */
export const tierIndexIntervalBytesMin = 61;
/** Index entries in one tiered object: a 2 GiB segment at the default interval needs 32,768. */
export const tierIndexEntriesMax = 1_000_000;

/**
 * Bytes the read path keeps in its LRU cache of fetched ranges and indexes. 64 MiB serves a few hundred
 * consumers catching up on the same cold data without re-fetching, and is small next to a node's heap.
 */
export const tierReadCacheBytesDefault = 64 * 1024 * 1024;
export const tierReadCacheBytesMax = 4 * 1024 * 1024 * 1024;
/** Ranges the cache holds, counted separately from bytes because tiny ranges still cost map entries. */
export const tierReadCacheEntriesMax = 16_384;
/** Bytes one tiered read fetches at most (beyond the first whole batch, which Kafka always returns). */
export const tierReadBytesMax = 64 * 1024 * 1024;

/**
 * Segment uploads one node runs at once, across all the partitions it leads. An upload holds its whole
 * segment in memory (at most `segment.bytes`, 1 GiB), so this bounds the node's upload memory; two keep
 * the store busy while one segment is read from disk.
 */
export const tierNodeUploadsInflightMax = 2;
/** Claimed uploads waiting for a node-wide slot; past it the partition leader claims no more. */
export const tierNodeUploadQueueMax = 10_000;
/** Ticks between two tiering passes of a node (uploads, proposals, local and remote deletions). */
export const tierDriveEveryTicks = 5;
/** Ticks between two listings of a led partition's prefix for orphaned objects (600: one minute). */
export const tierOrphanListEveryTicks = 600;

assert(s3PartSizeBytesDefault >= s3PartSizeBytesMin, "the default part size must be a legal S3 part");
assert(
  s3MultipartThresholdBytesDefault >= s3PartSizeBytesMin,
  "a multipart upload needs at least one full-size part",
);
assert(
  s3PartSizeBytesMax * s3PartsMax >= objectSizeBytesMax,
  "the largest object must fit in the largest multipart upload",
);
assert(tierUploadRetryDelayMsBase <= tierUploadRetryDelayMsMax, "retry delays must grow to their maximum");
assert(objectStoreRetryDelayMsBase <= objectStoreRetryDelayMsMax, "retry delays must grow to their maximum");
assert(objectListKeysMax >= tierManifestEntriesMax, "a listing must hold every object a manifest can name");
