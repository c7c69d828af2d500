/**
 * The simulated network between nodes: every message gets a latency drawn from the run's distribution
 * (so messages reorder), may be dropped or duplicated, and is lost when its directed link is cut.
 * Partitions are sets of cut directed links, so they can be asymmetric (A hears B, B does not hear A)
 * or partial (a bridge node talks to both sides).
 */
import type { NodeId, Rng } from "@helixlog/core";
import type { SwarmParameters } from "./swarm.js";

export type PartitionPattern = "isolate" | "split" | "asymmetric" | "bridge";

export class SimNetwork {
  /** Cut directed links, as from * 64 + to. */
  private readonly cut = new Set<number>();
  /** Whether faults (drop, duplicate, tail latency) apply; the liveness phase turns them off. */
  faulty = true;
  readonly statistics = { sent: 0, dropped: 0, duplicated: 0, cut: 0, lostInFlight: 0 };
  describePartition = "none";
  /** Counts partitions started, so a heal scheduled for an earlier one leaves a later one alone. */
  partitionNumber = 0;

  constructor(
    private readonly rng: Rng,
    private readonly parameters: SwarmParameters,
    private readonly nodes: readonly NodeId[],
  ) {}

  /**
   * Delivery delays in simulated milliseconds for one message, written to `delays` (reused, so the hot
   * path allocates nothing): returns 0 when lost, 2 when duplicated.
   */
  readonly delays = [0, 0];
  route(from: NodeId, to: NodeId): number {
    this.statistics.sent++;
    if (this.cut.size > 0 && this.cut.has(from * 64 + to)) {
      this.statistics.cut++;
      return 0;
    }
    if (this.faulty && this.rng.chance(this.parameters.dropProbability)) {
      this.statistics.dropped++;
      return 0;
    }
    this.delays[0] = this.latency();
    if (this.faulty && this.rng.chance(this.parameters.duplicateProbability)) {
      this.statistics.duplicated++;
      this.delays[1] = this.latency();
      return 2;
    }
    return 1;
  }

  private latency(): number {
    const { latencyMinMs, latencySpreadMs, latencyTailProbability, latencyTailMs } = this.parameters;
    const base = latencyMinMs + this.rng.nextFloat() * latencySpreadMs;
    return this.faulty && this.rng.chance(latencyTailProbability)
      ? base + this.rng.nextFloat() * latencyTailMs
      : base;
  }

  /** Whether the directed link is cut now: a message in flight on it when it is cut is lost too. */
  isCut(from: NodeId, to: NodeId): boolean {
    return this.cut.size > 0 && this.cut.has(from * 64 + to);
  }

  /** Cuts every link to and from each victim (replacing the current partition). */
  isolate(...victims: NodeId[]): void {
    this.heal();
    this.partitionNumber++;
    for (const victim of victims)
      for (const other of this.nodes) if (other !== victim) this.cutBoth(victim, other);
    this.describePartition = `isolate(${victims.join(",")})`;
  }

  /** Cuts links following a random pattern. */
  partition(): void {
    this.heal();
    this.partitionNumber++;
    const nodes = this.nodes;
    const patterns: PartitionPattern[] = ["isolate", "split", "asymmetric", "bridge"];
    const pattern = patterns[this.rng.integer(0, patterns.length)] as PartitionPattern;
    const shuffled = [...nodes];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = this.rng.integer(0, i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j] as NodeId, shuffled[i] as NodeId];
    }
    const victim = shuffled[0] as NodeId;
    switch (pattern) {
      case "isolate":
        for (const other of nodes) if (other !== victim) this.cutBoth(victim, other);
        break;
      case "split": {
        const minority = shuffled.slice(0, Math.floor(nodes.length / 2));
        for (const a of minority) for (const b of nodes) if (!minority.includes(b)) this.cutBoth(a, b);
        break;
      }
      case "asymmetric":
        // The victim still hears everyone, but nobody hears it (a one-way link failure).
        for (const other of nodes) if (other !== victim) this.cut.add(victim * 64 + other);
        break;
      case "bridge": {
        // The victim talks to everyone; the others are split in two halves that cannot talk.
        const rest = shuffled.slice(1);
        const half = rest.slice(0, Math.ceil(rest.length / 2));
        for (const a of half) for (const b of rest) if (!half.includes(b)) this.cutBoth(a, b);
        break;
      }
    }
    this.describePartition = `${pattern}(${victim})`;
  }

  heal(): void {
    this.cut.clear();
    this.describePartition = "none";
  }

  private cutBoth(a: NodeId, b: NodeId): void {
    this.cut.add(a * 64 + b);
    this.cut.add(b * 64 + a);
  }
}
