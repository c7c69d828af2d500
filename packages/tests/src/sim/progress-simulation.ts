/**
 * Consumer progress in the simulator (issue 9): three HelixNodes, unchanged, host the progress Raft
 * groups (real Multi-Raft, real WAL on SimDisk, SimNetwork with drops, duplicates, partitions, crashes
 * that lose unsynced bytes, slow fsyncs, clock drift), as in node-simulation.ts. A producer fills a
 * topic; simulated consumers of two consumer groups read it through leases:
 * - stream consumers take exclusive leases on partitions, fetch from their committed offset, ack
 *   cumulatively or commit with the lease, renew and release;
 * - queue consumers take shared leases on runs of records, ack, nack or drop them (redelivery after
 *   expiry).
 * Consumers crash (their leases are forgotten and must expire; half of them come back under the same
 * member id, which fences the old lease), or pause past their lease and come back as zombies that still
 * ack with the old lease. A client's answer is sometimes lost. Time enters only as the leader-stamped
 * `nowMs` of each command (the leader's drifting SimClock).
 *
 * Checkers run on every progress entry applied on every replica (the host's ProgressGroupState.apply is
 * wrapped from the outside; the state is read back through the machine's public DescribeGroup query):
 * - lease exclusivity: after any applied command, no partition has two exclusive leases, or an exclusive
 *   beside a shared one; no record is held by two leases; no listed lease is already due on the
 *   replicated clock;
 * - fencing: a command naming a lease (Ack, Nack, Renew, Release, leased CommitOffsets) is accepted only
 *   if that lease, with that epoch, was live before the command on the replicated clock after it;
 * - watermark monotonic: a replica's committed offset never moves backwards (within the command and
 *   across commands of one incarnation, snapshots installed included);
 * - state machine safety: every replica answers the same result at the same log index;
 * - liveness: after the network heals and every node restarts, both groups' watermarks reach every
 *   partition's high watermark within the liveness bound. With the watermark never moving backwards,
 *   that is: every record entered the watermark exactly once.
 */
import {
  batchSize,
  crc32c,
  decodeRecords,
  encodeRecordBatch,
  type GroupId,
  HelixError,
  type NodeId,
  type Rng,
  readRecordBatchHeader,
  SeededRng,
  type Ticks,
} from "@helixlog/core";
import {
  consumerGroupId,
  type GroupDescription,
  type LeaseMode,
  type ProgressCommand,
  type ProgressResult,
} from "@helixlog/progress";
import type { Entry } from "@helixlog/raft";
import { HelixNode, type NodeEnvelope } from "@helixlog/server";
import { SimDisk } from "@helixlog/wal/testing";
import { SimulationViolation } from "./checkers.js";
import { EventQueue } from "./event-queue.js";
import { LyingDisk, type Mutation } from "./mutations.js";
import { mutateProgressMachine } from "./progress-mutations.js";
import { SimClock } from "./sim-clock.js";
import { SimNetwork } from "./sim-network.js";
import type { SimulationResult } from "./simulation.js";
import { describeSwarm, type SwarmParameters, swarmParameters } from "./swarm.js";

export interface ProgressSimulationOptions {
  readonly seed: number;
  readonly hours?: number;
  readonly mutation?: Mutation;
  readonly livenessSeconds?: number;
  readonly traceEvents?: number;
  readonly parameters?: Partial<SwarmParameters>;
  readonly profile?: string;
}

const topic = "events";
const streamGroup = "stream";
const queueGroup = "queue";
/** A client gives up on a call after this many simulated milliseconds (outcome unknown). */
const callTimeoutMs = 3_000;
/** Probability that the answer to a consumer's call is lost on the way back (the call took effect). */
const answerLossProbability = 0.05;

type ProgressEvent =
  | { readonly kind: "tick"; readonly node: NodeId; readonly incarnation: number }
  | { readonly kind: "deliver"; readonly from: NodeId; readonly to: NodeId; readonly envelope: NodeEnvelope }
  | { readonly kind: "disk"; readonly complete: () => void }
  | { readonly kind: "setup" }
  | { readonly kind: "produce" }
  | { readonly kind: "consume"; readonly consumer: number; readonly incarnation: number }
  | { readonly kind: "timeout"; readonly consumer: number; readonly attempt: number }
  | { readonly kind: "consumerFault" }
  | { readonly kind: "consumerBack"; readonly consumer: number; readonly incarnation: number }
  | { readonly kind: "partition" }
  | { readonly kind: "heal"; readonly partition: number }
  | { readonly kind: "crash" }
  | { readonly kind: "restart"; readonly node: NodeId }
  | { readonly kind: "liveness" }
  | { readonly kind: "progressCheck" }
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

/** A lease as its holder remembers it. */
interface HeldLease {
  readonly partition: number;
  readonly leaseId: number;
  readonly epoch: number;
  /** Exclusive: the next offset to process. */
  next: number;
  /** Shared: the records handed out. */
  readonly records: number[];
}

interface SimConsumer {
  readonly index: number;
  readonly group: string;
  readonly mode: LeaseMode;
  readonly rng: Rng;
  member: string;
  generation: number;
  /** Bumped by a crash or pause: answers to an older incarnation's calls are ignored. */
  incarnation: number;
  status: "running" | "down" | "paused";
  /** The call in flight (0 when idle). */
  attempt: number;
  attempts: number;
  readonly leases: Map<number, HeldLease>;
}

/** One replica's view of a progress group before or after a command. */
interface Observed {
  readonly clockMs: number;
  readonly groups: ReadonlyMap<string, GroupDescription>;
}

export class ProgressSimulation {
  readonly parameters: SwarmParameters;
  private readonly rng: Rng;
  private readonly faultRng: Rng;
  private readonly producerRng: Rng;
  private readonly queue = new EventQueue<ProgressEvent>();
  private readonly network: SimNetwork;
  private readonly nodeIds: NodeId[] = [1 as NodeId, 2 as NodeId, 3 as NodeId];
  private readonly nodes = new Map<NodeId, SimHelixNode>();
  private readonly consumers: SimConsumer[] = [];
  private readonly partitions: number;
  private readonly progressGroupCount: number;
  private readonly leaseMs: number;
  private readonly endMs: number;
  private readonly livenessMs: number;
  private readonly traceEvents: number;
  private readonly traceRing: string[] = [];
  /** Replica states already wrapped by the checkers. */
  private readonly watched = new WeakSet<object>();
  /** Per progress group and log index: the entry and result digest the first replica applied. */
  private readonly appliedDigests = new Map<string, string>();
  /** Per replica incarnation, progress group, consumer group, partition: the committed offset last seen. */
  private readonly lastCommitted = new Map<string, number>();
  private now = 0;
  private events = 0;
  private phase: "setup" | "safety" | "liveness" = "setup";
  private topicCreated = false;
  private caughtUp = false;
  private violation: SimulationViolation | undefined;
  readonly statistics = {
    crashes: 0,
    restarts: 0,
    partitions: 0,
    produced: 0,
    producedRecords: 0,
    consumerCrashes: 0,
    consumerPauses: 0,
    calls: 0,
    answersLost: 0,
    timeouts: 0,
    exclusiveGrants: 0,
    sharedGrants: 0,
    conflicts: 0,
    fenced: 0,
    staleCalls: 0,
    acks: 0,
    commits: 0,
    nacks: 0,
    renewals: 0,
    releases: 0,
    dropped: 0,
    reprocessed: 0,
    appliedChecked: 0,
    leasedCommandsChecked: 0,
    snapshotsRestored: 0,
    recordsSettled: 0,
  };
  private readonly processed = new Map<string, number>();

  constructor(private readonly options: ProgressSimulationOptions) {
    this.rng = new SeededRng(options.seed);
    const swarm = swarmParameters(this.rng.split());
    this.parameters = { ...swarm, ...options.parameters, voters: 3 };
    this.faultRng = this.rng.split();
    this.producerRng = this.rng.split();
    this.partitions = 2 + this.rng.integer(0, 3);
    this.progressGroupCount = 1 + this.rng.integer(0, 2);
    this.leaseMs = 1_000 + this.rng.integer(0, 3_000);
    this.endMs = (options.hours ?? 1) * 3_600_000;
    this.livenessMs = (options.livenessSeconds ?? 40) * 1000;
    this.traceEvents = options.traceEvents ?? 40;
    this.network = new SimNetwork(this.rng.split(), this.parameters, this.nodeIds);
    for (const id of this.nodeIds) this.nodes.set(id, this.createNode(id));
    const streamConsumers = 2 + this.rng.integer(0, 2);
    const queueConsumers = 2 + this.rng.integer(0, 2);
    for (let i = 0; i < streamConsumers + queueConsumers; i++) {
      const mode: LeaseMode = i < streamConsumers ? "exclusive" : "shared";
      this.consumers.push({
        index: i,
        group: mode === "exclusive" ? streamGroup : queueGroup,
        mode,
        rng: this.rng.split(),
        member: `c${i}.0`,
        generation: 0,
        incarnation: 0,
        status: "running",
        attempt: 0,
        attempts: 0,
        leases: new Map(),
      });
    }
  }

  describe(): string {
    const stream = this.consumers.filter((consumer) => consumer.mode === "exclusive").length;
    return `seed=${this.options.seed} progress mutation=${this.options.mutation ?? "none"} profile=${this.options.profile ?? "default"} hours=${this.options.hours ?? 1} partitions=${this.partitions} progressGroups=${this.progressGroupCount} leaseMs=${this.leaseMs} consumers=${stream}+${this.consumers.length - stream} ${describeSwarm(this.parameters)}`;
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
      await drain();
      this.watchReplicas();
    }
    if (this.violation === undefined && !this.caughtUp) {
      this.recordViolation(
        new SimulationViolation(
          "liveness",
          `the consumer groups did not reach every partition's high watermark within ${this.livenessMs / 1000} s of healing: ${this.lagReport()}`,
        ),
      );
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

  private handle(event: ProgressEvent): "end" | undefined {
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
        this.onProduce();
        return undefined;
      case "consume": {
        const consumer = this.consumers[event.consumer] as SimConsumer;
        if (consumer.incarnation === event.incarnation) this.step(consumer);
        return undefined;
      }
      case "timeout": {
        const consumer = this.consumers[event.consumer] as SimConsumer;
        if (consumer.attempt === event.attempt) {
          this.statistics.timeouts++;
          this.finishCall(consumer);
        }
        return undefined;
      }
      case "consumerFault":
        this.onConsumerFault();
        return undefined;
      case "consumerBack":
        this.onConsumerBack(this.consumers[event.consumer] as SimConsumer, event.incarnation);
        return undefined;
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
      case "progressCheck":
        this.onProgressCheck();
        return undefined;
      case "end":
        return "end";
    }
  }

  // ---- nodes (as node-simulation.ts) ----------------------------------------------------------------

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
      progressGroupCount: this.progressGroupCount,
      // Small snapshots, so progress groups are snapshotted, compacted and restored within a run.
      snapshotPolicy: { afterEntries: 300, trailingEntries: 50 },
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

  // ---- setup and the producer ----------------------------------------------------------------------

  private onSetup(): void {
    const leader = this.upNodes().find((node) => node.isControllerLeader() && node.isServing());
    const everyoneServing = this.upNodes().length === 3 && this.upNodes().every((node) => node.isServing());
    if (this.topicCreated) {
      const progressLed = [streamGroup, queueGroup].every(
        (group) => this.progressLeader(group) !== undefined,
      );
      if (progressLed && this.partitionLeaders().every((node) => node !== undefined)) {
        this.phase = "safety";
        this.schedule("partition", this.exponential(this.parameters.partitionEverySeconds * 1000));
        this.schedule("crash", this.exponential(this.parameters.crashEverySeconds * 1000));
        this.schedule("consumerFault", this.faultRng.integer(5_000, 20_000));
        this.schedule("produce", 0);
        for (const consumer of this.consumers) this.scheduleStep(consumer, consumer.rng.integer(0, 1000));
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

  /** Small batches with acks=all to random partitions, until the liveness phase. */
  private onProduce(): void {
    if (this.phase !== "safety") return;
    this.schedule("produce", 100 + this.producerRng.nextFloat() * 900);
    const partition = this.producerRng.integer(0, this.partitions);
    const leader = this.leaderOf(partition);
    if (leader === undefined) return;
    const count = 1 + this.producerRng.integer(0, 4);
    const values = Array.from({ length: count }, (_, i) => `r${this.statistics.produced}.${i}`);
    this.statistics.produced++;
    leader.produce(topic, partition, batchOf(values, this.now), "all").then(
      () => {
        this.statistics.producedRecords += count;
      },
      (error: unknown) => {
        if (!HelixError.isInstance(error)) this.recordViolation(error);
      },
    );
  }

  // ---- consumers -----------------------------------------------------------------------------------

  private scheduleStep(consumer: SimConsumer, delayMs: number): void {
    this.queue.push(this.now + delayMs, {
      kind: "consume",
      consumer: consumer.index,
      incarnation: consumer.incarnation,
    });
  }

  /** One call at a time: choose what to do next and send it to the progress group's leader. */
  private step(consumer: SimConsumer): void {
    if (consumer.status !== "running" || consumer.attempt !== 0) return;
    const node = this.progressLeader(consumer.group);
    if (node === undefined) {
      this.scheduleStep(consumer, 100 + consumer.rng.integer(0, 200));
      return;
    }
    if (consumer.mode === "exclusive") this.stepExclusive(consumer, node);
    else this.stepShared(consumer, node);
  }

  private stepExclusive(consumer: SimConsumer, node: HelixNode): void {
    const rng = consumer.rng;
    const free = [...Array(this.partitions).keys()].filter((partition) => !consumer.leases.has(partition));
    const held = [...consumer.leases.values()];
    if (free.length > 0 && (held.length === 0 || rng.chance(0.25))) {
      const partition = free[rng.integer(0, free.length)] as number;
      this.call(
        consumer,
        () =>
          node.progress.acquireLease({
            group: consumer.group,
            memberId: consumer.member,
            topic,
            partition,
            mode: "exclusive",
            durationMs: this.leaseMs,
            initialOffset: 0,
          }),
        (grant) => {
          if (grant === null) return;
          this.statistics.exclusiveGrants++;
          consumer.leases.set(partition, {
            partition,
            leaseId: grant.leaseId,
            epoch: grant.epoch,
            next: grant.committedOffset,
            records: [],
          });
        },
      );
      return;
    }
    const lease = held[rng.integer(0, held.length)] as HeldLease;
    const fence = { leaseId: lease.leaseId, epoch: lease.epoch };
    const roll = rng.nextFloat();
    if (roll < 0.15) {
      this.call(
        consumer,
        () => node.progress.renewLease(consumer.group, fence, this.leaseMs),
        () => {
          this.statistics.renewals++;
        },
        lease,
      );
      return;
    }
    if (roll < 0.2 && this.phase === "safety") {
      this.call(
        consumer,
        () => node.progress.releaseLease(consumer.group, fence),
        () => {
          this.statistics.releases++;
          consumer.leases.delete(lease.partition);
        },
        lease,
      );
      return;
    }
    // Fetch from the next offset on the partition leader, then settle what was read.
    const leader = this.leaderOf(lease.partition);
    if (leader === undefined) {
      this.scheduleStep(consumer, 100);
      return;
    }
    const commit = rng.chance(0.3);
    this.call(
      consumer,
      async () => {
        const end = await this.readBatches(leader, lease.partition, lease.next);
        if (end === lease.next) return { end, committedOffset: lease.next };
        this.noteProcessed(consumer.group, lease.partition, lease.next, end);
        if (commit) {
          const [outcome] = await node.progress.commitOffsets(consumer.group, [
            { topic, partition: lease.partition, offset: end, lease: fence },
          ]);
          if (outcome?.error) throw outcome.error;
          return { end, committedOffset: end };
        }
        const acked = await node.progress.ack({ group: consumer.group, lease: fence, cumulative: end });
        return { end, committedOffset: acked.committedOffset };
      },
      ({ end, committedOffset }) => {
        if (end === lease.next) return;
        if (commit) this.statistics.commits++;
        else this.statistics.acks++;
        lease.next = Math.max(lease.next, committedOffset);
      },
      lease,
    );
  }

  private stepShared(consumer: SimConsumer, node: HelixNode): void {
    const rng = consumer.rng;
    const held = [...consumer.leases.values()];
    const free = [...Array(this.partitions).keys()].filter((partition) => !consumer.leases.has(partition));
    if (free.length > 0 && (held.length === 0 || rng.chance(0.4))) {
      const partition = free[rng.integer(0, free.length)] as number;
      const leader = this.leaderOf(partition);
      if (leader === undefined) {
        this.scheduleStep(consumer, 100);
        return;
      }
      const logEndOffset = leader.highWatermark(topic, partition);
      this.call(
        consumer,
        () =>
          node.progress.acquireLease({
            group: consumer.group,
            memberId: consumer.member,
            topic,
            partition,
            mode: "shared",
            durationMs: this.leaseMs,
            initialOffset: 0,
            maxRecords: 1 + rng.integer(0, 6),
            logEndOffset,
          }),
        (grant) => {
          if (grant === null) return;
          this.statistics.sharedGrants++;
          const records = grant.records.map((record) => record.offset);
          for (const offset of records) this.noteProcessed(consumer.group, partition, offset, offset + 1);
          consumer.leases.set(partition, {
            partition,
            leaseId: grant.leaseId,
            epoch: grant.epoch,
            next: 0,
            records,
          });
        },
      );
      return;
    }
    const lease = held[rng.integer(0, held.length)] as HeldLease;
    const fence = { leaseId: lease.leaseId, epoch: lease.epoch };
    const roll = this.phase === "liveness" ? 0 : rng.nextFloat();
    if (roll < 0.75) {
      // Ack the records (all, or a random part: the rest expire and are redelivered).
      const some = roll < 0.6 ? lease.records : lease.records.filter(() => rng.chance(0.5));
      if (some.length === 0) {
        consumer.leases.delete(lease.partition);
        this.scheduleStep(consumer, 10);
        return;
      }
      this.call(
        consumer,
        () => node.progress.ack({ group: consumer.group, lease: fence, offsets: some }),
        () => {
          this.statistics.acks++;
          consumer.leases.delete(lease.partition);
        },
        lease,
      );
    } else if (roll < 0.85) {
      this.call(
        consumer,
        () => node.progress.nack(consumer.group, fence, lease.records),
        () => {
          this.statistics.nacks++;
          consumer.leases.delete(lease.partition);
        },
        lease,
      );
    } else if (roll < 0.92) {
      this.call(
        consumer,
        () => node.progress.renewLease(consumer.group, fence, this.leaseMs),
        () => {
          this.statistics.renewals++;
        },
        lease,
      );
    } else {
      // Walk away: the records come back when the lease expires.
      this.statistics.dropped++;
      consumer.leases.delete(lease.partition);
      this.scheduleStep(consumer, 10);
    }
  }

  /**
   * One call: started now, answered when it resolves (unless the answer is lost or the consumer crashed
   * or paused meanwhile), timed out after callTimeoutMs. A call naming `lease` that is FENCED drops it.
   */
  private call<Value>(
    consumer: SimConsumer,
    start: () => Promise<Value>,
    onValue: (value: Value) => void,
    lease?: HeldLease,
  ): void {
    const attempt = ++consumer.attempts;
    consumer.attempt = attempt;
    const incarnation = consumer.incarnation;
    this.statistics.calls++;
    this.queue.push(this.now + callTimeoutMs, { kind: "timeout", consumer: consumer.index, attempt });
    const current = () => consumer.attempt === attempt && consumer.incarnation === incarnation;
    const lost = this.phase === "safety" && consumer.rng.chance(answerLossProbability);
    let started: Promise<Value>;
    try {
      started = start();
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      (value) => {
        if (!current()) return;
        if (lost) {
          this.statistics.answersLost++;
          return;
        }
        onValue(value);
        this.finishCall(consumer);
      },
      (error: unknown) => {
        if (!HelixError.isInstance(error)) {
          this.recordViolation(error);
          return;
        }
        if (!current() || lost) return;
        if (error.code === "FENCED" || error.code === "NOT_FOUND") {
          this.statistics.fenced++;
          if (lease !== undefined && consumer.leases.get(lease.partition) === lease)
            consumer.leases.delete(lease.partition);
        } else if (error.code === "CONFLICT") this.statistics.conflicts++;
        this.finishCall(consumer);
      },
    );
  }

  private finishCall(consumer: SimConsumer): void {
    consumer.attempt = 0;
    if (consumer.status !== "running") return;
    this.scheduleStep(consumer, 20 + consumer.rng.nextFloat() * 300);
  }

  /** Reads committed batches from `offset` on the partition leader; answers the offset after the last. */
  private async readBatches(leader: HelixNode, partition: number, offset: number): Promise<number> {
    const { batches } = await leader.fetch(topic, partition, offset, 2048);
    let end = offset;
    for (const bytes of batches) {
      for (let start = 0; start < bytes.length; ) {
        const header = readRecordBatchHeader(bytes, start);
        if (header.baseOffset > end) {
          throw new SimulationViolation(
            "offset contiguity",
            `partition ${partition}: a fetch from ${offset} returned a batch at ${header.baseOffset}, after ${end}`,
          );
        }
        if (decodeRecords(bytes, start).length === 0) break;
        end = Math.max(end, header.baseOffset + header.lastOffsetDelta + 1);
        start += batchSize(header);
      }
    }
    return end;
  }

  /** Counts records a consumer of `group` handled more than once (at-least-once redelivery). */
  private noteProcessed(group: string, partition: number, from: number, to: number): void {
    for (let offset = from; offset < to; offset++) {
      const key = `${group}/${partition}/${offset}`;
      const times = (this.processed.get(key) ?? 0) + 1;
      this.processed.set(key, times);
      if (times > 1) this.statistics.reprocessed++;
    }
  }

  /** A consumer crashes (forgets its leases) or pauses (keeps them, comes back a zombie). */
  private onConsumerFault(): void {
    if (this.phase !== "safety") return;
    this.schedule("consumerFault", this.faultRng.integer(3_000, 15_000));
    const running = this.consumers.filter((consumer) => consumer.status === "running");
    const victim = running[this.faultRng.integer(0, Math.max(1, running.length))];
    if (victim === undefined) return;
    victim.incarnation++;
    victim.attempt = 0;
    let downMs: number;
    if (this.faultRng.chance(0.5)) {
      this.statistics.consumerCrashes++;
      victim.status = "down";
      victim.leases.clear();
      downMs = this.faultRng.nextFloat() * 2 * this.leaseMs;
    } else {
      this.statistics.consumerPauses++;
      victim.status = "paused";
      downMs = this.leaseMs * (0.5 + this.faultRng.nextFloat() * 2);
    }
    this.queue.push(this.now + downMs, {
      kind: "consumerBack",
      consumer: victim.index,
      incarnation: victim.incarnation,
    });
  }

  private onConsumerBack(consumer: SimConsumer, incarnation: number): void {
    if (consumer.incarnation !== incarnation || consumer.status === "running") return;
    if (consumer.status === "down" && this.faultRng.chance(0.5)) {
      // A new member id: the old leases must expire; the same id fences them at once.
      consumer.generation++;
      consumer.member = `c${consumer.index}.${consumer.generation}`;
    }
    if (consumer.status === "paused") this.statistics.staleCalls += consumer.leases.size;
    consumer.status = "running";
    this.scheduleStep(consumer, 0);
  }

  // ---- liveness ------------------------------------------------------------------------------------

  private onLiveness(): void {
    this.phase = "liveness";
    this.network.heal();
    this.network.faulty = false;
    for (const simNode of this.nodes.values()) if (simNode.status === "down") this.startNode(simNode.id);
    for (const consumer of this.consumers) {
      if (consumer.status === "running") continue;
      consumer.incarnation++;
      consumer.status = "running";
      consumer.attempt = 0;
      this.scheduleStep(consumer, 0);
    }
    this.schedule("progressCheck", 1000);
  }

  /** Done when both groups' watermarks equal every partition's high watermark. */
  private onProgressCheck(): void {
    if (this.lagReport() === "") {
      this.caughtUp = true;
      return;
    }
    this.schedule("progressCheck", 1000);
  }

  /** "" when every group has settled every partition up to its high watermark; else what lags. */
  private lagReport(): string {
    const lagging: string[] = [];
    for (let partition = 0; partition < this.partitions; partition++) {
      const leader = this.leaderOf(partition);
      if (leader === undefined) {
        lagging.push(`partition ${partition} has no leader`);
        continue;
      }
      const end = leader.highWatermark(topic, partition);
      for (const group of [streamGroup, queueGroup]) {
        const committed = this.committedOnLeader(group, partition);
        if (committed !== end) lagging.push(`${group}/${partition} at ${committed ?? "none"} of ${end}`);
      }
    }
    return lagging.join(", ");
  }

  /** The committed offset in the applied state of the group's progress leader. */
  private committedOnLeader(group: string, partition: number): number | undefined {
    const node = this.progressLeader(group);
    if (node === undefined) return undefined;
    const topicId = node.topic(topic)?.id;
    for (let index = 1; index <= this.progressGroupCount; index++) {
      const description = describe(node, index as GroupId, group);
      const found = description?.partitions.find(
        (view) => view.topic === topicId && view.partition === partition,
      );
      if (found !== undefined) return found.committedOffset;
    }
    return undefined;
  }

  // ---- the checkers --------------------------------------------------------------------------------

  /** Wraps the apply of every progress group state not yet watched (new nodes, restarts). */
  private watchReplicas(): void {
    for (const simNode of this.nodes.values()) {
      const node = simNode.node;
      if (simNode.status !== "up" || node === undefined) continue;
      for (let index = 1; index <= this.progressGroupCount; index++) {
        const group = index as GroupId;
        const state = node.progress.groupState(group);
        if (state === undefined || this.watched.has(state)) continue;
        this.watched.add(state);
        const replica = `n${simNode.id}.${simNode.incarnation}`;
        mutateProgressMachine(state.state, this.options.mutation);
        const apply = state.apply.bind(state);
        state.apply = (entry: Entry) => {
          const before = observe(state.state);
          const result = apply(entry);
          this.checkApplied(replica, group, entry, before, observe(state.state), result);
          return result;
        };
        const restore = state.restore.bind(state);
        state.restore = (data: Uint8Array, at: number) => {
          restore(data, at);
          this.statistics.snapshotsRestored++;
          this.checkWatermarks(replica, group, observe(state.state), "a snapshot install");
        };
      }
    }
  }

  private checkApplied(
    replica: string,
    group: GroupId,
    entry: Entry,
    before: Observed,
    after: Observed,
    result: ProgressResult<unknown> | undefined,
  ): void {
    this.statistics.appliedChecked++;
    const digest = `${entry.term}/${crc32c(entry.data)}/${JSON.stringify(result ?? null)}`;
    const key = `${group}/${entry.index}`;
    const first = this.appliedDigests.get(key);
    if (first === undefined) this.appliedDigests.set(key, digest);
    else if (first !== digest) {
      this.fail(
        "state machine safety",
        `progress group ${group} index ${entry.index}: replica ${replica} applied ${digest}, another ${first}`,
      );
    }
    if (entry.type !== "normal" || entry.data.length === 0) return;
    const command = JSON.parse(new TextDecoder().decode(entry.data)) as ProgressCommand;
    const clockMs = Math.max(before.clockMs, command.nowMs);
    this.checkExclusivity(replica, group, after, command);
    if (result?.ok === true) {
      this.checkFencing(replica, group, command, result, before, clockMs);
      if (command.type === "Ack") {
        this.statistics.recordsSettled += (result.value as { newlySettled: number }).newlySettled;
      }
    }
    const moved =
      command.type === "ResetOffsets" ||
      (command.type === "CommitOffsets" && command.offsets.some((commit) => commit.lease === undefined));
    if (!moved) this.checkWatermarks(replica, group, after, `${command.type} at index ${entry.index}`);
  }

  /** No two exclusive leases on a partition, none beside a shared one, no record held twice, none due. */
  private checkExclusivity(replica: string, group: GroupId, after: Observed, command: ProgressCommand): void {
    for (const [name, description] of after.groups) {
      for (const partition of description.partitions) {
        const exclusive = partition.leases.filter((lease) => lease.mode === "exclusive");
        const where = `replica ${replica} progress group ${group} ${name}/${partition.partition} after ${command.type}`;
        if (exclusive.length > 1 || (exclusive.length === 1 && partition.leases.length > 1)) {
          this.fail(
            "lease exclusivity",
            `${where}: live leases ${partition.leases.map((lease) => `${lease.leaseId}:${lease.mode}:${lease.memberId}`).join(", ")}`,
          );
        }
        const holders = new Map<number, number>();
        for (const lease of partition.leases) {
          if (lease.expiresAtMs <= after.clockMs) {
            this.fail(
              "lease exclusivity",
              `${where}: lease ${lease.leaseId} expired at ${lease.expiresAtMs} is live at ${after.clockMs}`,
            );
          }
          for (const offset of lease.heldOffsets) {
            const other = holders.get(offset);
            if (other !== undefined) {
              this.fail(
                "lease exclusivity",
                `${where}: offset ${offset} held by leases ${other} and ${lease.leaseId}`,
              );
            }
            holders.set(offset, lease.leaseId);
          }
        }
      }
    }
  }

  /** An accepted command naming a lease named a live lease with its epoch, on the replicated clock. */
  private checkFencing(
    replica: string,
    group: GroupId,
    command: ProgressCommand,
    result: ProgressResult<unknown> & { ok: true },
    before: Observed,
    clockMs: number,
  ): void {
    const fences: { leaseId: number; epoch: number }[] = [];
    if (
      command.type === "Ack" ||
      command.type === "Nack" ||
      command.type === "RenewLease" ||
      command.type === "ReleaseLease"
    ) {
      fences.push(command.lease);
    } else if (command.type === "CommitOffsets") {
      const outcomes = (result.value as { partitions: { error: unknown }[] }).partitions;
      command.offsets.forEach((commit, i) => {
        if (commit.lease !== undefined && outcomes[i]?.error === null) fences.push(commit.lease);
      });
    }
    if (fences.length === 0 || !("group" in command)) return;
    const description = before.groups.get(command.group);
    for (const fence of fences) {
      this.statistics.leasedCommandsChecked++;
      const live = description?.partitions
        .flatMap((partition) => partition.leases)
        .find((lease) => lease.leaseId === fence.leaseId);
      if (live === undefined || live.epoch !== fence.epoch || live.expiresAtMs <= clockMs) {
        this.fail(
          "fencing",
          `replica ${replica} progress group ${group} accepted ${command.type} of ${command.group} with lease ${fence.leaseId} epoch ${fence.epoch} at clock ${clockMs}, ` +
            (live === undefined
              ? "which was not live"
              : `which was epoch ${live.epoch} expiring at ${live.expiresAtMs}`),
        );
      }
    }
  }

  /** A replica's committed offsets never move backwards within one incarnation. */
  private checkWatermarks(replica: string, group: GroupId, after: Observed, what: string): void {
    for (const [name, description] of after.groups) {
      for (const partition of description.partitions) {
        const key = `${replica}/${group}/${name}/${partition.topic}/${partition.partition}`;
        const last = this.lastCommitted.get(key);
        if (last !== undefined && partition.committedOffset < last) {
          this.fail(
            "watermark monotonic",
            `replica ${replica} ${name}/${partition.partition}: committed offset went from ${last} to ${partition.committedOffset} by ${what}`,
          );
        }
        this.lastCommitted.set(key, partition.committedOffset);
      }
    }
  }

  private fail(checker: string, message: string): void {
    this.recordViolation(new SimulationViolation(checker, message));
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

  /** A node that leads the consumer group's progress group right now. */
  private progressLeader(group: string): HelixNode | undefined {
    return this.upNodes().find(
      (node) => node.isServing() && node.progress.locate(group)?.leader === node.nodeId,
    );
  }

  private schedule(
    kind: "partition" | "crash" | "setup" | "produce" | "consumerFault" | "progressCheck",
    delayMs: number,
  ): void {
    this.queue.push(this.now + delayMs, { kind });
  }

  private exponential(meanMs: number): number {
    return -Math.log(1 - this.faultRng.nextFloat()) * meanMs;
  }

  private remember(event: ProgressEvent): void {
    if (event.kind === "disk" || event.kind === "tick" || event.kind === "deliver") return;
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

/** The replica's clock and the two consumer groups as its machine describes them. */
function observe(machine: {
  describe(): { clockMs: number };
  query(query: ProgressCommand): ProgressResult<unknown>;
}): Observed {
  const groups = new Map<string, GroupDescription>();
  for (const name of [streamGroup, queueGroup]) {
    const answer = machine.query({ type: "DescribeGroup", nowMs: 0, group: consumerGroupId(name) });
    if (answer.ok) groups.set(name, answer.value as GroupDescription);
  }
  return { clockMs: machine.describe().clockMs, groups };
}

function describe(node: HelixNode, group: GroupId, name: string): GroupDescription | undefined {
  const state = node.progress.groupState(group);
  if (state === undefined) return undefined;
  const answer = state.state.query({ type: "DescribeGroup", nowMs: 0, group: consumerGroupId(name) });
  return answer.ok ? (answer.value as GroupDescription) : undefined;
}

function describeEvent(event: ProgressEvent): string {
  switch (event.kind) {
    case "consume":
      return `consume c${event.consumer}`;
    case "timeout":
      return `timeout c${event.consumer}`;
    case "consumerBack":
      return `back c${event.consumer}`;
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
