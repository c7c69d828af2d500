import { assert } from "@helixlog/core";

/**
 * A first-in first-out queue with O(1) amortised push and shift. `Array.prototype.shift` is O(n); this
 * keeps a head index instead and compacts once the dead prefix is at least half the array.
 */
export class Fifo<T> {
  private items: T[] = [];
  /** Index of the first live item. Invariant: 0 ≤ head ≤ items.length. */
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }

  shift(): T {
    assert(this.head < this.items.length, "shift from an empty queue");
    const item = this.items[this.head] as T;
    // Drop the reference so a dequeued item can be collected before the next compaction.
    this.items[this.head] = undefined as T;
    this.head += 1;
    if (this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
