/**
 * Snapshots: a restored machine is indistinguishable from the original (same bytes, same answers, same
 * future), equal states give equal bytes whatever order they were built in, and damaged bytes are refused
 * with CORRUPT_DATA (or UNSUPPORTED_VERSION for a future format) instead of being half-loaded.
 */
import { HelixError } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { expectOk, ProgressDriver } from "./internal/test-driver.js";
import { consumerGroupId } from "./names.js";
import { ProgressStateMachine } from "./progress-state-machine.js";

function busyMachine(): ProgressDriver {
  const driver = new ProgressDriver();
  driver.apply({
    type: "ConfigureGroup",
    nowMs: driver.nowMs,
    group: driver.group,
    deadLetterAfterDeliveries: 2,
  });
  const alice = expectOk(driver.acquireShared("alice", 3, 10, 2_000)).lease!;
  const bob = expectOk(driver.acquireShared("bob", 3, 10, 5_000)).lease!;
  driver.ack(alice, [1]);
  driver.ack(bob, [4]);
  new ProgressDriver(driver.machine, consumerGroupId("stream")).commit(77, { metadata: "m" });
  return driver;
}

describe("snapshot and restore", () => {
  it("restores to the same bytes and the same future", () => {
    const original = busyMachine();
    const copy = new ProgressDriver(new ProgressStateMachine());
    copy.machine.restore(original.machine.snapshot());
    expect(copy.machine.snapshot()).toEqual(original.machine.snapshot());
    const later = original.nowMs + 2_000;
    for (const driver of [original, copy]) {
      driver.nowMs = later;
      driver.advance(0);
    }
    const next = [original, copy].map((driver) => expectOk(driver.acquireShared("carol", 10, 10)).lease);
    expect(next[1]).toEqual(next[0]);
    expect(copy.machine.snapshot()).toEqual(original.machine.snapshot());
  });

  it("gives equal bytes for equal states built in different orders", () => {
    const first = new ProgressStateMachine();
    const second = new ProgressStateMachine();
    for (const name of ["a", "b"]) new ProgressDriver(first, consumerGroupId(name)).commit(5);
    for (const name of ["b", "a"]) new ProgressDriver(second, consumerGroupId(name)).commit(5);
    expect(first.snapshot()).toEqual(second.snapshot());
  });

  it("refuses a flipped bit, a truncation and a future format version", () => {
    const bytes = busyMachine().machine.snapshot();
    const flipped = bytes.slice();
    flipped[bytes.length - 3] = (flipped[bytes.length - 3] as number) ^ 0x10;
    const future = bytes.slice();
    future[5] = 99;
    const codeOf = (damaged: Uint8Array) => {
      try {
        new ProgressStateMachine().restore(damaged);
        return "restored";
      } catch (error) {
        return HelixError.isInstance(error) ? error.code : String(error);
      }
    };
    expect(codeOf(flipped)).toBe("CORRUPT_DATA");
    expect(codeOf(bytes.subarray(0, bytes.length - 1))).toBe("CORRUPT_DATA");
    expect(codeOf(future)).toBe("UNSUPPORTED_VERSION");
  });
});
