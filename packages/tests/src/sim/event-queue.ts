/**
 * The simulator's agenda: events ordered by simulated time, ties broken by insertion order, so one
 * seed always replays the same sequence. A binary heap: O(log n) per push and pop.
 *
 * The heap is kept as three parallel arrays (times, insertion numbers, events) rather than an array of
 * slot objects: the simulator pushes and pops a few hundred thousand events per simulated hour, and a
 * slot object per push was a steady source of garbage. `next()` pops without allocating; `pop()` (the
 * slot form) remains for callers that want both at once.
 */
import { AssertionError } from "@helixlog/core";

export interface Slot<T> {
  readonly time: number;
  readonly sequence: number;
  readonly event: T;
}

export class EventQueue<T> {
  private readonly times: number[] = [];
  private readonly sequences: number[] = [];
  private readonly events: T[] = [];
  private sequence = 0;
  /** The time of the event `next()` returned last. */
  time = 0;

  get size(): number {
    return this.events.length;
  }

  push(time: number, event: T): void {
    if (!Number.isFinite(time)) throw new AssertionError(`event time must be finite, got ${time}`);
    const { times, sequences, events } = this;
    const sequence = this.sequence++;
    // Sift the hole up from the end, then fill it (ties: the earlier insertion stays above).
    let child = events.length;
    times.push(time);
    sequences.push(sequence);
    events.push(event);
    while (child > 0) {
      const parent = (child - 1) >> 1;
      const parentTime = times[parent] as number;
      if (parentTime < time || (parentTime === time && (sequences[parent] as number) < sequence)) break;
      times[child] = parentTime;
      sequences[child] = sequences[parent] as number;
      events[child] = events[parent] as T;
      child = parent;
    }
    times[child] = time;
    sequences[child] = sequence;
    events[child] = event;
  }

  /** The earliest event, or undefined when the agenda is empty; its time is then in `time`. */
  next(): T | undefined {
    const { times, sequences, events } = this;
    const count = events.length;
    if (count === 0) return undefined;
    const top = events[0] as T;
    this.time = times[0] as number;
    const lastTime = times.pop() as number;
    const lastSequence = sequences.pop() as number;
    const lastEvent = events.pop() as T;
    const size = count - 1;
    if (size > 0) {
      // Sift the last element down from the root's hole.
      let parent = 0;
      for (;;) {
        let smallest = parent * 2 + 1;
        if (smallest >= size) break;
        let smallestTime = times[smallest] as number;
        let smallestSequence = sequences[smallest] as number;
        const right = smallest + 1;
        if (right < size) {
          const rightTime = times[right] as number;
          const rightSequence = sequences[right] as number;
          if (rightTime < smallestTime || (rightTime === smallestTime && rightSequence < smallestSequence)) {
            smallest = right;
            smallestTime = rightTime;
            smallestSequence = rightSequence;
          }
        }
        if (lastTime < smallestTime || (lastTime === smallestTime && lastSequence < smallestSequence)) break;
        times[parent] = smallestTime;
        sequences[parent] = smallestSequence;
        events[parent] = events[smallest] as T;
        parent = smallest;
      }
      times[parent] = lastTime;
      sequences[parent] = lastSequence;
      events[parent] = lastEvent;
    }
    return top;
  }

  /** The earliest event and its time, or undefined when the agenda is empty. */
  pop(): Slot<T> | undefined {
    const sequence = this.sequences[0];
    const event = this.next();
    if (event === undefined) return undefined;
    return { time: this.time, sequence: sequence as number, event };
  }
}
