/** `helix quota` option parsing: sizes with decimal and binary units, and bad sizes as usage errors. */
import { describe, expect, it } from "vitest";
import { UsageError } from "../cli-errors.js";
import { parseSize } from "./quota.js";

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
