/**
 * Deliberately broken variants of the node, for the mutation check (STYLE.md rule 15: a checker is
 * trusted only after it has been seen to fail on a broken build). Each is injected from the outside:
 * a disk wrapper or a patch of one RaftNode's log, never a change to production code.
 */
import type { Bytes, Disk, DiskFile, GroupId, LogIndex, Term } from "@helixlog/core";
import type { RaftNode } from "@helixlog/raft";
import { type ProgressMutation, progressMutations } from "./progress-mutations.js";

export type Mutation =
  | "none"
  /** The WAL's fdatasync returns at once without syncing: appends are acknowledged before they are durable. */
  | "walAcknowledgesBeforeSync"
  /** A voter grants its vote without checking that the candidate's log is up to date (Raft §5.4.1). */
  | "voteWithoutUpToDateCheck"
  /** A leader commits an entry of an earlier term by counting replicas (the Figure 8 bug, Raft §5.4.2). */
  | "commitPreviousTermByCounting"
  /**
   * Node 1's state machine snapshots leave out its registers, so a node restored from one forgets
   * acknowledged writes (a broken snapshot, not a broken log: the checkers must look at snapshots).
   */
  | "snapshotLosesWrites"
  /** Progress state machines that break lease exclusivity or fencing (progress-simulation.ts). */
  | ProgressMutation;

export const mutations: readonly Mutation[] = [
  "walAcknowledgesBeforeSync",
  "voteWithoutUpToDateCheck",
  "commitPreviousTermByCounting",
  "snapshotLosesWrites",
  ...progressMutations,
];

/** A disk whose files lie about fdatasync. */
export class LyingDisk implements Disk {
  constructor(private readonly inner: Disk) {}
  async open(path: string, options: { readonly create: boolean }): Promise<DiskFile> {
    const file = await this.inner.open(path, options);
    return {
      path: file.path,
      size: () => file.size(),
      read: (position, length) => file.read(position, length),
      write: (position, data) => file.write(position, data),
      sync: () => Promise.resolve(),
      truncate: (size) => file.truncate(size),
      close: () => file.close(),
    };
  }
  list(directory: string): Promise<string[]> {
    return this.inner.list(directory);
  }
  exists(path: string): Promise<boolean> {
    return this.inner.exists(path);
  }
  mkdir(directory: string): Promise<void> {
    return this.inner.mkdir(directory);
  }
  remove(path: string): Promise<void> {
    return this.inner.remove(path);
  }
  rename(from: string, to: string): Promise<void> {
    return this.inner.rename(from, to);
  }
  syncDirectory(directory: string): Promise<void> {
    return this.inner.syncDirectory(directory);
  }
}

/** The host's patchNode hook applying the mutation to every RaftNode the host creates. */
export function mutatedNodePatch(mutation: Mutation): ((group: GroupId, node: RaftNode) => void) | undefined {
  if (mutation === "voteWithoutUpToDateCheck") {
    return (_group, node) => {
      node.raft.log.isUpToDate = () => true;
    };
  }
  if (mutation === "commitPreviousTermByCounting") {
    return (_group, node) => {
      const log = node.raft.log;
      log.maybeCommit = (index: LogIndex, _term: Term): boolean => {
        if (index <= log.committed || log.term(index) === undefined) return false;
        log.commitTo(index);
        return true;
      };
    };
  }
  return undefined;
}

/**
 * The host's patchNode hook for a run: the run's Raft configuration the host has no option for (the
 * append message size bound, a production setting), then the mutation if any.
 */
export function nodePatch(
  mutation: Mutation,
  parameters: { readonly appendMessageSizeBytes: number | undefined },
): ((group: GroupId, node: RaftNode) => void) | undefined {
  const mutate = mutatedNodePatch(mutation);
  const appendMessageSizeBytes = parameters.appendMessageSizeBytes;
  if (appendMessageSizeBytes === undefined) return mutate;
  return (group, node) => {
    (node.raft.config as { appendMessageSizeBytes: Bytes }).appendMessageSizeBytes =
      appendMessageSizeBytes as Bytes;
    node.raft.config.validate();
    mutate?.(group, node);
  };
}
