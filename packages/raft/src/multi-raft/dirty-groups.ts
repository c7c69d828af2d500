/**
 * The groups of a Multi-Raft engine that may have a Ready: every input marks the groups it touched,
 * and the host's hasReady()/ready() clear those that turn out to have nothing to do. A Set would serve,
 * in the order groups were first marked, but hosts mark and clear groups on every input and V8 grows
 * and shrinks a Set's hash table as members come and go, allocating each time. This keeps a Set's
 * order with one array, reused at its high-water size, and a flag on each group.
 */
import { assert } from "@helixlog/core";

export interface DirtyGroup {
  /** Set while the group is in a DirtyGroups list (it is there exactly once); nothing else sets it. */
  dirty: boolean;
  readonly node: { hasReady(): boolean };
}

export class DirtyGroups<Group extends DirtyGroup> {
  /**
   * groups[head..end) are the marked groups in the order they were marked; every other slot is
   * undefined (cleared slots are emptied so the array holds no group alive). At most twice the groups
   * marked at once, so at most twice every group of the engine.
   */
  private readonly groups: (Group | undefined)[] = [];
  private head = 0;
  private end = 0;

  get size(): number {
    return this.end - this.head;
  }

  add(group: Group): void {
    if (group.dirty) return;
    group.dirty = true;
    this.groups[this.end++] = group;
  }

  /** Clears one group's mark at once (a destroyed group); linear in the marked groups. */
  delete(group: Group): void {
    if (!group.dirty) return;
    const at = this.groups.indexOf(group, this.head);
    assert(at >= 0 && at < this.end, "a marked group is listed");
    this.groups.copyWithin(at, at + 1, this.end);
    this.groups[--this.end] = undefined;
    group.dirty = false;
  }

  /**
   * Clears marked groups in order up to the first that has a Ready, and tells whether one has (it and
   * the groups after it stay marked, as hasReady() leaves them for ready()).
   */
  clearUntilReady(): boolean {
    for (; this.head < this.end; this.head++) {
      const group = this.groups[this.head] as Group;
      if (group.node.hasReady()) {
        // Move the marked groups to the front now and then, so the array stays within twice them.
        if (this.head * 2 > this.end) this.compact();
        return true;
      }
      group.dirty = false;
      this.groups[this.head] = undefined;
    }
    this.head = 0;
    this.end = 0;
    return false;
  }

  /**
   * Clears every marked group without a Ready and tells how many have one: they stay marked, in
   * order, as at(0) .. at(n - 1) until the next add or clear.
   */
  keepReady(): number {
    let kept = 0;
    for (let at = this.head; at < this.end; at++) {
      const group = this.groups[at] as Group;
      this.groups[at] = undefined;
      if (group.node.hasReady()) this.groups[kept++] = group;
      else group.dirty = false;
    }
    this.head = 0;
    this.end = kept;
    return kept;
  }

  /** The index-th marked group, in the order marked. */
  at(index: number): Group {
    assert(index >= 0 && index < this.end - this.head, "a marked group");
    return this.groups[this.head + index] as Group;
  }

  private compact(): void {
    const size = this.end - this.head;
    this.groups.copyWithin(0, this.head, this.end);
    this.groups.fill(undefined, size, this.end);
    this.head = 0;
    this.end = size;
  }
}
