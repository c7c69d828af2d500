/**
 * Consumer progress in the node core (DESIGN.md §2, issue 9): where each consumer group's progress lives
 * and how progress commands travel through Raft.
 *
 * Placement. Raft groups 1..progressGroupCount hold consumer progress (the count is fixed at bootstrap
 * by the controller). A consumer group id is mapped to one of them by a stable hash: CRC32C of the id's
 * UTF-8 bytes, modulo the count, plus one (Kafka's `__consumer_offsets` partition choice, with a hash that
 * is the same in every language and process). The voters of progress group g are min(3, N) controller
 * voters, taken from the bootstrapped voter list sorted ascending, starting at position (g - 1) mod N
 * and wrapping around: every node computes the same set from the replicated bootstrap record, and the
 * groups (and so their leaders) are spread over the cluster. Controller voters are static today; when
 * membership changes arrive, this rule must become an assignment recorded by the controller.
 *
 * Commands. A progress command is the progress package's command as UTF-8 JSON (every field is a string,
 * a number, null or an array of those). The leader stamps `nowMs` from its injected Clock when it
 * proposes; every replica applies the same bytes, so the replicated clock is the leader's clock.
 */
import { assert, crc32c, type GroupId, limits, type NodeId } from "@helixlog/core";
import {
  type ProgressCommand,
  type ProgressResult,
  ProgressStateMachine,
  type ProgressSummary,
} from "@helixlog/progress";
import type { Entry } from "@helixlog/raft";

/** The progress Raft group holding a consumer group's progress: 1..count. */
export function progressGroupOf(consumerGroup: string, count: number): GroupId {
  assert(Number.isInteger(count) && count >= 1, () => `progress group count must be >= 1, got ${count}`);
  return ((crc32c(new TextEncoder().encode(consumerGroup)) % count) + 1) as GroupId;
}

/** The voters of progress group `group` (1-based): min(3, N) voters in a per-group rotation. */
export function progressVoters(voters: readonly NodeId[], group: GroupId): NodeId[] {
  assert(voters.length > 0, "a cluster has at least one voter");
  assert(group >= 1, () => `progress groups start at 1, got ${group}`);
  const sorted = [...voters].sort((a, b) => a - b);
  const size = Math.min(limits.progressGroupReplicasMax, sorted.length);
  const start = (group - 1) % sorted.length;
  return Array.from({ length: size }, (_, index) => sorted[(start + index) % sorted.length] as NodeId);
}

export function encodeProgressCommand(command: ProgressCommand): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(command));
}

export function decodeProgressCommand(data: Uint8Array): ProgressCommand {
  const command = JSON.parse(new TextDecoder().decode(data)) as ProgressCommand;
  assert(
    typeof command === "object" && command !== null && typeof command.type === "string",
    "a progress entry holds a progress command",
  );
  return command;
}

/**
 * The replicated state of one progress group on this node: one ProgressStateMachine, fed the group's
 * committed entries in log order. `snapshot()` / `restore()` are the hooks for the host's snapshots and
 * WAL compaction (the machine's own versioned, checksummed encoding).
 */
export class ProgressGroupState {
  private readonly machine = new ProgressStateMachine();
  /** The last log index applied (0 before any): snapshots are taken at it. */
  private appliedIndex = 0;

  constructor(readonly group: GroupId) {}

  /** Applies one committed entry; answers the command's result (undefined for no-ops and conf changes). */
  apply(entry: Entry): ProgressResult<unknown> | undefined {
    assert(entry.index > this.appliedIndex, () => `group ${this.group} applied ${entry.index} twice`);
    this.appliedIndex = entry.index;
    if (entry.type !== "normal" || entry.data.length === 0) return undefined;
    return this.machine.apply(decodeProgressCommand(entry.data));
  }

  /** For reads that need no log entry (retention, metrics): the state as applied here. */
  get state(): ProgressStateMachine {
    return this.machine;
  }

  get lastAppliedIndex(): number {
    return this.appliedIndex;
  }

  summary(): ProgressSummary {
    return this.machine.describe();
  }

  snapshot(): Uint8Array {
    return this.machine.snapshot();
  }

  /** Replaces the state with a snapshot taken at `index` (throws CORRUPT_DATA for bad bytes). */
  restore(data: Uint8Array, index: number): void {
    this.machine.restore(data);
    this.appliedIndex = index;
  }
}
