/**
 * The fixture of the gRPC quota tests (grpc-quota.test.ts, grpc-quota-levels.test.ts): one in-process
 * node on a simulated disk, ticked every 10 ms, behind its gRPC API on a loopback port, and the waits
 * and refusal helpers those tests share.
 */
import { ManualClock, nodeId, SeededRng } from "@helixlog/core";
import { SimDisk } from "@helixlog/wal/testing";
import { HelixClient } from "../client/helix-client.js";
import { HelixNode } from "../node/helix-node.js";
import { rejection } from "../test-support/rejection.js";
import { until } from "../test-support/until.js";
import { type GrpcApi, startGrpcApi } from "./grpc-api.js";

export { rejection, until };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One node and its gRPC API; `crashAndRestart` loses unsynced bytes and reopens it. */
export class SingleNode {
  node!: HelixNode;
  api!: GrpcApi;
  private ticker: NodeJS.Timeout | undefined;
  private disk: SimDisk;
  private readonly clock = new ManualClock();

  /** `seed` drives the simulated disk and the node (each test file its own, so their runs differ). */
  constructor(private readonly seed: number) {
    this.disk = new SimDisk({ rng: new SeededRng(seed) });
  }

  async start(): Promise<void> {
    this.node = await HelixNode.open({
      nodeId: nodeId(1),
      voters: [nodeId(1)],
      addresses: {
        kafkaAddress: "127.0.0.1:9092",
        grpcAddress: "127.0.0.1:9190",
        peerAddress: "127.0.0.1:9290",
        rack: undefined,
      },
      disk: this.disk,
      rng: new SeededRng(100 + this.seed),
      clock: this.clock,
      send: () => {},
    });
    this.ticker = setInterval(() => {
      this.clock.advance(10);
      this.node.tick();
    }, 10);
    this.api = await startGrpcApi({
      address: { host: "127.0.0.1", port: 0 },
      node: this.node,
      addressOf: () => undefined,
    });
    await until(() => this.node.isServing(), "node serving");
  }

  client(identity: { principal?: string; clientId?: string } = {}): HelixClient {
    return new HelixClient(`127.0.0.1:${this.api.port}`, { deadlineMs: 10_000, ...identity });
  }

  async stop(): Promise<void> {
    await this.api?.close();
    clearInterval(this.ticker);
    await this.node?.close();
  }

  async crashAndRestart(): Promise<void> {
    await this.stop();
    this.disk = this.disk.crash({ keepSomeUnsynced: false });
    await this.start();
  }
}
