/**
 * CRC32C: table (slice-by-8, pure TypeScript) against native (@node-rs/crc32, SSE4.2 through N-API),
 * by input size. The crossover decides `nativeThresholdBytes` in src/crc32c.ts.
 *
 *   npx tsx packages/core/bench/crc32c-bench.ts [--json]
 */
import { crc32cNative, crc32cTable } from "../src/crc32c.js";

const sizes = [16, 32, 64, 128, 256, 512, 1024, 4096, 65536, 1048576];
const budgetMs = 250;

function measure(checksum: (data: Uint8Array) => number, data: Uint8Array): number {
  let sink = 0;
  // Warm up, then count calls within a fixed time budget.
  for (let i = 0; i < 1000; i++) sink ^= checksum(data);
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 100; i++) sink ^= checksum(data);
    calls += 100;
    elapsed = performance.now() - started;
  }
  if (sink === 0.5) console.log(sink); // keep the result alive
  return (calls * data.length) / (elapsed / 1000) / 1e6;
}

const rows = sizes.map((size) => {
  const data = Uint8Array.from({ length: size }, (_, i) => (i * 131) & 0xff);
  const table = measure(crc32cTable, data);
  const native = measure(crc32cNative, data);
  return {
    size,
    tableMBps: Math.round(table),
    nativeMBps: Math.round(native),
    faster: native > table ? "native" : "table",
  };
});

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows));
} else {
  console.log("| input bytes | table MB/s | native MB/s | faster |");
  console.log("|---:|---:|---:|---|");
  for (const row of rows)
    console.log(`| ${row.size} | ${row.tableMBps} | ${row.nativeMBps} | ${row.faster} |`);
}
