import type { FetchedRecordMessage } from "@helixlog/server";
import type { Command } from "commander";
import { UsageError } from "../cli-errors.js";
import { withPool } from "../global-options.js";
import { parseInteger } from "../options.js";
import { type ClientPool, followLeader, partitionLeaders } from "../routing.js";
import { consumePartitionInGroup } from "./group-consumer.js";

/**
 * `helix consume TOPIC`: prints records as they are committed, one line each, following the log with
 * long-poll Fetch calls (one loop per partition) until --max-messages or Ctrl-C. Within a partition the
 * lines are in offset order; partitions interleave. With --group it is a member of that consumer group
 * (group-consumer.ts): leases, the group's committed offsets, commits as it prints.
 */

/** How long one Fetch waits for new records: short enough that Ctrl-C ends the command promptly. */
export const fetchWaitMs = 500;
export const fetchBytesMax = 1024 * 1024;

interface ConsumeOptions {
  fromBeginning?: boolean;
  offset?: number;
  partition?: number;
  maxMessages?: number;
  format: string;
  group?: string;
}

export function addConsumeCommand(program: Command): void {
  program
    .command("consume")
    .description("print a topic's records, following the log until --max-messages or Ctrl-C")
    .argument("<topic>", "topic name")
    .option("--from-beginning", "start at each partition's earliest offset (default: only new records)")
    .option("--offset <n>", "start at this offset", parseInteger("--offset", 0, Number.MAX_SAFE_INTEGER))
    .option(
      "--partition <n>",
      "read only this partition (default: all)",
      parseInteger("--partition", 0, 2 ** 31 - 1),
    )
    .option(
      "--max-messages <n>",
      "stop after this many records",
      parseInteger("--max-messages", 1, Number.MAX_SAFE_INTEGER),
    )
    .option(
      "--format <template>",
      "line template: %k key, %v value, %h headers, %o offset, %t timestamp, %p partition, %% a percent sign",
      "%v",
    )
    .option(
      "--group <id>",
      "consume as a member of this consumer group: start at its committed offsets, commit as records are printed",
    )
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  helix consume demo --from-beginning",
        "  helix consume demo --partition 0 --offset 100 --max-messages 10",
        "  helix consume demo --from-beginning --format '%p/%o %k=%v'",
        "  helix consume demo --group billing --from-beginning   # resumes where the group left off",
      ].join("\n"),
    )
    .action(async (topic: string, options: ConsumeOptions, command: Command) => {
      validate(options);
      await withPool(command, (pool) => consume(pool, topic, options));
    });
}

function validate(options: ConsumeOptions): void {
  if (options.group !== undefined && options.offset !== undefined) {
    throw new UsageError(
      "--offset contradicts --group: a group starts at its committed offsets; move them with `helix group reset-offsets`",
    );
  }
  if (options.fromBeginning === true && options.offset !== undefined) {
    throw new UsageError("--from-beginning and --offset contradict each other; pass one of them");
  }
}

async function consume(pool: ClientPool, topic: string, options: ConsumeOptions): Promise<void> {
  const leaders = await partitionLeaders(pool, topic);
  if (options.partition !== undefined && !leaders.partitions.includes(options.partition)) {
    throw new UsageError(
      `--partition ${options.partition} does not exist: topic ${topic} has partitions 0..${leaders.partitions.length - 1}`,
    );
  }
  const partitions = options.partition === undefined ? leaders.partitions : [options.partition];
  const format = compileFormat(options.format);
  const state = { printed: 0, stopped: false };
  const limit = options.maxMessages ?? Number.POSITIVE_INFINITY;
  const stop = () => {
    state.stopped = true;
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const print = (records: readonly FetchedRecordMessage[], partition: number): number => {
    if (state.stopped) return 0;
    const printed = records.slice(0, Math.max(0, limit - state.printed));
    if (printed.length > 0) {
      process.stdout.write(printed.map((entry) => `${format(entry, partition)}\n`).join(""));
      state.printed += printed.length;
    }
    if (state.printed >= limit) state.stopped = true;
    return printed.length;
  };
  try {
    const group = options.group;
    if (group !== undefined) {
      const context = {
        pool,
        topic,
        group,
        fromBeginning: options.fromBeginning === true,
        leaderOf: leaders.leaderOf,
        fetchWaitMs,
        fetchBytesMax,
        print,
        stopped: () => state.stopped,
      };
      await Promise.all(partitions.map((partition) => consumePartitionInGroup(context, partition)));
      return;
    }
    await Promise.all(
      partitions.map(async (partition) => {
        const address = leaders.leaderOf(partition);
        let offset = await startOffset(pool, topic, partition, address, options);
        while (!state.stopped) {
          const response = await followLeader(
            pool,
            (client) =>
              client.fetch({
                topic,
                partition,
                offset,
                maxWaitMs: fetchWaitMs,
                maxBytes: fetchBytesMax,
                minBytes: 1,
              }),
            address,
          );
          print(response.records, partition);
          offset = response.nextOffset;
        }
      }),
    );
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

async function startOffset(
  pool: ClientPool,
  topic: string,
  partition: number,
  address: string,
  options: ConsumeOptions,
): Promise<number> {
  if (options.offset !== undefined) return options.offset;
  const spec = options.fromBeginning === true ? "OFFSET_SPEC_EARLIEST" : "OFFSET_SPEC_LATEST";
  const offsets = await followLeader(
    pool,
    (client) => client.listOffsets({ topic, partitions: [partition], spec }),
    address,
  );
  const found = offsets.find((entry) => entry.partition === partition);
  return found === undefined || found.offset < 0 ? 0 : found.offset;
}

type Formatter = (record: FetchedRecordMessage, partition: number) => string;

/** Compiles the template once; each record is then a join of the pieces. */
export function compileFormat(template: string): Formatter {
  const pieces = template.split(/(%[kvhotp%])/);
  const render: ((record: FetchedRecordMessage, partition: number) => string)[] = pieces.map((piece) => {
    switch (piece) {
      case "%k":
        return (record) => record.key?.toString() ?? "";
      case "%v":
        return (record) => record.value?.toString() ?? "";
      case "%h":
        return (record) =>
          record.headers.map((header) => `${header.key}=${header.value?.toString() ?? ""}`).join(",");
      case "%o":
        return (record) => String(record.offset);
      case "%t":
        return (record) => String(record.timestampMs);
      case "%p":
        return (_record, partition) => String(partition);
      case "%%":
        return () => "%";
      default:
        return () => piece;
    }
  });
  return (record, partition) => render.map((piece) => piece(record, partition)).join("");
}
