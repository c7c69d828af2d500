/**
 * Pruning by state hash is sound only if two states with the same key behave the same from then on:
 * the fields the hash leaves out (explored-cluster.ts, `ignoredFields`) must not change what a node
 * does next. Checked differentially: random walks (seeded) remember the first state seen for each
 * key; whenever a later state has a key seen before, both are driven through the same random events
 * and must offer the same events and keep equal keys at every step. Random walks only meet the
 * revisits they happen to make: this is a check of the ignored fields, not a proof.
 */
import { SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  type ClusterOptions,
  type ClusterState,
  cloneState,
  defaultClusterOptions,
  enabledEvents,
  eventByLabel,
  ignoredFields,
  initialState,
  stateKey,
} from "./explored-cluster.js";

function labels(state: ClusterState, options: ClusterOptions): string[] {
  return enabledEvents(state, options).map((event) => event.label);
}

function checkSameFuture(
  first: ClusterState,
  second: ClusterState,
  options: ClusterOptions,
  rng: SeededRng,
  steps: number,
  ignored: ReadonlySet<string>,
): void {
  for (let step = 0; step < steps; step++) {
    const enabled = labels(first, options);
    expect(labels(second, options)).toEqual(enabled);
    if (enabled.length === 0) return;
    const label = enabled[rng.integer(0, enabled.length)] as string;
    applyEvent(first, eventByLabel(first, options, label), options);
    applyEvent(second, eventByLabel(second, options, label), options);
    expect(stateKey(second, ignored)).toBe(stateKey(first, ignored));
  }
}

function walk(
  options: ClusterOptions,
  seed: number,
  walks: number,
  length: number,
  ignored: ReadonlySet<string> = ignoredFields,
): number {
  const rng = new SeededRng(seed);
  const firstSeen = new Map<string, ClusterState>();
  let revisits = 0;
  for (let run = 0; run < walks; run++) {
    const state = initialState(options);
    for (let step = 0; step < length; step++) {
      const events = enabledEvents(state, options);
      if (events.length === 0) break;
      const event = events[rng.integer(0, events.length)] as (typeof events)[number];
      applyEvent(state, event, options);
      const key = stateKey(state, ignored);
      const earlier = firstSeen.get(key);
      if (earlier === undefined) {
        firstSeen.set(key, cloneState(state));
      } else {
        revisits++;
        checkSameFuture(cloneState(earlier), cloneState(state), options, rng, 12, ignored);
      }
    }
  }
  return revisits;
}

describe("state keys", () => {
  it("merge only states with the same future (random walks, inline persistence)", () => {
    const revisits = walk(defaultClusterOptions, 1, 100, 14);
    console.log(`inline persistence: ${revisits} revisits compared`);
    expect(revisits).toBeGreaterThan(50);
  }, 60_000);

  it("merge only states with the same future (persistence as events, two proposals and crashes)", () => {
    const options: ClusterOptions = {
      ...defaultClusterOptions,
      persistAsEvent: true,
      proposalsMax: 2,
      crashesMax: 2,
    };
    const revisits = walk(options, 2, 80, 14);
    console.log(`persist events: ${revisits} revisits compared`);
    expect(revisits).toBeGreaterThan(50);
  }, 60_000);

  // Leaving out a field whose information is also held elsewhere (a node's role is in its progress
  // and soft state too) merges nothing; the term is the one whose loss the walks reliably expose.
  it("the check fails when the hash leaves out a field that matters (the term)", () => {
    const tooMuch = new Set([...ignoredFields, "term"]);
    expect(() => walk(defaultClusterOptions, 1, 100, 14, tooMuch)).toThrow();
  }, 60_000);

  it("differ when a state differs in what the checkers or the next events see", () => {
    const options = defaultClusterOptions;
    const start = initialState(options);
    const campaigned = cloneState(start);
    applyEvent(campaigned, eventByLabel(campaigned, options, "timeout 1"), options);
    expect(stateKey(campaigned)).not.toBe(stateKey(start));
    const dropped = cloneState(campaigned);
    applyEvent(dropped, eventByLabel(dropped, options, "drop requestVote 1>2 t2 last=1/1"), options);
    expect(stateKey(dropped)).not.toBe(stateKey(campaigned));
  });
});
