/**
 * The Helix node's deterministic core (DESIGN.md §2, §6): the controller (group 0), one Raft group per
 * partition hosted here, their state machines and the partitions' segment stores, over one RaftHost and
 * one shared WAL. Everything reaches it through injected parts (Disk, Rng, Clock, a send function), so
 * the simulator and in-process tests run it unchanged; the edges (gRPC, Kafka listener, peer transport)
 * call its methods.
 *
 * Write paths:
 *   - admin commands are proposed to the controller group by its leader; the caller waits until the
 *     command is applied and gets the controller's typed result;
 *   - produce goes to the partition leader, which stamps offsets (PartitionState.prepareAppend) and
 *     proposes; acks=all resolves when the entry is applied (committed on a majority), acks=leader when
 *     the entry is durable in this node's WAL, acks=none once proposed (DESIGN.md §2).
 * A proposal whose log index is later taken by another term's entry (a leader change) is rejected with
 * PROPOSAL_DROPPED (retriable). A retried idempotent batch whose original is still uncommitted waits
 * for the original's entry the same way (several waits may share one index). The caller's deadline
 * bounds every wait (the edges set it).
 *
 * Reconciliation: when the controller's applied state assigns a partition to this node, the node starts
 * hosting its group and opens its segment store. Nodes register their client-facing addresses with the
 * controller leader through `NodeEnvelope` messages until they see themselves registered.
 *
 * Also here: consumer-progress groups (`progress/`), snapshots through the host's hooks, topic deletion
 * cleanup, retention and segment configs on the partition logs, ISR and liveness, leader balancing. What
 * is still missing is listed in the server README's status sections.
 */
import {
  assert,
  batchNextOffset,
  type Clock,
  type Disk,
  type GroupId,
  HelixError,
  type LogIndex,
  limits,
  type NodeId,
  type ObjectStore,
  type PartitionId,
  type Rng,
  readRecordBatchHeader,
  type Term,
  type Ticks,
} from "@helixlog/core";
import type { Entry, MultiRaftBatch } from "@helixlog/raft";
import { type GroupLeadership, planLeaderTransfers } from "@helixlog/routing";
import { PartitionLog, Wal } from "@helixlog/wal";
import {
  type AlterTopicRequest,
  type ControllerCommand,
  type ControllerResult,
  ControllerState,
  type CreateTopicRequest,
  controllerGroupId,
  type NodeRecord,
  planAlterTopic,
  planCreateTopic,
  type TopicRecord,
} from "./controller/controller-state.js";
import { effectiveTopicConfig } from "./controller/topic-config.js";
import { decodeControllerSnapshot, encodeControllerSnapshot } from "./controller-snapshot.js";
import { type KvCommand, type KvResult, KvState } from "./kv/kv-state.js";
import type { EpochEndOffset } from "./partition/leader-epochs.js";
import { partitionLogSettings } from "./partition/log-settings.js";
import { decodePartitionSnapshot, encodePartitionSnapshot } from "./partition/partition-snapshot.js";
import { PartitionState, partitionCommandType } from "./partition/partition-state.js";
import type { ActiveProducerState } from "./partition/producer-state.js";
import { firstRecordAtOrAfter, recordWithLargestTimestamp } from "./partition/record-time.js";
import { type ReplicaLag, ReplicaTracker } from "./partition/replica-tracker.js";
import {
  type PartitionDataEnvelope,
  type PartitionFetchEnvelope,
  PartitionTransfers,
} from "./partition-transfer.js";
import {
  ProducerIdForwarding,
  type ProducerIdsAnswerEnvelope,
  type ProducerIdsRequestEnvelope,
} from "./producer-id-forwarding.js";
import { NodeProgress } from "./progress/node-progress.js";
import { progressVoters } from "./progress/progress-groups.js";
import { RaftHost } from "./raft-host.js";
import { SnapshotStore, type StoredSnapshot } from "./snapshot-store.js";
import { NodeTiering, type TierStatus } from "./tier/node-tiering.js";
import { PartitionTiering } from "./tier/partition-tiering.js";
import { decodeTierCommand, encodeTierCommand, isTierCommand } from "./tier/tier-command.js";
import { keepsUnconsumed, tieringConfigOf } from "./tier/tiering-config.js";

export type Acks = "none" | "leader" | "all";

/**
 * Writes to the controller group's replicated KV store (KvState), applied in order by every node. Values
 * travel as base64 because controller commands are JSON. Serves the KV gRPC API and holds the quota
 * records (`quota/...`); consumer-group offsets live in the progress groups, not here.
 */
interface KvControllerCommand {
  readonly type: "kv";
  readonly writes: readonly KvWrite[];
}

type KvWrite =
  | { readonly type: "put"; readonly key: string; readonly value: string }
  | { readonly type: "delete"; readonly key: string }
  | {
      readonly type: "compareAndSet";
      readonly key: string;
      readonly expectedRevision: number;
      readonly value: string;
    };

type NodeControllerCommand = ControllerCommand | KvControllerCommand;

/**
 * What nodes send each other: Multi-Raft batches (every group's Raft traffic to that peer in one Ready
 * cycle, heartbeats coalesced), and registrations forwarded to the controller leader.
 */
export type NodeEnvelope =
  | { readonly kind: "raft"; readonly batch: MultiRaftBatch }
  | { readonly kind: "register"; readonly node: NodeRecord }
  | PartitionFetchEnvelope
  | PartitionDataEnvelope
  | ProducerIdsRequestEnvelope
  | ProducerIdsAnswerEnvelope;

export interface HelixNodeOptions {
  readonly nodeId: NodeId;
  /** Voters of the controller group: every node of the cluster, this one included. */
  readonly voters: readonly NodeId[];
  /** This node's client-facing addresses, registered with the controller. */
  readonly addresses: Omit<NodeRecord, "nodeId">;
  /** The node's data directory: the WAL under `wal/`, partitions under `partitions/`. */
  readonly disk: Disk;
  readonly rng: Rng;
  readonly clock: Clock;
  readonly send: (to: NodeId, envelope: NodeEnvelope) => void;
  readonly clusterId?: string;
  /** Consumer-progress groups (DESIGN.md §2); fixed for the life of the cluster. */
  readonly progressGroupCount?: number;
  readonly electionTicks?: Ticks;
  readonly heartbeatTicks?: Ticks;
  /** When groups snapshot and how much log they keep behind it (tests lower the limits.* defaults). */
  readonly snapshotPolicy?: { readonly afterEntries?: number; readonly trailingEntries?: number };
  /** Called if the node stops itself (WAL failure): the edge must exit and restart it. */
  readonly onFailure?: (error: unknown) => void;
  /**
   * Where topics with tiering on upload sealed segments (issue 11; the edges pass the filesystem store
   * under the data directory or an S3 store). Unset: nothing is tiered, everything stays local.
   */
  readonly objectStore?: ObjectStore;
  /** Bytes of the tiered read path's LRU cache (limits.tierReadCacheBytesDefault). */
  readonly tierReadCacheBytes?: number;
  /** Ticks between orphan listings of a led partition (limits.tierOrphanListEveryTicks; tests lower it). */
  readonly tierOrphanListEveryTicks?: number;
}

interface PendingProposal {
  readonly term: Term;
  readonly acks: Acks;
  readonly resolve: (applied: unknown) => void;
  readonly reject: (error: unknown) => void;
  /** For produce: the offsets the entry holds, reported back to the client. */
  readonly outcome?: ProduceResult;
}

export interface ProduceResult {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly duplicate: boolean;
}

/** Leadership and replication of one partition as this node knows it (Kafka Metadata, ClusterStatus). */
export interface PartitionStatus {
  readonly leader: NodeId | undefined;
  /** The leader's Raft term (Kafka's leader epoch); -1 when this node does not host the partition. */
  readonly leaderEpoch: number;
  /** The replicas, preferred leader first. */
  readonly replicas: readonly NodeId[];
  /**
   * In-sync replicas. Measured on the partition leader (`measured`); elsewhere estimated as the leader
   * and the replicas this node hears from, since only the leader knows how far followers are.
   */
  readonly isr: readonly NodeId[];
  readonly measured: boolean;
  /** Per replica lag, on the leader only (empty elsewhere). */
  readonly lags: readonly ReplicaLag[];
}

export interface FetchResult {
  readonly batches: Uint8Array[];
  readonly highWatermark: number;
  readonly logStartOffset: number;
}

interface LocalPartition {
  readonly topic: string;
  readonly partition: number;
  readonly group: GroupId;
  readonly state: PartitionState;
  readonly log: PartitionLog;
  /** Tiered storage of the partition: its replicated manifest and (as leader) its uploads. */
  readonly tiering: PartitionTiering;
}

/** Ticks a new partition's preferred replica waits for the others to host the group before it campaigns. */
const preferredCampaignDelayTicks = 2;

/** A group as bootstrapped: its first configuration entry, no election yet. */
function isNewGroup(view: {
  readonly term: number;
  readonly leader: number;
  readonly lastIndex: number;
}): boolean {
  return view.term <= 1 && view.leader === 0 && view.lastIndex <= 1;
}

/** Ticks between a node's registration attempts while it is not registered yet. */
const registerEveryTicks = 10;

export class HelixNode {
  /** Replaced as a whole when a controller snapshot is restored. */
  private controller = new ControllerState();
  /** The controller group's KV store: applied from the controller log, so every node holds a copy. */
  private kv = new KvState();
  private readonly partitions = new Map<GroupId, LocalPartition>();
  /** Waits on log entries, per group and index: a proposal, and any retried duplicates of it. */
  private readonly pending = new Map<GroupId, Map<number, PendingProposal[]>>();
  private ticksSinceRegister = registerEveryTicks;
  /** New partitions whose preferred replica is this node: ticks left before it campaigns. */
  private readonly preferredCampaigns = new Map<GroupId, number>();
  /** The one sweep of orphaned partition directories per incarnation: not yet, running, or done. */
  private orphanSweep: "pending" | "running" | "done" = "pending";
  /** Ticks since the last leader-balancing pass. */
  private ticksSinceBalance = 0;
  /** Node liveness and, for the partitions led here, each replica's lag and ISR membership. */
  private readonly replicas: ReplicaTracker;
  /** Ticks since the last retention pass, and where the next one starts among the local partitions. */
  private retention = { ticks: 0, cursor: 0, running: false };
  /** The reconciliation run in progress, if any; runs are chained so they never overlap. */
  private reconciling: Promise<void> = Promise.resolve();
  /** Consumer progress (issue 9): the progress groups hosted here and the API over them. */
  readonly progress: NodeProgress = this.createProgress();
  private failure: unknown;
  /** Partition data pulled from replicas while a partition snapshot is installed, and served to them. */
  private readonly transfers = new PartitionTransfers(
    (to, envelope) => this.options.send(to, envelope),
    () => this.options.clock.nowMs(),
  );
  /** Producer-id blocks asked of the controller leader by a node that does not lead it. */
  private readonly producerIds = new ProducerIdForwarding(
    (to, envelope) => this.options.send(to, envelope),
    (count) => this.allocateProducerIds(count),
  );

  /** Tiered storage: the object store, the upload queue, the read cache, counters (node/tier/). */
  private readonly tiering: NodeTiering;
  private ticksSinceTiering = 0;

  private constructor(
    private readonly options: HelixNodeOptions,
    private readonly wal: Wal,
    private readonly host: RaftHost,
  ) {
    this.replicas = new ReplicaTracker(options.nodeId);
    this.tiering = new NodeTiering(options.objectStore, options.clock, {
      ...(options.tierReadCacheBytes === undefined ? {} : { readCacheBytes: options.tierReadCacheBytes }),
      ...(options.tierOrphanListEveryTicks === undefined
        ? {}
        : { orphanListEveryTicks: options.tierOrphanListEveryTicks }),
    });
  }

  static async open(options: HelixNodeOptions): Promise<HelixNode> {
    assert(options.voters.includes(options.nodeId), "the node must be a controller voter");
    const wal = await Wal.open(options.disk, { directory: "wal" });
    // The host calls back into the node and the node drives the host. The callbacks run only when the
    // host processes a round, which opening never does, so the node exists by the time they fire.
    let created: HelixNode | undefined;
    /** The controller group's snapshot, recovered while the host opens (before the node exists). */
    let recovered: StoredSnapshot | undefined;
    const node = () => created as HelixNode;
    const host = await RaftHost.open({
      nodeId: options.nodeId,
      wal,
      groups: [{ group: controllerGroupId, voters: options.voters }],
      rng: options.rng.split(),
      send: (batch) => options.send(batch.to, { kind: "raft", batch }),
      stateMachine: {
        apply: (group, entry) => node().apply(group, entry),
        snapshot: (group) => node().snapshotGroup(group),
        restore: async (group, snapshot, source) => {
          if (created === undefined) recovered = snapshot;
          else await created.restoreGroup(group, snapshot, source);
        },
      },
      snapshots: new SnapshotStore(options.disk),
      ...(options.electionTicks === undefined ? {} : { electionTicks: options.electionTicks }),
      ...(options.heartbeatTicks === undefined ? {} : { heartbeatTicks: options.heartbeatTicks }),
      ...(options.snapshotPolicy?.afterEntries === undefined
        ? {}
        : { snapshotAfterEntries: options.snapshotPolicy.afterEntries }),
      ...(options.snapshotPolicy?.trailingEntries === undefined
        ? {}
        : { snapshotTrailingEntries: options.snapshotPolicy.trailingEntries }),
      observer: {
        onPersisting: (group, entries) => node().onPersisting(group, entries),
        onDurable: (group, entries) => node().onDurable(group, entries),
        onFailure: (error) => node().fail(error),
      },
    });
    created = new HelixNode(options, wal, host);
    if (recovered !== undefined) await created.restoreGroup(controllerGroupId, recovered, undefined);
    return created;
  }

  get nodeId(): NodeId {
    return this.options.nodeId;
  }

  /** One logical clock tick (the edge calls it every tick interval). */
  tick(): void {
    this.host.tick();
    this.transfers.tick();
    this.producerIds.tick();
    this.progress.tick();
    this.maybeBootstrap();
    this.maybeRegister();
    this.maybeEnforceRetention();
    this.replicas.tick();
    this.observeReplication();
    this.maybeBalanceLeaders();
    this.campaignForNewPartitions();
    this.maybeSweepOrphans();
    this.maybeDriveTiering();
  }

  receive(from: NodeId, envelope: NodeEnvelope): void {
    this.replicas.heardFrom(from);
    if (envelope.kind === "raft") {
      // A batch must come from the connection's peer and be meant for this node (a misrouted frame).
      if (envelope.batch.from !== from || envelope.batch.to !== this.nodeId) return;
      this.host.receive(envelope.batch);
    } else if (envelope.kind === "partitionFetch") {
      const log = this.partitions.get(envelope.group)?.log;
      this.transfers.serve(from, envelope, log).catch((error: unknown) => this.fail(error));
    } else if (envelope.kind === "partitionData") {
      this.transfers.onData(envelope);
    } else if (envelope.kind === "producerIdsRequest") {
      this.producerIds.serve(from, envelope);
    } else if (envelope.kind === "producerIdsAnswer") {
      this.producerIds.onAnswer(envelope);
    } else if (this.isControllerLeader() && envelope.node.nodeId === from) {
      this.proposeController({ type: "registerNode", node: envelope.node }).catch(() => {});
    }
  }

  /* Reads. */

  controllerLeader(): NodeId | undefined {
    const leader = this.host.view(controllerGroupId).leader;
    return leader === 0 ? undefined : leader;
  }

  /**
   * Whether the node can serve clients: it sees a controller leader, the cluster is bootstrapped and
   * this node is registered (so topics can be placed on it). /health and gRPC health report this.
   */
  isServing(): boolean {
    return (
      this.failure === undefined &&
      this.controllerLeader() !== undefined &&
      this.controller.clusterInfo().clusterId !== undefined &&
      this.controller.listNodes().some((node) => node.nodeId === this.nodeId)
    );
  }

  isControllerLeader(): boolean {
    return this.host.view(controllerGroupId).role === "leader";
  }

  listTopics(): TopicRecord[] {
    return this.controller.listTopics();
  }

  topic(name: string): TopicRecord | undefined {
    return this.controller.topic(name);
  }

  listNodes(): NodeRecord[] {
    return this.controller.listNodes();
  }

  clusterInfo(): ReturnType<ControllerState["clusterInfo"]> {
    return this.controller.clusterInfo();
  }

  /** Leader and term of a partition's group as this node sees it (undefined: not hosted here). */
  partitionLeader(topic: string, partition: number): { leader: NodeId | undefined; term: Term } | undefined {
    const group = this.controller.topic(topic)?.partitions[partition]?.group;
    if (group === undefined || !this.host.hosts(group)) return undefined;
    const view = this.host.view(group);
    return { leader: view.leader === 0 ? undefined : view.leader, term: view.term };
  }

  /**
   * Leader, leader epoch, replicas and ISR of a partition (the Kafka listener's Metadata and
   * OffsetForLeaderEpoch use this). UNKNOWN_TOPIC / UNKNOWN_PARTITION when the controller has neither.
   */
  partitionStatus(topic: string, partition: number): PartitionStatus {
    const record = this.controller.topic(topic);
    if (record === undefined) throw new HelixError("UNKNOWN_TOPIC", `topic "${topic}" does not exist`);
    const replicas = record.partitions[partition]?.replicas;
    const group = record.partitions[partition]?.group;
    if (replicas === undefined || group === undefined)
      throw new HelixError("UNKNOWN_PARTITION", `topic "${topic}" has no partition ${partition}`);
    if (!this.partitions.has(group) || !this.host.hosts(group)) {
      const isr = replicas.filter((node) => this.replicas.isLive(node));
      return { leader: undefined, leaderEpoch: -1, replicas, isr, measured: false, lags: [] };
    }
    const view = this.host.view(group);
    const leader = view.leader === 0 ? undefined : view.leader;
    if (view.role !== "leader") {
      const isr = replicas.filter((node) => node === leader || this.replicas.isLive(node));
      return { leader, leaderEpoch: view.term, replicas, isr, measured: false, lags: [] };
    }
    const matches = this.matchIndexes(group);
    // Observing now as well as on ticks covers a leadership won since the last tick.
    this.replicas.observeLeader(group, view.lastIndex, matches);
    const lags = this.replicas.replicaLags(group, replicas, view.lastIndex, matches);
    const isr = lags.filter((lag) => lag.inSync).map((lag) => lag.nodeId);
    return { leader, leaderEpoch: view.term, replicas, isr, measured: true, lags };
  }

  /**
   * Flow control's pressure readings (edges/flow): WAL bytes accepted and not yet durable, and for each
   * group this node leads with proposals in flight, the payload bytes not yet committed.
   */
  pressure(): { walPendingBytes: number; raftUncommittedBytes: Map<GroupId, number> } {
    const raftUncommittedBytes = new Map<GroupId, number>();
    for (const group of this.host.groupIds()) {
      const bytes = this.host.uncommittedBytes(group);
      if (bytes > 0) raftUncommittedBytes.set(group, bytes);
    }
    return { walPendingBytes: this.wal.pendingBytesTotal, raftUncommittedBytes };
  }

  /** Whether this node heard from `node` recently (itself: always). */
  isNodeLive(node: NodeId): boolean {
    return this.replicas.isLive(node);
  }

  /** One past the last committed offset of a partition hosted here. */
  highWatermark(topic: string, partition: number): number {
    return this.localPartition(topic, partition).state.highWatermark();
  }

  /**
   * The first offset a partition hosted here still serves: the replicated log start offset (moved by
   * DeleteRecords), or the first offset held locally or in the object store (moved by retention),
   * whichever is later.
   */
  logStartOffset(topic: string, partition: number): number {
    return startOffsetOf(this.localPartition(topic, partition));
  }

  /** A key of the controller's KV store as this node has applied it (serializable, not linearizable). */
  kvGet(key: string): { value: Uint8Array; revision: number } | undefined {
    return this.kv.get(key);
  }

  /**
   * The keys of the controller's KV store under `prefix`, in key order, as this node has applied them
   * (serializable). A scan of the whole store: callers refresh on `kvRevision()` changes, not per request.
   */
  kvList(prefix: string): { key: string; value: Uint8Array; revision: number }[] {
    return this.kv.list(prefix);
  }

  /** The KV store's revision as applied here: it changes with every applied write (or snapshot restore). */
  kvRevision(): number {
    return this.kv.currentRevision();
  }

  /**
   * A linearizable read of the controller's KV store on any node (ReadIndex, Raft thesis §6.4): the
   * controller leader confirms its commit index with a quorum, this node applies through it, then
   * reads, so the answer reflects every write acknowledged before the call. NOT_LEADER when no
   * controller leader is known, TIMEOUT (retriable) when it does not answer in time.
   */
  async kvGetLinearizable(key: string): Promise<{ value: Uint8Array; revision: number } | undefined> {
    await this.host.readIndex(controllerGroupId);
    return this.kv.get(key);
  }

  /**
   * One write to the controller's KV store (controller leader only, NOT_LEADER with the leader's id
   * elsewhere). Answers the store revision after it and whether it changed the store: a delete of a
   * missing key or a compare-and-set whose expected revision did not match did not, and then
   * `revision` is the key's current revision (0: absent).
   */
  async kvWrite(command: KvCommand): Promise<{ revision: number; applied: boolean }> {
    this.requireControllerLeader();
    const result = (await this.proposeController({
      type: "kv",
      writes: [encodeKvWrite(command)],
    })) as unknown as KvResult;
    assert(result.ok, "a failed KV write rejects");
    return { revision: result.revision, applied: result.applied };
  }

  /* Admin. */

  /**
   * Applies `writes` to the controller's KV store, in order, in one controller entry (controller leader
   * only). Rejects with the first write's error; writes before it stay applied.
   */
  async proposeKv(writes: readonly KvCommand[]): Promise<void> {
    this.requireControllerLeader();
    await this.proposeController({ type: "kv", writes: writes.map(encodeKvWrite) });
  }

  /**
   * Reserves `count` producer ids on the controller; returns the first of the block. A node that does
   * not lead the controller asks the leader (producer-id-forwarding.ts); NOT_LEADER while none is known.
   */
  async allocateProducerIds(count: number): Promise<number> {
    const leader = this.controllerLeader();
    if (leader !== undefined && leader !== this.nodeId) return this.producerIds.request(leader, count);
    this.requireControllerLeader();
    const result = await this.proposeController({ type: "allocateProducerIds", count });
    assert(result.firstProducerId !== undefined, "allocateProducerIds answers with the block's start");
    return result.firstProducerId;
  }

  async createTopic(request: CreateTopicRequest): Promise<TopicRecord> {
    this.requireControllerLeader();
    const command = planCreateTopic(this.controller, request, this.controller.listNodes(), this.options.rng);
    const result = await this.proposeController(command);
    return result.topic as TopicRecord;
  }

  async deleteTopic(name: string): Promise<void> {
    this.requireControllerLeader();
    await this.proposeController({ type: "deleteTopic", name });
  }

  /** Changes a topic's configs and/or grows its partitions (controller leader only). */
  async alterTopic(request: AlterTopicRequest): Promise<TopicRecord> {
    this.requireControllerLeader();
    const commands = planAlterTopic(this.controller, request, this.controller.listNodes(), this.options.rng);
    for (const command of commands) await this.proposeController(command);
    const topic = this.controller.topic(request.name);
    if (topic === undefined)
      throw new HelixError("UNKNOWN_TOPIC", `topic "${request.name}" was deleted meanwhile`);
    return topic;
  }

  /* Data. */

  async produce(topic: string, partition: number, records: Uint8Array, acks: Acks): Promise<ProduceResult> {
    const local = this.leaderPartition(topic, partition);
    if (acks === "all") this.requireInSyncReplicas(local);
    const term = this.host.view(local.group).term;
    this.syncTail(local);
    const decision = local.state.prepareAppend(records, term);
    if (decision.kind === "rejected") throw decision.error;
    if (decision.kind === "duplicate") return this.answerDuplicate(local, decision, acks);
    const outcome = { baseOffset: decision.baseOffset, lastOffset: decision.lastOffset, duplicate: false };
    const proposal = this.host.propose(local.group, decision.command);
    // Observe our own entry now: the next produce must stamp offsets after it, even if the host hands
    // the entry to the WAL only in its next round.
    local.state.observeAppended(proposal.index, proposal.term, decision.command);
    if (acks === "none") return outcome;
    await this.await(local.group, proposal.index, proposal.term, acks, outcome);
    return outcome;
  }

  /**
   * A retried idempotent batch answers with the original's offsets, but only under the guarantee its
   * acks level promises (DESIGN.md §3 rule 2; Kafka likewise answers a duplicate once the original is
   * below the high watermark): at once when the original is committed or for acks=none; otherwise
   * acks=all waits until the original's entry is applied, acks=leader until it is durable in this
   * node's WAL. The wait fails with PROPOSAL_DROPPED (retriable) if another term's entry takes the
   * original's index, so the client retries at the new leader, which appends the batch once.
   */
  private async answerDuplicate(
    local: LocalPartition,
    decision: Extract<ReturnType<PartitionState["prepareAppend"]>, { kind: "duplicate" }>,
    acks: Acks,
  ): Promise<ProduceResult> {
    const outcome = { baseOffset: decision.baseOffset, lastOffset: decision.lastOffset, duplicate: true };
    const original = decision.pending;
    if (original === undefined || acks === "none") return outcome;
    // syncTail just checked that the Raft log holds the original at this index and term.
    if (acks === "leader" && this.persistedIndex(local.group) >= original.index) return outcome;
    await this.await(local.group, original.index, original.term as Term, acks, outcome);
    return outcome;
  }

  /**
   * The idempotent producers of a partition this node leads (Kafka DescribeProducers): each one's
   * epoch, last sequence and last batch timestamp, from the leader's log. NOT_LEADER elsewhere.
   */
  producers(topic: string, partition: number): ActiveProducerState[] {
    const local = this.leaderPartition(topic, partition);
    this.syncTail(local);
    return local.state.producerStates();
  }

  /**
   * Kafka OffsetForLeaderEpoch (KIP-101/320) on a partition this node leads, from its leader-epoch
   * history (partition/leader-epochs.ts); undefined for an unknown epoch. NOT_LEADER elsewhere.
   */
  endOffsetForLeaderEpoch(topic: string, partition: number, epoch: number): EpochEndOffset | undefined {
    const local = this.leaderPartition(topic, partition);
    this.syncTail(local);
    return local.state.endOffsetForEpoch(epoch);
  }

  /** The leader epoch the record at `offset` was written in, on the partition's leader; -1 if unknown. */
  leaderEpochForOffset(topic: string, partition: number, offset: number): number {
    const local = this.leaderPartition(topic, partition);
    this.syncTail(local);
    return local.state.epochForOffset(offset);
  }

  /** The last index of a group's log that is durable in this node's WAL. */
  private persistedIndex(group: GroupId): number {
    return this.host.multiRaft.raftNode(group).raft.log.persistedIndex();
  }

  /** Committed batches from `offset`, at least one whole batch, up to about `maxBytes`. */
  async fetch(topic: string, partition: number, offset: number, maxBytes: number): Promise<FetchResult> {
    const local = this.localPartition(topic, partition);
    const highWatermark = local.state.highWatermark();
    const logStartOffset = startOffsetOf(local);
    if (offset === highWatermark) return { batches: [], highWatermark, logStartOffset };
    if (offset < logStartOffset || offset > highWatermark) {
      throw new HelixError(
        "OFFSET_OUT_OF_RANGE",
        `offset ${offset} is outside [${logStartOffset}, ${highWatermark}]`,
        {
          details: { logStartOffset, highWatermark },
        },
      );
    }
    // Below the local log start the tiered objects serve (issue 11). The local log start may move
    // between the check and the read (a tiered segment deleted): the read is then retried remotely.
    if (local.tiering.coversRemotely(offset))
      return { batches: await local.tiering.read(offset, maxBytes), highWatermark, logStartOffset };
    try {
      const batches = await local.log.read(offset, maxBytes);
      return { batches, highWatermark, logStartOffset };
    } catch (error) {
      if (!HelixError.is(error, "OFFSET_OUT_OF_RANGE") || !local.tiering.coversRemotely(offset)) throw error;
      return { batches: await local.tiering.read(offset, maxBytes), highWatermark, logStartOffset };
    }
  }

  /** Tiered storage counters and, over the partitions led here, upload lag and objects (metrics). */
  tierStatus(): TierStatus {
    let uploadLagBytes = 0;
    let objects = 0;
    let partitions = 0;
    for (const local of this.partitions.values()) {
      if (!local.tiering.active || !this.host.hosts(local.group)) continue;
      if (this.host.view(local.group).role !== "leader") continue;
      const lag = local.tiering.lag();
      partitions++;
      objects += lag.objects;
      if (local.tiering.enabled) uploadLagBytes += lag.bytes;
    }
    return {
      ...this.tiering.counters,
      uploadsPending: this.tiering.uploadsPending,
      uploadLagBytes,
      objects,
      partitions,
    };
  }

  /** The tiered-storage manifest of a partition hosted here, as this replica applied it (tests, tools). */
  tierManifest(topic: string, partition: number): PartitionTiering["manifest"] {
    return this.localPartition(topic, partition).tiering.manifest;
  }

  /**
   * Kafka ListOffsets by timestamp (KIP-79), on the partition leader: the earliest committed offset at
   * or after the log start whose record timestamp is at least `timestampMs`; undefined when none is.
   */
  async offsetForTime(
    topic: string,
    partition: number,
    timestampMs: number,
  ): Promise<{ offset: number; timestamp: number } | undefined> {
    const local = this.leaderPartition(topic, partition);
    const start = startOffsetOf(local);
    const tiered = await local.tiering.offsetForTime(timestampMs, start);
    if (tiered !== undefined) return tiered;
    const found = await local.log.offsetForTime(timestampMs);
    if (found === undefined) return undefined;
    // The time index names the first batch reaching the time; when DeleteRecords cut into the log past
    // it, the answer lies further on. The scan ends at the log end: every read returns a batch or none.
    let cursor = Math.max(found, start);
    while (cursor < local.log.logEndOffset) {
      const batches = await local.log.read(cursor, limits.grpcFetchBytesDefault);
      if (batches.length === 0) break;
      for (const batch of batches) {
        const record = firstRecordAtOrAfter(batch, timestampMs, start);
        if (record !== undefined) return record;
        cursor = batchNextOffset(readRecordBatchHeader(batch));
      }
    }
    return undefined;
  }

  /**
   * Kafka ListOffsets MAX_TIMESTAMP (KIP-734), on the partition leader: the record with the largest
   * timestamp among committed records (the first on a tie); undefined while the partition is empty.
   */
  async maxTimestamp(
    topic: string,
    partition: number,
  ): Promise<{ offset: number; timestamp: number } | undefined> {
    const local = this.leaderPartition(topic, partition);
    const batch = await local.log.batchWithLargestTimestamp();
    return batch === undefined ? undefined : recordWithLargestTimestamp(batch);
  }

  /**
   * Kafka DeleteRecords (KIP-107), on the partition leader: moves the partition's log start offset to
   * `beforeOffset` (-1: the high watermark) through the partition's Raft log, so every replica applies it
   * at the same point; each then drops whole segments below it. Past the high watermark it is
   * OFFSET_OUT_OF_RANGE. Resolves once committed with the new log start offset (Kafka's low watermark).
   */
  async deleteRecords(
    topic: string,
    partition: number,
    beforeOffset: number,
  ): Promise<{ lowWatermark: number }> {
    const local = this.leaderPartition(topic, partition);
    this.syncTail(local);
    const prepared = local.state.prepareDeleteRecords(beforeOffset);
    if ("error" in prepared) throw prepared.error;
    const proposal = this.host.propose(local.group, prepared.command);
    local.state.observeAppended(proposal.index, proposal.term, prepared.command);
    return (await this.await(local.group, proposal.index, proposal.term, "all")) as { lowWatermark: number };
  }

  /**
   * Graceful shutdown, step one: asks every group this node leads to transfer leadership to another
   * voter, so clients fail over at once instead of after an election timeout. Returns how many groups
   * this node still leads; the edge keeps ticking and calls it again until 0 or its deadline.
   */
  handOffLeadership(): number {
    let stillLeading = 0;
    for (const group of this.host.groupIds()) {
      const view = this.host.view(group);
      if (view.role !== "leader") continue;
      const voters = group === controllerGroupId ? this.options.voters : (this.replicasOf(group) ?? []);
      const target = voters.find((voter) => voter !== this.nodeId);
      if (target === undefined) continue;
      stillLeading++;
      this.host.transferLeadership(group, target);
    }
    return stillLeading;
  }

  /**
   * The host's snapshot hook (raft-host.ts). The controller group snapshots the controller and its KV
   * store; a partition group its PartitionState (offsets, producers, log start), durable once its segment
   * store is flushed through the applied entries, since the snapshot does not carry the records. A
   * consumer-progress group snapshots its ProgressStateMachine, which is self-contained.
   */
  private snapshotGroup(group: GroupId): { data: Uint8Array; durable?: Promise<void> } | undefined {
    if (group === controllerGroupId) return { data: encodeControllerSnapshot(this.controller, this.kv) };
    const progress = this.progress.groupState(group);
    if (progress !== undefined) return { data: progress.snapshot() };
    const local = this.partitions.get(group);
    if (local === undefined) return undefined;
    const snapshot = { ...local.state.snapshot(), tierManifest: local.tiering.snapshot() };
    return { data: encodePartitionSnapshot(snapshot), durable: local.log.flush() };
  }

  /**
   * Replaces a group's state by its snapshot: at recovery (`source` undefined) or when the leader
   * `source` sent it. A partition follower first pulls the record batches it lacks up to the snapshot's
   * high watermark from the leader (then the other replicas), durably, so that acknowledging the
   * snapshot never claims records this node does not hold (partition-transfer.ts); a segment store
   * ending below the log start (the snapshot's, or a replica's after retention) is reset to start there.
   */
  private async restoreGroup(
    group: GroupId,
    snapshot: StoredSnapshot,
    source: NodeId | undefined,
  ): Promise<void> {
    if (group === controllerGroupId) {
      const restored = decodeControllerSnapshot(snapshot.data);
      this.controller = restored.controller;
      this.kv = restored.kv;
      if (this.controller.clusterInfo().clusterId !== undefined) this.hostProgressGroups();
      this.reconcile();
      return;
    }
    const progress = this.progress.groupState(group);
    if (progress !== undefined) {
      progress.restore(snapshot.data, snapshot.index);
      return;
    }
    const local = this.partitions.get(group);
    if (local === undefined) {
      throw new HelixError("INTERNAL", `group ${group} has a snapshot but no partition state here`);
    }
    const saved = decodePartitionSnapshot(snapshot.data);
    if (local.log.logEndOffset < saved.highWatermark) {
      if (source === undefined) {
        throw new HelixError(
          "CORRUPT_DATA",
          `${local.topic}-${local.partition}: the segment store ends at ${local.log.logEndOffset} but the snapshot covers up to ${saved.highWatermark}`,
        );
      }
      const others = (this.replicasOf(group) ?? []).filter((id) => id !== this.nodeId && id !== source);
      const sources = source === 0 ? others : [source, ...others];
      // Bounded: the pull gives up (a refusal the host survives) when the topic is deleted meanwhile,
      // the node fails, or no replica serves the data; the leader then sends the snapshot again.
      await this.transfers.pull(
        group,
        local.log,
        { endOffset: saved.highWatermark, logStartOffset: saved.logStartOffset },
        sources,
        () => {
          if (this.failure !== undefined) return "the node failed";
          if (this.partitions.get(group) !== local || this.controller.topic(local.topic) === undefined)
            return `topic ${local.topic} was deleted`;
          return undefined;
        },
      );
    }
    local.state.restore(saved);
    local.tiering.restore(saved.tierManifest);
  }

  private replicasOf(group: GroupId): readonly NodeId[] | undefined {
    const local = this.partitions.get(group);
    if (local === undefined)
      return this.progress.owns(group)
        ? progressVoters(this.controller.clusterInfo().voters, group)
        : undefined;
    return this.controller.topic(local.topic)?.partitions[local.partition]?.replicas;
  }

  /** The progress groups' view of the node: lazy, so it may be built while fields initialize. */
  private createProgress(): NodeProgress {
    const options = () => this.options;
    return new NodeProgress({
      get nodeId() {
        return options().nodeId;
      },
      get clock() {
        return options().clock;
      },
      clusterInfo: () => this.controller.clusterInfo(),
      topic: (name) => this.controller.topic(name),
      listTopics: () => this.controller.listTopics(),
      view: (group) => (this.host.hosts(group) ? this.host.view(group) : undefined),
      propose: (group, data) => {
        const proposal = this.host.propose(group, data);
        return this.await(group, proposal.index, proposal.term, "all");
      },
      readIndex: (group) => this.host.readIndex(group),
      addGroup: (group, voters) => this.host.addGroup({ group, voters }),
    });
  }

  /** Hosts the progress groups this node is a voter of, once the bootstrap record says how many. */
  private hostProgressGroups(): void {
    for (const started of this.progress.hostGroups()) started.catch((error: unknown) => this.fail(error));
  }

  async close(): Promise<void> {
    this.host.stop();
    this.rejectAll(new HelixError("UNAVAILABLE", `node ${this.nodeId} is shutting down`));
    for (const local of this.partitions.values()) {
      await local.log.flush();
      await local.log.close();
    }
    await this.wal.close();
  }

  /* Internals. */

  private requireControllerLeader(): void {
    if (!this.isControllerLeader()) {
      const leader = this.controllerLeader();
      throw new HelixError("NOT_LEADER", `node ${this.nodeId} does not lead the controller`, {
        details: { leader: leader ?? null },
      });
    }
  }

  private localPartition(topic: string, partition: number): LocalPartition {
    const record = this.controller.topic(topic);
    if (record === undefined) throw new HelixError("UNKNOWN_TOPIC", `topic "${topic}" does not exist`);
    const group = record.partitions[partition]?.group;
    if (group === undefined) {
      throw new HelixError("UNKNOWN_PARTITION", `topic "${topic}" has no partition ${partition}`);
    }
    const local = this.partitions.get(group);
    if (local === undefined) {
      throw new HelixError("NOT_LEADER", `node ${this.nodeId} hosts no replica of ${topic}-${partition}`, {
        details: { leader: record.partitions[partition]?.replicas[0] ?? null },
      });
    }
    if (!this.host.hosts(group)) {
      // Opened here, but the Raft host is still adding its group (a topic just created): retriable.
      throw new HelixError(
        "LEADER_NOT_AVAILABLE",
        `${topic}-${partition} is still being set up on node ${this.nodeId}; retry shortly`,
      );
    }
    return local;
  }

  private leaderPartition(topic: string, partition: number): LocalPartition {
    const local = this.localPartition(topic, partition);
    const view = this.host.view(local.group);
    if (view.role !== "leader") {
      throw new HelixError("NOT_LEADER", `node ${this.nodeId} does not lead ${topic}-${partition}`, {
        details: { leader: view.leader === 0 ? null : view.leader },
      });
    }
    return local;
  }

  private async proposeController(
    command: NodeControllerCommand,
  ): Promise<Extract<ControllerResult, { ok: true }>> {
    const data = new TextEncoder().encode(JSON.stringify(command));
    const proposal = this.host.propose(controllerGroupId, data);
    const result = (await this.await(
      controllerGroupId,
      proposal.index,
      proposal.term,
      "all",
    )) as ControllerResult;
    if (!result.ok) throw result.error;
    return result;
  }

  private await(
    group: GroupId,
    index: number,
    term: Term,
    acks: Acks,
    outcome?: ProduceResult,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let forGroup = this.pending.get(group);
      if (forGroup === undefined) {
        forGroup = new Map();
        this.pending.set(group, forGroup);
      }
      const waits = forGroup.get(index) ?? [];
      waits.push({ term, acks, resolve, reject, ...(outcome === undefined ? {} : { outcome }) });
      forGroup.set(index, waits);
    });
  }

  /** Entries appended to a partition's local log (replicated to a follower, or our own). */
  private onPersisting(group: GroupId, entries: readonly Entry[]): void {
    const local = this.partitions.get(group);
    if (local === undefined) return;
    for (const entry of entries) observe(local.state, entry);
  }

  /**
   * Brings a leader's view of its partition log up to date with the Raft log before it stamps offsets:
   * drops observed entries Raft no longer holds (replaced in a term change) and observes entries it
   * holds but the host has not handed out yet (the no-op of a fresh election, for instance).
   */
  private syncTail(local: LocalPartition): void {
    const view = this.host.view(local.group);
    const engine = this.host.engine;
    for (let last = local.state.lastObserved(); last !== undefined; last = local.state.lastObserved()) {
      if (last.index <= view.lastIndex && engine.term(local.group, last.index as LogIndex) === last.term)
        break;
      local.state.discardFrom(last.index);
    }
    const from = (local.state.lastObserved()?.index ?? local.state.lastAppliedIndex()) + 1;
    for (const entry of engine.entries(local.group, from as LogIndex, (view.lastIndex + 1) as LogIndex)) {
      observe(local.state, entry);
    }
  }

  /** acks=leader: the entry is durable in this node's WAL. */
  private onDurable(group: GroupId, entries: readonly Entry[]): void {
    const forGroup = this.pending.get(group);
    if (forGroup === undefined) return;
    for (const entry of entries) {
      const waits = forGroup.get(entry.index);
      if (waits === undefined || !waits.some((pending) => pending.acks === "leader")) continue;
      const rest = waits.filter((pending) => pending.acks !== "leader");
      if (rest.length === 0) forGroup.delete(entry.index);
      else forGroup.set(entry.index, rest);
      for (const pending of waits) {
        if (pending.acks !== "leader") continue;
        if (pending.term === entry.term) pending.resolve(pending.outcome);
        else pending.reject(dropped(group, entry.index));
      }
    }
  }

  private apply(group: GroupId, entry: Entry): void {
    const result =
      group === controllerGroupId
        ? this.applyController(entry)
        : this.progress.owns(group)
          ? this.progress.apply(group, entry)
          : this.applyPartition(group, entry);
    const waits = this.pending.get(group)?.get(entry.index);
    if (waits === undefined) return;
    this.pending.get(group)?.delete(entry.index);
    for (const pending of waits) {
      if (pending.term !== entry.term) pending.reject(dropped(group, entry.index));
      else pending.resolve(pending.outcome ?? result);
    }
  }

  private applyController(entry: Entry): ControllerResult | undefined {
    if (entry.type !== "normal" || entry.data.length === 0) return undefined;
    const command = JSON.parse(new TextDecoder().decode(entry.data)) as NodeControllerCommand;
    if (command.type === "kv") return this.applyKv(command.writes);
    const result = this.controller.apply(command);
    if (
      result.ok &&
      (command.type === "createTopic" ||
        command.type === "createPartitions" ||
        command.type === "deleteTopic")
    )
      this.reconcile();
    if (result.ok && command.type === "bootstrap") this.hostProgressGroups();
    if (result.ok && command.type === "alterTopicConfig") this.configurePartitionLogs(command.name);
    return result;
  }

  /** Applies the writes in order; answers the first failure, else the last write's KvResult. */
  private applyKv(writes: readonly KvWrite[]): ControllerResult | KvResult {
    let last: KvResult | undefined;
    for (const write of writes) {
      last = this.kv.apply(decodeKvWrite(write));
      if (!last.ok) return last;
    }
    return last ?? { ok: true };
  }

  /** Applies a committed partition entry; a DeleteRecords entry answers with the new log start offset. */
  private applyPartition(group: GroupId, entry: Entry): { lowWatermark: number } | undefined {
    const local = this.partitions.get(group);
    assert(local !== undefined, () => `entry applied to group ${group} that has no partition state`);
    if (entry.type !== "normal") return undefined;
    const batches = local.state.apply(entry.index, entry.term, entry.data);
    if (isTierCommand(entry.data)) {
      local.tiering.applyCommitted(decodeTierCommand(entry.data));
      return undefined;
    }
    if (entry.data[0] === partitionCommandType.deleteRecords) {
      const lowWatermark = local.state.earliestOffset();
      local.tiering.applyLogStart(lowWatermark);
      local.log.deleteSegmentsBefore(lowWatermark).catch((error: unknown) => this.fail(error));
      return { lowWatermark };
    }
    for (const batch of batches) {
      // After a restart committed entries are applied again; the segment store already holds a prefix.
      if (batch.lastOffset < local.log.logEndOffset) continue;
      local.log.append(batch.bytes, this.options.clock.nowMs()).catch((error: unknown) => this.fail(error));
    }
    return undefined;
  }

  /**
   * Leader balancing (Kafka's auto.leader.rebalance): every leaderBalanceEveryTicks ticks, this node
   * hands leadership of partitions it leads back to their preferred replica (the first; placement
   * spreads preferred leaders evenly), at most leaderTransfersPerPassMax per pass, and only to a
   * preferred replica that is live and in sync, so the transfer can complete. Each node balances the
   * groups it leads, so a node that returns after a failure gets its leaderships back within a few
   * passes. Transfers that do not complete are aborted by Raft after an election timeout.
   */
  private maybeBalanceLeaders(): void {
    if (++this.ticksSinceBalance < limits.leaderBalanceEveryTicks) return;
    this.ticksSinceBalance = 0;
    const led: GroupLeadership[] = [];
    const inSync = new Map<GroupId, readonly NodeId[]>();
    for (const local of this.partitions.values()) {
      if (!this.host.hosts(local.group) || this.host.view(local.group).role !== "leader") continue;
      // A partition whose topic was deleted, its removal still under way, is left alone.
      if (this.controller.topic(local.topic)?.partitions[local.partition]?.group !== local.group) continue;
      const status = this.partitionStatus(local.topic, local.partition);
      led.push({ groupId: local.group, replicas: status.replicas, leader: this.nodeId });
      inSync.set(local.group, status.isr);
    }
    const live = new Set(
      this.controller
        .listNodes()
        .map((node) => node.nodeId)
        .filter((id) => this.isNodeLive(id)),
    );
    const transfers = planLeaderTransfers(led, live, Number.MAX_SAFE_INTEGER)
      .filter((transfer) => inSync.get(transfer.groupId)?.includes(transfer.to))
      .slice(0, limits.leaderTransfersPerPassMax);
    for (const transfer of transfers) this.host.transferLeadership(transfer.groupId, transfer.to);
  }

  /**
   * Once per incarnation, when the node serves: a linearizable read point on the controller (ReadIndex)
   * guarantees the applied controller state holds every topic created before any directory on disk,
   * so a partition directory whose group marker names a group neither assigned here nor hosted belongs
   * to a topic deleted while this node was down (or replayed past before it reopened): its files are
   * deleted. Runs in the reconciliation chain, so it never races an opening partition. A failed read
   * point (no leader yet, a timeout) is retried on a later tick.
   */
  private maybeSweepOrphans(): void {
    if (this.orphanSweep !== "pending" || !this.isServing()) return;
    this.orphanSweep = "running";
    this.host.readIndex(controllerGroupId).then(
      () => {
        this.reconciling = this.reconciling
          .then(() => this.sweepOrphans())
          .then(() => {
            this.orphanSweep = "done";
          })
          .catch((error: unknown) => this.fail(error));
      },
      () => {
        this.orphanSweep = "pending";
      },
    );
  }

  private async sweepOrphans(): Promise<void> {
    const wanted = new Set(this.controller.groupsOn(this.nodeId).map(({ record }) => record.group));
    for (const name of await this.options.disk.list("partitions")) {
      const directory = `partitions/${name}`;
      const owner = await readGroupMarker(this.options.disk, directory);
      if (owner === undefined || wanted.has(owner) || this.partitions.has(owner)) continue;
      await removePartitionFiles(this.options.disk, directory);
    }
  }

  /** Campaigns in the new partitions this node is the preferred replica of, once their delay ran out. */
  private campaignForNewPartitions(): void {
    for (const [group, ticksLeft] of this.preferredCampaigns) {
      if (ticksLeft > 1) {
        this.preferredCampaigns.set(group, ticksLeft - 1);
        continue;
      }
      this.preferredCampaigns.delete(group);
      // An election another replica started meanwhile has moved the term on: let it finish.
      if (this.host.hosts(group) && isNewGroup(this.host.view(group))) this.host.multiRaft.campaign(group);
    }
  }

  /** Each voter's match index in a group this node leads (Raft's replication progress). */
  private matchIndexes(group: GroupId): Map<NodeId, number> {
    const matches = new Map<NodeId, number>();
    for (const [node, progress] of this.host.multiRaft.raftNode(group).raft.tracker.progress)
      matches.set(node, progress.match);
    return matches;
  }

  /** Feeds the replica tracker each tick with the replication of every partition led here. */
  private observeReplication(): void {
    for (const local of this.partitions.values()) {
      if (!this.host.hosts(local.group)) continue;
      const view = this.host.view(local.group);
      if (view.role === "leader")
        this.replicas.observeLeader(local.group, view.lastIndex, this.matchIndexes(local.group));
      else this.replicas.forgetGroup(local.group);
    }
  }

  /**
   * acks=all honours the topic's min.insync.replicas (Kafka): with fewer replicas in sync the produce is
   * refused with NOT_ENOUGH_REPLICAS (retriable) before anything is written.
   */
  private requireInSyncReplicas(local: LocalPartition): void {
    const config = this.controller.topic(local.topic)?.config ?? {};
    const required = Number(effectiveTopicConfig(config)["min.insync.replicas"]);
    const isr = this.partitionStatus(local.topic, local.partition).isr;
    if (isr.length < required) {
      throw new HelixError(
        "NOT_ENOUGH_REPLICAS",
        `${local.topic}-${local.partition} has ${isr.length} in-sync replicas (${isr.join(", ")}); min.insync.replicas is ${required}`,
      );
    }
  }

  /** A topic's configs changed: every local partition of it rolls and expires by the new settings. */
  private configurePartitionLogs(topic: string): void {
    const record = this.controller.topic(topic);
    if (record === undefined) return;
    const settings = partitionLogSettings(record.config);
    const tiering = tieringConfigOf(record.config);
    for (const local of this.partitions.values()) {
      if (local.topic !== topic) continue;
      local.tiering.configure(tiering);
      local.log.configure(settings).catch((error: unknown) => this.fail(error));
    }
  }

  /**
   * Every retentionCheckEveryTicks, deletes the sealed segments retention no longer keeps in up to
   * retentionPartitionsPerCheck local partitions (round robin), against the injected clock. One pass
   * at a time; the log start offset each partition reports moves with its first segment.
   */
  private maybeEnforceRetention(): void {
    if (this.retention.running || ++this.retention.ticks < limits.retentionCheckEveryTicks) return;
    this.retention.ticks = 0;
    const locals = [...this.partitions.values()];
    if (locals.length === 0) return;
    const count = Math.min(locals.length, limits.retentionPartitionsPerCheck);
    const start = this.retention.cursor % locals.length;
    const chosen = Array.from(
      { length: count },
      (_, i) => locals[(start + i) % locals.length] as LocalPartition,
    );
    this.retention.cursor = start + count;
    this.retention.running = true;
    const nowMs = this.options.clock.nowMs();
    Promise.all(chosen.map((local) => local.log.enforceRetention(nowMs)))
      .then(() => {
        this.retention.running = false;
      })
      .catch((error: unknown) => this.fail(error));
  }

  /**
   * Every tierDriveEveryTicks, one tiering pass over the local partitions with tiering on (or tiered
   * objects left): see node/tier/partition-tiering.ts. Tier commands are proposed like DeleteRecords:
   * the leader's view of its log is synced first, and the entry observed at once.
   */
  private maybeDriveTiering(): void {
    if (++this.ticksSinceTiering < limits.tierDriveEveryTicks) return;
    this.ticksSinceTiering = 0;
    const nowMs = this.options.clock.nowMs();
    const minimums = new Map<string, Map<number, number>>();
    const committed = (topic: string) => {
      let minimum = minimums.get(topic);
      if (minimum === undefined) {
        minimum = this.progress.minimumCommittedOffsets(topic);
        minimums.set(topic, minimum);
      }
      return minimum;
    };
    for (const local of this.partitions.values()) {
      if (!local.tiering.active || !this.host.hosts(local.group)) continue;
      const view = this.host.view(local.group);
      const config = this.controller.topic(local.topic)?.config ?? {};
      local.tiering.pass({
        nowMs,
        term: view.term as Term,
        isLeader: view.role === "leader",
        consumerLowWatermark: keepsUnconsumed(config)
          ? committed(local.topic).get(local.partition)
          : undefined,
        propose: (command) => {
          this.syncTail(local);
          const data = encodeTierCommand(command);
          const proposal = this.host.propose(local.group, data);
          local.state.observeAppended(proposal.index, proposal.term, data);
          return this.await(local.group, proposal.index, proposal.term, "all");
        },
        fail: (error) => this.fail(error),
      });
    }
  }

  /**
   * Makes the partitions hosted here match the controller's assignments: starts hosting the ones
   * assigned and not hosted, stops hosting (and deletes) the ones whose topic is gone. Runs are
   * serialized and each works from the controller state current when it starts (the topic records
   * included: the controller may delete a topic while a partition of it opens), and every change of
   * topics queues another run, so a topic created and deleted in quick succession (or both replayed
   * after a restart) ends up not hosted.
   */
  private reconcile(): void {
    this.reconciling = this.reconciling
      .then(() => this.reconcileNow())
      .catch((error: unknown) => this.fail(error));
  }

  private async reconcileNow(): Promise<void> {
    if (this.failure !== undefined) return;
    const assigned = this.controller.groupsOn(this.nodeId);
    const topics = new Map(assigned.map(({ topic }) => [topic, this.controller.topic(topic) as TopicRecord]));
    const wanted = new Set(assigned.map(({ record }) => record.group));
    const removals = [...this.partitions.values()]
      .filter((local) => !wanted.has(local.group))
      .map((local) => this.removePartition(local));
    await Promise.all(removals);
    const additions = assigned
      .filter(({ record }) => !this.partitions.has(record.group))
      .map(({ topic, partition, record }) =>
        this.openPartition(topics.get(topic) as TopicRecord, partition, record.group, record.replicas),
      );
    await Promise.all(additions);
  }

  /**
   * Opens and hosts one partition as `record` (the topic when this reconciliation started) assigns it.
   * The topic may be deleted or reconfigured while the files open: the partition is hosted all the
   * same (the run queued by the deletion removes it), and a configuration changed meanwhile, which
   * reached only the partitions already listed, is applied to it here.
   */
  private async openPartition(
    record: TopicRecord,
    partition: number,
    group: GroupId,
    replicas: readonly NodeId[],
  ) {
    const topic = record.name;
    const directory = partitionDirectory(topic, partition);
    await claimPartitionDirectory(this.options.disk, directory, group);
    const log = await PartitionLog.open(this.options.disk, {
      directory,
      ...partitionLogSettings(record.config),
    });
    const state = new PartitionState();
    const tiering = new PartitionTiering(
      record.id,
      partition as PartitionId,
      group,
      log,
      this.tiering,
      tieringConfigOf(record.config),
    );
    this.partitions.set(group, { topic, partition, group, state, log, tiering });
    const current = this.controller.topic(topic);
    if (current !== undefined && current.id === record.id && current.config !== record.config) {
      tiering.configure(tieringConfigOf(current.config));
      await log.configure(partitionLogSettings(current.config));
    }
    await this.host.addGroup({ group, voters: replicas }, (entries) => {
      for (const entry of entries) observe(state, entry);
    });
    // A brand-new partition's preferred replica campaigns, so leaders start where placement spread
    // them and leader balancing has nothing to undo. It waits a couple of ticks for the other replicas
    // to host the group (votes for a group a node does not host yet are dropped).
    if (replicas[0] === this.nodeId && this.host.hosts(group) && isNewGroup(this.host.view(group)))
      this.preferredCampaigns.set(group, preferredCampaignDelayTicks);
  }

  /**
   * Stops hosting a partition whose topic was deleted: the Raft group leaves the host (its WAL entries
   * are released), waiting writes fail with UNKNOWN_TOPIC, and the partition's files are deleted, the
   * directory's group marker last, so a crash half way leaves a directory the next owner recognises as
   * stale (see claimPartitionDirectory).
   */
  private async removePartition(local: LocalPartition): Promise<void> {
    const gone = new HelixError("UNKNOWN_TOPIC", `${local.topic}-${local.partition} was deleted`);
    for (const waits of this.pending.get(local.group)?.values() ?? [])
      for (const pending of waits) pending.reject(gone);
    this.pending.delete(local.group);
    // The host may apply the group's entries until removeGroup resolves: the state stays until then.
    await this.host.removeGroup(local.group);
    this.partitions.delete(local.group);
    local.tiering.close();
    this.replicas.forgetGroup(local.group);
    await local.log.close();
    await removePartitionFiles(this.options.disk, partitionDirectory(local.topic, local.partition));
  }

  private maybeBootstrap(): void {
    if (!this.isControllerLeader() || this.controller.clusterInfo().clusterId !== undefined) return;
    if (this.pending.get(controllerGroupId)?.size) return;
    this.proposeController({
      type: "bootstrap",
      clusterId: this.options.clusterId ?? "helix",
      voters: this.options.voters,
      progressGroupCount: this.options.progressGroupCount ?? 4,
    }).catch(() => {});
  }

  /** Until the controller lists this node with its current addresses, ask the leader to register it. */
  private maybeRegister(): void {
    if (this.controller.clusterInfo().clusterId === undefined) return;
    const registered = this.controller.listNodes().find((node) => node.nodeId === this.nodeId);
    const record: NodeRecord = { nodeId: this.nodeId, ...this.options.addresses };
    if (registered !== undefined && sameAddresses(registered, record)) return;
    if (++this.ticksSinceRegister < registerEveryTicks) return;
    this.ticksSinceRegister = 0;
    const leader = this.controllerLeader();
    if (leader === this.nodeId)
      this.proposeController({ type: "registerNode", node: record }).catch(() => {});
    else if (leader !== undefined) this.options.send(leader, { kind: "register", node: record });
  }

  private rejectAll(error: HelixError): void {
    this.producerIds.close(error);
    for (const forGroup of this.pending.values())
      for (const waits of forGroup.values()) for (const pending of waits) pending.reject(error);
    this.pending.clear();
  }

  private fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.host.stop();
    this.rejectAll(
      new HelixError("UNAVAILABLE", `node ${this.nodeId} stopped after a storage failure`, { cause: error }),
    );
    this.options.onFailure?.(error);
  }
}

function partitionDirectory(topic: string, partition: number): string {
  return `partitions/${topic}-${partition}`;
}

/** The file in a partition directory naming the Raft group whose data it holds. */
const groupMarkerFile = "group";

/**
 * Makes `directory` hold the data of `group`. A directory left by an earlier topic of the same name
 * (whose deletion a crash interrupted) names another group: its files are deleted before the new
 * partition starts, so a recreated topic starts empty. A directory without a marker predates markers
 * and is kept.
 */
async function claimPartitionDirectory(disk: Disk, directory: string, group: GroupId): Promise<void> {
  const path = `${directory}/${groupMarkerFile}`;
  const owner = await readGroupMarker(disk, directory);
  if (owner === group) return;
  if (owner !== undefined) await removePartitionFiles(disk, directory);
  await disk.mkdir(directory);
  const file = await disk.open(`${path}.tmp`, { create: true });
  await file.truncate(0);
  await file.write(0, new TextEncoder().encode(String(group)));
  await file.sync();
  await file.close();
  await disk.rename(`${path}.tmp`, path);
  await disk.syncDirectory(directory);
}

/** The group a partition directory's marker names; undefined without a (readable) marker. */
async function readGroupMarker(disk: Disk, directory: string): Promise<GroupId | undefined> {
  const path = `${directory}/${groupMarkerFile}`;
  if (!(await disk.exists(path))) return undefined;
  const file = await disk.open(path, { create: false });
  try {
    const text = new TextDecoder().decode(await file.read(0, file.size()));
    return /^\d+$/.test(text) ? (Number(text) as GroupId) : undefined;
  } finally {
    await file.close();
  }
}

/** Deletes every file of a partition directory, its group marker last. */
async function removePartitionFiles(disk: Disk, directory: string): Promise<void> {
  const names = await disk.list(directory);
  for (const name of names) if (name !== groupMarkerFile) await disk.remove(`${directory}/${name}`);
  await disk.syncDirectory(directory);
  await disk.remove(`${directory}/${groupMarkerFile}`);
  await disk.syncDirectory(directory);
}

/** See `HelixNode.logStartOffset`. */
function startOffsetOf(local: LocalPartition): number {
  return Math.max(local.state.earliestOffset(), local.tiering.earliestOffset(local.log.logStartOffset));
}

function sameAddresses(a: NodeRecord, b: NodeRecord): boolean {
  return (
    a.kafkaAddress === b.kafkaAddress &&
    a.grpcAddress === b.grpcAddress &&
    a.peerAddress === b.peerAddress &&
    (a.rack ?? undefined) === (b.rack ?? undefined)
  );
}

function encodeKvWrite(command: KvCommand): KvWrite {
  if (command.type === "delete") return command;
  return { ...command, value: Buffer.from(command.value).toString("base64") };
}

function decodeKvWrite(write: KvWrite): KvCommand {
  if (write.type === "delete") return write;
  return { ...write, value: new Uint8Array(Buffer.from(write.value, "base64")) };
}

/** Conf-change entries hold no records; they still take their index, like a no-op. */
function observe(state: PartitionState, entry: Entry): void {
  state.observeAppended(entry.index, entry.term, entry.type === "normal" ? entry.data : new Uint8Array(0));
}

function dropped(group: GroupId, index: number): HelixError {
  return new HelixError(
    "PROPOSAL_DROPPED",
    `the entry at index ${index} of group ${group} was replaced after a leader change`,
  );
}
