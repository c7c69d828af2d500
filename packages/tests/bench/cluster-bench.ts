/**
 * `npm run bench -- cluster [--batches=N] [--large-partitions=N]`: the issue 7 benchmark. Three real node
 * processes on loopback (replication factor 3), 1 KiB records, acks=all, batches of 100 records sent
 * as Kafka record batch bytes over gRPC (HelixClient) to each partition's leader:
 *   - produce records/s, MB/s and per-call latency p50/p99/p999 with 1 and with 16 concurrent
 *     producers on a 6-partition topic (partitions round robin per producer);
 *   - fetch throughput: every record of that topic read back from the leaders in stored-batch form;
 *   - the same produce with 16 producers spread over a topic of `--large-partitions` (1,000) partitions.
 * Latency percentiles are exact (every call's latency kept and sorted: at most a few thousand calls).
 * Every run is bounded by its batch count and a time limit; the cluster is started and stopped by this
 * script (by PID). Prints a markdown table, the machine and the load average before and after: other
 * work on the machine (other engineers' tests) loads the same cores and shows there.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { encodeRecordBatch, HelixError } from "@helixlog/core";
import { HelixClient } from "@helixlog/server";
import { ProcessCluster } from "../src/cluster/process-cluster.js";

const recordBytes = 1024;
const recordsPerBatch = 100;
const argument = (name: string, fallback: number) => {
  const raw = process.argv.find((each) => each.startsWith(`--${name}=`))?.split("=")[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
};
/** Batches per produce run (each 100 records of 1 KiB). */
const batchesPerRun = argument("batches", 400);
const largePartitions = argument("large-partitions", 1_000);
/** A run stops early past this, so a slow machine still finishes (the row says how much it moved). */
const runTimeLimitMs = 120_000;

let cluster: ProcessCluster | undefined;
const clients = new Map<string, HelixClient>();

function clientFor(address: string): HelixClient {
  let client = clients.get(address);
  if (client === undefined) {
    client = new HelixClient(address, { deadlineMs: 30_000 });
    clients.set(address, client);
  }
  return client;
}

async function startCluster(): Promise<string> {
  cluster = await ProcessCluster.create({ name: "cluster-bench" });
  await cluster.startAll();
  return cluster.grpcAddress(1);
}

/** Where each partition's leader serves gRPC, refreshed from Metadata. */
class Leaders {
  private readonly byPartition = new Map<number, string>();
  constructor(
    private readonly bootstrap: HelixClient,
    readonly topic: string,
  ) {}

  async refresh(): Promise<void> {
    const metadata = await this.bootstrap.metadata([this.topic]);
    const addresses = new Map(metadata.brokers.map((broker) => [broker.nodeId, broker.grpcAddress]));
    for (const partition of metadata.topics[0]?.partitions ?? []) {
      const address = addresses.get(partition.leader);
      if (address !== undefined) this.byPartition.set(partition.partition, address);
    }
  }

  clientFor(partition: number): HelixClient {
    const address = this.byPartition.get(partition);
    if (address === undefined) throw new Error(`no leader known for ${this.topic}-${partition}`);
    return clientFor(address);
  }
}

async function createTopic(bootstrap: HelixClient, name: string, partitions: number): Promise<Leaders> {
  await retryRetriable(() => bootstrap.createTopic({ name, partitions, replicationFactor: 3 }));
  const leaders = new Leaders(bootstrap, name);
  const deadline = Date.now() + 300_000;
  for (;;) {
    const metadata = await bootstrap.metadata([name]);
    const led = metadata.topics[0]?.partitions.filter((partition) => partition.leader > 0).length ?? 0;
    if (led === partitions) break;
    if (Date.now() > deadline) throw new Error(`${name}: ${led} of ${partitions} partitions have a leader`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  await leaders.refresh();
  return leaders;
}

async function retryRetriable<T>(attempt: () => Promise<T>, attempts = 50): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries >= attempts || !(HelixError.isInstance(error) && error.retriable)) throw error;
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  }
}

const batch = (() => {
  const value = new Uint8Array(recordBytes).fill(0x61);
  return Buffer.from(
    encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: Date.now(),
      records: Array.from({ length: recordsPerBatch }, (_, offsetDelta) => ({
        timestampDelta: 0,
        offsetDelta,
        key: null,
        value,
        headers: [],
      })),
    }),
  );
})();

interface ProduceRun {
  readonly label: string;
  readonly producers: number;
  readonly partitions: number;
  readonly batches: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
}

/** `producers` loops share `batches` sends; producer p starts at partition p and walks round robin. */
async function produceRun(label: string, leaders: Leaders, partitions: number, producers: number) {
  let next = 0;
  const latenciesMs: number[] = [];
  const started = performance.now();
  const endAt = Date.now() + runTimeLimitMs;
  await Promise.all(
    Array.from({ length: producers }, async (_, producer) => {
      let partition = producer % partitions;
      while (next < batchesPerRun && Date.now() < endAt) {
        next++;
        const sent = performance.now();
        await retryRetriable(async () => {
          try {
            return await leaders
              .clientFor(partition)
              .produce({ topic: leaders.topic, partition, acks: "ACKS_ALL", batches: batch });
          } catch (error) {
            if (HelixError.is(error, "NOT_LEADER")) await leaders.refresh();
            throw error;
          }
        });
        latenciesMs.push(performance.now() - sent);
        partition = (partition + producers) % partitions;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { label, producers, partitions, batches: latenciesMs.length, seconds, latenciesMs } as ProduceRun;
}

/** Reads every partition from offset 0 to its high watermark from the leaders, batches as stored. */
async function fetchAll(leaders: Leaders, partitions: number): Promise<{ records: number; seconds: number }> {
  const started = performance.now();
  let records = 0;
  await Promise.all(
    Array.from({ length: partitions }, async (_, partition) => {
      let offset = 0;
      for (let reads = 0; reads < 100_000; reads++) {
        const response = await leaders.clientFor(partition).fetch({
          topic: leaders.topic,
          partition,
          offset,
          maxBytes: 1024 * 1024,
          format: "FETCH_FORMAT_BATCHES",
        });
        records += response.nextOffset - offset;
        offset = response.nextOffset;
        if (offset >= response.highWatermark) break;
      }
    }),
  );
  return { records, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

function produceRow(run: ProduceRun): string {
  const records = run.batches * recordsPerBatch;
  const perSecond = records / run.seconds;
  const sorted = [...run.latenciesMs].sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(1);
  return (
    `| ${run.label} | ${run.partitions} | ${run.producers} | ${records.toLocaleString("en-US")} | ` +
    `${run.seconds.toFixed(2)} | ${Math.round(perSecond).toLocaleString("en-US")} | ` +
    `${((perSecond * recordBytes) / 1e6).toFixed(1)} | ${ms(percentile(sorted, 0.5))} | ` +
    `${ms(percentile(sorted, 0.99))} | ${ms(percentile(sorted, 0.999))} |`
  );
}

async function main(): Promise<void> {
  const loadBefore = loadavg().map((each) => each.toFixed(2));
  const cpu = cpus();
  console.log(
    `machine: ${cpu.length} x ${cpu[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
      `node ${process.version}; load average ${loadBefore.join(" ")}`,
  );
  const bootstrap = clientFor(await startCluster());
  const small = await createTopic(bootstrap, "bench-6", 6);
  const runs: ProduceRun[] = [];
  for (const producers of [1, 16]) {
    const run = await produceRun("produce", small, 6, producers);
    runs.push(run);
    console.log(produceRow(run));
  }
  const stored = runs.reduce((sum, run) => sum + run.batches * recordsPerBatch, 0);
  const fetched = await fetchAll(small, 6);
  if (fetched.records !== stored) throw new Error(`fetched ${fetched.records} records, produced ${stored}`);
  const fetchPerSecond = fetched.records / fetched.seconds;
  const createdAt = performance.now();
  const large = await createTopic(bootstrap, "bench-large", largePartitions);
  const createSeconds = (performance.now() - createdAt) / 1000;
  const largeRun = await produceRun("produce", large, largePartitions, 16);
  runs.push(largeRun);

  console.log(
    "\n| run | partitions | producers | records | seconds | records/s | MB/s | p50 ms | p99 ms | p999 ms |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const run of runs) console.log(produceRow(run));
  console.log(
    `| fetch (batches, from leaders) | 6 | 6 readers | ${fetched.records.toLocaleString("en-US")} | ` +
      `${fetched.seconds.toFixed(2)} | ${Math.round(fetchPerSecond).toLocaleString("en-US")} | ` +
      `${((fetchPerSecond * recordBytes) / 1e6).toFixed(1)} | | | |`,
  );
  console.log(
    `\ncreating the ${largePartitions}-partition topic until every partition had a leader: ${createSeconds.toFixed(1)} s`,
  );
  console.log(
    `load average before ${loadBefore.join(" ")}, after ${loadavg()
      .map((each) => each.toFixed(2))
      .join(" ")}`,
  );
}

try {
  await main();
} finally {
  for (const client of clients.values()) client.close();
  await cluster?.shutdown();
}
