import { crc32c, HelixError } from "@helixlog/core";
import { readUint64, viewOf, writeUint64 } from "./bytes.js";

/**
 * The 40-byte header every file of the package starts with (DESIGN.md §4: every file has a magic and a
 * format version):
 *
 *   0  magic        8 ASCII bytes naming the file kind
 *   8  version      u16 LE, the format version of this kind
 *   10 reserved     u16, zero
 *   12 crc          u32 LE, CRC32C of the 40 header bytes with this field zeroed
 *   16 fields[0..3] three u64 LE whose meaning depends on the kind
 */
export const fileHeaderBytes = 40;

export interface FileHeader {
  readonly magic: string;
  readonly version: number;
  readonly fields: readonly [number, number, number];
}

export function encodeFileHeader(header: FileHeader): Uint8Array {
  const bytes = new Uint8Array(fileHeaderBytes);
  const view = viewOf(bytes);
  bytes.set(new TextEncoder().encode(header.magic.padEnd(8, " ").slice(0, 8)), 0);
  view.setUint16(8, header.version, true);
  for (const [i, value] of header.fields.entries()) writeUint64(bytes, 16 + i * 8, value);
  view.setUint32(12, crc32c(bytes), true);
  return bytes;
}

/**
 * Decodes and checks a header: magic, version and CRC must match, or the file is corrupt. A bad header
 * is never repaired: it is reported with the file name (DESIGN.md §3 rule 3).
 */
export function decodeFileHeader(
  bytes: Uint8Array,
  expected: { readonly magic: string; readonly version: number },
  path: string,
): FileHeader {
  const corrupt = (reason: string) =>
    new HelixError("CORRUPT_DATA", `${path}: bad file header (${reason})`, {
      details: { path, position: 0 },
    });
  if (bytes.length < fileHeaderBytes) throw corrupt(`${bytes.length} bytes, expected ${fileHeaderBytes}`);
  const header = bytes.slice(0, fileHeaderBytes);
  const view = viewOf(header);
  const magic = new TextDecoder().decode(header.subarray(0, 8));
  if (magic !== expected.magic) throw corrupt(`magic "${magic}", expected "${expected.magic}"`);
  const storedCrc = view.getUint32(12, true);
  view.setUint32(12, 0, true);
  if (crc32c(header) !== storedCrc) throw corrupt("checksum mismatch");
  const version = view.getUint16(8, true);
  if (version !== expected.version) {
    throw new HelixError(
      "UNSUPPORTED_VERSION",
      `${path}: format version ${version}, this build reads ${expected.version}`,
      {
        details: { path },
      },
    );
  }
  const fields = [readUint64(header, 16), readUint64(header, 24), readUint64(header, 32)];
  if (fields.some((value) => value === undefined)) throw corrupt("a field is not a safe integer");
  return { magic, version, fields: fields as [number, number, number] };
}
