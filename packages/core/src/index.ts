export { AssertionError, assert, assertNever, exitCodes, FatalError, fatal } from "./assert.js";
export { ByteReader, ByteWriter, readInt64At, varintSize, writeInt64At } from "./binary.js";
export type { Clock } from "./clock.js";
export { ManualClock, systemClock } from "./clock.js";
export { crc32c, crc32cNative, crc32cTable, nativeThresholdBytes } from "./crc32c.js";
export type { Disk, DiskFile } from "./disk.js";
export type { ErrorCode, HelixErrorOptions } from "./errors.js";
export { errorCodes, grpcStatus, HelixError, isErrorCode, kafkaErrorCode } from "./errors.js";
export type {
  Brand,
  Bytes,
  GroupId,
  LeaseId,
  LogIndex,
  NodeId,
  Offset,
  PartitionId,
  ProducerId,
  Term,
  Ticks,
  TopicId,
} from "./ids.js";
export {
  bytes,
  groupId,
  leaseId,
  logIndex,
  nodeId,
  offset,
  partitionId,
  producerId,
  term,
  ticks,
  topicId,
  topicIdFromBytes,
  topicIdNone,
  topicIdToBytes,
} from "./ids.js";
export * as limits from "./limits.js";
export type { ObjectInfo, ObjectStore } from "./object-store.js";
export type {
  BatchSpan,
  CompressionCodec,
  EncodeRecordBatchInput,
  KafkaRecord,
  RecordBatchHeader,
  RecordHeader,
} from "./record-batch.js";
export {
  batchCompression,
  batchLengthPrefixBytes,
  batchNextOffset,
  batchOffsets,
  batchSize,
  compressionCodecs,
  decodeRecords,
  encodeRecordBatch,
  encodeRecords,
  isControlBatch,
  isLogAppendTime,
  isTransactionalBatch,
  readRecordBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  splitRecordBatches,
  validateRecordBatch,
} from "./record-batch.js";
export type { Rng } from "./rng.js";
export { SeededRng, shuffle } from "./rng.js";
export type { Transport } from "./transport.js";
