import { assert } from "@helixlog/core";

const wordBits = 32;
const fullWord = 0xffffffff;

/**
 * The settled offsets of one partition above its low watermark, as a word bitmap.
 *
 * Every offset below `floor` is settled (acknowledged or dead-lettered) by definition; offsets at or above
 * it are settled when their bit is set. Whenever the bit at `floor` is set, the floor moves past the run of
 * set bits, so the floor is always the low watermark: the first unsettled offset.
 *
 * Bit `i` of `words[w]` stands for offset `origin + w * 32 + i`. `origin` is the floor rounded down to a
 * word boundary, so moving the floor drops whole words from the front instead of shifting every word.
 */
export class OffsetBitmap {
  /** The low watermark: every offset below it is settled, and the offset itself is not. */
  private floorOffset: number;
  /** Offset of bit 0 of words[0]; a multiple of 32, at most `floorOffset`, within one word of it. */
  private origin: number;
  /** Unsigned 32-bit words; bits below `floorOffset` are always clear. */
  private words: number[];
  /** Number of set bits, so `size` is O(1). */
  private setCount: number;

  constructor(floor: number) {
    assert(Number.isSafeInteger(floor) && floor >= 0, () => `bitmap floor must be an offset, got ${floor}`);
    this.floorOffset = floor;
    this.origin = floor - (floor % wordBits);
    this.words = [];
    this.setCount = 0;
  }

  /** The low watermark: the first offset that is not settled. */
  get floor(): number {
    return this.floorOffset;
  }

  /** Settled offsets above the floor. */
  get size(): number {
    return this.setCount;
  }

  /** One past the highest settled offset above the floor, or the floor when there is none. */
  get end(): number {
    for (let index = this.words.length - 1; index >= 0; index--) {
      const word = this.words[index] as number;
      if (word !== 0) return this.origin + index * wordBits + (wordBits - Math.clz32(word));
    }
    return this.floorOffset;
  }

  /** True when `offset` is settled (below the floor, or its bit is set). */
  has(offset: number): boolean {
    if (offset < this.floorOffset) return true;
    const relative = offset - this.origin;
    const word = this.words[Math.floor(relative / wordBits)];
    return word !== undefined && ((word >>> (relative % wordBits)) & 1) === 1;
  }

  /**
   * Settles one offset. Returns false when it was already settled. The floor moves forward when the
   * offset closes the gap at the watermark.
   */
  add(offset: number): boolean {
    assert(
      Number.isSafeInteger(offset) && offset >= 0,
      () => `bitmap offset must be an offset, got ${offset}`,
    );
    if (this.has(offset)) return false;
    const relative = offset - this.origin;
    const index = Math.floor(relative / wordBits);
    while (this.words.length <= index) this.words.push(0);
    this.words[index] = ((this.words[index] as number) | (1 << (relative % wordBits))) >>> 0;
    this.setCount++;
    if (offset === this.floorOffset) this.advancePastSettled();
    return true;
  }

  /**
   * Settles every offset below `offset` (a cumulative acknowledgement) and moves the floor there, then past
   * any settled run that follows. Returns how many offsets became settled that were not before.
   */
  settleBelow(offset: number): number {
    if (offset <= this.floorOffset) return 0;
    const before = this.floorOffset + this.setCount;
    this.moveFloor(offset);
    this.advancePastSettled();
    const after = this.floorOffset + this.setCount;
    return after - before;
  }

  /** The settled offsets above the floor, ascending. */
  *offsets(): IterableIterator<number> {
    for (let index = 0; index < this.words.length; index++) {
      let word = this.words[index] as number;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        yield this.origin + index * wordBits + bit;
        word = (word & (word - 1)) >>> 0;
      }
    }
  }

  /** Settled offsets above the floor as [start, length] runs, ascending: the snapshot encoding. */
  runs(): Array<[number, number]> {
    const result: Array<[number, number]> = [];
    for (const offset of this.offsets()) {
      const last = result[result.length - 1];
      if (last !== undefined && last[0] + last[1] === offset) last[1]++;
      else result.push([offset, 1]);
    }
    return result;
  }

  /** Rebuilds a bitmap from its floor and runs (the inverse of `runs`). */
  static fromRuns(floor: number, runs: ReadonlyArray<readonly [number, number]>): OffsetBitmap {
    const bitmap = new OffsetBitmap(floor);
    for (const [start, length] of runs) {
      for (let offset = start; offset < start + length; offset++) bitmap.add(offset);
    }
    return bitmap;
  }

  /** Moves the floor past the run of settled offsets that starts at it. */
  private advancePastSettled(): void {
    let relative = this.floorOffset - this.origin;
    for (;;) {
      const index = Math.floor(relative / wordBits);
      const word = this.words[index];
      if (word === undefined) break;
      const bit = relative % wordBits;
      if (bit === 0 && word === fullWord) {
        relative += wordBits;
        continue;
      }
      if (((word >>> bit) & 1) === 0) break;
      relative++;
    }
    this.moveFloor(this.origin + relative);
  }

  /** Sets the floor to `offset` (not below the current floor), dropping every bit below it. */
  private moveFloor(offset: number): void {
    assert(offset >= this.floorOffset, "the floor never moves backwards");
    const newOrigin = offset - (offset % wordBits);
    const droppedWords = Math.min((newOrigin - this.origin) / wordBits, this.words.length);
    for (let index = 0; index < droppedWords; index++) this.setCount -= popCount(this.words[index] as number);
    this.words.splice(0, droppedWords);
    this.origin = newOrigin;
    this.floorOffset = offset;
    const first = this.words[0];
    const bitsBelowFloor = offset - newOrigin;
    if (first !== undefined && bitsBelowFloor > 0) {
      const kept = (first & ~((1 << bitsBelowFloor) - 1)) >>> 0;
      this.setCount -= popCount(first) - popCount(kept);
      this.words[0] = kept;
    }
    while (this.words.length > 0 && this.words[this.words.length - 1] === 0) this.words.pop();
    assert(this.setCount >= 0, "bitmap set count went negative");
  }
}

function popCount(word: number): number {
  let value = word >>> 0;
  let count = 0;
  while (value !== 0) {
    value = (value & (value - 1)) >>> 0;
    count++;
  }
  return count;
}
