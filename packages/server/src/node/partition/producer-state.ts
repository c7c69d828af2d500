import { assert, HelixError, limits } from "@helixlog/core";

/**
 * Idempotent-producer bookkeeping for one partition (KIP-98, DESIGN.md §2): per producer id, its epoch
 * and the sequence ranges of its last few batches with the offsets they were written at. A retried
 * batch that matches one of them is a duplicate and is answered with the original offsets; a batch that
 * does not continue the last sequence is out of order; an older epoch is fenced.
 *
 * The state is a pure function of the batches applied in log order, so every replica and every future
 * leader rebuilds the same state from the log.
 */

/** One batch a producer wrote: its sequence range and where it landed. */
export interface ProducerBatch {
  readonly firstSequence: number;
  readonly lastSequence: number;
  readonly baseOffset: number;
  readonly lastOffset: number;
  /**
   * The batch's max timestamp (Kafka's ProducerStateEntry.lastTimestamp once it is the newest batch);
   * -1 for batches recorded by a snapshot written before it was kept.
   */
  readonly lastTimestamp: number;
}

export interface ProducerEntry {
  readonly epoch: number;
  /** Oldest first; at most `producerBatchesRetained`. */
  readonly batches: readonly ProducerBatch[];
}

/** What the producer fields of an incoming batch mean against the current state. */
export type SequenceVerdict =
  | { readonly kind: "append" }
  | { readonly kind: "duplicate"; readonly batch: ProducerBatch }
  | { readonly kind: "rejected"; readonly error: HelixError };

const sequenceModulus = 2 ** 31;

/** Kafka sequences wrap from 2^31 - 1 to 0. */
export function nextSequence(sequence: number): number {
  return (sequence + 1) % sequenceModulus;
}

export function lastSequenceOf(firstSequence: number, lastOffsetDelta: number): number {
  return (firstSequence + lastOffsetDelta) % sequenceModulus;
}

/** Judges a batch of `producerId` at `epoch` covering [firstSequence, lastSequence] against `entry`. */
export function judgeSequence(
  producerId: number,
  entry: ProducerEntry | undefined,
  epoch: number,
  firstSequence: number,
  lastSequence: number,
): SequenceVerdict {
  if (entry !== undefined && epoch < entry.epoch) {
    return reject(
      "FENCED",
      `producer ${producerId} epoch ${epoch} is older than the current epoch ${entry.epoch}`,
    );
  }
  if (entry === undefined || epoch > entry.epoch) {
    // A new producer, or a producer that bumped its epoch, starts its sequence again at 0.
    return firstSequence === 0
      ? { kind: "append" }
      : reject(
          "OUT_OF_ORDER_SEQUENCE",
          `producer ${producerId} epoch ${epoch} must start at sequence 0, got ${firstSequence}`,
        );
  }
  const duplicate = entry.batches.find(
    (batch) => batch.firstSequence === firstSequence && batch.lastSequence === lastSequence,
  );
  if (duplicate !== undefined) return { kind: "duplicate", batch: duplicate };
  const last = entry.batches[entry.batches.length - 1];
  const expected = last === undefined ? 0 : nextSequence(last.lastSequence);
  if (firstSequence !== expected) {
    return reject(
      "OUT_OF_ORDER_SEQUENCE",
      `producer ${producerId} epoch ${epoch} sent sequence ${firstSequence}, expected ${expected}`,
    );
  }
  return { kind: "append" };
}

function reject(code: "FENCED" | "OUT_OF_ORDER_SEQUENCE", message: string): SequenceVerdict {
  return { kind: "rejected", error: new HelixError(code, message) };
}

/** Records a batch written by `producerId` at `epoch`, keeping only the most recent batches. */
export function recordBatch(
  state: Map<number, ProducerEntry>,
  producerId: number,
  epoch: number,
  batch: ProducerBatch,
): void {
  const entry = state.get(producerId);
  const previous = entry === undefined || epoch > entry.epoch ? [] : entry.batches;
  assert(entry === undefined || epoch >= entry.epoch, "a fenced batch was written to the log");
  const batches = [...previous, batch];
  if (batches.length > limits.producerBatchesRetained) batches.shift();
  // Re-inserting keeps the map in least-recently-written order, so the first key is the one to forget.
  state.delete(producerId);
  state.set(producerId, { epoch, batches });
  if (state.size > limits.producersPerPartitionMax) {
    const idlest = state.keys().next().value as number;
    state.delete(idlest);
  }
}

/** A producer as Kafka's DescribeProducers reports it (KIP-664): its newest batch's sequence and time. */
export interface ActiveProducerState {
  readonly producerId: number;
  readonly epoch: number;
  readonly lastSequence: number;
  readonly lastTimestamp: number;
}

/** Every producer `state` tracks, least recently written first. */
export function activeProducers(state: ReadonlyMap<number, ProducerEntry>): ActiveProducerState[] {
  const active: ActiveProducerState[] = [];
  for (const [producerId, entry] of state) {
    const last = entry.batches[entry.batches.length - 1];
    // recordBatch never stores an entry without a batch.
    if (last === undefined) continue;
    active.push({
      producerId,
      epoch: entry.epoch,
      lastSequence: last.lastSequence,
      lastTimestamp: last.lastTimestamp,
    });
  }
  return active;
}
