/** Limits of the node's edges (package `server`): peer transport, listeners, configuration. */

/**
 * One peer frame carries one Multi-Raft batch: the largest Raft append message plus framing. A longer
 * length prefix is a protocol error (or garbage on the port), never an allocation.
 */
export const peerFrameSizeBytesMax = 20 * 1024 * 1024;
/**
 * Bytes queued for one peer while its connection is down or slow. Past it new frames are dropped and
 * counted: Raft retransmits, and an unbounded queue to a dead peer would exhaust memory.
 */
export const peerQueueBytesMax = 64 * 1024 * 1024;
/** First reconnect delay after a failed dial; doubles per failure. */
export const peerReconnectDelayMsMin = 50;
/** Reconnect delay ceiling: a restarted peer is found within this (plus jitter). */
export const peerReconnectDelayMsMax = 2_000;
/** A dialled peer that has not completed the handshake within this is treated as unreachable. */
export const peerHandshakeTimeoutMs = 5_000;
/** Node ids in one cluster (Kafka broker ids are int32; this bounds per-peer state). */
export const clusterNodesMax = 1_024;
