/**
 * Configuration of a Multi-Raft engine: the node it runs on, the settings every group shares, and the
 * bounds of the engine itself. Groups share their timing settings because node-level liveness (which
 * replaces per-group heartbeats for quiesced groups) is measured against one election timeout.
 */
import { HelixError, limits, type NodeId, type Rng, type Ticks } from "@helixlog/core";
import type { RaftOptions } from "../config.js";

/** Settings of every group's Raft member, without what the engine fills in per group. */
export type GroupSettings = Partial<Omit<RaftOptions, "id" | "group" | "rng" | "appliedIndex">>;

export interface MultiRaftOptions {
  readonly nodeId: NodeId;
  /** Drives every group's election timeouts and the campaign stagger; split once per group. */
  readonly rng: Rng;
  readonly groupSettings?: GroupSettings;
  /** Groups this node may host. Default and maximum limits.multiRaftGroupsMax. */
  readonly groupsMax?: number;
  /** Let idle groups stop ticking and heartbeating (on by default; off only to measure its effect). */
  readonly quiescence?: boolean;
  /** Ticks without hearing from a peer's node before it is presumed dead. Default: the election timeout. */
  readonly peerTimeoutTicks?: Ticks;
  /** Ticks between node-level heartbeats to each peer. Default: the groups' heartbeat interval. */
  readonly nodeHeartbeatTicks?: Ticks;
  /**
   * Ticks over which campaigns after a peer's death are spread. Default: half the election timeout, so
   * every designated campaign starts before the other members' own election timers (restarted when the
   * death was noticed, at least an election timeout long) could fire and split the vote.
   */
  readonly campaignStaggerTicks?: Ticks;
  /** Campaigns run at once. Default limits.campaignsConcurrentDefault. */
  readonly campaignsConcurrentMax?: number;
  /** Items queued for one peer in one Ready; more are dropped. Default limits.peerPendingMessagesMax. */
  readonly peerPendingMessagesMax?: number;
  /** Target estimated bytes of one batch; a peer's messages beyond it go in further batches. */
  readonly batchSizeBytes?: number;
}

export class MultiRaftConfig {
  readonly nodeId: NodeId;
  readonly rng: Rng;
  readonly groupSettings: GroupSettings;
  readonly electionTicks: Ticks;
  readonly heartbeatTicks: Ticks;
  readonly groupsMax: number;
  readonly quiescence: boolean;
  readonly peerTimeoutTicks: Ticks;
  readonly nodeHeartbeatTicks: Ticks;
  readonly campaignStaggerTicks: Ticks;
  readonly campaignsConcurrentMax: number;
  readonly peerPendingMessagesMax: number;
  readonly batchSizeBytes: number;

  constructor(options: MultiRaftOptions) {
    this.nodeId = options.nodeId;
    this.rng = options.rng;
    this.electionTicks = options.groupSettings?.electionTicks ?? (10 as Ticks);
    this.heartbeatTicks = options.groupSettings?.heartbeatTicks ?? (1 as Ticks);
    this.groupSettings = {
      ...options.groupSettings,
      electionTicks: this.electionTicks,
      heartbeatTicks: this.heartbeatTicks,
    };
    this.groupsMax = options.groupsMax ?? limits.multiRaftGroupsMax;
    this.quiescence = options.quiescence ?? true;
    this.peerTimeoutTicks = options.peerTimeoutTicks ?? this.electionTicks;
    this.nodeHeartbeatTicks = options.nodeHeartbeatTicks ?? this.heartbeatTicks;
    this.campaignStaggerTicks =
      options.campaignStaggerTicks ?? (Math.max(1, Math.floor(this.electionTicks / 2)) as Ticks);
    this.campaignsConcurrentMax = options.campaignsConcurrentMax ?? limits.campaignsConcurrentDefault;
    this.peerPendingMessagesMax = options.peerPendingMessagesMax ?? limits.peerPendingMessagesMax;
    this.batchSizeBytes = options.batchSizeBytes ?? limits.batchSizeBytesDefault;
  }

  /** Throws HelixError INVALID_CONFIG naming the first bad setting (group settings are checked per group). */
  validate(): void {
    const check = (ok: boolean, message: string): void => {
      if (!ok) throw new HelixError("INVALID_CONFIG", `multi-raft config: ${message}`);
    };
    const isCount = (value: number, minimum: number, maximum: number): boolean =>
      Number.isInteger(value) && value >= minimum && value <= maximum;
    check(isCount(this.nodeId, 1, 2 ** 31 - 1), `nodeId must be a node id >= 1, got ${this.nodeId}`);
    check(typeof this.rng?.integer === "function", "rng must be an Rng");
    check(
      isCount(this.groupsMax, 1, limits.multiRaftGroupsMax),
      `groupsMax must be in [1, ${limits.multiRaftGroupsMax}], got ${this.groupsMax}`,
    );
    // A quiesced group's tick count stands still, so a lease measured in its ticks would never expire.
    // Leases would need node-level time; until then, quiescing groups serve reads by ReadIndex only.
    check(
      !this.quiescence || this.groupSettings.readOnlyOption !== "leaseBased",
      "leaseBased reads cannot be combined with quiescence",
    );
    // A node presumed dead wakes its groups; presuming that within one node heartbeat would flap.
    check(
      isCount(this.peerTimeoutTicks, 2 * this.nodeHeartbeatTicks, limits.electionTicksMax),
      `peerTimeoutTicks must be in [2 * nodeHeartbeatTicks, ${limits.electionTicksMax}], got ${this.peerTimeoutTicks}`,
    );
    check(
      isCount(this.nodeHeartbeatTicks, 1, Math.floor(this.electionTicks / limits.heartbeatsPerElectionMin)),
      `nodeHeartbeatTicks must fit ${limits.heartbeatsPerElectionMin} times in electionTicks, got ${this.nodeHeartbeatTicks}`,
    );
    check(
      isCount(this.campaignStaggerTicks, 1, limits.campaignStaggerTicksMax),
      `campaignStaggerTicks must be in [1, ${limits.campaignStaggerTicksMax}], got ${this.campaignStaggerTicks}`,
    );
    check(
      isCount(this.campaignsConcurrentMax, 1, limits.campaignsConcurrentMax),
      `campaignsConcurrentMax must be in [1, ${limits.campaignsConcurrentMax}], got ${this.campaignsConcurrentMax}`,
    );
    check(
      isCount(this.peerPendingMessagesMax, 1, limits.peerPendingMessagesMax),
      `peerPendingMessagesMax must be in [1, ${limits.peerPendingMessagesMax}], got ${this.peerPendingMessagesMax}`,
    );
    check(
      isCount(this.batchSizeBytes, 1024, limits.batchSizeBytesMax),
      `batchSizeBytes must be in [1024, ${limits.batchSizeBytesMax}], got ${this.batchSizeBytes}`,
    );
  }
}
