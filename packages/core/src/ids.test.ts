/** Branded ids validate raw values at the edge and round-trip topic ids through their 16 wire bytes. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HelixError } from "./errors.js";
import { logIndex, nodeId, offset, partitionId, topicId, topicIdFromBytes, topicIdToBytes } from "./ids.js";

describe("branded ids", () => {
  it("accept valid values unchanged", () => {
    expect(nodeId(1)).toBe(1);
    expect(partitionId(0)).toBe(0);
    expect(logIndex(2 ** 53 - 1)).toBe(2 ** 53 - 1);
    expect(offset(42)).toBe(42);
  });

  it("reject invalid values with INVALID_ARGUMENT naming the kind", () => {
    for (const attempt of [
      () => nodeId(0),
      () => offset(-1),
      () => partitionId(1.5),
      () => logIndex(2 ** 53),
    ]) {
      try {
        attempt();
        expect.unreachable();
      } catch (error) {
        expect(HelixError.is(error, "INVALID_ARGUMENT")).toBe(true);
      }
    }
    expect(() => nodeId(0)).toThrowError(/node id must be an integer/);
  });

  it("round-trip topic ids through bytes", () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        const id = topicId(uuid);
        expect(topicIdFromBytes(topicIdToBytes(id))).toBe(uuid.toLowerCase());
      }),
    );
    expect(() => topicId("not-a-uuid")).toThrowError(/UUID/);
  });
});
