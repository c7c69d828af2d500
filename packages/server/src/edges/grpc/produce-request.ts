/**
 * Turns a Produce request into what HelixNode.produce takes: validated record batch bytes, the target
 * partition and the acks level. With `records` the server builds one uncompressed batch (DESIGN.md §2:
 * the batch is the log entry); with `batches` the client's Kafka record batch v2 bytes go as they are and
 * the partition leader validates them (CRC32C, structure) before stamping offsets.
 */
import {
  batchSize,
  decodeRecords,
  encodeRecordBatch,
  HelixError,
  type KafkaRecord,
  limits,
  type PartitionId,
  readRecordBatchHeader,
} from "@helixlog/core";
import { partitionForKey, type StickyPartitioner } from "@helixlog/routing";
import type { TopicRecord } from "../../node/controller/controller-state.js";
import { effectiveTopicConfig } from "../../node/controller/topic-config.js";
import type { Acks, HelixNode } from "../../node/helix-node.js";
import type { ProduceRequest, RecordMessage } from "./messages.js";
import { invalid, requirePartition } from "./validation.js";

const acksByName = {
  ACKS_UNSPECIFIED: "all",
  ACKS_NONE: "none",
  ACKS_LEADER: "leader",
  ACKS_ALL: "all",
} as const satisfies Record<string, Acks>;

export function acksOf(value: ProduceRequest["acks"]): Acks {
  if (typeof value === "number" || !Object.hasOwn(acksByName, value)) {
    throw invalid(`acks has unknown value ${String(value)}; known: ${Object.keys(acksByName).join(", ")}`);
  }
  return acksByName[value];
}

/** The largest batch this topic accepts: its max.message.bytes, never above the global limit. */
export function batchBytesMaxOf(topic: TopicRecord): number {
  return Math.min(
    Number(effectiveTopicConfig(topic.config)["max.message.bytes"]),
    limits.recordBatchSizeBytesMax,
  );
}

/** The bytes to append: one batch built from `records`, or the client's `batches` after size checks. */
export function batchesOf(request: ProduceRequest, topic: TopicRecord, nowMs: number): Uint8Array {
  const hasRecords = request.records.length > 0;
  const hasBatches = request.batches.length > 0;
  if (hasRecords === hasBatches) throw invalid("set exactly one of records and batches");
  const bytesMax = batchBytesMaxOf(topic);
  if (hasBatches) {
    if (request.producer !== undefined) {
      throw invalid("producer applies to records; record batches carry their own producer fields");
    }
    requireBatchSizes(request.batches, bytesMax);
    return request.batches;
  }
  return buildBatch(request, bytesMax, nowMs);
}

function buildBatch(request: ProduceRequest, bytesMax: number, nowMs: number): Uint8Array {
  const { records } = request;
  if (records.length > limits.recordsPerBatchMax)
    throw invalid(`at most ${limits.recordsPerBatchMax} records`);
  // Refuse before encoding: a hostile request must not make the server build a batch it will refuse.
  const payloadBytes = records.reduce((sum, record) => sum + recordPayloadBytes(record), 0);
  if (payloadBytes > bytesMax) throw tooLarge(payloadBytes, bytesMax);
  const timestamps = records.map((record, index) => timestampOf(record, index, nowMs));
  const baseTimestamp = Math.min(...timestamps);
  const bytes = encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp,
    ...producerFields(request.producer),
    records: records.map((record, offsetDelta) =>
      toKafkaRecord(record, offsetDelta, timestamps, baseTimestamp),
    ),
  });
  if (bytes.length > bytesMax) throw tooLarge(bytes.length, bytesMax);
  return bytes;
}

function toKafkaRecord(
  record: RecordMessage,
  offsetDelta: number,
  timestamps: readonly number[],
  baseTimestamp: number,
): KafkaRecord {
  if (record.headers.length > limits.headersPerRecordMax) {
    throw invalid(`record ${offsetDelta} has more than ${limits.headersPerRecordMax} headers`);
  }
  return {
    timestampDelta: (timestamps[offsetDelta] as number) - baseTimestamp,
    offsetDelta,
    key: record.key ?? null,
    value: record.value ?? null,
    headers: record.headers.map((header) => ({ key: header.key, value: header.value ?? null })),
  };
}

function recordPayloadBytes(record: RecordMessage): number {
  const headerBytes = record.headers.reduce(
    (sum, header) => sum + Buffer.byteLength(header.key) + (header.value?.length ?? 0),
    0,
  );
  return (record.key?.length ?? 0) + (record.value?.length ?? 0) + headerBytes;
}

/** 0 means "now" (CreateTime set by the server); negative timestamps are refused. */
function timestampOf(record: RecordMessage, index: number, nowMs: number): number {
  if (!Number.isSafeInteger(record.timestampMs) || record.timestampMs < 0) {
    throw invalid(`record ${index} has timestamp_ms ${record.timestampMs}; it must be >= 0`);
  }
  return record.timestampMs === 0 ? nowMs : record.timestampMs;
}

const producerEpochMax = 32_767;
const sequenceMax = 2 ** 31 - 1;

function producerFields(producer: ProduceRequest["producer"]) {
  if (producer === undefined) return {};
  const { producerId, producerEpoch, baseSequence } = producer;
  if (!Number.isSafeInteger(producerId) || producerId < 0) invalidProducer("producer_id", producerId);
  if (!Number.isInteger(producerEpoch) || producerEpoch < 0 || producerEpoch > producerEpochMax) {
    invalidProducer("producer_epoch", producerEpoch);
  }
  if (!Number.isInteger(baseSequence) || baseSequence < 0 || baseSequence > sequenceMax) {
    invalidProducer("base_sequence", baseSequence);
  }
  return { producerId, producerEpoch, baseSequence };
}

function invalidProducer(field: string, value: number): never {
  throw invalid(`producer.${field} ${value} is out of range`);
}

/** Walks the batch headers (lengths only; the leader validates CRCs) and checks each batch's size. */
function requireBatchSizes(bytes: Uint8Array, bytesMax: number): void {
  let position = 0;
  // Each round moves past one whole batch of at least recordBatchSizeBytesMin bytes.
  while (position < bytes.length) {
    const size = batchSize(readRecordBatchHeader(bytes, position));
    if (size < limits.recordBatchSizeBytesMin) {
      throw new HelixError("CORRUPT_RECORD", `record batch at byte ${position} claims ${size} bytes`);
    }
    if (position + size > bytes.length) {
      throw new HelixError("CORRUPT_RECORD", `record batch at byte ${position} is truncated`);
    }
    if (size > bytesMax) throw tooLarge(size, bytesMax);
    position += size;
  }
}

function tooLarge(size: number, bytesMax: number): HelixError {
  return new HelixError(
    "RECORD_TOO_LARGE",
    `record batch of ${size} bytes exceeds the limit of ${bytesMax} bytes`,
  );
}

/**
 * The request's partition, else the one every keyed record maps to (Kafka's murmur2), else a sticky
 * choice for null keys. Records whose keys map to different partitions cannot share one batch.
 */
export function choosePartition(
  request: ProduceRequest,
  batches: Uint8Array,
  topic: TopicRecord,
  node: HelixNode,
  sticky: StickyPartitioner,
): number {
  if (request.partition !== undefined) return requirePartition(topic, request.partition);
  const partitionCount = topic.partitions.length;
  const keys = request.records.length > 0 ? request.records.map((record) => record.key) : keysOf(batches);
  const partitions = new Set(
    keys.flatMap((key) => (key === undefined ? [] : [partitionForKey(key, partitionCount)])),
  );
  if (partitions.size > 1) {
    throw invalid(`the records' keys map to partitions ${[...partitions].join(", ")}; send them separately`);
  }
  const [keyed] = partitions;
  if (keyed !== undefined) return keyed;
  const partitionsWithLeader = topic.partitions.flatMap((_, partition) =>
    node.partitionLeader(topic.name, partition)?.leader === undefined ? [] : [partition as PartitionId],
  );
  return sticky.partition(topic.name, { partitionCount, partitionsWithLeader }, batches.length);
}

/** Keys of client batches, to route them; compressed batches need an explicit partition. */
function keysOf(batches: Uint8Array): (Uint8Array | undefined)[] {
  const keys: (Uint8Array | undefined)[] = [];
  let position = 0;
  while (position < batches.length) {
    const header = readRecordBatchHeader(batches, position);
    try {
      for (const record of decodeRecords(batches, position)) keys.push(record.key ?? undefined);
    } catch (error) {
      if (HelixError.is(error, "INVALID_ARGUMENT")) throw invalid("compressed batches need a partition");
      throw error;
    }
    position += batchSize(header);
  }
  return keys;
}
