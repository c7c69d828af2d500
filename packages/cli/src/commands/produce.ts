import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { HeaderMessage, ProduceResponse, RecordMessage } from "@helixlog/server";
import type { Command } from "commander";
import { UsageError } from "../cli-errors.js";
import { withPool } from "../global-options.js";
import { type AcksName, collect, parseAcks, parseInteger, parseKeyValues } from "../options.js";
import { printJson, printLine } from "../output.js";
import { type ClientPool, followLeader, partitionLeaders } from "../routing.js";

/**
 * `helix produce TOPIC`: one record per input line. Lines are batched (up to `batchRecordsMax` lines or
 * `batchBytesMax` bytes per Produce call) and batches for different partitions are in flight together,
 * but at most one per partition so each partition receives the lines in input order.
 */

export const batchRecordsMax = 1_000;
/** 1 MiB: well under the node's record batch limit, large enough that a call costs less than its fsync. */
export const batchBytesMax = 1024 * 1024;
/** Produce calls in flight at once, across partitions. */
export const produceCallsInFlightMax = 8;

interface ProduceOptions {
  file?: string;
  key?: string;
  headers?: string[];
  acks: AcksName;
  partition?: number;
}

export function addProduceCommand(program: Command): void {
  program
    .command("produce")
    .description("write records to a topic, one per line of stdin or --file")
    .argument("<topic>", "topic name")
    .option("--file <path>", "read lines from this file instead of stdin")
    .option("--key <key>", "the key of every record (records with one key go to one partition)")
    .option("--headers <k=v,...>", "headers of every record (repeatable)", collect)
    .option("--acks <none|leader|all>", "durability to wait for", parseAcks, "ACKS_ALL" as AcksName)
    .option(
      "--partition <n>",
      "write every record to this partition",
      parseInteger("--partition", 0, 2 ** 31 - 1),
    )
    .addHelpText(
      "after",
      [
        "",
        "Without --partition and --key, batches go round-robin over the partitions.",
        "",
        "Examples:",
        "  seq 1000 | helix produce demo",
        "  helix produce demo --file events.txt --key user-42 --headers source=import,version=2",
        "  echo hello | helix produce demo --partition 0 --acks leader",
      ].join("\n"),
    )
    .action(async (topic: string, options: ProduceOptions, command: Command) => {
      const headers = Object.entries(parseKeyValues("--headers", options.headers ?? [])).map(
        ([key, value]): HeaderMessage => ({ key, value: Buffer.from(value) }),
      );
      await withPool(command, async (pool, global) => {
        const summary = await produceLines(pool, topic, options, headers);
        if (global.json) printJson(summary);
        else printSummary(summary);
      });
    });
}

interface PartitionSummary {
  partition: number;
  records: number;
  /** -1 with acks=none, when the node does not report offsets. */
  firstOffset: number;
  lastOffset: number;
}

interface ProduceSummary {
  topic: string;
  records: number;
  partitions: PartitionSummary[];
}

async function produceLines(
  pool: ClientPool,
  topic: string,
  options: ProduceOptions,
  headers: HeaderMessage[],
): Promise<ProduceSummary> {
  const leaders = await partitionLeaders(pool, topic);
  if (options.partition !== undefined && !leaders.partitions.includes(options.partition)) {
    throw new UsageError(
      `--partition ${options.partition} does not exist: topic ${topic} has partitions 0..${leaders.partitions.length - 1}`,
    );
  }
  const summaries = new Map<number, PartitionSummary>();
  const lanes = new Lanes(produceCallsInFlightMax);
  let roundRobin = 0;
  const send = async (records: RecordMessage[]) => {
    // Keyed records without --partition are placed by the node (Kafka's murmur2 of the key); it
    // answers NOT_LEADER with the leader's address when that partition lives elsewhere.
    const partition =
      options.partition ??
      (options.key === undefined ? leaders.partitions[roundRobin++ % leaders.partitions.length] : undefined);
    await lanes.submit(String(partition), async () => {
      const start = partition === undefined ? pool.bootstrap : leaders.leaderOf(partition);
      const response = await followLeader(
        pool,
        (client) =>
          client.produce({
            topic,
            ...(partition === undefined ? {} : { partition }),
            acks: options.acks,
            records,
          }),
        start,
      );
      record(summaries, response, records.length);
    });
  };
  let batch: RecordMessage[] = [];
  let batchBytes = 0;
  let total = 0;
  for await (const line of readLines(options.file)) {
    const value = Buffer.from(line);
    batch.push({
      value,
      headers,
      timestampMs: 0,
      ...(options.key === undefined ? {} : { key: Buffer.from(options.key) }),
    });
    batchBytes += value.length;
    total++;
    if (batch.length >= batchRecordsMax || batchBytes >= batchBytesMax) {
      await send(batch);
      batch = [];
      batchBytes = 0;
    }
  }
  if (batch.length > 0) await send(batch);
  await lanes.drain();
  const partitions = [...summaries.values()].sort((a, b) => a.partition - b.partition);
  return { topic, records: total, partitions };
}

function readLines(file: string | undefined): AsyncIterable<string> {
  const input = file === undefined ? process.stdin : createReadStream(file);
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

function record(summaries: Map<number, PartitionSummary>, response: ProduceResponse, count: number): void {
  const summary = summaries.get(response.partition) ?? {
    partition: response.partition,
    records: 0,
    firstOffset: response.baseOffset,
    lastOffset: response.lastOffset,
  };
  summary.records += count;
  if (response.baseOffset >= 0) {
    summary.firstOffset =
      summary.firstOffset < 0 ? response.baseOffset : Math.min(summary.firstOffset, response.baseOffset);
    summary.lastOffset = Math.max(summary.lastOffset, response.lastOffset);
  }
  summaries.set(response.partition, summary);
}

function printSummary(summary: ProduceSummary): void {
  printLine(`produced ${summary.records} record(s) to ${summary.topic}`);
  for (const partition of summary.partitions) {
    const offsets =
      partition.firstOffset < 0
        ? "offsets not reported (acks=none)"
        : `offsets ${partition.firstOffset}..${partition.lastOffset}`;
    printLine(`  partition ${partition.partition}: ${partition.records} record(s), ${offsets}`);
  }
}

/**
 * Ordered lanes with a shared bound: tasks in one lane run one after another, tasks in different lanes
 * run together, and at most `inFlightMax` run at once. The first failure stops new submissions and is
 * thrown by `submit` or `drain`.
 */
export class Lanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly inFlightMax: number) {}

  async submit(lane: string, task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.inFlightMax && this.failure === undefined)
      await Promise.race(this.running);
    if (this.failure !== undefined) throw this.failure.error;
    const previous = this.tails.get(lane) ?? Promise.resolve();
    const run: Promise<void> = previous
      .then(() => (this.failure === undefined ? task() : undefined))
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        this.running.delete(run);
        if (this.tails.get(lane) === run) this.tails.delete(lane);
      });
    this.running.add(run);
    this.tails.set(lane, run);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure !== undefined) throw this.failure.error;
  }
}
