/**
 * A blob store for tiered segments (filesystem by default, S3 in production). Every operation either
 * succeeds or throws a HelixError: UNAVAILABLE for retriable faults, NOT_FOUND for a missing object (`head`
 * reports absence as undefined instead). Writes are whole-object and atomic: a reader never sees half an
 * object.
 */
export interface ObjectStore {
  /** Stores `body` under `key`, verifying it arrived intact with its CRC32C. Overwrites an existing key. */
  put(key: string, body: Uint8Array, options: { readonly crc32c: number }): Promise<void>;
  /** Reads a whole object; NOT_FOUND when it does not exist. */
  get(key: string): Promise<Uint8Array>;
  /** Reads bytes [start, endExclusive) of an object. */
  getRange(key: string, start: number, endExclusive: number): Promise<Uint8Array>;
  /** Size and checksum of an object, or undefined when it does not exist. */
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Keys under `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Deletes an object; no error if it does not exist. */
  delete(key: string): Promise<void>;
}

export interface ObjectInfo {
  readonly key: string;
  readonly sizeBytes: number;
  readonly crc32c: number | undefined;
}
