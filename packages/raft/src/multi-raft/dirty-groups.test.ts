/**
 * DirtyGroups against the Set it stands in for (STYLE.md rule 14): for random sequences of marks,
 * deletions, changes of which groups have a Ready, and the two clearing passes, it answers exactly as a
 * Set iterated in insertion order would, keeps the same members in the same order, and flags each
 * group exactly while it is a member.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DirtyGroup, DirtyGroups } from "./dirty-groups.js";

interface TestGroup extends DirtyGroup {
  readonly id: number;
  ready: boolean;
}

type Operation =
  | { readonly kind: "add" | "delete"; readonly group: number }
  | { readonly kind: "setReady"; readonly group: number; readonly ready: boolean }
  | { readonly kind: "clearUntilReady" | "keepReady" };

const groupCount = 6;
const group = fc.integer({ min: 0, max: groupCount - 1 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("add" as const, "delete" as const), group }),
  fc.record({ kind: fc.constant("setReady" as const), group, ready: fc.boolean() }),
  fc.record({ kind: fc.constantFrom("clearUntilReady" as const, "keepReady" as const) }),
);

describe("DirtyGroups", () => {
  it("behaves as a Set in insertion order under every sequence of operations", () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 50, maxLength: 300 }), (operations) => {
        const groups: TestGroup[] = Array.from({ length: groupCount }, (_, id) => ({
          id,
          ready: false,
          dirty: false,
          node: { hasReady: () => groups[id]?.ready === true },
        }));
        const dirty = new DirtyGroups<TestGroup>();
        const naive = new Set<TestGroup>();
        for (const op of operations) {
          switch (op.kind) {
            case "add":
              dirty.add(groups[op.group] as TestGroup);
              naive.add(groups[op.group] as TestGroup);
              break;
            case "delete":
              dirty.delete(groups[op.group] as TestGroup);
              naive.delete(groups[op.group] as TestGroup);
              break;
            case "setReady":
              (groups[op.group] as TestGroup).ready = op.ready;
              break;
            case "clearUntilReady": {
              let expected = false;
              for (const member of naive) {
                if (member.ready) {
                  expected = true;
                  break;
                }
                naive.delete(member);
              }
              expect(dirty.clearUntilReady()).toBe(expected);
              break;
            }
            case "keepReady": {
              const expected = [...naive].filter((member) => member.ready);
              for (const member of naive) if (!member.ready) naive.delete(member);
              expect(keptIds(dirty)).toEqual(expected.map((member) => member.id));
              break;
            }
          }
          expect(dirty.size).toBe(naive.size);
          expect(groups.filter((member) => member.dirty)).toEqual(
            groups.filter((member) => naive.has(member)),
          );
        }
        // The order of every member, read through a pass that keeps them all.
        for (const member of groups) member.ready = true;
        expect(keptIds(dirty)).toEqual([...naive].map((member) => member.id));
      }),
      { numRuns: 1000, seed: 61 },
    );
    // About 10 s on an idle 2-core box; past the default 30 s timeout when the box is loaded.
  }, 120_000);
});

/** keepReady's groups (at(0) .. at(n - 1)) by id. */
function keptIds(dirty: DirtyGroups<TestGroup>): number[] {
  const count = dirty.keepReady();
  return Array.from({ length: count }, (_, index) => dirty.at(index).id);
}
