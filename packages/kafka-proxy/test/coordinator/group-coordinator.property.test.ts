/**
 * Properties of the group coordinator under random interleavings of clients (joins, syncs, heartbeats,
 * commits, leaves) and the passage of time:
 * - generations only increase;
 * - a fenced member (not in the group, or of another generation) can never commit;
 * - every member of a Stable generation has received an assignment from the leader;
 * - once no member is heard from for longer than the session and rebalance timeouts, all are removed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wireErrorCode } from "../../src/kafka-error-codes.js";
import { Harness, rebalanceTimeoutMs, sessionTimeoutMs } from "./harness.js";

const clientCount = 4;

type Step =
  | { readonly kind: "join" | "sync" | "heartbeat" | "commit" | "leave"; readonly client: number }
  | { readonly kind: "advance"; readonly milliseconds: number };

/** Joins and syncs are weighted up so that runs often reach Stable generations worth checking. */
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom("join", "join", "sync", "sync", "sync", "heartbeat", "commit", "commit", "leave"),
      client: fc.integer({ min: 0, max: clientCount - 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("advance"), milliseconds: fc.integer({ min: 1, max: 3_000 }) }),
  },
) as fc.Arbitrary<Step>;

/** What one simulated consumer knows: its member id, generation, and the members it must assign if leader. */
interface Client {
  memberId: string;
  generationId: number;
  toAssign: string[];
  pendingJoin: number | null;
}

function applyJoinAnswers(harness: Harness, clients: Client[]): void {
  for (const client of clients) {
    if (client.pendingJoin === null) continue;
    const answer = harness.joins.get(client.pendingJoin);
    if (answer === undefined) continue;
    client.pendingJoin = null;
    if (answer.errorCode === wireErrorCode.memberIdRequired || answer.errorCode === 0)
      client.memberId = answer.memberId;
    if (answer.errorCode === wireErrorCode.unknownMemberId) client.memberId = "";
    if (answer.errorCode === 0) {
      client.generationId = answer.generationId;
      client.toAssign = answer.members.map((member) => member.memberId);
    }
  }
}

function runStep(harness: Harness, clients: Client[], step: Step): void {
  if (step.kind === "advance") {
    harness.advance(step.milliseconds);
    return;
  }
  const client = clients[step.client]!;
  if (step.kind === "join" && client.pendingJoin === null) {
    client.pendingJoin = harness.join(client.memberId);
    applyJoinAnswers(harness, clients);
    // A real client rejoins at once with the id MEMBER_ID_REQUIRED handed it (KIP-394).
    if (client.pendingJoin === null && client.memberId !== "" && client.generationId < 0)
      client.pendingJoin = harness.join(client.memberId);
  }
  if (step.kind === "sync" && client.memberId !== "") {
    const assignments = client.toAssign.map((memberId, index) => ({
      memberId,
      assignment: new Uint8Array([index + 1]),
    }));
    harness.sync(client.memberId, client.generationId, assignments);
  }
  if (step.kind === "heartbeat") harness.heartbeat(client.memberId, client.generationId);
  if (step.kind === "leave" && client.memberId !== "")
    harness.coordinator.onLeaveGroup(
      "payments",
      [{ memberId: client.memberId, groupInstanceId: null }],
      harness.nowMs,
    );
  if (step.kind === "commit") checkCommitFencing(harness, client);
}

function checkCommitFencing(harness: Harness, client: Client): void {
  const before = harness.describe();
  const accepted = harness.commit(client.memberId, client.generationId) === wireErrorCode.none;
  if (!accepted || client.memberId === "") return;
  // Kafka accepts a current member's commit while the group is Stable or preparing a rebalance.
  expect(["Stable", "PreparingRebalance"]).toContain(before?.state);
  expect(before?.generationId).toBe(client.generationId);
  expect(before?.members.some((member) => member.memberId === client.memberId)).toBe(true);
}

describe("group coordinator properties", () => {
  it("keeps generations monotonic, fences commits, assigns every Stable member, and expires the silent", () => {
    let stableRuns = 0;
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 80 }), fc.integer(), (steps, seed) => {
        const harness = new Harness({ seed });
        const clients: Client[] = Array.from({ length: clientCount }, () => ({
          memberId: "",
          generationId: -1,
          toAssign: [],
          pendingJoin: null,
        }));
        let generation = 0;
        let stableSeen = false;
        for (const step of steps) {
          runStep(harness, clients, step);
          applyJoinAnswers(harness, clients);
          const group = harness.describe();
          expect(group === undefined || group.generationId >= generation).toBe(true);
          generation = group?.generationId ?? generation;
          if (group?.state === "Stable") {
            stableSeen ||= group.members.length > 0;
            for (const member of group.members) expect(member.assignment.length).toBeGreaterThan(0);
          }
        }
        stableRuns += stableSeen ? 1 : 0;
        // Silence: nobody heartbeats. Pending joins finish at the rebalance timeout, then sessions lapse.
        for (let elapsed = 0; elapsed <= rebalanceTimeoutMs * 2 + sessionTimeoutMs * 2; elapsed += 500)
          harness.advance(500);
        expect(harness.describe()?.members ?? []).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // The properties mean something only if random runs do reach Stable generations with members.
    expect(stableRuns).toBeGreaterThan(10);
  });
});
