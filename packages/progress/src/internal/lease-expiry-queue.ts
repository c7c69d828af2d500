import type { LeaseId } from "@helixlog/core";

interface Entry {
  readonly expiresAtMs: number;
  readonly leaseId: LeaseId;
}

/**
 * A binary min-heap of lease expiries ordered by (expiresAtMs, leaseId), so replicas expire leases in the
 * same order. Renewals and releases do not remove entries: the owner checks each popped entry against the
 * live lease and skips stale ones, and rebuilds the heap when stale entries outnumber live leases.
 */
export class LeaseExpiryQueue {
  private heap: Entry[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(expiresAtMs: number, leaseId: LeaseId): void {
    this.heap.push({ expiresAtMs, leaseId });
    this.siftUp(this.heap.length - 1);
  }

  /** Removes and returns the earliest entry when it is due at `clockMs`, else undefined. */
  popDue(clockMs: number): Entry | undefined {
    const first = this.heap[0];
    if (first === undefined || first.expiresAtMs > clockMs) return undefined;
    const last = this.heap.pop() as Entry;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return first;
  }

  /** Replaces the contents with exactly these entries (after a restore, or to drop stale entries). */
  rebuild(entries: Iterable<Entry>): void {
    this.heap = [];
    for (const entry of entries) this.push(entry.expiresAtMs, entry.leaseId);
  }

  private siftUp(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(child, parent)) return;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(index: number): void {
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.heap.length && this.before(left, smallest)) smallest = left;
      if (right < this.heap.length && this.before(right, smallest)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }

  private before(a: number, b: number): boolean {
    const first = this.heap[a] as Entry;
    const second = this.heap[b] as Entry;
    return first.expiresAtMs !== second.expiresAtMs
      ? first.expiresAtMs < second.expiresAtMs
      : first.leaseId < second.leaseId;
  }

  private swap(a: number, b: number): void {
    const held = this.heap[a] as Entry;
    this.heap[a] = this.heap[b] as Entry;
    this.heap[b] = held;
  }
}
