import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Admin } from "kafkajs";
import {
  freePort,
  type GrpcClient,
  grpcClients,
  type NodeProcess,
  startNodeProcess,
  waitForHealthy,
} from "./node-process.js";

/**
 * A cluster of real `helix start` node processes on loopback for multi-process tests and benchmarks:
 * ports chosen up front (every node must know its peers' addresses and the addresses it advertises),
 * one data directory per node under a temporary root, start/stop/restart by node id and PID, gRPC
 * clients per node, and every incarnation's output kept for a failing test to print.
 */

export interface NodePorts {
  readonly grpc: number;
  readonly http: number;
  readonly peer: number;
  readonly kafka: number;
}

export interface NodeClients {
  readonly log: GrpcClient;
  readonly admin: GrpcClient;
  readonly close: () => void;
}

export interface ProcessClusterOptions {
  /** Node ids, 1..N. Defaults to three nodes. */
  readonly size?: number;
  /** Prefix of the temporary data root (under the OS temp directory). */
  readonly name: string;
  /** Bound on one node's start-up and on reaching health; generous, CI shares 2 cores. */
  readonly startTimeoutMs?: number;
  /** Flags added to every node's command line (after the addresses). */
  readonly extraFlags?: (id: number) => readonly string[];
}

export class ProcessCluster {
  readonly ids: readonly number[];
  readonly dataRoot: string;
  readonly processes = new Map<number, NodeProcess>();
  /** Every incarnation of every node, in start order. */
  readonly incarnations: { readonly id: number; readonly output: () => string }[] = [];
  private readonly clientsById = new Map<number, NodeClients>();

  private constructor(
    readonly ports: ReadonlyMap<number, NodePorts>,
    private readonly options: ProcessClusterOptions,
  ) {
    this.ids = [...ports.keys()];
    this.dataRoot = mkdtempSync(join(tmpdir(), `helix-${options.name}-`));
  }

  /** Chooses the ports; starts nothing. */
  static async create(options: ProcessClusterOptions): Promise<ProcessCluster> {
    const size = options.size ?? 3;
    if (!Number.isInteger(size) || size < 1) throw new Error(`cluster size must be a positive integer`);
    const ports = new Map<number, NodePorts>();
    for (let id = 1; id <= size; id++) {
      ports.set(id, {
        grpc: await freePort(),
        http: await freePort(),
        peer: await freePort(),
        kafka: await freePort(),
      });
    }
    return new ProcessCluster(ports, options);
  }

  private portsOf(id: number): NodePorts {
    const ports = this.ports.get(id);
    if (ports === undefined) throw new Error(`no node ${id} in this cluster (nodes ${this.ids.join(", ")})`);
    return ports;
  }

  grpcAddress(id: number): string {
    return `127.0.0.1:${this.portsOf(id).grpc}`;
  }

  kafkaAddress(id: number): string {
    return `127.0.0.1:${this.portsOf(id).kafka}`;
  }

  dataDir(id: number): string {
    return join(this.dataRoot, `node-${id}`);
  }

  flagsFor(id: number): string[] {
    const own = this.portsOf(id);
    const peers = [...this.ports].map(([peer, each]) => `${peer}=127.0.0.1:${each.peer}`).join(",");
    return [
      "--node-id",
      String(id),
      "--peers",
      peers,
      "--data-dir",
      this.dataDir(id),
      "--grpc-addr",
      `127.0.0.1:${own.grpc}`,
      "--http-addr",
      `127.0.0.1:${own.http}`,
      "--peer-addr",
      `127.0.0.1:${own.peer}`,
      "--kafka-addr",
      `127.0.0.1:${own.kafka}`,
      "--advertised-kafka-addr",
      `127.0.0.1:${own.kafka}`,
      ...(this.options.extraFlags?.(id) ?? []),
    ];
  }

  /** Starts node `id` and waits until it answers /health (it sees a controller leader). */
  async start(id: number): Promise<NodeProcess> {
    if (this.isUp(id)) throw new Error(`node ${id} is already running`);
    const timeoutMs = this.options.startTimeoutMs ?? 120_000;
    const node = await startNodeProcess(this.flagsFor(id), timeoutMs);
    this.processes.set(id, node);
    this.incarnations.push({ id, output: node.output });
    await waitForHealthy(node, timeoutMs);
    return node;
  }

  /** Starts every node at once (a lone node cannot elect a controller, so they must come up together). */
  async startAll(): Promise<void> {
    await Promise.all(this.ids.map((id) => this.start(id)));
  }

  /** Stops node `id` by its PID and waits for the exit; returns the exit code or signal. */
  async stop(id: number, signal: "SIGTERM" | "SIGKILL"): Promise<number | string> {
    const node = this.processes.get(id);
    if (node === undefined) throw new Error(`node ${id} was never started`);
    if (this.isUp(id)) node.child.kill(signal);
    return node.exited;
  }

  isUp(id: number): boolean {
    const child = this.processes.get(id)?.child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** gRPC Log and Admin clients of node `id` (the same ones across restarts: the address is fixed). */
  clients(id: number): NodeClients {
    let clients = this.clientsById.get(id);
    if (clients === undefined) {
      clients = grpcClients(this.grpcAddress(id));
      this.clientsById.set(id, clients);
    }
    return clients;
  }

  /**
   * Tries `attempt` on each running node in turn until one succeeds (a NOT_LEADER answer or an
   * unavailable node moves on to the next), until the deadline; then throws the last error.
   */
  async onAnyNode<T>(
    attempt: (client: NodeClients, id: number) => Promise<T>,
    timeoutMs = 60_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown = new Error("no node is running");
    while (Date.now() < deadline) {
      for (const id of this.ids) {
        if (!this.isUp(id)) continue;
        try {
          return await attempt(this.clients(id), id);
        } catch (error) {
          lastError = error;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw lastError;
  }

  /** The tail of every incarnation's output, for a failing test to print. */
  outputTails(bytes = 6_000): string {
    return this.incarnations.map(({ id, output }) => `--- node ${id}\n${output().slice(-bytes)}`).join("\n");
  }

  /** Stops every node gracefully (SIGTERM), waits up to `graceMs`, then destroys what is left. */
  async shutdown(graceMs = 15_000): Promise<void> {
    const running = this.ids.filter((id) => this.isUp(id));
    await Promise.race([
      Promise.all(running.map((id) => this.stop(id, "SIGTERM"))),
      new Promise((resolveWait) => setTimeout(resolveWait, graceMs)),
    ]);
    await this.destroy();
  }

  /**
   * Waits until Kafka Metadata through `admin` lists every node of the cluster: each registers its
   * advertised Kafka address with the controller after it starts, and a topic spread over all of them
   * can be placed only then.
   */
  async waitForKafkaBrokers(admin: Admin, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await admin.describeCluster()).brokers.length < this.ids.length) {
      if (Date.now() > deadline) throw new Error("the brokers did not all register");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Closes clients, kills every running node (SIGKILL, by PID), removes the data root. */
  async destroy(): Promise<void> {
    for (const clients of this.clientsById.values()) clients.close();
    this.clientsById.clear();
    const running = this.ids.filter((id) => this.isUp(id));
    await Promise.all(running.map((id) => this.stop(id, "SIGKILL")));
    rmSync(this.dataRoot, { recursive: true, force: true });
  }
}
