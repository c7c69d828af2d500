import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { HelixError, limits, type NodeId } from "@helixlog/core";
import { type S3ObjectStoreConfig, validateS3ObjectStoreConfig } from "@helixlog/tier";
import { type KafkaTopicDefaults, kafkaTopicDefaults } from "./kafka-backend.js";

/**
 * The node's configuration, from (highest precedence first) command-line flags, `HELIX_*` environment
 * variables, a JSON config file (`--config FILE`) and defaults (DESIGN.md §8). With nothing given it is
 * node 1 of a one-node cluster on the default ports with data in ./data/node-1.
 *
 * Every setting has one name used everywhere: `--data-dir` on the command line, `HELIX_DATA_DIR` in the
 * environment, `"data-dir"` in the file. Invalid values are rejected with a message naming the setting,
 * where it came from, and what is expected.
 */

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

export interface NodeConfig {
  readonly nodeId: NodeId;
  /** Peer addresses of every voter, this node included. */
  readonly peers: ReadonlyMap<NodeId, HostPort>;
  readonly dataDir: string;
  readonly kafkaAddress: HostPort;
  readonly grpcAddress: HostPort;
  readonly peerAddress: HostPort;
  readonly httpAddress: HostPort;
  /** What Kafka clients are told to connect to (Metadata); defaults to the Kafka listen address. */
  readonly advertisedKafkaAddress: HostPort;
  /** Where tiered segments go (issue 11): a directory store under the data directory by default, or S3. */
  readonly objectStore: ObjectStoreConfig;
  /** Kafka topic auto-creation and creation defaults (Kafka's broker settings of the same names). */
  readonly kafkaTopics: KafkaTopicDefaults;
  /** Kafka's group.initial.rebalance.delay.ms for the groups this node coordinates. */
  readonly groupInitialRebalanceDelayMs: number;
  /**
   * The cluster id this node proposes if it bootstraps a new cluster (Kafka's cluster.id, reported by
   * Metadata and DescribeCluster). Undefined: a random one (`randomClusterId`). Ignored once the
   * cluster has one: the first bootstrap to commit names the cluster for good.
   */
  readonly clusterId: string | undefined;
  /** Where each setting came from, for the startup log line. */
  readonly sources: Readonly<Record<SettingName, SettingSource>>;
}

export type SettingSource = "flag" | "environment" | "file" | "default";

/**
 * The object store of tiered storage. `file`: one file per object under `directory` (default
 * `<data-dir>/tier`; a shared mount makes it a cluster-wide store). `s3`: a bucket on S3 or an
 * S3-compatible server; credentials come from the standard AWS chain (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY, shared config and credential files, SSO, web identity, instance metadata).
 */
export type ObjectStoreConfig =
  | { readonly kind: "file"; readonly directory: string }
  | ({ readonly kind: "s3" } & S3ObjectStoreConfig);

const settings = [
  "node-id",
  "peers",
  "data-dir",
  "kafka-addr",
  "grpc-addr",
  "peer-addr",
  "http-addr",
  "advertised-kafka-addr",
  "object-store",
  "object-store-dir",
  "s3-bucket",
  "s3-region",
  "s3-endpoint",
  "s3-prefix",
  "s3-path-style",
  "auto-create-topics-enable",
  "num-partitions",
  "default-replication-factor",
  "group-initial-rebalance-delay-ms",
  "cluster-id",
] as const;
export type SettingName = (typeof settings)[number];

/** Node i listens on Kafka 9091+i, gRPC 9189+i, peer 9289+i, HTTP 9643+i (node 1: 9092/9190/9290/9644). */
export function defaultPorts(node: number): { kafka: number; grpc: number; peer: number; http: number } {
  return { kafka: 9091 + node, grpc: 9189 + node, peer: 9289 + node, http: 9643 + node };
}

export interface ConfigInputs {
  readonly argv: readonly string[];
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** Reads the config file named by --config / HELIX_CONFIG; injected so tests need no files. */
  readonly readFile: (path: string) => string;
}

export function environmentName(setting: SettingName | "config"): string {
  return `HELIX_${setting.toUpperCase().replaceAll("-", "_")}`;
}

/** Builds and validates the node configuration; throws HelixError INVALID_CONFIG with a precise message. */
export function loadNodeConfig(inputs: ConfigInputs): NodeConfig {
  const flags = parseFlags(inputs.argv);
  const configPath = flags.config ?? inputs.environment[environmentName("config")];
  const file = configPath === undefined ? {} : readConfigFile(configPath, inputs.readFile);
  const raw = {} as Record<SettingName, { value: string; source: SettingSource } | undefined>;
  for (const setting of settings) {
    const fromFlag = flags[setting];
    const fromEnvironment = inputs.environment[environmentName(setting)];
    const fromFile = file[setting];
    raw[setting] =
      fromFlag !== undefined
        ? { value: fromFlag, source: "flag" }
        : fromEnvironment !== undefined && fromEnvironment !== ""
          ? { value: fromEnvironment, source: "environment" }
          : fromFile !== undefined
            ? { value: fromFile, source: "file" }
            : undefined;
  }
  return resolve(raw);
}

function parseFlags(argv: readonly string[]): Partial<Record<SettingName | "config", string>> {
  const options = Object.fromEntries(
    [...settings, "config"].map((name) => [name, { type: "string" as const }]),
  ) as Record<SettingName | "config", { type: "string" }>;
  try {
    const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
    return values as Partial<Record<SettingName | "config", string>>;
  } catch (error) {
    throw new HelixError("INVALID_CONFIG", `${(error as Error).message}; see \`helix start --help\``, {
      cause: error,
    });
  }
}

function readConfigFile(
  path: string,
  readFile: (path: string) => string,
): Partial<Record<SettingName, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFile(path));
  } catch (error) {
    throw new HelixError("INVALID_CONFIG", `cannot read config file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new HelixError("INVALID_CONFIG", `config file ${path} must hold a JSON object`);
  }
  const result: Partial<Record<SettingName, string>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(settings as readonly string[]).includes(key)) {
      throw new HelixError(
        "INVALID_CONFIG",
        `config file ${path}: unknown setting "${key}"; known: ${settings.join(", ")}`,
      );
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new HelixError(
        "INVALID_CONFIG",
        `config file ${path}: "${key}" must be a string, a number or a boolean`,
      );
    }
    result[key as SettingName] = String(value);
  }
  return result;
}

type RawSettings = Record<SettingName, { value: string; source: SettingSource } | undefined>;

function resolve(raw: RawSettings): NodeConfig {
  const where = (setting: SettingName) => describeSource(setting, raw[setting]?.source ?? "default");
  const node = raw["node-id"] === undefined ? 1 : parseNodeId(raw["node-id"].value, where("node-id"));
  const ports = defaultPorts(node);
  const address = (setting: SettingName, port: number): HostPort =>
    raw[setting] === undefined
      ? { host: "127.0.0.1", port }
      : parseHostPort(raw[setting].value, where(setting));
  const peerAddress = address("peer-addr", ports.peer);
  const peers =
    raw.peers === undefined
      ? new Map([[node as NodeId, peerAddress]])
      : parsePeers(raw.peers.value, where("peers"));
  if (!peers.has(node as NodeId)) {
    throw new HelixError(
      "INVALID_CONFIG",
      `${where("peers")} must list this node (${node}) too, e.g. ${node}=${peerAddress.host}:${peerAddress.port}`,
    );
  }
  const kafkaAddress = address("kafka-addr", ports.kafka);
  const sources = Object.fromEntries(settings.map((s) => [s, raw[s]?.source ?? "default"])) as Record<
    SettingName,
    SettingSource
  >;
  return {
    nodeId: node as NodeId,
    peers,
    dataDir: raw["data-dir"]?.value ?? `./data/node-${node}`,
    kafkaAddress,
    grpcAddress: address("grpc-addr", ports.grpc),
    peerAddress,
    httpAddress: address("http-addr", ports.http),
    advertisedKafkaAddress:
      raw["advertised-kafka-addr"] === undefined
        ? kafkaAddress
        : parseHostPort(raw["advertised-kafka-addr"].value, where("advertised-kafka-addr")),
    objectStore: resolveObjectStore(raw, where, raw["data-dir"]?.value ?? `./data/node-${node}`),
    kafkaTopics: resolveKafkaTopics(raw, where),
    groupInitialRebalanceDelayMs: resolveInitialRebalanceDelay(raw, where),
    clusterId: resolveClusterId(raw, where),
    sources,
  };
}

/** Kafka's auto.create.topics.enable, num.partitions and default.replication.factor, under flag names. */
function resolveKafkaTopics(raw: RawSettings, where: (setting: SettingName) => string): KafkaTopicDefaults {
  const enabled = raw["auto-create-topics-enable"]?.value ?? String(kafkaTopicDefaults.autoCreate);
  if (enabled !== "true" && enabled !== "false") {
    throw new HelixError(
      "INVALID_CONFIG",
      `${where("auto-create-topics-enable")} must be true or false, got "${enabled}"`,
    );
  }
  const count = (setting: SettingName, max: number): number | undefined => {
    const value = raw[setting]?.value;
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || parsed < 1 || parsed > max) {
      throw new HelixError(
        "INVALID_CONFIG",
        `${where(setting)} must be an integer 1..${max}, got "${value}"`,
      );
    }
    return parsed;
  };
  return {
    autoCreate: enabled === "true",
    partitions: count("num-partitions", limits.partitionsPerTopicMax) ?? kafkaTopicDefaults.partitions,
    replicationFactor: count("default-replication-factor", limits.replicationFactorMax),
  };
}

/** Kafka's group.initial.rebalance.delay.ms: 0..kafkaRebalanceTimeoutMsMax, 3000 by default as in Kafka. */
function resolveInitialRebalanceDelay(raw: RawSettings, where: (setting: SettingName) => string): number {
  const value = raw["group-initial-rebalance-delay-ms"]?.value;
  if (value === undefined) return limits.kafkaGroupInitialRebalanceDelayMs;
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || parsed > limits.kafkaRebalanceTimeoutMsMax) {
    throw new HelixError(
      "INVALID_CONFIG",
      `${where("group-initial-rebalance-delay-ms")} must be an integer 0..${limits.kafkaRebalanceTimeoutMsMax}, got "${value}"`,
    );
  }
  return parsed;
}

/** A cluster id given by the operator: 1..64 characters of letters, digits, '.', '_' and '-'. */
function resolveClusterId(raw: RawSettings, where: (setting: SettingName) => string): string | undefined {
  const value = raw["cluster-id"]?.value;
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(value)) {
    throw new HelixError(
      "INVALID_CONFIG",
      `${where("cluster-id")} must be 1 to 64 letters, digits, '.', '_' or '-', got "${value}"`,
    );
  }
  return value;
}

/** A new cluster's id when none is configured: 16 random bytes in URL-safe base64 (22 characters), as Kafka's. */
export function randomClusterId(): string {
  return randomBytes(16).toString("base64url");
}

const s3Settings = ["s3-bucket", "s3-region", "s3-endpoint", "s3-prefix", "s3-path-style"] as const;

function resolveObjectStore(
  raw: RawSettings,
  where: (setting: SettingName) => string,
  dataDir: string,
): ObjectStoreConfig {
  const kind = raw["object-store"]?.value ?? "file";
  if (kind !== "file" && kind !== "s3") {
    throw new HelixError("INVALID_CONFIG", `${where("object-store")} must be "file" or "s3", got "${kind}"`);
  }
  if (kind === "file") {
    const stray = s3Settings.find((setting) => raw[setting] !== undefined);
    if (stray !== undefined) {
      throw new HelixError(
        "INVALID_CONFIG",
        `${where(stray)} applies to the S3 object store only: add --object-store s3`,
      );
    }
    return { kind, directory: raw["object-store-dir"]?.value ?? join(dataDir, "tier") };
  }
  if (raw["object-store-dir"] !== undefined) {
    throw new HelixError(
      "INVALID_CONFIG",
      `${where("object-store-dir")} applies to the file object store only, not to --object-store s3`,
    );
  }
  const bucket = raw["s3-bucket"]?.value;
  if (bucket === undefined) {
    throw new HelixError(
      "INVALID_CONFIG",
      `--object-store s3 needs a bucket: set --s3-bucket (or ${environmentName("s3-bucket")})`,
    );
  }
  const pathStyle = raw["s3-path-style"]?.value ?? "false";
  if (pathStyle !== "true" && pathStyle !== "false") {
    throw new HelixError(
      "INVALID_CONFIG",
      `${where("s3-path-style")} must be true or false, got "${pathStyle}"`,
    );
  }
  const endpoint = raw["s3-endpoint"]?.value;
  const keyPrefix = raw["s3-prefix"]?.value;
  const config: ObjectStoreConfig = {
    kind,
    bucket,
    region: raw["s3-region"]?.value ?? "us-east-1",
    forcePathStyle: pathStyle === "true",
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(keyPrefix === undefined ? {} : { keyPrefix }),
  };
  validateS3ObjectStoreConfig(config);
  return config;
}

function describeSource(setting: SettingName, source: SettingSource): string {
  switch (source) {
    case "flag":
      return `--${setting}`;
    case "environment":
      return environmentName(setting);
    case "file":
      return `"${setting}" in the config file`;
    case "default":
      return setting;
  }
}

function parseNodeId(value: string, where: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < 1 || parsed > 2 ** 31 - 1) {
    throw new HelixError("INVALID_CONFIG", `${where} must be a positive integer node id, got "${value}"`);
  }
  return parsed;
}

export function parseHostPort(value: string, where: string): HostPort {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/.exec(value.trim());
  const port = match === null ? Number.NaN : Number(match[2]);
  if (match === null || !(port >= 0 && port <= 65535)) {
    throw new HelixError(
      "INVALID_CONFIG",
      `${where} must be HOST:PORT (e.g. 127.0.0.1:9092), got "${value}"`,
    );
  }
  return { host: (match[1] as string).replace(/^\[|\]$/g, ""), port };
}

function parsePeers(value: string, where: string): Map<NodeId, HostPort> {
  const peers = new Map<NodeId, HostPort>();
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 0 || items.length > limits.clusterNodesMax) {
    throw new HelixError(
      "INVALID_CONFIG",
      `${where} must list 1 to ${limits.clusterNodesMax} voters as ID=HOST:PORT,...`,
    );
  }
  for (const item of items) {
    const separator = item.indexOf("=");
    if (separator < 1) {
      throw new HelixError(
        "INVALID_CONFIG",
        `${where}: "${item}" is not ID=HOST:PORT (e.g. 1=127.0.0.1:9290)`,
      );
    }
    const id = parseNodeId(item.slice(0, separator), `${where}: the id in "${item}"`) as NodeId;
    if (peers.has(id)) throw new HelixError("INVALID_CONFIG", `${where} lists node ${id} twice`);
    peers.set(id, parseHostPort(item.slice(separator + 1), `${where}: the address in "${item}"`));
  }
  return peers;
}
