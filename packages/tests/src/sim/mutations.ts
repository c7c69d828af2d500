/**
 * Deliberately broken variants of the node, for the mutation check (STYLE.md rule 15: a checker is
 * trusted only after it has been seen to fail on a broken build). Each is injected from the outside:
 * a disk wrapper or a patch of one RaftNode's log, never a change to production code.
 */
import type { Disk, DiskFile, GroupId, LogIndex, Term } from "@helixlog/core";
import type { RaftNode } from "@helixlog/raft";
import { type GroupEngine, SingleGroupEngine } from "@helixlog/server";

export type Mutation =
  | "none"
  /** The WAL's fdatasync returns at once without syncing: appends are acknowledged before they are durable. */
  | "walAcknowledgesBeforeSync"
  /** A voter grants its vote without checking that the candidate's log is up to date (Raft §5.4.1). */
  | "voteWithoutUpToDateCheck"
  /** A leader commits an entry of an earlier term by counting replicas (the Figure 8 bug, Raft §5.4.2). */
  | "commitPreviousTermByCounting";

export const mutations: readonly Mutation[] = [
  "walAcknowledgesBeforeSync",
  "voteWithoutUpToDateCheck",
  "commitPreviousTermByCounting",
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

/** Builds the host's engine with the mutation's patch applied to every RaftNode. */
export function mutatedEngine(
  mutation: Mutation,
): ((nodes: ReadonlyMap<GroupId, RaftNode>) => GroupEngine) | undefined {
  if (mutation === "voteWithoutUpToDateCheck") {
    return (nodes) => {
      for (const node of nodes.values()) node.raft.log.isUpToDate = () => true;
      return new SingleGroupEngine(nodes);
    };
  }
  if (mutation === "commitPreviousTermByCounting") {
    return (nodes) => {
      for (const node of nodes.values()) {
        const log = node.raft.log;
        log.maybeCommit = (index: LogIndex, _term: Term): boolean => {
          if (index <= log.committed || log.term(index) === undefined) return false;
          log.commitTo(index);
          return true;
        };
      }
      return new SingleGroupEngine(nodes);
    };
  }
  return undefined;
}
