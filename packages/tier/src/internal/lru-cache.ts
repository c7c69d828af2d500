import { assert } from "@helixlog/core";

/**
 * A least-recently-used cache bounded both by total weight (bytes) and by entry count. A Map keeps
 * insertion order, so re-inserting on every hit makes its first key the least recently used.
 */
export class LruCache<Value> {
  private readonly entries = new Map<string, { value: Value; weight: number }>();
  private totalWeight = 0;
  private readonly weightMax: number;
  private readonly entriesMax: number;

  constructor(weightMax: number, entriesMax: number) {
    assert(weightMax >= 0 && entriesMax >= 1, "cache bounds must be positive");
    this.weightMax = weightMax;
    this.entriesMax = entriesMax;
  }

  get(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value`; one heavier than the whole cache is not kept at all. */
  set(key: string, value: Value, weight: number): void {
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      this.entries.delete(key);
      this.totalWeight -= existing.weight;
    }
    if (weight > this.weightMax) return;
    this.entries.set(key, { value, weight });
    this.totalWeight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.totalWeight <= this.weightMax && this.entries.size <= this.entriesMax) break;
      this.entries.delete(oldest);
      this.totalWeight -= entry.weight;
    }
    assert(
      this.totalWeight <= this.weightMax && this.entries.size <= this.entriesMax,
      "cache exceeds its bounds",
    );
  }

  get weight(): number {
    return this.totalWeight;
  }
  get size(): number {
    return this.entries.size;
  }
}
