/**
 * The simulator's agenda: events ordered by simulated time, ties broken by insertion order, so one
 * seed always replays the same sequence. A binary heap: O(log n) per push and pop.
 */
import { assert } from "@helixlog/core";

export interface Slot<T> {
  readonly time: number;
  readonly sequence: number;
  readonly event: T;
}

export class EventQueue<T> {
  private readonly heap: Slot<T>[] = [];
  private sequence = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, event: T): void {
    assert(Number.isFinite(time), () => `event time must be finite, got ${time}`);
    const heap = this.heap;
    heap.push({ time, sequence: this.sequence++, event });
    let child = heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!before(heap[child] as Slot<T>, heap[parent] as Slot<T>)) break;
      swap(heap, child, parent);
      child = parent;
    }
  }

  /** The earliest event and its time, or undefined when the agenda is empty (no allocation). */
  pop(): Slot<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop() as Slot<T>;
    if (heap.length > 0) {
      heap[0] = last;
      let parent = 0;
      for (;;) {
        const left = parent * 2 + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < heap.length && before(heap[left] as Slot<T>, heap[smallest] as Slot<T>)) smallest = left;
        if (right < heap.length && before(heap[right] as Slot<T>, heap[smallest] as Slot<T>))
          smallest = right;
        if (smallest === parent) break;
        swap(heap, parent, smallest);
        parent = smallest;
      }
    }
    return top;
  }
}

function before<T>(left: Slot<T>, right: Slot<T>): boolean {
  return left.time < right.time || (left.time === right.time && left.sequence < right.sequence);
}

function swap<T>(heap: T[], i: number, j: number): void {
  const held = heap[i] as T;
  heap[i] = heap[j] as T;
  heap[j] = held;
}
