/**
 * The replicated service the simulated clients use: per group, registers (write/read) and append-only
 * logs (append/length), every operation going through the Raft log (so reads are linearizable too).
 * Every client entry is one "record" of the group's partition: the leader stamps it with the offset
 * one past the last record in its log, which the offset-contiguity checker verifies on every replica.
 */
import { AssertionError, assert, type GroupId } from "@helixlog/core";
import type { Entry } from "@helixlog/raft";

export type Command =
  | { readonly kind: "write"; readonly key: string; readonly value: string }
  | { readonly kind: "read"; readonly key: string }
  | { readonly kind: "append"; readonly key: string; readonly value: string }
  | { readonly kind: "length"; readonly key: string };

/** A command as stored in an entry: who asked, which operation, and the leader-assigned offset. */
export interface StoredCommand {
  readonly client: number;
  readonly operation: number;
  readonly offset: number;
  readonly command: Command;
}

/**
 * Entry layout: a version byte, the offset (float64), client and operation (uint32), the command kind
 * (uint8), then the key and the value as length-prefixed Latin-1 text. Binary rather than JSON because
 * the checkers read every entry's offset on every node, and recovery re-reads whole logs: the offset
 * sits at a fixed place so reading it costs no parsing.
 */
const formatVersion = 1;
const headerBytes = 1 + 8 + 4 + 4 + 1;
const kinds = ["write", "read", "append", "length"] as const;
/**
 * Eight bytes to convert the offset through: the checkers read an entry's offset several times per
 * entry and node, and a DataView over each entry would be an allocation every time.
 */
const scratchBytes = new Uint8Array(8);
const scratch = new DataView(scratchBytes.buffer);

/** 2^k for k in [0, 52]: the scale of a float64 whose value has at most 52 bits after the point. */
const powersOfTwo = Array.from({ length: 53 }, (_, k) => 2 ** k);

/**
 * The big-endian float64 at `position`. Offsets (non-negative, at least 1 unless 0) are rebuilt from
 * their two words: the significand with its implicit bit is an exact integer below 2^53, and dividing
 * it by a power of two gives back exactly the stored value. Anything else goes through the scratch
 * bytes. The checkers read an offset from every entry a node makes durable or applies.
 */
export function readFloat64(data: Uint8Array, position: number): number {
  const high = readUint32(data, position);
  const low = readUint32(data, position + 4);
  const exponent = high >>> 20;
  if (exponent >= 1023 && exponent <= 1075) {
    const significand = (high & 0xfffff) * 2 ** 32 + low + 2 ** 52;
    return significand / (powersOfTwo[1075 - exponent] as number);
  }
  if (high === 0 && low === 0) return 0;
  for (let i = 0; i < 8; i++) scratchBytes[i] = data[position + i] as number;
  return scratch.getFloat64(0);
}

function readUint32(data: Uint8Array, position: number): number {
  return (
    (((data[position] as number) << 24) |
      ((data[position + 1] as number) << 16) |
      ((data[position + 2] as number) << 8) |
      (data[position + 3] as number)) >>>
    0
  );
}

function writeFloat64(data: Uint8Array, position: number, value: number): void {
  scratch.setFloat64(0, value);
  for (let i = 0; i < 8; i++) data[position + i] = scratchBytes[i] as number;
}

function writeUint32(data: Uint8Array, position: number, value: number): void {
  data[position] = value >>> 24;
  data[position + 1] = (value >>> 16) & 0xff;
  data[position + 2] = (value >>> 8) & 0xff;
  data[position + 3] = value & 0xff;
}

export function encodeCommand(stored: StoredCommand): Uint8Array {
  const { command } = stored;
  const key = command.key;
  const value = command.kind === "write" || command.kind === "append" ? command.value : "";
  assert(key.length < 256 && value.length < 256, () => `command text too long: ${key} ${value}`);
  // No DataView over `data`: reaching a small typed array's buffer moves it off the V8 heap.
  const data = new Uint8Array(headerBytes + 2 + key.length + value.length);
  data[0] = formatVersion;
  writeFloat64(data, 1, stored.offset);
  writeUint32(data, 9, stored.client);
  writeUint32(data, 13, stored.operation);
  data[17] = kinds.indexOf(command.kind);
  let position = writeText(data, headerBytes, key);
  position = writeText(data, position, value);
  assert(position === data.length, () => "command length mismatch");
  return data;
}

/** Whether the entry carries a command (a new leader's empty entry does not). */
export function carriesCommand(entry: Entry): boolean {
  return entry.type === "normal" && entry.data.byteLength > 0;
}

/** The partition offset a client entry starts at, without decoding the rest; undefined for others. */
export function offsetOf(entry: Entry): number | undefined {
  const data = entry.data;
  if (entry.type !== "normal" || data.byteLength === 0) return undefined;
  return readFloat64(data, 1);
}

function writeText(data: Uint8Array, position: number, text: string): number {
  data[position] = text.length;
  for (let i = 0; i < text.length; i++) data[position + 1 + i] = text.charCodeAt(i);
  return position + 1 + text.length;
}

function readText(data: Uint8Array, position: number): string {
  const length = data[position] as number;
  let text = "";
  for (let i = position + 1; i <= position + length; i++) text += String.fromCharCode(data[i] as number);
  return text;
}

/**
 * MurmurHash3 (x86, 32-bit, seed 0) of the bytes, for the checkers' digests: four bytes per step (the
 * checkers digest every entry a node makes durable and applies, replays included; FNV-1a's byte at a
 * time was a visible share of the heaviest runs).
 */
export function digestOf(data: Uint8Array): number {
  const length = data.length;
  const blocksEnd = length & ~3;
  let hash = 0;
  for (let i = 0; i < blocksEnd; i += 4) {
    let block =
      (data[i] as number) |
      ((data[i + 1] as number) << 8) |
      ((data[i + 2] as number) << 16) |
      ((data[i + 3] as number) << 24);
    block = Math.imul(block, 0xcc9e2d51);
    block = (block << 15) | (block >>> 17);
    hash ^= Math.imul(block, 0x1b873593);
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  const rest = length & 3;
  if (rest > 0) {
    let tail = data[blocksEnd] as number;
    if (rest > 1) tail |= (data[blocksEnd + 1] as number) << 8;
    if (rest > 2) tail |= (data[blocksEnd + 2] as number) << 16;
    tail = Math.imul(tail, 0xcc9e2d51);
    tail = (tail << 15) | (tail >>> 17);
    hash ^= Math.imul(tail, 0x1b873593);
  }
  hash ^= length;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * The partition offset a snapshot's state ends at (its `nextOffset`). The checkers ask for it at every
 * snapshot saved; `snapshot` writes it first, as plain digits, so it is read there without parsing the
 * whole state (anything else is parsed in full).
 */
export function snapshotEndOffset(data: Uint8Array): number {
  let position = snapshotPrefix.length;
  let isCanonical = data.length > position;
  for (let i = 0; isCanonical && i < snapshotPrefix.length; i++) {
    isCanonical = data[i] === snapshotPrefix.charCodeAt(i);
  }
  let offset = 0;
  for (; isCanonical && position < data.length; position++) {
    const digit = (data[position] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    offset = offset * 10 + digit;
  }
  if (
    isCanonical &&
    position > snapshotPrefix.length &&
    data[position] === 0x2c &&
    Number.isSafeInteger(offset)
  ) {
    return offset;
  }
  return (JSON.parse(textDecoder.decode(data)) as { nextOffset: number }).nextOffset;
}

/** One group's service state on one node: its registers, its logs' lengths, its partition's end. */
class GroupState {
  readonly registers = new Map<string, string>();
  readonly logs = new Map<string, number>();
  /** The partition offset one past the last record applied (0 before any). */
  nextOffset = 0;
}

const snapshotFormatVersion = 1;
/** How every snapshot's JSON starts: `nextOffset` follows (see `snapshotEndOffset`). */
const snapshotPrefix = `{"version":${snapshotFormatVersion},"nextOffset":`;
const textDecoder = new TextDecoder();

/**
 * One node's copy of the service state of every group: rebuilt from the log at each restart, or from a
 * group's snapshot (taken every `snapshotAfterEntries` applied entries, when the run's swarm turns
 * snapshots on) and the log after it.
 */
export class KvStateMachine {
  private readonly groups = new Map<GroupId, GroupState>();

  private state(group: GroupId): GroupState {
    let state = this.groups.get(group);
    if (state === undefined) {
      state = new GroupState();
      this.groups.set(group, state);
    }
    return state;
  }

  /**
   * Applies a group's command, as `encodeCommand` wrote it in an entry, and returns its output: "ok",
   * the value read, the position, or the length. Read straight from the bytes, with no command object:
   * every node applies every entry, and again at each restart (the state is rebuilt from the log).
   */
  apply(group: GroupId, data: Uint8Array): string | number {
    assert(data[0] === formatVersion, () => `unknown command format ${data[0]}`);
    const state = this.state(group);
    state.nextOffset = readFloat64(data, 1) + 1;
    const key = readText(data, headerBytes);
    const kind = kinds[data[17] as number];
    switch (kind) {
      case "write":
        state.registers.set(key, readText(data, headerBytes + 1 + key.length));
        return "ok";
      case "read":
        return state.registers.get(key) ?? "";
      case "append": {
        const length = state.logs.get(key) ?? 0;
        state.logs.set(key, length + 1);
        return length;
      }
      case "length":
        return state.logs.get(key) ?? 0;
      default:
        throw new AssertionError(`unknown command kind ${data[17]}`);
    }
  }

  /** The partition offset one past the group's last applied record. */
  nextOffset(group: GroupId): number {
    return this.groups.get(group)?.nextOffset ?? 0;
  }

  /**
   * The group's state as snapshot bytes: canonical (keys sorted), so two nodes that applied the same
   * prefix produce identical bytes and the checkers can compare digests. `withoutRegisters` is the
   * `snapshotLosesWrites` mutation.
   */
  snapshot(group: GroupId, withoutRegisters = false): Uint8Array {
    const state = this.state(group);
    const sorted = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const text = JSON.stringify({
      version: snapshotFormatVersion,
      nextOffset: state.nextOffset,
      registers: withoutRegisters ? [] : sorted(state.registers),
      logs: sorted(state.logs),
    });
    return new TextEncoder().encode(text);
  }

  /** Replaces the group's state by a snapshot's. */
  restore(group: GroupId, data: Uint8Array): void {
    const parsed = JSON.parse(new TextDecoder().decode(data)) as {
      version: number;
      nextOffset: number;
      registers: [string, string][];
      logs: [string, number][];
    };
    assert(parsed.version === snapshotFormatVersion, () => `unknown snapshot format ${parsed.version}`);
    const state = new GroupState();
    state.nextOffset = parsed.nextOffset;
    for (const [key, value] of parsed.registers) state.registers.set(key, value);
    for (const [key, length] of parsed.logs) state.logs.set(key, length);
    this.groups.set(group, state);
  }
}
