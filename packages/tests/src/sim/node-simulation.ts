/**
 * The node core in the simulator (issue 7's simulation test; issue 6): three HelixNodes
 * (packages/server/src/node/helix-node.ts), unchanged, each over the real WAL and partition logs on its
 * own SimDisk, with its own SimClock and Rng, talking through SimNetwork. One seed drives it all, as in
 * simulation.ts: the swarm's network faults (drop, duplicate, reorder, partitions), crash-restarts that
 * lose unsynced bytes, slow fdatasyncs, clock drift.
 *
 * The run creates a topic with several partitions (replication factor 3) through the controller
 * leader, then producers send small batches with acks=all to the partition leaders they find. Checks:
 * - acknowledged offsets: two acknowledged batches of one partition never share an offset (checked at
 *   every acknowledgement);
 * - offset contiguity: at the end, on every replica, every partition's committed log starts at 0 and
 *   each batch starts where the previous one ended; no record appears twice (producers never resend a
 *   value, so a duplicate is the log's doing);
 * - no acknowledged record lost: after the liveness phase (network healed, every node restarted, each
 *   partition must elect a leader and acknowledge a probe within a bound) every acknowledged record is
 *   read back from the leader at exactly the offset it was acknowledged at, and every replica holds the
 *   same records at the same offsets up to its high watermark.
 */
import {
  batchSize,
  decodeRecords,
  encodeRecordBatch,
  HelixError,
  type NodeId,
  type Rng,
  readRecordBatchHeader,
  SeededRng,
  type Ticks,
} from "@helixlog/core";
import { HelixNode, type NodeEnvelope } from "@helixlog/server";
import { SimDisk } from "@helixlog/wal/testing";
import { SimulationViolation } from "./checkers.js";
import { EventQueue } from "./event-queue.js";
import { LyingDisk, type Mutation } from "./mutations.js";
import { SimClock } from "./sim-clock.js";
import { SimNetwork } from "./sim-network.js";
import type { SimulationResult } from "./simulation.js";
import { describeSwarm, type SwarmParameters, swarmParameters } from "./swarm.js";

export interface NodeSimulationOptions {
  readonly seed: number;
  readonly hours?: number;
  readonly mutation?: Mutation;
  readonly livenessSeconds?: number;
  readonly traceEvents?: number;
  readonly parameters?: Partial<SwarmParameters>;
  readonly profile?: string;
}

const topic = "events";
/** A producer gives up on a batch after this many simulated milliseconds (outcome unknown). */
const produceTimeoutMs = 5_000;

type NodeEvent =
  | { readonly kind: "tick"; readonly node: NodeId; readonly incarnation: number }
  | { readonly kind: "deliver"; readonly from: NodeId; readonly to: NodeId; readonly envelope: NodeEnvelope }
  | { readonly kind: "disk"; readonly complete: () => void }
  | { readonly kind: "setup" }
  | { readonly kind: "produce"; readonly producer: number }
  | { readonly kind: "timeout"; readonly producer: number; readonly attempt: number }
  | { readonly kind: "partition" }
  | { readonly kind: "heal"; readonly partition: number }
  | { readonly kind: "crash" }
  | { readonly kind: "restart"; readonly node: NodeId }
  | { readonly kind: "liveness" }
  | { readonly kind: "probe" }
  | { readonly kind: "end" };

interface SimHelixNode {
  readonly id: NodeId;
  disk: SimDisk;
  readonly clock: SimClock;
  readonly rng: Rng;
  incarnation: number;
  status: "starting" | "up" | "down";
  node: HelixNode | undefined;
}

interface Producer {
  readonly id: number;
  readonly rng: Rng;
  /** The attempt in flight (0 when idle); a settled or timed-out attempt is forgotten. */
  attempt: number;
  sequence: number;
}

/** One acknowledged batch: its records' values at offsets [baseOffset, baseOffset + values.length). */
interface Acknowledged {
  readonly partition: number;
  readonly baseOffset: number;
  readonly values: readonly string[];
}

export class NodeSimulation {
  readonly parameters: SwarmParameters;
  private readonly rng: Rng;
  private readonly faultRng: Rng;
  private readonly queue = new EventQueue<NodeEvent>();
  private readonly network: SimNetwork;
  private readonly nodeIds: NodeId[] = [1 as NodeId, 2 as NodeId, 3 as NodeId];
  private readonly nodes = new Map<NodeId, SimHelixNode>();
  private readonly producers: Producer[] = [];
  private readonly partitions: number;
  private readonly acknowledged: Acknowledged[] = [];
  /** Per partition: offset -> the acknowledged value there (two acknowledgements must not overlap). */
  private readonly acknowledgedOffsets = new Map<number, Map<number, string>>();
  private readonly endMs: number;
  private readonly livenessMs: number;
  private readonly traceEvents: number;
  private readonly traceRing: string[] = [];
  private now = 0;
  private events = 0;
  private phase: "setup" | "safety" | "liveness" = "setup";
  private topicCreated = false;
  private readonly livePartitions = new Set<number>();
  private violation: SimulationViolation | undefined;
  readonly statistics = {
    crashes: 0,
    restarts: 0,
    partitions: 0,
    produced: 0,
    acknowledged: 0,
    acknowledgedRecords: 0,
    failed: 0,
    indeterminate: 0,
    recordsChecked: 0,
    replicasChecked: 0,
  };

  constructor(private readonly options: NodeSimulationOptions) {
    this.rng = new SeededRng(options.seed);
    const swarm = swarmParameters(this.rng.split());
    this.parameters = { ...swarm, ...options.parameters, voters: 3 };
    this.faultRng = this.rng.split();
    this.partitions = 2 + this.rng.integer(0, 4);
    this.endMs = (options.hours ?? 1) * 3_600_000;
    this.livenessMs = (options.livenessSeconds ?? 60) * 1000;
    this.traceEvents = options.traceEvents ?? 40;
    this.network = new SimNetwork(this.rng.split(), this.parameters, this.nodeIds);
    for (const id of this.nodeIds) this.nodes.set(id, this.createNode(id));
    for (let i = 0; i < Math.max(1, this.parameters.clients); i++)
      this.producers.push({ id: i + 1, rng: this.rng.split(), attempt: 0, sequence: 0 });
  }

  describe(): string {
    return `seed=${this.options.seed} node mutation=${this.options.mutation ?? "none"} profile=${this.options.profile ?? "default"} hours=${this.options.hours ?? 1} partitions=${this.partitions} ${describeSwarm(this.parameters)}`;
  }

  async run(): Promise<SimulationResult> {
    const started = performance.now();
    for (const id of this.nodeIds) this.startNode(id);
    this.queue.push(1000, { kind: "setup" });
    this.queue.push(Math.max(0, this.endMs - this.livenessMs), { kind: "liveness" });
    this.queue.push(this.endMs, { kind: "end" });
    await drain();
    while (this.violation === undefined) {
      const next = this.queue.pop();
      if (next === undefined) break;
      this.now = next.time;
      this.remember(next.event);
      this.events++;
      try {
        if (this.handle(next.event) === "end") break;
      } catch (error) {
        this.recordViolation(error);
      }
      // HelixNode's promise chains are not all visible from here (its host is private), so every
      // event is followed by a drain: robust, at some cost per event.
      await drain();
    }
    if (this.violation === undefined) {
      try {
        await this.finalChecks();
      } catch (error) {
        this.recordViolation(error);
      }
    }
    return {
      seed: this.options.seed,
      parameters: this.parameters,
      violation: this.violation,
      trace: this.traceLines(),
      simulatedMs: this.now,
      events: this.events,
      wallMs: performance.now() - started,
      statistics: { ...this.statistics, ...prefixed("network", this.network.statistics) },
    };
  }

  private handle(event: NodeEvent): "end" | undefined {
    switch (event.kind) {
      case "tick":
        this.onTick(event.node, event.incarnation);
        return undefined;
      case "deliver": {
        const target = this.nodes.get(event.to);
        if (target?.status === "up") target.node?.receive(event.from, event.envelope);
        return undefined;
      }
      case "disk":
        event.complete();
        return undefined;
      case "setup":
        this.onSetup();
        return undefined;
      case "produce":
        this.onProduce(this.producers[event.producer - 1] as Producer);
        return undefined;
      case "timeout": {
        const producer = this.producers[event.producer - 1] as Producer;
        if (producer.attempt === event.attempt) {
          this.statistics.indeterminate++;
          this.finishAttempt(producer);
        }
        return undefined;
      }
      case "partition":
        this.schedule("partition", this.exponential(this.parameters.partitionEverySeconds * 1000));
        if (this.phase !== "safety") return undefined;
        this.statistics.partitions++;
        this.network.partition();
        this.queue.push(
          this.now + this.faultRng.nextFloat() * this.parameters.partitionLastsSecondsMax * 1000,
          { kind: "heal", partition: this.network.partitionNumber },
        );
        return undefined;
      case "heal":
        if (this.network.partitionNumber === event.partition) this.network.heal();
        return undefined;
      case "crash":
        this.onCrash();
        return undefined;
      case "restart":
        if (this.nodes.get(event.node)?.status === "down") this.startNode(event.node);
        return undefined;
      case "liveness":
        this.onLiveness();
        return undefined;
      case "probe":
        this.onProbe();
        return undefined;
      case "end":
        return "end";
    }
  }

  // ---- nodes ---------------------------------------------------------------------------------------

  private createNode(id: NodeId): SimHelixNode {
    const rng = this.rng.split();
    const drift = (rng.nextFloat() * 2 - 1) * this.parameters.clockDrift;
    const node: SimHelixNode = {
      id,
      disk: undefined as unknown as SimDisk,
      clock: new SimClock(() => this.now, 1 + drift),
      rng,
      incarnation: 0,
      status: "down",
      node: undefined,
    };
    node.disk = new SimDisk({
      rng: rng.split(),
      scheduler: (operation, _path, complete) => this.scheduleDisk(node, operation, complete),
    });
    return node;
  }

  private scheduleDisk(node: SimHelixNode, operation: string, complete: () => void): void {
    if (operation !== "sync") {
      complete();
      return;
    }
    const { fsyncMs, slowFsyncProbability, slowFsyncMs } = this.parameters;
    const slow = this.phase === "safety" && node.rng.chance(slowFsyncProbability);
    const delay = fsyncMs * (0.5 + node.rng.nextFloat()) + (slow ? node.rng.nextFloat() * slowFsyncMs : 0);
    this.queue.push(this.now + delay, { kind: "disk", complete });
  }

  private startNode(id: NodeId): void {
    const simNode = this.nodes.get(id) as SimHelixNode;
    simNode.status = "starting";
    const incarnation = ++simNode.incarnation;
    this.statistics.restarts++;
    const disk =
      this.options.mutation === "walAcknowledgesBeforeSync" ? new LyingDisk(simNode.disk) : simNode.disk;
    HelixNode.open({
      nodeId: id,
      voters: this.nodeIds,
      addresses: {
        kafkaAddress: `n${id}:9092`,
        grpcAddress: `n${id}:9190`,
        peerAddress: `n${id}:9290`,
        rack: undefined,
      },
      disk,
      rng: simNode.rng.split(),
      clock: simNode.clock,
      send: (to, envelope) => {
        if (simNode.incarnation === incarnation) this.send(id, to, envelope);
      },
      electionTicks: this.parameters.electionTicks as Ticks,
      heartbeatTicks: this.parameters.heartbeatTicks as Ticks,
      onFailure: (error) => {
        if (simNode.incarnation === incarnation) this.onNodeFailure(simNode, error);
      },
    }).then(
      (node) => {
        if (simNode.incarnation !== incarnation) return;
        simNode.node = node;
        simNode.status = "up";
        this.queue.push(this.now + simNode.clock.simulatedDuration(this.parameters.tickMs), {
          kind: "tick",
          node: id,
          incarnation,
        });
      },
      (error: unknown) => {
        if (simNode.incarnation === incarnation) this.onNodeFailure(simNode, error);
      },
    );
  }

  /** A node whose disk failed stops (fail-stop) and restarts over the same disk; anything else is a bug. */
  private onNodeFailure(simNode: SimHelixNode, error: unknown): void {
    if (HelixError.isInstance(error) && (error.code === "IO_ERROR" || error.code === "DISK_FULL")) {
      this.stopNode(simNode);
      this.queue.push(this.now + 1000, { kind: "restart", node: simNode.id });
      return;
    }
    this.recordViolation(error);
  }

  private stopNode(simNode: SimHelixNode): void {
    simNode.node = undefined;
    simNode.status = "down";
    simNode.incarnation++;
  }

  private onTick(id: NodeId, incarnation: number): void {
    const simNode = this.nodes.get(id) as SimHelixNode;
    if (simNode.incarnation !== incarnation || simNode.status !== "up") return;
    simNode.node?.tick();
    this.queue.push(this.now + simNode.clock.simulatedDuration(this.parameters.tickMs), {
      kind: "tick",
      node: id,
      incarnation,
    });
  }

  private send(from: NodeId, to: NodeId, envelope: NodeEnvelope): void {
    const copies = this.network.route(from, to);
    for (let i = 0; i < copies; i++) {
      this.queue.push(this.now + (this.network.delays[i] as number), { kind: "deliver", from, to, envelope });
    }
  }

  private onCrash(): void {
    this.schedule("crash", this.exponential(this.parameters.crashEverySeconds * 1000));
    if (this.phase !== "safety") return;
    const up = this.nodeIds.filter((id) => this.nodes.get(id)?.status === "up");
    const victim = this.nodes.get(up[this.faultRng.integer(0, Math.max(1, up.length))] as NodeId);
    if (victim === undefined || victim.status !== "up") return;
    this.statistics.crashes++;
    this.stopNode(victim);
    victim.disk = victim.disk.crash({
      keepSomeUnsynced: this.faultRng.chance(this.parameters.tornWriteProbability),
    });
    const delay = this.faultRng.nextFloat() * this.parameters.restartAfterSecondsMax * 1000;
    this.queue.push(this.now + delay, { kind: "restart", node: victim.id });
  }

  // ---- setup, producers, liveness ------------------------------------------------------------------

  /** Creates the topic through the controller leader once the cluster serves; faults start after. */
  private onSetup(): void {
    const leader = this.upNodes().find((node) => node.isControllerLeader() && node.isServing());
    const everyoneServing = this.upNodes().length === 3 && this.upNodes().every((node) => node.isServing());
    if (this.topicCreated) {
      if (this.partitionLeaders().every((leader) => leader !== undefined)) {
        this.phase = "safety";
        this.schedule("partition", this.exponential(this.parameters.partitionEverySeconds * 1000));
        this.schedule("crash", this.exponential(this.parameters.crashEverySeconds * 1000));
        for (const producer of this.producers)
          this.queue.push(this.now + producer.rng.integer(0, 1000), {
            kind: "produce",
            producer: producer.id,
          });
        return;
      }
    } else if (leader !== undefined && everyoneServing && leader.topic(topic) === undefined) {
      leader
        .createTopic({ name: topic, partitions: this.partitions, replicationFactor: 3 })
        .then(() => {
          this.topicCreated = true;
        })
        .catch((error: unknown) => {
          if (!HelixError.isInstance(error)) this.recordViolation(error);
        });
    }
    if (this.now > 120_000) {
      this.recordViolation(
        new SimulationViolation("liveness", "the cluster did not serve and create its topic within 120 s"),
      );
      return;
    }
    this.schedule("setup", 200);
  }

  private onProduce(producer: Producer): void {
    if (this.phase !== "safety" && this.phase !== "liveness") return;
    const partition = producer.rng.integer(0, this.partitions);
    const leader = this.leaderOf(partition);
    if (leader === undefined) {
      this.queue.push(this.now + 50 + producer.rng.nextFloat() * 200, {
        kind: "produce",
        producer: producer.id,
      });
      return;
    }
    const count = 1 + producer.rng.integer(0, 3);
    const values = Array.from({ length: count }, (_, i) => `c${producer.id}.${producer.sequence}.${i}`);
    producer.sequence++;
    const attempt = producer.sequence;
    producer.attempt = attempt;
    this.statistics.produced++;
    this.queue.push(this.now + produceTimeoutMs, { kind: "timeout", producer: producer.id, attempt });
    leader.produce(topic, partition, batchOf(values, this.now), "all").then(
      (result) => {
        this.onAcknowledged(partition, result.baseOffset, result.lastOffset, values);
        if (producer.attempt === attempt) this.finishAttempt(producer);
      },
      (error: unknown) => {
        if (!HelixError.isInstance(error)) this.recordViolation(error);
        this.statistics.failed++;
        if (producer.attempt === attempt) this.finishAttempt(producer);
      },
    );
  }

  private finishAttempt(producer: Producer): void {
    producer.attempt = 0;
    const think = producer.rng.nextFloat() * this.parameters.clientThinkMsMax;
    this.queue.push(this.now + think, { kind: "produce", producer: producer.id });
  }

  /** Acknowledged with acks=all: the offsets are the records' for good; none may be claimed twice. */
  private onAcknowledged(
    partition: number,
    baseOffset: number,
    lastOffset: number,
    values: readonly string[],
  ): void {
    this.statistics.acknowledged++;
    this.statistics.acknowledgedRecords += values.length;
    if (lastOffset - baseOffset + 1 !== values.length) {
      this.recordViolation(
        new SimulationViolation(
          "offset contiguity",
          `partition ${partition}: ${values.length} records acknowledged at offsets [${baseOffset}, ${lastOffset}]`,
        ),
      );
      return;
    }
    let claimed = this.acknowledgedOffsets.get(partition);
    if (claimed === undefined) {
      claimed = new Map();
      this.acknowledgedOffsets.set(partition, claimed);
    }
    for (let i = 0; i < values.length; i++) {
      const held = claimed.get(baseOffset + i);
      if (held !== undefined) {
        this.recordViolation(
          new SimulationViolation(
            "offset contiguity",
            `partition ${partition}: offset ${baseOffset + i} acknowledged for ${values[i]} and earlier for ${held}`,
          ),
        );
        return;
      }
      claimed.set(baseOffset + i, values[i] as string);
    }
    this.acknowledged.push({ partition, baseOffset, values });
  }

  private onLiveness(): void {
    this.phase = "liveness";
    this.network.heal();
    this.network.faulty = false;
    for (const simNode of this.nodes.values()) if (simNode.status === "down") this.startNode(simNode.id);
    this.schedule("probe", 0);
  }

  /** Every partition must acknowledge a probe batch (acks=all) within the liveness bound. */
  private onProbe(): void {
    for (let partition = 0; partition < this.partitions; partition++) {
      if (this.livePartitions.has(partition)) continue;
      const leader = this.leaderOf(partition);
      if (leader === undefined) continue;
      const value = `probe.${partition}.${this.now}`;
      leader.produce(topic, partition, batchOf([value], this.now), "all").then(
        (result) => {
          this.onAcknowledged(partition, result.baseOffset, result.lastOffset, [value]);
          this.livePartitions.add(partition);
        },
        (error: unknown) => {
          if (!HelixError.isInstance(error)) this.recordViolation(error);
        },
      );
    }
    if (this.livePartitions.size < this.partitions) this.schedule("probe", 1000);
  }

  // ---- the end -------------------------------------------------------------------------------------

  private async finalChecks(): Promise<void> {
    if (!this.topicCreated) throw new SimulationViolation("liveness", "the topic was never created");
    const dead = [...Array(this.partitions).keys()].filter(
      (partition) => !this.livePartitions.has(partition),
    );
    if (dead.length > 0) {
      throw new SimulationViolation(
        "liveness",
        `partitions ${dead.join(", ")} acknowledged no probe within ${this.livenessMs / 1000} s of healing`,
      );
    }
    for (let partition = 0; partition < this.partitions; partition++) {
      const leader = this.leaderOf(partition);
      if (leader === undefined)
        throw new SimulationViolation("liveness", `partition ${partition} lost its leader`);
      const leaderLog = await this.readAll(leader, partition);
      for (const { baseOffset, values } of this.acknowledged.filter((ack) => ack.partition === partition)) {
        values.forEach((value, i) => {
          this.statistics.recordsChecked++;
          const held = leaderLog[baseOffset + i];
          if (held !== value) {
            throw new SimulationViolation(
              "acknowledged write lost",
              `partition ${partition}: ${value} was acknowledged at offset ${baseOffset + i}, but leader ${leader.nodeId} holds ${held ?? "nothing"} there`,
            );
          }
        });
      }
      for (const replica of this.upNodes()) {
        if (replica === leader) continue;
        this.statistics.replicasChecked++;
        const replicaLog = await this.readAll(replica, partition);
        replicaLog.forEach((value, offset) => {
          if (leaderLog[offset] !== value) {
            throw new SimulationViolation(
              "state machine safety",
              `partition ${partition}: replica ${replica.nodeId} holds ${value} at offset ${offset}, leader ${leader.nodeId} holds ${leaderLog[offset] ?? "nothing"}`,
            );
          }
        });
      }
    }
  }

  /**
   * Every committed record of a partition on one node, by offset, checking on the way that the log
   * starts at 0, each batch starts where the previous one ended, and no value appears twice.
   */
  private async readAll(node: HelixNode, partition: number): Promise<string[]> {
    const values: string[] = [];
    const seen = new Set<string>();
    const highWatermark = node.highWatermark(topic, partition);
    let offset = node.logStartOffset(topic, partition);
    if (offset !== 0) {
      throw new SimulationViolation(
        "offset contiguity",
        `partition ${partition} on node ${node.nodeId} starts at ${offset}`,
      );
    }
    while (offset < highWatermark) {
      const { batches } = await node.fetch(topic, partition, offset, 64 * 1024);
      if (batches.length === 0) break;
      for (const bytes of batches) {
        for (let start = 0; start < bytes.length; ) {
          const header = readRecordBatchHeader(bytes, start);
          if (header.baseOffset !== offset) {
            throw new SimulationViolation(
              "offset contiguity",
              `partition ${partition} on node ${node.nodeId}: a batch starts at ${header.baseOffset}, the previous one ended at ${offset}`,
            );
          }
          for (const record of decodeRecords(bytes, start)) {
            const value = new TextDecoder().decode(record.value ?? new Uint8Array(0));
            if (seen.has(value)) {
              throw new SimulationViolation(
                "offset contiguity",
                `partition ${partition} on node ${node.nodeId}: ${value} appears twice (again at ${header.baseOffset + record.offsetDelta})`,
              );
            }
            seen.add(value);
            values[header.baseOffset + record.offsetDelta] = value;
          }
          offset = header.baseOffset + header.lastOffsetDelta + 1;
          start += batchSize(header);
        }
      }
    }
    if (offset !== highWatermark) {
      throw new SimulationViolation(
        "offset contiguity",
        `partition ${partition} on node ${node.nodeId}: read up to ${offset}, high watermark ${highWatermark}`,
      );
    }
    return values;
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private upNodes(): HelixNode[] {
    const result: HelixNode[] = [];
    for (const simNode of this.nodes.values())
      if (simNode.status === "up" && simNode.node !== undefined) result.push(simNode.node);
    return result;
  }

  private leaderOf(partition: number): HelixNode | undefined {
    return this.upNodes().find((node) => {
      try {
        return node.partitionLeader(topic, partition)?.leader === node.nodeId;
      } catch (error) {
        if (HelixError.isInstance(error)) return false;
        throw error;
      }
    });
  }

  private partitionLeaders(): (HelixNode | undefined)[] {
    return Array.from({ length: this.partitions }, (_, partition) => this.leaderOf(partition));
  }

  private schedule(kind: "partition" | "crash" | "probe" | "setup", delayMs: number): void {
    this.queue.push(this.now + delayMs, { kind });
  }

  private exponential(meanMs: number): number {
    return -Math.log(1 - this.faultRng.nextFloat()) * meanMs;
  }

  private remember(event: NodeEvent): void {
    if (event.kind === "disk" || event.kind === "tick") return;
    const line = `${(this.now / 1000).toFixed(4)}s ${describeEvent(event)}`;
    this.traceRing[this.events % this.traceEvents] = line;
  }

  private traceLines(): string[] {
    const lines: string[] = [];
    for (let i = Math.max(0, this.events - this.traceEvents); i < this.events; i++) {
      const line = this.traceRing[i % this.traceEvents];
      if (line !== undefined) lines.push(line);
    }
    return lines;
  }

  private recordViolation(error: unknown): void {
    if (this.violation !== undefined) return;
    if (error instanceof SimulationViolation) this.violation = error;
    else {
      const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.violation = new SimulationViolation("node crash", description);
      if (error instanceof Error && error.stack !== undefined) this.violation.stack = error.stack;
    }
  }
}

function describeEvent(event: NodeEvent): string {
  switch (event.kind) {
    case "deliver":
      return `deliver n${event.from}->n${event.to} ${event.envelope.kind}`;
    case "produce":
    case "timeout":
      return `${event.kind} p${event.producer}`;
    case "restart":
      return `restart n${event.node}`;
    default:
      return event.kind;
  }
}

function batchOf(values: readonly string[], timestamp: number): Uint8Array {
  const encoder = new TextEncoder();
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: 1_700_000_000_000 + Math.floor(timestamp),
    records: values.map((value, offsetDelta) => ({
      timestampDelta: 0,
      offsetDelta,
      key: null,
      value: encoder.encode(value),
      headers: [],
    })),
  });
}

function drain(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`${prefix}.${name}`, value]));
}
