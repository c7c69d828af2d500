/** Helpers over lists of entries: sizes for batching, and readable descriptions. */
import { limits } from "@helixlog/core";
import { decodeConfChange, describeConfChange } from "./conf-changer.js";
import type { Entry } from "./types.js";

/** The bytes an entry counts for in batching and flow control: payload plus fixed metadata. */
export function entrySizeBytes(entry: Entry): number {
  return entry.data.byteLength + limits.entryOverheadBytes;
}

export function payloadSizeBytes(entries: readonly Entry[]): number {
  let total = 0;
  for (const entry of entries) total += entry.data.byteLength;
  return total;
}

/**
 * The longest prefix of `entries` within `maxBytes`, but at least one entry so that an entry larger
 * than the budget still makes progress.
 */
export function limitEntriesBySize<T extends Entry>(entries: T[], maxBytes: number): T[] {
  let total = 0;
  for (let i = 0; i < entries.length; i++) {
    total += entrySizeBytes(entries[i] as T);
    if (total > maxBytes && i > 0) return entries.slice(0, i);
  }
  return entries;
}

const textDecoder = new TextDecoder();

export function describeEntry(entry: Entry): string {
  if (entry.type === "confChange")
    return `${entry.term}/${entry.index} conf[${describeConfChange(decodeConfChange(entry.data))}]`;
  if (entry.data.byteLength === 0) return `${entry.term}/${entry.index} empty`;
  return `${entry.term}/${entry.index} ${textDecoder.decode(entry.data.subarray(0, 32))}`;
}

export function describeEntries(entries: readonly Entry[]): string {
  return entries.map(describeEntry).join(", ");
}
