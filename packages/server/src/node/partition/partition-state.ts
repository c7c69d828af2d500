import {
  assert,
  batchSize,
  HelixError,
  isControlBatch,
  isTransactionalBatch,
  limits,
  type RecordBatchHeader,
  readRecordBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  splitRecordBatches,
} from "@helixlog/core";
import {
  assignEpoch,
  type EpochEndOffset,
  type EpochStart,
  endOffsetForEpoch,
  epochForOffset,
  truncateEpochsBefore,
} from "./leader-epochs.js";
import {
  type ActiveProducerState,
  activeProducers,
  judgeSequence,
  lastSequenceOf,
  type ProducerBatch,
  type ProducerEntry,
  recordBatch,
} from "./producer-state.js";

/**
 * The state machine of one partition's Raft group (DESIGN.md §2).
 *
 * A partition's log entries carry Kafka record batches. Offsets are fixed when the leader appends a
 * batch: its base offset is one past the last offset already in the leader's log, committed or not.
 * Offsets are therefore a function of the log prefix, and the invariant every replica checks is that
 * each data entry starts exactly where the previous one ended ("offset contiguity"). Truncating an
 * uncommitted suffix and appending other entries keeps offsets contiguous.
 *
 * Two views are kept:
 *   - the applied state (committed entries, in log order): the high watermark and the producer state
 *     that duplicates are judged against once committed;
 *   - the unapplied tail of the local log (appended, not yet applied), which the leader needs to stamp
 *     the next offset and to judge a retried batch whose original is still uncommitted (and name the
 *     entry the retry's answer waits for).
 * The host feeds both: `observeAppended` for every entry appended to the local log (and, after a
 * restart, for the recovered entries above the applied index), `apply` for every committed entry.
 *
 * Pure: no clock, no I/O. Decisions for bad client input are answered, never asserted.
 */

/** Entry payload type tags (first byte of a partition entry's data). Append-only. */
export const partitionCommandType = {
  /** One or more Kafka record batches, offsets and leader epoch already stamped. */
  records: 1,
  /** Kafka DeleteRecords (KIP-107): moves the log start offset up to an int64 offset that follows. */
  deleteRecords: 2,
  /** A tiered-storage manifest command (node/tier/tier-command.ts); holds no records. */
  tierManifest: 3,
} as const;

/** The partition command that moves the log start offset to `beforeOffset` (already checked by the leader). */
export function encodeDeleteRecords(beforeOffset: number): Uint8Array {
  assert(Number.isSafeInteger(beforeOffset) && beforeOffset >= 0, "deleteRecords offset");
  const command = new Uint8Array(9);
  command[0] = partitionCommandType.deleteRecords;
  new DataView(command.buffer).setBigInt64(1, BigInt(beforeOffset));
  return command;
}

/** What `prepareAppend` decided for a produce request's records. */
export type AppendDecision =
  /** Propose `command`; once appended it holds offsets [baseOffset, lastOffset]. */
  | {
      readonly kind: "propose";
      readonly command: Uint8Array;
      readonly baseOffset: number;
      readonly lastOffset: number;
    }
  /**
   * A retried batch already in the log: answer with its original offsets, write nothing. `pending`
   * names the log entry holding the original while it is not committed yet (above the high watermark):
   * the answer must then wait for that entry as the acks level demands (Kafka answers a duplicate only
   * once the original is committed), and fails if another term's entry takes its index.
   */
  | {
      readonly kind: "duplicate";
      readonly baseOffset: number;
      readonly lastOffset: number;
      readonly pending?: { readonly index: number; readonly term: number };
    }
  | { readonly kind: "rejected"; readonly error: HelixError };

/** A committed batch, ready for the partition's segment store. */
export interface AppliedBatch {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly maxTimestamp: number;
  /** The stamped batch bytes (a view into the entry). */
  readonly bytes: Uint8Array;
}

interface ProducerStamp {
  readonly producerId: number;
  readonly epoch: number;
  readonly batch: ProducerBatch;
}

/** An appended, not yet applied entry of the local log. */
interface TailEntry {
  readonly index: number;
  /** Raft term of the entry: with the index it identifies the entry (Raft's Log Matching Property). */
  readonly term: number;
  readonly baseOffset: number;
  readonly nextOffset: number;
  readonly producer: ProducerStamp | undefined;
}

export interface PartitionSnapshot {
  readonly appliedIndex: number;
  readonly logStartOffset: number;
  readonly highWatermark: number;
  readonly producers: readonly (readonly [number, ProducerEntry])[];
  /**
   * The applied log's leader-epoch history. Absent from snapshots written before it was kept: the
   * history then starts at the next entry, and older epochs get Kafka's answer for epochs whose records
   * are gone (never an end offset below a committed record of theirs).
   */
  readonly leaderEpochs?: readonly EpochStart[];
}

export class PartitionState {
  /** Raft index of the last applied entry. */
  private appliedIndex = 0;
  /** Offset of the first record still held (moves with retention and DeleteRecords). */
  private logStartOffset = 0;
  /** One past the last committed and applied offset: what consumers may read up to. */
  private appliedNextOffset = 0;
  /** Producer state of the applied log. */
  private producers = new Map<number, ProducerEntry>();
  /** Leader-epoch history of the applied log (the tail's entries extend it: `leaderEpochs`). */
  private epochs: EpochStart[] = [];
  /** Unapplied entries of the local log, ascending by index; invariant: offsets contiguous from appliedNextOffset. */
  private tail: TailEntry[] = [];
  /** Producer state of the applied log plus the tail (what the leader judges new batches against). */
  private pendingProducers = new Map<number, ProducerEntry>();

  /** One past the last offset in the local log, committed or not: the next batch's base offset. */
  logEndOffset(): number {
    return this.tail[this.tail.length - 1]?.nextOffset ?? this.appliedNextOffset;
  }

  /** The high watermark: one past the last committed (and applied) offset. */
  highWatermark(): number {
    return this.appliedNextOffset;
  }

  /** The replicated log start offset: records below it are deleted (DeleteRecords) on every replica. */
  earliestOffset(): number {
    return this.logStartOffset;
  }

  /**
   * Leader side of Kafka DeleteRecords: `beforeOffset` -1 means the high watermark; an offset past the
   * high watermark is OFFSET_OUT_OF_RANGE (Kafka answers the same). Below the current log start offset
   * the command still goes through the log and changes nothing, so the answer reflects every earlier one.
   */
  prepareDeleteRecords(beforeOffset: number): { command: Uint8Array } | { error: HelixError } {
    const highWatermark = this.highWatermark();
    const target = beforeOffset === -1 ? highWatermark : beforeOffset;
    if (!Number.isSafeInteger(target) || target < 0) {
      return {
        error: new HelixError("INVALID_ARGUMENT", `cannot delete records before offset ${beforeOffset}`),
      };
    }
    if (target > highWatermark) {
      return {
        error: new HelixError(
          "OFFSET_OUT_OF_RANGE",
          `cannot delete records before ${target}: the high watermark is ${highWatermark}`,
          { details: { logStartOffset: this.logStartOffset, highWatermark } },
        ),
      };
    }
    return { command: encodeDeleteRecords(target) };
  }

  /**
   * The idempotent producers of the leader's log (committed and not yet committed batches, as Kafka's
   * leader reports them in DescribeProducers), least recently written first.
   */
  producerStates(): ActiveProducerState[] {
    return activeProducers(this.pendingProducers);
  }

  /**
   * The leader-epoch history of the local log: the applied log's, extended by the appended entries not
   * yet applied (on a leader, after its tail is synced with Raft, the whole log it will commit).
   */
  leaderEpochs(): EpochStart[] {
    const history = [...this.epochs];
    for (const entry of this.tail) assignEpoch(history, entry.term, entry.baseOffset);
    return history;
  }

  /** Kafka OffsetForLeaderEpoch on the local log (see leader-epochs.ts); undefined: epoch -1, offset -1. */
  endOffsetForEpoch(requested: number): EpochEndOffset | undefined {
    return endOffsetForEpoch(this.leaderEpochs(), requested, this.logEndOffset());
  }

  /** The leader epoch the record at `offset` was written in (ListOffsets answers it); -1 if unknown. */
  epochForOffset(offset: number): number {
    return epochForOffset(this.leaderEpochs(), offset) ?? -1;
  }

  lastAppliedIndex(): number {
    return this.appliedIndex;
  }

  /**
   * Leader side of a produce: validates the client's batches, judges idempotent-producer sequences,
   * and stamps base offsets (from the log end offset) and the leader epoch (the Raft term). Does not
   * change state: the decision takes effect when the proposed entry is appended (`observeAppended`).
   */
  prepareAppend(records: Uint8Array, leaderEpoch: number): AppendDecision {
    let spans: ReturnType<typeof splitRecordBatches>;
    try {
      spans = splitRecordBatches(records);
    } catch (error) {
      if (HelixError.isInstance(error)) return { kind: "rejected", error };
      throw error;
    }
    const refusal = refuseBatches(spans.map((span) => span.header));
    if (refusal !== undefined) return { kind: "rejected", error: refusal };
    const producer = spans[0]!.header;
    if (producer.producerId >= 0) {
      const lastSequence = lastSequenceOf(producer.baseSequence, producer.lastOffsetDelta);
      const verdict = judgeSequence(
        producer.producerId,
        this.pendingProducers.get(producer.producerId),
        producer.producerEpoch,
        producer.baseSequence,
        lastSequence,
      );
      if (verdict.kind === "rejected") return verdict;
      if (verdict.kind === "duplicate") {
        const { baseOffset, lastOffset } = verdict.batch;
        const pending = this.uncommittedEntryAt(baseOffset);
        return { kind: "duplicate", baseOffset, lastOffset, ...(pending === undefined ? {} : { pending }) };
      }
    }
    return this.stamp(records, spans, leaderEpoch);
  }

  /**
   * The unapplied entry of the local log holding `offset`; undefined when the offset is committed (below
   * the high watermark). The tail is contiguous from the high watermark, so an offset above it that the
   * pending producer state names lies in exactly one tail entry.
   */
  private uncommittedEntryAt(offset: number): { index: number; term: number } | undefined {
    if (offset < this.appliedNextOffset) return undefined;
    const entry = this.tail.find(
      (candidate) => candidate.baseOffset <= offset && offset < candidate.nextOffset,
    );
    assert(entry !== undefined, () => `offset ${offset} is neither committed nor in the observed tail`);
    return { index: entry.index, term: entry.term };
  }

  private stamp(
    records: Uint8Array,
    spans: ReturnType<typeof splitRecordBatches>,
    leaderEpoch: number,
  ): AppendDecision {
    const command = new Uint8Array(1 + records.length);
    command[0] = partitionCommandType.records;
    command.set(records, 1);
    const baseOffset = this.logEndOffset();
    let next = baseOffset;
    for (const span of spans) {
      setBaseOffset(command, next, 1 + span.start);
      setPartitionLeaderEpoch(command, leaderEpoch, 1 + span.start);
      next += span.header.lastOffsetDelta + 1;
    }
    return { kind: "propose", command, baseOffset, lastOffset: next - 1 };
  }

  /**
   * An entry was appended to the local log at `index` (by this node as leader, or replicated to it).
   * An index at or below the tail's last one means Raft truncated a conflicting suffix first.
   */
  observeAppended(index: number, term: number, data: Uint8Array): void {
    if (index <= this.appliedIndex) return;
    // The leader observes its own proposal at once and again when the host persists it; an entry with
    // the same index and term is the same entry, so the second observation changes nothing.
    if (this.tail.some((entry) => entry.index === index && entry.term === term)) return;
    this.discardFrom(index);
    const spans = this.readRecordsCommand(data);
    const first = spans?.[0];
    const last = spans?.[spans.length - 1];
    const expected = this.logEndOffset();
    if (first === undefined || last === undefined) {
      this.tail.push({ index, term, baseOffset: expected, nextOffset: expected, producer: undefined });
      return;
    }
    assert(
      first.baseOffset === expected,
      () =>
        `offset contiguity broken at index ${index}: entry starts at ${first.baseOffset}, log ends at ${expected}`,
    );
    const producer = producerStampOf(first, last);
    const nextOffset = last.baseOffset + last.lastOffsetDelta + 1;
    this.tail.push({ index, term, baseOffset: first.baseOffset, nextOffset, producer });
    if (producer !== undefined)
      recordBatch(this.pendingProducers, producer.producerId, producer.epoch, producer.batch);
  }

  /** The newest observed entry not yet applied, if any. */
  lastObserved(): { readonly index: number; readonly term: number } | undefined {
    return this.tail[this.tail.length - 1];
  }

  /**
   * A committed entry of Raft term `term`, in log order. Returns the batches to write to the partition's
   * segment store.
   */
  apply(index: number, term: number, data: Uint8Array): AppliedBatch[] {
    assert(index > this.appliedIndex, () => `entry ${index} applied twice (applied ${this.appliedIndex})`);
    while (this.tail.length > 0 && this.tail[0]!.index <= index) {
      const observed = this.tail.shift()!;
      assert(
        observed.index === index,
        () => `committed entry ${index} skipped observed entry ${observed.index}`,
      );
    }
    this.appliedIndex = index;
    // Every entry, records or not, starts at the applied end: its term is the leader epoch from there.
    assignEpoch(this.epochs, term, this.appliedNextOffset);
    if (data[0] === partitionCommandType.deleteRecords) {
      this.applyDeleteRecords(data);
      return [];
    }
    const spans = this.readRecordsCommand(data);
    if (spans === undefined) return [];
    const first = spans[0]!;
    const last = spans[spans.length - 1]!;
    assert(
      first.baseOffset === this.appliedNextOffset,
      () =>
        `offset contiguity broken at committed index ${index}: ${first.baseOffset} != ${this.appliedNextOffset}`,
    );
    this.appliedNextOffset = last.baseOffset + last.lastOffsetDelta + 1;
    const producer = producerStampOf(first, last);
    if (producer !== undefined)
      recordBatch(this.producers, producer.producerId, producer.epoch, producer.batch);
    return spans.map((header) => ({
      baseOffset: header.baseOffset,
      lastOffset: header.baseOffset + header.lastOffsetDelta,
      maxTimestamp: header.maxTimestamp,
      bytes: data.subarray(1 + header.start, 1 + header.start + batchSize(header)),
    }));
  }

  /**
   * Moves the log start offset forward, never past the high watermark (the leader checked it against a
   * high watermark no greater than this one) and never back.
   */
  private applyDeleteRecords(data: Uint8Array): void {
    assert(data.length === 9, "a deleteRecords command holds one int64 offset");
    const beforeOffset = Number(new DataView(data.buffer, data.byteOffset, data.length).getBigInt64(1));
    this.logStartOffset = Math.max(this.logStartOffset, Math.min(beforeOffset, this.appliedNextOffset));
    truncateEpochsBefore(this.epochs, this.logStartOffset);
  }

  snapshot(): PartitionSnapshot {
    assert(
      this.tail.length === 0 || this.tail[0]!.index > this.appliedIndex,
      "tail must lie above the applied index",
    );
    return {
      appliedIndex: this.appliedIndex,
      logStartOffset: this.logStartOffset,
      highWatermark: this.appliedNextOffset,
      producers: [...this.producers.entries()],
      leaderEpochs: [...this.epochs],
    };
  }

  /** Replaces the whole state with a snapshot's (an InstallSnapshot, or recovery). */
  restore(snapshot: PartitionSnapshot): void {
    this.appliedIndex = snapshot.appliedIndex;
    this.logStartOffset = snapshot.logStartOffset;
    this.appliedNextOffset = snapshot.highWatermark;
    this.producers = new Map(snapshot.producers.map(([id, entry]) => [id, withTimestamps(entry)]));
    this.epochs = [...(snapshot.leaderEpochs ?? [])];
    this.tail = [];
    this.pendingProducers = new Map(this.producers);
  }

  /** Forgets observed entries at `index` and above (Raft replaced or dropped them). */
  discardFrom(index: number): void {
    const keep = this.tail.findIndex((entry) => entry.index >= index);
    if (keep === -1) return;
    this.tail.length = keep;
    // Rare (a leader change with a divergent suffix): rebuild the pending view from scratch.
    this.pendingProducers = new Map(this.producers);
    for (const entry of this.tail) {
      if (entry.producer !== undefined) {
        recordBatch(
          this.pendingProducers,
          entry.producer.producerId,
          entry.producer.epoch,
          entry.producer.batch,
        );
      }
    }
  }

  /** The batch headers of a records command (our own log: already validated), or undefined for others. */
  private readRecordsCommand(data: Uint8Array): (RecordBatchHeader & { start: number })[] | undefined {
    if (data.length === 0 || data[0] !== partitionCommandType.records) return undefined;
    const headers: (RecordBatchHeader & { start: number })[] = [];
    let position = 1;
    while (position < data.length) {
      const header = readRecordBatchHeader(data, position);
      headers.push({ ...header, start: position - 1 });
      position += batchSize(header);
    }
    assert(position === data.length && headers.length > 0, "a records command holds whole batches");
    return headers;
  }
}

/** Refuses what Helix does not accept from a producer yet, with the reason. */
function refuseBatches(headers: readonly RecordBatchHeader[]): HelixError | undefined {
  if (headers.length === 0)
    return new HelixError("INVALID_RECORD", "a produce request must hold at least one batch");
  if (headers.length > limits.batchesPerAppendMax) {
    return new HelixError(
      "INVALID_RECORD",
      `at most ${limits.batchesPerAppendMax} batches per partition per request`,
    );
  }
  for (const header of headers) {
    if (header.recordsCount === 0)
      return new HelixError("INVALID_RECORD", "a batch must hold at least one record");
    if (isControlBatch(header.attributes))
      return new HelixError("INVALID_RECORD", "clients may not write control batches");
    if (isTransactionalBatch(header.attributes)) {
      return new HelixError("INVALID_RECORD", "transactional batches are not supported yet");
    }
  }
  if (headers.length > 1 && headers.some((header) => header.producerId >= 0)) {
    return new HelixError(
      "INVALID_RECORD",
      "an idempotent producer sends one batch per partition per request",
    );
  }
  return undefined;
}

function producerStampOf(first: RecordBatchHeader, last: RecordBatchHeader): ProducerStamp | undefined {
  if (first.producerId < 0) return undefined;
  return {
    producerId: first.producerId,
    epoch: first.producerEpoch,
    batch: {
      firstSequence: first.baseSequence,
      lastSequence: lastSequenceOf(first.baseSequence, first.lastOffsetDelta),
      baseOffset: first.baseOffset,
      lastOffset: last.baseOffset + last.lastOffsetDelta,
      lastTimestamp: last.maxTimestamp,
    },
  };
}

/** A snapshot written before batches kept their timestamp: -1 (unknown), as Kafka reports then. */
function withTimestamps(entry: ProducerEntry): ProducerEntry {
  return {
    epoch: entry.epoch,
    batches: entry.batches.map((batch) => ({ ...batch, lastTimestamp: batch.lastTimestamp ?? -1 })),
  };
}
