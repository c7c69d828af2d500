import { SingleBar } from "cli-progress";
import { build, type Histogram } from "hdr-histogram-js";
import { printJson, printLine, printTable } from "../output.js";

/**
 * What a benchmark measures and how it is shown: latencies in an HDR histogram (microseconds, three
 * significant digits), throughput from the wall time, and a live bar only when a person is watching.
 */

export interface BenchTally {
  readonly latency: Histogram;
  records: number;
  bytes: number;
}

export function createTally(): BenchTally {
  return {
    latency: build({ lowestDiscernibleValue: 1, numberOfSignificantValueDigits: 3 }),
    records: 0,
    bytes: 0,
  };
}

export interface BenchResult {
  readonly mode: string;
  readonly topic: string;
  /** What each latency sample is: one Produce call, one Fetch call, or one record from produce to fetch. */
  readonly latencyOf: string;
  readonly records: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number; samples: number };
}

export function summarize(
  mode: string,
  topic: string,
  latencyOf: string,
  tally: BenchTally,
  seconds: number,
): BenchResult {
  const percentile = (value: number) => tally.latency.getValueAtPercentile(value) / 1000;
  return {
    mode,
    topic,
    latencyOf,
    records: tally.records,
    bytes: tally.bytes,
    seconds: Number(seconds.toFixed(3)),
    recordsPerSecond: Math.round(tally.records / seconds),
    megabytesPerSecond: Number((tally.bytes / seconds / 1_000_000).toFixed(2)),
    latencyMs: {
      p50: percentile(50),
      p90: percentile(90),
      p99: percentile(99),
      p999: percentile(99.9),
      max: tally.latency.maxValue / 1000,
      samples: tally.latency.totalCount,
    },
  };
}

export function printResult(result: BenchResult, json: boolean): void {
  if (json) {
    printJson(result);
    return;
  }
  printLine(
    `bench ${result.mode} on ${result.topic}: ${result.records} records, ${result.bytes} bytes in ${result.seconds.toFixed(2)} s`,
  );
  printLine(`  throughput ${result.recordsPerSecond} records/s, ${result.megabytesPerSecond} MB/s`);
  const latency = result.latencyMs;
  printTable(
    [`latency (ms) per ${result.latencyOf}`, "p50", "p90", "p99", "p99.9", "max", "samples"],
    [["", latency.p50, latency.p90, latency.p99, latency.p999, latency.max, latency.samples]],
  );
}

/** A progress bar on a terminal (records, or seconds with --duration); a no-op otherwise. */
export interface Progress {
  /** `done` is in the bar's unit (records or seconds); `records` feeds the rate. */
  update(done: number, records: number): void;
  stop(): void;
}

export function startProgress(total: number, unit: string, enabled: boolean): Progress {
  if (!enabled || process.stdout.isTTY !== true) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: `{bar} {percentage}% | {value}/{total} ${unit} | {rate} records/s`,
    hideCursor: true,
  });
  bar.start(total, 0, { rate: 0 });
  const startedAt = performance.now();
  return {
    update: (done, records) => {
      const seconds = Math.max((performance.now() - startedAt) / 1000, 0.001);
      bar.update(Math.min(Math.floor(done), total), { rate: Math.round(records / seconds) });
    },
    stop: () => bar.stop(),
  };
}
