/**
 * The replicated KV store: revisions increase by one per effective write; compare-and-set writes only
 * at the expected revision (0 = absent) and reports the current revision otherwise; deletes of absent
 * keys change nothing; bounds are answered, not asserted; a snapshot restores the same store. A random
 * sequence is checked against a naive model.
 */
import { SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { type KvCommand, KvState } from "./kv-state.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("KvState", () => {
  it("versions every write and compares on revisions", () => {
    const kv = new KvState();
    expect(kv.apply({ type: "compareAndSet", key: "a", expectedRevision: 0, value: bytes("1") })).toEqual({
      ok: true,
      revision: 1,
      applied: true,
    });
    expect(kv.apply({ type: "compareAndSet", key: "a", expectedRevision: 0, value: bytes("2") })).toEqual({
      ok: true,
      revision: 1,
      applied: false,
    });
    expect(kv.apply({ type: "put", key: "b", value: bytes("x") })).toMatchObject({ revision: 2 });
    expect(
      kv.apply({ type: "compareAndSet", key: "a", expectedRevision: 1, value: bytes("3") }),
    ).toMatchObject({
      revision: 3,
      applied: true,
    });
    expect(new TextDecoder().decode(kv.get("a")?.value)).toBe("3");
    expect(kv.apply({ type: "delete", key: "missing" })).toEqual({ ok: true, revision: 3, applied: false });
    expect(kv.apply({ type: "delete", key: "a" })).toMatchObject({ revision: 4, applied: true });
    expect(kv.get("a")).toBeUndefined();
  });

  it("answers bad input with typed errors", () => {
    const kv = new KvState();
    const empty = kv.apply({ type: "put", key: "", value: bytes("") });
    expect(!empty.ok && empty.error.code).toBe("INVALID_ARGUMENT");
    const huge = kv.apply({ type: "put", key: "k", value: new Uint8Array(1024 * 1024 + 1) });
    expect(!huge.ok && huge.error.code).toBe("INVALID_ARGUMENT");
    const negative = kv.apply({ type: "compareAndSet", key: "k", expectedRevision: -1, value: bytes("") });
    expect(!negative.ok && negative.error.code).toBe("INVALID_ARGUMENT");
    expect(kv.currentRevision()).toBe(0);
  });

  it("matches a naive model on random commands and survives a snapshot", () => {
    const rng = new SeededRng(11);
    const kv = new KvState();
    const model = new Map<string, { value: string; revision: number }>();
    let revision = 0;
    for (let step = 0; step < 2_000; step++) {
      const key = `k${rng.integer(0, 8)}`;
      const value = `v${step}`;
      const choice = rng.integer(0, 3);
      const command: KvCommand =
        choice === 0
          ? { type: "put", key, value: bytes(value) }
          : choice === 1
            ? { type: "delete", key }
            : {
                type: "compareAndSet",
                key,
                expectedRevision: rng.chance(0.5) ? (model.get(key)?.revision ?? 0) : rng.integer(0, 50),
                value: bytes(value),
              };
      const result = kv.apply(command);
      const current = model.get(key)?.revision ?? 0;
      const effective =
        choice === 0 ||
        (choice === 1 && model.has(key)) ||
        (choice === 2 && command.type === "compareAndSet" && command.expectedRevision === current);
      if (effective) {
        revision++;
        if (choice === 1) model.delete(key);
        else model.set(key, { value, revision });
      }
      expect(result).toMatchObject({ ok: true, applied: effective });
      if (step % 500 === 499) {
        const restored = KvState.restore(kv.snapshot());
        expect(restored.snapshot()).toEqual(kv.snapshot());
      }
    }
    for (const [key, entry] of model) {
      expect(kv.get(key)?.revision).toBe(entry.revision);
      expect(new TextDecoder().decode(kv.get(key)?.value)).toBe(entry.value);
    }
    expect(kv.currentRevision()).toBe(revision);
    const corrupted = kv.snapshot();
    corrupted[corrupted.length - 1] = (corrupted[corrupted.length - 1] as number) ^ 1;
    expect(() => KvState.restore(corrupted)).toThrowError(/CRC32C/);
  });
});
