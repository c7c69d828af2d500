export type { ParsedTieredObjectKey } from "./object-key.js";
export {
  parseTieredObjectKey,
  partitionKeyPrefix,
  tieredObjectKey,
  validateObjectKey,
  validateObjectKeyPrefix,
} from "./object-key.js";
export type {
  FileSystemObjectStoreConfig,
  FileSystemObjectStoreHooks,
} from "./stores/file-system-object-store.js";
export {
  FileSystemObjectStore,
  validateFileSystemObjectStoreConfig,
} from "./stores/file-system-object-store.js";
export type { S3ObjectStoreConfig, S3ObjectStoreHooks } from "./stores/s3-object-store.js";
export { mapS3Error, S3ObjectStore, validateS3ObjectStoreConfig } from "./stores/s3-object-store.js";
export type {
  ManifestApplyResult,
  ManifestCommand,
  ManifestEntry,
  ManifestRejection,
} from "./tier-manifest.js";
export { decodeManifestCommand, encodeManifestCommand, TierManifest } from "./tier-manifest.js";
export type { IndexEntry, TieredObject, TieredObjectFooter } from "./tiered-object.js";
export {
  decodeTieredObjectFooter,
  decodeTieredObjectIndex,
  encodeTieredObject,
  tieredObjectFooterBytes,
} from "./tiered-object.js";
export type { TieredRead, TieredReaderConfig } from "./tiered-reader.js";
export { TieredReader, validateTieredReaderConfig } from "./tiered-reader.js";
export type { SealedSegment, TieringConfig, UploadClaim, UploadedObject } from "./tiering-partition.js";
export { TieringPartition, unlimited, validateTieringConfig } from "./tiering-partition.js";
export type { UploadOutcome } from "./upload-segment.js";
export { uploadClaimedSegment } from "./upload-segment.js";
