import { HelixError } from "@helixlog/core";
import type { RecordMessage } from "@helixlog/server";
import type { Command } from "commander";
import { UsageError } from "../cli-errors.js";
import { withPool } from "../global-options.js";
import { type AcksName, parseAcks, parseInteger } from "../options.js";
import { type ClientPool, followLeader, partitionLeaders } from "../routing.js";
import {
  type BenchTally,
  createTally,
  type Progress,
  printResult,
  startProgress,
  summarize,
} from "./bench-report.js";

/**
 * `helix bench produce|consume|e2e`: load against a running cluster. produce times each Produce call,
 * consume each Fetch call, e2e each record from before its Produce to its arrival in a Fetch (the
 * producer writes its send time into the first 8 bytes of the value). Runs are bounded by --count
 * records or --duration seconds; the topic is created when missing.
 */

const defaultCount = 100_000;
/** Records per Produce call: enough to amortize a call, few enough that one call's latency means something. */
const benchBatchRecords = 100;
/** An e2e run waits this long after the producers stop for the last records to be fetched. */
const drainTimeoutMs = 10_000;
const timestampBytes = 8;

interface BenchOptions {
  recordSize: number;
  count?: number;
  duration?: number;
  concurrency: number;
  acks: AcksName;
  partitions: number;
  topic: string;
}

export function addBenchCommand(program: Command): void {
  const bench = program
    .command("bench")
    .description("benchmark a running cluster: produce, consume or end-to-end latency and throughput")
    .addHelpText(
      "after",
      "\nExamples:\n  helix bench produce --count 200000 --record-size 1024\n  helix bench e2e --duration 30 --json",
    );
  for (const mode of ["produce", "consume", "e2e"] as const) {
    bench
      .command(mode)
      .description(`${mode} benchmark`)
      .option(
        "--record-size <bytes>",
        "value size of each record",
        parseInteger("--record-size", timestampBytes, 1_000_000),
        100,
      )
      .option(
        "--count <n>",
        `records to move (default ${defaultCount})`,
        parseInteger("--count", 1, Number.MAX_SAFE_INTEGER),
      )
      .option(
        "--duration <seconds>",
        "run for this long instead of --count",
        parseInteger("--duration", 1, 86_400),
      )
      .option("--concurrency <n>", "Produce calls in flight", parseInteger("--concurrency", 1, 256), 4)
      .option(
        "--acks <none|leader|all>",
        "durability each Produce waits for",
        parseAcks,
        "ACKS_ALL" as AcksName,
      )
      .option(
        "--partitions <n>",
        "partitions when the topic is created",
        parseInteger("--partitions", 1, 1024),
        3,
      )
      .option("--topic <name>", "topic to use (created when missing)", "helix-bench")
      .addHelpText(
        "after",
        `\nExamples:\n  helix bench ${mode} --count 100000 --record-size 100\n  helix bench ${mode} --duration 10 --concurrency 8 --json`,
      )
      .action(async (options: BenchOptions, command: Command) => {
        if (options.count !== undefined && options.duration !== undefined) {
          throw new UsageError("pass --count or --duration, not both");
        }
        await withPool(command, async (pool, global) => {
          const result = await runBench(mode, pool, options, !global.json);
          printResult(result, global.json);
        });
      });
  }
}

async function runBench(
  mode: "produce" | "consume" | "e2e",
  pool: ClientPool,
  options: BenchOptions,
  showProgress: boolean,
) {
  await ensureTopic(pool, options.topic, options.partitions);
  const budget = new Budget(options);
  const tally = createTally();
  if (mode === "consume") await prefill(pool, options);
  const progress = budget.progress(showProgress);
  const startedAt = performance.now();
  const latencyOf = { produce: "Produce call", consume: "Fetch call", e2e: "record" }[mode];
  if (mode === "produce") await produceLoad(pool, options, budget, tally, progress);
  else if (mode === "consume") await consumeLoad(pool, options, budget, tally, progress);
  else await endToEndLoad(pool, options, budget, tally, progress);
  progress.stop();
  return summarize(mode, options.topic, latencyOf, tally, (performance.now() - startedAt) / 1000);
}

/** Where producers ask how many more records they may send (0: stop). */
interface RecordBudget {
  claim(wanted: number): number;
}

/** Hands out records until --count is used up or --duration has passed. */
class Budget implements RecordBudget {
  private claimed = 0;
  private readonly count: number;
  private readonly deadline: number;

  constructor(private readonly options: BenchOptions) {
    this.count = options.duration === undefined ? (options.count ?? defaultCount) : Number.POSITIVE_INFINITY;
    this.deadline =
      options.duration === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.duration * 1000;
  }

  claim(wanted: number): number {
    if (Date.now() >= this.deadline) return 0;
    const granted = Math.min(wanted, this.count - this.claimed);
    this.claimed += granted;
    return granted;
  }

  progress(enabled: boolean): Progress {
    const duration = this.options.duration;
    if (duration === undefined) return startProgress(this.count, "records", enabled);
    const bar = startProgress(duration, "s", enabled);
    const startedAt = Date.now();
    return {
      update: (_done, records) => bar.update((Date.now() - startedAt) / 1000, records),
      stop: () => bar.stop(),
    };
  }
}

async function ensureTopic(pool: ClientPool, topic: string, partitions: number): Promise<void> {
  try {
    await followLeader(pool, (client) => client.describeTopic(topic));
  } catch (error) {
    if (!HelixError.is(error, "UNKNOWN_TOPIC")) throw error;
    await followLeader(pool, (client) => client.createTopic({ name: topic, partitions }));
  }
}

/** Concurrency workers, each producing batches round-robin over the partitions until the budget ends. */
async function produceLoad(
  pool: ClientPool,
  options: BenchOptions,
  budget: RecordBudget,
  tally: BenchTally,
  progress: Progress,
  stamp = false,
): Promise<void> {
  const leaders = await partitionLeaders(pool, options.topic);
  let next = 0;
  const worker = async () => {
    for (
      let granted = budget.claim(benchBatchRecords);
      granted > 0;
      granted = budget.claim(benchBatchRecords)
    ) {
      const partition = leaders.partitions[next++ % leaders.partitions.length] as number;
      const records = Array.from(
        { length: granted },
        (): RecordMessage => ({ value: benchValue(options.recordSize, stamp), headers: [], timestampMs: 0 }),
      );
      const startedAt = performance.now();
      await followLeader(
        pool,
        (client) => client.produce({ topic: options.topic, partition, acks: options.acks, records }),
        leaders.leaderOf(partition),
      );
      if (!stamp) {
        tally.latency.recordValue(Math.max(1, Math.round((performance.now() - startedAt) * 1000)));
        tally.records += granted;
        tally.bytes += granted * options.recordSize;
        progress.update(tally.records, tally.records);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
}

function benchValue(size: number, stamp: boolean): Buffer {
  const value = Buffer.alloc(size, 0x61);
  if (stamp) value.writeDoubleBE(performance.timeOrigin + performance.now(), 0);
  return value;
}

/** Makes sure --count records exist to read; the writing is not measured. */
async function prefill(pool: ClientPool, options: BenchOptions): Promise<void> {
  if (options.count === undefined && options.duration !== undefined) return;
  const description = await followLeader(pool, (client) => client.describeTopic(options.topic));
  const stored = description.partitions.reduce(
    (sum, partition) => sum + partition.highWatermark - partition.logStartOffset,
    0,
  );
  const missing = (options.count ?? defaultCount) - stored;
  if (missing <= 0) return;
  const fill = new Budget({ ...options, count: missing });
  await produceLoad(pool, options, fill, createTally(), { update: () => {}, stop: () => {} });
}

/** One reader per partition from the earliest offset, until the budget ends or every partition is read. */
async function consumeLoad(
  pool: ClientPool,
  options: BenchOptions,
  budget: RecordBudget,
  tally: BenchTally,
  progress: Progress,
): Promise<void> {
  const leaders = await partitionLeaders(pool, options.topic);
  await Promise.all(
    leaders.partitions.map(async (partition) => {
      const address = leaders.leaderOf(partition);
      const [earliest] = await followLeader(
        pool,
        (client) =>
          client.listOffsets({ topic: options.topic, partitions: [partition], spec: "OFFSET_SPEC_EARLIEST" }),
        address,
      );
      let offset = Math.max(0, earliest?.offset ?? 0);
      for (;;) {
        const startedAt = performance.now();
        const response = await followLeader(
          pool,
          (client) =>
            client.fetch({
              topic: options.topic,
              partition,
              offset,
              maxBytes: 1024 * 1024,
              maxWaitMs: 0,
              minBytes: 0,
            }),
          address,
        );
        tally.latency.recordValue(Math.max(1, Math.round((performance.now() - startedAt) * 1000)));
        const granted = budget.claim(response.records.length);
        tally.records += granted;
        for (const record of response.records.slice(0, granted)) tally.bytes += record.value?.length ?? 0;
        progress.update(tally.records, tally.records);
        offset = response.nextOffset;
        if (
          granted < response.records.length ||
          (response.records.length === 0 && offset >= response.highWatermark)
        )
          return;
      }
    }),
  );
}

/** Producers stamp each value with its send time; one reader per partition measures each arrival. */
async function endToEndLoad(
  pool: ClientPool,
  options: BenchOptions,
  budget: RecordBudget,
  tally: BenchTally,
  progress: Progress,
): Promise<void> {
  const leaders = await partitionLeaders(pool, options.topic);
  const starts = await Promise.all(
    leaders.partitions.map(async (partition) => {
      const offsets = await followLeader(
        pool,
        (client) =>
          client.listOffsets({ topic: options.topic, partitions: [partition], spec: "OFFSET_SPEC_LATEST" }),
        leaders.leaderOf(partition),
      );
      return Math.max(0, offsets[0]?.offset ?? 0);
    }),
  );
  const produced = createTally();
  let producing = true;
  let drainDeadline = Number.POSITIVE_INFINITY;
  const readers = leaders.partitions.map(async (partition, index) => {
    let offset = starts[index] ?? 0;
    while (producing || (tally.records < produced.records && Date.now() < drainDeadline)) {
      const response = await followLeader(
        pool,
        (client) =>
          client.fetch({ topic: options.topic, partition, offset, maxWaitMs: 100, maxBytes: 1024 * 1024 }),
        leaders.leaderOf(partition),
      );
      const now = performance.timeOrigin + performance.now();
      for (const record of response.records) {
        const sentAt =
          record.value !== undefined && record.value.length >= timestampBytes
            ? record.value.readDoubleBE(0)
            : now;
        tally.latency.recordValue(Math.max(1, Math.round((now - sentAt) * 1000)));
        tally.records++;
        tally.bytes += record.value?.length ?? 0;
      }
      progress.update(tally.records, tally.records);
      offset = response.nextOffset;
    }
  });
  const countingBudget: RecordBudget = {
    claim: (wanted: number) => {
      const granted = budget.claim(wanted);
      produced.records += granted;
      return granted;
    },
  };
  await produceLoad(pool, options, countingBudget, produced, progress, true);
  producing = false;
  drainDeadline = Date.now() + drainTimeoutMs;
  await Promise.all(readers);
}
