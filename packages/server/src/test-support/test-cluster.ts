/**
 * Test harness: a cluster of in-process HelixNodes on simulated disks (the WAL's SimDisk), a direct
 * ordered network the test can cut per node, one ManualClock, and waits on conditions with a bound.
 * Used by the node-feature tests; nothing in the node imports it.
 */
import { encodeRecordBatch, HelixError, ManualClock, type NodeId, nodeId, SeededRng } from "@helixlog/core";
import { SimDisk } from "@helixlog/wal/testing";
import { HelixNode, type HelixNodeOptions, type NodeEnvelope } from "../node/helix-node.js";

/** One batch of string values; `timestamps` (ms) per record, else all at 1_700_000_000_000. */
export function records(values: readonly string[], timestamps?: readonly number[]): Uint8Array {
  const times = timestamps ?? values.map(() => 1_700_000_000_000);
  const base = Math.min(...times);
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: base,
    records: values.map((value, offsetDelta) => ({
      timestampDelta: (times[offsetDelta] as number) - base,
      offsetDelta,
      key: null,
      value: new TextEncoder().encode(value),
      headers: [],
    })),
  });
}

export class TestCluster {
  readonly nodes = new Map<NodeId, HelixNode>();
  readonly disks = new Map<NodeId, SimDisk>();
  readonly clock = new ManualClock();
  /** Nodes cut off the network: what they send and what is sent to them is dropped. */
  readonly isolated = new Set<NodeId>();
  private readonly inbox: [NodeId, NodeId, NodeEnvelope][] = [];

  constructor(
    readonly ids: NodeId[],
    private readonly extraOptions: Partial<HelixNodeOptions> = {},
  ) {}

  static async ready(size: number, extraOptions: Partial<HelixNodeOptions> = {}): Promise<TestCluster> {
    const cluster = new TestCluster(
      Array.from({ length: size }, (_, i) => nodeId(i + 1)),
      extraOptions,
    );
    for (const id of cluster.ids) await cluster.start(id);
    await cluster.until(
      () => [...cluster.nodes.values()].every((node) => node.listNodes().length === size),
      "every node registered",
    );
    return cluster;
  }

  node(id: number): HelixNode {
    const node = this.nodes.get(nodeId(id));
    if (node === undefined) throw new Error(`node ${id} is not running`);
    return node;
  }

  async start(id: NodeId, disk?: SimDisk): Promise<HelixNode> {
    const simDisk = disk ?? new SimDisk({ rng: new SeededRng(id) });
    this.disks.set(id, simDisk);
    const node = await HelixNode.open({
      nodeId: id,
      voters: this.ids,
      addresses: {
        kafkaAddress: `127.0.0.1:${9091 + id}`,
        grpcAddress: `127.0.0.1:${9189 + id}`,
        peerAddress: `127.0.0.1:${9289 + id}`,
        rack: undefined,
      },
      disk: simDisk,
      rng: new SeededRng(100 + id),
      clock: this.clock,
      send: (to, envelope) => this.inbox.push([id, to, envelope]),
      ...this.extraOptions,
    });
    this.nodes.set(id, node);
    return node;
  }

  /** Crash: the node's unsynced bytes are lost; it is reopened from what its disk kept. */
  async crashAndRestart(id: NodeId): Promise<HelixNode> {
    this.nodes.delete(id);
    const disk = (this.disks.get(id) as SimDisk).crash({ keepSomeUnsynced: false });
    return this.start(id, disk);
  }

  /** Stops a node cleanly (its disk keeps everything); `start(id, disk)` brings it back. */
  async stop(id: NodeId): Promise<SimDisk> {
    const node = this.nodes.get(id);
    this.nodes.delete(id);
    await node?.close();
    return this.disks.get(id) as SimDisk;
  }

  /** One round: the clock moves 100 ms, every node ticks, messages are delivered until none are left. */
  async step(): Promise<void> {
    this.clock.advance(100);
    for (const node of this.nodes.values()) node.tick();
    for (let round = 0; round < 50 && this.inbox.length > 0; round++) {
      const messages = this.inbox.splice(0);
      for (const [from, to, envelope] of messages) {
        if (this.isolated.has(from) || this.isolated.has(to)) continue;
        this.nodes.get(to)?.receive(from, envelope);
      }
      await settle();
    }
    await settle();
  }

  async until(condition: () => boolean, what: string, steps = 400): Promise<void> {
    for (let i = 0; i < steps; i++) {
      if (condition()) return;
      await this.step();
    }
    throw new Error(`not reached within ${steps} steps: ${what}`);
  }

  /** Runs `operation` while the cluster keeps stepping, until it settles. */
  async drive<T>(operation: Promise<T>, steps = 400): Promise<T> {
    let done = false;
    const watched = operation.finally(() => {
      done = true;
    });
    // The caller handles the outcome; this only keeps an early rejection from counting as unhandled.
    watched.catch(() => {});
    await this.until(() => done, "operation to finish", steps);
    return watched;
  }

  controllerLeader(): HelixNode {
    const leader = [...this.nodes.values()].find((node) => node.isControllerLeader());
    if (leader === undefined) throw new Error("no controller leader");
    return leader;
  }

  /** The node leading a partition, among the nodes not cut off. */
  partitionLeader(topic: string, partition: number): HelixNode {
    const node = [...this.nodes.values()].find(
      (candidate) =>
        !this.isolated.has(candidate.nodeId) &&
        candidate.partitionLeader(topic, partition)?.leader === candidate.nodeId,
    );
    if (node === undefined) throw new Error(`no leader for ${topic}-${partition}`);
    return node;
  }

  hasPartitionLeader(topic: string, partition: number): boolean {
    return [...this.nodes.values()].some(
      (node) => node.partitionLeader(topic, partition)?.leader === node.nodeId,
    );
  }

  async createTopic(
    name: string,
    partitions: number,
    replicationFactor: number,
    config?: Record<string, string>,
  ): Promise<void> {
    const leader = this.controllerLeader();
    await this.drive(
      leader.createTopic({
        name,
        partitions,
        replicationFactor,
        ...(config === undefined ? {} : { config }),
      }),
    );
    await this.until(
      () => Array.from({ length: partitions }, (_, p) => p).every((p) => this.hasPartitionLeader(name, p)),
      "every partition has a leader",
    );
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** The Helix error code an operation rejects with (fails the test if it resolves). */
export async function codeOf(operation: Promise<unknown>): Promise<string> {
  try {
    await operation;
  } catch (error) {
    if (HelixError.isInstance(error)) return error.code;
    throw error;
  }
  throw new Error("expected the operation to fail");
}
