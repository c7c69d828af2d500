/**
 * Bounded exhaustive exploration (DESIGN.md §9 layer 4, issue 6 item 5): every interleaving of the
 * events of explored-cluster.ts up to a depth, depth-first, pruned by state hashing, with every
 * invariant of invariants.ts checked in every state reached.
 *
 * Pruning keeps, per state hash, the most depth budget left when the state was expanded; a state met
 * again with more budget left (reached by a shorter path) is expanded again, so pruning never hides a
 * state reachable within the depth bound (depth-first search with a plain visited set would). Every
 * run is bounded by depth, by distinct states and by wall time; the report says which bound ended it.
 * Given the same options and bounds that are not hit by time, a run is deterministic: events are
 * enumerated in a fixed order and the code under test draws no randomness.
 */
import {
  applyEvent,
  type ClusterOptions,
  type ClusterState,
  cloneState,
  describeState,
  enabledEvents,
  eventByLabel,
  initialState,
  nodeViews,
  stateKey,
} from "./explored-cluster.js";
import { checkState, type Violation } from "./invariants.js";

export interface ExploreBounds {
  /** Events on a path, counted from the start (or from the end of the scripted prefix). */
  readonly depthMax: number;
  /** Distinct states recorded before the search stops. */
  readonly statesMax: number;
  readonly timeMaxMs: number;
  /** States with more messages in flight than this are checked but not expanded. */
  readonly inFlightMax: number;
}

export const defaultBounds: ExploreBounds = {
  depthMax: 8,
  statesMax: 200_000,
  timeMaxMs: 60_000,
  inFlightMax: 6,
};

export interface FoundViolation extends Violation {
  /** The events from the initial state (prefix included) that lead to it: its replay. */
  readonly path: readonly string[];
  readonly state: string;
}

export interface ExploreReport {
  /** Events applied, each producing a state that was checked (revisits included). */
  readonly transitions: number;
  readonly distinctStates: number;
  /** The longest path checked, in events after the prefix. */
  readonly depthReached: number;
  /** States not expanded because too many messages were in flight. */
  readonly prunedByInFlight: number;
  readonly elapsedMs: number;
  /** "exhausted": every state within the bounds was explored; otherwise the bound that stopped it. */
  readonly stoppedBy: "exhausted" | "violation" | "states" | "time";
  readonly violation: FoundViolation | undefined;
}

class Search {
  transitions = 0;
  depthReached = 0;
  prunedByInFlight = 0;
  stoppedBy: ExploreReport["stoppedBy"] = "exhausted";
  violation: FoundViolation | undefined = undefined;
  /** State hash -> the most depth budget left with which it was expanded. */
  readonly visited = new Map<string, number>();
  private readonly startedAt = Date.now();

  constructor(
    readonly options: ClusterOptions,
    readonly bounds: ExploreBounds,
  ) {}

  get elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  private shouldStop(): boolean {
    if (this.stoppedBy !== "exhausted") return true;
    if (this.visited.size >= this.bounds.statesMax) this.stoppedBy = "states";
    // Reading the clock every 256 transitions keeps its cost out of the profile.
    else if ((this.transitions & 255) === 0 && this.elapsedMs >= this.bounds.timeMaxMs)
      this.stoppedBy = "time";
    return this.stoppedBy !== "exhausted";
  }

  /** Expands `state`, reached by `path` with `budget` events left. Recursion depth <= depthMax. */
  expand(state: ClusterState, path: string[], budget: number): void {
    const childDepth = this.bounds.depthMax - budget + 1;
    for (const event of enabledEvents(state, this.options)) {
      if (this.shouldStop()) return;
      const child = cloneState(state);
      applyEvent(child, event, this.options);
      this.transitions++;
      if (childDepth > this.depthReached) this.depthReached = childDepth;
      path.push(event.label);
      const violation = child.violation ?? checkState(nodeViews(child), child.history);
      if (violation !== undefined) {
        this.violation = { ...violation, path: [...path], state: describeState(child) };
        this.stoppedBy = "violation";
        return;
      }
      const key = stateKey(child);
      const childBudget = budget - 1;
      const seen = this.visited.get(key);
      if (seen === undefined || seen < childBudget) {
        this.visited.set(key, childBudget);
        if (childBudget > 0) {
          if (child.inFlight.length > this.bounds.inFlightMax) this.prunedByInFlight++;
          else this.expand(child, path, childBudget);
        }
      }
      path.pop();
    }
  }

  report(): ExploreReport {
    return {
      transitions: this.transitions,
      distinctStates: this.visited.size,
      depthReached: this.depthReached,
      prunedByInFlight: this.prunedByInFlight,
      elapsedMs: this.elapsedMs,
      stoppedBy: this.stoppedBy,
      violation: this.violation,
    };
  }
}

export interface ReplayResult {
  readonly state: ClusterState;
  /** The state after each event, described. */
  readonly trace: readonly string[];
  readonly violation: FoundViolation | undefined;
}

/**
 * Runs a path of event labels from the initial state, checking every state as the explorer does.
 * Throws if an event is not enabled where the path puts it. Stops at the first violation.
 */
export function replay(options: ClusterOptions, path: readonly string[]): ReplayResult {
  const state = initialState(options);
  const trace: string[] = [];
  let violation: FoundViolation | undefined;
  const initial = checkState(nodeViews(state), state.history);
  if (initial !== undefined) violation = { ...initial, path: [], state: describeState(state) };
  for (let i = 0; i < path.length && violation === undefined; i++) {
    const label = path[i] as string;
    applyEvent(state, eventByLabel(state, options, label), options);
    const found = state.violation ?? checkState(nodeViews(state), state.history);
    trace.push(`${i + 1}. ${label}\n${describeState(state)}`);
    if (found !== undefined)
      violation = { ...found, path: path.slice(0, i + 1), state: describeState(state) };
  }
  return { state, trace, violation };
}

/**
 * Explores every interleaving within `bounds`, from the initial state or from the end of a scripted
 * `prefix` (a fixed path to a state worth searching around, for bugs deeper than the depth bound).
 */
export function explore(
  options: ClusterOptions,
  bounds: ExploreBounds,
  prefix: readonly string[] = [],
): ExploreReport {
  const search = new Search(options, bounds);
  const start = replay(options, prefix);
  if (start.violation !== undefined) {
    search.violation = start.violation;
    search.stoppedBy = "violation";
    return search.report();
  }
  start.state.violation = undefined;
  search.visited.set(stateKey(start.state), bounds.depthMax);
  search.expand(start.state, [...prefix], bounds.depthMax);
  return search.report();
}

/** The command that replays a path. */
export function replayCommand(options: ClusterOptions, path: readonly string[]): string {
  const flags = clusterFlags(options);
  return `npm run explore --${flags} --replay '${path.join("; ")}'`;
}

/** The command-line flags that rebuild these cluster options (defaults omitted). */
export function clusterFlags(options: ClusterOptions): string {
  const flags: string[] = [];
  if (options.nodes !== 3) flags.push(`--nodes ${options.nodes}`);
  if (options.mutation !== "none") flags.push(`--mutation ${options.mutation}`);
  if (options.persistAsEvent) flags.push("--persist-events");
  if (options.proposalsMax !== 1) flags.push(`--proposals ${options.proposalsMax}`);
  if (options.crashesMax !== 1) flags.push(`--crashes ${options.crashesMax}`);
  if (options.termMax !== 4) flags.push(`--max-term ${options.termMax}`);
  if (options.preVote) flags.push("--pre-vote");
  if (!options.drops) flags.push("--no-drops");
  return flags.map((flag) => ` ${flag}`).join("");
}
