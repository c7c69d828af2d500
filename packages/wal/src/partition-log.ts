import type { Disk, DiskFile, Offset } from "@helixlog/core";
import { assert, HelixError, limits } from "@helixlog/core";
import { readBatchHeader } from "./internal/batch-header.js";
import { FileCache } from "./internal/file-cache.js";
import { decodeFileHeader, encodeFileHeader, fileHeaderBytes } from "./internal/file-header.js";
import { checkFrame, encodeFrame, type FrameRules, frameHeaderBytes } from "./internal/frame.js";
import { inspectTail, scanFrames } from "./internal/frame-scan.js";
import { SegmentIndex } from "./internal/segment-index.js";

/**
 * One partition's log on disk (DESIGN.md §4): `<directory>/<baseOffset, 20 digits>.log` holding Kafka
 * record batch v2 bytes exactly as stored, each in a frame (our length and CRC32C over the whole batch,
 * because Kafka's own CRC skips baseOffset and partitionLeaderEpoch), plus sparse `.index` and
 * `.timeindex` files for sealed segments.
 *
 * Appends are not durable until `flush()`: committed entries are already durable in the Raft WAL, which
 * releases its prefix only after the flush. Offsets are contiguous: each batch starts where the previous
 * one ended. Operations are serialized internally; callers may issue them concurrently.
 */
export interface PartitionLogOptions {
  /** `<dataDir>/partitions/<topic>-<partition>`, relative to the disk's root. */
  readonly directory: string;
  /** The log start offset of a brand-new partition. */
  readonly initialOffset?: number;
  readonly segmentSizeBytes?: number;
  /** Roll when the active segment's first batch is this much older than `nowMs` (Kafka `segment.ms`). */
  readonly segmentAgeMs?: number;
  readonly indexIntervalBytes?: number;
  /** Delete old segments while the rest still holds this many bytes (Kafka `retention.bytes`); none when absent. */
  readonly retentionBytes?: number;
  /** Delete segments whose newest batch is older than this (Kafka `retention.ms`); none when absent. */
  readonly retentionMs?: number;
  /**
   * The open-file cache this log opens every file through, its active segment included. Absent: the
   * one cache of `disk`, shared by every partition log on it, holding at most
   * limits.partitionOpenFilesMax files (`partitionFileCache(disk)`).
   */
  readonly fileCache?: FileCache;
}

/** A sealed segment as `sealedSegments()` describes it. */
export interface SealedSegmentInfo {
  readonly baseOffset: Offset;
  /** One past the last offset in the segment. */
  readonly endOffset: Offset;
  /** Bytes of the segment's .log file, header and frames included. */
  readonly sizeBytes: number;
  /** The largest batch maxTimestamp in the segment. */
  readonly maxTimestampMs: number;
}

export const partitionLogMagic = "HLXPLOG1";
export const partitionLogFormatVersion = 1;
/** The marker of a `resetTo` in progress: its header's first field is the new log start offset. */
export const partitionResetFileName = "reset.marker";
const resetMagic = "HLXPRST1";
const resetFormatVersion = 1;
const batchFrameType = 1;
const frameRules: FrameRules = {
  payloadBytesMax: limits.recordBatchSizeBytesMax,
  isKnownType: (type) => type === batchFrameType,
};

interface Segment {
  readonly baseOffset: number;
  /** One past the last offset stored in the segment. */
  nextOffset: number;
  /** Bytes of the .log file (header included). */
  sizeBytes: number;
  /** The largest batch maxTimestamp in the segment; -Infinity while empty. */
  largestTimestamp: number;
  /** maxTimestamp of the first batch (age-based roll, as Kafka's `segment.ms`). */
  firstBatchTimestamp: number | undefined;
  readonly index: SegmentIndex;
  bytesSinceIndexEntry: number;
}

export function partitionFileName(baseOffset: number, extension: "log" | "index" | "timeindex"): string {
  return `${baseOffset.toString().padStart(20, "0")}.${extension}`;
}

/** One open-file cache per disk, shared by every partition log opened on it without its own. */
const sharedCaches = new WeakMap<Disk, FileCache>();

/**
 * The open-file cache partition logs on `disk` share by default: at most
 * limits.partitionOpenFilesMax segment, index and temporary files open at once, however many
 * partitions and segments there are (DESIGN.md §4).
 */
export function partitionFileCache(disk: Disk): FileCache {
  let cache = sharedCaches.get(disk);
  if (cache === undefined) {
    cache = new FileCache(disk, limits.partitionOpenFilesMax);
    sharedCaches.set(disk, cache);
  }
  return cache;
}

export class PartitionLog {
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Set when the cache had to close the active segment with unsynced writes and the fdatasync it did
   * first failed: those writes may be lost, so every later operation fails until the log is reopened.
   */
  private failure: HelixError | undefined;
  private closed = false;

  private constructor(
    private readonly disk: Disk,
    private options: Settings,
    private readonly segments: Segment[],
    private readonly files: FileCache,
  ) {}

  static async open(disk: Disk, options: PartitionLogOptions): Promise<PartitionLog> {
    const settings = settingsOf(options);
    const files = options.fileCache ?? partitionFileCache(disk);
    const { directory } = settings;
    // Handles a previous instance (closed, or failed closed) left in a shared cache are stale.
    await files.forgetUnder(directory);
    await disk.mkdir(directory);
    for (const name of await disk.list(directory))
      if (name.endsWith(".tmp")) await disk.remove(`${directory}/${name}`);
    await finishReset(disk, files, directory);
    const names = await disk.list(directory);
    const bases = names.flatMap((name) => {
      const match = /^(\d{20})\.log$/.exec(name);
      return match === null ? [] : [Number(match[1])];
    });
    if (bases.length === 0) {
      await createLogFile(disk, files, directory, settings.initialOffset);
      return new PartitionLog(disk, settings, [emptySegment(settings.initialOffset)], files);
    }
    const segments: Segment[] = [];
    for (const [i, baseOffset] of bases.entries()) {
      const next = bases[i + 1];
      segments.push(
        next === undefined
          ? emptySegment(baseOffset)
          : await loadSealedSegment(disk, files, directory, baseOffset, next),
      );
    }
    const last = segments.at(-1) as Segment;
    const log = new PartitionLog(disk, settings, segments, files);
    await log.withActive((file) => recoverActiveSegment(file, last, settings.indexIntervalBytes));
    // The names as well as the active segment's data (recoverActiveSegment): an earlier process may have
    // created or renamed a file and stopped before its directory fsync (it failed, or exited with no
    // power lost). What recovery found is what the log now reports as durable, so it must be.
    await disk.syncDirectory(directory);
    return log;
  }

  get logStartOffset(): Offset {
    return (this.segments[0] as Segment).baseOffset as Offset;
  }

  get logEndOffset(): Offset {
    return (this.segments.at(-1) as Segment).nextOffset as Offset;
  }

  /** Bytes of all segment logs. */
  get sizeBytes(): number {
    return this.segments.reduce((total, segment) => total + segment.sizeBytes, 0);
  }

  segmentBaseOffsets(): number[] {
    return this.segments.map((segment) => segment.baseOffset);
  }

  /**
   * The sealed segments (every one but the active segment), oldest first: offsets, bytes of the .log
   * file and the newest batch timestamp. Tiered storage uploads these (they never change again).
   */
  sealedSegments(): SealedSegmentInfo[] {
    return this.segments.slice(0, -1).map((segment) => ({
      baseOffset: segment.baseOffset as Offset,
      endOffset: segment.nextOffset as Offset,
      sizeBytes: segment.sizeBytes,
      maxTimestampMs: segment.largestTimestamp,
    }));
  }

  /**
   * The record batches of the sealed segment starting at `baseOffset`, concatenated as stored (each
   * frame checked). OFFSET_OUT_OF_RANGE when no sealed segment starts there (deleted meanwhile).
   */
  readSealedSegment(baseOffset: number): Promise<Uint8Array> {
    return this.serialize(async () => {
      const segment = this.segments.slice(0, -1).find((candidate) => candidate.baseOffset === baseOffset);
      if (segment === undefined) {
        throw new HelixError("OFFSET_OUT_OF_RANGE", `no sealed segment starts at offset ${baseOffset}`);
      }
      const batches: Uint8Array[] = [];
      let total = 0;
      await this.withFile(segment, (file) =>
        forEachFrame(file, fileHeaderBytes, segment.sizeBytes, (batch) => {
          batches.push(batch.slice());
          total += batch.length;
          return true;
        }),
      );
      const joined = new Uint8Array(total);
      let position = 0;
      for (const batch of batches) {
        joined.set(batch, position);
        position += batch.length;
      }
      return joined;
    });
  }

  /** Appends one record batch whose baseOffset must be the log end offset; rolls first when due. */
  append(batch: Uint8Array, nowMs: number): Promise<{ baseOffset: Offset; lastOffset: Offset }> {
    return this.serialize(async () => {
      const header = readBatchHeader(batch);
      if (header.baseOffset !== this.logEndOffset) {
        throw new HelixError(
          "INVALID_RECORD",
          `batch starts at offset ${header.baseOffset}, the log ends at ${this.logEndOffset}`,
        );
      }
      const frame = encodeFrame(batchFrameType, batch);
      let segment = this.segments.at(-1) as Segment;
      const full = segment.sizeBytes + frame.length > this.options.segmentSizeBytes;
      const old =
        segment.firstBatchTimestamp !== undefined &&
        nowMs - segment.firstBatchTimestamp >= this.options.segmentAgeMs;
      if (segment.nextOffset > segment.baseOffset && (full || old)) segment = await this.rollNow();
      const position = segment.sizeBytes;
      await this.withActive((file) => file.write(position, frame));
      recordBatch(segment, header, segment.sizeBytes, this.options.indexIntervalBytes);
      segment.sizeBytes += frame.length;
      return { baseOffset: header.baseOffset as Offset, lastOffset: header.lastOffset as Offset };
    });
  }

  /**
   * Changes rolling and retention (a topic's segment.bytes, segment.ms, retention.bytes, retention.ms
   * were altered); takes effect at the next append and the next `enforceRetention`. The directory and
   * the index interval stay as opened.
   */
  configure(
    settings: Pick<
      PartitionLogOptions,
      "segmentSizeBytes" | "segmentAgeMs" | "retentionBytes" | "retentionMs"
    >,
  ): Promise<void> {
    return this.serialize(async () => {
      this.options = settingsOf({
        directory: this.options.directory,
        initialOffset: this.options.initialOffset,
        indexIntervalBytes: this.options.indexIntervalBytes,
        ...settings,
      });
    });
  }

  /** Makes every appended batch durable (fdatasync of the active segment). */
  flush(): Promise<void> {
    return this.serialize(() => this.withActive((file) => file.sync()));
  }

  /** Seals the active segment and starts a new one (no-op when it is empty). */
  roll(): Promise<void> {
    return this.serialize(async () => {
      const segment = this.segments.at(-1) as Segment;
      if (segment.nextOffset > segment.baseOffset) await this.rollNow();
    });
  }

  /**
   * Whole batches from the one containing `offset` on, at least one, then more while they fit in
   * `maxBytes` (Kafka fetch semantics: a batch larger than the limit still comes back alone). Empty at
   * the log end offset; OFFSET_OUT_OF_RANGE outside [logStartOffset, logEndOffset].
   */
  read(offset: number, maxBytes: number): Promise<Uint8Array[]> {
    return this.serialize(async () => {
      if (offset < this.logStartOffset || offset > this.logEndOffset) {
        throw new HelixError(
          "OFFSET_OUT_OF_RANGE",
          `offset ${offset} is outside [${this.logStartOffset}, ${this.logEndOffset}]`,
          {
            details: { logStartOffset: this.logStartOffset, logEndOffset: this.logEndOffset },
          },
        );
      }
      const segmentSlot = this.segmentSlotFor(offset);
      const segment = this.segments[segmentSlot] as Segment;
      const start = segment.index.floorPosition(offset - segment.baseOffset) ?? fileHeaderBytes;
      return this.withFile(segment, (file) =>
        collectBatches(file, start, segment.sizeBytes, offset, maxBytes),
      );
    });
  }

  /** The base offset of the first batch whose maxTimestamp is at or after `timestampMs`; undefined if none. */
  offsetForTime(timestampMs: number): Promise<Offset | undefined> {
    return this.serialize(async () => {
      const segment = this.segments.find((candidate) => candidate.largestTimestamp >= timestampMs);
      if (segment === undefined) return undefined;
      const fromRelative = segment.index.timeFloor(timestampMs);
      const start =
        (fromRelative === undefined ? undefined : segment.index.floorPosition(fromRelative)) ??
        fileHeaderBytes;
      const found = await this.withFile(segment, (file) =>
        findByTime(file, start, segment.sizeBytes, timestampMs),
      );
      return found as Offset | undefined;
    });
  }

  /**
   * The stored batch holding the largest timestamp (the first such batch when several tie), for Kafka's
   * ListOffsets MAX_TIMESTAMP (KIP-734); undefined while the log is empty.
   */
  batchWithLargestTimestamp(): Promise<Uint8Array | undefined> {
    return this.serialize(async () => {
      let best: Segment | undefined;
      for (const segment of this.segments)
        if (segment.largestTimestamp > (best?.largestTimestamp ?? Number.NEGATIVE_INFINITY)) best = segment;
      if (best === undefined) return undefined;
      const largest = best.largestTimestamp;
      let found: Uint8Array | undefined;
      await this.withFile(best, (file) =>
        forEachFrame(file, fileHeaderBytes, best.sizeBytes, (batch) => {
          if (readBatchHeader(batch).maxTimestamp < largest) return true;
          found = batch.slice();
          return false;
        }),
      );
      return found;
    });
  }

  /**
   * Deletes every segment that holds only offsets below `offset` (Kafka DeleteRecords moving the log
   * start offset, KIP-107). When that includes the active segment it is rolled first, so the log keeps
   * its end offset. Returns how many segments were removed.
   */
  deleteSegmentsBefore(offset: number): Promise<number> {
    return this.serialize(async () => {
      const active = this.segments.at(-1) as Segment;
      if (active.nextOffset > active.baseOffset && active.nextOffset <= offset) await this.rollNow();
      let removed = 0;
      while (this.segments.length > 1 && (this.segments[0] as Segment).nextOffset <= offset) {
        await this.removeOldest();
        removed++;
      }
      if (removed > 0) await this.disk.syncDirectory(this.options.directory);
      return removed;
    });
  }

  /**
   * Drops every segment and starts an empty log at `offset`: log start and end offset both become
   * `offset` (Kafka's truncateFullyAndStartAt, for a follower whose log ends below the leader's log
   * start). Crash-safe: a durable marker naming `offset` is written first, then the old files are
   * removed and the new empty segment created, then the marker is removed; `open` finishes a reset
   * whose marker it finds, so a crash recovers either the old log (no marker yet) or the new one.
   */
  resetTo(offset: number): Promise<void> {
    return this.serialize(async () => {
      assert(Number.isSafeInteger(offset) && offset >= 0, () => `bad reset offset ${offset}`);
      const { directory } = this.options;
      const marker = `${directory}/${partitionResetFileName}`;
      await writeWhole(
        this.files,
        `${marker}.tmp`,
        encodeFileHeader({ magic: resetMagic, version: resetFormatVersion, fields: [offset, 0, 0] }),
      );
      await this.disk.rename(`${marker}.tmp`, marker);
      await this.disk.syncDirectory(directory);
      // From here on the reset is decided: a crash is completed by the next open.
      this.segments.splice(0, this.segments.length, emptySegment(offset));
      await completeReset(this.disk, this.files, directory, offset);
    });
  }

  /** Deletes the oldest sealed segments that retention by size or by age (against `nowMs`) no longer keeps. */
  enforceRetention(nowMs: number): Promise<number> {
    return this.serialize(async () => {
      let removed = 0;
      for (;;) {
        const oldest = this.segments[0] as Segment;
        if (this.segments.length < 2) break;
        const overSize =
          this.options.retentionBytes !== undefined &&
          this.sizeBytes - oldest.sizeBytes >= this.options.retentionBytes;
        const tooOld =
          this.options.retentionMs !== undefined &&
          oldest.largestTimestamp < nowMs - this.options.retentionMs;
        if (!overSize && !tooOld) break;
        await this.removeOldest();
        removed++;
      }
      if (removed > 0) await this.disk.syncDirectory(this.options.directory);
      return removed;
    });
  }

  /** Makes every appended batch durable, then closes this log's files (later calls fail). */
  close(): Promise<void> {
    return this.serialize(async () => {
      this.closed = true;
      await this.withActive((file) => file.sync());
      await this.files.forgetUnder(this.options.directory);
    });
  }

  private serialize<T>(action: () => Promise<T>): Promise<T> {
    const result = this.queue.then(() => {
      if (this.failure !== undefined) throw this.failure;
      if (this.closed)
        throw new HelixError("UNAVAILABLE", `partition log ${this.options.directory} is closed`);
      return action();
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs `action` with the active segment's file, through the cache: it may have been closed to make
   * room for other partitions' files, and is then reopened. Unsynced writes survive that (the cache
   * fdatasyncs before closing); if that fdatasync fails, the log fails closed.
   */
  private withActive<T>(action: (file: DiskFile) => Promise<T>): Promise<T> {
    const segment = this.segments.at(-1) as Segment;
    return this.files.use(
      `${this.options.directory}/${partitionFileName(segment.baseOffset, "log")}`,
      action,
      {
        onEvictionFailure: (error) => {
          this.failure ??= new HelixError(
            "IO_ERROR",
            `partition log ${this.options.directory} failed closed and must be reopened: a deferred fdatasync failed`,
            { cause: error, details: { directory: this.options.directory } },
          );
        },
      },
    );
  }

  /** Removes the oldest (sealed) segment's files; the caller syncs the directory. */
  private async removeOldest(): Promise<void> {
    const oldest = this.segments[0] as Segment;
    assert(this.segments.length > 1, "the active segment is never removed");
    for (const extension of ["log", "index", "timeindex"] as const) {
      const path = `${this.options.directory}/${partitionFileName(oldest.baseOffset, extension)}`;
      await this.files.forget(path);
      await this.disk.remove(path);
    }
    this.segments.shift();
  }

  private async rollNow(): Promise<Segment> {
    const sealed = this.segments.at(-1) as Segment;
    await this.withActive((file) => file.sync());
    await writeIndexFiles(this.disk, this.files, this.options.directory, sealed);
    const next = emptySegment(sealed.nextOffset);
    await createLogFile(this.disk, this.files, this.options.directory, next.baseOffset);
    this.segments.push(next);
    return next;
  }

  private segmentSlotFor(offset: number): number {
    let slot = this.segments.length - 1;
    while (slot > 0 && (this.segments[slot] as Segment).baseOffset > offset) slot--;
    return slot;
  }

  private withFile<T>(segment: Segment, action: (file: DiskFile) => Promise<T>): Promise<T> {
    if (segment === this.segments.at(-1)) return this.withActive(action);
    return this.files.use(
      `${this.options.directory}/${partitionFileName(segment.baseOffset, "log")}`,
      action,
    );
  }
}

type Settings = Required<Omit<PartitionLogOptions, "retentionBytes" | "retentionMs" | "fileCache">> &
  Pick<PartitionLogOptions, "retentionBytes" | "retentionMs">;

function settingsOf(options: PartitionLogOptions): Settings {
  const settings = {
    directory: options.directory,
    initialOffset: options.initialOffset ?? 0,
    segmentSizeBytes: options.segmentSizeBytes ?? limits.partitionSegmentSizeBytesDefault,
    segmentAgeMs: options.segmentAgeMs ?? 7 * 24 * 3600 * 1000,
    indexIntervalBytes: options.indexIntervalBytes ?? limits.partitionIndexIntervalBytesDefault,
    ...(options.retentionBytes === undefined ? {} : { retentionBytes: options.retentionBytes }),
    ...(options.retentionMs === undefined ? {} : { retentionMs: options.retentionMs }),
  };
  if (
    settings.segmentSizeBytes < limits.partitionSegmentSizeBytesMin ||
    settings.segmentSizeBytes > limits.partitionSegmentSizeBytesMax
  ) {
    throw new HelixError(
      "INVALID_CONFIG",
      `partition segment size ${settings.segmentSizeBytes} out of range`,
    );
  }
  return settings;
}

function emptySegment(baseOffset: number): Segment {
  return {
    baseOffset,
    nextOffset: baseOffset,
    sizeBytes: fileHeaderBytes,
    largestTimestamp: Number.NEGATIVE_INFINITY,
    firstBatchTimestamp: undefined,
    index: new SegmentIndex(),
    bytesSinceIndexEntry: Number.POSITIVE_INFINITY,
  };
}

/** Updates a segment's bookkeeping for a batch stored at `position`, adding index entries every interval. */
function recordBatch(
  segment: Segment,
  header: ReturnType<typeof readBatchHeader>,
  position: number,
  interval: number,
): void {
  segment.largestTimestamp = Math.max(segment.largestTimestamp, header.maxTimestamp);
  segment.firstBatchTimestamp ??= header.maxTimestamp;
  if (segment.bytesSinceIndexEntry >= interval) {
    segment.index.add(header.baseOffset - segment.baseOffset, position, segment.largestTimestamp);
    segment.bytesSinceIndexEntry = 0;
  }
  segment.bytesSinceIndexEntry += header.sizeBytes + frameHeaderBytes;
  segment.nextOffset = header.lastOffset + 1;
}

/** Creates a segment's log file the crash-safe way (temporary name, sync, rename, directory fsync). */
async function createLogFile(
  disk: Disk,
  files: FileCache,
  directory: string,
  baseOffset: number,
): Promise<void> {
  const path = `${directory}/${partitionFileName(baseOffset, "log")}`;
  await writeWhole(
    files,
    `${path}.tmp`,
    encodeFileHeader({
      magic: partitionLogMagic,
      version: partitionLogFormatVersion,
      fields: [baseOffset, 0, 0],
    }),
  );
  await disk.rename(`${path}.tmp`, path);
  await disk.syncDirectory(directory);
}

/** Writes a whole file (created or emptied) and syncs it, through the cache, then closes it. */
async function writeWhole(files: FileCache, path: string, bytes: Uint8Array): Promise<void> {
  try {
    await files.use(
      path,
      async (file) => {
        await file.truncate(0);
        await file.write(0, bytes);
        await file.sync();
      },
      { create: true },
    );
  } finally {
    await files.forget(path);
  }
}

/**
 * Removes every segment file but the new empty one, (re)creates that one, then removes the marker;
 * returns the new segment's open file. Idempotent, so `open` can repeat it after a crash.
 */
async function completeReset(disk: Disk, files: FileCache, directory: string, offset: number): Promise<void> {
  await files.forgetUnder(directory);
  for (const name of await disk.list(directory)) {
    if (/^\d{20}\.(log|index|timeindex)$/.test(name)) await disk.remove(`${directory}/${name}`);
  }
  await disk.syncDirectory(directory);
  await createLogFile(disk, files, directory, offset);
  await disk.remove(`${directory}/${partitionResetFileName}`);
  await disk.syncDirectory(directory);
}

/** At open: completes a reset a crash interrupted (its marker is durable), if any. */
async function finishReset(disk: Disk, files: FileCache, directory: string): Promise<void> {
  const path = `${directory}/${partitionResetFileName}`;
  if (!(await disk.exists(path))) return;
  const header = decodeFileHeader(
    await readWhole(files, path),
    { magic: resetMagic, version: resetFormatVersion },
    path,
  );
  await completeReset(disk, files, directory, header.fields[0]);
}

async function writeIndexFiles(
  disk: Disk,
  files: FileCache,
  directory: string,
  segment: Segment,
): Promise<void> {
  // A final time entry records the segment's largest timestamp for retention and time lookups.
  const { index } = segment;
  if (segment.largestTimestamp > (index.timestamps.at(-1) ?? Number.NEGATIVE_INFINITY)) {
    index.timestamps.push(segment.largestTimestamp);
    index.timeRelativeOffsets.push(index.relativeOffsets.at(-1) ?? 0);
  }
  for (const [extension, bytes] of [
    ["index", index.encodeOffsetIndex(segment.baseOffset)],
    ["timeindex", index.encodeTimeIndex(segment.baseOffset)],
  ] as const) {
    const path = `${directory}/${partitionFileName(segment.baseOffset, extension)}`;
    await writeWhole(files, `${path}.tmp`, bytes);
    await files.forget(path); // a reader of the old index file, if any, must not outlive the rename
    await disk.rename(`${path}.tmp`, path);
  }
  await disk.syncDirectory(directory);
}

/** A sealed segment from its index files, or (when they are missing or bad) by scanning its log and rewriting them. */
async function loadSealedSegment(
  disk: Disk,
  files: FileCache,
  directory: string,
  baseOffset: number,
  nextOffset: number,
): Promise<Segment> {
  const logPath = `${directory}/${partitionFileName(baseOffset, "log")}`;
  const logSize = await files.use(logPath, async (file) => {
    checkLogHeader(await file.read(0, fileHeaderBytes), baseOffset, logPath);
    return file.size();
  });
  const segment: Segment = { ...emptySegment(baseOffset), nextOffset, sizeBytes: logSize };
  try {
    const offsetBytes = await readWhole(files, `${directory}/${partitionFileName(baseOffset, "index")}`);
    const timeBytes = await readWhole(files, `${directory}/${partitionFileName(baseOffset, "timeindex")}`);
    const index = SegmentIndex.decode(offsetBytes, timeBytes, baseOffset, logSize, logPath);
    return { ...segment, index, largestTimestamp: index.timestamps.at(-1) ?? Number.NEGATIVE_INFINITY };
  } catch (error) {
    if (
      !HelixError.is(error, "CORRUPT_DATA") &&
      !HelixError.is(error, "NOT_FOUND") &&
      !HelixError.is(error, "UNSUPPORTED_VERSION")
    )
      throw error;
  }
  const rebuilt = await files.use(logPath, async (file) => {
    const rebuilt = emptySegment(baseOffset);
    const stop = await scanBatches(file, rebuilt, limits.partitionIndexIntervalBytesDefault, logPath);
    if (stop.kind === "bad" || rebuilt.nextOffset !== nextOffset) {
      throw new HelixError(
        "CORRUPT_DATA",
        `${logPath} at byte ${stop.position}: sealed segment ends at offset ${rebuilt.nextOffset}, the next starts at ${nextOffset}`,
        {
          details: { path: logPath, position: stop.position },
        },
      );
    }
    rebuilt.sizeBytes = stop.position;
    return rebuilt;
  });
  await writeIndexFiles(disk, files, directory, rebuilt);
  return rebuilt;
}

/** Replays the active segment: rebuilds its index, cuts a torn tail, reports damage followed by valid frames. */
async function recoverActiveSegment(file: DiskFile, segment: Segment, interval: number): Promise<void> {
  checkLogHeader(await file.read(0, fileHeaderBytes), segment.baseOffset, file.path);
  const stop = await scanBatches(file, segment, interval, file.path);
  if (stop.position < file.size()) {
    const tail = await inspectTail(file, stop.position, frameRules, stop.window);
    if (tail.validFrameAt !== undefined) {
      throw new HelixError(
        "CORRUPT_DATA",
        `${file.path} at byte ${stop.position}: damaged batch followed by a valid one at ${tail.validFrameAt}`,
        {
          details: { path: file.path, position: stop.position },
        },
      );
    }
    await file.truncate(stop.position);
  }
  // What was read may have come from the page cache: an earlier process wrote it and stopped before its
  // fdatasync. The log reports it as durable from now on (its end offset), so it must be.
  await file.sync();
  segment.sizeBytes = stop.position;
}

async function scanBatches(file: DiskFile, segment: Segment, interval: number, path: string) {
  let failure: HelixError | undefined;
  const stop = await scanFrames(
    file,
    fileHeaderBytes,
    frameRules,
    (position, _type, size, window, offset) => {
      if (failure !== undefined) return;
      try {
        const header = readBatchHeader(window.subarray(offset + frameHeaderBytes, offset + size));
        if (header.baseOffset !== segment.nextOffset)
          throw new Error(`batch at offset ${header.baseOffset}, expected ${segment.nextOffset}`);
        recordBatch(segment, header, position, interval);
      } catch (error) {
        failure = new HelixError("CORRUPT_DATA", `${path} at byte ${position}: ${(error as Error).message}`, {
          details: { path, position },
        });
      }
    },
  );
  if (failure !== undefined) throw failure;
  return stop;
}

function checkLogHeader(bytes: Uint8Array, baseOffset: number, path: string): void {
  const header = decodeFileHeader(
    bytes,
    { magic: partitionLogMagic, version: partitionLogFormatVersion },
    path,
  );
  if (header.fields[0] !== baseOffset) {
    throw new HelixError("CORRUPT_DATA", `${path}: header says base offset ${header.fields[0]}`, {
      details: { path, position: 0 },
    });
  }
}

/** Reads a whole small file (an index, a marker) through the cache, then closes it. */
async function readWhole(files: FileCache, path: string): Promise<Uint8Array> {
  try {
    return await files.use(path, (file) => file.read(0, file.size()));
  } finally {
    await files.forget(path);
  }
}

/** Reads frames from `start`, skipping batches that end before `offset`, collecting whole ones up to `maxBytes`. */
async function collectBatches(
  file: DiskFile,
  start: number,
  end: number,
  offset: number,
  maxBytes: number,
): Promise<Uint8Array[]> {
  const batches: Uint8Array[] = [];
  let bytes = 0;
  let scanned = 0;
  await forEachFrame(file, start, end, (batch) => {
    assert(++scanned <= limits.partitionScanBatchesMax, "partition read scanned too many batches");
    const header = readBatchHeader(batch);
    if (header.lastOffset < offset) return true;
    if (batches.length > 0 && bytes + batch.length > maxBytes) return false;
    batches.push(batch.slice());
    bytes += batch.length;
    return bytes < maxBytes;
  });
  return batches;
}

async function findByTime(
  file: DiskFile,
  start: number,
  end: number,
  timestampMs: number,
): Promise<number | undefined> {
  let found: number | undefined;
  await forEachFrame(file, start, end, (batch) => {
    const header = readBatchHeader(batch);
    if (header.maxTimestamp < timestampMs) return true;
    found = header.baseOffset;
    return false;
  });
  return found;
}

/** Visits each batch (frame checked) from `start` to `end` while `visit` returns true. */
async function forEachFrame(
  file: DiskFile,
  start: number,
  end: number,
  visit: (batch: Uint8Array) => boolean,
): Promise<void> {
  let position = start;
  while (position < end) {
    const window = await file.read(position, Math.min(limits.walRecoveryReadBytes, end - position));
    let offset = 0;
    let progressed = false;
    while (offset + frameHeaderBytes <= window.length) {
      const length = new DataView(window.buffer, window.byteOffset + offset, 4).getUint32(0, true);
      const size = frameHeaderBytes + length;
      if (offset + size > window.length) {
        if (!progressed) {
          const whole = await file.read(position, size);
          if (!visitChecked(whole, 0, size, file.path, position, visit)) return;
          offset = size;
        }
        break;
      }
      if (!visitChecked(window, offset, size, file.path, position + offset, visit)) return;
      offset += size;
      progressed = true;
    }
    if (offset === 0) {
      throw new HelixError(
        "CORRUPT_DATA",
        `${file.path} at byte ${position}: a partial frame before the end of the log`,
        {
          details: { path: file.path, position },
        },
      );
    }
    position += offset;
  }
}

function visitChecked(
  bytes: Uint8Array,
  offset: number,
  size: number,
  path: string,
  position: number,
  visit: (batch: Uint8Array) => boolean,
): boolean {
  const frame = bytes.subarray(offset, offset + size);
  const { kind } = checkFrameOrThrow(frame, path, position);
  assert(kind === "valid", "frame check");
  return visit(frame.subarray(frameHeaderBytes));
}

function checkFrameOrThrow(frame: Uint8Array, path: string, position: number): { kind: "valid" } {
  const check = checkFrame(frame, 0, frame.length, frameRules);
  if (check.kind !== "valid" || check.size !== frame.length) {
    throw new HelixError("CORRUPT_DATA", `${path} at byte ${position}: stored batch fails its check`, {
      details: { path, position },
    });
  }
  return { kind: "valid" };
}
