/**
 * CRC32C (Castagnoli) matches the standard check value and the RFC 3720 (iSCSI) test vectors, and the
 * table and native implementations agree on every input, including incremental (chained) use.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32c, crc32cNative, crc32cTable, nativeThresholdBytes } from "./crc32c.js";

const implementations = { crc32c, crc32cNative, crc32cTable };

describe.each(Object.entries(implementations))("%s", (_name, checksum) => {
  it('gives the check value 0xE3069283 for "123456789"', () => {
    expect(checksum(new TextEncoder().encode("123456789"))).toBe(0xe3069283);
  });

  it("matches the RFC 3720 appendix B.4 vectors", () => {
    const ascending = Uint8Array.from({ length: 32 }, (_, i) => i);
    const descending = Uint8Array.from({ length: 32 }, (_, i) => 31 - i);
    expect(checksum(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(checksum(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(checksum(ascending)).toBe(0x46dd794e);
    expect(checksum(descending)).toBe(0x113fdb5c);
  });

  it("is 0 for empty input", () => {
    expect(checksum(new Uint8Array(0))).toBe(0);
  });
});

describe("table and native agree", () => {
  it("on random inputs, ranges and chaining", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(), fc.nat(), (data, a, b) => {
        const start = data.length === 0 ? 0 : a % (data.length + 1);
        const end = start + (data.length - start === 0 ? 0 : b % (data.length - start + 1));
        const table = crc32cTable(data, 0, start, end);
        expect(crc32cNative(data, 0, start, end)).toBe(table);
        expect(crc32c(data, 0, start, end)).toBe(table);
        const split = start + Math.floor((end - start) / 2);
        expect(crc32cTable(data, crc32cTable(data, 0, start, split), split, end)).toBe(table);
        expect(crc32cNative(data, crc32cNative(data, 0, start, split), split, end)).toBe(table);
      }),
      { numRuns: 500 },
    );
  });

  it("switch implementation at the measured threshold without changing results", () => {
    for (const size of [nativeThresholdBytes - 1, nativeThresholdBytes, nativeThresholdBytes + 1]) {
      const data = Uint8Array.from({ length: size }, (_, i) => (i * 31) & 0xff);
      expect(crc32c(data)).toBe(crc32cTable(data));
    }
  });
});
