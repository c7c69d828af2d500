/**
 * WAL benchmark: durable appends of 100 B, 1 KiB and 16 KiB entries at concurrency 1, 16, 256 and
 * 4,096 (each concurrent writer its own Raft group), against the physical limit measured in the same
 * run on the same filesystem: a raw write + fdatasync loop overwriting a preallocated file, at the same
 * entry size (for a lone writer) or at 1 MiB per fdatasync (bandwidth), measured just before each cell.
 *
 *   npx tsx packages/wal/bench/wal-bench.ts [--seconds 2] [--dir /path/on/the/same/fs]
 *     [--sizes 100,1024,16384] [--concurrency 1,16,256,4096] [--release]
 *   npm run bench -- wal --sizes=16384 --release          (through npm: the `=` form)
 *
 * With `--release`, every writer releases its group's entries every 16 appends (as a node does once the
 * partition store has flushed them), so sealed segments are reclaimed and their files recycled.
 *
 * Each cell first warms up, unmeasured: `--warmup` seconds (default 0.5), and with `--release` also until
 * the first segments were reclaimed (at most 20 s), so the cell measures the steady state of a log that
 * is released, not the first cycle of a fresh directory, which has no spare segment yet. Then it
 * measures for `--seconds` or 200,000 appends, whichever comes first. Prints a markdown table;
 * WAL_BENCH_DEBUG=1 also prints each cell's WAL statistics at the start and end of its measurement.
 */
import { execSync, spawnSync } from "node:child_process";
import { constants } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GroupId, LogIndex, Term } from "@helixlog/core";

// Workspace packages resolve to their TypeScript sources only under the `source` condition; `npx tsx`
// alone would look for built `dist` files, so the script re-runs itself with the condition set.
if (!process.execArgv.some((flag) => flag.includes("conditions=source"))) {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    ["--conditions=source", "--import", "tsx", self, ...process.argv.slice(2)],
    {
      stdio: "inherit",
    },
  );
  process.exit(child.status ?? 1);
}
const { NodeDisk } = await import("../src/node-disk.js");
const { Wal } = await import("../src/wal.js");

/** `--name value` or `--name=value` (the form `npm run bench -- wal` passes through). */
const argument = (name: string, fallback: string) => {
  const joined = process.argv.find((value) => value.startsWith(`--${name}=`));
  if (joined !== undefined) return joined.slice(name.length + 3);
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const cellSeconds = Number(argument("seconds", "2"));
const baseDirectory = argument("dir", tmpdir());
const appendsPerCellMax = 200_000;
const listArgument = (name: string, fallback: string) =>
  argument(name, fallback)
    .split(",")
    .map((value) => Number(value));
const sizes = listArgument("sizes", "100,1024,16384");
const concurrencies = listArgument("concurrency", "1,16,256,4096");
const releasing = process.argv.includes("--release");
const releaseEveryAppends = 16;
const segmentSizeBytes = Number(argument("segment-bytes", String(64 * 1024 * 1024)));
const rawFileBytes = 64 * 1024 * 1024;
const warmupSeconds = Number(argument("warmup", "0.5"));
const releaseWarmupSecondsMax = 20;

interface Result {
  operations: number;
  seconds: number;
  payloadBytes: number;
  latenciesMs: number[];
  syncs?: number;
  segments?: string;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function summarize(result: Result) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    perSecond: result.operations / result.seconds,
    megabytesPerSecond: result.payloadBytes / result.seconds / 1e6,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
  };
}

async function benchWal(directory: string, size: number, concurrency: number): Promise<Result> {
  const wal = await Wal.open(new NodeDisk(directory), {
    directory: `wal-${size}-${concurrency}`,
    segmentSizeBytes,
  });
  const data = new Uint8Array(size).fill(7);
  const latenciesMs: number[] = [];
  const warmupEnds = performance.now() + warmupSeconds * 1000;
  const warmupDeadline = performance.now() + releaseWarmupSecondsMax * 1000;
  let measuring = false;
  let begin = 0;
  let deadline = Number.POSITIVE_INFINITY;
  let before = { ...wal.statistics };
  const warmedUp = (now: number) =>
    now >= warmupEnds && (!releasing || wal.statistics.segmentsRemoved > 0 || now >= warmupDeadline);
  async function writer(group: number): Promise<void> {
    let index = 1;
    while (latenciesMs.length < appendsPerCellMax) {
      const t0 = performance.now();
      if (!measuring && warmedUp(t0)) {
        measuring = true;
        begin = t0;
        deadline = t0 + cellSeconds * 1000;
        before = { ...wal.statistics };
      }
      if (t0 >= deadline) break;
      const measured = measuring;
      await wal.append(group as GroupId, {
        entries: [{ index: index as LogIndex, term: 1 as Term, type: 1, data }],
      });
      if (measured) latenciesMs.push(performance.now() - t0);
      if (releasing && index % releaseEveryAppends === 0) {
        // Not awaited: it joins the next group commit like any other record.
        wal.release(group as GroupId, { index: index as LogIndex, term: 1 as Term }).catch(() => undefined);
      }
      index++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, i) => writer(i + 1)));
  const seconds = (performance.now() - begin) / 1000;
  const after = wal.statistics;
  if (process.env.WAL_BENCH_DEBUG)
    console.error(JSON.stringify({ seconds: (performance.now() - begin) / 1000, before, after }));
  const syncs = after.commits - before.commits;
  const created = after.segmentsCreated - before.segmentsCreated;
  const recycled = after.segmentsRecycled - before.segmentsRecycled;
  const grown = after.segmentsGrown - before.segmentsGrown;
  await wal.close();
  return {
    operations: latenciesMs.length,
    seconds,
    payloadBytes: latenciesMs.length * size,
    latenciesMs,
    syncs,
    segments: `${created} (${recycled}, ${grown})`,
  };
}

/** Creates the raw benchmark's file once: preallocated (zero-filled and synced), as WAL segments are. */
async function preallocatedRawFile(directory: string) {
  const file = await open(join(directory, "raw"), constants.O_RDWR | constants.O_CREAT, 0o644);
  const zeros = new Uint8Array(1024 * 1024);
  for (let position = 0; position < rawFileBytes; position += zeros.length)
    await file.write(zeros, 0, zeros.length, position);
  await file.sync();
  return file;
}

/** The physical limit: write `size` bytes then fdatasync, overwriting the preallocated file, in a loop. */
async function benchRaw(
  file: Awaited<ReturnType<typeof open>>,
  size: number,
  seconds: number,
): Promise<Result> {
  const data = new Uint8Array(size).fill(7);
  const latenciesMs: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const begin = performance.now();
  let position = 0;
  while (performance.now() < deadline && latenciesMs.length < appendsPerCellMax) {
    const t0 = performance.now();
    await file.write(data, 0, size, position);
    await file.datasync();
    latenciesMs.push(performance.now() - t0);
    position = (position + size) % (rawFileBytes - size);
  }
  const seconds_ = (performance.now() - begin) / 1000;
  return {
    operations: latenciesMs.length,
    seconds: seconds_,
    payloadBytes: latenciesMs.length * size,
    latenciesMs,
  };
}

function describeMachine(): string {
  const run = (command: string) => {
    try {
      return execSync(command, { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  };
  return [
    `- CPU: ${cpus().length} cores (nproc ${run("nproc")}), ${cpus()[0]?.model ?? "unknown"}`,
    `- kernel: ${run("uname -r")}; Node ${process.version}`,
    `- directory: ${baseDirectory} on ${run(`df -h --output=source,fstype,size ${baseDirectory} | tail -1`)}`,
  ].join("\n");
}

const format = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

/**
 * Other work on the machine moves fdatasync latency by an order of magnitude from minute to minute, so
 * each WAL cell is compared with a raw measurement taken right before it: the same entry size for a lone
 * appender (latency), 1 MiB per fdatasync for concurrent ones (bandwidth).
 */
async function main(): Promise<void> {
  const directory = await mkdtemp(join(baseDirectory, "helix-wal-bench-"));
  const rawFile = await preallocatedRawFile(directory);
  try {
    console.log(
      `## WAL benchmark (${cellSeconds} s per cell after a ${warmupSeconds} s warm-up${releasing ? " and the first reclamation" : ""}, raw reference ${cellSeconds / 2} s just before${releasing ? ", writers release every 16 appends" : ""})\n\n${describeMachine()}\n- load average before: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(", ")}\n`,
    );
    console.log(
      "| entry bytes | concurrency | appends/s | MB/s | p50 ms | p99 ms | appends per fdatasync | new segments (recycled, grown) | raw reference | WAL vs raw |\n|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    );
    for (const size of sizes) {
      for (const concurrency of concurrencies) {
        const lone = concurrency === 1;
        const raw = summarize(await benchRaw(rawFile, lone ? size : 1024 * 1024, cellSeconds / 2));
        const result = await benchWal(directory, size, concurrency);
        const summary = summarize(result);
        const reference = lone
          ? `${size} B: p50 ${format(raw.p50, 3)} ms`
          : `1 MiB/fdatasync: ${format(raw.megabytesPerSecond, 0)} MB/s`;
        const comparison = lone
          ? `p50 ${format(summary.p50 / raw.p50, 2)}×`
          : `${format((100 * summary.megabytesPerSecond) / raw.megabytesPerSecond, 0)}% of MB/s`;
        console.log(
          `| ${size} | ${concurrency} | ${format(summary.perSecond)} | ${format(summary.megabytesPerSecond, 1)} | ${format(summary.p50, 3)} | ${format(summary.p99, 3)} | ${format(result.operations / (result.syncs ?? 1), 1)} | ${result.segments} | ${reference} | ${comparison} |`,
        );
      }
    }
  } finally {
    await rawFile.close();
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
