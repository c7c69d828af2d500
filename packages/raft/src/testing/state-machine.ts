/**
 * The harness's replicated state machine: a running digest of every applied entry. Two replicas that
 * applied the same entries in the same order have the same digest at every index, so comparing
 * digests checks state machine safety; snapshots carry the digest, so restores are checked too.
 */
import type { LogIndex } from "@helixlog/core";
import type { Entry } from "../types.js";

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** FNV-1a over 32 bits, folded over (previous digest, term, index, data). */
function fold(digest: number, value: number): number {
  return Math.imul(digest ^ (value & 0xff), 0x01000193) >>> 0;
}

export class DigestStateMachine {
  appliedIndex: LogIndex = 0 as LogIndex;
  digest = 0x811c9dc5;
  /** Applied payloads of normal entries, for tests that look at what was applied (bounded by the test). */
  readonly payloads: string[] = [];

  apply(entry: Entry): void {
    let digest = this.digest;
    for (const value of [entry.term, entry.index, entry.data.byteLength]) {
      for (let shift = 0; shift < 32; shift += 8) digest = fold(digest, value >>> shift);
    }
    for (const byte of entry.data) digest = fold(digest, byte);
    this.digest = digest;
    this.appliedIndex = entry.index;
    if (entry.type === "normal" && entry.data.byteLength > 0)
      this.payloads.push(textDecoder.decode(entry.data));
  }

  describe(): string {
    return `state machine: applied=${this.appliedIndex} digest=${this.digest.toString(16)} payloads=${this.payloads.length}`;
  }

  snapshotData(): Uint8Array {
    return textEncoder.encode(
      JSON.stringify({ index: this.appliedIndex, digest: this.digest, payloads: this.payloads }),
    );
  }

  restore(index: LogIndex, data: Uint8Array): void {
    if (data.byteLength === 0) {
      // The bootstrap snapshot: the initial, empty state.
      this.appliedIndex = index;
      this.digest = 0x811c9dc5;
      this.payloads.length = 0;
      return;
    }
    const parsed = JSON.parse(textDecoder.decode(data)) as {
      index: number;
      digest: number;
      payloads: string[];
    };
    this.appliedIndex = parsed.index as LogIndex;
    this.digest = parsed.digest;
    this.payloads.length = 0;
    this.payloads.push(...parsed.payloads);
  }
}
