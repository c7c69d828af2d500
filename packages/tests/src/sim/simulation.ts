/**
 * The deterministic cluster simulator (DESIGN.md §9.3, issue 6). One seed drives everything: the
 * run's shape (swarm parameters), the network, every node's disk and clock, the faults and the client
 * load. Nodes run the real Raft host (packages/server/src/node) over the real WAL on the WAL's
 * simulated disk; a crash drops what was not fdatasynced, and the restarted node is rebuilt from
 * exactly what its WAL recovers.
 *
 * Time is simulated: a discrete-event loop pops the earliest event, runs it, then drains the promise
 * microtasks it started (WAL appends are promises) before the next event. Draining waits until Node
 * has run every queued microtask in a fixed order (settle.ts: a process.nextTick, now and then a full
 * macrotask turn), so the run stays a pure function of the seed. Only promise-based asynchrony exists inside the simulation:
 * disk operations complete when the loop says (fdatasync latency is an event), never on real timers.
 *
 * Phases: a safety phase under continuous faults, then a liveness phase that heals the network, stops
 * crashes and disk faults and restarts every node, and demands that every group elect a leader and
 * commit a fresh entry within a bound. Checkers (checkers.ts) run continuously; client histories are
 * checked for linearizability at the end.
 */
import {
  AssertionError,
  assert,
  type GroupId,
  HelixError,
  type LogIndex,
  type NodeId,
  type Rng,
  SeededRng,
  type Ticks,
} from "@helixlog/core";
import { describeMessage, type Entry, type MultiRaftBatch, type Raft } from "@helixlog/raft";
import { type GroupView, RaftHost, SnapshotStore, type StoredSnapshot } from "@helixlog/server";
import { Wal } from "@helixlog/wal";
import { SimDisk } from "@helixlog/wal/testing";
import { Checkers, type EntryFact, SimulationViolation } from "./checkers.js";
import { EventQueue } from "./event-queue.js";
import { Figure8Nemesis } from "./figure8-nemesis.js";
import {
  type Command,
  carriesCommand,
  digestOf,
  encodeCommand,
  KvStateMachine,
  offsetOf,
  snapshotEndOffset,
} from "./kv.js";
import {
  checkLinearizable,
  type LogInput,
  logModel,
  type Operation,
  type RegisterInput,
  registerModel,
} from "./linearizability.js";
import { LyingDisk, type Mutation, nodePatch } from "./mutations.js";
import { afterMicrotasks } from "./settle.js";
import { SimClock } from "./sim-clock.js";
import { SimNetwork } from "./sim-network.js";
import { describeSwarm, type SwarmParameters, swarmParameters } from "./swarm.js";
import { TickSchedule } from "./tick-schedule.js";

export interface SimulationOptions {
  readonly seed: number;
  /** Simulated hours of this cluster's run, liveness phase included. Default 1. */
  readonly hours?: number;
  readonly mutation?: Mutation;
  /** Simulated seconds the liveness phase allows every group to elect and commit. Default 60. */
  readonly livenessSeconds?: number;
  /** Events kept for the trace printed with a failure. Default 40. */
  readonly traceEvents?: number;
  /** Replaces the seed's swarm parameters (tests pin a shape). */
  readonly parameters?: Partial<SwarmParameters>;
  /** The name of the pinned shape (profiles.ts), for the description. */
  readonly profile?: string;
  /** Mutation check only: run without the leader completeness checker (see Checkers). */
  readonly skipLeaderCompleteness?: boolean;
  /**
   * Queue only the ticks that can do something (tick-schedule.ts). Default on; off runs every tick as
   * an event, which gives the same run with more events (the equivalence test compares the two).
   */
  readonly tickSkipping?: boolean;
}

export interface SimulationResult {
  readonly seed: number;
  readonly parameters: SwarmParameters;
  readonly violation: SimulationViolation | undefined;
  /** The last events before the violation (or the end), oldest first. */
  readonly trace: readonly string[];
  readonly simulatedMs: number;
  readonly events: number;
  readonly wallMs: number;
  readonly statistics: Record<string, number>;
}

/** Operations on one key before clients move to a fresh key: bounds each linearizability search. */
const operationsPerKeyMax = 24;
/** Drains between full event-loop turns (the others wait for the microtask queue only). */
const drainsPerMacrotask = 256;

/** In `nodeActivity()`: bit 0, which no node uses (node ids count from 1, one bit each). */
const anyStartingBit = 1;
/** A client gives up on an operation after this many simulated milliseconds (outcome unknown). */
const clientTimeoutMs = 5_000;
const walDirectory = "wal";
/** Small segments so runs roll segments often (recovery across segments, checkpoints). */
const walSegmentSizeBytes = 256 * 1024;

type SimEvent =
  | {
      readonly kind: "tick";
      readonly node: NodeId;
      readonly incarnation: number;
    }
  | { readonly kind: "deliver"; readonly batch: MultiRaftBatch }
  | { readonly kind: "disk"; readonly node: NodeId; readonly complete: () => void }
  | { readonly kind: "client"; readonly client: number }
  | { readonly kind: "timeout"; readonly client: number; readonly operation: number }
  | { readonly kind: "partition" }
  | { readonly kind: "heal"; readonly partition: number }
  | { readonly kind: "crash" }
  | { readonly kind: "restart"; readonly node: NodeId }
  | { readonly kind: "clockJump" }
  | { readonly kind: "liveness" }
  | { readonly kind: "probe" }
  | { readonly kind: "nemesis"; readonly token: number }
  | { readonly kind: "end" };

interface SimNode {
  readonly id: NodeId;
  disk: SimDisk;
  readonly clock: SimClock;
  readonly rng: Rng;
  incarnation: number;
  status: "starting" | "up" | "down" | "dead";
  host: RaftHost | undefined;
  /** The host's ticks (undefined while no host is up). */
  ticks: TickSchedule | undefined;
  kv: KvStateMachine;
  /** Per group id: the group's Raft state on the current host (set when the host opens). */
  rafts: Raft[];
  /** Per group id: what the checkers last saw of this node's role, term and commit. */
  seen: Array<{ role: string; term: number; commit: number } | undefined>;
  /** Per group, the last index this incarnation applied (applies must be contiguous). */
  appliedIndex: Map<GroupId, number>;
}

interface PendingOperation {
  readonly operation: number;
  readonly key: string;
  readonly model: "register" | "log";
  readonly input: RegisterInput | LogInput;
  readonly call: number;
  readonly node: NodeId;
  readonly incarnation: number;
  readonly group: GroupId;
  readonly index: number;
  readonly term: number;
}

interface Client {
  readonly id: number;
  readonly rng: Rng;
  pending: PendingOperation | undefined;
  nextOperation: number;
  /** Per group, the node last seen leading it. */
  readonly leaderHint: Map<GroupId, NodeId>;
}

interface KeyHistory {
  readonly model: "register" | "log";
  readonly operations: Operation<RegisterInput | LogInput, string | number>[];
}

export class Simulation {
  readonly parameters: SwarmParameters;
  private readonly rng: Rng;
  private readonly faultRng: Rng;
  private readonly queue = new EventQueue<SimEvent>();
  private readonly network: SimNetwork;
  private readonly checkers: Checkers;
  private readonly nodes = new Map<NodeId, SimNode>();
  /** The same nodes by id (the hot paths index this instead of the map). */
  private readonly byId: SimNode[] = [];
  /** The same nodes in id order. */
  private readonly nodeList: SimNode[] = [];
  /** Scratch for a client's random order of nodes (`findLeader`). */
  private readonly order: NodeId[] = [];
  private readonly nodeIds: NodeId[];
  private readonly groupIds: GroupId[];
  private readonly clients: Client[] = [];
  private readonly histories = new Map<string, KeyHistory>();
  /** Per group: the current register key and log key and how many operations each has had. */
  private readonly keys = new Map<
    GroupId,
    { register: number; registerOps: number; log: number; logOps: number }
  >();
  private readonly acknowledged: Array<{ group: GroupId; index: number; term: number }> = [];
  /** Pending client operations by node/group/index, to settle them when the index is applied. */
  private readonly pendingByIndex = new Map<number, Client>();
  private readonly traceRing: SimEvent[] = [];
  private readonly traceTimes: number[] = [];
  /** The ring slot of the next event (`events` modulo `traceEvents`). */
  private traceSlot = 0;
  private readonly eventCounts: Record<SimEvent["kind"], number> = {
    tick: 0,
    deliver: 0,
    disk: 0,
    client: 0,
    timeout: 0,
    partition: 0,
    heal: 0,
    crash: 0,
    restart: 0,
    clockJump: 0,
    liveness: 0,
    probe: 0,
    nemesis: 0,
    end: 0,
  };
  private readonly traceEvents: number;
  private readonly endMs: number;
  private readonly livenessMs: number;
  private readonly mutation: Mutation;
  private now = 0;
  private events = 0;
  private violation: SimulationViolation | undefined;
  private phase: "safety" | "liveness" = "safety";
  /** Groups that committed a probe entry during the liveness phase. */
  private readonly liveGroups = new Set<GroupId>();
  private diskActivity = false;
  private readonly figure8: Figure8Nemesis | undefined;
  readonly statistics = {
    crashes: 0,
    restarts: 0,
    diskFailures: 0,
    corruptionsDetected: 0,
    bitFlips: 0,
    partitions: 0,
    proposals: 0,
    acknowledged: 0,
    indeterminate: 0,
    failedProposals: 0,
    linearizabilityKeys: 0,
    linearizabilitySteps: 0,
    /** A leader's commit index advanced onto an entry of an earlier term (only a broken build does). */
    oldTermCommits: 0,
    /** Snapshots made durable (taken or installed), installed from a leader, recovered at a restart. */
    snapshotsSaved: 0,
    snapshotsInstalled: 0,
    snapshotsRecovered: 0,
  };

  constructor(private readonly options: SimulationOptions) {
    this.checkers = new Checkers(options.skipLeaderCompleteness ?? false);
    this.rng = new SeededRng(options.seed);
    this.parameters = { ...swarmParameters(this.rng.split()), ...options.parameters };
    this.faultRng = this.rng.split();
    this.mutation = options.mutation ?? "none";
    this.traceEvents = options.traceEvents ?? 40;
    this.endMs = (options.hours ?? 1) * 3_600_000;
    this.livenessMs = (options.livenessSeconds ?? 60) * 1000;
    assert(
      this.parameters.voters < 31 && this.parameters.groups < 64,
      "node ids must stay under 31 (busyNodes) and group ids under 64 (pendingKey)",
    );
    this.nodeIds = Array.from({ length: this.parameters.voters }, (_, i) => (i + 1) as NodeId);
    this.groupIds = Array.from({ length: this.parameters.groups }, (_, i) => (i + 1) as GroupId);
    this.network = new SimNetwork(this.rng.split(), this.parameters, this.nodeIds);
    if (this.parameters.figure8Nemesis) {
      this.figure8 = new Figure8Nemesis({
        isolate: (...victims) => {
          this.statistics.partitions++;
          this.network.isolate(...victims);
        },
        heal: () => this.network.heal(),
        timer: (delayMs, token) => this.queue.push(this.now + delayMs, { kind: "nemesis", token }),
      });
    }
    for (const id of this.nodeIds) {
      const node = this.createNode(id);
      this.nodes.set(id, node);
      this.byId[id] = node;
      this.nodeList.push(node);
    }
    for (let i = 0; i < this.parameters.clients; i++) {
      this.clients.push({
        id: i + 1,
        rng: this.rng.split(),
        pending: undefined,
        nextOperation: 1,
        leaderHint: new Map(),
      });
    }
  }

  describe(): string {
    return `seed=${this.options.seed} mutation=${this.mutation} profile=${this.options.profile ?? "default"} hours=${this.options.hours ?? 1} ${describeSwarm(this.parameters)}`;
  }

  async run(): Promise<SimulationResult> {
    const started = performance.now();
    for (const id of this.nodeIds) this.startNode(id);
    for (const client of this.clients)
      this.queue.push(client.rng.integer(0, 1000), { kind: "client", client: client.id });
    this.schedule("partition", this.exponential(this.parameters.partitionEverySeconds * 1000));
    this.schedule("crash", this.exponential(this.parameters.crashEverySeconds * 1000));
    this.schedule("clockJump", this.exponential(this.parameters.clockJumpEverySeconds * 1000));
    this.queue.push(Math.max(0, this.endMs - this.livenessMs), { kind: "liveness" });
    this.queue.push(this.endMs, { kind: "end" });
    await this.drain();
    await new Promise<void>((resolve, reject) => {
      this.loopDone = resolve;
      this.loopFailed = reject;
      this.loop();
    });
    if (this.violation === undefined) {
      try {
        this.finalChecks();
      } catch (error) {
        this.recordViolation(error);
      }
    }
    for (const node of this.nodes.values()) node.host?.stop();
    return {
      seed: this.options.seed,
      parameters: this.parameters,
      violation: this.violation,
      trace: this.traceLines(),
      simulatedMs: this.now,
      events: this.events,
      wallMs: performance.now() - started,
      statistics: {
        ...this.statistics,
        ...this.checkers.counts,
        ...prefixed("network", this.network.statistics),
        ...prefixed("events", this.eventCounts),
        ...prefixed("figure8", this.figure8?.statistics ?? {}),
      },
    };
  }

  // ---- the event loop ----------------------------------------------------------------------------

  /** Settle run()'s wait once the loop has stopped, or failed outside any event's handling. */
  private loopDone: () => void = () => {};
  private loopFailed: (error: unknown) => void = () => {};
  /** Drains so far: every `drainsPerMacrotask`-th one is a full macrotask turn (see `loop`). */
  private drains = 0;

  /**
   * Runs events (`runEvents`) until one has started promise work that must settle before the next
   * event, then returns and has itself queued again once every microtask has run (settle.ts: a tick
   * instead of a macrotask turn, and every `drainsPerMacrotask`-th time a full event-loop turn so the
   * process still sees its event loop during a long run). It always runs as a microtask.
   *
   * Promise chains start with disk operations, with a node opening, and with a host round that starts
   * waiting for the WAL (which defers its own work to a microtask). A round already waiting before
   * this event creates nothing new: inputs to a busy host go to its engine synchronously, and its round
   * can only finish when a disk operation completes. Everything else is synchronous, so other events
   * need no drain: most events are ticks and deliveries that start no round.
   */
  private readonly loop = (): void => {
    try {
      this.runEvents();
    } catch (error) {
      this.loopFailed(error);
    }
  };

  private runEvents(): void {
    /** Nodes whose host round waited for the WAL after the last event (a bit per node id). */
    let busyBefore = this.nodeActivity() & ~anyStartingBit;
    while (this.violation === undefined) {
      const event = this.queue.next();
      if (event === undefined) break;
      this.now = this.queue.time;
      this.remember(event);
      this.events++;
      try {
        if (this.handle(event) === "end") break;
      } catch (error) {
        this.recordViolation(error);
      }
      const activity = this.nodeActivity();
      const busy = activity & ~anyStartingBit;
      if (this.diskActivity || (busy & ~busyBefore) !== 0 || activity !== busy) {
        this.diskActivity = false;
        this.drains++;
        afterMicrotasks(this.loop, this.drains % drainsPerMacrotask === 0);
        return;
      }
      busyBefore = busy;
    }
    this.loopDone();
  }

  /** Handles one event, counting it by kind (named fields: a count keyed by the kind was ~1% of a run). */
  private handle(event: SimEvent): "end" | undefined {
    switch (event.kind) {
      case "tick":
        this.eventCounts.tick++;
        return this.onTick(event);
      case "deliver": {
        this.eventCounts.deliver++;
        const node = this.byId[event.batch.to];
        if (this.network.isCut(event.batch.from, event.batch.to)) {
          this.network.statistics.lostInFlight++;
          return undefined;
        }
        if (node?.status === "up" && node.host !== undefined) {
          node.ticks?.catchUp(this.now, node.host);
          node.host.receive(event.batch);
          this.observe(node);
          node.ticks?.reschedule(node.host);
        }
        return undefined;
      }
      case "disk": {
        this.eventCounts.disk++;
        this.diskActivity = true;
        // The host's round goes on in the drain after this event: its next tick must run.
        const node = this.nodes.get(event.node) as SimNode;
        if (node.host !== undefined) node.ticks?.catchUp(this.now, node.host);
        node.ticks?.tickSoon();
        event.complete();
        return undefined;
      }
      case "client":
        this.eventCounts.client++;
        this.onClient(this.clients[event.client - 1] as Client);
        return undefined;
      case "timeout":
        this.eventCounts.timeout++;
        this.onTimeout(this.clients[event.client - 1] as Client, event.operation);
        return undefined;
      case "partition":
        this.eventCounts.partition++;
        return this.onPartition();
      case "heal":
        this.eventCounts.heal++;
        // Only the partition this heal was scheduled for: a later one lasts its own time.
        if (this.network.partitionNumber === event.partition) this.network.heal();
        return undefined;
      case "crash":
        this.eventCounts.crash++;
        return this.onCrash();
      case "restart":
        this.eventCounts.restart++;
        if ((this.nodes.get(event.node) as SimNode).status === "down") this.startNode(event.node);
        return undefined;
      case "clockJump":
        this.eventCounts.clockJump++;
        return this.onClockJump();
      case "liveness":
        this.eventCounts.liveness++;
        return this.onLiveness();
      case "probe":
        this.eventCounts.probe++;
        return this.onProbe();
      case "nemesis":
        this.eventCounts.nemesis++;
        if (this.phase === "safety") this.figure8?.onTimer(event.token);
        return undefined;
      case "end":
        this.eventCounts.end++;
        return "end";
    }
  }

  private schedule(kind: "partition" | "crash" | "clockJump" | "probe", delayMs: number): void {
    this.queue.push(this.now + delayMs, { kind });
  }

  private exponential(meanMs: number): number {
    return -Math.log(1 - this.faultRng.nextFloat()) * meanMs;
  }

  /** Lets every microtask the last event started run to completion (see the module comment). */
  private drain(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * One pass over the nodes after every event: a bit per node id whose host has a round waiting for the
   * WAL, and `anyStartingBit` if a node is opening (one loop for both: it runs after every event).
   */
  private nodeActivity(): number {
    let activity = 0;
    const nodes = this.nodeList;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as SimNode;
      if (node.host?.busy === true) activity |= 1 << node.id;
      if (node.status === "starting") activity |= anyStartingBit;
    }
    return activity;
  }

  /** Keeps the last `traceEvents` events in a ring (the trace printed with a failure). */
  private remember(event: SimEvent): void {
    const slot = this.traceSlot;
    this.traceTimes[slot] = this.now;
    this.traceRing[slot] = event;
    this.traceSlot = slot + 1 >= this.traceEvents ? 0 : slot + 1;
  }

  /** The remembered events, oldest first. */
  private traceLines(): string[] {
    const lines: string[] = [];
    const kept = Math.min(this.events, this.traceEvents);
    for (let i = this.events - kept; i < this.events; i++) {
      const slot = i % this.traceEvents;
      lines.push(
        `${((this.traceTimes[slot] as number) / 1000).toFixed(4)}s ${this.describeEvent(this.traceRing[slot] as SimEvent)}`,
      );
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

  // ---- nodes ---------------------------------------------------------------------------------------

  private createNode(id: NodeId): SimNode {
    const rng = this.rng.split();
    const drift = (rng.nextFloat() * 2 - 1) * this.parameters.clockDrift;
    const node: SimNode = {
      id,
      disk: undefined as unknown as SimDisk,
      clock: new SimClock(() => this.now, 1 + drift),
      rng,
      incarnation: 0,
      status: "down",
      host: undefined,
      ticks: undefined,
      kv: new KvStateMachine(),
      rafts: [],
      seen: [],
      appliedIndex: new Map(),
    };
    node.disk = new SimDisk({
      rng: rng.split(),
      scheduler: (operation, _path, complete) => this.scheduleDisk(node, operation, complete),
    });
    node.disk.setFaultProbabilities({
      EIO: this.parameters.diskErrorProbability,
      ENOSPC: this.parameters.diskFullProbability,
    });
    return node;
  }

  /** fdatasync takes simulated time (sometimes a lot); everything else completes at once. */
  private scheduleDisk(node: SimNode, operation: string, complete: () => void): void {
    this.diskActivity = true;
    if (operation !== "sync") {
      complete();
      return;
    }
    const { fsyncMs, slowFsyncProbability, slowFsyncMs } = this.parameters;
    const slow = this.phase === "safety" && node.rng.chance(slowFsyncProbability);
    const delay = fsyncMs * (0.5 + node.rng.nextFloat()) + (slow ? node.rng.nextFloat() * slowFsyncMs : 0);
    this.queue.push(this.now + delay, { kind: "disk", node: node.id, complete });
  }

  /** Opens the WAL on what the disk holds and the host on what the WAL recovered. */
  private startNode(id: NodeId): void {
    const node = this.nodes.get(id) as SimNode;
    node.status = "starting";
    node.incarnation++;
    const incarnation = node.incarnation;
    this.statistics.restarts++;
    this.openNode(node, incarnation).catch((error: unknown) => {
      if (node.incarnation !== incarnation) return;
      if (HelixError.is(error, "CORRUPT_DATA")) {
        // Media corruption in the middle of the log is reported loudly and the node stays down: an
        // operator must replace it (DESIGN.md §3 rule 3).
        this.statistics.corruptionsDetected++;
        node.status = "dead";
      } else if (HelixError.isInstance(error) && (error.code === "IO_ERROR" || error.code === "DISK_FULL")) {
        node.status = "down";
        this.queue.push(this.now + 1000, { kind: "restart", node: id });
      } else {
        this.recordViolation(error);
      }
    });
  }

  private async openNode(node: SimNode, incarnation: number): Promise<void> {
    const disk = this.mutation === "walAcknowledgesBeforeSync" ? new LyingDisk(node.disk) : node.disk;
    const wal = await Wal.open(disk, { directory: walDirectory, segmentSizeBytes: walSegmentSizeBytes });
    const recoveredHardStates = new Map(
      this.groupIds.map((group) => {
        const hardState = wal.status(group)?.hardState;
        return [group, { term: hardState?.term ?? 0, vote: hardState?.vote ?? 0 }] as const;
      }),
    );
    node.kv = new KvStateMachine();
    node.appliedIndex = new Map();
    node.seen = [];
    const patchNode = nodePatch(this.mutation, this.parameters);
    const { snapshotAfterEntries, snapshotTrailingEntries } = this.parameters;
    const snapshotting =
      snapshotAfterEntries === undefined
        ? {}
        : {
            snapshots: new ObservedSnapshotStore(disk, (snapshot) =>
              this.guard(() => this.onSnapshotSaved(node, incarnation, snapshot)),
            ),
            snapshotAfterEntries,
            snapshotTrailingEntries,
          };
    const host = await RaftHost.open({
      nodeId: node.id,
      wal,
      groups: this.groupIds.map((group) => ({ group, voters: this.nodeIds })),
      rng: node.rng.split(),
      send: (batch) => this.send(batch),
      stateMachine: {
        apply: (group, entry) => this.guard(() => this.onApply(node, incarnation, group, entry)),
        snapshot: (group) => ({
          data: node.kv.snapshot(
            group,
            this.mutation === "snapshotLosesWrites" && node.id === this.nodeIds[0],
          ),
        }),
        restore: async (group, snapshot, source) => {
          if (node.incarnation !== incarnation) return;
          node.kv.restore(group, snapshot.data);
          node.appliedIndex.set(group, snapshot.index);
          if (source === undefined) this.statistics.snapshotsRecovered++;
          else this.statistics.snapshotsInstalled++;
        },
      },
      ...snapshotting,
      electionTicks: this.parameters.electionTicks as Ticks,
      heartbeatTicks: this.parameters.heartbeatTicks as Ticks,
      observer: {
        onPersisting: (group, entries) => this.guard(() => this.checkers.onIssued(node.id, group, entries)),
        onDurable: (group, entries, hardState) =>
          this.guard(() =>
            this.checkers.onDurable(
              node.id,
              group,
              entries.map(entryFact),
              hardState === undefined ? undefined : { term: hardState.term, vote: hardState.vote },
            ),
          ),
        onFailure: (error) => this.guard(() => this.onHostFailure(node, incarnation, error)),
      },
      ...(patchNode === undefined ? {} : { patchNode }),
    });
    if (node.incarnation !== incarnation) {
      host.stop();
      return;
    }
    for (const group of this.groupIds) {
      const log = raftOf(host, group).log;
      const first = log.firstIndex();
      const snapshotIndex = first - 1;
      const entries = host.engine.entries(group, first, (log.lastIndex() + 1) as LogIndex);
      this.checkers.onRecovered(
        node.id,
        group,
        {
          index: snapshotIndex,
          term: log.term(snapshotIndex as LogIndex) ?? 0,
          endOffset: snapshotIndex > 1 ? node.kv.nextOffset(group) : 0,
        },
        entries.map(entryFact),
        recoveredHardStates.get(group) ?? { term: 0, vote: 0 },
      );
    }
    node.rafts = [];
    for (const group of this.groupIds) node.rafts[group] = raftOf(host, group);
    node.host = host;
    node.status = "up";
    this.observe(node);
    // One tick event per node is queued at a time, under its id (an earlier one replaces it).
    const tickEvent: SimEvent = { kind: "tick", node: node.id, incarnation };
    node.ticks = new TickSchedule(
      this.now,
      this.tickInterval(node),
      this.options.tickSkipping ?? true,
      (time) => this.queue.schedule(node.id, time, tickEvent),
    );
    node.ticks.reschedule(host);
  }

  /** Runs a callback from inside the host; a violation there stops the run instead of the host. */
  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.recordViolation(error);
    }
  }

  private tickInterval(node: SimNode): number {
    return node.clock.simulatedDuration(this.parameters.tickMs);
  }

  /** A node's next tick that can do something (tick-schedule.ts); the idle ones before it are passed. */
  private onTick(event: SimEvent & { kind: "tick" }): undefined {
    const node = this.nodes.get(event.node) as SimNode;
    const ticks = node.ticks;
    if (node.incarnation !== event.incarnation || node.status !== "up" || node.host === undefined)
      return undefined;
    if (ticks === undefined) return undefined;
    ticks.runTick(this.now, node.host);
    this.observe(node);
    ticks.reschedule(node.host);
    return undefined;
  }

  private send(batch: MultiRaftBatch): void {
    const copies = this.network.route(batch.from, batch.to);
    if (copies === 0) return;
    const event = { kind: "deliver", batch } as const;
    for (let i = 0; i < copies; i++) this.queue.push(this.now + (this.network.delays[i] as number), event);
  }

  /**
   * After every input to a node: feed role and commit changes to the checkers at once. Straight from
   * each group's Raft state (a full status view, host.view, costs more than the input itself), and
   * allocation-free unless something changed: it runs after nearly every event.
   */
  private observe(node: SimNode): void {
    if (node.host === undefined) return;
    const groups = this.groupIds;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g] as GroupId;
      const raft = node.rafts[group] as Raft;
      const role = raft.role;
      const term = raft.term;
      const commit = raft.log.committed;
      let seen = node.seen[group];
      if (seen === undefined) {
        seen = { role: "follower", term: -1, commit };
        node.seen[group] = seen;
      }
      if (role === "leader" && (seen.role !== "leader" || seen.term !== term || commit > seen.commit))
        this.observeLeader(node, group, raft, seen);
      seen.role = role;
      seen.term = term;
      seen.commit = commit;
    }
  }

  /** `node` leads `group` and is new in its term or has advanced its commit index since last seen. */
  private observeLeader(
    node: SimNode,
    group: GroupId,
    raft: Raft,
    seen: { role: string; term: number; commit: number },
  ): void {
    const term = raft.term;
    const commit = raft.log.committed;
    const termAt = (index: number) => raft.log.term(index as LogIndex);
    if (seen.role !== "leader" || seen.term !== term) {
      this.checkers.onLeader(group, term, node.id, termAt, raft.log.firstIndex() - 1);
      this.maybeIsolateLeader(node.id);
      if (this.phase === "safety") this.figure8?.onLeader(node.id);
    }
    if (commit > seen.commit) {
      if (termAt(commit) !== term) this.statistics.oldTermCommits++;
      this.checkers.onCommit(group, term, seen.commit, commit, termAt);
      this.maybeIsolateLeader(node.id);
      if (this.phase === "safety") this.figure8?.onCommit(node.id);
    }
  }

  /** The reactive nemesis (SwarmParameters.isolateLeaderProbability): cut a leader off at once. */
  private maybeIsolateLeader(id: NodeId): void {
    if (this.phase !== "safety" || this.network.describePartition !== "none") return;
    if (!this.faultRng.chance(this.parameters.isolateLeaderProbability)) return;
    this.statistics.partitions++;
    this.network.isolate(id);
    this.queue.push(this.now + this.faultRng.nextFloat() * this.parameters.partitionLastsSecondsMax * 1000, {
      kind: "heal",
      partition: this.network.partitionNumber,
    });
  }

  private onHostFailure(node: SimNode, incarnation: number, error: unknown): void {
    if (node.incarnation !== incarnation) return;
    if (!HelixError.isInstance(error) || (error.code !== "IO_ERROR" && error.code !== "DISK_FULL")) {
      throw error instanceof Error ? error : new AssertionError(String(error));
    }
    // The WAL failed closed: the process exits and restarts over the same disk (nothing is lost
    // beyond what the WAL never acknowledged).
    this.statistics.diskFailures++;
    this.stopNode(node);
    this.queue.push(this.now + 100 + node.rng.nextFloat() * 1000, { kind: "restart", node: node.id });
  }

  private stopNode(node: SimNode): void {
    node.host?.stop();
    node.host = undefined;
    node.ticks = undefined;
    this.queue.cancel(node.id);
    node.status = "down";
    node.incarnation++;
    for (const client of this.clients) {
      if (client.pending?.node === node.id) this.settleIndeterminate(client);
    }
  }

  private onCrash(): undefined {
    this.schedule("crash", this.exponential(this.parameters.crashEverySeconds * 1000));
    if (this.phase !== "safety") return undefined;
    const up = this.nodeIds.filter((id) => this.nodes.get(id)?.status === "up");
    const victim = this.nodes.get(up[this.faultRng.integer(0, Math.max(1, up.length))] as NodeId);
    if (victim === undefined || victim.status !== "up") return undefined;
    this.statistics.crashes++;
    this.stopNode(victim);
    victim.disk = victim.disk.crash({
      keepSomeUnsynced: this.faultRng.chance(this.parameters.tornWriteProbability),
    });
    this.maybeFlipBit(victim);
    const delay = this.faultRng.nextFloat() * this.parameters.restartAfterSecondsMax * 1000;
    this.queue.push(this.now + delay, { kind: "restart", node: victim.id });
    return undefined;
  }

  /**
   * Media corruption while the node is down: one bit of a sealed WAL segment (never the newest, where
   * a bad frame is indistinguishable from a torn write). Recovery must refuse to start. At most one
   * node per run, so the others still form a quorum for the liveness phase.
   */
  private maybeFlipBit(node: SimNode): void {
    if (!this.faultRng.chance(this.parameters.bitFlipProbability)) return;
    if (this.statistics.bitFlips > 0 || [...this.nodes.values()].some((other) => other.status === "dead"))
      return;
    const segments = node.disk.paths().filter((path) => path.startsWith(`${walDirectory}/`));
    if (segments.length < 2) return;
    const path = segments[this.faultRng.integer(0, segments.length - 1)] as string;
    const contents = node.disk.contents(path);
    let end = contents.length;
    while (end > 0 && contents[end - 1] === 0) end--;
    if (end === 0) return;
    node.disk.flipBit(path, this.faultRng.integer(0, end), this.faultRng.integer(0, 8));
    this.statistics.bitFlips++;
  }

  private onPartition(): undefined {
    this.schedule("partition", this.exponential(this.parameters.partitionEverySeconds * 1000));
    if (this.phase !== "safety") return undefined;
    this.statistics.partitions++;
    this.network.partition();
    this.queue.push(this.now + this.faultRng.nextFloat() * this.parameters.partitionLastsSecondsMax * 1000, {
      kind: "heal",
      partition: this.network.partitionNumber,
    });
    return undefined;
  }

  private onClockJump(): undefined {
    this.schedule("clockJump", this.exponential(this.parameters.clockJumpEverySeconds * 1000));
    const node = this.nodes.get(this.nodeIds[this.faultRng.integer(0, this.nodeIds.length)] as NodeId);
    node?.clock.jumpWall((this.faultRng.nextFloat() * 2 - 1) * 60_000);
    return undefined;
  }

  /** The liveness phase: heal the network, stop faults, restart every node that can restart. */
  private onLiveness(): undefined {
    this.phase = "liveness";
    this.network.heal();
    this.network.faulty = false;
    for (const node of this.nodes.values()) {
      node.disk.clearFaults();
      if (node.status === "down") this.startNode(node.id);
    }
    this.schedule("probe", 0);
    return undefined;
  }

  /** Proposes a probe entry to each group that has not committed one in this phase yet. */
  private onProbe(): undefined {
    for (const group of this.groupIds) {
      if (this.liveGroups.has(group)) continue;
      for (const node of this.nodes.values()) {
        const host = node.host;
        if (node.status !== "up" || host === undefined || host.view(group).role !== "leader") continue;
        try {
          const offset = this.nextOffset(node, group);
          const data = encodeCommand({
            client: 0,
            operation: 0,
            offset,
            command: { kind: "write", key: "probe", value: String(this.now) },
          });
          node.ticks?.catchUp(this.now, host);
          const result = host.propose(group, data);
          node.ticks?.reschedule(host);
          this.pendingProbe.set(`${node.id}/${node.incarnation}/${group}/${result.index}`, result.term);
        } catch (error) {
          if (!HelixError.isInstance(error)) throw error;
        }
      }
    }
    if (this.liveGroups.size < this.groupIds.length) this.schedule("probe", 500);
    return undefined;
  }

  private readonly pendingProbe = new Map<string, number>();

  // ---- clients -------------------------------------------------------------------------------------

  private onClient(client: Client): void {
    const rng = client.rng;
    const group = this.groupIds[rng.integer(0, this.groupIds.length)] as GroupId;
    const keys = this.keys.get(group) ?? { register: 0, registerOps: 0, log: 0, logOps: 0 };
    this.keys.set(group, keys);
    const useLog = rng.chance(0.4);
    let key: string;
    let command: Command;
    const value = `${client.id}.${client.nextOperation}`;
    if (useLog) {
      if (keys.logOps >= operationsPerKeyMax) Object.assign(keys, { log: keys.log + 1, logOps: 0 });
      key = `g${group}/log${keys.log}`;
      command = rng.chance(0.7) ? { kind: "append", key, value } : { kind: "length", key };
    } else {
      if (keys.registerOps >= operationsPerKeyMax)
        Object.assign(keys, { register: keys.register + 1, registerOps: 0 });
      key = `g${group}/reg${keys.register}`;
      command = rng.chance(0.5) ? { kind: "write", key, value } : { kind: "read", key };
    }
    const leader = this.findLeader(client, group);
    if (leader === undefined || leader.host === undefined) {
      this.queue.push(this.now + 50 + rng.nextFloat() * 200, { kind: "client", client: client.id });
      return;
    }
    const operation = client.nextOperation++;
    const offset = this.nextOffset(leader, group);
    let result: { index: number; term: number };
    leader.ticks?.catchUp(this.now, leader.host);
    try {
      result = leader.host.propose(group, encodeCommand({ client: client.id, operation, offset, command }));
    } catch (error) {
      if (!HelixError.isInstance(error)) throw error;
      this.statistics.failedProposals++;
      this.queue.push(this.now + 50 + rng.nextFloat() * 200, { kind: "client", client: client.id });
      return;
    }
    this.observe(leader);
    leader.ticks?.reschedule(leader.host);
    this.maybeIsolateLeader(leader.id);
    if (this.phase === "safety") this.figure8?.onProposal(leader.id);
    this.statistics.proposals++;
    if (useLog) keys.logOps++;
    else keys.registerOps++;
    const input = inputOf(command);
    client.pending = {
      operation,
      key,
      model: useLog ? "log" : "register",
      input,
      call: this.now,
      node: leader.id,
      incarnation: leader.incarnation,
      group,
      index: result.index,
      term: result.term,
    };
    this.pendingByIndex.set(pendingKey(leader.id, group, result.index), client);
    this.queue.push(this.now + clientTimeoutMs, { kind: "timeout", client: client.id, operation });
  }

  /** The node a client finds leading `group`: its hint first, then every node in a random order. */
  private findLeader(client: Client, group: GroupId): SimNode | undefined {
    const hint = client.leaderHint.get(group);
    const order = this.order;
    const count = this.nodeIds.length;
    for (let i = 0; i < count; i++) order[i] = this.nodeIds[i] as NodeId;
    for (let i = count - 1; i > 0; i--) {
      const j = client.rng.integer(0, i + 1);
      const held = order[i] as NodeId;
      order[i] = order[j] as NodeId;
      order[j] = held;
    }
    if (hint !== undefined && this.leads(hint, group)) return this.byId[hint];
    for (let i = 0; i < count; i++) {
      const id = order[i] as NodeId;
      if (this.leads(id, group)) {
        client.leaderHint.set(group, id);
        return this.byId[id];
      }
    }
    return undefined;
  }

  private leads(id: NodeId, group: GroupId): boolean {
    const node = this.byId[id] as SimNode;
    return node.status === "up" && node.host !== undefined && (node.rafts[group] as Raft).role === "leader";
  }

  /**
   * The partition offset one past the last record in the leader's log (DESIGN.md §2): from its last
   * record entry, or, when none is left after its snapshot, from the state it applied (which then has
   * applied no record past the snapshot either).
   */
  private nextOffset(node: SimNode, group: GroupId): number {
    const host = node.host as RaftHost;
    const log = raftOf(host, group).log;
    const first = Math.max(2, log.firstIndex());
    for (let index = log.lastIndex(); index >= first; index--) {
      const [entry] = host.engine.entries(group, index as LogIndex, (index + 1) as LogIndex);
      const offset = entry === undefined ? undefined : offsetOf(entry);
      if (offset !== undefined) return offset + 1;
    }
    return first > 2 ? node.kv.nextOffset(group) : 0;
  }

  /** A node's snapshot of a group became durable (taken by the node or sent by its leader). */
  private onSnapshotSaved(node: SimNode, incarnation: number, snapshot: StoredSnapshot): void {
    if (node.incarnation !== incarnation) return;
    this.statistics.snapshotsSaved++;
    this.checkers.onSnapshotSaved(node.id, snapshot.group, {
      index: snapshot.index,
      term: snapshot.term,
      endOffset: snapshotEndOffset(snapshot.data),
      digest: digestOf(snapshot.data),
    });
  }

  private onApply(node: SimNode, incarnation: number, group: GroupId, entry: Entry): void {
    if (node.incarnation !== incarnation) return;
    const previous = node.appliedIndex.get(group) ?? 1;
    if (entry.index !== previous + 1) {
      throw new SimulationViolation(
        "apply order",
        `node ${node.id} group ${group} applied ${entry.index} after ${previous}`,
      );
    }
    node.appliedIndex.set(group, entry.index);
    this.checkers.onApplied(node.id, group, entry.index, entry.term, digestOf(entry.data));
    if (!carriesCommand(entry)) return;
    const output = node.kv.apply(group, entry.data);
    if (this.phase === "liveness" && this.pendingProbe.size > 0) {
      const probeTerm = this.pendingProbe.get(`${node.id}/${incarnation}/${group}/${entry.index}`);
      if (probeTerm === entry.term) this.liveGroups.add(group);
    }
    const key = pendingKey(node.id, group, entry.index);
    const client = this.pendingByIndex.get(key);
    const pending = client?.pending;
    if (
      client === undefined ||
      pending === undefined ||
      pending.node !== node.id ||
      pending.incarnation !== incarnation
    )
      return;
    if (pending.index !== entry.index || pending.group !== group) return;
    this.pendingByIndex.delete(key);
    if (pending.term !== entry.term) {
      // Another entry was committed at the proposal's index: the proposal is gone for good.
      this.statistics.failedProposals++;
      this.finishOperation(client, undefined);
      return;
    }
    this.statistics.acknowledged++;
    this.acknowledged.push({ group, index: entry.index, term: entry.term });
    this.record(client, pending, output, this.now);
    this.finishOperation(client, undefined);
  }

  private onTimeout(client: Client, operation: number): void {
    if (client.pending?.operation === operation) this.settleIndeterminate(client);
  }

  /** The client never learned the outcome: the operation may or may not have taken effect. */
  private settleIndeterminate(client: Client): void {
    const pending = client.pending;
    if (pending === undefined) return;
    this.statistics.indeterminate++;
    this.pendingByIndex.delete(pendingKey(pending.node, pending.group, pending.index));
    // A read with an unknown outcome changed nothing and tells nothing: it leaves the history.
    if (pending.input.kind === "append" || pending.input.kind === "write")
      this.record(client, pending, undefined, Number.POSITIVE_INFINITY);
    this.finishOperation(client, undefined);
  }

  private record(
    client: Client,
    pending: PendingOperation,
    output: string | number | undefined,
    ret: number,
  ): void {
    let history = this.histories.get(pending.key);
    if (history === undefined) {
      history = { model: pending.model, operations: [] };
      this.histories.set(pending.key, history);
    }
    history.operations.push({ client: client.id, input: pending.input, output, call: pending.call, ret });
  }

  private finishOperation(client: Client, _unused: undefined): void {
    client.pending = undefined;
    const think = client.rng.nextFloat() * this.parameters.clientThinkMsMax;
    this.queue.push(this.now + think, { kind: "client", client: client.id });
  }

  // ---- the end -------------------------------------------------------------------------------------

  private finalChecks(): void {
    const missing = this.groupIds.filter((group) => !this.liveGroups.has(group));
    if (missing.length > 0) {
      throw new SimulationViolation(
        "liveness",
        `groups ${missing.join(", ")} did not elect a leader and commit within ${this.livenessMs / 1000} s of healing`,
      );
    }
    for (const node of this.nodes.values()) {
      const host = node.host;
      if (node.status !== "up" || host === undefined) continue;
      const views = new Map(this.groupIds.map((group) => [group, host.view(group)]));
      for (const { group, index, term } of this.acknowledged) {
        const view = views.get(group) as GroupView;
        if (view.role !== "leader" && view.lastIndex < index) continue;
        this.checkers.checkAcknowledged(
          group,
          index,
          term,
          node.id,
          (at) => host.engine.term(group, at as LogIndex),
          raftOf(host, group).log.firstIndex() - 1,
        );
      }
    }
    for (const [key, history] of this.histories) {
      this.statistics.linearizabilityKeys++;
      const result =
        history.model === "register"
          ? checkLinearizable(registerModel, history.operations as Operation<RegisterInput, string>[])
          : checkLinearizable(logModel, history.operations as Operation<LogInput, number>[]);
      this.statistics.linearizabilitySteps += result.steps;
      if (!result.ok) {
        const model = history.model === "register" ? registerModel : logModel;
        const lines = history.operations.map((operation) => model.describe(operation as never));
        throw new SimulationViolation(
          "linearizability",
          `${result.exhausted ? "search exhausted on" : "no linearization of"} the ${history.model} history of ${key}:\n    ${lines.join("\n    ")}`,
        );
      }
    }
  }

  private describeEvent(event: SimEvent): string {
    switch (event.kind) {
      case "tick":
        return `tick n${event.node}`;
      case "deliver":
        return describeBatch(event.batch);
      case "disk":
        return `fdatasync done n${event.node}`;
      case "client":
      case "timeout":
        return `${event.kind} c${event.client}`;
      case "restart":
        return `restart n${event.node}`;
      case "partition":
        return `partition ${this.network.describePartition}`;
      default:
        return event.kind;
    }
  }
}

/** A group's Raft state on a host, read directly: cheaper than a status view on the hot paths. */
function raftOf(host: RaftHost, group: GroupId) {
  return host.multiRaft.raftNode(group).raft;
}

/** The host's snapshot store, telling the simulation each time a snapshot has become durable. */
class ObservedSnapshotStore extends SnapshotStore {
  constructor(
    disk: ConstructorParameters<typeof SnapshotStore>[0],
    private readonly onSaved: (snapshot: StoredSnapshot) => void,
  ) {
    super(disk);
  }

  override async save(snapshot: StoredSnapshot): Promise<void> {
    await super.save(snapshot);
    this.onSaved(snapshot);
  }
}

/** The key of a pending operation by node, group and log index (nodes and groups number under 64). */
function pendingKey(node: NodeId, group: GroupId, index: number): number {
  return index * 4096 + group * 64 + node;
}

function entryFact(entry: Entry): EntryFact {
  const offset = offsetOf(entry);
  return {
    index: entry.index,
    term: entry.term,
    digest: digestOf(entry.data),
    baseOffset: offset,
    recordCount: offset === undefined ? 0 : 1,
  };
}

function inputOf(command: Command): RegisterInput | LogInput {
  switch (command.kind) {
    case "write":
    case "append":
      return { kind: command.kind, value: command.value };
    case "read":
    case "length":
      return { kind: command.kind };
  }
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`${prefix}.${name}`, value]));
}

/** Runs one seed. */
export function simulate(options: SimulationOptions): Promise<SimulationResult> {
  return new Simulation(options).run();
}

/** One delivered batch in a trace: its Raft messages, and how many coalesced heartbeats it carries. */
function describeBatch(batch: MultiRaftBatch): string {
  const messages = batch.messages.map((message) => `g${message.group} ${describeMessage(message)}`);
  const heartbeats = `${batch.heartbeats.length} heartbeats, ${batch.heartbeatResponses.length} responses`;
  return `deliver n${batch.from}->n${batch.to} [${messages.join("; ")}] (${heartbeats})`;
}
