import { crc32c, HelixError, limits } from "@helixlog/core";

/**
 * The replicated key-value store of the gRPC `Kv` service (issue 7), applied from the controller group's
 * log. Like etcd, the store has one revision counter that every successful write increments; each key
 * remembers the revision that last wrote it, which compare-and-set compares against (0: key absent).
 * Reads are served by the node after a ReadIndex round (linearizable) or from local state (serializable).
 *
 * Pure and deterministic: apply(command) in log order; bad input is answered with a typed result.
 */

export type KvCommand =
  | { readonly type: "put"; readonly key: string; readonly value: Uint8Array }
  | { readonly type: "delete"; readonly key: string }
  | {
      readonly type: "compareAndSet";
      readonly key: string;
      readonly expectedRevision: number;
      readonly value: Uint8Array;
    };

export type KvResult =
  | { readonly ok: true; readonly revision: number; readonly applied: boolean }
  | { readonly ok: false; readonly error: HelixError };

interface KvEntry {
  readonly value: Uint8Array;
  /** The store revision of the write that set this value. */
  readonly revision: number;
}

export class KvState {
  private readonly entries = new Map<string, KvEntry>();
  private bytes = 0;
  /** Incremented by every write that changes the store; 0 for an empty, never-written store. */
  private revision = 0;

  apply(command: KvCommand): KvResult {
    const problem = validate(command);
    if (problem !== undefined) return { ok: false, error: problem };
    switch (command.type) {
      case "put":
        return this.write(command.key, command.value);
      case "delete": {
        const existing = this.entries.get(command.key);
        if (existing === undefined) return { ok: true, revision: this.revision, applied: false };
        this.entries.delete(command.key);
        this.bytes -= command.key.length + existing.value.length;
        this.revision++;
        return { ok: true, revision: this.revision, applied: true };
      }
      case "compareAndSet": {
        const current = this.entries.get(command.key)?.revision ?? 0;
        if (current !== command.expectedRevision) return { ok: true, revision: current, applied: false };
        return this.write(command.key, command.value);
      }
    }
  }

  private write(key: string, value: Uint8Array): KvResult {
    const previous = this.entries.get(key);
    const growth =
      key.length + value.length - (previous === undefined ? 0 : key.length + previous.value.length);
    if (previous === undefined && this.entries.size >= limits.kvKeysMax) {
      return {
        ok: false,
        error: new HelixError(
          "RESOURCE_EXHAUSTED",
          `the store holds the maximum of ${limits.kvKeysMax} keys`,
        ),
      };
    }
    if (this.bytes + growth > limits.kvBytesMax) {
      return {
        ok: false,
        error: new HelixError("RESOURCE_EXHAUSTED", `the store is full (${limits.kvBytesMax} bytes)`),
      };
    }
    this.revision++;
    this.bytes += growth;
    this.entries.set(key, { value: value.slice(), revision: this.revision });
    return { ok: true, revision: this.revision, applied: true };
  }

  get(key: string): { value: Uint8Array; revision: number } | undefined {
    const entry = this.entries.get(key);
    return entry === undefined ? undefined : { value: entry.value.slice(), revision: entry.revision };
  }

  /** Every key starting with `prefix`, in key order, with copies of their values (a scan of the store). */
  list(prefix: string): { key: string; value: Uint8Array; revision: number }[] {
    const found: { key: string; value: Uint8Array; revision: number }[] = [];
    for (const [key, entry] of this.entries) {
      if (key.startsWith(prefix)) found.push({ key, value: entry.value.slice(), revision: entry.revision });
    }
    return found.sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
  }

  currentRevision(): number {
    return this.revision;
  }

  /* Snapshot: "HXKV", u16 version, u32 CRC32C of the body; body = JSON header line + raw values. */

  snapshot(): Uint8Array {
    const keys = [...this.entries.keys()].sort();
    const index = keys.map((key) => {
      const entry = this.entries.get(key) as KvEntry;
      return [key, entry.revision, entry.value.length] as const;
    });
    const header = new TextEncoder().encode(`${JSON.stringify({ revision: this.revision, index })}\n`);
    const body = new Uint8Array(header.length + this.bytes);
    body.set(header, 0);
    let position = header.length;
    for (const key of keys) {
      const value = (this.entries.get(key) as KvEntry).value;
      body.set(value, position);
      position += value.length;
    }
    const bytes = new Uint8Array(10 + position);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, snapshotMagic);
    view.setUint16(4, snapshotVersion);
    view.setUint32(6, crc32c(body.subarray(0, position)));
    bytes.set(body.subarray(0, position), 10);
    return bytes;
  }

  static restore(bytes: Uint8Array): KvState {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 10 || view.getUint32(0) !== snapshotMagic)
      throw new HelixError("CORRUPT_DATA", "kv snapshot has a bad header");
    if (view.getUint16(4) !== snapshotVersion) {
      throw new HelixError("UNSUPPORTED_VERSION", `kv snapshot version ${view.getUint16(4)} is unknown`);
    }
    const body = bytes.subarray(10);
    if (crc32c(body) !== view.getUint32(6))
      throw new HelixError("CORRUPT_DATA", "kv snapshot failed its CRC32C");
    const newline = body.indexOf(0x0a);
    const header = JSON.parse(new TextDecoder().decode(body.subarray(0, newline))) as {
      revision: number;
      index: [string, number, number][];
    };
    const state = new KvState();
    state.revision = header.revision;
    let position = newline + 1;
    for (const [key, revision, length] of header.index) {
      state.entries.set(key, { value: body.slice(position, position + length), revision });
      state.bytes += key.length + length;
      position += length;
    }
    return state;
  }
}

const snapshotMagic = 0x4858_4b56; // "HXKV"
const snapshotVersion = 1;

function validate(command: KvCommand): HelixError | undefined {
  if (command.key.length === 0 || command.key.length > limits.kvKeyLengthMax) {
    return new HelixError("INVALID_ARGUMENT", `a key must be 1 to ${limits.kvKeyLengthMax} characters`);
  }
  if (command.type !== "delete" && command.value.length > limits.kvValueSizeBytesMax) {
    return new HelixError("INVALID_ARGUMENT", `a value may hold at most ${limits.kvValueSizeBytesMax} bytes`);
  }
  if (
    command.type === "compareAndSet" &&
    (!Number.isSafeInteger(command.expectedRevision) || command.expectedRevision < 0)
  ) {
    return new HelixError("INVALID_ARGUMENT", "the expected revision must be a non-negative integer");
  }
  return undefined;
}
