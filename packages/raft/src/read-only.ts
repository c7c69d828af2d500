/**
 * Read-index requests waiting for a quorum to confirm the leader is still the leader (Raft thesis
 * §6.4): a read at commit index i is safe once a heartbeat sent after the request was acknowledged by
 * a quorum, because no other leader could have committed anything newer meanwhile.
 */
import { HelixError, type LogIndex, limits, type NodeId } from "@helixlog/core";

export interface ReadIndexRequest {
  readonly context: string;
  /** The commit index when the request arrived: the read must see at least this. */
  readonly index: LogIndex;
  /** The node whose client asked (the leader itself or a follower that forwarded it). */
  readonly from: NodeId;
  readonly acknowledgements: Set<NodeId>;
}

export class ReadOnly {
  /** Pending requests by context; never more than limits.pendingReadIndexMax. */
  private readonly pending = new Map<string, ReadIndexRequest>();
  /** Contexts in arrival order: an acknowledgement of one confirms every earlier one too. */
  private queue: string[] = [];

  get size(): number {
    return this.pending.size;
  }

  /** Registers a request; returns false for a duplicate context (already pending). */
  add(context: string, index: LogIndex, from: NodeId): boolean {
    if (this.pending.has(context)) return false;
    if (this.pending.size >= limits.pendingReadIndexMax) {
      throw new HelixError(
        "RESOURCE_EXHAUSTED",
        `more than ${limits.pendingReadIndexMax} read-index requests pending`,
      );
    }
    this.pending.set(context, { context, index, from, acknowledgements: new Set() });
    this.queue.push(context);
    return true;
  }

  /** Records `id`'s acknowledgement of the heartbeat that carried `context`. */
  acknowledge(id: NodeId, context: string): ReadonlySet<NodeId> | undefined {
    const request = this.pending.get(context);
    if (request === undefined) return undefined;
    request.acknowledgements.add(id);
    return request.acknowledgements;
  }

  /** Releases the request for `context` and every one queued before it, in order. */
  release(context: string): ReadIndexRequest[] {
    const position = this.queue.indexOf(context);
    if (position < 0) return [];
    const released: ReadIndexRequest[] = [];
    for (const queued of this.queue.slice(0, position + 1)) {
      const request = this.pending.get(queued);
      if (request !== undefined) released.push(request);
      this.pending.delete(queued);
    }
    this.queue = this.queue.slice(position + 1);
    return released;
  }

  describe(): string {
    const requests = this.queue.map((context) => {
      const request = this.pending.get(context);
      return `${context}@${request?.index}(${request?.acknowledgements.size ?? 0} acks)`;
    });
    return `read-only: [${requests.join(" ")}]`;
  }

  /** The most recent pending context, sent with heartbeats; "" when none. */
  lastPendingContext(): string {
    // Checked first: index -1 of an empty queue (the common case) is a slow property lookup in V8.
    return this.queue.length === 0 ? "" : (this.queue[this.queue.length - 1] ?? "");
  }
}
