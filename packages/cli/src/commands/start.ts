import { readFileSync } from "node:fs";
import { exitCodes, FatalError, HelixError } from "@helixlog/core";
import {
  describeStartupError,
  formatHostPort,
  loadNodeConfig,
  type NodeConfig,
  type RunningNode,
  runNode,
} from "@helixlog/server";
import type { Command } from "commander";

/**
 * `helix start`: one node in this process, exactly as `npm start` (packages/server/src/main.ts) runs
 * it. Flags are validated by commander for the help text, then handed to `loadNodeConfig` unchanged so
 * the precedence (flag, HELIX_* environment, --config file, default) stays in one place.
 */

/** The node settings `helix start` passes through (DESIGN.md §8). */
export const startFlags = [
  ["node-id", "<n>", "this node's id (default 1)"],
  ["peers", "<id=host:port,...>", "peer addresses of every voter, this node included"],
  ["data-dir", "<dir>", "data directory (default ./data/node-<id>)"],
  ["kafka-addr", "<host:port>", "Kafka listen address"],
  ["grpc-addr", "<host:port>", "gRPC listen address"],
  ["peer-addr", "<host:port>", "peer (Raft) listen address"],
  ["http-addr", "<host:port>", "HTTP listen address (/metrics, /health)"],
  ["advertised-kafka-addr", "<host:port>", "the Kafka address clients are told to use"],
  ["object-store", "<file|s3>", "where tiered segments go (default file)"],
  ["object-store-dir", "<dir>", "the file object store's directory (default <data-dir>/tier)"],
  ["s3-bucket", "<name>", "S3 bucket of the s3 object store"],
  ["s3-region", "<region>", "S3 region (default us-east-1)"],
  ["s3-endpoint", "<url>", "S3-compatible endpoint, e.g. http://127.0.0.1:9000"],
  ["s3-prefix", "<prefix/>", "key prefix inside the bucket, ending in /"],
  ["s3-path-style", "<true|false>", "bucket in the path (most S3-compatible servers)"],
  ["auto-create-topics-enable", "<true|false>", "Kafka Metadata creates unknown topics (default false)"],
  ["num-partitions", "<n>", "partitions of a Kafka topic created without a count (default 1)"],
  [
    "default-replication-factor",
    "<n>",
    "replication factor of a Kafka topic created without one (default min(3, nodes))",
  ],
  [
    "group-initial-rebalance-delay-ms",
    "<ms>",
    "first join of an empty Kafka consumer group waits this long for more members (default 3000)",
  ],
  [
    "cluster-id",
    "<id>",
    "the id a new cluster gets when this node bootstraps it (default: random, 22 characters as in Kafka)",
  ],
  ["config", "<file>", "a JSON file of the same settings"],
] as const;

export function addStartCommand(program: Command): void {
  const start = program
    .command("start")
    .description("run a Helix node in this process until Ctrl-C or SIGTERM")
    .addHelpText(
      "after",
      [
        "",
        "Each flag can also be set as HELIX_<NAME> (e.g. HELIX_DATA_DIR) or in --config FILE.",
        "With no flags this is node 1 of a one-node cluster: Kafka 9092, gRPC 9190, peer 9290, HTTP 9644.",
        "",
        "Examples:",
        "  helix start",
        "  helix start --node-id 2 --peers 1=127.0.0.1:9290,2=127.0.0.1:9291,3=127.0.0.1:9292 \\",
        "    --grpc-addr 127.0.0.1:9191 --peer-addr 127.0.0.1:9291 --http-addr 127.0.0.1:9645 --kafka-addr 127.0.0.1:9093",
      ].join("\n"),
    );
  for (const [name, value, description] of startFlags) start.option(`--${name} ${value}`, description);
  start.action(async (options: Record<string, string | undefined>) => {
    await startNode(argvOf(options));
  });
}

/** Rebuilds `--name value` pairs from commander's camelCased option values. */
function argvOf(options: Record<string, string | undefined>): string[] {
  const argv: string[] = [];
  for (const [name] of startFlags) {
    const value = options[name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())];
    if (value !== undefined) argv.push(`--${name}`, value);
  }
  return argv;
}

function log(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`);
}

/** main.ts's exit codes: the node's, not the client commands' (a node has no "connection error"). */
function nodeExitCodeFor(error: unknown): number {
  if (error instanceof FatalError) return error.exitCode;
  if (HelixError.is(error, "INVALID_CONFIG")) return exitCodes.usage;
  if (HelixError.is(error, "CORRUPT_DATA")) return exitCodes.corruption;
  if (HelixError.is(error, "DISK_FULL") || HelixError.is(error, "IO_ERROR")) return exitCodes.storage;
  return exitCodes.internal;
}

async function startNode(argv: string[]): Promise<void> {
  let config: NodeConfig | undefined;
  let running: RunningNode;
  try {
    config = loadNodeConfig({
      argv,
      environment: process.env,
      readFile: (path) => readFileSync(path, "utf8"),
    });
    const loaded = config;
    running = await runNode(loaded, {
      log,
      onFailure: (error) => {
        process.stderr.write(
          `helix: node ${loaded.nodeId} stopped: ${describeStartupError(error, loaded)}\n`,
        );
        process.exit(nodeExitCodeFor(error));
      },
    });
  } catch (error) {
    process.stderr.write(`helix: cannot start: ${describeStartupError(error, config)}\n`);
    process.exit(nodeExitCodeFor(error));
  }
  printBanner(config, running);
  stopOnSignals(config, running);
}

function printBanner(config: NodeConfig, running: RunningNode): void {
  const grpc = `${config.grpcAddress.host}:${running.grpcPort}`;
  const voters = config.peers.size;
  process.stdout.write(
    [
      `helix node ${config.nodeId} is up (data in ${config.dataDir})`,
      `  gRPC    ${grpc}   (helix.v1.Log, helix.v1.Admin; reflection on)`,
      `  HTTP    ${config.httpAddress.host}:${running.httpPort}   (/metrics, /health)`,
      `  peers   ${formatHostPort(config.peerAddress)}   (${voters} voter${voters === 1 ? "" : "s"})`,
      `  try:    helix --bootstrap ${grpc} topic create demo --partitions 3`,
      `          seq 10 | helix --bootstrap ${grpc} produce demo`,
      `          helix --bootstrap ${grpc} consume demo --from-beginning`,
      "",
    ].join("\n"),
  );
}

/** The first signal stops the node cleanly (exit 0); a second one exits at once. */
function stopOnSignals(config: NodeConfig, running: RunningNode): void {
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) {
      process.stderr.write("helix: second signal, exiting now\n");
      process.exit(exitCodes.internal);
    }
    signalled = true;
    log({ event: "shutdown", signal });
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`helix: shutdown failed: ${describeStartupError(error, config)}\n`);
        process.exit(nodeExitCodeFor(error));
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
