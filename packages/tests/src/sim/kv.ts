/**
 * The replicated service the simulated clients use: per group, registers (write/read) and append-only
 * logs (append/length), every operation going through the Raft log (so reads are linearizable too).
 * Every client entry is one "record" of the group's partition: the leader stamps it with the offset
 * one past the last record in its log, which the offset-contiguity checker verifies on every replica.
 */
import type { GroupId } from "@helixlog/core";
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

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

export function encodeCommand(stored: StoredCommand): Uint8Array {
  return textEncoder.encode(JSON.stringify(stored));
}

/** Undefined for entries that carry no command (a new leader's empty entry). */
export function decodeCommand(entry: Entry): StoredCommand | undefined {
  if (entry.type !== "normal" || entry.data.byteLength === 0) return undefined;
  return JSON.parse(textDecoder.decode(entry.data)) as StoredCommand;
}

/** FNV-1a over the entry's bytes, for the checkers' digests. */
export function digestOf(data: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) hash = Math.imul(hash ^ (data[i] as number), 0x01000193);
  return hash >>> 0;
}

/** One node's copy of the service state of every group (rebuilt from the log at each restart). */
export class KvStateMachine {
  private readonly registers = new Map<string, string>();
  private readonly logs = new Map<string, number>();
  /** Per group: the partition offset the next record must start at (checked at apply time too). */
  readonly nextOffset = new Map<GroupId, number>();

  /** Applies a command and returns its output: "ok", the value read, the position, or the length. */
  apply(command: Command): string | number {
    switch (command.kind) {
      case "write":
        this.registers.set(command.key, command.value);
        return "ok";
      case "read":
        return this.registers.get(command.key) ?? "";
      case "append": {
        const length = this.logs.get(command.key) ?? 0;
        this.logs.set(command.key, length + 1);
        return length;
      }
      case "length":
        return this.logs.get(command.key) ?? 0;
    }
  }
}
