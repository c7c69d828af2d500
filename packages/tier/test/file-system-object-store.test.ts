/**
 * The filesystem object store: the shared conformance suite, plus what only a store on a disk must do:
 *   - a crash between writing the temporary file and renaming it (a child process killed with SIGKILL
 *     at that point) leaves the old object intact, no partial object visible, and the temporary file
 *     is removed when the store is reopened;
 *   - a failure injected at the same point leaves the same state without a crash;
 *   - files damaged on disk are reported as CORRUPT_DATA, never returned.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32c, HelixError } from "@helixlog/core";
import { afterAll, describe, expect, it } from "vitest";
import { FileSystemObjectStore } from "../src/stores/file-system-object-store.js";
import { describeObjectStoreConformance } from "./object-store-conformance.js";

const temporaryDirectories: string[] = [];
async function freshDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "helix-fs-store-"));
  temporaryDirectories.push(directory);
  return directory;
}
afterAll(async () => {
  await Promise.all(temporaryDirectories.map((directory) => rm(directory, { recursive: true, force: true })));
});

describeObjectStoreConformance("FileSystemObjectStore", async () => {
  const store = await FileSystemObjectStore.open({ directory: await freshDirectory() });
  return { store, close: async () => undefined };
});

const encoder = new TextEncoder();
async function putText(store: FileSystemObjectStore, key: string, text: string): Promise<void> {
  const body = encoder.encode(text);
  await store.put(key, body, { crc32c: crc32c(body) });
}

/** Every file under `directory`, as paths relative to it. */
async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
    .sort();
}

const testDirectory = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(testDirectory, "../../..");

/** Runs the crash script until it reports it is about to rename, then kills it with SIGKILL. */
async function killPutBeforeRename(directory: string, key: string, value: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=source",
      "--import",
      "tsx",
      join(testDirectory, "crash-before-rename.script.ts"),
      directory,
      key,
      value,
    ],
    { cwd: repositoryRoot, stdio: ["pipe", "pipe", "pipe"] },
  );
  let output = "";
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const temporaryPath = await new Promise<string>((resolveReady, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^ready (.+)$/m.exec(output);
      if (match?.[1] !== undefined) resolveReady(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`child exited (${code}) before ready: ${output} ${errors}`)));
  });
  const exited = new Promise<NodeJS.Signals | null>((resolveExit) =>
    child.on("exit", (_code, signal) => resolveExit(signal)),
  );
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  return temporaryPath;
}

describe("FileSystemObjectStore crash safety", () => {
  it("keeps the old object when killed between the temporary write and the rename, and cleans up on open", async () => {
    const directory = await freshDirectory();
    const before = await FileSystemObjectStore.open({ directory });
    await putText(before, "topic/0/segment", "old value");

    const temporaryPath = await killPutBeforeRename(directory, "topic/0/segment", "new value, never renamed");

    // The crash left the fully written temporary file behind, next to the intact old object.
    expect(existsSync(temporaryPath)).toBe(true);
    const reopened = await FileSystemObjectStore.open({ directory });
    expect(existsSync(temporaryPath)).toBe(false);
    expect(new TextDecoder().decode(await reopened.get("topic/0/segment"))).toBe("old value");
    expect(await reopened.list("")).toEqual(["topic/0/segment"]);
    expect(await filesUnder(directory)).toEqual(["objects/topic/0/segment"]);
  });

  it("shows no object at all when the first put of a key is killed before the rename", async () => {
    const directory = await freshDirectory();
    await FileSystemObjectStore.open({ directory });
    await killPutBeforeRename(directory, "fresh/key", "never visible");
    const reopened = await FileSystemObjectStore.open({ directory });
    expect(await reopened.head("fresh/key")).toBeUndefined();
    expect(await reopened.list("")).toEqual([]);
    expect(await filesUnder(directory)).toEqual([]);
  });

  it("hides temporary files from list and get while the store is open", async () => {
    const directory = await freshDirectory();
    const store = await FileSystemObjectStore.open({ directory });
    await putText(store, "a/b", "value");
    await writeFile(join(directory, "objects/a/.tmp-leftover"), "partial");
    expect(await store.list("")).toEqual(["a/b"]);
    expect(await store.list("a/")).toEqual(["a/b"]);
  });

  it("removes the temporary file and keeps the old object when a put fails before the rename", async () => {
    const directory = await freshDirectory();
    let failNext = false;
    const store = await FileSystemObjectStore.open(
      { directory },
      {
        beforeRename: async () => {
          if (failNext) throw new Error("injected failure before rename");
        },
      },
    );
    await putText(store, "k", "old");
    failNext = true;
    await expect(putText(store, "k", "new")).rejects.toSatisfy((error) => HelixError.is(error, "IO_ERROR"));
    expect(new TextDecoder().decode(await store.get("k"))).toBe("old");
    expect(await filesUnder(directory)).toEqual(["objects/k"]);
  });
});

describe("FileSystemObjectStore damaged files", () => {
  it("reports a flipped byte as CORRUPT_DATA on get, never returning the bytes", async () => {
    const directory = await freshDirectory();
    const store = await FileSystemObjectStore.open({ directory });
    await putText(store, "damaged", "some bytes worth keeping");
    const path = join(directory, "objects/damaged");
    const raw = await readFile(path);
    raw[3] = (raw[3] as number) ^ 0xff;
    await writeFile(path, raw);
    await expect(store.get("damaged")).rejects.toSatisfy((error) => HelixError.is(error, "CORRUPT_DATA"));
  });

  it("reports a truncated file as CORRUPT_DATA on head, get and getRange", async () => {
    const directory = await freshDirectory();
    const store = await FileSystemObjectStore.open({ directory });
    await putText(store, "short", "twenty-four bytes at least, plus a trailer");
    await truncate(join(directory, "objects/short"), 30);
    const isCorrupt = (error: unknown) => HelixError.is(error, "CORRUPT_DATA");
    await expect(store.head("short")).rejects.toSatisfy(isCorrupt);
    await expect(store.get("short")).rejects.toSatisfy(isCorrupt);
    await expect(store.getRange("short", 0, 1)).rejects.toSatisfy(isCorrupt);
  });

  it("refuses a key that would need an existing object to be a directory", async () => {
    const store = await FileSystemObjectStore.open({ directory: await freshDirectory() });
    await putText(store, "file", "x");
    await expect(putText(store, "file/child", "y")).rejects.toSatisfy((error) =>
      HelixError.is(error, "INVALID_ARGUMENT"),
    );
    expect(await store.list("")).toEqual(["file"]);
  });
});
