/**
 * `validFrameSize` (the allocation-free path recovery scans take for every frame) and `checkFrame` (which
 * also says why a frame is not valid) must agree on which frames are valid: the scan trusts the first and
 * asks the second only about the rest. Random frames, then random damage: every byte position, bit
 * flips, truncations, checksummed frames with a wrong type or reserved byte, salts and limits.
 */
import { crc32c, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { writeUint32 } from "../src/internal/bytes.js";
import {
  checkFrame,
  type FrameRules,
  frameHeaderBytes,
  sealFrameAt,
  validFrameSize,
} from "../src/internal/frame.js";

describe("validFrameSize", () => {
  it("finds valid exactly the frames checkFrame finds valid, with the same size", () => {
    const rng = new SeededRng(8);
    let valid = 0;
    let invalid = 0;
    for (let round = 0; round < 4_000; round++) {
      const payload = rng.integer(0, 64);
      const size = frameHeaderBytes + payload;
      const salt = rng.chance(0.5) ? rng.nextUint32() : 0;
      const bytes = new Uint8Array(size + rng.integer(0, 24));
      const start = rng.integer(0, bytes.length - size + 1);
      for (let i = start + frameHeaderBytes; i < start + size; i++) bytes[i] = rng.integer(0, 256);
      sealFrameAt(bytes, start, size, rng.integer(1, 6), salt);
      const lastKnownType = rng.chance(0.1) ? 3 : 5;
      const rules: FrameRules = {
        payloadBytesMax: rng.chance(0.1) ? rng.integer(0, 64) : 64,
        isKnownType: (type) => type >= 1 && type <= lastKnownType,
        crcSalt: rng.chance(0.9) ? salt : salt ^ 1,
      };
      const damage = rng.integer(0, 5);
      if (damage === 1) {
        const at = rng.integer(0, bytes.length);
        bytes[at] = (bytes[at] as number) ^ (1 << rng.integer(0, 8));
      }
      if (damage === 2) bytes[rng.integer(start, start + Math.min(size, 12))] = rng.integer(0, 256);
      if (damage === 4) {
        // A frame whose checksum is right but whose type or reserved bytes are not.
        bytes[rng.integer(start + 8, start + 12)] = rng.integer(0, 256);
        writeUint32(bytes, start + 4, (crc32c(bytes, 0, start + 8, start + size) ^ salt) >>> 0);
      }
      const visible = damage === 3 ? bytes.subarray(0, rng.integer(start, bytes.length + 1)) : bytes;
      const fileRemaining = damage === 3 && rng.chance(0.5) ? visible.length - start : bytes.length - start;
      const found = validFrameSize(visible, start, fileRemaining, rules);
      const check = checkFrame(visible, start, fileRemaining, rules);
      expect(found).toBe(check.kind === "valid" ? check.size : 0);
      if (found > 0) valid++;
      else invalid++;
    }
    // Both answers must have come up often, or the agreement shows little.
    expect(valid).toBeGreaterThan(500);
    expect(invalid).toBeGreaterThan(1_000);
  });
});
