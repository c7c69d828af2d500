import { randomBytes } from "node:crypto";
import type { Dirent } from "node:fs";
import { type FileHandle, mkdir, open, readdir, rename, rm, unlink } from "node:fs/promises";
import { dirname, isAbsolute, join, relative } from "node:path";
import { assert, crc32c, HelixError, limits, type ObjectInfo, type ObjectStore } from "@helixlog/core";
import { checkRange, hex } from "../internal/object-range.js";
import { validateObjectKey, validateObjectKeyPrefix } from "../object-key.js";

/**
 * The embedded default object store: one file per object under `<directory>/objects/<key>`.
 *
 * Each file is the object's bytes followed by a 24-byte trailer (magic, format version, size, CRC32C,
 * trailer CRC32C), so `head` is one small read and `get` verifies the whole object. A put writes a
 * temporary file beside the target, fsyncs it, renames it over the target and fsyncs the directory: a
 * crash leaves either the old object or the new one, never part of one. Temporary files start with
 * ".tmp-", a name no valid key segment can have; `list` and `get` never see them and `open` removes the
 * ones a crash left behind.
 */
export interface FileSystemObjectStoreConfig {
  /** Root directory; created when missing. */
  readonly directory: string;
}

/** Checks a filesystem store configuration that came from outside (flags, a config file). */
export function validateFileSystemObjectStoreConfig(config: FileSystemObjectStoreConfig): void {
  if (typeof config.directory !== "string" || config.directory.length === 0) {
    throw new HelixError("INVALID_CONFIG", "the object store directory must be a non-empty path");
  }
}

/** Test seams: where a crash or a fault can be injected between the steps of a put. */
export interface FileSystemObjectStoreHooks {
  /** Runs after the temporary file is written and fsynced, before it is renamed over the target. */
  readonly beforeRename?: (temporaryPath: string) => Promise<void>;
}

const trailerBytes = 24;
const trailerMagic = 0x48584f42; // "HXOB"
const trailerVersion = 1;
const temporaryPrefix = ".tmp-";

export class FileSystemObjectStore implements ObjectStore {
  private readonly objectsDirectory: string;
  private readonly hooks: FileSystemObjectStoreHooks;
  private temporaryCounter = 0;

  private constructor(objectsDirectory: string, hooks: FileSystemObjectStoreHooks) {
    this.objectsDirectory = objectsDirectory;
    this.hooks = hooks;
  }

  /** Opens (creating if needed) a store and removes temporary files an earlier crash left behind. */
  static async open(
    config: FileSystemObjectStoreConfig,
    hooks: FileSystemObjectStoreHooks = {},
  ): Promise<FileSystemObjectStore> {
    validateFileSystemObjectStoreConfig(config);
    const objectsDirectory = join(config.directory, "objects");
    try {
      await mkdir(objectsDirectory, { recursive: true });
      await removeTemporaryFiles(objectsDirectory);
      await syncDirectory(objectsDirectory);
    } catch (error) {
      throw mapFileError(error, `opening object store at ${objectsDirectory}`);
    }
    return new FileSystemObjectStore(objectsDirectory, hooks);
  }

  async put(key: string, body: Uint8Array, options: { readonly crc32c: number }): Promise<void> {
    validateObjectKey(key);
    checkBodySize(body.length);
    const computed = crc32c(body);
    if (computed !== options.crc32c >>> 0) {
      throw new HelixError(
        "CORRUPT_DATA",
        `object ${key}: CRC32C given to put is ${hex(options.crc32c)} but the body's is ${hex(computed)}`,
      );
    }
    const target = this.pathOf(key);
    const parent = dirname(target);
    const temporary = join(parent, `${temporaryPrefix}${this.temporaryName()}`);
    try {
      await this.makeParentDirectories(parent);
      await writeFileDurably(temporary, body, encodeTrailer(body.length, computed));
      await this.hooks.beforeRename?.(temporary);
      await rename(temporary, target);
      await syncDirectory(parent);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw mapFileError(error, `writing object ${key}`);
    }
  }

  async get(key: string): Promise<Uint8Array> {
    validateObjectKey(key);
    return this.withFile(key, async (file, size) => {
      const trailer = await readTrailer(file, size, key);
      const body = await readExactly(file, 0, trailer.sizeBytes);
      const computed = crc32c(body);
      if (computed !== trailer.crc32c) {
        throw new HelixError(
          "CORRUPT_DATA",
          `object ${key}: stored CRC32C ${hex(trailer.crc32c)}, computed ${hex(computed)}`,
        );
      }
      return body;
    });
  }

  async getRange(key: string, start: number, endExclusive: number): Promise<Uint8Array> {
    validateObjectKey(key);
    return this.withFile(key, async (file, size) => {
      const trailer = await readTrailer(file, size, key);
      checkRange(key, start, endExclusive, trailer.sizeBytes);
      return readExactly(file, start, endExclusive - start);
    });
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    validateObjectKey(key);
    try {
      return await this.withFile(key, async (file, size) => {
        const trailer = await readTrailer(file, size, key);
        return { key, sizeBytes: trailer.sizeBytes, crc32c: trailer.crc32c };
      });
    } catch (error) {
      if (HelixError.is(error, "NOT_FOUND")) return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    validateObjectKeyPrefix(prefix);
    // Walk only the directory the prefix names; a prefix ending mid-segment filters its last level.
    const directoryPart = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    const keys: string[] = [];
    try {
      await collectKeys(join(this.objectsDirectory, ...splitKey(directoryPart)), directoryPart, keys);
    } catch (error) {
      throw mapFileError(error, `listing objects under "${prefix}"`);
    }
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }

  async delete(key: string): Promise<void> {
    validateObjectKey(key);
    const target = this.pathOf(key);
    try {
      await unlink(target);
      await syncDirectory(dirname(target));
    } catch (error) {
      const code = errorCode(error);
      if (code === "ENOENT" || code === "ENOTDIR") return;
      throw mapFileError(error, `deleting object ${key}`);
    }
  }

  private pathOf(key: string): string {
    const path = join(this.objectsDirectory, ...splitKey(key));
    // validateObjectKey makes this impossible; checked again because a wrong path here writes anywhere.
    const inside = relative(this.objectsDirectory, path);
    assert(!inside.startsWith("..") && !isAbsolute(inside), `object key ${key} escaped the store root`);
    return path;
  }

  private temporaryName(): string {
    this.temporaryCounter++;
    return `${process.pid}-${this.temporaryCounter}-${randomBytes(6).toString("hex")}`;
  }

  /** Creates the key's parent directories and makes each new directory entry durable. */
  private async makeParentDirectories(parent: string): Promise<void> {
    const firstCreated = await mkdir(parent, { recursive: true });
    if (firstCreated === undefined) return;
    for (let directory = parent; ; directory = dirname(directory)) {
      await syncDirectory(dirname(directory));
      if (directory === firstCreated || dirname(directory) === this.objectsDirectory) break;
    }
  }

  private async withFile<T>(key: string, use: (file: FileHandle, size: number) => Promise<T>): Promise<T> {
    let file: FileHandle | undefined;
    try {
      file = await open(this.pathOf(key), "r");
      const stats = await file.stat();
      if (!stats.isFile()) throw new HelixError("NOT_FOUND", `object ${key} does not exist`);
      return await use(file, stats.size);
    } catch (error) {
      const code = errorCode(error);
      if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") {
        throw new HelixError("NOT_FOUND", `object ${key} does not exist`, { cause: error });
      }
      throw mapFileError(error, `reading object ${key}`);
    } finally {
      await file?.close();
    }
  }
}

function splitKey(key: string): string[] {
  return key === "" ? [] : key.split("/");
}

function checkBodySize(size: number): void {
  if (size > limits.objectSizeBytesMax) {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `an object is at most ${limits.objectSizeBytesMax} bytes, got ${size}`,
    );
  }
}

function encodeTrailer(sizeBytes: number, checksum: number): Uint8Array {
  const trailer = new Uint8Array(trailerBytes);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, trailerMagic);
  view.setUint16(4, trailerVersion);
  view.setUint16(6, 0);
  view.setUint32(8, Math.floor(sizeBytes / 2 ** 32));
  view.setUint32(12, sizeBytes >>> 0);
  view.setUint32(16, checksum);
  view.setUint32(20, crc32c(trailer, 0, 0, 20));
  return trailer;
}

interface Trailer {
  readonly sizeBytes: number;
  readonly crc32c: number;
}

async function readTrailer(file: FileHandle, fileSize: number, key: string): Promise<Trailer> {
  if (fileSize < trailerBytes) {
    throw new HelixError(
      "CORRUPT_DATA",
      `object ${key}: file of ${fileSize} bytes is shorter than its trailer`,
    );
  }
  const trailer = await readExactly(file, fileSize - trailerBytes, trailerBytes);
  const view = new DataView(trailer.buffer, trailer.byteOffset, trailer.byteLength);
  const problem =
    view.getUint32(0) !== trailerMagic
      ? "bad magic"
      : view.getUint16(4) !== trailerVersion
        ? `unsupported format version ${view.getUint16(4)}`
        : view.getUint32(20) !== crc32c(trailer, 0, 0, 20)
          ? "trailer CRC32C mismatch"
          : undefined;
  const sizeBytes = view.getUint32(8) * 2 ** 32 + view.getUint32(12);
  if (problem === undefined && sizeBytes !== fileSize - trailerBytes) {
    throw new HelixError(
      "CORRUPT_DATA",
      `object ${key}: trailer says ${sizeBytes} bytes, file holds more or less`,
    );
  }
  if (problem !== undefined) throw new HelixError("CORRUPT_DATA", `object ${key}: ${problem}`);
  return { sizeBytes, crc32c: view.getUint32(16) };
}

async function readExactly(file: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) {
      throw new HelixError("CORRUPT_DATA", `unexpected end of file at ${position + done} of ${file.fd}`);
    }
    done += bytesRead;
  }
  return buffer;
}

async function writeFileDurably(path: string, body: Uint8Array, trailer: Uint8Array): Promise<void> {
  const file = await open(path, "wx");
  try {
    await file.writev([body, trailer]);
    await file.datasync();
  } finally {
    await file.close();
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes every temporary file under `directory`: they are puts a crash interrupted before the rename. */
async function removeTemporaryFiles(directory: string): Promise<void> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.name.startsWith(temporaryPrefix)) await rm(path, { force: true });
    else if (entry.isDirectory()) await removeTemporaryFiles(path);
  }
}

async function collectKeys(directory: string, keyPrefix: string, keys: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const key = keyPrefix === "" ? entry.name : `${keyPrefix}/${entry.name}`;
    if (entry.isDirectory()) await collectKeys(join(directory, entry.name), key, keys);
    else if (entry.isFile()) keys.push(key);
    if (keys.length > limits.objectListKeysMax) {
      throw new HelixError(
        "RESOURCE_EXHAUSTED",
        `more than ${limits.objectListKeysMax} keys under one prefix`,
      );
    }
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function mapFileError(error: unknown, what: string): HelixError {
  if (HelixError.isInstance(error)) return error;
  const code = errorCode(error);
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new HelixError("DISK_FULL", `${what}: the disk is full`, { cause: error });
  }
  if (code === "ENOTDIR" || code === "EISDIR" || code === "EEXIST") {
    return new HelixError("INVALID_ARGUMENT", `${what}: the key collides with another key's directory`, {
      cause: error,
    });
  }
  return new HelixError("IO_ERROR", `${what}: ${String(error)}`, { cause: error, details: { errno: code } });
}
