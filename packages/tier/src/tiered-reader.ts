import {
  assert,
  batchNextOffset,
  batchSize,
  HelixError,
  limits,
  type ObjectStore,
  type Offset,
  readRecordBatchHeader,
  validateRecordBatch,
} from "@helixlog/core";
import { LruCache } from "./internal/lru-cache.js";
import type { ManifestEntry, TierManifest } from "./tier-manifest.js";
import {
  asCorruptData,
  decodeTieredObjectFooter,
  decodeTieredObjectIndex,
  type IndexEntry,
  tieredObjectFooterBytes,
  tieredObjectIndexRange,
} from "./tiered-object.js";

export interface TieredReaderConfig {
  /** Bytes of fetched blocks and indexes kept in the LRU cache. */
  readonly cacheBytes: number;
}

export function validateTieredReaderConfig(config: TieredReaderConfig): void {
  if (
    !Number.isSafeInteger(config.cacheBytes) ||
    config.cacheBytes < 0 ||
    config.cacheBytes > limits.tierReadCacheBytesMax
  ) {
    throw new HelixError(
      "INVALID_CONFIG",
      `cacheBytes must be an integer in [0, ${limits.tierReadCacheBytesMax}]`,
    );
  }
}

export interface TieredRead {
  readonly entry: ManifestEntry;
  /** Whole record batches, the first one containing the requested offset. */
  readonly batches: Uint8Array;
  /** The offset after the last returned batch: where the next read continues. */
  readonly nextOffset: Offset;
}

interface ObjectIndex {
  readonly entries: readonly IndexEntry[];
  readonly dataSizeBytes: number;
}

/**
 * Serves reads below the local log start from tiered objects. Given the manifest and an offset it finds
 * the object, reads (once, then from cache) its footer and sparse index, and fetches with ranged gets
 * only the index blocks it needs. Blocks and indexes are kept in a bounded LRU cache, so consumers
 * catching up over the same cold data share fetches. The store is injected; this does no other I/O.
 */
export class TieredReader {
  private readonly store: ObjectStore;
  private readonly cache: LruCache<Uint8Array | ObjectIndex>;
  /** Store requests made, for tests and metrics. */
  rangeRequests = 0;

  constructor(
    store: ObjectStore,
    config: TieredReaderConfig = { cacheBytes: limits.tierReadCacheBytesDefault },
  ) {
    validateTieredReaderConfig(config);
    this.store = store;
    this.cache = new LruCache(config.cacheBytes, limits.tierReadCacheEntriesMax);
  }

  /**
   * Whole batches from the one containing `target`, up to about `maxBytes` (always at least one batch,
   * as Kafka's fetch does). OFFSET_OUT_OF_RANGE when the manifest does not cover `target`; CORRUPT_DATA
   * when the object fails any check.
   */
  async read(manifest: TierManifest, target: Offset, maxBytes: number): Promise<TieredRead> {
    assert(maxBytes > 0 && maxBytes <= limits.tierReadBytesMax, "read size out of bounds");
    const entry = manifest.find(target);
    if (entry === undefined) {
      throw new HelixError("OFFSET_OUT_OF_RANGE", `offset ${target} is not in the object store`);
    }
    const index = await this.loadIndex(entry);
    const first = lastEntryAtOrBefore(index.entries, target);
    let last = first;
    while (
      last + 1 < index.entries.length &&
      blockStart(index, last + 1) - blockStart(index, first) < maxBytes
    )
      last++;
    const bytes = await this.loadBlocks(entry.objectKey, index, first, last);
    return { entry, ...selectBatches(bytes, target, maxBytes, entry.objectKey) };
  }

  private async loadIndex(entry: ManifestEntry): Promise<ObjectIndex> {
    const cacheKey = `${entry.objectKey}#index`;
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined && !(cached instanceof Uint8Array)) return cached;
    this.rangeRequests++;
    const footerBytes = await this.store.getRange(
      entry.objectKey,
      entry.sizeBytes - tieredObjectFooterBytes,
      entry.sizeBytes,
    );
    const footer = decodeTieredObjectFooter(footerBytes, entry.sizeBytes);
    if (footer.baseOffset !== entry.baseOffset || footer.endOffset !== entry.endOffset) {
      throw new HelixError(
        "CORRUPT_DATA",
        `object ${entry.objectKey} holds offsets other than its manifest entry's`,
      );
    }
    const range = tieredObjectIndexRange(footer);
    this.rangeRequests++;
    const entries = decodeTieredObjectIndex(
      await this.store.getRange(entry.objectKey, range.start, range.end),
      footer,
    );
    const index: ObjectIndex = { entries, dataSizeBytes: footer.dataSizeBytes };
    this.cache.set(cacheKey, index, range.end - range.start + tieredObjectFooterBytes);
    return index;
  }

  /** Blocks first..last (inclusive) concatenated; missing runs are fetched with one ranged get each. */
  private async loadBlocks(
    objectKey: string,
    index: ObjectIndex,
    first: number,
    last: number,
  ): Promise<Uint8Array> {
    const blocks: Uint8Array[] = [];
    let block = first;
    while (block <= last) {
      const cached = this.cache.get(`${objectKey}@${block}`);
      if (cached instanceof Uint8Array) {
        blocks.push(cached);
        block++;
        continue;
      }
      let runEnd = block;
      while (runEnd < last && this.cache.get(`${objectKey}@${runEnd + 1}`) === undefined) runEnd++;
      const start = blockStart(index, block);
      this.rangeRequests++;
      const fetched = await this.store.getRange(objectKey, start, blockEnd(index, runEnd));
      for (let fetchedBlock = block; fetchedBlock <= runEnd; fetchedBlock++) {
        const bytes = fetched.subarray(
          blockStart(index, fetchedBlock) - start,
          blockEnd(index, fetchedBlock) - start,
        );
        this.cache.set(`${objectKey}@${fetchedBlock}`, bytes, bytes.length);
        blocks.push(bytes);
      }
      block = runEnd + 1;
    }
    if (blocks.length === 1) return blocks[0] as Uint8Array;
    const joined = new Uint8Array(blocks.reduce((total, bytes) => total + bytes.length, 0));
    let position = 0;
    for (const bytes of blocks) {
      joined.set(bytes, position);
      position += bytes.length;
    }
    return joined;
  }
}

function blockStart(index: ObjectIndex, block: number): number {
  return (index.entries[block] as IndexEntry).position;
}

function blockEnd(index: ObjectIndex, block: number): number {
  return index.entries[block + 1]?.position ?? index.dataSizeBytes;
}

function lastEntryAtOrBefore(entries: readonly IndexEntry[], target: number): number {
  let low = 0;
  let high = entries.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((entries[middle] as IndexEntry).offset <= target) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Skips batches before `target`, then keeps whole, verified batches up to `maxBytes` (at least one). */
function selectBatches(
  bytes: Uint8Array,
  target: number,
  maxBytes: number,
  objectKey: string,
): { batches: Uint8Array; nextOffset: Offset } {
  let position = 0;
  let start = -1;
  let nextOffset = target;
  // Each iteration consumes one whole batch (at least 61 bytes) of the fetched blocks.
  while (position < bytes.length) {
    const header = asCorruptData(() => readRecordBatchHeader(bytes, position), `object ${objectKey}`);
    const size = batchSize(header);
    if (batchNextOffset(header) <= target) {
      position += size;
      continue;
    }
    if (start >= 0 && position + size - start > maxBytes) break;
    asCorruptData(() => validateRecordBatch(bytes, position), `object ${objectKey} batch at ${position}`);
    if (start < 0) start = position;
    nextOffset = batchNextOffset(header);
    position += size;
  }
  if (start < 0)
    throw new HelixError("CORRUPT_DATA", `object ${objectKey} has no batch containing offset ${target}`);
  return { batches: bytes.slice(start, position), nextOffset: nextOffset as Offset };
}
