/**
 * Tier manifest changes as partition-log entries (issue 11). A partition's Raft log carries, besides
 * record batches and DeleteRecords, the commands of its tiered-storage manifest (`@helixlog/tier`
 * `ManifestCommand`: a leader's fence, a verified upload added, the remote log start moved by total
 * retention). Every replica applies them in log order into its manifest, so every replica and every
 * future leader agrees on which objects hold which offsets.
 *
 * Format: the partition command tag `partitionCommandType.tierManifest`, then the tier package's own
 * versioned command encoding.
 */
import { HelixError } from "@helixlog/core";
import { decodeManifestCommand, encodeManifestCommand, type ManifestCommand } from "@helixlog/tier";
import { partitionCommandType } from "../partition/partition-state.js";

export function encodeTierCommand(command: ManifestCommand): Uint8Array {
  const body = encodeManifestCommand(command);
  const data = new Uint8Array(1 + body.length);
  data[0] = partitionCommandType.tierManifest;
  data.set(body, 1);
  return data;
}

export function isTierCommand(data: Uint8Array): boolean {
  return data.length > 0 && data[0] === partitionCommandType.tierManifest;
}

/** CORRUPT_DATA when the entry is not a well-formed tier command (our own log: never expected). */
export function decodeTierCommand(data: Uint8Array): ManifestCommand {
  if (!isTierCommand(data)) throw new HelixError("CORRUPT_DATA", "not a tier manifest command");
  return decodeManifestCommand(data.subarray(1));
}
