import { mkdir } from "node:fs/promises";
import { HelixError, type NodeId, type ObjectStore, SeededRng, systemClock } from "@helixlog/core";
import { startKafkaListener } from "@helixlog/kafka-proxy";
import { FileSystemObjectStore, S3ObjectStore } from "@helixlog/tier";
import { NodeDisk } from "@helixlog/wal";
import { Counter, Gauge, type Registry } from "prom-client";
import { HelixNode } from "../node/helix-node.js";
import { decodeEnvelope, encodeEnvelope } from "./envelope-codec.js";
import { nodeFlowOptionsFromEnvironment, registerFlowMetrics } from "./flow/flow-metrics.js";
import { NodeFlow } from "./flow/node-flow.js";
import { startGrpcApi } from "./grpc-api.js";
import { createMetricsRegistry, HttpServer } from "./http-server.js";
import { HelixKafkaBackend } from "./kafka-backend.js";
import { type HostPort, type NodeConfig, type ObjectStoreConfig, randomClusterId } from "./node-config.js";
import { PeerTransport } from "./peer-transport.js";

/**
 * Starts a whole node from its configuration: the data directory, the peer transport, the node core
 * ticking on the real clock, the gRPC API, the Kafka listener and the HTTP endpoint. Returns a handle whose `stop()` shuts
 * everything down in the reverse order (the edge calls it on SIGTERM).
 */

/** One Raft tick: elections take `electionTicks` (10) of these, heartbeats go every `heartbeatTicks`. */
export const tickIntervalMs = 100;
/** How long a stopping node keeps handing leadership over before it closes regardless. */
export const leadershipHandOffMs = 5_000;

export interface RunningNode {
  readonly node: HelixNode;
  readonly grpcPort: number;
  readonly kafkaPort: number;
  readonly httpPort: number;
  readonly peerPort: number;
  stop(): Promise<void>;
}

export interface RunNodeOptions {
  /** Structured log lines (one JSON object each); the CLI prints them. */
  readonly log: (event: Record<string, unknown>) => void;
  /** Seeds the node's randomness (election timeouts, placement tie-breaks); defaults to the time. */
  readonly seed?: number;
  /** Called when the node stops itself after a storage failure: the process must exit. */
  readonly onFailure: (error: unknown) => void;
}

/**
 * Test knobs, not configuration: `HELIX_SNAPSHOT_AFTER_ENTRIES` and `HELIX_SNAPSHOT_TRAILING_ENTRIES`
 * lower the limits.snapshot* defaults so multi-process tests reach compaction with a few hundred
 * produces. A value that is not a whole number (at least 1, or 0 for trailing entries) is refused.
 */
function snapshotPolicyFromEnvironment(): {
  snapshotPolicy?: { afterEntries?: number; trailingEntries?: number };
} {
  const read = (name: string, minimum: number): number | undefined => {
    const text = process.env[name];
    if (text === undefined || text === "") return undefined;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < minimum) {
      throw new HelixError("INVALID_CONFIG", `${name} must be a whole number >= ${minimum}, got "${text}"`);
    }
    return value;
  };
  const afterEntries = read("HELIX_SNAPSHOT_AFTER_ENTRIES", 1);
  const trailingEntries = read("HELIX_SNAPSHOT_TRAILING_ENTRIES", 0);
  if (afterEntries === undefined && trailingEntries === undefined) return {};
  return {
    snapshotPolicy: {
      ...(afterEntries === undefined ? {} : { afterEntries }),
      ...(trailingEntries === undefined ? {} : { trailingEntries }),
    },
  };
}

export function formatHostPort(address: HostPort): string {
  return address.host.includes(":") ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

/** The tiered-storage object store the configuration names, opened (issue 11). */
async function openObjectStore(
  config: ObjectStoreConfig,
): Promise<{ store: ObjectStore; close: () => void }> {
  if (config.kind === "file") {
    const store = await FileSystemObjectStore.open({ directory: config.directory });
    return { store, close: () => {} };
  }
  const { kind: _kind, ...s3 } = config;
  const store = new S3ObjectStore(s3);
  return { store, close: () => store.close() };
}

/** Tiered storage metrics (issue 11), read from the node on each scrape. */
function registerTierMetrics(registry: Registry, node: HelixNode): void {
  const counter = (
    name: string,
    help: string,
    value: (status: ReturnType<HelixNode["tierStatus"]>) => number,
  ) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(value(node.tierStatus()));
      },
    });
  const gauge = (
    name: string,
    help: string,
    value: (status: ReturnType<HelixNode["tierStatus"]>) => number,
  ) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value(node.tierStatus()));
      },
    });
  counter(
    "helix_tier_uploaded_bytes_total",
    "Bytes of tiered objects uploaded by this node.",
    (s) => s.bytesUploaded,
  );
  counter(
    "helix_tier_uploaded_objects_total",
    "Tiered objects uploaded by this node.",
    (s) => s.objectsUploaded,
  );
  counter(
    "helix_tier_upload_failures_total",
    "Failed upload attempts (retried or abandoned).",
    (s) => s.uploadFailures,
  );
  counter(
    "helix_tier_deleted_objects_total",
    "Remote objects deleted (retention, orphans).",
    (s) => s.objectsDeleted,
  );
  counter(
    "helix_tier_local_segments_deleted_total",
    "Local segments deleted after their upload was committed to the manifest.",
    (s) => s.localSegmentsDeleted,
  );
  counter("helix_tier_remote_reads_total", "Fetches served from the object store.", (s) => s.remoteReads);
  counter(
    "helix_tier_remote_read_bytes_total",
    "Bytes served from the object store.",
    (s) => s.remoteReadBytes,
  );
  counter(
    "helix_tier_remote_read_seconds_total",
    "Time spent in remote reads; divided by helix_tier_remote_reads_total, the mean latency.",
    (s) => s.remoteReadMsTotal / 1000,
  );
  counter("helix_tier_remote_read_errors_total", "Remote reads that failed.", (s) => s.remoteReadErrors);
  counter(
    "helix_tier_pass_errors_total",
    "Tiering passes that failed for a partition (its data stays local).",
    (s) => s.passErrors,
  );
  gauge(
    "helix_tier_upload_lag_bytes",
    "Bytes of sealed local segments not tiered yet, over the tiering partitions this node leads.",
    (s) => s.uploadLagBytes,
  );
  gauge(
    "helix_tier_objects",
    "Objects in the manifests of the partitions this node leads.",
    (s) => s.objects,
  );
  gauge(
    "helix_tier_uploads_pending",
    "Segment uploads running or queued on this node.",
    (s) => s.uploadsPending,
  );
}

export async function runNode(config: NodeConfig, options: RunNodeOptions): Promise<RunningNode> {
  await mkdir(config.dataDir, { recursive: true });
  const disk = new NodeDisk(config.dataDir);
  // The default file store lives on this node's own disk: in a cluster of several nodes the replicas
  // would delete local segments whose only copy is on the uploader's disk, and a new leader could not
  // read them. There tiering stays off (nothing is uploaded, nothing deleted locally) until the store is
  // shared: --object-store s3, or --object-store-dir on a mount every node sees.
  const perNodeStore =
    config.objectStore.kind === "file" &&
    config.sources["object-store-dir"] === "default" &&
    config.peers.size > 1;
  if (perNodeStore)
    options.log({
      event: "tier.disabled",
      reason: "the default object store is per node; set --object-store s3 or a shared --object-store-dir",
    });
  const objectStore = perNodeStore ? undefined : await openObjectStore(config.objectStore);
  let transport: PeerTransport;
  try {
    transport = await PeerTransport.start({
      nodeId: config.nodeId,
      listen: config.peerAddress,
      peers: config.peers,
      onEvent: (event) => options.log({ event: `peer.${event.kind}`, ...event }),
    });
  } catch (error) {
    objectStore?.close();
    throw error;
  }
  let node: HelixNode;
  try {
    node = await HelixNode.open({
      nodeId: config.nodeId,
      voters: [...config.peers.keys()],
      addresses: {
        kafkaAddress: formatHostPort(config.advertisedKafkaAddress),
        grpcAddress: formatHostPort(config.grpcAddress),
        peerAddress: formatHostPort(config.peerAddress),
        rack: undefined,
      },
      disk,
      rng: new SeededRng(options.seed ?? Date.now() % 2 ** 48),
      clusterId: config.clusterId ?? randomClusterId(),
      clock: systemClock,
      send: (to, envelope) => transport.send(to, encodeEnvelope(envelope)),
      onFailure: options.onFailure,
      ...(objectStore === undefined ? {} : { objectStore: objectStore.store }),
      ...snapshotPolicyFromEnvironment(),
    });
  } catch (error) {
    await transport.close();
    objectStore?.close();
    throw error;
  }
  transport.setReceiver((from, frame) => {
    const envelope = decodeEnvelope(frame);
    if (envelope !== undefined) node.receive(from, envelope);
  });
  const ticker = setInterval(() => node.tick(), tickIntervalMs);
  const addressOf = (id: NodeId) => node.listNodes().find((record) => record.nodeId === id)?.grpcAddress;
  // Flow control (quotas, admission, weighted fair queueing) is shared by the gRPC and Kafka edges.
  const flow = new NodeFlow(node, nodeFlowOptionsFromEnvironment());
  flow.start();
  const grpc = await startGrpcApi({ address: config.grpcAddress, node, addressOf, flow });
  const kafkaBackend = new HelixKafkaBackend(node, flow, config.kafkaTopics);
  const kafka = await startKafkaListener({
    backend: kafkaBackend,
    host: config.kafkaAddress.host,
    port: config.kafkaAddress.port,
    autoCreateTopics: config.kafkaTopics.autoCreate,
    groupInitialRebalanceDelayMs: config.groupInitialRebalanceDelayMs,
    rng: new SeededRng((options.seed ?? Date.now()) % 2 ** 48),
    logger: {
      warn: (message, details) => options.log({ event: "kafka.warn", message, ...details }),
      error: (message, details) => options.log({ event: "kafka.error", message, ...details }),
    },
  });
  const registry = createMetricsRegistry({ node: String(config.nodeId) });
  new Gauge({
    name: "helix_controller_leader",
    help: "Node id of the controller group's leader as this node sees it (0: none).",
    registers: [registry],
    collect() {
      this.set(node.controllerLeader() ?? 0);
    },
  });
  new Gauge({
    name: "helix_topics",
    help: "Topics in the cluster's metadata.",
    registers: [registry],
    collect() {
      this.set(node.listTopics().length);
    },
  });
  registerTierMetrics(registry, node);
  registerFlowMetrics(registry, flow);
  const http = await HttpServer.start({
    address: config.httpAddress,
    registry,
    health: () => ({
      healthy: node.isServing(),
      details: { nodeId: config.nodeId, controllerLeader: node.controllerLeader() ?? null },
    }),
  });
  let stopping: Promise<void> | undefined;
  return {
    node,
    grpcPort: grpc.port,
    kafkaPort: kafka.port,
    httpPort: http.port,
    peerPort: transport.port,
    stop: () => {
      stopping ??= (async () => {
        // Hand leadership over while still ticking, so clients fail over at once; bounded.
        const deadline = Date.now() + leadershipHandOffMs;
        while (node.handOffLeadership() > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, tickIntervalMs));
        }
        clearInterval(ticker);
        kafkaBackend.close();
        await kafka.close();
        await grpc.close();
        flow.stop();
        await http.close();
        await node.close();
        await transport.close();
        objectStore?.close();
      })();
      return stopping;
    },
  };
}

/** A one-line explanation of a startup failure, for the operator. */
export function describeStartupError(error: unknown, config: NodeConfig | undefined): string {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    const where = (error as { port?: number }).port;
    return `a port is already in use${where === undefined ? "" : ` (${where})`}: is another node running? Stop it, or pass --grpc-addr/--kafka-addr/--peer-addr/--http-addr`;
  }
  if (HelixError.isInstance(error)) return `${error.code}: ${error.message}`;
  return `${(error as Error).message ?? String(error)}${config === undefined ? "" : ` (data dir ${config.dataDir})`}`;
}
