/**
 * CycleOutboxes, the per-peer outboxes one engine reuses for every Ready cycle: each cycle starts
 * empty (no outbox, nothing counted toward a peer's bound), outboxes come in the order peers were first
 * given something per phase, the bound counts both phases but not heartbeats, and the peers it
 * remembers stay bounded however many come and go.
 */
import { groupId, type LogIndex, type NodeId, nodeId, type Term } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { emptyList } from "../empty-list.js";
import type { Message } from "../types.js";
import { CycleOutboxes, cutBatches } from "./peer-outbox.js";

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

const immediatePeers = (outboxes: CycleOutboxes) =>
  Array.from({ length: outboxes.immediateSize }, (_, index) => outboxes.immediateAt(index).to);
const afterPersistPeers = (outboxes: CycleOutboxes) =>
  Array.from({ length: outboxes.afterPersistSize }, (_, index) => outboxes.afterPersistAt(index).to);

describe("CycleOutboxes", () => {
  it("starts every cycle empty, with outboxes in the order peers were first given something", () => {
    const outboxes = new CycleOutboxes(2);
    outboxes.start();
    outboxes.outboxFor(timeoutNow(3), false)?.addMessage(timeoutNow(3));
    outboxes.outboxFor(timeoutNow(2), true);
    outboxes.outboxFor(timeoutNow(2), false);
    outboxes.immediateOutbox(nodeId(4));
    expect(immediatePeers(outboxes)).toEqual([3, 2, 4]);
    expect(afterPersistPeers(outboxes)).toEqual([2]);
    // Peer 2 used its two counted messages across both phases; heartbeat responses are not counted.
    expect(outboxes.outboxFor(timeoutNow(2), false)).toBeUndefined();
    expect(outboxes.outboxFor(heartbeatResponse(2), true)).toBeDefined();

    outboxes.start();
    expect([immediatePeers(outboxes), afterPersistPeers(outboxes)]).toEqual([[], []]);
    const fresh = outboxes.outboxFor(timeoutNow(3), false);
    expect(fresh?.messages).toEqual([]);
    expect(outboxes.outboxFor(timeoutNow(2), false)).toBeDefined();
    expect(outboxes.outboxFor(timeoutNow(2), false)).toBeDefined();
    expect(outboxes.outboxFor(timeoutNow(2), false)).toBeUndefined();
    expect(immediatePeers(outboxes)).toEqual([3, 2]);
  });

  it("reuses a peer's outbox but never the lists a batch was cut from", () => {
    const outboxes = new CycleOutboxes(8);
    outboxes.start();
    const box = outboxes.immediateOutbox(nodeId(2));
    // Lists are made on the first item only: an outbox of heartbeats carries no message list.
    box.addHeartbeat({
      group: groupId(1),
      term: 1 as Term,
      commit: 0 as LogIndex,
      context: "",
      sentAtTick: 0,
      quiesce: false,
      lastIndex: 0 as LogIndex,
      lastTerm: 0 as Term,
    });
    const [first] = cutBatches(nodeId(1), box, 1 << 20, undefined);
    expect(first?.heartbeats).toHaveLength(1);
    expect(first?.messages).toBe(emptyList);

    outboxes.start();
    const again = outboxes.outboxFor(timeoutNow(2), false);
    expect(again).toBe(box);
    again?.addMessage(timeoutNow(2));
    expect(again?.heartbeats).toEqual([]);
    // The batch cut in the last cycle still holds what it held.
    expect(first?.heartbeats).toHaveLength(1);
    expect(first?.messages).toEqual([]);
    expect(again?.messages).toHaveLength(1);
  });

  it("finds each peer's own outbox again, among few peers (a scan) and many (a Map), and after pruning", () => {
    for (const peerCount of [3, 12, 40]) {
      const outboxes = new CycleOutboxes(100);
      const first = new Map<number, unknown>();
      for (let cycle = 0; cycle < 3; cycle++) {
        outboxes.start();
        for (let peer = 2; peer < 2 + peerCount; peer++) {
          const box = outboxes.outboxFor(timeoutNow(peer), cycle % 2 === 1);
          expect(box?.to).toBe(peer);
          if (cycle < 2) first.set(peer * 2 + (cycle % 2), box);
          else expect(box).toBe(first.get(peer * 2));
        }
      }
      // Past the prune threshold only peer 2 stays busy; it keeps its outbox, and new peers get their own.
      for (let cycle = 0; cycle < 3; cycle++) {
        outboxes.start();
        expect(outboxes.outboxFor(timeoutNow(2), false)).toBe(first.get(4));
        expect(outboxes.outboxFor(timeoutNow(1000 + cycle), false)?.to).toBe(1000 + cycle);
      }
    }
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
