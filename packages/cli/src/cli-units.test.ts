/**
 * The CLI's pure pieces: the consume --format template, option parsers that turn typos into usage
 * errors (exit 2), the exit-code mapping, and the ordered lanes that keep each partition's produce
 * batches in input order while different partitions run together within a bound.
 */
import { HelixError } from "@helixlog/core";
import { unreachableMessage } from "@helixlog/server";
import { describe, expect, it } from "vitest";
import { cliExitCodes, exitCodeFor, UsageError } from "./cli-errors.js";
import { compileFormat } from "./commands/consume.js";
import { resetInput } from "./commands/group.js";
import { Lanes } from "./commands/produce.js";
import { parseAcks, parseInteger, parseKeyValues } from "./options.js";

describe("consume --format", () => {
  const record = {
    offset: 7,
    timestampMs: 1_700_000_000_000,
    key: Buffer.from("user-1"),
    value: Buffer.from("hello"),
    headers: [{ key: "a", value: Buffer.from("1") }, { key: "b" }],
  };

  it("substitutes %k %v %h %o %t %p and %% and keeps other text", () => {
    expect(compileFormat("%p/%o@%t %k=%v [%h] 100%%")(record, 3)).toBe(
      "3/7@1700000000000 user-1=hello [a=1,b=] 100%",
    );
  });

  it("prints a missing key or value as nothing", () => {
    expect(compileFormat("<%k><%v>")({ offset: 0, timestampMs: 0, headers: [] }, 0)).toBe("<><>");
  });
});

describe("option parsers", () => {
  it("accept integers in range and reject anything else with the flag's name", () => {
    expect(parseInteger("--partitions", 1, 10)("3")).toBe(3);
    expect(() => parseInteger("--partitions", 1, 10)("0")).toThrow(
      /--partitions must be an integer from 1 to 10/,
    );
    expect(() => parseInteger("--partitions", 1, 10)("2.5")).toThrow(UsageError);
  });

  it("read KEY=VALUE lists from repeated and comma-separated flags", () => {
    expect(parseKeyValues("--config", ["a=1,b=x=y", "c="])).toEqual({ a: "1", b: "x=y", c: "" });
    expect(() => parseKeyValues("--config", ["novalue"])).toThrow(/--config takes KEY=VALUE/);
  });

  it("map --acks names to the proto enum", () => {
    expect(parseAcks("leader")).toBe("ACKS_LEADER");
    expect(() => parseAcks("two")).toThrow(/none, leader or all/);
  });
});

describe("exit codes", () => {
  it("are 2 for usage, 3 for a node's error, 4 when no node answered", () => {
    expect(exitCodeFor(new UsageError("bad"))).toBe(cliExitCodes.usage);
    expect(exitCodeFor(new HelixError("UNKNOWN_TOPIC", "no such topic"))).toBe(cliExitCodes.server);
    const unreachable = new HelixError("UNAVAILABLE", unreachableMessage("127.0.0.1:1"), {
      details: { unreachable: true },
    });
    expect(exitCodeFor(unreachable)).toBe(cliExitCodes.connection);
  });
});

describe("Lanes", () => {
  it("runs one lane in order and different lanes together, never more than the bound", async () => {
    const lanes = new Lanes(2);
    const order: string[] = [];
    let running = 0;
    let runningMax = 0;
    const task = (name: string, ticks: number) => async () => {
      running++;
      runningMax = Math.max(runningMax, running);
      for (let tick = 0; tick < ticks; tick++) await Promise.resolve();
      order.push(name);
      running--;
    };
    await lanes.submit("p0", task("p0-first", 5));
    await lanes.submit("p0", task("p0-second", 0));
    await lanes.submit("p1", task("p1-first", 0));
    await lanes.drain();
    expect(order.indexOf("p0-first")).toBeLessThan(order.indexOf("p0-second"));
    expect(order).toHaveLength(3);
    expect(runningMax).toBeLessThanOrEqual(2);
  });

  it("reports the first failure from drain", async () => {
    const lanes = new Lanes(4);
    await lanes.submit("p0", async () => {
      throw new HelixError("UNKNOWN_TOPIC", "gone");
    });
    await expect(lanes.drain()).rejects.toThrow("gone");
  });
});

describe("group reset-offsets targets", () => {
  it("turns exactly one target flag into a ResetOffsets request", () => {
    expect(resetInput("g", { topic: "t", toEarliest: true })).toEqual({
      group: "g",
      topic: "t",
      partitions: [],
      dryRun: false,
      to: "RESET_TO_EARLIEST",
    });
    expect(resetInput("g", { topic: "t", toLatest: true, partition: [2], dryRun: true })).toMatchObject({
      to: "RESET_TO_LATEST",
      partitions: [2],
      dryRun: true,
    });
    expect(resetInput("g", { topic: "t", toOffset: 0 })).toMatchObject({ to: "RESET_TO_OFFSET", offset: 0 });
    expect(resetInput("g", { topic: "t", toTimestamp: 5 })).toMatchObject({
      to: "RESET_TO_TIMESTAMP",
      timestampMs: 5,
    });
  });

  it("refuses no target and two targets as usage errors", () => {
    expect(() => resetInput("g", { topic: "t" })).toThrow(UsageError);
    expect(() => resetInput("g", { topic: "t", toEarliest: true, toOffset: 3 })).toThrow(
      /--to-earliest and --to-offset/,
    );
  });
});
