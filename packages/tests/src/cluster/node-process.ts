import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import { loadSync } from "@grpc/proto-loader";
import { freePort } from "@helixlog/core/testing";
import { nodeArgumentsFor } from "./bundled-entry.js";

/**
 * Helpers for multi-process tests: start a real `helix start` node process (packages/server/src/main.ts,
 * compiled once per test process by `bundled-entry.ts`), wait for its readiness from its own output and
 * /health, talk to it over gRPC, stop it by PID. Every wait has a deadline; nothing sleeps for a fixed
 * time.
 */

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const protoRoot = join(repositoryRoot, "packages/server/proto");

export interface NodeProcess {
  readonly child: ChildProcess;
  readonly grpcAddress: string;
  readonly httpPort: number;
  readonly output: () => string;
  /** Resolves with the exit code (or signal) when the process ends. */
  readonly exited: Promise<number | string>;
}

/**
 * A port free right now, from below the kernel's ephemeral range, never handed out twice by one test
 * process (`@helixlog/core/testing`). Used where a real port must be known in advance (peers,
 * advertised Kafka address).
 */
export { freePort };

/** Environment variables for one node process, over the test process's own; `undefined` removes one. */
export type NodeEnvironment = Readonly<Record<string, string | undefined>>;

/** Starts a node process with the given flags; resolves once it printed its addresses. */
export async function startNodeProcess(
  flags: readonly string[],
  timeoutMs = 60_000,
  environment: NodeEnvironment = {},
): Promise<NodeProcess> {
  const main = await nodeArgumentsFor("packages/server/src/main.ts");
  const env = { ...process.env, ...environment };
  for (const [name, value] of Object.entries(environment)) if (value === undefined) delete env[name];
  const child = spawn(process.execPath, [...main, ...flags], {
    cwd: repositoryRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolveExit) =>
    child.once("exit", (code, signal) => resolveExit(code ?? signal ?? "unknown")),
  );
  const deadline = Date.now() + timeoutMs;
  let grpcAddress: string | undefined;
  let httpPort: number | undefined;
  while (grpcAddress === undefined || httpPort === undefined) {
    if (child.exitCode !== null)
      throw new Error(`node exited with ${child.exitCode} before it was up:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`node not up within ${timeoutMs} ms:\n${output}`);
    }
    grpcAddress = /gRPC\s+(\S+)/.exec(output)?.[1];
    const http = /HTTP\s+\S+:(\d+)/.exec(output)?.[1];
    httpPort = http === undefined ? undefined : Number(http);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
  return { child, grpcAddress, httpPort, output: () => output, exited };
}

export interface SingleNodeOptions {
  readonly dataDir: string;
  /** The Kafka listener's port, advertised as itself; a port free right now when omitted. */
  readonly kafkaPort?: number;
  /** Flags after the listener addresses (an object store, ...). */
  readonly extraFlags?: readonly string[];
  readonly environment?: NodeEnvironment;
  /** Bound on start-up and, separately, on reaching health. */
  readonly timeoutMs?: number;
}

export interface SingleNode extends NodeProcess {
  readonly kafkaPort: number;
}

/**
 * A one-node cluster in its own process: gRPC, HTTP and peer listeners on ports the OS picks, Kafka on
 * a known port (clients follow the advertised address); resolves once /health answers 200. A node
 * that never gets healthy is killed before the error is thrown.
 */
export async function startSingleNode(options: SingleNodeOptions): Promise<SingleNode> {
  const kafkaPort = options.kafkaPort ?? (await freePort());
  const kafka = `127.0.0.1:${kafkaPort}`;
  const flags = ["--data-dir", options.dataDir];
  for (const listener of ["grpc", "http", "peer"]) flags.push(`--${listener}-addr`, "127.0.0.1:0");
  flags.push("--kafka-addr", kafka, "--advertised-kafka-addr", kafka, ...(options.extraFlags ?? []));
  const node = await startNodeProcess(flags, options.timeoutMs, options.environment);
  try {
    await waitForHealthy(node, options.timeoutMs);
  } catch (error) {
    node.child.kill("SIGKILL");
    throw error;
  }
  return { ...node, kafkaPort };
}

/** Waits until /health answers 200 (the node sees a controller leader). */
export async function waitForHealthy(node: NodeProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${node.httpPort}/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`node not healthy within ${timeoutMs} ms:\n${node.output()}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

// biome-ignore lint/suspicious/noExplicitAny: clients generated at run time by proto-loader are untyped.
export type GrpcClient = any;

export function grpcClients(address: string): { log: GrpcClient; admin: GrpcClient; close: () => void } {
  const definition = loadSync(["helix/v1/log.proto", "helix/v1/admin.proto"], {
    includeDirs: [protoRoot],
    longs: Number,
    enums: String,
    defaults: true,
  });
  // biome-ignore lint/suspicious/noExplicitAny: see GrpcClient.
  const helix = (grpc.loadPackageDefinition(definition) as any).helix.v1;
  const log = new helix.Log(address, grpc.credentials.createInsecure());
  const admin = new helix.Admin(address, grpc.credentials.createInsecure());
  return {
    log,
    admin,
    close: () => {
      log.close();
      admin.close();
    },
  };
}

/** Calls a unary method with a deadline and returns its response. */
export function call<T>(
  client: GrpcClient,
  method: string,
  request: unknown,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise((resolveCall, reject) => {
    client[method](request, { deadline: Date.now() + timeoutMs }, (error: Error | null, response: T) =>
      error ? reject(error) : resolveCall(response),
    );
  });
}

/** Retries `attempt` on retriable gRPC errors (UNAVAILABLE: no leader yet) until the deadline. */
export async function retrying<T>(attempt: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (
        (code !== grpc.status.UNAVAILABLE && code !== grpc.status.DEADLINE_EXCEEDED) ||
        Date.now() > deadline
      )
        throw error;
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  }
}
