/** Limits of the Raft state machine and the Multi-Raft engine (package `raft`). */

/** Raft ticks are driven by the host; elections must take several heartbeats to avoid spurious ones. */
export const electionTicksMin = 3;
/**
 * An election timeout longer than this is a configuration mistake: at a typical 100 ms tick it is over
 * ten minutes of unavailability after a leader crash.
 */
export const electionTicksMax = 10_000;
/** A heartbeat must fit at least twice in an election timeout, or followers campaign between beats. */
export const heartbeatsPerElectionMin = 2;
/**
 * One proposal becomes one log entry. A whole record batch plus its Raft framing must fit; larger
 * payloads are the client's to split. Kept below walEntrySizeBytesMax so every entry fits one WAL frame.
 */
export const proposalSizeBytesMax = 8 * 1024 * 1024 + 1024;
/**
 * Bytes of entries a leader may hold appended but not yet committed. Past it proposals are refused
 * with RESOURCE_EXHAUSTED so a leader cut off from its quorum cannot grow its log without bound.
 */
export const uncommittedSizeBytesMax = 64 * 1024 * 1024;
/** The default bytes of entries in one append message: large enough to batch, small enough to pipeline. */
export const appendMessageSizeBytesDefault = 1024 * 1024;
/** No append message carries more entry bytes than this (besides a single oversized entry). */
export const appendMessageSizeBytesMax = 16 * 1024 * 1024;
/** Entries in one append message: bounds per-message work for tiny entries. */
export const appendMessageEntriesMax = 10_000;
/** The default number of append messages in flight to one follower (pipelining window). */
export const inflightMessagesDefault = 256;
/** The window of append messages in flight to one follower never exceeds this. */
export const inflightMessagesMax = 4096;
/** The default bytes of entries in flight to one follower: a fast follower gets ~32 MiB of window. */
export const inflightBytesDefault = 32 * 1024 * 1024;
/** One InstallSnapshot chunk: small enough to interleave with other traffic on a shared connection. */
export const snapshotChunkSizeBytes = 1024 * 1024;
/** A snapshot a follower will buffer while it arrives in chunks; larger snapshots are refused. */
export const snapshotSizeBytesMax = 4 * 1024 * 1024 * 1024;
/** ReadIndex requests a leader queues before its first commit in a term, and that it has in flight. */
export const pendingReadIndexMax = 4096;
/**
 * Ticks a lease-holding leader gives up at the end of each lease to absorb clock-rate differences
 * between nodes (a tick is counted locally by each host).
 */
export const leaseSafetyMarginTicksDefault = 1;
/** Estimated bytes of Raft metadata per entry (term, index, type), counted toward batch sizes. */
export const entryOverheadBytes = 24;
