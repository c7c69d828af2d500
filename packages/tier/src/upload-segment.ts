import { crc32c, type ObjectInfo, type ObjectStore } from "@helixlog/core";
import type { UploadClaim, UploadedObject } from "./tiering-partition.js";

export type UploadOutcome =
  | { readonly ok: true; readonly uploaded: UploadedObject; readonly head: ObjectInfo | undefined }
  | { readonly ok: false; readonly error: unknown };

/**
 * Performs one claimed upload: put the object, then read back its size and checksum with head(). The
 * caller reports the outcome to TieringPartition (onUploadSucceeded / onUploadFailed), which proposes a
 * manifest entry only when what head() read back matches what was put.
 */
export async function uploadClaimedSegment(
  store: ObjectStore,
  claim: UploadClaim,
  objectBytes: Uint8Array,
): Promise<UploadOutcome> {
  const uploaded: UploadedObject = { sizeBytes: objectBytes.length, crc32c: crc32c(objectBytes) };
  try {
    await store.put(claim.objectKey, objectBytes, { crc32c: uploaded.crc32c });
    return { ok: true, uploaded, head: await store.head(claim.objectKey) };
  } catch (error) {
    return { ok: false, error };
  }
}
