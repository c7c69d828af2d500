import type { GroupId, LogIndex, Term } from "@helixlog/core";
import { assert } from "@helixlog/core";
import {
  type CompactionPoint,
  type EntryDecoder,
  type HardState,
  initialHardState,
  type StoredEntry,
} from "../wal-types.js";
import type { VerifiedFrames } from "./verified-frames.js";
import { decodeEntry } from "./wal-record.js";

/** Where an entry's frame lives. `segment` is the segment's sequence number. */
export interface EntryLocation {
  readonly term: Term;
  readonly segment: number;
  readonly position: number;
  readonly size: number;
}

/** A segment sequence standing for "this entry is expected but not seen yet" during recovery. */
const hole = -1;

/** Counts, per segment, the live entries it holds; a segment with none before it and none in it can go. */
export class SegmentUsage {
  private readonly liveEntries = new Map<number, number>();

  add(segment: number): void {
    if (segment === hole) return;
    this.liveEntries.set(segment, (this.liveEntries.get(segment) ?? 0) + 1);
  }

  /** Drops `dropped` live entries of `segment`. */
  drop(segment: number, dropped = 1): void {
    if (segment === hole) return;
    const count = this.liveEntries.get(segment);
    assert(
      count !== undefined && count >= dropped,
      () => `segment ${segment} has ${count ?? 0} live entries, not ${dropped} to drop`,
    );
    if (count === dropped) this.liveEntries.delete(segment);
    else this.liveEntries.set(segment, count - dropped);
  }

  /** The oldest segment still holding a live entry, if any. */
  oldestLive(): number | undefined {
    let oldest: number | undefined;
    for (const segment of this.liveEntries.keys())
      if (oldest === undefined || segment < oldest) oldest = segment;
    return oldest;
  }
}

/**
 * One group's durable state and the in-memory index of its entries: entry `i` (firstIndex <= i <=
 * lastIndex) is at slot `head + i - firstIndex` of the parallel arrays, so finding it is O(1).
 *
 * Invariant: lastIndex >= compaction.index; every slot is a real location except, during recovery only,
 * holes for entries whose segments were reclaimed before the release that covers them was replayed.
 */
export class GroupLog {
  hardState: HardState = initialHardState;
  compaction: CompactionPoint = { index: 0 as LogIndex, term: 0 as Term };
  /** Entries that `append` accepted, durable or not: validation of new appends works against these. */
  acceptedLastIndex = 0;
  acceptedCompactedIndex = 0;
  acceptedTerm = 0;
  holes = 0;
  /**
   * What recovery read and checked, set when it is done, for this group's first read of its entries
   * (`takeVerifiedEntries`); forgotten at that read or at any change of the log.
   */
  verified: VerifiedFrames | undefined;
  private terms: number[] = [];
  private segments: number[] = [];
  private positions: number[] = [];
  private sizes: number[] = [];
  private head = 0;

  constructor(readonly group: GroupId) {}

  get firstIndex(): LogIndex {
    return (this.compaction.index + 1) as LogIndex;
  }

  get lastIndex(): LogIndex {
    return (this.compaction.index + this.terms.length - this.head) as LogIndex;
  }

  location(index: number): EntryLocation | undefined {
    if (index < this.firstIndex || index > this.lastIndex) return undefined;
    const slot = this.head + index - this.firstIndex;
    const segment = this.segments[slot] as number;
    if (segment === hole) return undefined;
    return {
      term: this.terms[slot] as Term,
      segment,
      position: this.positions[slot] as number,
      size: this.sizes[slot] as number,
    };
  }

  /** The term of entry `index`, including the compaction point's; undefined outside the log. */
  termAt(index: number): Term | undefined {
    if (index === this.compaction.index) return this.compaction.term;
    return this.location(index)?.term;
  }

  /** Appends entry `index`, first removing any entries at or after it. Caller checked the range. */
  append(
    index: number,
    term: number,
    segment: number,
    position: number,
    size: number,
    usage: SegmentUsage,
  ): void {
    if (index <= this.compaction.index || index > this.lastIndex + 1) {
      assert(false, `entry ${index} does not extend group ${this.group}`);
    }
    if (index <= this.lastIndex) this.truncateFrom(index, usage);
    this.verified = undefined;
    this.push(term, segment, position, size);
    usage.add(segment);
  }

  /** Marks entries up to `lastIndex` as expected but unseen (recovery after segments were reclaimed). */
  extendWithHoles(lastIndex: number): void {
    while (this.lastIndex < lastIndex) {
      this.push(0, hole, 0, 0);
      this.holes++;
    }
  }

  truncateFrom(index: number, usage: SegmentUsage): void {
    assert(
      index > this.compaction.index && index <= this.lastIndex + 1,
      () => `bad truncation ${index} of group ${this.group}`,
    );
    this.verified = undefined;
    const keep = this.head + index - this.firstIndex;
    this.dropSlots(keep, this.segments.length, usage);
    this.terms.length = keep;
    this.segments.length = keep;
    this.positions.length = keep;
    this.sizes.length = keep;
  }

  /** Releases entries up to `point.index` (possibly past the last entry: a snapshot from the leader). */
  release(point: CompactionPoint, usage: SegmentUsage): void {
    assert(point.index >= this.compaction.index, () => `compaction of group ${this.group} moved backwards`);
    this.verified = undefined;
    const released = Math.min(point.index, this.lastIndex) - this.compaction.index;
    this.dropSlots(this.head, this.head + released, usage);
    if (point.index >= this.lastIndex) {
      this.terms = [];
      this.segments = [];
      this.positions = [];
      this.sizes = [];
      this.head = 0;
    } else {
      this.head += released;
      if (this.head > 1024 && this.head * 2 > this.terms.length) this.compactArrays();
    }
    this.compaction = point;
  }

  /**
   * Entries [fromIndex, toIndexExclusive) decoded from the frames recovery checked, stopping once
   * `maxBytes` of data is collected (at least one entry); undefined, and the caller reads the disk, when
   * recovery did not keep all of their bytes or this is not the group's first read since it.
   */
  takeVerifiedEntries<T extends StoredEntry>(
    fromIndex: number,
    toIndexExclusive: number,
    maxBytes: number,
    decode: EntryDecoder<T>,
  ): T[] | undefined {
    const verified = this.verified;
    if (verified === undefined) return undefined;
    this.verified = undefined;
    const entries: T[] = [];
    let bytes = 0;
    for (
      let index = fromIndex;
      index < toIndexExclusive && (entries.length === 0 || bytes < maxBytes);
      index++
    ) {
      const slot = this.head + index - this.firstIndex;
      const segment = this.segments[slot] as number;
      const position = this.positions[slot] as number;
      const size = this.sizes[slot] as number;
      const window = segment === hole ? undefined : verified.windowFor(segment, position, size);
      if (window === undefined) return undefined;
      const entry = decodeEntry(window.bytes, position - window.start, size, decode);
      // Checked before calling assert so that each entry allocates no message closure.
      if (entry.index !== index) assert(false, `the index points entry ${index} at entry ${entry.index}`);
      if (entries.length > 0 && bytes + entry.data.length > maxBytes) break;
      entries.push(entry);
      bytes += entry.data.length;
    }
    return entries;
  }

  private push(term: number, segment: number, position: number, size: number): void {
    this.terms.push(term);
    this.segments.push(segment);
    this.positions.push(position);
    this.sizes.push(size);
  }

  /** Drops the entries of slots [from, to) from the usage counts: once per run of one segment. */
  private dropSlots(from: number, to: number, usage: SegmentUsage): void {
    let slot = from;
    while (slot < to) {
      const segment = this.segments[slot] as number;
      const runStart = slot;
      while (slot < to && this.segments[slot] === segment) slot++;
      if (segment === hole) this.holes -= slot - runStart;
      else usage.drop(segment, slot - runStart);
    }
  }

  private compactArrays(): void {
    this.terms = this.terms.slice(this.head);
    this.segments = this.segments.slice(this.head);
    this.positions = this.positions.slice(this.head);
    this.sizes = this.sizes.slice(this.head);
    this.head = 0;
  }
}
