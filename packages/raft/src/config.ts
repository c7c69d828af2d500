/**
 * Configuration of one Raft group member. Timeouts count host ticks; the election timeout of each
 * term is drawn from [electionTicks, 2 * electionTicks) with the injected Rng (Raft §5.2).
 */
import {
  type Bytes,
  type GroupId,
  HelixError,
  type LogIndex,
  limits,
  type NodeId,
  type Rng,
  type Ticks,
} from "@helixlog/core";

export type ReadOnlyOption = "safe" | "leaseBased";

export interface RaftOptions {
  readonly id: NodeId;
  /** The group this member belongs to; carried in every message for the Multi-Raft engine. */
  readonly group: GroupId;
  readonly rng: Rng;
  /** Base election timeout in ticks. Default 10. */
  readonly electionTicks?: Ticks;
  /** Ticks between leader heartbeats. Default 1. */
  readonly heartbeatTicks?: Ticks;
  /** Run a pre-vote round before a real election (thesis §9.6). Default true. */
  readonly preVote?: boolean;
  /** A leader steps down when it has not heard from a quorum for an election timeout (§6.2). Default true. */
  readonly checkQuorum?: boolean;
  /** "safe" confirms leadership with a heartbeat round per read; "leaseBased" trusts the leader lease. */
  readonly readOnlyOption?: ReadOnlyOption;
  /** Ticks cut from the end of each lease to absorb tick-rate drift between nodes. */
  readonly leaseSafetyMarginTicks?: Ticks;
  /** Bytes of entries per append message (batching). */
  readonly appendMessageSizeBytes?: Bytes;
  /** Append messages in flight to one follower (pipelining window). */
  readonly inflightMessagesMax?: number;
  /** Bytes of entries in flight to one follower. */
  readonly inflightBytesMax?: Bytes;
  /** Bytes of proposals a leader holds uncommitted before refusing more. */
  readonly uncommittedSizeBytesMax?: Bytes;
  /** Bytes of committed entries handed out in one Ready. */
  readonly committedSizeBytesPerReady?: Bytes;
  /** Bytes of snapshot data per InstallSnapshot chunk. */
  readonly snapshotChunkSizeBytes?: Bytes;
  /** The index the host's state machine has applied (after a restart); defaults to the snapshot's index. */
  readonly appliedIndex?: LogIndex;
}

export class RaftConfig {
  readonly id: NodeId;
  readonly group: GroupId;
  readonly rng: Rng;
  readonly electionTicks: Ticks;
  readonly heartbeatTicks: Ticks;
  readonly preVote: boolean;
  readonly checkQuorum: boolean;
  readonly readOnlyOption: ReadOnlyOption;
  readonly leaseSafetyMarginTicks: Ticks;
  readonly appendMessageSizeBytes: Bytes;
  readonly inflightMessagesMax: number;
  readonly inflightBytesMax: Bytes;
  readonly uncommittedSizeBytesMax: Bytes;
  readonly committedSizeBytesPerReady: Bytes;
  readonly snapshotChunkSizeBytes: Bytes;
  readonly appliedIndex: LogIndex | undefined;

  constructor(options: RaftOptions) {
    this.id = options.id;
    this.group = options.group;
    this.rng = options.rng;
    this.electionTicks = options.electionTicks ?? (10 as Ticks);
    this.heartbeatTicks = options.heartbeatTicks ?? (1 as Ticks);
    this.preVote = options.preVote ?? true;
    this.checkQuorum = options.checkQuorum ?? true;
    this.readOnlyOption = options.readOnlyOption ?? "safe";
    this.leaseSafetyMarginTicks =
      options.leaseSafetyMarginTicks ?? (limits.leaseSafetyMarginTicksDefault as Ticks);
    this.appendMessageSizeBytes =
      options.appendMessageSizeBytes ?? (limits.appendMessageSizeBytesDefault as Bytes);
    this.inflightMessagesMax = options.inflightMessagesMax ?? limits.inflightMessagesDefault;
    this.inflightBytesMax = options.inflightBytesMax ?? (limits.inflightBytesDefault as Bytes);
    this.uncommittedSizeBytesMax =
      options.uncommittedSizeBytesMax ?? (limits.uncommittedSizeBytesMax as Bytes);
    this.committedSizeBytesPerReady =
      options.committedSizeBytesPerReady ?? (limits.appendMessageSizeBytesMax as Bytes);
    this.snapshotChunkSizeBytes = options.snapshotChunkSizeBytes ?? (limits.snapshotChunkSizeBytes as Bytes);
    this.appliedIndex = options.appliedIndex;
  }

  describe(): string {
    return `node ${this.id} group ${this.group}: election=${this.electionTicks} heartbeat=${this.heartbeatTicks} preVote=${this.preVote} checkQuorum=${this.checkQuorum} reads=${this.readOnlyOption} append=${this.appendMessageSizeBytes}B inflight=${this.inflightMessagesMax}/${this.inflightBytesMax}B uncommitted=${this.uncommittedSizeBytesMax}B`;
  }

  /** Throws HelixError INVALID_CONFIG naming the first bad setting. */
  validate(): void {
    const check = (ok: boolean, message: string): void => {
      if (!ok) throw new HelixError("INVALID_CONFIG", `raft config: ${message}`);
    };
    const isCount = (value: number, minimum: number, maximum: number): boolean =>
      Number.isInteger(value) && value >= minimum && value <= maximum;
    check(isCount(this.id, 1, 2 ** 31 - 1), `id must be a node id >= 1, got ${this.id}`);
    check(isCount(this.group, 0, Number.MAX_SAFE_INTEGER), `group must be a group id, got ${this.group}`);
    check(
      isCount(this.electionTicks, limits.electionTicksMin, limits.electionTicksMax),
      `electionTicks must be in [${limits.electionTicksMin}, ${limits.electionTicksMax}], got ${this.electionTicks}`,
    );
    check(
      isCount(this.heartbeatTicks, 1, Math.floor(this.electionTicks / limits.heartbeatsPerElectionMin)),
      `heartbeatTicks must be >= 1 and fit ${limits.heartbeatsPerElectionMin} times in electionTicks, got ${this.heartbeatTicks}`,
    );
    check(
      isCount(this.leaseSafetyMarginTicks, 0, this.electionTicks - 1),
      `leaseSafetyMarginTicks must be below electionTicks, got ${this.leaseSafetyMarginTicks}`,
    );
    check(
      this.readOnlyOption === "safe" || this.readOnlyOption === "leaseBased",
      `readOnlyOption must be "safe" or "leaseBased", got ${String(this.readOnlyOption)}`,
    );
    // A lease is only sound if followers promise not to elect anyone else while it lasts, which is
    // what check-quorum's lease check on votes gives (thesis §6.4.1).
    check(this.readOnlyOption !== "leaseBased" || this.checkQuorum, "leaseBased reads require checkQuorum");
    check(
      isCount(this.appendMessageSizeBytes, 1, limits.appendMessageSizeBytesMax),
      `appendMessageSizeBytes must be in [1, ${limits.appendMessageSizeBytesMax}], got ${this.appendMessageSizeBytes}`,
    );
    check(
      isCount(this.inflightMessagesMax, 1, limits.inflightMessagesMax),
      `inflightMessagesMax must be in [1, ${limits.inflightMessagesMax}], got ${this.inflightMessagesMax}`,
    );
    check(isCount(this.inflightBytesMax, 1, Number.MAX_SAFE_INTEGER), `inflightBytesMax must be >= 1`);
    check(
      isCount(this.uncommittedSizeBytesMax, 1, limits.uncommittedSizeBytesMax),
      `uncommittedSizeBytesMax must be in [1, ${limits.uncommittedSizeBytesMax}], got ${this.uncommittedSizeBytesMax}`,
    );
    check(
      isCount(this.committedSizeBytesPerReady, 1, Number.MAX_SAFE_INTEGER),
      `committedSizeBytesPerReady must be >= 1`,
    );
    check(
      isCount(this.snapshotChunkSizeBytes, 1, limits.snapshotChunkSizeBytes),
      `snapshotChunkSizeBytes must be in [1, ${limits.snapshotChunkSizeBytes}], got ${this.snapshotChunkSizeBytes}`,
    );
    check(
      this.appliedIndex === undefined || isCount(this.appliedIndex, 0, Number.MAX_SAFE_INTEGER),
      `appliedIndex must be a log index, got ${this.appliedIndex}`,
    );
    check(typeof this.rng?.integer === "function", "rng must be an Rng");
  }
}
