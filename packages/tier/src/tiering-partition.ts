import {
  assert,
  HelixError,
  limits,
  type ObjectInfo,
  type Offset,
  offset,
  type PartitionId,
  type Term,
  type TopicId,
  term,
} from "@helixlog/core";
import { parseTieredObjectKey, partitionKeyPrefix, tieredObjectKey } from "./object-key.js";
import {
  type ManifestApplyResult,
  type ManifestCommand,
  type ManifestEntry,
  TierManifest,
} from "./tier-manifest.js";

/** Retention value meaning "no limit", as Kafka's -1. */
export const unlimited = -1;

/** A topic's tiering configuration (Kafka's remote.storage.enable, local.retention.*, retention.*). */
export interface TieringConfig {
  /** Upload sealed segments to the object store. */
  readonly enabled: boolean;
  /** Keep at least this many bytes of log locally; older tiered segments may go. `unlimited`: keep all. */
  readonly localRetentionBytes: number;
  /** Keep segments younger than this locally; older tiered segments may go. `unlimited`: keep all. */
  readonly localRetentionMs: number;
  /** Total retention (local and remote) by size. */
  readonly retentionBytes: number;
  /** Total retention (local and remote) by age of a segment's newest record. */
  readonly retentionMs: number;
}

export function validateTieringConfig(config: TieringConfig): void {
  for (const name of ["localRetentionBytes", "localRetentionMs", "retentionBytes", "retentionMs"] as const) {
    const value = config[name];
    if (!Number.isSafeInteger(value) || value < unlimited) {
      throw new HelixError("INVALID_CONFIG", `${name} must be -1 (unlimited) or a non-negative integer`);
    }
  }
  // Kafka's rule: local retention can only be tighter than total retention. Unlimited local retention
  // means "keep local copies until total retention removes them", so it is allowed with any total.
  const tighter = (local: number, total: number) =>
    local === unlimited || total === unlimited || local <= total;
  if (!tighter(config.localRetentionBytes, config.retentionBytes)) {
    throw new HelixError("INVALID_CONFIG", "localRetentionBytes must not exceed retentionBytes");
  }
  if (!tighter(config.localRetentionMs, config.retentionMs)) {
    throw new HelixError("INVALID_CONFIG", "localRetentionMs must not exceed retentionMs");
  }
}

/** A sealed (immutable, committed) local segment. */
export interface SealedSegment {
  readonly baseOffset: Offset;
  /** One past the segment's last offset. */
  readonly endOffset: Offset;
  readonly sizeBytes: number;
  readonly maxTimestampMs: number;
}

/** A decision to upload `segment` to `objectKey`, made by the leader of `term`. */
export interface UploadClaim {
  readonly objectKey: string;
  readonly segment: SealedSegment;
  readonly term: Term;
}

/** What the uploader put: the object's size and CRC32C, compared with what head() reads back. */
export interface UploadedObject {
  readonly sizeBytes: number;
  readonly crc32c: number;
}

type Upload =
  | { readonly phase: "uploading"; readonly claim: UploadClaim; readonly failures: number }
  | {
      readonly phase: "backoff";
      readonly claim: UploadClaim;
      readonly failures: number;
      readonly retryAtMs: number;
    }
  | { readonly phase: "verified" | "proposed"; readonly claim: UploadClaim; readonly entry: ManifestEntry }
  | { readonly phase: "abandoned"; readonly claim: UploadClaim; readonly retryAtMs: number };

/**
 * The tiering decisions of one partition on one replica: a pure state machine. Facts come in (segments
 * sealed and deleted, leadership, upload outcomes, committed manifest commands, object listings, time as
 * an argument); decisions come out (uploads to claim, manifest commands to propose, local segments and
 * remote objects to delete). It performs no I/O and reads no clock.
 *
 * Safety rules it keeps:
 *   - a local segment is deletable only once a committed manifest entry covers it and local retention
 *     allows it (or total retention removed it from the log altogether);
 *   - a manifest entry is proposed only after its upload succeeded and head() read back the same size
 *     and CRC32C; a failed or interrupted upload is retried or abandoned, never recorded;
 *   - only the leader uploads, proposes and deletes remote objects; a leadership change forgets every
 *     upload in flight, and the manifest rejects what a deposed leader proposes after the new fence;
 *   - an object is an orphan (deleted) only when it is ours by key, not in the committed manifest, not
 *     an upload of this term still in flight, and this term's fence is applied.
 */
export class TieringPartition {
  readonly manifest: TierManifest;
  readonly keyPrefix: string;
  private readonly topicId: TopicId;
  private readonly partition: PartitionId;
  private config: TieringConfig;
  private currentTerm: Term = term(0);
  private leader = false;
  /** Sealed local segments by base offset. */
  private readonly segments = new Map<number, SealedSegment>();
  /** Base offsets of local segments already handed out for deletion. */
  private readonly localDeletionsIssued = new Set<number>();
  private consumerLowWatermark: Offset | undefined;
  /** Leader only: uploads of this term by segment base offset. */
  private readonly uploads = new Map<number, Upload>();
  /** Leader only: remote objects to delete, not yet handed out, then handed out and not yet confirmed. */
  private readonly deletionsQueued = new Set<string>();
  private readonly deletionsInFlight = new Set<string>();
  private fenceProposed = false;
  private logStartProposed: Offset | undefined;

  constructor(
    topicId: TopicId,
    partition: PartitionId,
    config: TieringConfig,
    manifest = new TierManifest(),
  ) {
    validateTieringConfig(config);
    this.topicId = topicId;
    this.partition = partition;
    this.config = config;
    this.manifest = manifest;
    this.keyPrefix = partitionKeyPrefix(topicId, partition);
  }

  // ---- Facts ----

  onConfigChanged(config: TieringConfig): void {
    validateTieringConfig(config);
    this.config = config;
  }

  /** This replica's role, from Raft. Any change forgets the leader-only state of the old term. */
  onLeadership(currentTerm: Term, isLeader: boolean): void {
    assert(currentTerm >= this.currentTerm, "Raft terms never go backwards");
    if (currentTerm === this.currentTerm && isLeader === this.leader) return;
    this.currentTerm = currentTerm;
    this.leader = isLeader;
    // Puts still running for the old term may land later: their objects become orphans that the next
    // leader finds by listing, because their keys carry the old term.
    this.uploads.clear();
    this.deletionsQueued.clear();
    this.deletionsInFlight.clear();
    this.fenceProposed = false;
    this.logStartProposed = undefined;
  }

  onSegmentSealed(segment: SealedSegment): void {
    assert(segment.baseOffset < segment.endOffset && segment.sizeBytes > 0, "a sealed segment is non-empty");
    if (this.segments.size >= limits.tierLocalSegmentsMax && !this.segments.has(segment.baseOffset)) {
      throw new HelixError(
        "RESOURCE_EXHAUSTED",
        `more than ${limits.tierLocalSegmentsMax} sealed local segments`,
      );
    }
    this.segments.set(segment.baseOffset, segment);
  }

  onLocalSegmentDeleted(baseOffset: Offset): void {
    this.segments.delete(baseOffset);
    this.localDeletionsIssued.delete(baseOffset);
  }

  /** Consumer-aware eviction: keep locally what consumer groups have not read yet. */
  onConsumerLowWatermark(lowWatermark: Offset | undefined): void {
    this.consumerLowWatermark = lowWatermark;
  }

  /** The uploader put the claimed object and read back `head`; proposes it only if they agree. */
  onUploadSucceeded(
    claim: UploadClaim,
    uploaded: UploadedObject,
    head: ObjectInfo | undefined,
    nowMs: number,
  ): void {
    const upload = this.currentUpload(claim);
    if (upload?.phase !== "uploading") return;
    const intact =
      head !== undefined && head.sizeBytes === uploaded.sizeBytes && head.crc32c === uploaded.crc32c;
    if (!intact) {
      this.onUploadFailed(claim, nowMs);
      return;
    }
    const { segment } = claim;
    const entry: ManifestEntry = {
      objectKey: claim.objectKey,
      baseOffset: segment.baseOffset,
      endOffset: segment.endOffset,
      sizeBytes: uploaded.sizeBytes,
      crc32c: uploaded.crc32c,
      term: claim.term,
      maxTimestampMs: segment.maxTimestampMs,
    };
    this.uploads.set(segment.baseOffset, { phase: "verified", claim, entry });
  }

  onUploadFailed(claim: UploadClaim, nowMs: number): void {
    const upload = this.currentUpload(claim);
    if (upload?.phase !== "uploading") return;
    const failures = upload.failures + 1;
    const base = claim.segment.baseOffset;
    if (failures >= limits.tierUploadAttemptsMax) {
      // The failed attempts may have stored the object (a lost acknowledgement): delete it before a
      // fresh claim may reuse the key.
      this.uploads.set(base, {
        phase: "abandoned",
        claim,
        retryAtMs: nowMs + limits.tierUploadRetryDelayMsMax,
      });
      this.queueDeletion(claim.objectKey);
      return;
    }
    const delay = Math.min(
      limits.tierUploadRetryDelayMsMax,
      limits.tierUploadRetryDelayMsBase * 2 ** (failures - 1),
    );
    this.uploads.set(base, { phase: "backoff", claim, failures, retryAtMs: nowMs + delay });
  }

  /** Raft dropped a proposal before committing it (leadership lost, queue full): propose again later. */
  onProposalDropped(command: ManifestCommand): void {
    if (command.type === "fence") this.fenceProposed = false;
    else if (command.type === "advanceLogStart") this.logStartProposed = undefined;
    else {
      const upload = this.uploads.get(command.entry.baseOffset);
      if (upload?.phase === "proposed" && upload.claim.objectKey === command.entry.objectKey) {
        this.uploads.set(command.entry.baseOffset, { ...upload, phase: "verified" });
      }
    }
  }

  /** Applies a committed manifest command (on every replica, in log order) and updates the plans. */
  applyCommitted(command: ManifestCommand): ManifestApplyResult {
    const result = this.manifest.apply(command);
    if (command.type === "fence") {
      if (command.term === this.currentTerm) this.fenceProposed = false;
    } else if (command.type === "advanceLogStart") {
      if (command.term === this.currentTerm) this.logStartProposed = undefined;
      if (result.accepted && this.leader)
        for (const entry of result.removed) this.queueDeletion(entry.objectKey);
    } else {
      this.afterAdd(command.entry, result);
    }
    if (this.leader) this.dropCoveredUploads();
    return result;
  }

  /** A listing of the partition's prefix: queues the orphans in it for deletion. */
  onObjectListing(keys: readonly string[]): void {
    if (!this.leader || this.manifest.fenceTerm !== this.currentTerm) return;
    for (const key of keys) {
      const parsed = parseTieredObjectKey(key, this.keyPrefix);
      if (parsed === undefined || this.manifest.hasObject(key) || parsed.term > this.currentTerm) continue;
      if (parsed.term === this.currentTerm) {
        const upload = this.uploads.get(parsed.baseOffset);
        if (upload !== undefined && upload.claim.objectKey === key && upload.phase !== "abandoned") continue;
      }
      this.queueDeletion(key);
    }
  }

  onRemoteObjectDeleted(objectKey: string): void {
    this.deletionsInFlight.delete(objectKey);
  }

  onRemoteDeleteFailed(objectKey: string): void {
    if (this.deletionsInFlight.delete(objectKey)) this.queueDeletion(objectKey);
  }

  // ---- Decisions ----

  /** Sealed segments to upload now; each returned claim is marked in flight. Leader only. */
  claimUploads(nowMs: number): UploadClaim[] {
    if (!this.leader || !this.config.enabled) return [];
    const claims: UploadClaim[] = [];
    let active = [...this.uploads.values()].filter((upload) => upload.phase !== "abandoned").length;
    let chainEnd: number = this.manifest.coveredEndOffset;
    for (const segment of this.sortedSegments()) {
      if (segment.endOffset <= chainEnd) continue;
      // Entries must be contiguous; a segment past a gap could never be added.
      if (segment.baseOffset > chainEnd) break;
      chainEnd = segment.endOffset;
      const claim = this.maybeClaim(segment, nowMs, active);
      if (claim !== undefined) {
        claims.push(claim);
        active++;
      }
    }
    return claims;
  }

  /** Manifest commands to propose now, in order. Leader only. */
  proposals(nowMs: number): ManifestCommand[] {
    if (!this.leader) return [];
    const commands: ManifestCommand[] = [];
    if (this.manifest.fenceTerm < this.currentTerm && !this.fenceProposed) {
      commands.push({ type: "fence", term: this.currentTerm });
      this.fenceProposed = true;
    }
    let projectedEnd: number = this.manifest.coveredEndOffset;
    for (const upload of this.uploadsInOrder()) {
      if (upload.phase === "proposed") projectedEnd = Math.max(projectedEnd, upload.entry.endOffset);
    }
    for (const upload of this.uploadsInOrder()) {
      if (upload.phase !== "verified") continue;
      if (upload.entry.endOffset <= projectedEnd) {
        // Covered meanwhile by another upload: proposing it would only be rejected.
        this.uploads.delete(upload.entry.baseOffset);
        this.queueDeletion(upload.entry.objectKey);
        continue;
      }
      if (upload.entry.baseOffset > projectedEnd) break;
      this.uploads.set(upload.entry.baseOffset, { ...upload, phase: "proposed" });
      commands.push({ type: "add", entry: upload.entry });
      projectedEnd = upload.entry.endOffset;
    }
    const logStart = this.retentionLogStart(nowMs);
    if (logStart > this.manifest.logStartOffset && logStart !== this.logStartProposed) {
      commands.push({ type: "advanceLogStart", term: this.currentTerm, logStartOffset: logStart });
      this.logStartProposed = logStart;
    }
    return commands;
  }

  /** Oldest local segments that may be deleted now; each is handed out once. Any replica. */
  localSegmentsToDelete(nowMs: number): SealedSegment[] {
    const deletable: SealedSegment[] = [];
    let remainingBytes = 0;
    for (const segment of this.segments.values()) remainingBytes += segment.sizeBytes;
    for (const segment of this.sortedSegments()) {
      if (!this.mayDeleteLocally(segment, nowMs, remainingBytes)) break;
      remainingBytes -= segment.sizeBytes;
      if (this.localDeletionsIssued.has(segment.baseOffset)) continue;
      this.localDeletionsIssued.add(segment.baseOffset);
      deletable.push(segment);
    }
    return deletable;
  }

  /** Remote objects to delete now (retention, orphans, abandoned uploads); each is handed out once. */
  remoteObjectsToDelete(): string[] {
    const keys = [...this.deletionsQueued];
    this.deletionsQueued.clear();
    for (const key of keys) this.deletionsInFlight.add(key);
    return keys;
  }

  /** ListOffsets "earliest": the first offset readable locally or from the object store. */
  earliestReadableOffset(localLogStartOffset: Offset): Offset {
    const firstTiered = this.manifest.entries[0]?.baseOffset;
    const earliest =
      firstTiered === undefined ? localLogStartOffset : Math.min(firstTiered, localLogStartOffset);
    return offset(Math.max(earliest, this.manifest.logStartOffset));
  }

  get term(): Term {
    return this.currentTerm;
  }
  get isLeader(): boolean {
    return this.leader;
  }

  // ---- Helpers ----

  private currentUpload(claim: UploadClaim): Upload | undefined {
    if (!this.leader || claim.term !== this.currentTerm) return undefined;
    const upload = this.uploads.get(claim.segment.baseOffset);
    return upload?.claim.objectKey === claim.objectKey ? upload : undefined;
  }

  private maybeClaim(segment: SealedSegment, nowMs: number, active: number): UploadClaim | undefined {
    const existing = this.uploads.get(segment.baseOffset);
    const key = tieredObjectKey(this.topicId, this.partition, segment.baseOffset, this.currentTerm);
    if (this.deletionsQueued.has(key) || this.deletionsInFlight.has(key)) return undefined;
    if (existing === undefined || (existing.phase === "abandoned" && existing.retryAtMs <= nowMs)) {
      if (active >= limits.tierUploadsInflightMax) return undefined;
      const claim: UploadClaim = { objectKey: key, segment, term: this.currentTerm };
      this.uploads.set(segment.baseOffset, { phase: "uploading", claim, failures: 0 });
      return claim;
    }
    if (existing.phase === "backoff" && existing.retryAtMs <= nowMs) {
      this.uploads.set(segment.baseOffset, {
        phase: "uploading",
        claim: existing.claim,
        failures: existing.failures,
      });
      return existing.claim;
    }
    return undefined;
  }

  private afterAdd(entry: ManifestEntry, result: ManifestApplyResult): void {
    const upload = this.uploads.get(entry.baseOffset);
    if (upload === undefined || upload.claim.objectKey !== entry.objectKey) return;
    if (result.accepted) {
      this.uploads.delete(entry.baseOffset);
      return;
    }
    assert(result.reason !== "invalid-entry", () => `we proposed a malformed entry for ${entry.objectKey}`);
    if (result.reason === "not-contiguous" || result.reason === "manifest-full") {
      // An earlier proposal was dropped or retention has yet to make room: propose again later.
      if (upload.phase === "proposed") this.uploads.set(entry.baseOffset, { ...upload, phase: "verified" });
      return;
    }
    // Stale term: a newer leader owns the manifest and will clean the object up as an orphan.
    // Already covered: another upload covers these offsets; ours is an orphan of our own term.
    this.uploads.delete(entry.baseOffset);
    if (result.reason === "already-covered") this.queueDeletion(entry.objectKey);
  }

  /** Uploads whose offsets the manifest already covers are pointless: drop them and their objects. */
  private dropCoveredUploads(): void {
    const covered = this.manifest.coveredEndOffset;
    for (const [base, upload] of this.uploads) {
      if (upload.claim.segment.endOffset > covered || upload.phase === "uploading") continue;
      if (upload.phase === "proposed") continue;
      this.uploads.delete(base);
      if (upload.phase !== "abandoned") this.queueDeletion(upload.claim.objectKey);
    }
  }

  private mayDeleteLocally(segment: SealedSegment, nowMs: number, remainingBytes: number): boolean {
    if (segment.endOffset <= this.manifest.logStartOffset) return true;
    if (segment.endOffset > this.manifest.tieredEndOffset) return false;
    if (this.consumerLowWatermark !== undefined && segment.endOffset > this.consumerLowWatermark)
      return false;
    const { localRetentionBytes, localRetentionMs } = this.config;
    const tooOld = localRetentionMs !== unlimited && segment.maxTimestampMs < nowMs - localRetentionMs;
    const tooBig =
      localRetentionBytes !== unlimited && remainingBytes - segment.sizeBytes >= localRetentionBytes;
    return tooOld || tooBig;
  }

  /**
   * The log start total retention allows: the end of the longest prefix of the log (tiered entries,
   * then local segments past them) whose pieces are all expired by age or by size. Overlapping pieces
   * count twice toward the size, which errs on the side of deleting slightly early.
   */
  private retentionLogStart(nowMs: number): Offset {
    const { retentionBytes, retentionMs } = this.config;
    const logStart = this.manifest.logStartOffset;
    if (retentionBytes === unlimited && retentionMs === unlimited) return logStart;
    const tieredEnd = this.manifest.tieredEndOffset;
    const pieces: Array<{ endOffset: number; sizeBytes: number; maxTimestampMs: number }> = [
      ...this.manifest.entries,
      ...this.sortedSegments().filter((segment) => segment.endOffset > tieredEnd),
    ];
    let totalBytes = 0;
    for (const piece of pieces) totalBytes += piece.sizeBytes;
    let target: number = logStart;
    for (const piece of pieces) {
      const tooOld = retentionMs !== unlimited && piece.maxTimestampMs < nowMs - retentionMs;
      const tooBig = retentionBytes !== unlimited && totalBytes - piece.sizeBytes >= retentionBytes;
      if (!tooOld && !tooBig) break;
      totalBytes -= piece.sizeBytes;
      target = Math.max(target, piece.endOffset);
    }
    return offset(target);
  }

  private queueDeletion(objectKey: string): void {
    if (this.deletionsInFlight.has(objectKey)) return;
    // Beyond the bound the key is forgotten: it stays an orphan until the next listing finds it again.
    if (this.deletionsQueued.size + this.deletionsInFlight.size >= limits.tierDeletionsInflightMax) return;
    this.deletionsQueued.add(objectKey);
  }

  private sortedSegments(): SealedSegment[] {
    return [...this.segments.values()].sort((left, right) => left.baseOffset - right.baseOffset);
  }

  private uploadsInOrder(): Upload[] {
    return [...this.uploads.values()].sort(
      (left, right) => left.claim.segment.baseOffset - right.claim.segment.baseOffset,
    );
  }
}
