export type { FileCacheStatistics, FileUseOptions } from "./internal/file-cache.js";
export { FileCache } from "./internal/file-cache.js";
export { NodeDisk } from "./node-disk.js";
export type { PartitionLogOptions, SealedSegmentInfo } from "./partition-log.js";
export { PartitionLog, partitionFileCache, partitionFileName } from "./partition-log.js";
export type { RollStage, WalOptions, WalStatistics } from "./wal.js";
export { Wal } from "./wal.js";
export type {
  CompactionPoint,
  EntryDecoder,
  GroupStatus,
  GroupWrite,
  HardState,
  StoredEntry,
  WalEntry,
} from "./wal-types.js";
export { initialHardState, walEntryOf } from "./wal-types.js";
