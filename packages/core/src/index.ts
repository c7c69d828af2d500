export { AssertionError, assert, assertNever, exitCodes, FatalError, fatal } from "./assert.js";
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
export type { Rng } from "./rng.js";
export { SeededRng, shuffle } from "./rng.js";
export type { Transport } from "./transport.js";
