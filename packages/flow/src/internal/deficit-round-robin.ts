import { assert } from "@helixlog/core";
import { ceilDivide } from "./exact.js";
import { Fifo } from "./fifo.js";

/** A flow the scheduler serves: its quantum (bytes per round) and its deficit (credit for this round). */
export interface RoundRobinFlow {
  readonly quantum: number;
  /** Invariant: 0 while inactive; while active, what the flow may still send in its current round. */
  deficit: number;
}

/**
 * Deficit round robin (Shreedhar and Varghese, 1995) with weights as quanta. Active flows wait in a ring;
 * the flow at the front starts its turn by adding its quantum to its deficit, then sends head items
 * while their cost fits in the deficit, and moves to the back when the next one does not. A flow that
 * empties leaves the ring with its deficit reset to 0, so an idle flow never accumulates credit.
 *
 * Two departures from the textbook loop, neither changing the order served:
 * - `peek` and `take` are split so a parent scheduler can ask a child for its next item's cost.
 * - When every active flow has failed once in a row, the rounds in which nobody would send are skipped
 *   in one step (each flow gets `k` quanta at once), so one dequeue costs O(flows), not O(cost / quantum).
 */
export class DeficitRoundRobin<Flow extends RoundRobinFlow> {
  private readonly ring = new Fifo<Flow>();
  /** True while the flow at the front has started its turn (received its quantum this round). */
  private turnStarted = false;

  get activeFlows(): number {
    return this.ring.size;
  }

  /** Adds an inactive flow (one that just received its first item) to the back of the ring. */
  activate(flow: Flow): void {
    assert(flow.deficit === 0, "an inactive flow carries no credit");
    this.ring.push(flow);
  }

  /**
   * The flow whose head item is served next. Idempotent: it advances turns until the front flow can pay
   * for its head item, and calling it again returns the same flow until `take`.
   */
  peek(headCost: (flow: Flow) => number): Flow {
    assert(this.ring.size > 0, "peek on an idle scheduler");
    let failures = 0;
    for (;;) {
      const flow = this.ring.peek() as Flow;
      if (!this.turnStarted) {
        flow.deficit += flow.quantum;
        this.turnStarted = true;
      }
      if (headCost(flow) <= flow.deficit) return flow;
      this.ring.push(this.ring.shift());
      this.turnStarted = false;
      failures += 1;
      if (failures === this.ring.size) {
        this.skipIdleRounds(headCost);
        failures = 0;
      }
    }
  }

  /** Charges the flow `peek` returned for the item it is about to serve. */
  take(flow: Flow, cost: number): void {
    assert(this.ring.peek() === flow && this.turnStarted, "take must follow peek for the same flow");
    assert(cost <= flow.deficit, "take charged more than the deficit peek checked");
    flow.deficit -= cost;
  }

  /** Removes the front flow after it emptied; it forgets its credit (DRR: an empty flow's deficit is 0). */
  removeEmptied(flow: Flow): void {
    assert(this.ring.peek() === flow, "only the flow being served can empty");
    this.ring.shift();
    flow.deficit = 0;
    this.turnStarted = false;
  }

  /**
   * Every flow has just had a turn and could not pay for its head. The textbook loop would now give
   * every flow quanta round after round until one can; the first to succeed is, in ring order, one
   * needing the fewest rounds `r`. Giving everyone `r − 1` quanta now leaves the same state that loop
   * reaches one round before.
   */
  private skipIdleRounds(headCost: (flow: Flow) => number): void {
    let roundsNeeded = Number.MAX_SAFE_INTEGER;
    for (let index = 0; index < this.ring.size; index++) {
      const flow = this.ring.shift();
      roundsNeeded = Math.min(roundsNeeded, ceilDivide(headCost(flow) - flow.deficit, flow.quantum));
      this.ring.push(flow);
    }
    assert(roundsNeeded >= 1, "a flow that could pay for its head would have been served");
    for (let index = 0; index < this.ring.size; index++) {
      const flow = this.ring.shift();
      flow.deficit += (roundsNeeded - 1) * flow.quantum;
      this.ring.push(flow);
    }
  }
}
