import { type GroupId, HelixError, limits, type NodeId, type Term } from "@helixlog/core";

/** A group's leader as someone reported it, with the Raft term it leads in. */
export interface LeaderHint {
  readonly leader: NodeId;
  readonly epoch: Term;
}

export interface LeaderCacheOptions {
  readonly entriesMax?: number;
  readonly entryLifetimeMs?: number;
}

interface Entry {
  /** Undefined after a NOT_LEADER answer: the epoch is remembered so older reports stay rejected. */
  readonly leader: NodeId | undefined;
  readonly epoch: Term;
  readonly refreshedAtMs: number;
}

/**
 * The last known leader of each group, so a client or proxy sends a request straight to the leader.
 * Epochs only move forward: a report older than what the cache knows is ignored, because Raft elects at
 * most one leader per term and a later term always wins. Entries expire after `entryLifetimeMs` (the caller
 * passes the time in) and the least recently refreshed is evicted once `entriesMax` is reached.
 */
export class LeaderCache {
  private readonly entriesMax: number;
  private readonly entryLifetimeMs: number;
  /** Map order is refresh order: the first entry is the least recently refreshed. */
  private readonly entries = new Map<GroupId, Entry>();

  constructor(options: LeaderCacheOptions = {}) {
    this.entriesMax = options.entriesMax ?? limits.leaderCacheEntriesMax;
    this.entryLifetimeMs = options.entryLifetimeMs ?? limits.leaderCacheEntryLifetimeMsDefault;
    if (
      !Number.isInteger(this.entriesMax) ||
      this.entriesMax < 1 ||
      this.entriesMax > limits.leaderCacheEntriesMax
    ) {
      throw new HelixError(
        "INVALID_CONFIG",
        `leader cache entries must be 1 to ${limits.leaderCacheEntriesMax}, got ${this.entriesMax}`,
      );
    }
    if (!(this.entryLifetimeMs > 0)) {
      throw new HelixError(
        "INVALID_CONFIG",
        `leader cache lifetime must be positive, got ${this.entryLifetimeMs} ms`,
      );
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The group's leader if one is known and was confirmed within the entry lifetime. */
  leaderOf(group: GroupId, nowMs: number): LeaderHint | undefined {
    const entry = this.liveEntry(group, nowMs);
    return entry?.leader === undefined ? undefined : { leader: entry.leader, epoch: entry.epoch };
  }

  /**
   * Records a leader reported by metadata or a successful answer. Returns whether it was taken: a report
   * is ignored when its epoch is older than the known one, or equal to the epoch whose leader has already
   * answered NOT_LEADER.
   */
  observe(group: GroupId, hint: LeaderHint, nowMs: number): boolean {
    const entry = this.liveEntry(group, nowMs);
    if (entry !== undefined) {
      if (hint.epoch < entry.epoch) return false;
      if (hint.epoch === entry.epoch && entry.leader === undefined) return false;
    }
    this.store(group, { leader: hint.leader, epoch: hint.epoch, refreshedAtMs: nowMs });
    return true;
  }

  /**
   * A NOT_LEADER answer for `group`. The hint it carried (if any) becomes the cached leader when its epoch
   * is at least the known one; otherwise the cached leader is forgotten but its epoch kept. Returns the
   * leader to try next, if any.
   */
  invalidate(group: GroupId, nowMs: number, hint?: LeaderHint): LeaderHint | undefined {
    const entry = this.liveEntry(group, nowMs);
    if (hint !== undefined && (entry === undefined || hint.epoch >= entry.epoch)) {
      this.store(group, { leader: hint.leader, epoch: hint.epoch, refreshedAtMs: nowMs });
      return hint;
    }
    if (entry !== undefined)
      this.store(group, { leader: undefined, epoch: entry.epoch, refreshedAtMs: nowMs });
    return undefined;
  }

  /** Forgets a group entirely (it was deleted). */
  forget(group: GroupId): void {
    this.entries.delete(group);
  }

  /** Drops every expired entry; returns how many. Lookups skip expired entries anyway. */
  removeExpired(nowMs: number): number {
    let removed = 0;
    for (const [group, entry] of this.entries) {
      if (!this.isExpired(entry, nowMs)) continue;
      this.entries.delete(group);
      removed++;
    }
    return removed;
  }

  private liveEntry(group: GroupId, nowMs: number): Entry | undefined {
    const entry = this.entries.get(group);
    if (entry === undefined || !this.isExpired(entry, nowMs)) return entry;
    this.entries.delete(group);
    return undefined;
  }

  private isExpired(entry: Entry, nowMs: number): boolean {
    return nowMs - entry.refreshedAtMs >= this.entryLifetimeMs;
  }

  private store(group: GroupId, entry: Entry): void {
    // Deleting first moves the group to the end of the refresh order.
    this.entries.delete(group);
    if (this.entries.size >= this.entriesMax) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(group, entry);
  }
}
