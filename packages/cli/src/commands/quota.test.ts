/** `helix quota` option parsing: sizes with decimal and binary units, entity flags, and bad input as usage errors. */
import { describe, expect, it } from "vitest";
import { UsageError } from "../cli-errors.js";
import { describeEntity, parseSize, quotaEntityOf } from "./quota.js";

describe("helix quota sizes", () => {
  it("reads whole numbers with KB/MB/GB (powers of 1000) and KiB/MiB/GiB (powers of 1024)", () => {
    const parse = parseSize("--produce-rate");
    expect(parse("1500")).toBe(1500);
    expect(parse("1MB")).toBe(1_000_000);
    expect(parse("256KiB")).toBe(262_144);
    expect(parse("2 gib")).toBe(2 * 1024 ** 3);
  });

  it("refuses anything else with a usage error naming the flag", () => {
    const parse = parseSize("--fetch-rate");
    for (const bad of ["", "1.5MB", "-1", "1XB", "MB"]) {
      expect(() => parse(bad)).toThrow(UsageError);
    }
    expect(() => parse("1XB")).toThrow(/--fetch-rate/);
  });
});

describe("helix quota entities", () => {
  it("names the cluster, a principal, a client id and a topic level from the flags", () => {
    expect(quotaEntityOf({ cluster: true })).toEqual({ cluster: true });
    expect(quotaEntityOf({})).toEqual({ principal: "" });
    expect(quotaEntityOf({ principal: "acme", defaultClientId: true })).toEqual({
      principal: "acme",
      clientId: "",
    });
    expect(quotaEntityOf({ principal: "acme", clientId: "loader", topic: "orders" })).toEqual({
      principal: "acme",
      clientId: "loader",
      topic: "orders",
    });
    expect(quotaEntityOf({ principal: "acme", defaultTopic: true })).toEqual({
      principal: "acme",
      topic: "",
    });
    expect(describeEntity({ principal: "acme", topic: "orders" })).toBe(
      "topic orders for each client id of principal acme",
    );
    expect(describeEntity({ cluster: true })).toMatch(/the cluster/);
  });

  it("refuses contradictory or empty entity flags with a usage error naming them", () => {
    expect(() => quotaEntityOf({ cluster: true, principal: "acme", topic: "t" })).toThrow(
      /--cluster .* cannot be combined with --principal, --topic/,
    );
    expect(() => quotaEntityOf({ topic: "t", defaultTopic: true })).toThrow(/--topic or --default-topic/);
    expect(() => quotaEntityOf({ topic: "" })).toThrow(UsageError);
    expect(() => quotaEntityOf({ clientId: "a", defaultClientId: true })).toThrow(UsageError);
  });
});
