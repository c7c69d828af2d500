/**
 * The bytes of a partition group's Raft snapshot: the partition's state machine (PartitionState: applied
 * index, high watermark, replicated log start offset, idempotent-producer state), never its records.
 * Records live in the partition's segment store; a follower that installs this snapshot pulls the
 * batches it lacks, up to `highWatermark`, from a replica before acknowledging (partition-transfer.ts);
 * when its log ends below `logStartOffset` (or a replica's log start), it resets its segment store to
 * start there instead of pulling records that no longer exist.
 *
 * Format: "HXPS", u16 version (1), u32 CRC32C of the body, then the body as JSON.
 */
import { crc32c, HelixError } from "@helixlog/core";
import type { PartitionSnapshot } from "./partition-state.js";

const magic = 0x48585053; // "HXPS"
const version = 1;
const headerBytes = 10;

export function encodePartitionSnapshot(snapshot: PartitionSnapshot): Uint8Array {
  const body = new TextEncoder().encode(JSON.stringify(snapshot));
  const bytes = new Uint8Array(headerBytes + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint16(4, version);
  view.setUint32(6, crc32c(body));
  bytes.set(body, headerBytes);
  return bytes;
}

export function decodePartitionSnapshot(bytes: Uint8Array): PartitionSnapshot {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < headerBytes || view.getUint32(0) !== magic) {
    throw new HelixError("CORRUPT_DATA", "partition snapshot has a bad header");
  }
  if (view.getUint16(4) !== version) {
    throw new HelixError("UNSUPPORTED_VERSION", `partition snapshot version ${view.getUint16(4)} is unknown`);
  }
  const body = bytes.subarray(headerBytes);
  if (crc32c(body) !== view.getUint32(6)) {
    throw new HelixError("CORRUPT_DATA", "partition snapshot failed its CRC32C");
  }
  const snapshot = JSON.parse(new TextDecoder().decode(body)) as PartitionSnapshot;
  const counts = [snapshot.appliedIndex, snapshot.logStartOffset, snapshot.highWatermark];
  if (!counts.every((value) => Number.isSafeInteger(value) && value >= 0)) {
    throw new HelixError("CORRUPT_DATA", "partition snapshot holds a bad index or offset");
  }
  return snapshot;
}
