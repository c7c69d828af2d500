/**
 * One node incarnation's ticks in the simulation, on its drifting clock, with idle ticks skipped.
 *
 * The node ticks every `interval` simulated milliseconds (its tick length on its own clock, divided by
 * the clock's rate), the times built by repeated addition exactly as when every tick was an event.
 * Most ticks of a quiet cluster only count (every group quiesced, no node-level heartbeat due, no peer
 * about to be presumed dead: RaftHost.ticksUntilDue), so only the next tick that can do something is
 * queued as an event; the ticks before it are passed with RaftHost.skipIdleTicks when the node next
 * gets an input or that tick comes. Every tick that does something runs at the simulated time it
 * always did, so a run is the same with skipping as without, bar event counts (simulation.test.ts).
 *
 * The contract with the simulator: before any input to the node (a delivery, a proposal, a disk
 * completion) call `catchUp`; after it, `reschedule`. A disk completion lets the host's round go on
 * in the promise drain after the event, out of sight, so `tickSoon` makes the next tick an event,
 * which reschedules from what the round left.
 *
 * One tick event per schedule is queued at a time (EventQueue.schedule under the node's id): an
 * earlier one replaces it. A queued tick can also turn out idle when it comes (an input since it was
 * queued moved the work later, or the round after a disk completion left nothing to do): `runTick`
 * asks again and leaves such a tick to the next catch-up instead of running it.
 */
import { assert } from "@helixlog/core";
import type { RaftHost } from "@helixlog/server";

export class TickSchedule {
  /** Simulated time of the first tick the host has neither run nor skipped. */
  private next: number;
  /** Time of the tick event queued for this schedule (undefined: none is). */
  private queuedAt: number | undefined = undefined;
  /** What ticksUntilDue said when runTick found its tick idle, for the reschedule right after. */
  private idleDue: number | undefined = undefined;
  /** Ticks run as events and ticks skipped, for the report. */
  ticksRun = 0;
  ticksSkipped = 0;

  constructor(
    startMs: number,
    private readonly interval: number,
    /** Off: every tick is an event (to show skipping changes nothing). */
    private readonly skipping: boolean,
    /** Queues this schedule's tick event at a time, replacing the one queued before if any. */
    private readonly enqueue: (time: number) => void,
  ) {
    this.next = startMs + interval;
  }

  /** Passes the host's ticks before `now`, each idle by construction (the queued event is not later). */
  catchUp(now: number, host: RaftHost): void {
    this.idleDue = undefined;
    let count = 0;
    while (this.next < now) {
      this.next += this.interval;
      count++;
    }
    if (count === 0) return;
    this.ticksSkipped += count;
    host.skipIdleTicks(count);
  }

  /**
   * The queued tick event at `now` came: skip what comes before it, then run it unless it is idle
   * after all (the next catch-up passes it then). The caller reschedules after it either way.
   */
  runTick(now: number, host: RaftHost): void {
    assert(this.queuedAt === now, () => `tick event at ${now} is not the one queued (${this.queuedAt})`);
    this.queuedAt = undefined;
    this.catchUp(now, host);
    assert(this.next === now, () => `tick event at ${now} is not the node's next tick (${this.next})`);
    if (this.skipping) {
      const due = host.ticksUntilDue();
      if (due > 1) {
        this.idleDue = due;
        return;
      }
    }
    this.next += this.interval;
    this.ticksRun++;
    host.tick();
  }

  /** Queues the next tick that can do something, unless an event no later than it is queued already. */
  reschedule(host: RaftHost): void {
    const idleDue = this.idleDue;
    this.idleDue = undefined;
    // Queued for the very next tick (a busy node): nothing can come earlier, so nothing to ask.
    if (this.queuedAt === this.next) return;
    // Right after an idle tick event nothing reached the host: its answer then still holds.
    const due = idleDue ?? (this.skipping ? host.ticksUntilDue() : 1);
    if (due === Number.POSITIVE_INFINITY) return;
    let at = this.next;
    for (let i = 1; i < due; i++) at += this.interval;
    this.queue(at);
  }

  /** The next tick runs as an event (the host may have changed where the simulator cannot see). */
  tickSoon(): void {
    this.queue(this.next);
  }

  private queue(at: number): void {
    if (this.queuedAt !== undefined && this.queuedAt <= at) return;
    this.queuedAt = at;
    this.enqueue(at);
  }
}
