/**
 * The replicated manifest: which commands it accepts (contiguous adds from the current term), which it
 * rejects (stale terms, gaps, already-covered ranges), how retention removes entries, how `find` picks
 * the object for an offset, and that snapshots and command encodings round-trip and refuse damage.
 */
import { HelixError, type Offset, offset, type Term, term } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import {
  decodeManifestCommand,
  encodeManifestCommand,
  type ManifestCommand,
  type ManifestEntry,
  TierManifest,
} from "./tier-manifest.js";

function entry(base: number, end: number, entryTerm = 1): ManifestEntry {
  return {
    objectKey: `t/0/${base}-${entryTerm}.tier`,
    baseOffset: offset(base),
    endOffset: offset(end),
    sizeBytes: 100 + base,
    crc32c: 0xdeadbeef,
    term: term(entryTerm),
    maxTimestampMs: 1_000 + end,
  };
}
const add = (base: number, end: number, entryTerm = 1): ManifestCommand => ({
  type: "add",
  entry: entry(base, end, entryTerm),
});

describe("TierManifest apply", () => {
  it("accepts contiguous and overlapping adds that extend the covered range, and nothing else", () => {
    const manifest = new TierManifest();
    expect(manifest.apply(add(0, 10))).toEqual({ accepted: true, removed: [] });
    expect(manifest.apply(add(5, 20))).toMatchObject({ accepted: true });
    expect(manifest.apply(add(0, 20))).toEqual({ accepted: false, reason: "already-covered" });
    expect(manifest.apply(add(21, 30))).toEqual({ accepted: false, reason: "not-contiguous" });
    expect(manifest.tieredEndOffset).toBe(20);
  });

  it("rejects an add or a log start move from a term older than the fence", () => {
    const manifest = new TierManifest();
    expect(manifest.apply({ type: "fence", term: term(3) })).toMatchObject({ accepted: true });
    expect(manifest.apply(add(0, 10, 2))).toEqual({ accepted: false, reason: "stale-term" });
    expect(manifest.apply({ type: "advanceLogStart", term: term(2), logStartOffset: offset(5) })).toEqual({
      accepted: false,
      reason: "stale-term",
    });
    expect(manifest.apply({ type: "fence", term: term(2) })).toEqual({
      accepted: false,
      reason: "stale-term",
    });
    expect(manifest.apply(add(0, 10, 3))).toMatchObject({ accepted: true });
  });

  it("treats an add from a newer term as that leader's fence", () => {
    const manifest = new TierManifest();
    manifest.apply(add(0, 10, 5));
    expect(manifest.fenceTerm).toBe(5);
    expect(manifest.apply(add(10, 20, 4))).toEqual({ accepted: false, reason: "stale-term" });
  });

  it("removes entries wholly below a new log start and returns them", () => {
    const manifest = new TierManifest();
    manifest.apply(add(0, 10));
    manifest.apply(add(10, 20));
    manifest.apply(add(20, 30));
    const result = manifest.apply({ type: "advanceLogStart", term: term(1), logStartOffset: offset(15) });
    expect(result).toEqual({ accepted: true, removed: [entry(0, 10)] });
    expect(manifest.entries.map((kept) => kept.baseOffset)).toEqual([10, 20]);
    expect(manifest.hasObject(entry(0, 10).objectKey)).toBe(false);
    expect(manifest.find(offset(14))).toBeUndefined();
    expect(manifest.find(offset(15))?.baseOffset).toBe(10);
  });

  it("lets the next entry start anywhere up to the log start once retention passed the tiered end", () => {
    const manifest = new TierManifest();
    manifest.apply({ type: "advanceLogStart", term: term(1), logStartOffset: offset(50) });
    expect(manifest.apply(add(40, 45))).toEqual({ accepted: false, reason: "already-covered" });
    expect(manifest.apply(add(40, 60))).toMatchObject({ accepted: true });
  });

  it("finds the entry holding an offset, across overlaps, and nothing past the end", () => {
    const manifest = new TierManifest();
    manifest.apply(add(0, 10));
    manifest.apply(add(4, 25));
    manifest.apply(add(25, 26));
    const found = (target: number) => manifest.find(target as Offset)?.baseOffset;
    expect([0, 9, 10, 24, 25].map(found)).toEqual([0, 0, 4, 4, 25]);
    expect(found(26)).toBeUndefined();
  });
});

describe("TierManifest snapshots and command encoding", () => {
  function sample(): TierManifest {
    const manifest = new TierManifest();
    manifest.apply({ type: "fence", term: term(2) });
    manifest.apply(add(0, 10, 2));
    manifest.apply(add(10, 30, 2));
    manifest.apply({ type: "fence", term: term(7) });
    manifest.apply({ type: "advanceLogStart", term: term(7), logStartOffset: offset(3) });
    return manifest;
  }

  it("restores exactly what it snapshotted", () => {
    const manifest = sample();
    const restored = TierManifest.restore(manifest.snapshot());
    expect(restored.entries).toEqual(manifest.entries);
    expect([restored.fenceTerm, restored.logStartOffset, restored.tieredEndOffset]).toEqual([7, 3, 30]);
    expect(restored.snapshot()).toEqual(manifest.snapshot());
    expect(restored.apply(add(30, 40, 6))).toEqual({ accepted: false, reason: "stale-term" });
  });

  it("refuses a snapshot with any flipped bit or a missing byte as CORRUPT_DATA", () => {
    const image = sample().snapshot();
    for (let position = 0; position < image.length; position += 7) {
      const damaged = image.slice();
      damaged[position] = (damaged[position] as number) ^ 0x10;
      expect(() => TierManifest.restore(damaged)).toThrow(expect.objectContaining({ code: "CORRUPT_DATA" }));
    }
    expect(() => TierManifest.restore(image.subarray(0, image.length - 1))).toThrow(HelixError);
  });

  it("round-trips every command through its log encoding and rejects unknown versions", () => {
    const commands: ManifestCommand[] = [
      { type: "fence", term: term(9) as Term },
      add(100, 200, 9),
      { type: "advanceLogStart", term: term(9), logStartOffset: offset(150) },
    ];
    for (const command of commands)
      expect(decodeManifestCommand(encodeManifestCommand(command))).toEqual(command);
    const encoded = encodeManifestCommand(commands[0] as ManifestCommand);
    encoded[0] = 99;
    expect(() => decodeManifestCommand(encoded)).toThrow(expect.objectContaining({ code: "CORRUPT_DATA" }));
  });
});
