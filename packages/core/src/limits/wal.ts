/** Limits of the write-ahead log and the partition segment store (package `wal`). */

/** One Raft entry in the WAL: a whole record batch plus framing and Raft metadata. */
export const walEntrySizeBytesMax = 16 * 1024 * 1024;

/**
 * Default WAL segment size. 64 MiB keeps the preparation of a new segment short (tens of milliseconds when
 * it is zero-filled; see the WAL README, "Segment files") while holding four maximum-size entries.
 */
export const walSegmentSizeBytesDefault = 64 * 1024 * 1024;
/** Smallest configurable segment: small enough for tests to roll often, large enough for a header and a checkpoint. */
export const walSegmentSizeBytesMin = 4 * 1024;
/** Frame positions inside a segment are 32-bit; 1 GiB also bounds the recovery scan of one file. */
export const walSegmentSizeBytesMax = 1024 * 1024 * 1024;

/**
 * Bytes of frames the WAL encodes and writes with one write call. Group commit pipelines: while one
 * fdatasync runs, the next batch is encoded (CRC included) and written, and the following fdatasync covers
 * every batch written meanwhile. Smaller writes start that overlap sooner; 1 MiB per write already reaches
 * the disk's bandwidth (DESIGN.md §4). A single frame larger than this is written alone.
 */
export const walWriteBytesMax = 1 * 1024 * 1024;

/**
 * Bytes of appends accepted but not yet durable. Beyond it append fails with RESOURCE_EXHAUSTED so a
 * flood of proposals cannot exhaust memory; 128 MiB holds 4,096 in-flight 16 KiB appends twice over.
 */
export const walPendingBytesMax = 128 * 1024 * 1024;

/** Appends accepted but not yet durable, counted separately from bytes because tiny appends cost memory too. */
export const walPendingAppendsMax = 65_536;

/**
 * Raft groups one WAL serves. Every segment starts with a checkpoint frame per group (hard state and
 * compaction point), so this bounds that checkpoint: 100,000 groups × 64 bytes ≈ 6.4 MB.
 */
export const walGroupsMax = 100_000;

/** Entries one `append` call may carry; bounds the work of validating and encoding one call. */
export const walEntriesPerAppendMax = 65_536;

/**
 * Reclaimed WAL segment files kept (under a spare name) for later segments to reuse instead of creating
 * files: a node that releases its log then never allocates or zero-fills a segment while appending
 * (recycled files are not zeroed: format 2 salts each frame's CRC with its segment's sequence).
 *
 * The pool follows demand, as PostgreSQL's recycling of WAL files does: after a reclamation it keeps as
 * many spares as segments were started since the previous one (the log's growth over one release cycle,
 * which the next cycle needs again), at least `walSpareSegmentsMin` and at most `walSpareSegmentsMax`.
 * Releases often come in bursts (every group releases after its partition store flushes, so one segment's
 * last live group frees many segments at once); a pool smaller than the burst makes the next cycle grow
 * new files. At most 16 × the segment size of disk space (1 GiB with 64 MiB segments) is held while
 * unused, and only by a log whose release cycle spans that much.
 */
export const walSpareSegmentsMin = 4;
export const walSpareSegmentsMax = 16;

/**
 * Segment files a WAL keeps open at once: the active segment, the next one being prepared, and an LRU
 * of readers (walOpenFilesMax - 2 of them).
 */
export const walOpenFilesMax = 64;

/**
 * Files the partition logs on one disk keep open at once, all partitions and segments together: active
 * segments, sealed segments being read, index and temporary files. A least recently used file is closed
 * (fdatasynced first if written) to open another. Nodes often run with 1,024 descriptors; thousands of
 * partitions must share them with the WAL (walOpenFilesMax) and client and peer connections.
 */
export const partitionOpenFilesMax = 512;

/** Bytes one recovery read brings into memory while replaying or scanning a segment. */
export const walRecoveryReadBytes = 1024 * 1024;

/**
 * Bytes of what recovery read that the WAL keeps after open, so that the first read of each group's
 * entries (the host rebuilding its Raft storage) needs no second disk read and check of frames recovery
 * just checked. Past it, those reads go to the disk. Held only until each group's first read or write.
 */
export const walRecoveryKeptBytesMax = 64 * 1024 * 1024;

/**
 * Bytes of other frames one WAL entry read may carry to reach the group's next entry. Groups interleave
 * in the shared log, so a group's entries are seldom back to back; a read per entry costs a system call
 * (a disk operation and a promise in the simulator), while a page of other groups' frames costs a
 * copy of a few microseconds. A page bounds what a read brings in that nobody asked for.
 */
export const walReadGapBytesMax = 4 * 1024;

/** Default partition segment size: Kafka's `log.segment.bytes` default is 1 GiB; we roll smaller for faster tiering. */
export const partitionSegmentSizeBytesDefault = 256 * 1024 * 1024;
/** Smallest partition segment: one maximum-size batch must fit, but tests use small ones (checked at append). */
export const partitionSegmentSizeBytesMin = 1024;
/** Partition segment positions are 32-bit in the offset index, like Kafka's. */
export const partitionSegmentSizeBytesMax = 2 ** 31 - 1;

/** Kafka's `index.interval.bytes` default: one sparse offset and time index entry per 4 KiB of log. */
export const partitionIndexIntervalBytesDefault = 4096;

/**
 * Batches one `read` scans past the sparse index entry to find its start. An index entry every
 * `indexIntervalBytes` bounds it in practice; the explicit bound turns a corrupt index into an error.
 */
export const partitionScanBatchesMax = 1_000_000;
