import { constants } from "node:fs";
import { type FileHandle, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Disk, DiskFile } from "@helixlog/core";
import { HelixError } from "@helixlog/core";

/**
 * The real disk: `node:fs` under a root directory. This is the only file of the package that performs
 * I/O. Errors become HelixError: ENOSPC → DISK_FULL, ENOENT → NOT_FOUND, anything else → IO_ERROR, each
 * with the path and the system error as cause.
 */
export class NodeDisk implements Disk {
  constructor(private readonly root: string) {}

  async open(path: string, options: { readonly create: boolean }): Promise<DiskFile> {
    const fullPath = this.resolve(path);
    try {
      // O_RDWR without O_APPEND: the WAL writes at explicit positions inside preallocated files.
      const flags = constants.O_RDWR | (options.create ? constants.O_CREAT : 0);
      const handle = await open(fullPath, flags, 0o644);
      const { size } = await handle.stat();
      return new NodeDiskFile(handle, path, size);
    } catch (error) {
      throw translate(error, "open", path);
    }
  }

  async list(directory: string): Promise<string[]> {
    try {
      return (await readdir(this.resolve(directory))).sort();
    } catch (error) {
      if (errnoOf(error) === "ENOENT") return [];
      throw translate(error, "list", directory);
    }
  }

  async exists(path: string): Promise<boolean> {
    try {
      await stat(this.resolve(path));
      return true;
    } catch (error) {
      if (errnoOf(error) === "ENOENT") return false;
      throw translate(error, "stat", path);
    }
  }

  async mkdir(directory: string): Promise<void> {
    try {
      await mkdir(this.resolve(directory), { recursive: true });
    } catch (error) {
      throw translate(error, "mkdir", directory);
    }
  }

  async remove(path: string): Promise<void> {
    try {
      await rm(this.resolve(path), { force: true });
    } catch (error) {
      throw translate(error, "remove", path);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    try {
      await rename(this.resolve(from), this.resolve(to));
    } catch (error) {
      throw translate(error, "rename", from);
    }
  }

  async syncDirectory(directory: string): Promise<void> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(this.resolve(directory), constants.O_RDONLY);
      await handle.sync();
    } catch (error) {
      throw translate(error, "fsync directory", directory);
    } finally {
      await handle?.close();
    }
  }

  private resolve(path: string): string {
    return join(this.root, path);
  }
}

class NodeDiskFile implements DiskFile {
  constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    /** Tracked here so size() needs no system call; this process is the file's only writer. */
    private currentSize: number,
  ) {}

  size(): number {
    return this.currentSize;
  }

  async read(position: number, length: number): Promise<Uint8Array> {
    const buffer = new Uint8Array(Math.max(0, Math.min(length, this.currentSize - position)));
    let filled = 0;
    try {
      while (filled < buffer.length) {
        const { bytesRead } = await this.handle.read(
          buffer,
          filled,
          buffer.length - filled,
          position + filled,
        );
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
    } catch (error) {
      throw translate(error, "read", this.path);
    }
    return filled === buffer.length ? buffer : buffer.subarray(0, filled);
  }

  async write(position: number, data: Uint8Array): Promise<void> {
    let written = 0;
    try {
      while (written < data.length) {
        const { bytesWritten } = await this.handle.write(
          data,
          written,
          data.length - written,
          position + written,
        );
        written += bytesWritten;
      }
    } catch (error) {
      throw translate(error, "write", this.path);
    } finally {
      this.currentSize = Math.max(this.currentSize, position + written);
    }
  }

  async sync(): Promise<void> {
    try {
      await this.handle.datasync();
    } catch (error) {
      throw translate(error, "fdatasync", this.path);
    }
  }

  async truncate(size: number): Promise<void> {
    try {
      await this.handle.truncate(size);
      this.currentSize = size;
    } catch (error) {
      throw translate(error, "truncate", this.path);
    }
  }

  async close(): Promise<void> {
    try {
      await this.handle.close();
    } catch (error) {
      throw translate(error, "close", this.path);
    }
  }
}

function errnoOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

function translate(error: unknown, operation: string, path: string): HelixError {
  const errno = errnoOf(error);
  const details = { path, operation, errno };
  const text = `${operation} ${path}: ${error instanceof Error ? error.message : String(error)}`;
  if (errno === "ENOSPC" || errno === "EDQUOT")
    return new HelixError("DISK_FULL", text, { cause: error, details });
  if (errno === "ENOENT") return new HelixError("NOT_FOUND", text, { cause: error, details });
  return new HelixError("IO_ERROR", text, { cause: error, details });
}
