/** Limits of the Multi-Raft engine (package `raft`): many groups on one node sharing ticks and peers. */
import { assert } from "../assert.js";
import {
  appendMessageEntriesMax,
  appendMessageSizeBytesMax,
  electionTicksMax,
  entryOverheadBytes,
  proposalSizeBytesMax,
} from "./raft.js";

/**
 * Groups one node hosts. DESIGN.md §5 targets 10,000 per node; an idle group costs a few KiB of heap
 * (its Raft state, progress and log tail), so five times the target stays well inside one process's heap
 * and bounds the work of a node-wide event (a peer's death wakes at most this many groups).
 */
export const multiRaftGroupsMax = 50_000;

/**
 * Raft messages (appends, votes, snapshot chunks, acknowledgements) queued for one peer in one Ready
 * cycle. Room for every group at the limit to send a few in the same cycle; past it the peer is not
 * keeping up and further messages are dropped and counted, which Raft tolerates (it retransmits).
 * Coalesced heartbeat entries are not counted: there is one per group and tick, plus one per read.
 */
export const peerPendingMessagesMax = 4 * multiRaftGroupsMax;

/**
 * The default bytes of one batch (one frame to one peer): large enough to amortize a frame over many
 * groups, small enough that a frame of heartbeats is not stuck behind megabytes of appends.
 */
export const batchSizeBytesDefault = 1024 * 1024;

/**
 * No batch exceeds this many estimated bytes. It holds the largest single Raft message (an append of
 * appendMessageSizeBytesMax plus one oversized entry), so every message fits one batch and splitting a
 * peer's messages into several batches always terminates.
 */
export const batchSizeBytesMax = 64 * 1024 * 1024;

/**
 * Campaigns this node runs at once after a peer's death. Each campaign writes a vote and sends a request
 * to every peer; starting thousands in one tick would stampede the WAL and the peers. Elections take one
 * round trip, so a thousand per tick still elects 10,000 groups within a few ticks.
 */
export const campaignsConcurrentMax = 4096;

/** The default number of concurrent campaigns (see campaignsConcurrentMax). */
export const campaignsConcurrentDefault = 1024;

/**
 * Ticks over which the campaigns that follow a peer's death are spread. Longer than the longest election
 * timeout would only delay recovery.
 */
export const campaignStaggerTicksMax = electionTicksMax;

assert(
  batchSizeBytesMax >=
    appendMessageSizeBytesMax + proposalSizeBytesMax + appendMessageEntriesMax * entryOverheadBytes + 4096,
  "a batch must hold the largest append message with its framing",
);
assert(
  peerPendingMessagesMax >= 3 * multiRaftGroupsMax,
  "every group must be able to send a few messages per cycle",
);
assert(
  campaignsConcurrentDefault <= campaignsConcurrentMax,
  "the default concurrent campaigns is within the limit",
);
