/**
 * Deliberately broken consumer-progress state machines for the progress simulation's mutation check
 * (STYLE.md rule 15: its checkers are trusted only after they were seen to fail). Each is patched into
 * one replica's ProgressStateMachine instance from the outside, by the names of its private methods;
 * production code is never changed and no prototype is touched, so other runs in the process are not.
 */

export type ProgressMutation =
  /** An exclusive lease is granted while another member's exclusive lease on the partition is live. */
  | "progressGrantsBesideLiveLease"
  /** A lease that expired, was released or was fenced by a newer grant is still accepted. */
  | "progressAcceptsFencedLease"
  /** Ending an exclusive lease rewinds the partition's watermark by one ("redeliver the last record"). */
  | "progressRewindsOnLeaseEnd"
  /** Acks are answered as accepted but settle nothing. */
  | "progressDropsAcks";

export const progressMutations: readonly ProgressMutation[] = [
  "progressGrantsBesideLiveLease",
  "progressAcceptsFencedLease",
  "progressRewindsOnLeaseEnd",
  "progressDropsAcks",
];

type Resolved =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: { code: string } };

/** What the mutations reach of the machine's internals. */
interface MachineInternals {
  acquireExclusive(group: unknown, progress: object, command: unknown): unknown;
  resolveLease(group: string, fence: { leaseId: number; epoch: number }): Resolved;
  endLease(group: { id: string }, progress: unknown, lease: { id: number }): unknown;
  onAck(command: { group: string; lease: { leaseId: number; epoch: number } }): unknown;
}

/** What the mutations reach of a partition's internals. */
interface PartitionInternals {
  readonly committedOffset: number;
  setCommittedOffset(offset: number): void;
}

/** Applies `mutation` to one machine (nothing for other mutations). */
export function mutateProgressMachine(machine: object, mutation: string | undefined): void {
  const internals = machine as MachineInternals;
  if (mutation === "progressGrantsBesideLiveLease") {
    const acquire = internals.acquireExclusive.bind(machine);
    internals.acquireExclusive = (group, progress, command) => {
      // The partition claims to have no exclusive holder while the grant is decided.
      const patched = progress as { exclusiveLease?: () => undefined };
      patched.exclusiveLease = () => undefined;
      try {
        return acquire(group, progress, command);
      } finally {
        delete patched.exclusiveLease;
      }
    };
  } else if (mutation === "progressAcceptsFencedLease") {
    const ended = new Map<number, { group: { id: string }; progress: unknown; lease: { id: number } }>();
    const endLease = internals.endLease.bind(machine);
    internals.endLease = (group, progress, lease) => {
      ended.set(lease.id, { group, progress, lease });
      return endLease(group, progress, lease);
    };
    const resolve = internals.resolveLease.bind(machine);
    internals.resolveLease = (group, fence) => {
      const resolved = resolve(group, fence);
      const gone = ended.get(fence.leaseId);
      if (!resolved.ok && resolved.error.code === "FENCED" && gone?.group.id === group) {
        return { ok: true, value: gone };
      }
      return resolved;
    };
  } else if (mutation === "progressRewindsOnLeaseEnd") {
    const endLease = internals.endLease.bind(machine);
    internals.endLease = (group, progress, lease) => {
      const ended = endLease(group, progress, lease);
      const partition = progress as PartitionInternals;
      if ((lease as { mode?: string }).mode === "exclusive" && partition.committedOffset > 0) {
        partition.setCommittedOffset(partition.committedOffset - 1);
      }
      return ended;
    };
  } else if (mutation === "progressDropsAcks") {
    const resolve = internals.resolveLease.bind(machine);
    internals.onAck = (command) => {
      const resolved = resolve(command.group, command.lease);
      if (!resolved.ok) return resolved;
      const { progress } = resolved.value as { progress: PartitionInternals };
      return {
        ok: true,
        value: { committedOffset: progress.committedOffset, newlySettled: 0, duplicates: [] },
      };
    };
  }
}
