/**
 * Node configuration (DESIGN.md §8): no flags gives node 1 of a one-node cluster on 9092/9190/9290/9644
 * with data in ./data/node-1; flags beat environment beats file beats defaults; node i defaults to the
 * `helix dev` ports; every bad value is refused with a message naming the setting and its source.
 */
import { describe, expect, it } from "vitest";
import { loadNodeConfig, randomClusterId } from "./node-config.js";

const noFiles = (path: string): string => {
  throw new Error(`ENOENT: no such file ${path}`);
};

function load(argv: string[], environment: Record<string, string> = {}, files: Record<string, string> = {}) {
  return loadNodeConfig({
    argv,
    environment,
    readFile: (path) => files[path] ?? noFiles(path),
  });
}

describe("loadNodeConfig", () => {
  it("defaults to node 1 of a one-node cluster on the documented ports", () => {
    const config = load([]);
    expect(config.nodeId).toBe(1);
    expect(config.dataDir).toBe("./data/node-1");
    expect(config.kafkaAddress).toEqual({ host: "127.0.0.1", port: 9092 });
    expect(config.grpcAddress.port).toBe(9190);
    expect(config.peerAddress.port).toBe(9290);
    expect(config.httpAddress.port).toBe(9644);
    expect([...config.peers]).toEqual([[1, { host: "127.0.0.1", port: 9290 }]]);
    expect(config.advertisedKafkaAddress).toEqual(config.kafkaAddress);
    expect(config.sources["node-id"]).toBe("default");
  });

  it("gives node i the helix dev ports", () => {
    const config = load(["--node-id", "3", "--peers", "1=127.0.0.1:9290,2=127.0.0.1:9291,3=127.0.0.1:9292"]);
    expect([
      config.kafkaAddress.port,
      config.grpcAddress.port,
      config.peerAddress.port,
      config.httpAddress.port,
    ]).toEqual([9094, 9192, 9292, 9646]);
    expect(config.dataDir).toBe("./data/node-3");
    expect(config.peers.size).toBe(3);
  });

  it("takes flags over environment over file over defaults", () => {
    const files = {
      "/etc/helix.json": JSON.stringify({
        "data-dir": "/file",
        "grpc-addr": "0.0.0.0:7000",
        "node-id": 2,
        peers: "2=h:1",
      }),
    };
    const config = load(
      ["--data-dir", "/flag", "--config", "/etc/helix.json"],
      { HELIX_DATA_DIR: "/env", HELIX_GRPC_ADDR: "10.0.0.1:8000" },
      files,
    );
    expect(config.dataDir).toBe("/flag");
    expect(config.grpcAddress).toEqual({ host: "10.0.0.1", port: 8000 });
    expect(config.nodeId).toBe(2);
    expect(config.sources).toMatchObject({
      "data-dir": "flag",
      "grpc-addr": "environment",
      "node-id": "file",
    });
    expect(load([], { HELIX_CONFIG: "/etc/helix.json" }, files).dataDir).toBe("/file");
  });

  it("accepts bracketed IPv6 and an advertised address", () => {
    const config = load([
      "--kafka-addr",
      "[::]:9092",
      "--advertised-kafka-addr",
      "broker1.example.com:19092",
    ]);
    expect(config.kafkaAddress).toEqual({ host: "::", port: 9092 });
    expect(config.advertisedKafkaAddress).toEqual({ host: "broker1.example.com", port: 19092 });
  });

  it("refuses bad values naming the setting and where it came from", () => {
    const cases: [() => unknown, RegExp][] = [
      [() => load(["--node-id", "0"]), /--node-id must be a positive integer node id, got "0"/],
      [() => load([], { HELIX_NODE_ID: "two" }), /HELIX_NODE_ID must be a positive integer/],
      [() => load(["--grpc-addr", "localhost"]), /--grpc-addr must be HOST:PORT/],
      [() => load(["--http-addr", "127.0.0.1:70000"]), /--http-addr must be HOST:PORT/],
      [() => load(["--peers", "1=127.0.0.1:9290,1=127.0.0.1:9291"]), /lists node 1 twice/],
      [() => load(["--node-id", "4", "--peers", "1=a:1,2=b:2"]), /must list this node \(4\) too/],
      [() => load(["--peers", "one"]), /"one" is not ID=HOST:PORT/],
      [() => load(["--bogus", "1"]), /Unknown option '--bogus'/],
      [() => load(["--config", "/missing.json"]), /cannot read config file \/missing.json/],
      [
        () => load(["--config", "/c.json"], {}, { "/c.json": '{"datadir": "x"}' }),
        /unknown setting "datadir"/,
      ],
      [() => load(["--config", "/c.json"], {}, { "/c.json": "[1]" }), /must hold a JSON object/],
    ];
    for (const [attempt, message] of cases) {
      expect(attempt).toThrowError(message);
      try {
        attempt();
      } catch (error) {
        expect((error as { code?: string }).code).toBe("INVALID_CONFIG");
      }
    }
  });

  it("configures the tiered-storage object store: file under the data directory by default, or S3", () => {
    expect(load([]).objectStore).toEqual({ kind: "file", directory: "data/node-1/tier" });
    expect(load(["--data-dir", "/d", "--object-store-dir", "/mnt/tier"]).objectStore).toEqual({
      kind: "file",
      directory: "/mnt/tier",
    });
    const s3 = load(
      ["--object-store", "s3", "--s3-bucket", "helix-tier", "--s3-endpoint", "http://127.0.0.1:9000"],
      { HELIX_S3_PATH_STYLE: "true", HELIX_S3_PREFIX: "cluster-1/" },
    ).objectStore;
    expect(s3).toEqual({
      kind: "s3",
      bucket: "helix-tier",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      keyPrefix: "cluster-1/",
    });
    expect(() => load(["--object-store", "gcs"])).toThrowError(/--object-store must be "file" or "s3"/);
    expect(() => load(["--object-store", "s3"])).toThrowError(/needs a bucket: set --s3-bucket/);
    expect(() => load(["--s3-bucket", "b"])).toThrowError(/--s3-bucket applies to the S3 object store only/);
    expect(() => load(["--object-store", "s3", "--s3-bucket", "Bad_Bucket"])).toThrowError(
      /not a valid S3 bucket name/,
    );
    expect(() => load(["--object-store", "s3", "--s3-bucket", "b-1", "--s3-path-style", "yes"])).toThrowError(
      /--s3-path-style must be true or false/,
    );
  });

  it("takes a cluster id for a new cluster, or leaves it to be drawn at random (22 characters, as Kafka's)", () => {
    expect(load([]).clusterId).toBeUndefined();
    expect(load(["--cluster-id", "prod-eu.1"]).clusterId).toBe("prod-eu.1");
    expect(load([], { HELIX_CLUSTER_ID: "from_env" }).clusterId).toBe("from_env");
    expect(() => load(["--cluster-id", "no spaces"])).toThrowError(/--cluster-id must be 1 to 64 letters/);
    const ids = new Set(Array.from({ length: 100 }, () => randomClusterId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("configures Kafka topic auto-creation (off by default) and the creation defaults", () => {
    expect(load([]).kafkaTopics).toEqual({ autoCreate: false, partitions: 1, replicationFactor: undefined });
    const files = { "/h.json": JSON.stringify({ "auto-create-topics-enable": true, "num-partitions": 6 }) };
    expect(load(["--config", "/h.json"], {}, files).kafkaTopics).toEqual({
      autoCreate: true,
      partitions: 6,
      replicationFactor: undefined,
    });
    const flags = load(["--auto-create-topics-enable", "false", "--default-replication-factor", "2"], {
      HELIX_AUTO_CREATE_TOPICS_ENABLE: "true",
      HELIX_NUM_PARTITIONS: "3",
    });
    expect(flags.kafkaTopics).toEqual({ autoCreate: false, partitions: 3, replicationFactor: 2 });
    expect(() => load(["--auto-create-topics-enable", "yes"])).toThrowError(
      /--auto-create-topics-enable must be true or false, got "yes"/,
    );
    expect(() => load(["--num-partitions", "0"])).toThrowError(/--num-partitions must be an integer 1\.\./);
    expect(() => load([], { HELIX_DEFAULT_REPLICATION_FACTOR: "three" })).toThrowError(
      /HELIX_DEFAULT_REPLICATION_FACTOR must be an integer/,
    );
  });

  it("configures Kafka's initial consumer-group rebalance delay (3 s by default, as Kafka)", () => {
    expect(load([]).groupInitialRebalanceDelayMs).toBe(3_000);
    expect(load(["--group-initial-rebalance-delay-ms", "0"]).groupInitialRebalanceDelayMs).toBe(0);
    expect(load([], { HELIX_GROUP_INITIAL_REBALANCE_DELAY_MS: "500" }).groupInitialRebalanceDelayMs).toBe(
      500,
    );
    expect(() => load([], { HELIX_GROUP_INITIAL_REBALANCE_DELAY_MS: "-1" })).toThrowError(
      /HELIX_GROUP_INITIAL_REBALANCE_DELAY_MS must be an integer 0\.\./,
    );
    expect(() => load(["--group-initial-rebalance-delay-ms", "99999999999"])).toThrowError(
      /must be an integer/,
    );
  });
});
