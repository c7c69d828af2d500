import { HelixError } from "./errors.js";

/**
 * Branded identifiers and units. A brand is a compile-time tag only: at run time every one of these is
 * a plain number or string, so they cost nothing. Raw values are branded at the edge (decoders, storage
 * readers, config) by the checked constructors below; inside the system, branded values are trusted.
 *
 * Everything numeric here fits in a JavaScript safe integer (2^53 - 1). Kafka offsets and timestamps are
 * int64 on the wire, but 2^53 offsets at a million records per second last 285 years, so we keep them as
 * numbers and reject anything larger at the decoder instead of paying for bigint on the hot path.
 */
declare const brand: unique symbol;
export type Brand<T, Name extends string> = T & { readonly [brand]: Name };

/** A node (broker) of the cluster. Kafka's broker id; 1-based like a Raft node id. */
export type NodeId = Brand<number, "NodeId">;
/** A Raft group on a node. 0 is the controller; partitions and progress groups use the rest. */
export type GroupId = Brand<number, "GroupId">;
/** A topic's identity that survives re-creation of the same name: a UUID in canonical 8-4-4-4-12 form. */
export type TopicId = Brand<string, "TopicId">;
/** A partition index within a topic, 0-based. */
export type PartitionId = Brand<number, "PartitionId">;
/** A Raft term. 0 before any election. */
export type Term = Brand<number, "Term">;
/** A Raft log index. 0 means "before the first entry". */
export type LogIndex = Brand<number, "LogIndex">;
/** A Kafka offset within a partition. */
export type Offset = Brand<number, "Offset">;
/** An idempotent producer's id, allocated by the controller. */
export type ProducerId = Brand<number, "ProducerId">;
/** A consumer-progress lease. */
export type LeaseId = Brand<number, "LeaseId">;
/** A duration in logical clock ticks (Raft timeouts are counted in ticks, never in milliseconds). */
export type Ticks = Brand<number, "Ticks">;
/** A size in bytes. */
export type Bytes = Brand<number, "Bytes">;

const int32Max = 2 ** 31 - 1;

function checkInteger(kind: string, value: number, minimum: number, maximum: number): void {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `${kind} must be an integer in [${minimum}, ${maximum}], got ${value}`,
    );
  }
}

export function nodeId(value: number): NodeId {
  checkInteger("node id", value, 1, int32Max);
  return value as NodeId;
}

export function groupId(value: number): GroupId {
  checkInteger("group id", value, 0, Number.MAX_SAFE_INTEGER);
  return value as GroupId;
}

export function partitionId(value: number): PartitionId {
  checkInteger("partition id", value, 0, int32Max);
  return value as PartitionId;
}

export function term(value: number): Term {
  checkInteger("term", value, 0, Number.MAX_SAFE_INTEGER);
  return value as Term;
}

export function logIndex(value: number): LogIndex {
  checkInteger("log index", value, 0, Number.MAX_SAFE_INTEGER);
  return value as LogIndex;
}

export function offset(value: number): Offset {
  checkInteger("offset", value, 0, Number.MAX_SAFE_INTEGER);
  return value as Offset;
}

export function producerId(value: number): ProducerId {
  checkInteger("producer id", value, 0, Number.MAX_SAFE_INTEGER);
  return value as ProducerId;
}

export function leaseId(value: number): LeaseId {
  checkInteger("lease id", value, 0, Number.MAX_SAFE_INTEGER);
  return value as LeaseId;
}

export function ticks(value: number): Ticks {
  checkInteger("ticks", value, 0, Number.MAX_SAFE_INTEGER);
  return value as Ticks;
}

export function bytes(value: number): Bytes {
  checkInteger("bytes", value, 0, Number.MAX_SAFE_INTEGER);
  return value as Bytes;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Accepts a UUID in canonical form (any case) and returns it lower-cased. */
export function topicId(value: string): TopicId {
  const lower = value.toLowerCase();
  if (!uuidPattern.test(lower)) {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `topic id must be a UUID like 01234567-89ab-cdef-0123-456789abcdef, got "${value}"`,
    );
  }
  return lower as TopicId;
}

/** The all-zero UUID Kafka uses to mean "no topic id". */
export const topicIdNone = "00000000-0000-0000-0000-000000000000" as TopicId;

/** Writes a topic id as its 16 raw bytes (Kafka's wire form). */
export function topicIdToBytes(id: TopicId): Uint8Array {
  const hex = id.replaceAll("-", "");
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Reads 16 raw bytes as a topic id. */
export function topicIdFromBytes(raw: Uint8Array): TopicId {
  if (raw.length !== 16)
    throw new HelixError("INVALID_ARGUMENT", `a topic id is 16 bytes, got ${raw.length}`);
  let hex = "";
  for (const byte of raw) hex += byte.toString(16).padStart(2, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` as TopicId;
}
