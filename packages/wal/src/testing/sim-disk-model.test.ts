/**
 * Checks SimDisk's file contents against a naive model of its promises, over random histories: every
 * file is its durable bytes plus a list of unsynced operations with their data (what SimDisk did before
 * it kept an undo log). Writes, truncates, fdatasyncs (delayed or not, covering only what completed
 * before they were called), crashes with and without torn unsynced writes, failed writes that leave a
 * prefix behind, bit flips and overwrites (also under unsynced operations), and callers reusing their
 * buffers. The model draws from its own copy of the disk's Rng the same numbers at the same moments, so
 * any difference in what a crash keeps shows as different bytes.
 */
import { Buffer } from "node:buffer";
import type { DiskFile } from "@helixlog/core";
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { SimDisk } from "./sim-disk.js";

type ModelOperation =
  | { readonly kind: "write"; readonly position: number; readonly data: number[] }
  | { readonly kind: "truncate"; readonly size: number };

class ModelFile {
  durable: number[] = [];
  current: number[] = [];
  unsynced: ModelOperation[] = [];
  settled = 0;
}

function writeInto(target: number[], position: number, data: readonly number[]): void {
  while (target.length < position) target.push(0);
  for (let i = 0; i < data.length; i++) target[position + i] = data[i] as number;
}

function truncateTo(target: number[], size: number): void {
  while (target.length < size) target.push(0);
  target.length = size;
}

function applyTo(target: number[], operation: ModelOperation): void {
  if (operation.kind === "write") writeInto(target, operation.position, operation.data);
  else truncateTo(target, operation.size);
}

const names = ["a", "b"] as const;

/** One random history of `steps` steps on two files; fails on the first difference from the model. */
async function runAgainstModel(seed: number, steps: number): Promise<void> {
  const choices = new SeededRng(seed + 1_000_000);
  const modelRng = new SeededRng(seed);
  const held: Array<() => void> = [];
  let deferNext = false;
  /** The model's side of the operation being called, run when SimDisk completes it. */
  let modelAction: (() => void) | undefined;
  let disk = new SimDisk({
    rng: new SeededRng(seed),
    scheduler: (_operation, _path, complete) => {
      const action = modelAction;
      modelAction = undefined;
      const both = () => {
        complete();
        action?.();
      };
      if (deferNext) held.push(both);
      else both();
    },
  });
  let generation = 0;
  const model = new Map<string, ModelFile>(names.map((name) => [name, new ModelFile()]));
  const files = new Map<string, DiskFile>();
  for (const name of names) files.set(name, await disk.open(name, { create: true }));
  await disk.syncDirectory("");
  const completeHeld = async () => {
    for (const complete of held.splice(0)) complete();
    await Promise.resolve();
  };
  const check = (step: string) => {
    for (const name of names) {
      const expected = Uint8Array.from((model.get(name) as ModelFile).current);
      const actual = disk.contents(name);
      // Compared whole first: printing a difference of thousands of bytes is only for a failure.
      if (!Buffer.from(actual).equals(expected)) {
        expect([...actual], `seed ${seed}, ${step}, file ${name}`).toEqual([...expected]);
      }
    }
  };
  // Zeros as often as not, as in a zero-filled segment (the disk copies no zeros it overwrites).
  const randomData = (length: number) =>
    Array.from({ length }, () => (choices.chance(0.5) ? 0 : choices.integer(1, 256)));

  for (let step = 0; step < steps; step++) {
    const name = names[choices.integer(0, names.length)] as string;
    const file = files.get(name) as DiskFile;
    const state = model.get(name) as ModelFile;
    const called = generation;
    const alive = () => generation === called;
    deferNext = choices.chance(0.3);
    const roll = choices.nextFloat();
    let description: string;
    if (roll < 0.4) {
      const position = choices.integer(0, state.current.length + 20);
      const length = choices.chance(0.05) ? choices.integer(4000, 6000) : choices.integer(0, 40);
      const data = randomData(length);
      const buffer = Uint8Array.from(data);
      description = `write ${length} at ${position}`;
      modelAction = () => {
        if (!alive()) return;
        const operation = { kind: "write", position, data } as const;
        applyTo(state.current, operation);
        state.unsynced.push(operation);
      };
      const writing = file.write(position, buffer);
      buffer.fill(7); // The caller reuses its buffer: the disk must have what it held at the call.
      writing.catch(() => undefined);
    } else if (roll < 0.5) {
      // Sometimes a long run of zeros, as when a segment is sized up front.
      const size = choices.integer(0, state.current.length + (choices.chance(0.2) ? 400 : 30));
      description = `truncate to ${size}`;
      modelAction = () => {
        if (!alive()) return;
        const operation = { kind: "truncate", size } as const;
        applyTo(state.current, operation);
        state.unsynced.push(operation);
      };
      file.truncate(size).catch(() => undefined);
    } else if (roll < 0.7) {
      const coveredThrough = state.settled + state.unsynced.length;
      description = "sync";
      modelAction = () => {
        if (!alive()) return;
        const count = Math.min(state.unsynced.length, Math.max(0, coveredThrough - state.settled));
        for (const operation of state.unsynced.splice(0, count)) applyTo(state.durable, operation);
        state.settled += count;
      };
      file.sync().catch(() => undefined);
    } else if (roll < 0.75) {
      // A failed write: a prefix of its data may reach the page cache.
      await completeHeld();
      deferNext = false;
      const position = choices.integer(0, state.current.length + 5);
      const data = randomData(choices.integer(1, 30));
      description = `failed write ${data.length} at ${position}`;
      disk.failNext({ operation: "write", fault: "EIO" });
      modelAction = () => {
        const prefix = modelRng.integer(0, data.length + 1);
        if (prefix === 0) return;
        const operation = { kind: "write", position, data: data.slice(0, prefix) } as const;
        applyTo(state.current, operation);
        state.unsynced.push(operation);
      };
      await expect(file.write(position, Uint8Array.from(data))).rejects.toSatisfy((error) =>
        HelixError.is(error, "IO_ERROR"),
      );
    } else if (roll < 0.82) {
      if (state.current.length === 0) continue;
      const position = choices.integer(0, state.current.length);
      const bit = choices.integer(0, 8);
      description = `flip bit ${bit} at ${position}`;
      disk.flipBit(name, position, bit);
      state.current[position] = (state.current[position] as number) ^ (1 << bit);
      if (position < state.durable.length) {
        state.durable[position] = (state.durable[position] as number) ^ (1 << bit);
      }
    } else if (roll < 0.87) {
      const position = choices.integer(0, state.current.length + 10);
      const data = randomData(choices.integer(1, 10));
      description = `overwrite ${data.length} at ${position}`;
      disk.overwrite(name, position, Uint8Array.from(data));
      writeInto(state.current, position, data);
      writeInto(state.durable, position, data);
    } else if (roll < 0.92) {
      await completeHeld();
      deferNext = false;
      const position = choices.integer(0, state.current.length + 5);
      const length = choices.integer(0, 50);
      description = `read ${length} at ${position}`;
      const read = await file.read(position, length);
      expect([...read], `seed ${seed}, step ${step}: ${description}`).toEqual(
        state.current.slice(position, position + length),
      );
    } else {
      const keepSomeUnsynced = choices.chance(0.7);
      description = `crash (keep some unsynced: ${keepSomeUnsynced})`;
      disk = disk.crash({ keepSomeUnsynced });
      generation++;
      for (const each of names) {
        const crashed = model.get(each) as ModelFile;
        const survivor = crashed.durable;
        const unsynced = crashed.unsynced;
        if (keepSomeUnsynced && unsynced.length > 0) {
          const kept = modelRng.integer(0, unsynced.length + 1);
          for (let i = 0; i < kept; i++) applyTo(survivor, unsynced[i] as ModelOperation);
          const torn = unsynced[kept];
          if (torn?.kind === "write" && modelRng.chance(0.5)) {
            const prefix = modelRng.integer(0, torn.data.length + 1);
            writeInto(survivor, torn.position, torn.data.slice(0, prefix));
          }
        }
        crashed.settled += unsynced.length;
        crashed.unsynced = [];
        crashed.current = [...survivor];
      }
      // Operations of the crashed process still in flight fail when they complete.
      await completeHeld();
      deferNext = false;
      for (const each of names) files.set(each, await disk.open(each, { create: false }));
    }
    modelAction = undefined;
    if (choices.chance(0.3)) await completeHeld();
    check(`step ${step}: ${description}`);
  }
}

describe("SimDisk against a naive model", () => {
  it("keeps a bit flipped among zeros when an unsynced write over it is lost", async () => {
    let disk = new SimDisk({ rng: new SeededRng(1) });
    const file = await disk.open("a", { create: true });
    await file.truncate(100);
    await file.sync();
    await disk.syncDirectory("");
    disk.flipBit("a", 50, 0);
    await file.write(40, new Uint8Array(20).fill(9));
    disk = disk.crash({ keepSomeUnsynced: false });
    const expected = new Uint8Array(100);
    expected[50] = 1;
    expect([...disk.contents("a")]).toEqual([...expected]);
  });

  it("keeps and shows exactly the model's bytes through random histories", async () => {
    for (let seed = 1; seed <= 100; seed++) await runAgainstModel(seed, 120);
  });
});
