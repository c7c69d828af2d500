/**
 * The node-wide part of tiered storage (issue 11): the injected object store, the read path's shared
 * `TieredReader` (one bounded LRU cache for every partition), the upload queue that bounds how many
 * segment uploads run at once on this node (`tierNodeUploadsInflightMax`: each holds a whole segment
 * in memory), and the counters the HTTP /metrics endpoint reports.
 *
 * Without an object store (`HelixNodeOptions.objectStore` unset) nothing is uploaded: a topic with
 * tiering on keeps everything locally (nothing is deleted before it is tiered) and reads of tiered
 * offsets fail UNAVAILABLE; nothing silently pretends.
 */
import { type Clock, HelixError, limits, type ObjectStore, type Offset } from "@helixlog/core";
import { TieredReader, type TierManifest, type UploadClaim } from "@helixlog/tier";
import type { PartitionTiering } from "./partition-tiering.js";

export interface TierCounters {
  bytesUploaded: number;
  objectsUploaded: number;
  uploadFailures: number;
  objectsDeleted: number;
  localSegmentsDeleted: number;
  remoteReads: number;
  remoteReadBytes: number;
  /** Sum of remote read durations (injected clock, ms), with `remoteReads` a latency average. */
  remoteReadMsTotal: number;
  remoteReadErrors: number;
  /** Tiering passes that failed (a partition over the policy's bounds); its data stays local. */
  passErrors: number;
}

/** What `HelixNode.tierStatus()` reports: the counters, plus gauges over the partitions led here. */
export interface TierStatus extends TierCounters {
  readonly uploadsPending: number;
  /** Bytes of sealed local segments not tiered yet, over the tiering partitions this node leads. */
  readonly uploadLagBytes: number;
  /** Objects in the manifests of the partitions this node leads. */
  readonly objects: number;
  /** Partitions led here with tiering on or tiered objects left. */
  readonly partitions: number;
}

export class NodeTiering {
  readonly counters: TierCounters = {
    bytesUploaded: 0,
    objectsUploaded: 0,
    uploadFailures: 0,
    objectsDeleted: 0,
    localSegmentsDeleted: 0,
    remoteReads: 0,
    remoteReadBytes: 0,
    remoteReadMsTotal: 0,
    remoteReadErrors: 0,
    passErrors: 0,
  };
  private readonly reader: TieredReader | undefined;
  private readonly queue: { partition: PartitionTiering; claim: UploadClaim }[] = [];
  private running = 0;

  /** Ticks between orphan listings of a led partition. */
  readonly orphanListEveryTicks: number;

  constructor(
    readonly store: ObjectStore | undefined,
    private readonly clock: Clock,
    options: { readonly readCacheBytes?: number; readonly orphanListEveryTicks?: number } = {},
  ) {
    const cacheBytes = options.readCacheBytes ?? limits.tierReadCacheBytesDefault;
    this.reader = store === undefined ? undefined : new TieredReader(store, { cacheBytes });
    this.orphanListEveryTicks = options.orphanListEveryTicks ?? limits.tierOrphanListEveryTicks;
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** Uploads claimed and not finished, running or queued. */
  get uploadsPending(): number {
    return this.running + this.queue.length;
  }

  enqueueUpload(partition: PartitionTiering, claim: UploadClaim): void {
    if (this.queue.length >= limits.tierNodeUploadQueueMax) {
      // The claim stays "uploading" in the policy until a leadership change: only under a backlog of
      // ten thousand segments, and then the partition's other claims proceed.
      return;
    }
    this.queue.push({ partition, claim });
    this.startUploads();
  }

  private startUploads(): void {
    while (this.running < limits.tierNodeUploadsInflightMax && this.queue.length > 0) {
      const next = this.queue.shift() as { partition: PartitionTiering; claim: UploadClaim };
      this.running++;
      next.partition.upload(next.claim).finally(() => {
        this.running--;
        this.startUploads();
      });
    }
  }

  /** A ranged read of tiered objects through the shared cache; latency and bytes counted. */
  async read(manifest: TierManifest, target: Offset, maxBytes: number): Promise<Uint8Array> {
    if (this.reader === undefined) {
      throw new HelixError("UNAVAILABLE", `offset ${target} is tiered but this node has no object store`);
    }
    const started = this.clock.nowMs();
    try {
      const read = await this.reader.read(
        manifest,
        target,
        Math.max(1, Math.min(maxBytes, limits.tierReadBytesMax)),
      );
      this.counters.remoteReads++;
      this.counters.remoteReadBytes += read.batches.length;
      this.counters.remoteReadMsTotal += this.clock.nowMs() - started;
      return read.batches;
    } catch (error) {
      this.counters.remoteReadErrors++;
      throw error;
    }
  }
}
