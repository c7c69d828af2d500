/**
 * Hostile Kafka byte streams for fuzzing a listener (in process over a test backend, or a real node's
 * Kafka port): real client frames mutated, truncated, spliced and re-headered; valid headers followed by
 * random bodies; random garbage; size prefixes that lie. Every case is a function of the `Rng`, so a
 * failing run is replayed from its seed.
 *
 * `fuzzStream` builds the bytes of one connection; `sendFuzzStream` writes them to a listener and waits,
 * for a bounded time, until the server closes the connection or stops answering.
 */
import { connect } from "node:net";
import type { Rng } from "@helixlog/core";
import { advertisedApis } from "../framing/api-table.js";

/** What was done to the bytes, for failure messages and statistics. */
export type FuzzKind =
  | "fixture"
  | "mutated"
  | "truncated"
  | "spliced"
  | "reheadered"
  | "random-body"
  | "garbage"
  | "size-lie";

export interface FuzzFrame {
  readonly kind: FuzzKind;
  /** Wire bytes: an int32 size prefix (which may lie) and the frame. */
  readonly bytes: Uint8Array;
}

export interface FuzzOptions {
  /** Real request frames without their size prefix (golden fixtures captured from clients). */
  readonly seeds: readonly Uint8Array[];
  /**
   * API keys never sent. A real node is fuzzed without CreateTopics and CreatePartitions: a mutated
   * partition count is a valid request for hundreds of partitions, which is load, not a protocol case.
   */
  readonly excludedApiKeys?: readonly number[];
}

const sizePrefixBytes = 4;
/** Attempts to draw a frame whose api key is not excluded; each draw excludes it with small odds. */
const drawAttemptsMax = 100;

/** One fuzzed frame. */
export function fuzzFrame(rng: Rng, options: FuzzOptions): FuzzFrame {
  const excluded = new Set(options.excludedApiKeys ?? []);
  for (let attempt = 0; attempt < drawAttemptsMax; attempt++) {
    const frame = drawFrame(rng, options.seeds, excluded);
    if (frame.bytes.length < sizePrefixBytes + 2) return frame;
    const apiKey = new DataView(frame.bytes.buffer, frame.bytes.byteOffset).getInt16(sizePrefixBytes);
    if (!excluded.has(apiKey)) return frame;
  }
  return { kind: "garbage", bytes: framed(new Uint8Array([0x7f, 0x7f, 0, 0, 0, 0, 0, 1])) };
}

/** The bytes of one connection: `count` frames back to back, sometimes with a valid frame among them. */
export function fuzzStream(rng: Rng, options: FuzzOptions, count: number): FuzzFrame[] {
  return Array.from({ length: count }, () => fuzzFrame(rng, options));
}

function drawFrame(rng: Rng, seeds: readonly Uint8Array[], excluded: ReadonlySet<number>): FuzzFrame {
  const seed = seeds[rng.integer(0, seeds.length)] ?? new Uint8Array(8);
  const choice = rng.integer(0, 16);
  if (choice < 1) return { kind: "fixture", bytes: framed(seed) };
  if (choice < 6) return { kind: "mutated", bytes: framed(mutate(rng, seed)) };
  if (choice < 7) return { kind: "truncated", bytes: framed(seed.subarray(0, rng.integer(0, seed.length))) };
  if (choice < 9) return { kind: "spliced", bytes: framed(splice(rng, seed)) };
  if (choice < 11) return { kind: "reheadered", bytes: framed(reheader(rng, seed, excluded)) };
  if (choice < 13) return { kind: "random-body", bytes: framed(randomBody(rng, excluded)) };
  if (choice < 14) return { kind: "garbage", bytes: framed(randomBytes(rng, rng.integer(0, 64))) };
  return { kind: "size-lie", bytes: sizeLie(rng, seed) };
}

/** A few bytes overwritten, bits flipped, or set to boundary values (0, 0xff, 0x7f, 0x80). */
function mutate(rng: Rng, seed: Uint8Array): Uint8Array {
  const frame = seed.slice();
  if (frame.length === 0) return frame;
  const edits = rng.integer(1, 9);
  for (let edit = 0; edit < edits; edit++) {
    const position = rng.integer(0, frame.length);
    const how = rng.integer(0, 3);
    if (how === 0) frame[position] = rng.integer(0, 256);
    else if (how === 1) frame[position] = (frame[position] ?? 0) ^ (1 << rng.integer(0, 8));
    else frame[position] = [0x00, 0xff, 0x7f, 0x80][rng.integer(0, 4)] ?? 0;
  }
  return frame;
}

/** Random bytes inserted, or a span deleted, or a span duplicated. */
function splice(rng: Rng, seed: Uint8Array): Uint8Array {
  const at = rng.integer(0, seed.length + 1);
  const how = rng.integer(0, 3);
  if (how === 0) return concat(seed.subarray(0, at), randomBytes(rng, rng.integer(1, 32)), seed.subarray(at));
  const end = Math.min(seed.length, at + rng.integer(1, 32));
  if (how === 1) return concat(seed.subarray(0, at), seed.subarray(end));
  return concat(seed.subarray(0, end), seed.subarray(at));
}

/** A real body behind the header of another advertised API and version. */
function reheader(rng: Rng, seed: Uint8Array, excluded: ReadonlySet<number>): Uint8Array {
  const frame = seed.slice();
  if (frame.length < 4) return frame;
  const { apiKey, version } = randomAdvertised(rng, excluded);
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  view.setInt16(0, apiKey);
  view.setInt16(2, version);
  return frame;
}

/** A well-formed request header v1 of an advertised API and version, then random bytes. */
function randomBody(rng: Rng, excluded: ReadonlySet<number>): Uint8Array {
  const { apiKey, version } = randomAdvertised(rng, excluded);
  const clientId = new TextEncoder().encode("fuzz");
  const header = new Uint8Array(10 + clientId.length);
  const view = new DataView(header.buffer);
  view.setInt16(0, apiKey);
  view.setInt16(2, version);
  view.setInt32(4, rng.nextUint32() | 0);
  view.setInt16(8, clientId.length);
  header.set(clientId, 10);
  // Flexible versions use header v2: an empty tagged-field section after the client id, usually.
  const tags = rng.chance(0.8) ? new Uint8Array([0]) : new Uint8Array(0);
  return concat(header, tags, randomBytes(rng, rng.integer(0, 96)));
}

/** A size prefix that lies: negative, over the frame bound, or larger or smaller than what follows. */
function sizeLie(rng: Rng, seed: Uint8Array): Uint8Array {
  const candidates = [-1, -(2 ** 31), 2 ** 31 - 1, 200 * 1024 * 1024, seed.length + rng.integer(1, 64)];
  const declared = candidates[rng.integer(0, candidates.length)] ?? -1;
  const prefix = new Uint8Array(sizePrefixBytes);
  new DataView(prefix.buffer).setInt32(0, declared);
  return concat(prefix, seed);
}

function randomAdvertised(rng: Rng, excluded: ReadonlySet<number>): { apiKey: number; version: number } {
  const allowed = advertisedApis.filter((api) => !excluded.has(api.apiKey));
  const api = allowed[rng.integer(0, allowed.length)] ?? advertisedApis[0]!;
  // Mostly advertised versions; sometimes one just outside the range (answered or closed, never crashed).
  const version = rng.chance(0.9)
    ? rng.integer(api.minVersion, api.maxVersion + 1)
    : rng.chance(0.5)
      ? api.maxVersion + 1
      : api.minVersion - 1;
  return { apiKey: api.apiKey, version };
}

function randomBytes(rng: Rng, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index++) bytes[index] = rng.integer(0, 256);
  return bytes;
}

function framed(frame: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(sizePrefixBytes + frame.length);
  new DataView(bytes.buffer).setInt32(0, frame.length);
  bytes.set(frame, sizePrefixBytes);
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of parts) {
    bytes.set(part, position);
    position += part.length;
  }
  return bytes;
}

export interface FuzzStreamOutcome {
  /** The server closed the connection (what it does on a bad frame). */
  readonly closedByServer: boolean;
  /** Complete response frames received. */
  readonly responses: number;
  /** The connection could not be made at all (the listener is down: always a failure). */
  readonly refused: boolean;
}

/**
 * Writes `frames` on one fresh connection to `host:port` and waits until the server closes it or
 * `quietMs` pass without a byte from the server (a long poll, or a frame the server still waits to
 * complete), at most `timeoutMs` in all; then closes its end.
 */
export function sendFuzzStream(
  host: string,
  port: number,
  frames: readonly FuzzFrame[],
  options: { readonly quietMs: number; readonly timeoutMs: number },
): Promise<FuzzStreamOutcome> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    let received: Uint8Array = new Uint8Array(0);
    let responses = 0;
    let connected = false;
    let settled = false;
    let quiet: NodeJS.Timeout | undefined;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(quiet);
      clearTimeout(overall);
      socket.destroy();
      resolve({ closedByServer, responses, refused: !connected });
    };
    const restartQuiet = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => finish(false), options.quietMs);
    };
    const overall = setTimeout(() => finish(false), options.timeoutMs);
    socket.on("connect", () => {
      connected = true;
      restartQuiet();
      socket.write(concat(...frames.map((frame) => frame.bytes)));
    });
    socket.on("data", (chunk: Buffer) => {
      restartQuiet();
      received = concat(received, chunk);
      // Count whole response frames; a response is never split into a lie, so the prefix is honest.
      for (;;) {
        if (received.length < sizePrefixBytes) break;
        const size = new DataView(received.buffer, received.byteOffset).getInt32(0);
        if (received.length < sizePrefixBytes + size) break;
        responses++;
        received = received.subarray(sizePrefixBytes + size);
      }
    });
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("error", () => finish(connected));
  });
}
