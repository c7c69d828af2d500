/**
 * The bytes of a partition group's Raft snapshot: the partition's state machine (PartitionState: applied
 * index, high watermark, replicated log start offset, idempotent-producer state, leader-epoch history),
 * never its records.
 * Records live in the partition's segment store; a follower that installs this snapshot pulls the
 * batches it lacks, up to `highWatermark`, from a replica before acknowledging (partition-transfer.ts);
 * when its log ends below `logStartOffset` (or a replica's log start), it resets its segment store to
 * start there instead of pulling records that no longer exist.
 *
 * The body also carries the partition's tiered-storage manifest (`tierManifest`, base64 of the tier
 * package's checksummed `TierManifest.snapshot()`), so a replica restoring the snapshot agrees with the
 * others on what is tiered; absent in snapshots from before tiering (an empty manifest).
 *
 * Format: "HXPS", u16 version (1), u32 CRC32C of the body, then the body as JSON.
 */
import { crc32c, HelixError } from "@helixlog/core";
import type { PartitionSnapshot } from "./partition-state.js";

const magic = 0x48585053; // "HXPS"
const version = 1;
const headerBytes = 10;

/** The partition state plus its tiered-storage manifest (`TierManifest.snapshot()` bytes, issue 11). */
export interface PartitionGroupSnapshot extends PartitionSnapshot {
  readonly tierManifest?: Uint8Array;
}

export function encodePartitionSnapshot(snapshot: PartitionGroupSnapshot): Uint8Array {
  const { tierManifest, ...state } = snapshot;
  const json =
    tierManifest === undefined
      ? state
      : { ...state, tierManifest: Buffer.from(tierManifest).toString("base64") };
  const body = new TextEncoder().encode(JSON.stringify(json));
  const bytes = new Uint8Array(headerBytes + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint16(4, version);
  view.setUint32(6, crc32c(body));
  bytes.set(body, headerBytes);
  return bytes;
}

export function decodePartitionSnapshot(bytes: Uint8Array): PartitionGroupSnapshot {
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
  const { tierManifest, ...snapshot } = JSON.parse(new TextDecoder().decode(body)) as PartitionSnapshot & {
    tierManifest?: unknown;
  };
  if (tierManifest !== undefined && typeof tierManifest !== "string") {
    throw new HelixError("CORRUPT_DATA", "partition snapshot holds a bad tier manifest");
  }
  const counts = [snapshot.appliedIndex, snapshot.logStartOffset, snapshot.highWatermark];
  if (!counts.every((value) => Number.isSafeInteger(value) && value >= 0)) {
    throw new HelixError("CORRUPT_DATA", "partition snapshot holds a bad index or offset");
  }
  const epochs = snapshot.leaderEpochs;
  if (
    epochs !== undefined &&
    !(
      Array.isArray(epochs) &&
      epochs.every(
        (entry, i) =>
          Number.isSafeInteger(entry.epoch) &&
          Number.isSafeInteger(entry.startOffset) &&
          entry.startOffset >= 0 &&
          (i === 0 || (entry.epoch > epochs[i - 1]!.epoch && entry.startOffset > epochs[i - 1]!.startOffset)),
      )
    )
  ) {
    throw new HelixError("CORRUPT_DATA", "partition snapshot holds a bad leader-epoch history");
  }
  if (tierManifest === undefined) return snapshot;
  return { ...snapshot, tierManifest: new Uint8Array(Buffer.from(tierManifest, "base64")) };
}
