/**
 * The partition state machine (DESIGN.md §2):
 *   - the leader stamps base offsets from its log end offset and the Raft term as leader epoch;
 *   - every replica checks offset contiguity on append and on apply; truncating an uncommitted suffix
 *     and appending other entries keeps offsets contiguous;
 *   - idempotent producers: a retried batch, committed or still in the tail, is answered with its
 *     original offsets and written once; a gap is OUT_OF_ORDER_SEQUENCE; an older epoch is FENCED;
 *   - bad client input (garbage, control or transactional batches, empty) is answered, never asserted;
 *   - a snapshot restores the same decisions.
 * A seeded randomized run drives a leader through produces, retries, commits and leader changes with
 * truncation, against a simple model of what was acknowledged.
 */
import {
  decodeRecords,
  encodeRecordBatch,
  HelixError,
  readRecordBatchHeader,
  SeededRng,
} from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { decodePartitionSnapshot, encodePartitionSnapshot } from "./partition-snapshot.js";
import { type AppendDecision, PartitionState } from "./partition-state.js";

interface ProducerFields {
  readonly producerId: number;
  readonly producerEpoch: number;
  readonly baseSequence: number;
}

function batch(values: readonly string[], producer?: ProducerFields): Uint8Array {
  return encodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: 1_700_000_000_000,
    ...(producer ?? {}),
    records: values.map((value, offsetDelta) => ({
      timestampDelta: 0,
      offsetDelta,
      key: null,
      value: new TextEncoder().encode(value),
      headers: [],
    })),
  });
}

/** A tiny Raft log: entries by index, appended through the state machine like a host would. */
class LocalLog {
  entries: Uint8Array[] = [];
  constructor(readonly state: PartitionState) {}

  append(decision: AppendDecision): void {
    if (decision.kind !== "propose") throw new Error(`expected a proposal, got ${decision.kind}`);
    this.entries.push(decision.command);
    this.state.observeAppended(this.entries.length, 1, decision.command);
  }

  commitThrough(index: number): void {
    for (let i = this.state.lastAppliedIndex() + 1; i <= index; i++)
      this.state.apply(i, 1, this.entries[i - 1]!);
  }
}

describe("PartitionState", () => {
  it("stamps contiguous offsets and the leader epoch, and commits them", () => {
    const log = new LocalLog(new PartitionState());
    const first = log.state.prepareAppend(batch(["a", "b", "c"]), 7);
    expect(first).toMatchObject({ kind: "propose", baseOffset: 0, lastOffset: 2 });
    log.append(first);
    const second = log.state.prepareAppend(batch(["d"]), 7);
    expect(second).toMatchObject({ kind: "propose", baseOffset: 3, lastOffset: 3 });
    log.append(second);
    expect(log.state.logEndOffset()).toBe(4);
    expect(log.state.highWatermark()).toBe(0);
    log.commitThrough(1);
    expect(log.state.highWatermark()).toBe(3);
    const applied = log.state.apply(2, 1, log.entries[1]!);
    expect(applied).toHaveLength(1);
    const header = readRecordBatchHeader(applied[0]!.bytes);
    expect(header.baseOffset).toBe(3);
    expect(header.partitionLeaderEpoch).toBe(7);
    expect(new TextDecoder().decode(decodeRecords(applied[0]!.bytes)[0]!.value!)).toBe("d");
  });

  it("keeps offsets contiguous when an uncommitted suffix is truncated and replaced", () => {
    const log = new LocalLog(new PartitionState());
    log.append(log.state.prepareAppend(batch(["a"]), 1));
    log.append(log.state.prepareAppend(batch(["b", "c"]), 1));
    log.commitThrough(1);
    // A new leader's log diverges at index 2: its entry 2 replaces ours.
    const replacement = new PartitionState();
    replacement.observeAppended(1, 1, log.entries[0]!);
    const other = replacement.prepareAppend(batch(["x", "y", "z"]), 2);
    expect(other).toMatchObject({ kind: "propose", baseOffset: 1 });
    if (other.kind !== "propose") return;
    log.state.observeAppended(2, 2, other.command);
    log.entries[1] = other.command;
    expect(log.state.logEndOffset()).toBe(4);
    log.commitThrough(2);
    expect(log.state.highWatermark()).toBe(4);
  });

  it("asserts offset contiguity on a replica (a broken leader's entry is our bug, not input)", () => {
    const state = new PartitionState();
    const gap = batch(["a"]);
    const command = new Uint8Array(1 + gap.length);
    command[0] = 1;
    command.set(gap, 1);
    command[1 + 7] = 5; // base offset 5 where the log ends at 0
    expect(() => state.observeAppended(1, 1, command)).toThrowError(/offset contiguity/);
  });

  it("answers a retried idempotent batch with its original offsets, committed or not", () => {
    const log = new LocalLog(new PartitionState());
    const producer = { producerId: 42, producerEpoch: 0 };
    log.append(log.state.prepareAppend(batch(["x"]), 1));
    log.append(log.state.prepareAppend(batch(["a", "b"], { ...producer, baseSequence: 0 }), 1));
    // Uncommitted: the decision names the entry holding the original, which the answer must wait for.
    expect(log.state.prepareAppend(batch(["a", "b"], { ...producer, baseSequence: 0 }), 1)).toEqual({
      kind: "duplicate",
      baseOffset: 1,
      lastOffset: 2,
      pending: { index: 2, term: 1 },
    });
    log.commitThrough(2);
    expect(log.state.prepareAppend(batch(["a", "b"], { ...producer, baseSequence: 0 }), 1)).toEqual({
      kind: "duplicate",
      baseOffset: 1,
      lastOffset: 2,
    });
    expect(log.state.prepareAppend(batch(["c"], { ...producer, baseSequence: 2 }), 1)).toMatchObject({
      kind: "propose",
      baseOffset: 3,
    });
  });

  it("rejects sequence gaps as OUT_OF_ORDER_SEQUENCE and older epochs as FENCED", () => {
    const log = new LocalLog(new PartitionState());
    log.append(
      log.state.prepareAppend(batch(["a"], { producerId: 1, producerEpoch: 3, baseSequence: 0 }), 1),
    );
    const gap = log.state.prepareAppend(
      batch(["b"], { producerId: 1, producerEpoch: 3, baseSequence: 5 }),
      1,
    );
    expect(gap.kind === "rejected" && gap.error.code).toBe("OUT_OF_ORDER_SEQUENCE");
    const stale = log.state.prepareAppend(
      batch(["b"], { producerId: 1, producerEpoch: 2, baseSequence: 1 }),
      1,
    );
    expect(stale.kind === "rejected" && stale.error.code).toBe("FENCED");
    const newEpochMidSequence = log.state.prepareAppend(
      batch(["b"], { producerId: 1, producerEpoch: 4, baseSequence: 1 }),
      1,
    );
    expect(newEpochMidSequence.kind === "rejected" && newEpochMidSequence.error.code).toBe(
      "OUT_OF_ORDER_SEQUENCE",
    );
    expect(
      log.state.prepareAppend(batch(["b"], { producerId: 1, producerEpoch: 4, baseSequence: 0 }), 1).kind,
    ).toBe("propose");
    const unknownMidSequence = log.state.prepareAppend(
      batch(["z"], { producerId: 9, producerEpoch: 0, baseSequence: 3 }),
      1,
    );
    expect(unknownMidSequence.kind).toBe("rejected");
  });

  it("answers bad client input with typed errors", () => {
    const state = new PartitionState();
    const garbage = state.prepareAppend(new Uint8Array([1, 2, 3]), 1);
    expect(garbage.kind === "rejected" && HelixError.isInstance(garbage.error)).toBe(true);
    const corrupted = batch(["a"]);
    corrupted[corrupted.length - 1] = (corrupted[corrupted.length - 1] as number) ^ 0xff;
    const corrupt = state.prepareAppend(corrupted, 1);
    expect(corrupt.kind === "rejected" && corrupt.error.code).toBe("CORRUPT_RECORD");
    const transactional = encodeRecordBatch({
      baseOffset: 0,
      baseTimestamp: 1,
      transactional: true,
      producerId: 1,
      producerEpoch: 0,
      baseSequence: 0,
      records: [{ timestampDelta: 0, offsetDelta: 0, key: null, value: null, headers: [] }],
    });
    const refused = state.prepareAppend(transactional, 1);
    expect(refused.kind === "rejected" && refused.error.message).toMatch(/transactional/);
    const two = new Uint8Array([
      ...batch(["a"], { producerId: 1, producerEpoch: 0, baseSequence: 0 }),
      ...batch(["b"]),
    ]);
    const mixed = state.prepareAppend(two, 1);
    expect(mixed.kind === "rejected" && mixed.error.message).toMatch(/one batch per partition/);
    expect(state.logEndOffset()).toBe(0);
  });

  it("moves the log start offset with DeleteRecords through the log, never past the high watermark", () => {
    const log = new LocalLog(new PartitionState());
    log.append(log.state.prepareAppend(batch(["a", "b", "c"]), 1));
    log.append(log.state.prepareAppend(batch(["d"]), 1));
    log.commitThrough(1);
    const tooFar = log.state.prepareDeleteRecords(4);
    expect("error" in tooFar && HelixError.is(tooFar.error, "OFFSET_OUT_OF_RANGE")).toBe(true);
    const negative = log.state.prepareDeleteRecords(-2);
    expect("error" in negative && HelixError.is(negative.error, "INVALID_ARGUMENT")).toBe(true);
    const toHighWatermark = log.state.prepareDeleteRecords(-1);
    if (!("command" in toHighWatermark)) throw toHighWatermark.error;
    const commandAt = (index: number, command: Uint8Array) => {
      log.entries.push(command);
      log.state.observeAppended(index, 1, command);
    };
    commandAt(3, toHighWatermark.command);
    expect(log.state.logEndOffset()).toBe(4);
    log.commitThrough(3);
    expect([log.state.earliestOffset(), log.state.highWatermark()]).toEqual([3, 4]);
    const backwards = log.state.prepareDeleteRecords(1);
    if (!("command" in backwards)) throw backwards.error;
    commandAt(4, backwards.command);
    log.commitThrough(4);
    expect(log.state.earliestOffset()).toBe(3);
    const copy = new PartitionState();
    copy.restore(JSON.parse(JSON.stringify(log.state.snapshot())));
    expect(copy.earliestOffset()).toBe(3);
  });

  it("restores from a snapshot with the same future decisions", () => {
    const log = new LocalLog(new PartitionState());
    log.append(
      log.state.prepareAppend(batch(["a"], { producerId: 5, producerEpoch: 0, baseSequence: 0 }), 1),
    );
    log.append(log.state.prepareAppend(batch(["b", "c"]), 1));
    log.commitThrough(2);
    const copy = new PartitionState();
    copy.restore(JSON.parse(JSON.stringify(log.state.snapshot())));
    const retry = batch(["a"], { producerId: 5, producerEpoch: 0, baseSequence: 0 });
    expect(copy.prepareAppend(retry, 2)).toEqual(log.state.prepareAppend(retry, 2));
    expect(copy.logEndOffset()).toBe(3);
    expect(copy.highWatermark()).toBe(3);
  });

  it("lists idempotent producers with their epoch, last sequence and last timestamp", () => {
    const log = new LocalLog(new PartitionState());
    const at = (time: number, values: string[], producer: ProducerFields) =>
      encodeRecordBatch({
        baseOffset: 0,
        baseTimestamp: time,
        ...producer,
        records: values.map((value, offsetDelta) => ({
          timestampDelta: offsetDelta,
          offsetDelta,
          key: null,
          value: new TextEncoder().encode(value),
          headers: [],
        })),
      });
    log.append(
      log.state.prepareAppend(at(1_000, ["a", "b"], { producerId: 7, producerEpoch: 0, baseSequence: 0 }), 1),
    );
    log.append(
      log.state.prepareAppend(at(2_000, ["c"], { producerId: 9, producerEpoch: 2, baseSequence: 0 }), 1),
    );
    log.append(
      log.state.prepareAppend(
        at(3_000, ["d", "e", "f"], { producerId: 7, producerEpoch: 0, baseSequence: 2 }),
        1,
      ),
    );
    log.append(log.state.prepareAppend(batch(["plain"]), 1));
    // The leader's log, committed or not, as Kafka's leader reports it; least recently written first.
    const expected = [
      { producerId: 9, epoch: 2, lastSequence: 0, lastTimestamp: 2_000 },
      { producerId: 7, epoch: 0, lastSequence: 4, lastTimestamp: 3_002 },
    ];
    expect(log.state.producerStates()).toEqual(expected);
    log.commitThrough(4);
    const restored = new PartitionState();
    restored.restore(log.state.snapshot());
    expect(restored.producerStates()).toEqual(expected);
    // A snapshot from before timestamps were kept: -1, as Kafka answers for an unknown time.
    const old = log.state.snapshot();
    const stripped = old.producers.map(
      ([id, entry]) =>
        [id, { ...entry, batches: entry.batches.map(({ lastTimestamp: _, ...rest }) => rest) }] as const,
    );
    restored.restore({ ...old, producers: stripped as unknown as typeof old.producers });
    expect(restored.producerStates().map((producer) => producer.lastTimestamp)).toEqual([-1, -1]);
  });

  it("keeps the leader-epoch history through commits, truncation and snapshots", () => {
    const state = new PartitionState();
    const entries: [number, Uint8Array][] = [];
    const append = (term: number, data: Uint8Array) => {
      entries.push([term, data]);
      state.observeAppended(entries.length, term, data);
    };
    const produce = (term: number, ...values: string[]) => {
      const decision = state.prepareAppend(batch(values), term);
      if (decision.kind !== "propose") throw new Error(decision.kind);
      append(term, decision.command);
    };
    append(1, new Uint8Array(0)); // term 1's no-op
    produce(1, "a", "b");
    append(2, new Uint8Array(0)); // term 2 writes nothing
    append(3, new Uint8Array(0));
    produce(3, "c");
    for (let i = 1; i <= 5; i++) state.apply(i, entries[i - 1]![0], entries[i - 1]![1]);
    produce(3, "d"); // uncommitted, at offset 3
    expect(state.leaderEpochs()).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 2 },
    ]);
    // Raft replaces the uncommitted entry with term 4's no-op and a record.
    state.discardFrom(6);
    entries.length = 5;
    append(4, new Uint8Array(0));
    produce(4, "x", "y");
    expect(state.leaderEpochs()).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 2 },
      { epoch: 4, startOffset: 3 },
    ]);
    expect(state.endOffsetForEpoch(3)).toEqual({ epoch: 3, endOffset: 3 });
    expect(state.endOffsetForEpoch(2)).toEqual({ epoch: 1, endOffset: 2 });
    expect(state.endOffsetForEpoch(4)).toEqual({ epoch: 4, endOffset: 5 });
    expect(state.epochForOffset(4)).toBe(4);
    // The committed history travels in the snapshot; the uncommitted tail does not.
    const restored = new PartitionState();
    restored.restore(decodePartitionSnapshot(encodePartitionSnapshot(state.snapshot())));
    expect(restored.leaderEpochs()).toEqual([
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 2 },
    ]);
    // DeleteRecords cuts the history at the new log start.
    for (let i = 6; i <= 7; i++) state.apply(i, entries[i - 1]![0], entries[i - 1]![1]);
    const deletion = state.prepareDeleteRecords(4);
    if ("error" in deletion) throw deletion.error;
    append(4, deletion.command);
    state.apply(8, 4, deletion.command);
    expect(state.leaderEpochs()).toEqual([{ epoch: 4, startOffset: 4 }]);
  });

  it("keeps acknowledged batches exactly once under random retries, commits and leader changes", () => {
    const seeds = Number(process.env.HELIX_SIM_SEEDS ?? 200);
    for (let seed = 1; seed <= seeds; seed++) checkRandomRun(seed);
  });
});

/**
 * One leader at a time over a shared log. Produces (some idempotent, some retried), commits, and
 * leader changes that truncate an uncommitted suffix. Checks: every acknowledged (committed) batch of
 * every producer appears exactly once in the committed log, in sequence order, with contiguous offsets.
 */
function checkRandomRun(seed: number): void {
  const rng = new SeededRng(seed);
  let state = new PartitionState();
  let entries: Uint8Array[] = [];
  /** The Raft term of each entry (the leader's term when it appended it). */
  let terms: number[] = [];
  let term = 1;
  const nextSequence = new Map<number, number>();
  const sent: { producerId: number; sequence: number; value: string }[] = [];
  for (let step = 0; step < 60; step++) {
    const action = rng.integer(0, 10);
    if (action < 6) {
      const producerId = rng.integer(0, 3);
      const retry = rng.chance(0.3) ? sent.filter((s) => s.producerId === producerId).at(-1) : undefined;
      const sequence = retry?.sequence ?? nextSequence.get(producerId) ?? 0;
      const value = retry?.value ?? `p${producerId}-s${sequence}`;
      const decision = state.prepareAppend(
        batch([value], { producerId, producerEpoch: 0, baseSequence: sequence }),
        term,
      );
      if (decision.kind === "propose") {
        entries.push(decision.command);
        terms.push(term);
        state.observeAppended(entries.length, term, decision.command);
        if (retry === undefined) {
          sent.push({ producerId, sequence, value });
          nextSequence.set(producerId, sequence + 1);
        }
      } else {
        expect(decision.kind, `seed ${seed}: ${JSON.stringify(decision)}`).toBe("duplicate");
        // An uncommitted original names its entry in the local log; a committed one answers at once.
        if (decision.kind === "duplicate") {
          const uncommitted = decision.lastOffset >= state.highWatermark();
          expect(decision.pending !== undefined, `seed ${seed}`).toBe(uncommitted);
          if (decision.pending !== undefined) {
            expect(decision.pending.index).toBeGreaterThan(state.lastAppliedIndex());
            expect(decision.pending.index).toBeLessThanOrEqual(entries.length);
            expect(decision.pending.term).toBe(term);
          }
        }
      }
    } else if (action < 9) {
      const target = rng.integer(state.lastAppliedIndex(), entries.length + 1);
      for (let i = state.lastAppliedIndex() + 1; i <= target; i++)
        state.apply(i, terms[i - 1]!, entries[i - 1]!);
    } else {
      // Leader change: the uncommitted suffix is lost; the new leader rebuilds from the committed log.
      entries = entries.slice(0, state.lastAppliedIndex());
      terms = terms.slice(0, entries.length);
      const rebuilt = new PartitionState();
      entries.forEach((entry, i) => {
        rebuilt.observeAppended(i + 1, terms[i]!, entry);
        rebuilt.apply(i + 1, terms[i]!, entry);
      });
      state = rebuilt;
      term++;
      // Producers whose tail batches were lost resend from their last committed sequence.
      for (const producerId of nextSequence.keys())
        nextSequence.set(producerId, committedCount(entries, producerId));
      sent.splice(0, sent.length, ...sent.filter((s) => s.sequence < (nextSequence.get(s.producerId) ?? 0)));
    }
  }
  const committed = entries.slice(0, state.lastAppliedIndex());
  let expectedOffset = 0;
  const seen = new Map<number, number>();
  for (const command of committed) {
    const header = readRecordBatchHeader(command, 1);
    expect(header.baseOffset, `seed ${seed}`).toBe(expectedOffset);
    expectedOffset += header.lastOffsetDelta + 1;
    const previous = seen.get(header.producerId) ?? -1;
    expect(header.baseSequence, `seed ${seed}: producer ${header.producerId} sequence`).toBe(previous + 1);
    seen.set(header.producerId, header.baseSequence);
  }
  expect(state.highWatermark()).toBe(expectedOffset);
  checkLeaderEpochs(seed, state, entries);
}

/**
 * The epoch history against the local log's stamped batch epochs (the model): each record's epoch is
 * its batch's partitionLeaderEpoch, and an epoch that is not the newest ends where the next larger
 * epoch's first batch starts (Kafka's OffsetForLeaderEpoch).
 */
function checkLeaderEpochs(seed: number, state: PartitionState, log: readonly Uint8Array[]): void {
  const headers = log.map((command) => readRecordBatchHeader(command, 1));
  for (const header of headers)
    expect(state.epochForOffset(header.baseOffset), `seed ${seed}`).toBe(header.partitionLeaderEpoch);
  const epochs = [...new Set(headers.map((header) => header.partitionLeaderEpoch))];
  const newest = epochs.at(-1);
  for (let epoch = 0; epoch <= (newest ?? 0) + 1; epoch++) {
    const next = headers.find((header) => header.partitionLeaderEpoch > epoch);
    const found = state.endOffsetForEpoch(epoch);
    if (epoch === newest) expect(found, `seed ${seed}`).toEqual({ epoch, endOffset: state.logEndOffset() });
    else if (next === undefined) expect(found, `seed ${seed} epoch ${epoch}`).toBeUndefined();
    else {
      const floor = epochs.filter((known) => known <= epoch).at(-1) ?? epoch;
      expect(found, `seed ${seed} epoch ${epoch}`).toEqual({ epoch: floor, endOffset: next.baseOffset });
    }
  }
}

function committedCount(entries: readonly Uint8Array[], producerId: number): number {
  return entries.filter((entry) => readRecordBatchHeader(entry, 1).producerId === producerId).length;
}
