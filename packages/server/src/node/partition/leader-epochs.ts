import { assert, limits } from "@helixlog/core";

/**
 * A partition's leader-epoch history (Kafka's LeaderEpochFileCache, KIP-101/KIP-279/KIP-320): for each
 * leader epoch, the first offset written in it, ascending in both. Helix's leader epoch is the Raft term,
 * and the leader stamps every record batch with the term it is appended in, so the history is a function
 * of the log: each Raft entry assigns its term at the offset it starts at (an entry without records, such
 * as a new leader's no-op, marks the term's start at the log end, as Kafka's `makeLeader` does).
 *
 * Kafka's monotonicity rule applies: assigning (epoch, start) first removes the newest entries whose start
 * is at or past `start` (an epoch that wrote nothing), so starts strictly increase.
 */
export interface EpochStart {
  readonly epoch: number;
  readonly startOffset: number;
}

/** Appends `epoch` starting at `startOffset` to `history` (a no-op when it is already the newest epoch). */
export function assignEpoch(history: EpochStart[], epoch: number, startOffset: number): void {
  const newest = history[history.length - 1];
  if (newest !== undefined && newest.epoch === epoch) return;
  assert(
    newest === undefined || epoch > newest.epoch,
    () => `leader epoch ${epoch} follows the newer epoch ${newest?.epoch} in the log`,
  );
  while (history.length > 0 && history[history.length - 1]!.startOffset >= startOffset) history.pop();
  history.push({ epoch, startOffset });
  if (history.length > limits.leaderEpochsPerPartitionMax) history.shift();
}

/**
 * Drops what lies wholly below `logStartOffset` (Kafka's truncateFromStart): the newest epoch starting
 * below it is kept, moved to start there.
 */
export function truncateEpochsBefore(history: EpochStart[], logStartOffset: number): void {
  let below = 0;
  while (below < history.length && history[below]!.startOffset < logStartOffset) below++;
  if (below === 0) return;
  const covering = history[below - 1]!;
  const keepsCovering = below === history.length || history[below]!.startOffset > logStartOffset;
  history.splice(
    0,
    below,
    ...(keepsCovering ? [{ epoch: covering.epoch, startOffset: logStartOffset }] : []),
  );
}

/** OffsetForLeaderEpoch's answer: the epoch found and the end offset of `requested`. */
export interface EpochEndOffset {
  readonly epoch: number;
  readonly endOffset: number;
}

/**
 * Kafka's `LeaderEpochFileCache.endOffsetFor`: for the newest epoch, the log end offset; otherwise the
 * largest epoch at or below `requested` with the start of the next larger epoch as its end (an epoch
 * older than the history answers itself with the oldest start). Undefined (Kafka: epoch -1, offset -1)
 * for epoch -1, an empty history or an epoch newer than every one known.
 */
export function endOffsetForEpoch(
  history: readonly EpochStart[],
  requested: number,
  logEndOffset: number,
): EpochEndOffset | undefined {
  const newest = history[history.length - 1];
  if (requested < 0 || newest === undefined) return undefined;
  if (requested === newest.epoch) return { epoch: requested, endOffset: logEndOffset };
  const higher = history.findIndex((entry) => entry.epoch > requested);
  if (higher === -1) return undefined;
  const endOffset = history[higher]!.startOffset;
  const floor = history[higher - 1];
  return { epoch: floor === undefined ? requested : floor.epoch, endOffset };
}

/** Kafka's `epochForOffset`: the epoch the record at `offset` was written in; undefined before the first. */
export function epochForOffset(history: readonly EpochStart[], offset: number): number | undefined {
  let found: number | undefined;
  for (const entry of history) {
    if (entry.startOffset > offset) break;
    found = entry.epoch;
  }
  return found;
}
