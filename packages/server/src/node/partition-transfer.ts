/**
 * Pulling a partition's record batches from a replica, for a follower that installs a partition
 * snapshot. The snapshot carries the partition's state, not its records (those live in the segment
 * store); before the follower acknowledges the snapshot, its segment store must hold every committed
 * batch the snapshot covers, durably. So it asks a replica (the leader that sent the snapshot first)
 * for the batches from its own log end, in chunks of limits.partitionTransferChunkBytes, appends them,
 * and flushes. A request not answered within limits.partitionTransferRetryTicks ticks, or answered with
 * an error, is asked again of the next replica: any replica's segment store holds the same committed
 * batches at the same offsets.
 *
 * Deterministic like the rest of the node core: time is the node's ticks, I/O goes through the
 * partition log and the injected send function.
 */
import {
  assert,
  batchNextOffset,
  type GroupId,
  HelixError,
  limits,
  type NodeId,
  readRecordBatchHeader,
} from "@helixlog/core";
import type { PartitionLog } from "@helixlog/wal";

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
}

interface Outstanding {
  readonly group: GroupId;
  readonly offset: number;
  readonly sentAtTick: number;
  readonly resolve: (batches: readonly Uint8Array[] | undefined) => void;
}

export class PartitionTransfers {
  private readonly outstanding = new Map<number, Outstanding>();
  private nextRequestId = 1;
  private tickCount = 0;
  /** Counters for tests and metrics. */
  readonly statistics = { requests: 0, retries: 0, batchesPulled: 0, bytesPulled: 0 };

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
   * Makes `log` hold every batch below `endOffset`, durably, pulling the missing ones from `sources`
   * (tried in turn, round robin). Rejects only when the host stops (`isRunning` false).
   */
  async pull(
    group: GroupId,
    log: PartitionLog,
    endOffset: number,
    sources: readonly NodeId[],
    isRunning: () => boolean,
  ): Promise<void> {
    assert(sources.length > 0, () => `no replica to pull partition group ${group} from`);
    let attempt = 0;
    while (log.logEndOffset < endOffset) {
      if (!isRunning()) throw new HelixError("UNAVAILABLE", `stopped while pulling group ${group}`);
      const source = sources[attempt % sources.length] as NodeId;
      const batches = await this.request(group, log.logEndOffset, endOffset, source);
      if (batches === undefined || batches.length === 0) {
        attempt++;
        this.statistics.retries++;
        continue;
      }
      for (const batch of batches) {
        const header = readRecordBatchHeader(batch);
        // A stale or misdirected answer: ask again rather than append out of place.
        if (header.baseOffset !== log.logEndOffset || batchNextOffset(header) > endOffset) break;
        await log.append(batch, this.nowMs());
        this.statistics.batchesPulled++;
        this.statistics.bytesPulled += batch.length;
      }
    }
    await log.flush();
  }

  private request(
    group: GroupId,
    offset: number,
    endOffset: number,
    source: NodeId,
  ): Promise<readonly Uint8Array[] | undefined> {
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
    request.resolve(envelope.error === null ? envelope.batches : undefined);
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
