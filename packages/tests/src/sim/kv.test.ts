/**
 * The simulator's KV service: a snapshot's end offset is read without parsing the whole snapshot and
 * agrees with the full parse for every snapshot the state machine writes, and falls back to the full
 * parse for any other spelling of the same JSON.
 */
import { type GroupId, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import {
  type Command,
  digestOf,
  encodeCommand,
  KvStateMachine,
  readFloat64,
  snapshotEndOffset,
} from "./kv.js";

const group = 1 as GroupId;
const parsed = (data: Uint8Array) =>
  (JSON.parse(new TextDecoder().decode(data)) as { nextOffset: number }).nextOffset;

describe("KvStateMachine snapshots", () => {
  it("give the offset they end at, as a full parse does", () => {
    const kv = new KvStateMachine();
    expect(snapshotEndOffset(kv.snapshot(group))).toBe(0);
    for (const offset of [0, 1, 9, 10, 12_345, 987_654_321, Number.MAX_SAFE_INTEGER - 1]) {
      kv.apply(
        group,
        encodeCommand({
          client: 1,
          operation: offset,
          offset,
          command: { kind: "write", key: "k", value: "v" },
        }),
      );
      const snapshot = kv.snapshot(group);
      expect(snapshotEndOffset(snapshot)).toBe(offset + 1);
      expect(snapshotEndOffset(snapshot)).toBe(parsed(snapshot));
      const restored = new KvStateMachine();
      restored.restore(group, snapshot);
      expect(restored.nextOffset(group)).toBe(offset + 1);
    }
  });

  it("parse any other spelling in full", () => {
    for (const text of [
      '{"nextOffset":42,"version":1,"registers":[],"logs":[]}',
      '{"version":1, "nextOffset":42,"registers":[],"logs":[]}',
      '{"version":1,"nextOffset":4.2e1,"registers":[],"logs":[]}',
      '{"version":1,"nextOffset":42 ,"registers":[],"logs":[]}',
    ]) {
      expect(snapshotEndOffset(new TextEncoder().encode(text))).toBe(42);
    }
  });
});

describe("KvStateMachine.apply", () => {
  it("applies each command kind from its encoded bytes and answers as the models expect", () => {
    const kv = new KvStateMachine();
    let offset = 0;
    const apply = (command: Command) =>
      kv.apply(group, encodeCommand({ client: 7, operation: offset, offset: offset++, command }));
    expect(apply({ kind: "read", key: "r" })).toBe("");
    expect(apply({ kind: "write", key: "r", value: "x1" })).toBe("ok");
    expect(apply({ kind: "read", key: "r" })).toBe("x1");
    expect(apply({ kind: "length", key: "l" })).toBe(0);
    expect(apply({ kind: "append", key: "l", value: "a" })).toBe(0);
    expect(apply({ kind: "append", key: "l", value: "b" })).toBe(1);
    expect(apply({ kind: "length", key: "l" })).toBe(2);
    expect(kv.nextOffset(group)).toBe(offset);
    const unknownKind = encodeCommand({
      client: 7,
      operation: 0,
      offset,
      command: { kind: "read", key: "r" },
    });
    unknownKind[17] = 9;
    expect(() => kv.apply(group, unknownKind)).toThrow("unknown command kind 9");
  });
});

describe("readFloat64", () => {
  it("reads back exactly what a DataView wrote, integers, fractions and the rest alike", () => {
    const rng = new SeededRng(6);
    const bytes = new Uint8Array(11);
    const view = new DataView(bytes.buffer);
    const values = [
      0,
      -0,
      1,
      2,
      0.5,
      1.5,
      2 ** 52,
      2 ** 53 - 1,
      2 ** 53,
      2 ** 60,
      Number.MAX_SAFE_INTEGER,
      -1,
    ];
    values.push(Number.MIN_VALUE, Number.MAX_VALUE, Number.POSITIVE_INFINITY, Number.NaN, 1e-300);
    for (let i = 0; i < 20_000; i++) {
      values.push(rng.integer(0, 2 ** 31) * 2 ** rng.integer(0, 23) + rng.integer(0, 2 ** 20));
      view.setUint32(3, rng.nextUint32());
      view.setUint32(7, rng.nextUint32());
      values.push(view.getFloat64(3));
    }
    for (const value of values) {
      view.setFloat64(3, value);
      expect(Object.is(readFloat64(bytes, 3), view.getFloat64(3))).toBe(true);
    }
  });
});

describe("digestOf", () => {
  it("is MurmurHash3 (x86, 32-bit, seed 0): the published values", () => {
    const digest = (text: string) => digestOf(new TextEncoder().encode(text));
    expect(digest("")).toBe(0);
    expect(digest("a")).toBe(0x3c2569b2);
    expect(digest("abc")).toBe(0xb3dd93fa);
    expect(digest("Hello, world!")).toBe(0xc0363e43);
    expect(digest("The quick brown fox jumps over the lazy dog")).toBe(0x2e4ff723);
  });
});
