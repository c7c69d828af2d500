import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { defaultPorts } from "@helixlog/server";
import { type Command, Option } from "commander";
import { parseInteger } from "../options.js";
import { printLine } from "../output.js";
import { delay } from "../routing.js";

/**
 * `helix dev --nodes N`: a local N-node cluster of `helix start` child processes on the documented
 * ports (node i: Kafka 9091+i, gRPC 9189+i, peer 9289+i, HTTP 9643+i), data under ./data/node-i. It
 * prints one line when every node's /health is 200 (each sees a controller leader), forwards Ctrl-C and
 * SIGTERM to the nodes, and exits once they have; if a node dies on its own it stops the others.
 */

export const devNodesMax = 9;
/** A cold start replays logs and elects leaders; a minute is far beyond what a healthy start needs. */
export const readinessTimeoutMs = 60_000;
const healthPollMs = 100;

interface DevOptions {
  nodes: number;
  dataDirRoot: string;
  basePort?: number;
}

interface NodePorts {
  kafka: number;
  grpc: number;
  peer: number;
  http: number;
}

export function addDevCommand(program: Command): void {
  program
    .command("dev")
    .description("run a local cluster of N node processes until Ctrl-C")
    .option("--nodes <n>", `number of nodes (1..${devNodesMax})`, parseInteger("--nodes", 1, devNodesMax), 1)
    .option("--data-dir-root <dir>", "node i keeps its data in <dir>/node-i", "./data")
    .addOption(
      new Option(
        "--base-port <port>",
        "tests: node i uses ports P+4(i-1) .. P+4(i-1)+3 (Kafka, gRPC, peer, HTTP)",
      )
        .argParser(parseInteger("--base-port", 1024, 65_535 - 4 * devNodesMax))
        .hideHelp(),
    )
    .addHelpText(
      "after",
      [
        "",
        "Node i listens on Kafka 9091+i, gRPC 9189+i, peer 9289+i, HTTP 9643+i (node 1: 9092, 9190, 9290, 9644).",
        "",
        "Examples:",
        "  helix dev --nodes 3",
        "  helix dev --nodes 1 --data-dir-root /tmp/helix",
      ].join("\n"),
    )
    .action(async (options: DevOptions) => {
      process.exitCode = await runCluster(options);
    });
}

function portsOf(node: number, basePort: number | undefined): NodePorts {
  if (basePort === undefined) return defaultPorts(node);
  const first = basePort + 4 * (node - 1);
  return { kafka: first, grpc: first + 1, peer: first + 2, http: first + 3 };
}

interface DevNode {
  readonly id: number;
  readonly ports: NodePorts;
  readonly child: ChildProcess;
  readonly exited: Promise<number | string>;
}

async function runCluster(options: DevOptions): Promise<number> {
  const ids = Array.from({ length: options.nodes }, (_unused, index) => index + 1);
  const peers = ids.map((id) => `${id}=127.0.0.1:${portsOf(id, options.basePort).peer}`).join(",");
  const nodes = ids.map((id) => spawnNode(id, portsOf(id, options.basePort), peers, options.dataDirRoot));
  let stopping = false;
  const stopAll = () => {
    stopping = true;
    for (const node of nodes)
      if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill("SIGTERM");
  };
  process.once("SIGINT", stopAll);
  process.once("SIGTERM", stopAll);
  const firstExit = Promise.race(nodes.map((node) => node.exited.then((code) => ({ node, code }))));
  const outcome = await Promise.race([firstExit, waitForHealthy(nodes, () => stopping)]);
  if (outcome === "ready") {
    printLine(
      `helix dev: ${nodes.length}-node cluster ready; bootstrap 127.0.0.1:${nodes[0]?.ports.grpc} (gRPC), data under ${options.dataDirRoot}; Ctrl-C stops it`,
    );
  }
  if (outcome === "timed out") {
    process.stderr.write(
      `helix dev: not every node reported a controller leader within ${readinessTimeoutMs} ms (see the [node i] output above); stopping the cluster\n`,
    );
    stopAll();
    await Promise.all(nodes.map((node) => node.exited));
    return 3;
  }
  const failed = outcome === "ready" || outcome === "stopped" ? await firstExit : outcome;
  let exitCode = 0;
  if (!stopping) {
    process.stderr.write(
      `helix dev: node ${failed.node.id} exited unexpectedly (${failed.code}); stopping the others. Its output is above, prefixed [node ${failed.node.id}]\n`,
    );
    exitCode = 3;
    stopAll();
  }
  await Promise.all(nodes.map((node) => node.exited));
  process.off("SIGINT", stopAll);
  process.off("SIGTERM", stopAll);
  return exitCode;
}

function spawnNode(id: number, ports: NodePorts, peers: string, dataDirRoot: string): DevNode {
  const flags = [
    "start",
    `--node-id=${id}`,
    `--peers=${peers}`,
    `--data-dir=${join(dataDirRoot, `node-${id}`)}`,
    `--kafka-addr=127.0.0.1:${ports.kafka}`,
    `--grpc-addr=127.0.0.1:${ports.grpc}`,
    `--peer-addr=127.0.0.1:${ports.peer}`,
    `--http-addr=127.0.0.1:${ports.http}`,
  ];
  // The same bin, the same way it was started (under tsx from source, or the built dist/bin.js). Each
  // node gets its own process group so a terminal's Ctrl-C reaches only us; we forward one SIGTERM,
  // because a node treats a second signal as "exit now".
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1] as string, ...flags], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  prefixLines(child.stdout, `[node ${id}] `, process.stderr);
  prefixLines(child.stderr, `[node ${id}] `, process.stderr);
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return { id, ports, child, exited };
}

function prefixLines(
  stream: NodeJS.ReadableStream | null,
  prefix: string,
  target: NodeJS.WritableStream,
): void {
  let partial = "";
  stream?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) target.write(`${prefix}${line}\n`);
  });
}

async function waitForHealthy(
  nodes: readonly DevNode[],
  stopping: () => boolean,
): Promise<"ready" | "stopped" | "timed out"> {
  const deadline = Date.now() + readinessTimeoutMs;
  for (;;) {
    if (stopping()) return "stopped";
    const healthy = await Promise.all(nodes.map((node) => isHealthy(node.ports.http)));
    if (healthy.every(Boolean)) return "ready";
    if (Date.now() > deadline) return "timed out";
    await delay(healthPollMs);
  }
}

async function isHealthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
