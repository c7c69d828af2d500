import {
  HelixError,
  limits,
  type Offset,
  offset,
  type PartitionId,
  type Term,
  type TopicId,
  term,
} from "@helixlog/core";

/**
 * Object keys, their validation and the tiered-object key layout.
 *
 * A key is a "/"-separated path of segments. Every store accepts only keys that are safe everywhere:
 * each segment uses letters, digits and `_ - . = + , @ ~`, does not start with "." (which rules out "."
 * and "..", hidden files and the filesystem store's temporary files) and is at most
 * `objectKeySegmentLengthBytesMax` bytes; the whole key is at most `objectKeyLengthBytesMax` bytes, with no leading, trailing or doubled "/". Such a key maps to a
 * relative filesystem path that cannot escape the store's root, and to an S3 key with no encoding
 * surprises.
 */

const segmentPattern = /^[A-Za-z0-9_\-=+,@~][A-Za-z0-9_\-.=+,@~]*$/;

/** Throws INVALID_ARGUMENT unless `key` is a valid object key (see above). */
export function validateObjectKey(key: string): void {
  if (key.length === 0) throw new HelixError("INVALID_ARGUMENT", "an object key must not be empty");
  // Every allowed character is ASCII, so the UTF-8 length equals the string length once the pattern holds.
  if (key.length > limits.objectKeyLengthBytesMax) {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `an object key is at most ${limits.objectKeyLengthBytesMax} bytes, got ${key.length}`,
    );
  }
  for (const segment of key.split("/")) {
    if (segment.length > limits.objectKeySegmentLengthBytesMax) {
      throw new HelixError(
        "INVALID_ARGUMENT",
        `object key "${key}" has a segment longer than ${limits.objectKeySegmentLengthBytesMax} bytes`,
      );
    }
    if (!segmentPattern.test(segment)) {
      throw new HelixError(
        "INVALID_ARGUMENT",
        `object key "${key}" has an invalid segment "${segment}": segments are non-empty, use only ` +
          "letters, digits and _-.=+,@~, and do not start with '.'",
      );
    }
  }
}

/**
 * Throws INVALID_ARGUMENT unless `prefix` may be passed to `list`: empty, or a key prefix built from the
 * same characters (it may end in "/" or in the middle of a segment).
 */
export function validateObjectKeyPrefix(prefix: string): void {
  if (prefix === "") return;
  const trimmed = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  // A prefix ending mid-segment is a valid key once completed, so checking it as a key is exact.
  validateObjectKey(trimmed);
}

/** The key prefix under which one partition's tiered objects live: `<topic id>/<partition>/`. */
export function partitionKeyPrefix(topicId: TopicId, partition: PartitionId): string {
  return `${topicId}/${partition}/`;
}

/** Digits of a zero-padded offset or term: 2^53 has 16 digits; 20 matches Kafka's file names. */
const paddedDigits = 20;
const tieredObjectSuffix = ".tier";

/**
 * The key of the tiered object holding the segment at `baseOffset` uploaded by the leader of `term`:
 * `<topic id>/<partition>/<base offset, 20 digits>-<term, 20 digits>.tier`.
 *
 * The key is a pure function of (topic, partition, base offset, term), so a retried upload in the same
 * term overwrites its earlier attempt instead of leaving a duplicate, and uploads by different leaders
 * never overwrite each other. Zero padding makes `list` order equal offset order.
 */
export function tieredObjectKey(
  topicId: TopicId,
  partition: PartitionId,
  baseOffset: Offset,
  uploaderTerm: Term,
): string {
  const base = String(baseOffset).padStart(paddedDigits, "0");
  const termText = String(uploaderTerm).padStart(paddedDigits, "0");
  return `${partitionKeyPrefix(topicId, partition)}${base}-${termText}${tieredObjectSuffix}`;
}

export interface ParsedTieredObjectKey {
  readonly baseOffset: Offset;
  readonly term: Term;
}

const tieredNamePattern = /^(\d{20})-(\d{20})\.tier$/;

/**
 * Reads back the base offset and term of a key under `prefix` (from `partitionKeyPrefix`); undefined for
 * any other key, which tiering then leaves alone: it never deletes what it does not recognise.
 */
export function parseTieredObjectKey(key: string, prefix: string): ParsedTieredObjectKey | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const match = tieredNamePattern.exec(key.slice(prefix.length));
  if (match === null) return undefined;
  const base = Number(match[1]);
  const termValue = Number(match[2]);
  if (!Number.isSafeInteger(base) || !Number.isSafeInteger(termValue)) return undefined;
  return { baseOffset: offset(base), term: term(termValue) };
}
