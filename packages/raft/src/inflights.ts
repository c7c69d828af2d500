/**
 * The window of append messages in flight to one follower: how many and how many bytes of entries.
 * A leader in replicate state pipelines appends until either bound is reached, then waits for
 * acknowledgements (per-follower flow control).
 */
import { AssertionError, assert, type LogIndex } from "@helixlog/core";

interface InflightAppend {
  /** The last index the append carried. */
  readonly lastIndex: LogIndex;
  readonly sizeBytes: number;
}

export class Inflights {
  /** In send order, so last indexes are strictly increasing. Never longer than messagesMax. */
  private readonly appends: InflightAppend[] = [];
  private head = 0;
  private sizeBytesTotal = 0;

  constructor(
    readonly messagesMax: number,
    readonly sizeBytesMax: number,
  ) {
    assert(messagesMax > 0, "an inflight window holds at least one message");
  }

  get count(): number {
    return this.appends.length - this.head;
  }

  get sizeBytes(): number {
    return this.sizeBytesTotal;
  }

  /** Full when another append would exceed the message count or the byte budget. */
  isFull(): boolean {
    return this.count >= this.messagesMax || (this.count > 0 && this.sizeBytesTotal >= this.sizeBytesMax);
  }

  add(lastIndex: LogIndex, sizeBytes: number): void {
    assert(!this.isFull(), "cannot add to a full inflight window");
    // Not appends[length - 1] alone: index -1 of an empty array is a slow property lookup in V8.
    const newest = this.appends.length === 0 ? undefined : this.appends[this.appends.length - 1];
    // Checked without a message closure: a leader adds one per append it sends.
    if (!(this.count === 0 || newest === undefined || lastIndex > newest.lastIndex)) {
      throw new AssertionError(
        `inflight appends must be sent in index order, got ${lastIndex} after ${newest?.lastIndex}`,
      );
    }
    this.appends.push({ lastIndex, sizeBytes });
    this.sizeBytesTotal += sizeBytes;
  }

  /** Frees every append whose last index is at or below `index` (the follower acknowledged it). */
  freeLessOrEqual(index: LogIndex): void {
    while (this.head < this.appends.length) {
      const oldest = this.appends[this.head];
      if (oldest === undefined || oldest.lastIndex > index) break;
      this.sizeBytesTotal -= oldest.sizeBytes;
      this.head++;
    }
    // Compact the array now and then so it stays bounded by messagesMax in the long run.
    if (this.head > 64 && this.head * 2 > this.appends.length) {
      this.appends.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Frees the oldest append, presumed lost, so that the window admits one more. */
  freeFirst(): void {
    const oldest = this.appends[this.head];
    if (oldest !== undefined && this.head < this.appends.length) this.freeLessOrEqual(oldest.lastIndex);
  }

  describe(): string {
    return `inflight ${this.count}/${this.messagesMax} messages, ${this.sizeBytesTotal}/${this.sizeBytesMax} bytes`;
  }

  reset(): void {
    // Leaders reset every follower's window on each election; most are empty (no builtin call then).
    if (this.appends.length > 0) this.appends.length = 0;
    this.head = 0;
    this.sizeBytesTotal = 0;
  }
}
