/**
 * Copies an object graph, classes included (the prototype is kept, own properties are copied), so the
 * explorer can branch a whole cluster of real RaftNodes without replaying the path from the start.
 * Shared references stay shared and cycles are followed once (a memo of copies). Byte arrays and
 * functions are shared, not copied: the Raft code never mutates a payload once it is in an entry, and
 * functions are either methods on prototypes or `this`-based patches (see explore-mutations.ts). So
 * are the values of the keys in `shared`, which the caller knows never change.
 */
/**
 * Raft's entries and messages (plain objects with a string `type`) are never changed once built:
 * a log replaces entries rather than editing them, and a message is complete when it is queued.
 * Sharing them between copies is the main saving of a clone.
 */
export function isImmutableRecord(value: object): boolean {
  return typeof (value as { type?: unknown }).type === "string";
}

export function deepClone<T>(value: T, shared: ReadonlySet<string> = new Set()): T {
  return cloneValue(value, new Map(), shared) as T;
}

function cloneValue(value: unknown, memo: Map<object, unknown>, shared: ReadonlySet<string>): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (ArrayBuffer.isView(value)) return value;
  const known = memo.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    memo.set(value, copy);
    for (let i = 0; i < value.length; i++) copy[i] = cloneValue(value[i], memo, shared);
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map();
    memo.set(value, copy);
    for (const [key, item] of value) copy.set(cloneValue(key, memo, shared), cloneValue(item, memo, shared));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set();
    memo.set(value, copy);
    for (const item of value) copy.add(cloneValue(item, memo, shared));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === Object.prototype && isImmutableRecord(value)) return value;
  const copy = Object.create(prototype) as Record<string, unknown>;
  memo.set(value, copy);
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    copy[key] = shared.has(key) ? item : cloneValue(item, memo, shared);
  }
  return copy;
}
