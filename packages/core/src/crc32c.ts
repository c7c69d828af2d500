import { crc32c as nativeCrc32c } from "@node-rs/crc32";

/**
 * CRC32C (Castagnoli), the checksum of Kafka record batches and of every Helix on-disk frame.
 *
 * Two implementations: a native one (@node-rs/crc32, SSE4.2 `crc32` instructions through N-API) and a
 * portable slice-by-8 table one. `crc32c` picks by input size from measurements recorded in
 * BENCHMARKS.md (`npm run bench -- crc32c`): below `nativeThresholdBytes` the N-API call overhead costs
 * more than the table loop; above it the hardware instruction wins by an order of magnitude.
 */

const polynomialReversed = 0x82f63b78;

/** tables[k][b] = CRC of byte b followed by k zero bytes; table 0 is the classic byte-wise table. */
const tables: Uint32Array[] = buildTables();

function buildTables(): Uint32Array[] {
  const result: Uint32Array[] = [];
  const first = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ polynomialReversed : crc >>> 1;
    first[byte] = crc >>> 0;
  }
  result.push(first);
  for (let k = 1; k < 8; k++) {
    const previous = result[k - 1] as Uint32Array;
    const table = new Uint32Array(256);
    for (let byte = 0; byte < 256; byte++) {
      const value = previous[byte] as number;
      table[byte] = ((value >>> 8) ^ (first[value & 0xff] as number)) >>> 0;
    }
    result.push(table);
  }
  return result;
}

const [t0, t1, t2, t3, t4, t5, t6, t7] = tables as [
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
  Uint32Array,
];

/**
 * Table-driven CRC32C over `data[start, end)`, continuing from `previous` (the CRC of what came before,
 * 0 for a fresh checksum).
 */
export function crc32cTable(data: Uint8Array, previous = 0, start = 0, end = data.length): number {
  let crc = ~previous >>> 0;
  let i = start;
  while (end - i >= 8) {
    const low =
      (crc ^
        ((data[i] as number) |
          ((data[i + 1] as number) << 8) |
          ((data[i + 2] as number) << 16) |
          ((data[i + 3] as number) << 24))) >>>
      0;
    crc =
      (t7[low & 0xff] as number) ^
      (t6[(low >>> 8) & 0xff] as number) ^
      (t5[(low >>> 16) & 0xff] as number) ^
      (t4[low >>> 24] as number) ^
      (t3[data[i + 4] as number] as number) ^
      (t2[data[i + 5] as number] as number) ^
      (t1[data[i + 6] as number] as number) ^
      (t0[data[i + 7] as number] as number);
    i += 8;
  }
  while (i < end) {
    crc = (t0[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
    i++;
  }
  return ~crc >>> 0;
}

/** Native CRC32C over `data[start, end)` continuing from `previous`. */
export function crc32cNative(data: Uint8Array, previous = 0, start = 0, end = data.length): number {
  const view = start === 0 && end === data.length ? data : data.subarray(start, end);
  return nativeCrc32c(toBuffer(view), previous) >>> 0;
}

function toBuffer(view: Uint8Array): Buffer {
  return Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** Below this many bytes the table loop beats the N-API call (measured; see BENCHMARKS.md). */
export const nativeThresholdBytes = 256;

/** CRC32C over `data[start, end)` continuing from `previous`, with the faster implementation for the size. */
export function crc32c(data: Uint8Array, previous = 0, start = 0, end = data.length): number {
  return end - start < nativeThresholdBytes
    ? crc32cTable(data, previous, start, end)
    : crc32cNative(data, previous, start, end);
}
