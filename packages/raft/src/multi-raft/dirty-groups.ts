/**
 * The groups of a Multi-Raft engine that may have a Ready: every input marks the groups it touched,
 * and the host's hasReady()/ready() clear those that turn out to have nothing to do. A Set would serve,
 * in the order groups were first marked, but hosts mark and clear groups on every input and V8 grows
 * and shrinks a Set's hash table as members come and go, allocating each time. This keeps a Set's
 * order with a list and a flag on each group instead.
 */
import { assert } from "@helixlog/core";

export interface DirtyGroup {
  /** Set while the group is in a DirtyGroups list (it is there exactly once); nothing else sets it. */
  dirty: boolean;
  readonly node: { hasReady(): boolean };
}

export class DirtyGroups<Group extends DirtyGroup> {
  /** groups[head..] are the marked groups in the order they were marked; groups[..head] are cleared. */
  private groups: Group[] = [];
  private head = 0;

  get size(): number {
    return this.groups.length - this.head;
  }

  add(group: Group): void {
    if (group.dirty) return;
    group.dirty = true;
    this.groups.push(group);
  }

  /** Clears one group's mark at once (a destroyed group); linear in the marked groups. */
  delete(group: Group): void {
    if (!group.dirty) return;
    const at = this.groups.indexOf(group, this.head);
    assert(at >= 0, "a marked group is listed");
    this.groups.splice(at, 1);
    group.dirty = false;
  }

  /**
   * Clears marked groups in order up to the first that has a Ready, and tells whether one has (it and
   * the groups after it stay marked, as hasReady() leaves them for ready()).
   */
  clearUntilReady(): boolean {
    for (; this.head < this.groups.length; this.head++) {
      const group = this.groups[this.head] as Group;
      if (group.node.hasReady()) {
        // Drop the cleared prefix now and then, so the list stays within twice the marked groups.
        if (this.head * 2 > this.groups.length) this.compact();
        return true;
      }
      group.dirty = false;
    }
    this.groups = [];
    this.head = 0;
    return false;
  }

  /** Clears every marked group without a Ready; returns those with one, in order (they stay marked). */
  keepReady(): Group[] {
    const ready: Group[] = [];
    for (let at = this.head; at < this.groups.length; at++) {
      const group = this.groups[at] as Group;
      if (group.node.hasReady()) ready.push(group);
      else group.dirty = false;
    }
    this.groups = ready.length === 0 ? [] : [...ready];
    this.head = 0;
    return ready;
  }

  private compact(): void {
    this.groups = this.groups.slice(this.head);
    this.head = 0;
  }
}
