/**
 * Captures golden request frames from librdkafka through kcat (`apt-get install -y kcat`): runs the
 * capture server and drives metadata listing, producing, a plain consumer and a balanced consumer group
 * against it, writing each distinct (api, version) request frame to test/fixtures/kcat/. librdkafka
 * uses flexible versions (ApiVersions v3 with header v2, compact encodings, tagged fields), which
 * KafkaJS never sends.
 *
 *   npx tsx packages/kafka-proxy/scripts/capture-kcat.ts
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startCaptureServer } from "./capture-server.js";

const fixtureDirectory = join(dirname(fileURLToPath(import.meta.url)), "../test/fixtures/kcat");
const topic = "capture-topic";

/** Runs kcat, feeding `input` on stdin, and stops it after `timeoutMs` (consumers never exit alone). */
function runKcat(name: string, args: readonly string[], input: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn("kcat", args, { stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGINT"), timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      console.log(`${name}: exit ${code ?? signal}\n  ${output.trim().split("\n").slice(0, 4).join("\n  ")}`);
      resolve();
    });
    child.stdin.end(input);
  });
}

async function main(): Promise<void> {
  const server = await startCaptureServer(fixtureDirectory);
  const broker = `127.0.0.1:${server.port}`;
  const common = ["-b", broker, "-X", "client.id=helix-capture-kcat"];
  await runKcat("metadata", [...common, "-L"], "", 5000);
  await runKcat(
    "produce",
    [...common, "-P", "-t", topic, "-K", ":", "-X", "enable.idempotence=true"],
    "key-1:hello helix\n",
    5000,
  );
  await runKcat("consume", [...common, "-C", "-t", topic, "-o", "beginning", "-c", "1", "-e"], "", 5000);
  await runKcat(
    "group",
    [
      ...common,
      "-G",
      "capture-group",
      "-X",
      "heartbeat.interval.ms=100",
      "-X",
      "auto.commit.interval.ms=100",
      topic,
    ],
    "",
    6000,
  );
  await server.close();
  console.log([...server.captured.keys()].sort().join("\n"));
}

await main();
