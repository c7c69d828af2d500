import type { Disk, DiskFile, GroupId, LogIndex } from "@helixlog/core";
import { assert, HelixError, limits } from "@helixlog/core";
import { applyEntryRecord, applyHardStateRecord, applyRecord } from "./internal/apply-record.js";
import { FileCache } from "./internal/file-cache.js";
import { fileHeaderBytes } from "./internal/file-header.js";
import { checkFrame } from "./internal/frame.js";
import { GroupLog, type SegmentUsage } from "./internal/group-log.js";
import {
  checkpointFrameBytes,
  decodeEntry,
  encodeRecordInto,
  entryFrameBytes,
  type RecordWrite,
  recordFrameBytes,
} from "./internal/wal-record.js";
import { recoverWal, walFrameRulesFor } from "./internal/wal-recovery.js";
import {
  createSegment,
  discardPrepared,
  type NamingStep,
  nameSegment,
  preallocateSegment,
  segmentCrcSalt,
  segmentName,
  sparePath,
} from "./internal/wal-segment.js";
import {
  type CompactionPoint,
  type EntryDecoder,
  type GroupStatus,
  type GroupWrite,
  type StoredEntry,
  type WalEntry,
  walEntryOf,
} from "./wal-types.js";

export interface WalOptions {
  /** Directory of the WAL's segment files, relative to the disk's root. */
  readonly directory: string;
  /** Size of new segments; limits.walSegmentSizeBytesDefault when absent. */
  readonly segmentSizeBytes?: number;
  /**
   * How a new segment file (when no spare is left to recycle) is prepared: "zero-fill" writes it whole
   * with zeros in the background, so appends overwrite allocated blocks and each fdatasync commits data
   * only; "append" lets it grow as frames are written, so each byte is written once but each fdatasync
   * also commits the file's new size. "auto" (the default) picks per segment from the active segment's
   * bytes per fdatasync (see `appendGrowthBytesPerSync`). Tests force one or the other.
   */
  readonly newSegments?: "auto" | "zero-fill" | "append";
}

/** Counters for metrics, tests and the benchmark. */
export interface WalStatistics {
  appends: number;
  /** Group commits: fdatasyncs that acknowledged appends. One covers one or more writes. */
  commits: number;
  /** Group commits started the moment the previous fdatasync completed (see `chainedSyncBytes`). */
  chainedSyncs: number;
  /** Batches encoded while the previous write was in flight (see `encodeAhead`). */
  encodedAhead: number;
  /** Writes of encoded batches (at most limits.walWriteBytesMax each, unless one frame is larger). */
  writes: number;
  bytesWritten: number;
  segmentsCreated: number;
  /** Reclaimed segments, deleted or kept as a spare. */
  segmentsRemoved: number;
  /** Reclaimed segments whose file was reused for a later segment. */
  segmentsRecycled: number;
  /**
   * New segment files prepared to grow as they are written instead of being zero-filled (counted when
   * preparation starts, like segmentsRecycled; one prepared at close is then discarded).
   */
  segmentsGrown: number;
  /**
   * Rolls whose new segment already held frames when it was named: they were written while the previous
   * segment's last batches became durable (the pipelined roll).
   */
  rollsPipelined: number;
}

/**
 * Where a roll stands (`Wal.rollStage`): "switching" while the next segment's file is awaited; "switched"
 * once appends go to the new, unnamed segment, "draining" once frames were placed in it, both while the
 * previous segment's last batches become durable; then the steps of naming the new segment
 * (`NamingStep`).
 */
export type RollStage = "none" | "switching" | "switched" | "draining" | NamingStep;

/**
 * An accepted append waiting for its group commit. Its records are encoded straight into the commit's
 * write buffer, salted for the segment they land in: nothing is allocated per frame, and an entry's data
 * is copied only then.
 */
interface PendingAppend {
  readonly records: RecordWrite[];
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** A batch and its encoded frames, ready for its write. */
interface EncodedBatch {
  readonly batch: WrittenBatch;
  readonly data: Uint8Array;
}

/** Appends encoded back to back at `start` of segment `sequence` by one write. */
interface WrittenBatch {
  readonly appends: PendingAppend[];
  readonly sequence: number;
  readonly start: number;
  readonly bytes: number;
}

interface ActiveSegment {
  readonly sequence: number;
  readonly basePosition: number;
  readonly file: DiskFile;
  readonly sizeBytes: number;
  /** End of the durable frames. */
  writePosition: number;
  /** End of the frames written, durable or not; equal to writePosition whenever no batch awaits its sync. */
  writtenPosition: number;
  /** Group commits (fdatasyncs) in this segment, for the choice of how to prepare the next one. */
  commits: number;
  /**
   * Whether the file has its header and its name, durably. A new segment receives frames under its
   * temporary name while the previous one drains (the pipelined roll); none of them is acknowledged
   * before it is named.
   */
  named: boolean;
}

/**
 * The node's shared write-ahead log: the Raft entries, hard state, truncations and compaction points of
 * every group on the node, in one sequence of preallocated segment files.
 *
 * Group commit: at most one write + fdatasync is in flight; everything appended meanwhile waits in a
 * queue and goes out together in the next one, so one fdatasync makes many groups durable. Every
 * returned promise resolves only once its records are durable, and in the order the calls were made.
 *
 * Failure: a failed write or fdatasync leaves the file's state unknown (a failed fdatasync may even
 * have dropped dirty pages), so the WAL fails closed: that append and every later one reject, and the
 * owner must reopen the WAL, which recovers from what is on disk. A failure to create the next segment
 * (typically ENOSPC) happens before anything is written: those appends reject with DISK_FULL and the WAL
 * stays usable.
 */
export class Wal {
  readonly statistics: WalStatistics = {
    appends: 0,
    commits: 0,
    chainedSyncs: 0,
    encodedAhead: 0,
    writes: 0,
    bytesWritten: 0,
    segmentsCreated: 0,
    segmentsRemoved: 0,
    segmentsRecycled: 0,
    segmentsGrown: 0,
    rollsPipelined: 0,
  };
  /** Accepted appends not yet handed to a write, in call order. */
  private queue: PendingAppend[] = [];
  /** The append `enqueue` is queuing, for `queueAppend` (only meaningful during that call). */
  private enqueuingRecords: RecordWrite[] = noRecords;
  private enqueuingBytes = 0;
  /** Bytes of every accepted append not yet acknowledged (queued, being written, written, syncing). */
  private pendingBytes = 0;
  /** The batch whose write is in flight. */
  private inWrite: WrittenBatch | undefined;
  /**
   * The next batch, taken from the queue and encoded while the write in flight runs, so that it is
   * written the moment that write completes (see `encodeAhead`). Not written yet: it is never covered by
   * an fdatasync before its own write completes, like any other batch.
   */
  private encoded: EncodedBatch | undefined;
  /** Bytes of the appends in `queue`. */
  private queuedBytes = 0;
  /** Batches written (in the page cache) and not yet covered by an fdatasync, in order. */
  private written: WrittenBatch[] = [];
  /** Bytes of `written`. */
  private writtenBytes = 0;
  /** The batches the fdatasync in flight covers. */
  private inSync: WrittenBatch[] | undefined;
  /** The segment the fdatasync in flight (started by `startSync`) is of. */
  private syncSegment: ActiveSegment | undefined;
  /**
   * Acknowledgements of completed fdatasyncs, in order. The next fdatasync may start (and even complete)
   * before the previous one's acknowledgements ran; chaining them keeps call order.
   */
  private completions: Promise<void> = Promise.resolve();
  private rolling = false;
  /**
   * The previous segment during a roll: from the moment frames go to the new segment (`active`, not yet
   * named) until the new one is named. It is not in `sealed` until then, so it cannot be reclaimed while
   * the new segment is not yet part of the log.
   */
  private draining: ActiveSegment | undefined;
  /** The groups whose checkpoints lead the unnamed active segment (those that existed at the roll). */
  private checkpointGroups: GroupLog[] = [];
  /** The step of naming the active segment in flight, if any. */
  private namingStep: NamingStep | undefined;
  /** Waiting for nothing to be in flight (a roll that could not get its file; see `roll`). */
  private readonly drainWaiters: Array<() => void> = [];
  private pumpScheduled = false;
  private readonly idleWaiters: Array<() => void> = [];
  private failure: HelixError | undefined;
  private closed = false;
  /**
   * The next segment's file, being zero-filled in the background once the active segment is half full;
   * undefined if that has not started or failed.
   */
  private nextSegment: Promise<DiskFile | undefined> | undefined;
  /**
   * Reclaimed segments' files kept (under their spare names, durably renamed) for later segments to
   * reuse, as many as the last release cycle needed (see `sparesWanted`); the others are deleted.
   */
  private readonly spares: string[];
  /** Segments started since the last reclamation: the log's growth over the current release cycle. */
  private segmentsSinceReclaim = 0;
  /**
   * Bytes written during an fdatasync from which the next one starts as soon as it completes: a full
   * write's worth (limits.walWriteBytesMax) with the default 64 MiB segments, 1/64 of a smaller
   * segment (so the model tests, whose segments are a few KiB, exercise chained fdatasyncs with
   * rolls, reclamation, faults and crashes).
   */
  private readonly chainedSyncBytes: number;
  /**
   * Two reused encode buffers, taken in turn: one holds the write in flight, the other the batch encoded
   * ahead. A buffer is reused only after its write completed (SimDisk copies what it is given).
   */
  private readonly writeBuffers: Uint8Array[] = [new Uint8Array(64 * 1024), new Uint8Array(64 * 1024)];
  private nextWriteBuffer = 0;

  private constructor(
    private readonly disk: Disk,
    private readonly directory: string,
    private readonly segmentSizeBytes: number,
    private readonly groups: Map<GroupId, GroupLog>,
    private readonly usage: SegmentUsage,
    /** Older segments still on disk, oldest first. */
    private readonly sealed: number[],
    private active: ActiveSegment,
    private readonly files: FileCache,
    spares: string[],
    private readonly newSegments: "auto" | "zero-fill" | "append",
  ) {
    this.spares = spares;
    this.chainedSyncBytes = Math.min(limits.walWriteBytesMax, Math.floor(segmentSizeBytes / 64));
  }

  static async open(disk: Disk, options: WalOptions): Promise<Wal> {
    const segmentSizeBytes = options.segmentSizeBytes ?? limits.walSegmentSizeBytesDefault;
    if (
      !Number.isInteger(segmentSizeBytes) ||
      segmentSizeBytes < limits.walSegmentSizeBytesMin ||
      segmentSizeBytes > limits.walSegmentSizeBytesMax
    ) {
      throw new HelixError(
        "INVALID_CONFIG",
        `WAL segment size must be in [${limits.walSegmentSizeBytesMin}, ${limits.walSegmentSizeBytesMax}], got ${segmentSizeBytes}`,
      );
    }
    await disk.mkdir(options.directory);
    const recovered = await recoverWal(disk, options.directory);
    // The active segment and the one being prepared are open besides the readers.
    const files = new FileCache(disk, Math.max(1, limits.walOpenFilesMax - 2));
    const last = recovered.segments.at(-1);
    let active: ActiveSegment;
    if (last === undefined || recovered.active === undefined) {
      const plan = {
        directory: options.directory,
        sequence: 1,
        basePosition: 0,
        sizeBytes: segmentSizeBytes,
        leadingFrames: [],
      };
      const created = await createSegment(disk, plan);
      active = {
        sequence: 1,
        basePosition: 0,
        file: created.file,
        sizeBytes: segmentSizeBytes,
        writePosition: created.writePosition,
        writtenPosition: created.writePosition,
        commits: 0,
        named: true,
      };
    } else {
      const { file, writePosition, sizeBytes } = recovered.active;
      active = {
        sequence: last.sequence,
        basePosition: last.basePosition,
        file,
        sizeBytes,
        writePosition,
        writtenPosition: writePosition,
        commits: 0,
        named: true,
      };
    }
    const sealed = recovered.segments
      .map((segment) => segment.sequence)
      .filter((sequence) => sequence !== active.sequence);
    return new Wal(
      disk,
      options.directory,
      segmentSizeBytes,
      recovered.groups,
      recovered.usage,
      sealed,
      active,
      files,
      recovered.spares,
      options.newSegments ?? "auto",
    );
  }

  /** Bytes accepted and not yet durable (queued, being written or synced): flow control reads it. */
  get pendingBytesTotal(): number {
    return this.pendingBytes;
  }

  /**
   * Makes `write` durable for `group`: entries first (replacing any conflicting suffix), then hard state.
   * Entries and hard state are encoded when their group commit is written, so they must not change until
   * the call settles.
   */
  append(group: GroupId, write: GroupWrite): Promise<void> {
    try {
      this.checkAccepting();
      const log = this.groupForWrite(group);
      // A shared empty list: about half the appends carry only a hard state.
      const entries = write.entries ?? noEntries;
      if (entries.length > limits.walEntriesPerAppendMax) {
        throw invalid(
          `${entries.length} entries in one append, the limit is ${limits.walEntriesPerAppendMax}`,
        );
      }
      const records: RecordWrite[] = [];
      let bytes = entries.length > 0 ? this.acceptEntries(log, entries, records) : 0;
      const hardState = write.hardState;
      if (hardState !== undefined) {
        if (hardState.term < log.acceptedTerm) {
          throw invalid(`hard state term ${hardState.term} is below ${log.acceptedTerm} for group ${group}`);
        }
        const record = { kind: "hardState", group, hardState } as const;
        records.push(record);
        bytes += recordFrameBytes(record);
      }
      this.checkRoom(bytes);
      // Only an append that is queued moves what later calls are validated against.
      // (Never index -1 of an empty list: most appends carry only a hard state, and V8 answers a
      // negative index by a slow lookup.)
      if (entries.length > 0) log.acceptedLastIndex = (entries[entries.length - 1] as WalEntry).index;
      if (hardState !== undefined) log.acceptedTerm = hardState.term;
      return this.enqueue(records, bytes);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Durably removes the group's entries from `fromIndex` on (a Raft conflict, §5.3). */
  truncate(group: GroupId, fromIndex: LogIndex): Promise<void> {
    try {
      this.checkAccepting();
      const log = this.groupForWrite(group);
      if (fromIndex <= log.acceptedCompactedIndex || fromIndex > log.acceptedLastIndex + 1) {
        throw invalid(
          `cannot truncate group ${group} at ${fromIndex}: its log is (${log.acceptedCompactedIndex}, ${log.acceptedLastIndex}]`,
        );
      }
      const record = { kind: "truncate", group, fromIndex } as const;
      const bytes = recordFrameBytes(record);
      this.checkRoom(bytes);
      log.acceptedLastIndex = fromIndex - 1;
      return this.enqueue([record], bytes);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Durably records the group's compaction point: entries up to `point.index` are no longer needed (a
   * snapshot or the partition store covers them). Once every group has released past a segment, the
   * segment is deleted. `point.index` may lie past the last entry (a snapshot installed from the leader).
   * The WAL trusts `point.term`: the entry may still be waiting for its own group commit, so it cannot
   * always be checked here.
   */
  release(group: GroupId, point: CompactionPoint): Promise<void> {
    try {
      this.checkAccepting();
      const log = this.groupForWrite(group);
      if (point.index < log.acceptedCompactedIndex) {
        throw invalid(
          `group ${group} already released through ${log.acceptedCompactedIndex}, cannot go back to ${point.index}`,
        );
      }
      const record = { kind: "release", group, index: point.index, term: point.term } as const;
      const bytes = recordFrameBytes(record);
      this.checkRoom(bytes);
      log.acceptedCompactedIndex = point.index;
      log.acceptedLastIndex = Math.max(log.acceptedLastIndex, point.index);
      return this.enqueue([record], bytes);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Durable entries [fromIndex, toIndexExclusive) of a group, stopping once `maxBytes` of data is
   * collected (always at least one entry). Each frame's checksum is verified on the way out. `decode`
   * builds each returned entry (a WalEntry unless given: see EntryDecoder).
   */
  entries(
    group: GroupId,
    fromIndex: LogIndex,
    toIndexExclusive: LogIndex,
    maxBytes?: number,
  ): Promise<WalEntry[]>;
  entries<T extends StoredEntry>(
    group: GroupId,
    fromIndex: LogIndex,
    toIndexExclusive: LogIndex,
    maxBytes: number,
    decode: EntryDecoder<T>,
  ): Promise<T[]>;
  async entries(
    group: GroupId,
    fromIndex: LogIndex,
    toIndexExclusive: LogIndex,
    maxBytes = Number.POSITIVE_INFINITY,
    decode: EntryDecoder<StoredEntry> = walEntryOf,
  ): Promise<StoredEntry[]> {
    const log = this.groups.get(group);
    const first = log?.firstIndex ?? 1;
    const last = log?.lastIndex ?? 0;
    if (fromIndex < first || toIndexExclusive > last + 1 || fromIndex > toIndexExclusive) {
      throw new HelixError(
        "OFFSET_OUT_OF_RANGE",
        `group ${group} holds entries [${first}, ${last}], asked for [${fromIndex}, ${toIndexExclusive})`,
        {
          details: { group, firstIndex: first, lastIndex: last },
        },
      );
    }
    // A group's first read after open comes from the bytes recovery read and checked (VerifiedFrames).
    const verified = log?.takeVerifiedEntries(fromIndex, toIndexExclusive, maxBytes, decode);
    if (verified !== undefined) return verified;
    const result: StoredEntry[] = [];
    let bytes = 0;
    let index: number = fromIndex;
    while (index < toIndexExclusive && (result.length === 0 || bytes < maxBytes)) {
      const span = this.readSpan(log as GroupLog, index, toIndexExclusive);
      for (const entry of await this.readSpanEntries(span, decode)) {
        if (result.length > 0 && bytes + entry.data.length > maxBytes) return result;
        result.push(entry);
        bytes += entry.data.length;
      }
      index += span.offsets.length;
    }
    return result;
  }

  /** The term of entry `index` (or of the compaction point), from memory. */
  term(group: GroupId, index: LogIndex): number | undefined {
    return this.groups.get(group)?.termAt(index);
  }

  status(group: GroupId): GroupStatus | undefined {
    const log = this.groups.get(group);
    if (log === undefined) return undefined;
    return {
      group,
      hardState: log.hardState,
      compaction: log.compaction,
      firstIndex: log.firstIndex,
      lastIndex: log.lastIndex,
    };
  }

  groupIds(): GroupId[] {
    return [...this.groups.keys()].sort((a, b) => a - b);
  }

  /** Sequences of the named segment files on disk, oldest first. */
  segmentSequences(): number[] {
    const sequences = [...this.sealed];
    if (this.draining !== undefined) sequences.push(this.draining.sequence);
    if (this.active.named) sequences.push(this.active.sequence);
    return sequences;
  }

  /** Where the roll in progress stands (tests aim crashes at its steps). */
  get rollStage(): RollStage {
    if (this.namingStep !== undefined) return this.namingStep;
    if (this.draining !== undefined) {
      return this.active.writtenPosition > this.active.writePosition ? "draining" : "switched";
    }
    return this.rolling ? "switching" : "none";
  }

  /**
   * Waits for every accepted append to settle, then closes the files. Spare segments stay for the next
   * open to reuse; a segment being prepared is removed.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.whenIdle();
    const prepared = await this.nextSegment;
    if (prepared !== undefined) await discardPrepared(this.disk, prepared);
    await this.files.closeAll();
    // A segment still draining or unnamed here means the WAL failed closed mid-roll; recovery removes an
    // unnamed file.
    if (this.draining !== undefined) await this.draining.file.close();
    await this.active.file.close();
  }

  // ---- accepting appends -------------------------------------------------------------------------

  // Every call checks, in this order: that the WAL accepts calls, the call's own arguments, that there
  // is room (`checkRoom`); only then does it move the accepted state later calls are validated against,
  // and queue its records (`enqueue`). A call rejected at any step leaves no trace.

  private checkAccepting(): void {
    if (this.closed) throw new HelixError("UNAVAILABLE", "the WAL is closed");
    if (this.failure !== undefined) throw this.failure;
    if (this.queue.length >= limits.walPendingAppendsMax) {
      throw new HelixError("RESOURCE_EXHAUSTED", `${this.queue.length} appends already wait for the disk`);
    }
  }

  private enqueue(records: RecordWrite[], bytes: number): Promise<void> {
    this.statistics.appends++;
    this.enqueuingRecords = records;
    this.enqueuingBytes = bytes;
    return new Promise<void>(this.queueAppend);
  }

  /**
   * The executor of `enqueue`'s promise, made once: it queues the append `enqueue` just left in
   * `enqueuingRecords` and `enqueuingBytes` (the executor runs synchronously, inside the `new Promise`),
   * so that an append, half of them a lone hard state, allocates no executor closure.
   */
  private readonly queueAppend = (resolve: () => void, reject: (error: unknown) => void): void => {
    const records = this.enqueuingRecords;
    const bytes = this.enqueuingBytes;
    this.enqueuingRecords = noRecords;
    this.queue.push({ records, bytes, resolve, reject });
    this.queuedBytes += bytes;
    this.pendingBytes += bytes;
    this.schedulePump();
  };

  private checkRoom(bytes: number): void {
    if (this.pendingBytes + bytes > limits.walPendingBytesMax) {
      throw new HelixError("RESOURCE_EXHAUSTED", `${this.pendingBytes} bytes already wait for the disk`);
    }
    const capacity = this.segmentSizeBytes - fileHeaderBytes - (this.groups.size + 1) * checkpointFrameBytes;
    if (bytes > capacity) {
      throw new HelixError(
        "RECORD_TOO_LARGE",
        `an append of ${bytes} bytes cannot fit in a WAL segment (${capacity} bytes free)`,
      );
    }
  }

  private groupForWrite(group: GroupId): GroupLog {
    let log = this.groups.get(group);
    if (log === undefined) {
      if (this.groups.size >= limits.walGroupsMax)
        throw new HelixError("RESOURCE_EXHAUSTED", `the WAL already serves ${this.groups.size} groups`);
      log = new GroupLog(group);
      this.groups.set(group, log);
    }
    return log;
  }

  /** Validates entries that extend the group's accepted log, adds their records, returns their frame bytes. */
  private acceptEntries(log: GroupLog, entries: readonly WalEntry[], records: RecordWrite[]): number {
    const first = entries[0] as WalEntry;
    if (first.index <= log.acceptedCompactedIndex || first.index > log.acceptedLastIndex + 1) {
      throw invalid(
        `entry ${first.index} does not extend group ${log.group}: its log is (${log.acceptedCompactedIndex}, ${log.acceptedLastIndex}]`,
      );
    }
    let previousTerm = 0;
    let bytes = 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as WalEntry;
      if (entry.index !== first.index + i)
        throw invalid(
          `entries of one append must be contiguous: ${entry.index} follows ${first.index + i - 1}`,
        );
      if (!Number.isSafeInteger(entry.term) || entry.term < previousTerm)
        throw invalid(`entry ${entry.index} has term ${entry.term}, below ${previousTerm}`);
      if (!Number.isInteger(entry.type) || entry.type < 0 || entry.type > 255)
        throw invalid(`entry type ${entry.type} is not a byte`);
      if (entry.data.length + 64 > limits.walEntrySizeBytesMax) {
        throw new HelixError(
          "RECORD_TOO_LARGE",
          `entry ${entry.index} has ${entry.data.length} bytes, the limit is ${limits.walEntrySizeBytesMax - 64}`,
        );
      }
      previousTerm = entry.term;
      records.push({ kind: "entry", group: log.group, index: entry.index, term: entry.term, entry });
      bytes += entryFrameBytes(entry.data.length);
    }
    return bytes;
  }

  // ---- group commit ------------------------------------------------------------------------------
  //
  // A two-stage pipeline: at most one write and at most one fdatasync are in flight, and they may overlap.
  // While the disk flushes batch N, batch N+1 is encoded (CRC included) and written into the page cache,
  // so CPU work and disk work proceed together instead of taking turns. An fdatasync covers exactly the
  // batches whose write had completed when it was called (the Disk contract), and only those resolve
  // when it completes: nothing is acknowledged before its fdatasync.

  /**
   * Pumps once the calls made in this microtask burst have all been accepted, so that callers resumed
   * together (acknowledged by one fdatasync) share one write instead of the first taking a write alone.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    void Promise.resolve().then(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Starts whatever the pipeline can start now. Called after every completion and (batched) accept. */
  private pump(): void {
    if (this.failure === undefined) {
      if (this.inSync === undefined && (this.written.length > 0 || this.namingDue()) && this.maySyncNow()) {
        this.startSync();
      }
      if (this.inWrite === undefined && !this.rolling) this.maybeStartWrite();
      else if (this.inWrite !== undefined && this.encoded === undefined) this.encodeAhead();
    }
    if (this.inWrite === undefined && this.inSync === undefined && this.written.length === 0) {
      // Checked first: pump runs after every completion, and splice allocates even when nothing waits.
      if (this.drainWaiters.length > 0) for (const wake of this.drainWaiters.splice(0)) wake();
    }
    if (this.idleWaiters.length > 0 && this.isIdle()) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /**
   * Whether the unnamed active segment may be named now: the previous segment is durable (none of its
   * batches waits for an fdatasync; the caller checked that none is in flight, and after the roll every
   * write goes to the new segment).
   */
  private namingDue(): boolean {
    const draining = this.draining;
    return draining !== undefined && this.written[0]?.sequence !== draining.sequence;
  }

  /**
   * Whether an fdatasync should start now rather than wait for the write in flight, so that it covers
   * that write too. Waiting is right while little is written (one fdatasync for both costs about what
   * one costs alone); once a full write's worth waits, syncing it now is what overlaps disk and CPU.
   */
  private maySyncNow(): boolean {
    if (this.inWrite === undefined || this.writtenBytes >= limits.walWriteBytesMax) return true;
    // The previous segment's last batches: the write in flight goes to another file, so no fdatasync of
    // theirs could cover it.
    const draining = this.draining;
    return draining !== undefined && this.written[0]?.sequence === draining.sequence;
  }

  private isIdle(): boolean {
    return (
      !this.pumpScheduled &&
      this.inWrite === undefined &&
      this.encoded === undefined &&
      this.inSync === undefined &&
      !this.rolling &&
      (this.draining === undefined || this.failure !== undefined) &&
      this.written.length === 0 &&
      (this.queue.length === 0 || this.failure !== undefined)
    );
  }

  private whenDrained(): Promise<void> {
    if (this.inWrite === undefined && this.inSync === undefined && this.written.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private maybeStartWrite(): void {
    const ahead = this.encoded;
    if (ahead !== undefined) {
      this.encoded = undefined;
      this.issueWrite(ahead);
      this.encodeAhead();
      return;
    }
    if (this.queue.length === 0) return;
    const appends = this.takeBatch();
    if (appends.length > 0) {
      this.issueWrite(this.encodeNext(appends));
      this.encodeAhead();
      return;
    }
    // The oldest append does not fit in the active segment: roll, without waiting for the segment's
    // last batches to become durable (see `roll`). One roll at a time: the next waits until this one's
    // segment is named.
    if (this.draining === undefined) this.startRoll();
  }

  /**
   * While a write is in flight, takes and encodes the next full batch (`chainedSyncBytes` waiting: a full
   * write's worth with 64 MiB segments, less on the small segments of the model tests), so
   * the CPU work of encoding (copies and CRCs) overlaps the write instead of following it: at disk
   * bandwidth the write stage then never waits for the encoder. Less than a full write stays queued, so
   * appends arriving meanwhile still join it. Never across a roll: a batch that does not fit waits.
   */
  private encodeAhead(): void {
    if (this.rolling || this.encoded !== undefined || this.queuedBytes < this.chainedSyncBytes) return;
    const appends = this.takeBatch();
    if (appends.length === 0) return;
    this.encoded = this.encodeNext(appends);
    this.statistics.encodedAhead++;
  }

  /** Places a batch after everything written so far in the active segment and encodes it. */
  private encodeNext(appends: PendingAppend[]): EncodedBatch {
    const segment = this.active;
    let bytes = 0;
    for (const pending of appends) bytes += pending.bytes;
    const batch: WrittenBatch = {
      appends,
      sequence: segment.sequence,
      start: segment.writtenPosition,
      bytes,
    };
    segment.writtenPosition += bytes;
    // Preparing the next segment early keeps its preparation off the roll's path; waiting until this one is
    // half full keeps short-lived WALs (tests, the simulator) from paying for a segment they never use.
    if (this.nextSegment === undefined && segment.writtenPosition * 2 > segment.sizeBytes) {
      this.prepareNextSegment();
    }
    return { batch, data: this.encodeBatch(appends, bytes, segment.sequence) };
  }

  private issueWrite({ batch, data }: EncodedBatch): void {
    const segment = this.active;
    assert(batch.sequence === segment.sequence, "a batch encoded for another segment");
    this.inWrite = batch;
    segment.file.write(batch.start, data).then(this.writeDone, this.writeFailed);
  }

  // The completions of the one write in flight (`inWrite`), made once: a write's callbacks find their
  // batch in `inWrite` (nothing else sets or clears it meanwhile), so no write allocates closures.

  private readonly writeDone = (): void => {
    const batch = this.inWrite as WrittenBatch;
    this.inWrite = undefined;
    if (this.failure === undefined) {
      this.written.push(batch);
      this.writtenBytes += batch.bytes;
    } else {
      rejectBatches([batch], this.failure);
    }
    this.pump();
  };

  private readonly writeFailed = (error: unknown): void => {
    const batch = this.inWrite as WrittenBatch;
    this.inWrite = undefined;
    this.failClosed(error, [batch]);
    this.pump();
  };

  /**
   * Starts the next fdatasync: of the oldest written batches that share a segment (during a roll, the
   * previous segment's last ones first), or, once the previous segment is durable, the naming of the
   * new one (`startNaming`).
   */
  private startSync(): void {
    const draining = this.draining;
    const front = this.written[0];
    if (draining !== undefined && front?.sequence !== draining.sequence) {
      this.startNaming(draining);
      return;
    }
    assert(front !== undefined, "an fdatasync with nothing to cover");
    const segment = front.sequence === this.active.sequence ? this.active : draining;
    assert(segment?.named === true, "an fdatasync of an unnamed segment's batches");
    let count = 0;
    let bytes = 0;
    for (const batch of this.written) {
      if (batch.sequence !== front.sequence) break;
      bytes += batch.bytes;
      count++;
    }
    const covered = count === this.written.length ? this.takeWritten() : this.written.splice(0, count);
    this.writtenBytes -= bytes;
    this.inSync = covered;
    this.syncSegment = segment;
    segment.file.sync().then(this.syncDone, this.syncFailedDone);
  }

  // The completions of `startSync`'s fdatasync, made once: its batches are the ones in `inSync` and its
  // segment is `syncSegment`, which nothing changes until it completes (the next fdatasync starts only
  // from here, in `synced`, or once `inSync` is cleared), so no fdatasync allocates closures.

  private readonly syncDone = (): void => {
    this.synced(this.syncSegment as ActiveSegment, this.inSync as WrittenBatch[]);
  };

  private readonly syncFailedDone = (error: unknown): void => {
    this.syncFailed(error, this.inSync as WrittenBatch[]);
  };

  /**
   * Names the active segment, which received frames under its temporary name while the previous one
   * drained. Runs as the sync stage's job once the previous segment is durable (every batch of it
   * fdatasynced and applied), so the checkpoints written now restate exactly the state at its end. It
   * writes header and checkpoints, fdatasyncs the file (covering the frames already written after them,
   * which are then acknowledged), renames it and fsyncs the directory. Crash order: the previous segment
   * is durable before the new one has a name, the new one's header and covered frames are durable before
   * its name, and nothing in it is acknowledged before the directory fsync. A crash before the rename is
   * durable leaves a temporary file recovery removes, and the log ends with the previous segment.
   */
  private startNaming(previous: ActiveSegment): void {
    const segment = this.active;
    assert(!segment.named, "naming a named segment");
    const covered = this.takeWritten();
    this.writtenBytes = 0;
    this.inSync = covered;
    if (covered.length > 0) this.statistics.rollsPipelined++;
    const checkpoints = this.encodeCheckpoints(this.checkpointGroups);
    const plan = {
      directory: this.directory,
      sequence: segment.sequence,
      basePosition: segment.basePosition,
      sizeBytes: segment.sizeBytes,
      leadingFrames: [checkpoints],
    };
    nameSegment(this.disk, segment.file, plan, (step) => {
      // A WAL that failed closed meanwhile (a write to the new segment failed) names nothing: its owner
      // may already be recovering the directory with a new instance, which removes this temporary file
      // and may prepare one under the same name.
      if (this.failure !== undefined) throw this.failure;
      this.namingStep = step;
    }).then(
      (dataStart) => {
        assert(dataStart === segment.writePosition, "checkpoints of another size than reserved");
        this.namingStep = undefined;
        segment.named = true;
        this.draining = undefined;
        this.checkpointGroups = [];
        this.sealed.push(previous.sequence);
        // The previous segment is durable; a failure to close its descriptor loses nothing.
        this.synced(segment, covered, () => previous.file.close().catch(() => undefined));
      },
      (error: unknown) => {
        this.namingStep = undefined;
        this.syncFailed(error, covered);
      },
    );
  }

  /**
   * An fdatasync (or a naming) that covered `covered` completed: applies them and acknowledges them on the
   * `completions` chain, after `before` (closing a drained segment).
   */
  private synced(segment: ActiveSegment, covered: WrittenBatch[], before?: () => Promise<void>): void {
    // Even if a later write failed meanwhile, these batches are durable and were called before it:
    // they resolve (in order, before that write's rejection is observed as a later outcome).
    this.applyDurable(segment, covered);
    // When at least `chainedSyncBytes` were written during this fdatasync, they are flushed at once,
    // before the acknowledgements below run: at disk bandwidth the disk then never waits for the CPU
    // work of acknowledging callers and encoding their next appends, which overlaps the next
    // fdatasync instead. Less than that (small appends, few callers) waits for the followers below.
    const chained = this.failure === undefined && this.writtenBytes >= this.chainedSyncBytes;
    if (chained) {
      this.statistics.chainedSyncs++;
      this.startSync();
    }
    this.completions = this.completions.then(async () => {
      if (before !== undefined) await before();
      await this.finishSync(covered);
      if (chained) return;
      // Little was written meanwhile: the callers just acknowledged usually append again at once. A
      // few microtask turns let their appends start a write before the next fdatasync is chosen, so
      // one fdatasync covers them together: without this, closed-loop callers split into cohorts that
      // take turns, each paying for its own fdatasync. (No timers here: the WAL runs on simulated time.)
      for (let turn = 0; turn < followerTurns; turn++) await settled;
      this.inSync = undefined;
      this.pump();
    });
  }

  private syncFailed(error: unknown, covered: WrittenBatch[]): void {
    this.completions = this.completions.then(() => {
      this.inSync = undefined;
      this.failClosed(error, covered);
      this.pump();
    });
  }

  /** Every group's checkpoint, back to back in one buffer (unsalted: naming the segment salts them). */
  private encodeCheckpoints(groups: readonly GroupLog[]): Uint8Array {
    const checkpoints = new Uint8Array(groups.length * checkpointFrameBytes);
    let position = 0;
    for (const log of groups) {
      position += encodeRecordInto(
        checkpoints,
        position,
        {
          kind: "checkpoint",
          group: log.group,
          hardState: log.hardState,
          compactedIndex: log.compaction.index,
          compactedTerm: log.compaction.term,
          lastIndex: log.lastIndex,
        },
        0,
      );
    }
    return checkpoints;
  }

  /** Applies durable batches to the in-memory state, in the order they were written. */
  private applyDurable(segment: ActiveSegment, covered: WrittenBatch[]): void {
    for (const batch of covered) {
      assert(batch.sequence === segment.sequence, "a synced batch belongs to another segment");
      assert(batch.start === segment.writePosition, "synced batches are not contiguous");
      segment.writePosition += batch.bytes;
      this.statistics.writes++;
      this.statistics.bytesWritten += batch.bytes;
      this.applyBatch(batch.appends, batch.sequence, batch.start);
    }
    segment.commits++;
    this.statistics.commits++;
  }

  /**
   * Reclaims what durable batches released, then acknowledges them. Runs on the `completions` chain, so
   * acknowledgements keep call order even when the next fdatasync completes during a reclaim.
   *
   * Without a reclaim (nearly every fdatasync) it acknowledges at once and returns undefined, sparing an
   * async call's promise per fdatasync: the caller's `await` of undefined takes the same one microtask
   * turn as its await of an async call's settled promise, so the order of everything after is unchanged.
   */
  private finishSync(covered: WrittenBatch[]): Promise<void> | undefined {
    // Reclaiming first (rare: once per segment) lets a caller that awaited a release see its effect.
    // Asked only while a sealed segment exists: finding the oldest live segment walks every segment's
    // usage, and most fdatasyncs complete with nothing sealed.
    const oldestSealed = this.sealed[0];
    const reclaimable = oldestSealed !== undefined && oldestSealed < this.oldestLiveSegment();
    if (reclaimable && this.failure === undefined) return this.reclaimThenAcknowledge(covered);
    this.acknowledge(covered);
    return undefined;
  }

  private async reclaimThenAcknowledge(covered: WrittenBatch[]): Promise<void> {
    await this.reclaim();
    this.acknowledge(covered);
  }

  private acknowledge(covered: WrittenBatch[]): void {
    for (const batch of covered) {
      for (const pending of batch.appends) {
        this.pendingBytes -= pending.bytes;
        pending.resolve();
      }
    }
  }

  private startRoll(): void {
    this.rolling = true;
    this.roll()
      .catch((error: unknown) => this.rejectQueue(error))
      .finally(() => {
        this.rolling = false;
        this.pump();
      });
  }

  /** The longest prefix of the queue that fits in the active segment and in one write. */
  private takeBatch(): PendingAppend[] {
    const room = this.active.sizeBytes - this.active.writtenPosition;
    let bytes = 0;
    let count = 0;
    for (const pending of this.queue) {
      if (bytes + pending.bytes > room) break;
      if (count > 0 && bytes + pending.bytes > limits.walWriteBytesMax) break;
      bytes += pending.bytes;
      count++;
    }
    this.queuedBytes -= bytes;
    if (count < this.queue.length) return this.queue.splice(0, count);
    // The whole queue (the usual case): handing over the array costs less than `splice(0)`'s copy of it.
    const taken = this.queue;
    this.queue = [];
    return taken;
  }

  /** Every written batch, leaving none: the array itself, which costs less than `splice(0)`'s copy. */
  private takeWritten(): WrittenBatch[] {
    const taken = this.written;
    this.written = [];
    return taken;
  }

  /**
   * The batch's frames back to back in the next of the two reused write buffers. Reuse is safe: at most
   * one write is in flight and at most one batch is encoded ahead, so the buffer taken now belongs to a
   * write that has completed.
   */
  private encodeBatch(batch: PendingAppend[], bytes: number, sequence: number): Uint8Array {
    const slot = this.nextWriteBuffer;
    this.nextWriteBuffer = 1 - slot;
    let buffer = this.writeBuffers[slot] as Uint8Array;
    if (buffer.length < bytes) {
      buffer = new Uint8Array(Math.max(bytes, Math.min(2 * buffer.length, limits.walWriteBytesMax)));
      this.writeBuffers[slot] = buffer;
    }
    const salt = segmentCrcSalt(sequence);
    let position = 0;
    for (const pending of batch) {
      for (const record of pending.records) position += encodeRecordInto(buffer, position, record, salt);
    }
    assert(position === bytes, "encoded batch size differs from the accepted size");
    return buffer.subarray(0, bytes);
  }

  private applyBatch(batch: PendingAppend[], sequence: number, start: number): void {
    let position = start;
    for (const pending of batch) {
      for (const record of pending.records) {
        const size = recordFrameBytes(record);
        // Entries and hard states, nearly every record, take the field-wise entry points recovery uses
        // (same checks, same result), without a location object per record.
        let reason: string | undefined;
        if (record.kind === "entry") {
          reason = applyEntryRecord(
            this.groups,
            this.usage,
            record.group,
            record.index,
            record.term,
            sequence,
            position,
            size,
          );
        } else if (record.kind === "hardState") {
          reason = applyHardStateRecord(this.groups, record.group, record.hardState);
        } else {
          reason = applyRecord(this.groups, this.usage, record, { segment: sequence, position, size });
        }
        if (reason !== undefined) assert(false, `an accepted record did not apply: ${reason}`);
        position += size;
      }
    }
  }

  /**
   * Starts the next segment without waiting for the active one to drain (the pipelined roll): once the
   * next segment's file is ready (prepared in the background, or created now), frames go to it under its
   * temporary name, behind room reserved for its header and one checkpoint per group that exists now.
   * The previous segment's last batches become durable meanwhile; then `startNaming` names the new one.
   * A group created later has no record in the previous segment, so it needs no checkpoint.
   */
  private async roll(): Promise<void> {
    const previous = this.active;
    assert(
      this.inWrite === undefined &&
        this.encoded === undefined &&
        this.draining === undefined &&
        previous.named,
      "a roll while a write is in flight or another roll is not finished",
    );
    const groups = [...this.groups.values()];
    const sequence = previous.sequence + 1;
    const dataStart = fileHeaderBytes + groups.length * checkpointFrameBytes;
    const head = this.queue[0];
    if (head !== undefined && head.bytes > this.segmentSizeBytes - dataStart) {
      // The oldest append was accepted when fewer groups needed a checkpoint; it cannot fit behind this
      // roll's checkpoints. Appends queued after it may extend it (later entries of its group), so the
      // whole queue is rejected, as for a roll that could not get its file: once the previous segment's
      // batches settled, so that rejecting resets the accepted state to the durable one. The prepared
      // file stays for the next roll.
      await this.whenDrained();
      throw new HelixError(
        "RECORD_TOO_LARGE",
        `an append of ${head.bytes} bytes does not fit in a WAL segment after the checkpoints of ${groups.length} groups ` +
          `(${this.segmentSizeBytes - dataStart} bytes free); the ${this.queue.length - 1} appends queued after it are rejected with it`,
      );
    }
    const prepared = await this.nextSegment;
    this.nextSegment = undefined;
    let file: DiskFile;
    try {
      file =
        prepared ??
        (await preallocateSegment(this.disk, this.directory, sequence, this.segmentSizeBytes, {
          zeroFill: true,
        }));
    } catch (error) {
      // Nothing was written for the new segment. The waiting appends are rejected (the WAL stays usable)
      // once the previous segment's batches settled: rejecting resets what later calls are validated
      // against to the durable state.
      await this.whenDrained();
      throw error;
    }
    this.checkpointGroups = groups;
    this.draining = previous;
    this.active = {
      sequence,
      basePosition: previous.basePosition + previous.writtenPosition - fileHeaderBytes,
      file,
      sizeBytes: this.segmentSizeBytes,
      writePosition: dataStart,
      writtenPosition: dataStart,
      commits: 0,
      named: false,
    };
    this.statistics.segmentsCreated++;
  }

  /**
   * Starts preparing the segment after the active one: the newest spare if there is one (reused as it is),
   * otherwise a new file, zero-filled or left to grow (`zeroFillNewSegment`). A failure (typically ENOSPC)
   * is not reported here: the roll then creates the segment itself (zero-filled) and reports the error to
   * the appends that wait.
   */
  private prepareNextSegment(): void {
    const sequence = this.active.sequence + 1;
    this.segmentsSinceReclaim++;
    const spare = this.spares.pop();
    if (spare !== undefined) this.statistics.segmentsRecycled++;
    const zeroFill = spare === undefined && this.zeroFillNewSegment();
    if (spare === undefined && !zeroFill) this.statistics.segmentsGrown++;
    this.nextSegment = preallocateSegment(this.disk, this.directory, sequence, this.segmentSizeBytes, {
      spare,
      zeroFill,
    }).catch(() => undefined);
  }

  /**
   * Whether a new segment is zero-filled. Zero-filling writes every byte twice (zeros, then frames) but
   * keeps each fdatasync to data only; growing writes once but each fdatasync also commits the file
   * size (a journal commit on ext4). Measured on the benchmark disk (BENCHMARKS.md, WAL, session 5):
   * at 1 MiB per fdatasync, growing reached about twice the bandwidth of zero-fill plus overwrite, while
   * a lone 100 B append + fdatasync took up to 1.8x longer on a grown file. So: grow when the active
   * segment averaged at least `appendGrowthBytesPerSync` per fdatasync (the disk's bandwidth matters),
   * zero-fill when commits are small (latency matters, and the zeros cost little bandwidth).
   */
  private zeroFillNewSegment(): boolean {
    if (this.newSegments !== "auto") return this.newSegments === "zero-fill";
    const segment = this.active;
    const bytes = segment.writePosition - fileHeaderBytes;
    return segment.commits === 0 || bytes / segment.commits < appendGrowthBytesPerSync;
  }

  /**
   * Takes the sealed segments that hold no live entry out of the log (their metadata lives on in later
   * checkpoints): they are renamed to spares for later segments to reuse while the pool is below what the
   * next release cycle will need (`sparesWanted`), the rest are deleted (and so are spares beyond that,
   * when the log's cycle shrank), then the directory is fsynced. Spares become usable only after that
   * fsync: were one rewritten before its rename is durable, a crash could bring back its old name with new
   * contents (a bad header).
   */
  private async reclaim(): Promise<void> {
    const oldestLive = this.oldestLiveSegment();
    const wanted = this.sparesWanted();
    let removed = 0;
    const kept: string[] = [];
    try {
      while (this.sealed.length > 0 && (this.sealed[0] as number) < oldestLive) {
        const sequence = this.sealed[0] as number;
        const path = `${this.directory}/${segmentName(sequence)}`;
        await this.files.forget(path);
        if (this.spares.length + kept.length < wanted) {
          const spare = sparePath(this.directory, sequence);
          await this.disk.rename(path, spare);
          kept.push(spare);
        } else {
          await this.disk.remove(path);
        }
        this.sealed.shift();
        removed++;
      }
      // Spares beyond the need (kept from a longer cycle, or found at recovery) give their space back;
      // the oldest go first.
      let trimmed = 0;
      while (this.spares.length + kept.length > wanted && this.spares.length > 0) {
        await this.disk.remove(this.spares.shift() as string);
        trimmed++;
      }
      if (removed + trimmed > 0) await this.disk.syncDirectory(this.directory);
      this.spares.push(...kept);
      if (removed > 0) this.segmentsSinceReclaim = 0;
    } catch (error) {
      this.failClosed(error, []);
    }
    this.statistics.segmentsRemoved += removed;
  }

  /**
   * Spares the next release cycle needs: as many segments as the log started since the last reclamation
   * (limits.walSpareSegmentsMin to limits.walSpareSegmentsMax; see the limits for why).
   */
  private sparesWanted(): number {
    return Math.min(
      limits.walSpareSegmentsMax,
      Math.max(limits.walSpareSegmentsMin, this.segmentsSinceReclaim),
    );
  }

  private oldestLiveSegment(): number {
    return this.usage.oldestLive() ?? this.active.sequence;
  }

  /**
   * Fails the WAL closed: `failed` and every batch written but not yet syncing, and every queued append,
   * reject. A write still in flight rejects its batch when it completes; an fdatasync still in flight
   * resolves its batches if it succeeds, since they are durable and were called before the failure.
   */
  private failClosed(error: unknown, failed: WrittenBatch[]): void {
    this.failure = new HelixError(
      "IO_ERROR",
      `the WAL failed closed and must be reopened: ${describe(error)}`,
      {
        cause: error,
        details: { directory: this.directory },
      },
    );
    rejectBatches(failed, error);
    rejectBatches(this.written.splice(0), this.failure);
    // A batch encoded ahead was never written: it is rejected with the queue it was taken from.
    if (this.encoded !== undefined) rejectBatches([this.encoded.batch], this.failure);
    this.encoded = undefined;
    this.writtenBytes = 0;
    this.rejectQueue(this.failure);
  }

  /** Rejects every waiting append and forgets what they promised (the accepted state goes back to the durable one). */
  private rejectQueue(error: unknown): void {
    const waiting = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const pending of waiting) this.pendingBytes -= pending.bytes;
    for (const log of this.groups.values()) {
      log.acceptedLastIndex = log.lastIndex;
      log.acceptedCompactedIndex = log.compaction.index;
      log.acceptedTerm = log.hardState.term;
    }
    for (const pending of waiting) pending.reject(error);
  }

  // ---- reading -----------------------------------------------------------------------------------

  /**
   * The entries from `index` on that one read serves: in one segment, each after the one before, with
   * at most `limits.walReadGapBytesMax` of other frames between two of them, and starting within
   * `limits.walRecoveryReadBytes` of the first. Groups interleave in the shared log, so a group's
   * entries are seldom back to back; reading the few frames between them costs less than a read each.
   */
  private readSpan(log: GroupLog, index: number, toIndexExclusive: number): ReadSpan {
    const first = log.location(index);
    assert(first !== undefined, () => `no location for entry ${index} of group ${log.group}`);
    const offsets = [0];
    let end = first.position + first.size;
    while (index + offsets.length < toIndexExclusive && end - first.position < limits.walRecoveryReadBytes) {
      const next = log.location(index + offsets.length);
      if (
        next === undefined ||
        next.segment !== first.segment ||
        next.position < end ||
        next.position - end > limits.walReadGapBytesMax
      ) {
        break;
      }
      offsets.push(next.position - first.position);
      end = next.position + next.size;
    }
    return {
      group: log.group,
      index,
      segment: first.segment,
      position: first.position,
      bytes: end - first.position,
      offsets,
    };
  }

  private async readSpanEntries<T extends StoredEntry>(
    span: ReadSpan,
    decode: EntryDecoder<T>,
  ): Promise<T[]> {
    const bytes =
      span.segment === this.active.sequence
        ? await this.active.file.read(span.position, span.bytes)
        : await this.files.use(this.segmentPath(span.segment), (file) =>
            file.read(span.position, span.bytes),
          );
    const rules = walFrameRulesFor(span.segment);
    const entries: T[] = [];
    for (let i = 0; i < span.offsets.length; i++) {
      const offset = span.offsets[i] as number;
      const check = checkFrame(bytes, offset, bytes.length - offset, rules);
      if (check.kind !== "valid") {
        const path = this.segmentPath(span.segment);
        throw new HelixError(
          "CORRUPT_DATA",
          `${path} at byte ${span.position + offset}: entry ${span.index + i} of group ${span.group} fails its check`,
          {
            details: { path, position: span.position + offset },
          },
        );
      }
      const entry = decodeEntry(bytes, offset, check.size, decode);
      if (entry.index !== span.index + i) {
        assert(false, `the index points entry ${span.index + i} at entry ${entry.index}`);
      }
      entries.push(entry);
    }
    return entries;
  }

  private segmentPath(sequence: number): string {
    return `${this.directory}/${segmentName(sequence)}`;
  }
}

/** Entries of one group that one read serves (`Wal.readSpan`): `offsets` are from `position`. */
interface ReadSpan {
  readonly group: GroupId;
  readonly index: number;
  readonly segment: number;
  readonly position: number;
  readonly bytes: number;
  readonly offsets: readonly number[];
}

/**
 * Average bytes per fdatasync in the active segment from which the next new segment grows by append
 * instead of being zero-filled (`zeroFillNewSegment`): half a full write.
 */
const appendGrowthBytesPerSync = limits.walWriteBytesMax / 2;

/** Microtask turns an fdatasync's completion waits for the callers it acknowledged to append again. */
const followerTurns = 4;

const noEntries: readonly WalEntry[] = [];

/** What `enqueuingRecords` holds outside `enqueue`, so no append's records stay referenced (never pushed to). */
const noRecords: RecordWrite[] = [];

/** An already-settled promise to await for one microtask turn (one shared: a new one each turn is garbage). */
const settled: Promise<void> = Promise.resolve();

function rejectBatches(batches: readonly WrittenBatch[], error: unknown): void {
  for (const batch of batches) for (const pending of batch.appends) pending.reject(error);
}

function invalid(message: string): HelixError {
  return new HelixError("INVALID_ARGUMENT", message);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
