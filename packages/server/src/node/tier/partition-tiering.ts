/**
 * Tiered storage of one partition hosted here (issue 11, DESIGN.md §4): the bridge between the pure
 * policy of `@helixlog/tier` (`TieringPartition`, which owns the replicated `TierManifest`) and this
 * node's partition: its segment store, its Raft group and the node's object store.
 *
 * Every replica
 *   - applies committed manifest commands from the partition log (`applyCommitted`), and DeleteRecords
 *     as a move of the manifest's log start (`applyLogStart`), in log order, so all agree;
 *   - carries the manifest in the partition snapshot (`snapshot` / `restore`);
 *   - deletes its local segments once a committed manifest entry covers them and local retention
 *     allows (or total retention removed them): never before the entry is committed.
 * The leader alone
 *   - uploads sealed segments the policy claims (through the node-wide queue, `NodeTiering`): read the
 *     segment, build the tiered object, put, head; the policy proposes the manifest entry only when head
 *     read back the size and CRC32C that were put;
 *   - proposes the policy's commands (its term's fence first, adds, total retention);
 *   - deletes remote objects retention removed, abandoned uploads and orphans (found by listing the
 *     partition's prefix once its fence is applied, then every `tierOrphanListEveryTicks`).
 * A leadership change forgets every upload in flight (the policy does); objects a deposed leader put
 * late carry its term in their key, are never in the manifest (its fence rejects them) and are deleted
 * as orphans by the next listing.
 */
import {
  batchNextOffset,
  batchSize,
  type GroupId,
  HelixError,
  limits,
  type ObjectStore,
  type Offset,
  offset,
  type PartitionId,
  readRecordBatchHeader,
  type Term,
  type TopicId,
} from "@helixlog/core";
import {
  encodeTieredObject,
  type ManifestCommand,
  type SealedSegment,
  type TieringConfig,
  TieringPartition,
  TierManifest,
  type UploadClaim,
  uploadClaimedSegment,
} from "@helixlog/tier";
import type { PartitionLog } from "@helixlog/wal";
import { firstRecordAtOrAfter } from "../partition/record-time.js";
import type { NodeTiering } from "./node-tiering.js";

/** What the node tells a partition's tiering on each pass. */
export interface TieringPass {
  readonly nowMs: number;
  readonly term: Term;
  readonly isLeader: boolean;
  /** Proposes a tier command to the partition's group; resolves when applied, rejects when dropped. */
  readonly propose: (command: ManifestCommand) => Promise<unknown>;
  /**
   * Consumer-aware eviction: the smallest offset committed by the partition's consumer groups (those
   * in the progress groups hosted here), or undefined when there is none or the topic does not ask.
   */
  readonly consumerLowWatermark: number | undefined;
  /** A storage failure the node cannot survive (a local deletion failed). */
  readonly fail: (error: unknown) => void;
}

export class PartitionTiering {
  private policy: TieringPartition;
  /** Base offsets of the sealed local segments the policy knows of. */
  private readonly known = new Set<number>();
  private localDeletion = false;
  private remoteDeletions = false;
  private listing = false;
  /** The term whose orphan listing ran, and ticks since the last one. */
  private listedTerm = -1;
  private passesSinceListing = 0;
  private repairProposedTerm = -1;
  private closed = false;
  private config: TieringConfig;

  constructor(
    readonly topicId: TopicId,
    readonly partition: PartitionId,
    readonly group: GroupId,
    private readonly log: PartitionLog,
    private readonly node: NodeTiering,
    config: TieringConfig,
  ) {
    this.config = config;
    this.policy = new TieringPartition(topicId, partition, config);
  }

  get manifest(): TierManifest {
    return this.policy.manifest;
  }

  configure(config: TieringConfig): void {
    this.config = config;
    this.policy.onConfigChanged(config);
  }

  get enabled(): boolean {
    return this.config.enabled;
  }

  /** Whether this partition needs passes: tiering is on, or the manifest still names objects. */
  get active(): boolean {
    return this.config.enabled || this.policy.manifest.entries.length > 0;
  }

  /** A committed manifest command, on every replica in log order. */
  applyCommitted(command: ManifestCommand): void {
    this.policy.applyCommitted(command);
  }

  /**
   * DeleteRecords moved the partition's log start (KIP-107): the manifest's log start follows, at the
   * same log position on every replica, stamped with the manifest's own fence so it is never refused.
   */
  applyLogStart(logStartOffset: number): void {
    this.policy.applyCommitted({
      type: "advanceLogStart",
      term: this.policy.manifest.fenceTerm,
      logStartOffset: offset(logStartOffset),
    });
  }

  snapshot(): Uint8Array {
    return this.policy.manifest.snapshot();
  }

  /** Replaces the manifest by a snapshot's; leader-only plans start over (the next pass re-derives them). */
  restore(bytes: Uint8Array | undefined): void {
    const manifest = bytes === undefined ? new TierManifest() : TierManifest.restore(bytes);
    this.policy = new TieringPartition(this.topicId, this.partition, this.config, manifest);
    this.known.clear();
  }

  /** The first offset readable locally or remotely (ListOffsets earliest, Fetch's log start). */
  earliestOffset(localLogStart: number): number {
    return this.policy.earliestReadableOffset(offset(localLogStart));
  }

  /** Whether `target` is below the local log and held by a tiered object. */
  coversRemotely(target: number): boolean {
    return target < this.log.logStartOffset && this.policy.manifest.find(offset(target)) !== undefined;
  }

  /** Whole batches from the tiered object holding `target`, at least one, up to about `maxBytes`. */
  async read(target: number, maxBytes: number): Promise<Uint8Array[]> {
    const read = await this.node.read(this.policy.manifest, offset(target), maxBytes);
    const batches: Uint8Array[] = [];
    let position = 0;
    while (position < read.length) {
      const size = batchSize(readRecordBatchHeader(read, position));
      batches.push(read.subarray(position, position + size));
      position += size;
    }
    return batches;
  }

  /**
   * ListOffsets by timestamp below the local log (KIP-79 over tiered data): the first record at or after
   * `start` whose timestamp is at least `timestampMs`, searched in the objects whose newest record
   * reaches the time; undefined when the answer lies in the local log (or nowhere).
   */
  async offsetForTime(
    timestampMs: number,
    start: number,
  ): Promise<{ offset: number; timestamp: number } | undefined> {
    const localStart = this.log.logStartOffset;
    for (const entry of this.policy.manifest.entries) {
      if (entry.baseOffset >= localStart) break;
      if (entry.endOffset <= start || entry.maxTimestampMs < timestampMs) continue;
      // Every read returns at least one batch and moves the cursor past it: bounded by the object.
      let cursor = Math.max(entry.baseOffset, start);
      while (cursor < Math.min(entry.endOffset, localStart)) {
        for (const batch of await this.read(cursor, limits.grpcFetchBytesDefault)) {
          const record = firstRecordAtOrAfter(batch, timestampMs, start);
          if (record !== undefined) return record;
          cursor = batchNextOffset(readRecordBatchHeader(batch));
        }
      }
    }
    return undefined;
  }

  /** Bytes of sealed local segments not tiered yet (upload lag), and tiered objects, for metrics. */
  lag(): { bytes: number; objects: number; tieredEnd: number } {
    const tieredEnd = this.policy.manifest.tieredEndOffset;
    let bytes = 0;
    for (const segment of this.log.sealedSegments())
      if (segment.endOffset > tieredEnd) bytes += segment.sizeBytes;
    return { bytes, objects: this.policy.manifest.entries.length, tieredEnd };
  }

  close(): void {
    this.closed = true;
  }

  /** One tiering pass (every `tierDriveEveryTicks`): facts in, decisions carried out in the background. */
  pass(pass: TieringPass): void {
    if (this.closed) return;
    try {
      this.passNow(pass);
    } catch (error) {
      // A partition over the policy's bounds (more sealed segments than it tracks, say) stops tiering
      // and keeps its data locally; the node and the other partitions go on. Counted for /metrics.
      this.node.counters.passErrors++;
      this.lastError = error;
    }
  }

  /** The last error a pass of this partition hit, if any (tests, diagnostics). */
  lastError: unknown;

  private passNow(pass: TieringPass): void {
    this.policy.onLeadership(pass.term, pass.isLeader);
    this.policy.onConsumerLowWatermark(
      pass.consumerLowWatermark === undefined ? undefined : offset(pass.consumerLowWatermark),
    );
    this.syncSegments();
    this.deleteLocal(pass);
    if (!pass.isLeader || this.node.store === undefined) return;
    for (const claim of this.policy.claimUploads(pass.nowMs)) this.node.enqueueUpload(this, claim);
    for (const command of this.policy.proposals(pass.nowMs)) this.propose(pass, command);
    this.maybeRepairStart(pass);
    this.deleteRemote();
    this.maybeListOrphans();
  }

  /** Runs one claimed upload (called by the node-wide queue when a slot is free). */
  async upload(claim: UploadClaim): Promise<void> {
    if (this.closed || claim.term !== this.policy.term || !this.policy.isLeader) return;
    const store = this.node.store as ObjectStore;
    let failed = true;
    try {
      const segment = await this.log.readSealedSegment(claim.segment.baseOffset);
      const object = encodeTieredObject(segment);
      if (
        object.footer.baseOffset !== claim.segment.baseOffset ||
        object.footer.endOffset !== claim.segment.endOffset
      ) {
        throw new HelixError(
          "CORRUPT_DATA",
          `segment ${claim.segment.baseOffset} holds offsets [${object.footer.baseOffset}, ${object.footer.endOffset})`,
        );
      }
      const outcome = await uploadClaimedSegment(store, claim, object.bytes);
      if (this.closed) return;
      if (outcome.ok) {
        failed = false;
        this.node.counters.bytesUploaded += object.bytes.length;
        this.node.counters.objectsUploaded++;
        this.policy.onUploadSucceeded(claim, outcome.uploaded, outcome.head, this.node.nowMs());
      }
    } catch {
      // A segment deleted meanwhile, a corrupt segment: counted as a failed attempt, retried or abandoned.
    }
    if (failed && !this.closed) {
      this.node.counters.uploadFailures++;
      this.policy.onUploadFailed(claim, this.node.nowMs());
    }
  }

  private syncSegments(): void {
    const sealed = this.log.sealedSegments();
    const present = new Set<number>();
    for (const segment of sealed) {
      present.add(segment.baseOffset);
      if (this.known.has(segment.baseOffset)) continue;
      const fact: SealedSegment = {
        baseOffset: segment.baseOffset,
        endOffset: segment.endOffset,
        sizeBytes: segment.sizeBytes,
        maxTimestampMs: segment.maxTimestampMs,
      };
      this.policy.onSegmentSealed(fact);
      this.known.add(segment.baseOffset);
    }
    for (const base of this.known) {
      if (present.has(base)) continue;
      this.policy.onLocalSegmentDeleted(offset(base));
      this.known.delete(base);
    }
  }

  /** Local segments the committed manifest and local retention let go, on any replica. */
  private deleteLocal(pass: TieringPass): void {
    if (this.localDeletion) return;
    const deletable = this.policy.localSegmentsToDelete(pass.nowMs);
    if (deletable.length === 0) return;
    const before = Math.max(...deletable.map((segment) => segment.endOffset));
    this.localDeletion = true;
    this.log.deleteSegmentsBefore(before).then(
      () => {
        this.localDeletion = false;
        this.node.counters.localSegmentsDeleted += deletable.length;
      },
      (error: unknown) => pass.fail(error),
    );
  }

  private propose(pass: TieringPass, command: ManifestCommand): void {
    let proposed: Promise<unknown>;
    try {
      proposed = pass.propose(command);
    } catch {
      this.policy.onProposalDropped(command);
      return;
    }
    proposed.catch(() => {
      if (!this.closed) this.policy.onProposalDropped(command);
    });
  }

  /**
   * A leader whose manifest is empty and whose local log starts above the manifest's covered end (the
   * segments below went to retention before tiering was turned on) could never add a contiguous entry:
   * it moves the manifest's log start up to its local log start first, as Kafka's remote log starts at
   * the first uploaded segment.
   */
  private maybeRepairStart(pass: TieringPass): void {
    const manifest = this.policy.manifest;
    const localStart = this.log.logStartOffset;
    if (
      !this.config.enabled ||
      manifest.entries.length > 0 ||
      manifest.fenceTerm !== pass.term ||
      localStart <= manifest.coveredEndOffset ||
      this.repairProposedTerm === pass.term
    )
      return;
    this.repairProposedTerm = pass.term;
    const command: ManifestCommand = {
      type: "advanceLogStart",
      term: pass.term,
      logStartOffset: localStart as Offset,
    };
    const reset = () => {
      this.repairProposedTerm = -1;
    };
    try {
      pass.propose(command).catch(reset);
    } catch {
      reset();
    }
  }

  private deleteRemote(): void {
    if (this.remoteDeletions) return;
    const keys = this.policy.remoteObjectsToDelete();
    if (keys.length === 0) return;
    const store = this.node.store as ObjectStore;
    this.remoteDeletions = true;
    void (async () => {
      for (const key of keys) {
        try {
          await store.delete(key);
          this.node.counters.objectsDeleted++;
          if (!this.closed) this.policy.onRemoteObjectDeleted(key);
        } catch {
          if (!this.closed) this.policy.onRemoteDeleteFailed(key);
        }
      }
      this.remoteDeletions = false;
    })();
  }

  private maybeListOrphans(): void {
    const term = this.policy.term;
    this.passesSinceListing++;
    if (this.listing || this.policy.manifest.fenceTerm !== term) return;
    const due =
      this.listedTerm !== term ||
      this.passesSinceListing * limits.tierDriveEveryTicks >= this.node.orphanListEveryTicks;
    if (!due) return;
    this.listing = true;
    this.listedTerm = term;
    this.passesSinceListing = 0;
    const store = this.node.store as ObjectStore;
    store.list(this.policy.keyPrefix).then(
      (keys) => {
        this.listing = false;
        if (!this.closed) this.policy.onObjectListing(keys);
      },
      () => {
        this.listing = false;
        this.listedTerm = -1;
      },
    );
  }
}
