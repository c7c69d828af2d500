import { HelixError, type PartitionId } from "@helixlog/core";

/**
 * Kafka's key hash, bit for bit: `org.apache.kafka.common.utils.Utils.murmur2` (MurmurHash2 by Austin
 * Appleby with Kafka's fixed seed). A keyed record must land on the same partition whichever client
 * produced it, so this is not "a murmur2" but exactly the Java client's, including its signed 32-bit
 * arithmetic: Math.imul and `| 0` reproduce Java's wrapping int multiplication and shifts.
 */
const seed = 0x9747b28c;
/** Mixing constants of MurmurHash2, generated offline by its author. */
const multiplier = 0x5bd1e995;
const wordShift = 24;

/** Returns Kafka's murmur2 of `data` as a signed 32-bit integer, as the Java client's `int` holds it. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let hash = seed ^ length;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const wordsEnd = length - (length % 4);
  for (let position = 0; position < wordsEnd; position += 4) {
    // Java assembles each word little-endian from four bytes; a little-endian int32 read is the same.
    let word = view.getInt32(position, true);
    word = Math.imul(word, multiplier);
    word ^= word >>> wordShift;
    word = Math.imul(word, multiplier);
    hash = Math.imul(hash, multiplier);
    hash ^= word;
  }
  hash = mixTail(data, wordsEnd, hash);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, multiplier);
  hash ^= hash >>> 15;
  return hash | 0;
}

/** The last one to three bytes, folded in as the Java switch with fall-through does. */
function mixTail(data: Uint8Array, wordsEnd: number, hash: number): number {
  const remaining = data.length - wordsEnd;
  if (remaining === 0) return hash;
  if (remaining === 3) hash ^= (data[wordsEnd + 2] as number) << 16;
  if (remaining >= 2) hash ^= (data[wordsEnd + 1] as number) << 8;
  hash ^= data[wordsEnd] as number;
  return Math.imul(hash, multiplier);
}

/**
 * Kafka's `Utils.toPositive`: clears the sign bit rather than taking an absolute value, so that
 * Integer.MIN_VALUE maps to 0 and the partition choice matches the Java client exactly.
 */
export function toPositive(value: number): number {
  return value & 0x7fffffff;
}

const utf8 = new TextEncoder();

/**
 * The partition of a keyed record: `toPositive(murmur2(key)) % partitionCount`, as Kafka's
 * BuiltInPartitioner.partitionForKey computes it. A string key is hashed as its UTF-8 bytes, which is what
 * the Java StringSerializer produces.
 */
export function partitionForKey(key: Uint8Array | string, partitionCount: number): PartitionId {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) {
    throw new HelixError(
      "INVALID_PARTITIONS",
      `a keyed record needs a topic with at least one partition, got a partition count of ${partitionCount}`,
    );
  }
  const keyBytes = typeof key === "string" ? utf8.encode(key) : key;
  return (toPositive(murmur2(keyBytes)) % partitionCount) as PartitionId;
}
