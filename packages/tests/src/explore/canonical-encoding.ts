/**
 * A canonical text encoding of an object graph, for state hashing. Everything reachable is encoded
 * (so a field added to Raft later is covered without touching the explorer) except the keys named in
 * `ignored`, which the caller must justify: ignoring a field that can change future behaviour would
 * merge states that are not equivalent and hide interleavings. Maps and sets are sorted, so the order
 * in which a node happened to record votes does not split one state into several.
 */
export function canonicalEncoding(value: unknown, ignored: ReadonlySet<string>): string {
  const parts: string[] = [];
  encodeInto(value, ignored, parts, 0);
  return parts.join("");
}

import { isImmutableRecord } from "./deep-clone.js";

/** Bounds the walk: Raft state is a shallow tree; a deeper one means a cycle or a bug. */
const depthMax = 32;

function encodeInto(value: unknown, ignored: ReadonlySet<string>, parts: string[], depth: number): void {
  if (depth > depthMax) throw new Error(`canonical encoding deeper than ${depthMax}: a cycle?`);
  switch (typeof value) {
    case "undefined":
      parts.push("u");
      return;
    case "number":
    case "bigint":
    case "boolean":
      parts.push(String(value));
      return;
    case "string":
      parts.push(JSON.stringify(value));
      return;
    case "function":
      // A patched method (a mutation) is the same on every node of a run; it is not state.
      parts.push("f");
      return;
    case "symbol":
      parts.push(String(value));
      return;
    case "object":
      break;
  }
  if (value === null) {
    parts.push("n");
    return;
  }
  if (value instanceof Uint8Array) {
    parts.push(`b${JSON.stringify(new TextDecoder().decode(value))}`);
    return;
  }
  if (Array.isArray(value)) {
    parts.push("[");
    for (const item of value) {
      encodeInto(item, ignored, parts, depth + 1);
      parts.push(",");
    }
    parts.push("]");
    return;
  }
  if (value instanceof Map) {
    const items = [...value].map(
      ([key, item]) =>
        `${canonicalEncodingAt(key, ignored, depth + 1)}:${canonicalEncodingAt(item, ignored, depth + 1)}`,
    );
    parts.push(`M{${items.sort().join(",")}}`);
    return;
  }
  if (value instanceof Set) {
    const items = [...value].map((item) => canonicalEncodingAt(item, ignored, depth + 1));
    parts.push(`S{${items.sort().join(",")}}`);
    return;
  }
  const immutable = Object.getPrototypeOf(value) === Object.prototype && isImmutableRecord(value);
  if (immutable) {
    const cached = immutableEncodings.get(value);
    if (cached !== undefined) {
      parts.push(cached);
      return;
    }
  }
  const start = parts.length;
  parts.push("{");
  for (const key of Object.keys(value)) {
    if (ignored.has(key)) continue;
    parts.push(key, ":");
    encodeInto((value as Record<string, unknown>)[key], ignored, parts, depth + 1);
    parts.push(",");
  }
  parts.push("}");
  // Entries and messages are shared by many states (see deep-clone.ts): encode each once.
  if (immutable) immutableEncodings.set(value, parts.slice(start).join(""));
}

/**
 * Encodings of entries and messages. Valid only for one set of ignored keys: the explorer uses one.
 * Keyed weakly, so it does not keep states alive.
 */
const immutableEncodings = new WeakMap<object, string>();

function canonicalEncodingAt(value: unknown, ignored: ReadonlySet<string>, depth: number): string {
  const parts: string[] = [];
  encodeInto(value, ignored, parts, depth);
  return parts.join("");
}
