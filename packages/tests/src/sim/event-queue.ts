/**
 * The simulator's agenda: events ordered by simulated time, ties broken by insertion order, so one
 * seed always replays the same sequence. A binary heap: O(log n) per push and pop.
 *
 * The heap is kept as three parallel arrays (times, insertion numbers, events) rather than an array of
 * slot objects: the simulator pushes and pops a few hundred thousand events per simulated hour, and a
 * slot object per push was a steady source of garbage. `next()` pops without allocating; `pop()` (the
 * slot form) remains for callers that want both at once.
 *
 * Besides the heap, a handful of keyed entries (`schedule`/`cancel`): at most one per small integer key,
 * replaced or cancelled in O(1) instead of being left in the heap to be popped and ignored. The
 * simulator keeps each node's next tick there (it moves earlier often: every superseded tick used to
 * stay in the heap as an event that did nothing). A keyed entry takes its insertion number from the
 * same counter as pushes, so the order of all events is exactly what pushing it would have given.
 * The earliest keyed entry is remembered and looked for again (over every key) only when it goes or
 * moves, so keys are meant to be few (node ids).
 */
import { AssertionError } from "@helixlog/core";

/** The largest key `schedule` takes: keys index an array, `next()` scans it. */
const keysMax = 1023;

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
  /** Keyed entries by key: time, insertion number and event (undefined: none under that key). */
  private readonly keyedTimes: number[] = [];
  private readonly keyedSequences: number[] = [];
  private readonly keyedEvents: Array<T | undefined> = [];
  private keyedCount = 0;
  /** The key of the earliest keyed entry (-1: none), valid unless `earliestStale`. */
  private earliest = -1;
  private earliestStale = false;
  /** The time of the event `next()` returned last. */
  time = 0;

  get size(): number {
    return this.events.length + this.keyedCount;
  }

  /**
   * Queues `event` at `time` under `key` (a small non-negative integer), replacing the entry queued
   * under that key if any: only the latest one will come out of `next()`.
   */
  schedule(key: number, time: number, event: T): void {
    if (!Number.isFinite(time)) throw new AssertionError(`event time must be finite, got ${time}`);
    if (!(Number.isSafeInteger(key) && key >= 0 && key <= keysMax))
      throw new AssertionError(`event key must be an integer in [0, ${keysMax}], got ${key}`);
    const events = this.keyedEvents;
    while (events.length <= key) {
      events.push(undefined);
      this.keyedTimes.push(0);
      this.keyedSequences.push(0);
    }
    if (events[key] === undefined) this.keyedCount++;
    this.keyedTimes[key] = time;
    this.keyedSequences[key] = this.sequence++;
    events[key] = event;
    // The newest insertion loses ties, so only a strictly earlier time takes the lead.
    if (key === this.earliest) this.earliestStale = true;
    else if (!this.earliestStale && (this.earliest < 0 || time < (this.keyedTimes[this.earliest] as number)))
      this.earliest = key;
  }

  /** Drops the entry queued under `key`, if any. */
  cancel(key: number): void {
    if (this.keyedEvents[key] === undefined) return;
    this.keyedEvents[key] = undefined;
    this.keyedCount--;
    if (key === this.earliest) this.earliestStale = true;
  }

  /** The key of the earliest keyed entry, or -1 when there is none. */
  private earliestKey(): number {
    if (!this.earliestStale) return this.earliest;
    this.earliestStale = false;
    this.earliest = this.findEarliestKey();
    return this.earliest;
  }

  private findEarliestKey(): number {
    if (this.keyedCount === 0) return -1;
    const { keyedTimes, keyedSequences, keyedEvents } = this;
    let best = -1;
    let bestTime = 0;
    let bestSequence = 0;
    for (let key = 0; key < keyedEvents.length; key++) {
      if (keyedEvents[key] === undefined) continue;
      const time = keyedTimes[key] as number;
      const sequence = keyedSequences[key] as number;
      if (best < 0 || time < bestTime || (time === bestTime && sequence < bestSequence)) {
        best = key;
        bestTime = time;
        bestSequence = sequence;
      }
    }
    return best;
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
    const key = this.earliestKey();
    if (key >= 0) {
      const keyedTime = this.keyedTimes[key] as number;
      if (
        count === 0 ||
        keyedTime < (times[0] as number) ||
        (keyedTime === times[0] && (this.keyedSequences[key] as number) < (sequences[0] as number))
      ) {
        const event = this.keyedEvents[key] as T;
        this.keyedEvents[key] = undefined;
        this.keyedCount--;
        this.earliestStale = true;
        this.time = keyedTime;
        return event;
      }
    }
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
    const key = this.earliestKey();
    const keyedSequence = key < 0 ? undefined : this.keyedSequences[key];
    const heapSequence = this.sequences[0];
    const event = this.next();
    if (event === undefined) return undefined;
    // The keyed entry came out if it is gone (next() takes it or the heap's top, nothing else).
    const sequence = key >= 0 && this.keyedEvents[key] === undefined ? keyedSequence : heapSequence;
    return { time: this.time, sequence: sequence as number, event };
  }
}
