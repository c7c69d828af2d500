import type { GroupDescriptionMessage, GroupListingMessage, ResetOffsetsInput } from "@helixlog/server";
import type { Command } from "commander";
import { UsageError } from "../cli-errors.js";
import { withPool } from "../global-options.js";
import { parseInteger } from "../options.js";
import { printJson, printLine, printTable } from "../output.js";
import { type ClientPool, followLeader, followProgressLeader, partitionLeaders } from "../routing.js";

/**
 * `helix group list|describe|reset-offsets|delete`: consumer-group progress (helix.v1.Progress). Each
 * call goes to the leader of the group's progress group, following NOT_LEADER hints.
 */
export function addGroupCommands(program: Command): void {
  const group = program
    .command("group")
    .description("list, describe, reset and delete consumer groups")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  helix group list",
        "  helix group describe billing",
        "  helix group reset-offsets billing --topic orders --to-earliest",
      ].join("\n"),
    );

  group
    .command("list")
    .description("list consumer groups")
    .addHelpText("after", "\nExamples:\n  helix group list\n  helix group list --json")
    .action(async (_options: unknown, command: Command) => {
      await withPool(command, async (pool, global) => {
        const groups = await listGroups(pool);
        if (global.json) printJson(groups);
        else if (groups.length === 0)
          printLine("no consumer groups; `helix consume TOPIC --group NAME` creates one");
        else
          printTable(
            ["group", "partitions", "live leases", "members"],
            groups.map((entry) => [entry.group, entry.partitions, entry.liveLeases, entry.members]),
          );
      });
    });

  group
    .command("describe")
    .description("show a group's committed offsets, log end, lag and leases per partition")
    .argument("<group>", "consumer group id")
    .addHelpText(
      "after",
      "\nExamples:\n  helix group describe billing\n  helix group describe billing --json",
    )
    .action(async (name: string, _options: unknown, command: Command) => {
      await withPool(command, async (pool, global) => {
        const description = await describeGroup(pool, name);
        if (global.json) printJson(description);
        else printDescription(description);
      });
    });

  group
    .command("reset-offsets")
    .description("move a group's committed offsets on a topic (the group must have no live consumers)")
    .argument("<group>", "consumer group id")
    .requiredOption("--topic <name>", "topic whose offsets move")
    .option(
      "--partition <n>",
      "only this partition (repeatable; default: all)",
      (value: string, previous: number[] | undefined) => [
        ...(previous ?? []),
        parseInteger("--partition", 0, 2 ** 31 - 1)(value),
      ],
    )
    .option("--to-earliest", "each partition's log start offset")
    .option("--to-latest", "each partition's high watermark (skip everything so far)")
    .option(
      "--to-offset <n>",
      "this offset (clamped into the log)",
      parseInteger("--to-offset", 0, Number.MAX_SAFE_INTEGER),
    )
    .option(
      "--to-timestamp <ms>",
      "the first offset whose record timestamp is at least this (ms since the epoch)",
      parseInteger("--to-timestamp", 0, Number.MAX_SAFE_INTEGER),
    )
    .option("--dry-run", "show the offsets it would set, change nothing")
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  helix group reset-offsets billing --topic orders --to-earliest",
        "  helix group reset-offsets billing --topic orders --partition 0 --to-offset 1200",
        "  helix group reset-offsets billing --topic orders --to-timestamp 1700000000000 --dry-run",
      ].join("\n"),
    )
    .action(async (name: string, options: ResetOptions, command: Command) => {
      const input = resetInput(name, options);
      await withPool(command, async (pool, global) => {
        const offsets = await followProgressLeader(pool, (client) => client.resetOffsets(input));
        if (global.json) printJson({ group: name, topic: options.topic, dryRun: input.dryRun, offsets });
        else {
          printLine(`${input.dryRun === true ? "would reset" : "reset"} group ${name} on ${options.topic}:`);
          printTable(
            ["partition", "new offset"],
            offsets.map((entry) => [entry.partition, entry.offset]),
          );
        }
      });
    });

  group
    .command("delete")
    .description("delete a consumer group's progress (it must have no live consumers)")
    .argument("<group>", "consumer group id")
    .addHelpText("after", "\nExamples:\n  helix group delete billing")
    .action(async (name: string, _options: unknown, command: Command) => {
      await withPool(command, async (pool, global) => {
        const deleted = await followProgressLeader(pool, (client) => client.deleteGroup(name));
        if (global.json) printJson({ deleted: name, ...deleted });
        else printLine(`deleted group ${name} (${deleted.deletedPartitions} partition(s) of progress)`);
      });
    });
}

interface ResetOptions {
  topic: string;
  partition?: number[];
  toEarliest?: boolean;
  toLatest?: boolean;
  toOffset?: number;
  toTimestamp?: number;
  dryRun?: boolean;
}

/** Exactly one target; the flags become a ResetOffsets request. */
export function resetInput(group: string, options: ResetOptions): ResetOffsetsInput {
  const targets = [
    options.toEarliest === true ? "--to-earliest" : undefined,
    options.toLatest === true ? "--to-latest" : undefined,
    options.toOffset === undefined ? undefined : "--to-offset",
    options.toTimestamp === undefined ? undefined : "--to-timestamp",
  ].filter((flag) => flag !== undefined);
  if (targets.length !== 1) {
    throw new UsageError(
      targets.length === 0
        ? "say where to: --to-earliest, --to-latest, --to-offset N or --to-timestamp MS"
        : `pass one target, not ${targets.join(" and ")}`,
    );
  }
  const base = {
    group,
    topic: options.topic,
    partitions: options.partition ?? [],
    dryRun: options.dryRun === true,
  };
  if (options.toEarliest === true) return { ...base, to: "RESET_TO_EARLIEST" };
  if (options.toLatest === true) return { ...base, to: "RESET_TO_LATEST" };
  if (options.toOffset !== undefined) return { ...base, to: "RESET_TO_OFFSET", offset: options.toOffset };
  return { ...base, to: "RESET_TO_TIMESTAMP", timestampMs: options.toTimestamp ?? 0 };
}

/** Every consumer group: one ListGroups per progress group, each on its leader. */
async function listGroups(pool: ClientPool): Promise<GroupListingMessage[]> {
  const first = await followProgressLeader(pool, (client) => client.listGroups(1));
  const groups = [...first.groups];
  for (let progressGroup = 2; progressGroup <= first.progressGroupCount; progressGroup++) {
    const page = await followProgressLeader(pool, (client) => client.listGroups(progressGroup));
    groups.push(...page.groups);
  }
  return groups.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/**
 * The group's description; partitions whose log end the answering node could not see (it hosts no
 * replica) get it from the partition leader, so lag is always filled in for live topics.
 */
async function describeGroup(pool: ClientPool, name: string): Promise<GroupDescriptionMessage> {
  const description = await followProgressLeader(pool, (client) => client.describeGroup(name));
  const missing = new Set(
    description.partitions
      .filter((partition) => partition.logEndOffset < 0 && partition.topic !== "")
      .map((partition) => partition.topic),
  );
  for (const topic of missing) {
    const leaders = await partitionLeaders(pool, topic);
    for (const partition of description.partitions) {
      if (partition.topic !== topic || partition.logEndOffset >= 0) continue;
      const offsets = await followLeader(
        pool,
        (client) =>
          client.listOffsets({ topic, partitions: [partition.partition], spec: "OFFSET_SPEC_LATEST" }),
        leaders.leaderOf(partition.partition),
      );
      const latest = offsets[0]?.offset ?? -1;
      partition.logEndOffset = latest;
      partition.lag = latest < 0 ? -1 : Math.max(0, latest - partition.committedOffset);
    }
  }
  return description;
}

function printDescription(description: GroupDescriptionMessage): void {
  const members = description.members.length === 0 ? "" : `, members ${description.members.join(",")}`;
  printLine(
    `group ${description.group}: ${description.partitions.length} partition(s)${members}, dead letter after ${description.deadLetterAfterDeliveries} deliveries`,
  );
  const now = Date.now();
  printTable(
    ["topic", "partition", "committed", "log end", "lag", "leases"],
    description.partitions.map((partition) => [
      partition.topic === "" ? `(deleted ${partition.topicId})` : partition.topic,
      partition.partition,
      partition.committedOffset,
      partition.logEndOffset < 0 ? "?" : partition.logEndOffset,
      partition.lag < 0 ? "?" : partition.lag,
      partition.leases.length === 0
        ? "-"
        : partition.leases
            .map(
              (lease) =>
                `${lease.memberId} (${lease.mode === "LEASE_MODE_SHARED" ? "shared" : "exclusive"}, epoch ${lease.epoch}, ${Math.max(0, Math.round((lease.expiresAtMs - now) / 1000))}s left)`,
            )
            .join("; "),
    ]),
  );
}
