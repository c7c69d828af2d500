/**
 * `helix start` / `npm start`: runs one Helix node in this process until SIGTERM or SIGINT.
 *
 * Exit codes: 0 after a clean shutdown, 2 for a bad flag or config (the message says which and why),
 * 3 when stored data is corrupt, 4 for storage failures, 70 for anything else.
 */
import { readFileSync } from "node:fs";
import { exitCodes, FatalError, HelixError } from "@helixlog/core";
import { loadNodeConfig, type NodeConfig } from "./edges/node-config.js";
import { describeStartupError, formatHostPort, type RunningNode, runNode } from "./edges/run-node.js";

function log(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof FatalError) return error.exitCode;
  if (HelixError.is(error, "INVALID_CONFIG")) return exitCodes.usage;
  if (HelixError.is(error, "CORRUPT_DATA")) return exitCodes.corruption;
  if (HelixError.is(error, "DISK_FULL") || HelixError.is(error, "IO_ERROR")) return exitCodes.storage;
  return exitCodes.internal;
}

async function main(): Promise<void> {
  let config: NodeConfig | undefined;
  let running: RunningNode | undefined;
  try {
    config = loadNodeConfig({
      argv: process.argv.slice(2),
      environment: process.env,
      readFile: (path) => readFileSync(path, "utf8"),
    });
    running = await runNode(config, {
      log,
      onFailure: (error) => {
        process.stderr.write(
          `helix: node ${config?.nodeId} stopped: ${describeStartupError(error, config)}\n`,
        );
        process.exit(exitCodeFor(error));
      },
    });
  } catch (error) {
    process.stderr.write(`helix: cannot start: ${describeStartupError(error, config)}\n`);
    process.exit(exitCodeFor(error));
  }
  const grpc = `${config.grpcAddress.host}:${running.grpcPort}`;
  const kafka = `${config.kafkaAddress.host}:${running.kafkaPort}`;
  process.stdout.write(
    [
      `helix node ${config.nodeId} is up (data in ${config.dataDir})`,
      `  Kafka   ${kafka}   (advertised as ${formatHostPort(config.advertisedKafkaAddress)})`,
      `  gRPC    ${grpc}   (helix.v1.Log, helix.v1.Admin; reflection on)`,
      `  HTTP    ${config.httpAddress.host}:${running.httpPort}   (/metrics, /health)`,
      `  peers   ${formatHostPort(config.peerAddress)}   (${config.peers.size} voter${config.peers.size === 1 ? "" : "s"})`,
      `  try:    npm run helix -- --bootstrap ${grpc} topic create demo --partitions 3`,
      `          seq 10 | npm run helix -- --bootstrap ${grpc} produce demo`,
      `          npm run helix -- --bootstrap ${grpc} consume demo --from-beginning --max-messages 10`,
      `          or any Kafka client: kcat -b ${kafka} -L`,
      "",
    ].join("\n"),
  );
  const node = running;
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) {
      process.stderr.write("helix: second signal, exiting now\n");
      process.exit(exitCodes.internal);
    }
    signalled = true;
    log({ event: "shutdown", signal });
    node.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`helix: shutdown failed: ${describeStartupError(error, config)}\n`);
        process.exit(exitCodeFor(error));
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

await main();
