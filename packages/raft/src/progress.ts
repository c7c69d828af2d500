/**
 * What a leader knows about one follower's log, and the flow-control state that decides what to send
 * it next (etcd's tracker.Progress):
 * - probe: the leader does not know where the logs match; it sends one append at a time and waits.
 * - replicate: the logs match up to `match`; appends are pipelined within the inflight window.
 * - snapshot: the follower needs entries the leader has compacted; a snapshot is streamed in chunks
 *   and appends pause until the follower reports it has restored it.
 */
import { assert, type LogIndex } from "@helixlog/core";
import { Inflights } from "./inflights.js";
import type { Snapshot } from "./types.js";

export type ProgressState = "probe" | "replicate" | "snapshot";

export interface SnapshotTransfer {
  readonly snapshot: Snapshot;
  /** Bytes the follower has acknowledged; the next chunk starts here. */
  acknowledgedOffset: number;
  /** A chunk is on the wire and unacknowledged; resent from acknowledgedOffset on the next heartbeat. */
  chunkInFlight: boolean;
}

export class Progress {
  /** The highest index known to be replicated on the follower; 0 when unknown. match < next. */
  match: LogIndex;
  /** The index of the next entry to send. */
  next: LogIndex;
  state: ProgressState = "probe";
  /** In probe state: an append was sent and the leader waits for its answer (or a heartbeat reply). */
  probeSent = false;
  /** In snapshot state: the snapshot being streamed. */
  snapshotTransfer: SnapshotTransfer | undefined = undefined;
  /** Heard from since the last check-quorum round (thesis §6.2). */
  recentActive = false;
  /** The highest leader tick echoed back in a heartbeat response, for the leader lease. */
  lastAcknowledgedTick = -1;
  isLearner: boolean;
  readonly inflights: Inflights;

  constructor(next: LogIndex, isLearner: boolean, inflightMessagesMax: number, inflightBytesMax: number) {
    this.match = 0 as LogIndex;
    this.next = next;
    this.isLearner = isLearner;
    this.inflights = new Inflights(inflightMessagesMax, inflightBytesMax);
  }

  private resetState(state: ProgressState): void {
    this.probeSent = false;
    this.snapshotTransfer = undefined;
    this.state = state;
    this.inflights.reset();
  }

  becomeProbe(): void {
    // After a snapshot the follower has at least the snapshot's index, so probing resumes just past it.
    const snapshotIndex = this.snapshotTransfer?.snapshot.metadata.index ?? 0;
    this.resetState("probe");
    this.next = Math.max(this.match + 1, snapshotIndex + 1) as LogIndex;
  }

  becomeReplicate(): void {
    this.resetState("replicate");
    this.next = (this.match + 1) as LogIndex;
  }

  becomeSnapshot(snapshot: Snapshot): void {
    this.resetState("snapshot");
    this.snapshotTransfer = { snapshot, acknowledgedOffset: 0, chunkInFlight: false };
  }

  /**
   * Records an acknowledgement of `index`; returns whether it told the leader anything new. A stale
   * acknowledgement (reordered or duplicated) changes nothing.
   */
  maybeUpdate(index: LogIndex): boolean {
    let updated = false;
    if (this.match < index) {
      this.match = index;
      updated = true;
      this.probeSent = false;
    }
    this.next = Math.max(this.next, index + 1) as LogIndex;
    return updated;
  }

  /** After an optimistic pipelined send, the next append starts past what was just sent. */
  sentEntries(lastIndex: LogIndex, sizeBytes: number): void {
    if (this.state === "replicate") {
      this.next = (lastIndex + 1) as LogIndex;
      this.inflights.add(lastIndex, sizeBytes);
    } else if (this.state === "probe") {
      this.probeSent = true;
    } else {
      assert(false, "no appends are sent to a follower receiving a snapshot");
    }
  }

  /**
   * Handles a rejected append of `rejectedIndex` (the prevIndex the follower did not match).
   * `probeHint` is where the leader's log and the follower's hint suggest probing next. Returns
   * whether the rejection was news (stale rejections are ignored).
   */
  maybeDecreaseTo(rejectedIndex: LogIndex, probeHint: LogIndex): boolean {
    if (this.state === "replicate") {
      // A rejection at or below match is stale: the follower has already acknowledged past it.
      if (rejectedIndex <= this.match) return false;
      this.next = (this.match + 1) as LogIndex;
      return true;
    }
    // In probe state only the rejection of the last probe (prevIndex = next - 1) is news.
    if (this.next - 1 !== rejectedIndex) return false;
    this.next = Math.max(Math.min(rejectedIndex, probeHint + 1), this.match + 1, 1) as LogIndex;
    this.probeSent = false;
    return true;
  }

  /** Whether the leader must hold further appends to this follower. */
  isPaused(): boolean {
    switch (this.state) {
      case "probe":
        return this.probeSent;
      case "replicate":
        return this.inflights.isFull();
      case "snapshot":
        return true;
    }
  }

  describe(): string {
    const parts = [`${this.state} match=${this.match} next=${this.next}`];
    if (this.isLearner) parts.push("learner");
    if (this.probeSent) parts.push("paused");
    if (this.state === "replicate" && this.inflights.count > 0)
      parts.push(`inflight=${this.inflights.count}`);
    if (this.inflights.isFull()) parts.push("full");
    if (this.snapshotTransfer !== undefined) {
      const transfer = this.snapshotTransfer;
      parts.push(
        `snapshot=${transfer.snapshot.metadata.index} acked=${transfer.acknowledgedOffset}/${transfer.snapshot.data.byteLength}`,
      );
    }
    return parts.join(" ");
  }
}
