/**
 * CycleOutboxes, the per-peer outboxes one engine reuses for every Ready cycle: each cycle starts
 * empty (no outbox, nothing counted toward a peer's bound), outboxes come in the order peers were first
 * given something per phase, the bound counts both phases but not heartbeats, and the peers it
 * remembers stay bounded however many come and go.
 */
import { groupId, type NodeId, nodeId, type Term } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import type { Message } from "../types.js";
import { CycleOutboxes } from "./peer-outbox.js";

function timeoutNow(to: number): Message {
  return { type: "timeoutNow", group: groupId(1), from: nodeId(1), to: nodeId(to), term: 1 as Term };
}

function heartbeatResponse(to: number): Message {
  return {
    type: "heartbeatResponse",
    group: groupId(1),
    from: nodeId(1),
    to: nodeId(to),
    term: 1 as Term,
    context: "",
    sentAtTick: 0,
  };
}

const peersOf = (boxes: readonly { readonly to: NodeId }[]) => boxes.map((box) => box.to);

describe("CycleOutboxes", () => {
  it("starts every cycle empty, with outboxes in the order peers were first given something", () => {
    const outboxes = new CycleOutboxes(2);
    outboxes.start();
    outboxes.outboxFor(timeoutNow(3), false)?.messages.push(timeoutNow(3));
    outboxes.outboxFor(timeoutNow(2), true);
    outboxes.outboxFor(timeoutNow(2), false);
    outboxes.immediateOutbox(nodeId(4));
    expect(peersOf(outboxes.immediate)).toEqual([3, 2, 4]);
    expect(peersOf(outboxes.afterPersist)).toEqual([2]);
    // Peer 2 used its two counted messages across both phases; heartbeat responses are not counted.
    expect(outboxes.outboxFor(timeoutNow(2), false)).toBeUndefined();
    expect(outboxes.outboxFor(heartbeatResponse(2), true)).toBeDefined();

    outboxes.start();
    expect([outboxes.immediate, outboxes.afterPersist]).toEqual([[], []]);
    const fresh = outboxes.outboxFor(timeoutNow(3), false);
    expect(fresh?.messages).toEqual([]);
    expect(outboxes.outboxFor(timeoutNow(2), false)).toBeDefined();
    expect(outboxes.outboxFor(timeoutNow(2), false)).toBeDefined();
    expect(outboxes.outboxFor(timeoutNow(2), false)).toBeUndefined();
    expect(peersOf(outboxes.immediate)).toEqual([3, 2]);
  });

  it("forgets peers gone quiet, so a thousand peers passing through leave a handful remembered", () => {
    const outboxes = new CycleOutboxes(2);
    for (let peer = 1; peer <= 1000; peer++) {
      outboxes.start();
      outboxes.outboxFor(timeoutNow(peer), false);
      outboxes.outboxFor(timeoutNow(1), false);
    }
    const remembered = (outboxes as unknown as { peers: Map<NodeId, unknown> }).peers;
    expect(remembered.size).toBeLessThanOrEqual(17);
    expect(remembered.has(nodeId(1))).toBe(true);
  });
});
