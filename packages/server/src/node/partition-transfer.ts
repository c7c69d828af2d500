/**
 * Pulling a partition's record batches from a replica, for a follower that installs a partition
 * snapshot. The snapshot carries the partition's state, not its records (those live in the segment
 * store); before the follower acknowledges the snapshot, its segment store must hold every committed
 * batch the snapshot covers that still exists, durably. So it asks a replica (the leader that sent the
 * snapshot first) for the batches from its own log end, in chunks of limits.partitionTransferChunkBytes,
 * appends them, and flushes. A request not answered within limits.partitionTransferRetryTicks ticks, or
 * answered with an error, is asked again of the next replica: any replica's segment store holds the same
 * committed batches at the same offsets.
 *
 * Records below the log start are gone for good (DeleteRecords moves the replicated log start, which
 * the snapshot carries; retention moves each replica's own, which every answer reports). Like a Kafka
 * follower answered OFFSET_OUT_OF_RANGE below the leader's log start, a follower whose log ends below
 * that start asks from the start instead, resets its segment store to an empty log at the base offset
 * of the first batch it receives (PartitionLog.resetTo, durable and crash-safe; a batch boundary on every
 * replica, so later appends line up even when DeleteRecords cut a batch) and pulls on from there. When
 * even the high watermark is below every replica's log start, the log starts empty at the high watermark.
 *
 * Bounded: the pull gives up (rejects with a snapshot-install refusal, see raft-host.ts) after
 * `partitionTransferFruitlessRounds` rounds over all replicas without one appended batch or reset, or
 * when `abortReason` names a reason (the topic was deleted, the node stops). The host then abandons the
 * install for that group and the leader sends the snapshot again later.
 *
 * Deterministic like the rest of the node core: time is the node's ticks, I/O goes through the
 * partition log and the injected send function.
 */
import {
  assert,
  batchNextOffset,
  type GroupId,
  limits,
  type NodeId,
  readRecordBatchHeader,
} from "@helixlog/core";
import type { PartitionLog } from "@helixlog/wal";
import { snapshotInstallRefused } from "./raft-host.js";

/** Rounds over all replicas without progress after which a pull gives up. */
export const partitionTransferFruitlessRounds = 3;

/** A request for batches of a partition's segment store, from `offset`, ending before `endOffset`. */
export interface PartitionFetchEnvelope {
  readonly kind: "partitionFetch";
  readonly group: GroupId;
  readonly requestId: number;
  readonly offset: number;
  readonly endOffset: number;
}

/** The answer: whole batches starting at the requested offset, or an error the requester retries on. */
export interface PartitionDataEnvelope {
  readonly kind: "partitionData";
  readonly group: GroupId;
  readonly requestId: number;
  readonly batches: readonly Uint8Array[];
  readonly error: string | null;
  /**
   * The answering replica's log start offset: it holds no batch below it (retention or DeleteRecords
   * removed them). Absent when it hosts no log for the group (and from nodes predating it).
   */
  readonly logStartOffset?: number;
}

/** What a pull is to achieve: the snapshot's high watermark and (replicated) log start offset. */
export interface PullTarget {
  /** Pull every batch below this (the snapshot's high watermark). */
  readonly endOffset: number;
  /** The snapshot's log start offset: nothing below it needs to be (or can be) pulled. */
  readonly logStartOffset: number;
}

interface Answer {
  readonly batches: readonly Uint8Array[];
  readonly error: string | null;
  readonly logStartOffset: number | undefined;
}

interface Outstanding {
  readonly group: GroupId;
  readonly offset: number;
  readonly sentAtTick: number;
  readonly resolve: (answer: Answer | undefined) => void;
}

export class PartitionTransfers {
  private readonly outstanding = new Map<number, Outstanding>();
  private nextRequestId = 1;
  private tickCount = 0;
  /** Counters for tests and metrics. */
  readonly statistics = { requests: 0, retries: 0, resets: 0, batchesPulled: 0, bytesPulled: 0 };

  constructor(
    private readonly send: (to: NodeId, envelope: PartitionFetchEnvelope | PartitionDataEnvelope) => void,
    private readonly nowMs: () => number,
  ) {}

  /** Expires unanswered requests (their pull asks the next replica). */
  tick(): void {
    this.tickCount++;
    for (const [requestId, request] of this.outstanding) {
      if (this.tickCount - request.sentAtTick < limits.partitionTransferRetryTicks) continue;
      this.outstanding.delete(requestId);
      request.resolve(undefined);
    }
  }

  /**
   * Makes `log` hold every batch below `target.endOffset` that still exists, durably, pulling the
   * missing ones from `sources` (tried in turn, round robin); resets the log first when it ends below
   * the log start of the snapshot or of a replica. Rejects with a snapshot-install refusal when
   * `abortReason` returns a reason or after partitionTransferFruitlessRounds rounds without progress.
   */
  async pull(
    group: GroupId,
    log: PartitionLog,
    target: PullTarget,
    sources: readonly NodeId[],
    abortReason: () => string | undefined,
  ): Promise<void> {
    assert(sources.length > 0, () => `no replica to pull partition group ${group} from`);
    const { endOffset } = target;
    // Where the pull starts at the earliest: nothing below the log start exists any more.
    let wantFrom = Math.min(target.logStartOffset, endOffset);
    let attempt = 0;
    let fruitless = 0;
    while (log.logEndOffset < endOffset) {
      const reason = abortReason();
      if (reason !== undefined) throw snapshotInstallRefused(group, reason);
      if (wantFrom >= endOffset) {
        // Every record the snapshot covers is gone: the log starts empty at the high watermark.
        await this.reset(log, endOffset);
        continue;
      }
      if (fruitless >= partitionTransferFruitlessRounds * sources.length) {
        throw snapshotInstallRefused(
          group,
          `no replica of ${sources.join(", ")} served offset ${log.logEndOffset} in ${fruitless} attempts`,
        );
      }
      const offset = Math.max(log.logEndOffset, wantFrom);
      const source = sources[attempt % sources.length] as NodeId;
      const answer = await this.request(group, offset, endOffset, source);
      const sourceStart = answer?.logStartOffset;
      if (sourceStart !== undefined && Number.isSafeInteger(sourceStart) && sourceStart > offset) {
        // The replica no longer holds the batches from `offset` (retention): start where its log does.
        wantFrom = Math.min(sourceStart, endOffset);
        continue;
      }
      let appended = 0;
      for (const batch of answer?.error === null ? answer.batches : []) {
        const header = readRecordBatchHeader(batch);
        const next = batchNextOffset(header);
        if (next <= log.logEndOffset) continue;
        if (next > endOffset) break;
        // The first batch holds `offset`; when we asked above our log end (the records between are
        // gone everywhere), the log restarts at that batch, a batch boundary on every replica.
        if (header.baseOffset > log.logEndOffset && header.baseOffset <= offset && appended === 0)
          await this.reset(log, header.baseOffset);
        // A stale or misdirected answer: ask again rather than append out of place.
        if (header.baseOffset !== log.logEndOffset) break;
        await log.append(batch, this.nowMs());
        appended++;
        this.statistics.batchesPulled++;
        this.statistics.bytesPulled += batch.length;
      }
      if (appended > 0) {
        fruitless = 0;
        continue;
      }
      attempt++;
      fruitless++;
      this.statistics.retries++;
    }
    await log.flush();
  }

  /** Kafka's truncateFullyAndStartAt: drops the local segments, durably, for an empty log at `offset`. */
  private async reset(log: PartitionLog, offset: number): Promise<void> {
    await log.resetTo(offset);
    this.statistics.resets++;
  }

  private request(
    group: GroupId,
    offset: number,
    endOffset: number,
    source: NodeId,
  ): Promise<Answer | undefined> {
    const requestId = this.nextRequestId++;
    this.statistics.requests++;
    return new Promise((resolve) => {
      this.outstanding.set(requestId, { group, offset, sentAtTick: this.tickCount, resolve });
      this.send(source, { kind: "partitionFetch", group, requestId, offset, endOffset });
    });
  }

  /** An answer arrived; answers nobody waits for (expired, duplicated) are ignored. */
  onData(envelope: PartitionDataEnvelope): void {
    const request = this.outstanding.get(envelope.requestId);
    if (request === undefined || request.group !== envelope.group) return;
    this.outstanding.delete(envelope.requestId);
    request.resolve({
      batches: envelope.batches,
      error: envelope.error,
      logStartOffset: typeof envelope.logStartOffset === "number" ? envelope.logStartOffset : undefined,
    });
  }

  /** Serves a peer's request from this node's segment store (committed batches only live there). */
  async serve(from: NodeId, request: PartitionFetchEnvelope, log: PartitionLog | undefined): Promise<void> {
    const answer = (batches: readonly Uint8Array[], error: string | null) =>
      this.send(from, {
        kind: "partitionData",
        group: request.group,
        requestId: request.requestId,
        batches,
        error,
        ...(log === undefined ? {} : { logStartOffset: log.logStartOffset }),
      });
    if (log === undefined) {
      answer([], `group ${request.group} is not hosted here`);
      return;
    }
    if (request.offset < log.logStartOffset || request.offset >= log.logEndOffset) {
      answer([], `offset ${request.offset} is outside [${log.logStartOffset}, ${log.logEndOffset})`);
      return;
    }
    try {
      const batches = await log.read(request.offset, limits.partitionTransferChunkBytes);
      const wanted = batches.filter((batch) => readRecordBatchHeader(batch).baseOffset < request.endOffset);
      answer(wanted, null);
    } catch (error) {
      answer([], error instanceof Error ? error.message : String(error));
    }
  }
}
