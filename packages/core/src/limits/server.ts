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
/**
 * Batches remembered per idempotent producer for duplicate detection: Kafka's NUM_BATCHES_TO_RETAIN,
 * which is also what `max.in.flight.requests.per.connection <= 5` relies on.
 */
export const producerBatchesRetained = 5;
/**
 * Idempotent producers tracked per partition. Past it the producer idle longest is forgotten (Kafka
 * expires idle producer ids instead); a forgotten producer must restart its sequence at 0.
 */
export const producersPerPartitionMax = 10_000;
/**
 * Leader epochs remembered per partition (Kafka's leader-epoch cache, KIP-101): one per Raft term that
 * wrote records. Past it the oldest is forgotten; OffsetForLeaderEpoch then answers an older epoch with
 * the start of the oldest one kept, as Kafka does for epochs whose records were deleted.
 */
export const leaderEpochsPerPartitionMax = 10_000;
/** Record batches in one produce command for one partition (one request's `records` field). */
export const batchesPerAppendMax = 1_000;
/** Kafka's limit on topic name length (Topic.MAX_NAME_LENGTH). */
export const topicNameLengthMax = 249;
/** Topics per cluster: bounds controller state and snapshot size. */
export const topicsPerClusterMax = 100_000;
/** Configuration overrides per topic (there are fewer known keys; this bounds hostile requests). */
export const topicConfigEntriesMax = 64;
/** Producer ids handed out in one controller command (nodes take blocks and hand ids out locally). */
export const producerIdBlockSizeMax = 1_000_000;
/** Key length in the replicated KV store (characters). */
export const kvKeyLengthMax = 1_024;
/** One KV value: the store lives in the controller group, so values stay small (etcd's default is 1.5 MiB). */
export const kvValueSizeBytesMax = 1024 * 1024;
/** Keys in the KV store: bounds controller memory and snapshot size. */
export const kvKeysMax = 100_000;
/** Total bytes of keys and values in the KV store. */
export const kvBytesMax = 256 * 1024 * 1024;
/**
 * Largest gRPC request the API accepts: the largest record batch plus room for the protobuf framing of
 * `records` (keys, headers, field tags). grpc-js refuses anything longer with RESOURCE_EXHAUSTED.
 */
export const grpcRequestSizeBytesMax = 9 * 1024 * 1024;
/** Longest a Fetch may long-poll for new data (max_wait_ms is capped to this). */
export const grpcFetchWaitMsMax = 30_000;
/**
 * How often a long-polling Fetch or an idle Subscribe re-reads the high watermark. Short enough to add
 * little latency, long enough that a thousand idle pollers cost little CPU.
 */
export const grpcFetchPollIntervalMs = 5;
/** Fetch bytes when the request leaves max_bytes at 0; also Subscribe's default per message. */
export const grpcFetchBytesDefault = 1024 * 1024;
/** Largest max_bytes honoured for one Fetch response or Subscribe message (one batch may exceed it). */
export const grpcFetchBytesMax = 16 * 1024 * 1024;
/** How long Produce waits for its acks when the request leaves timeout_ms at 0. */
export const grpcProduceTimeoutMsDefault = 30_000;
/** Longest Produce wait a client may ask for with timeout_ms. */
export const grpcProduceTimeoutMsMax = 300_000;
/** Concurrent Subscribe streams per node: each one holds a poller and a response stream. */
export const grpcSubscriptionsMax = 1_000;
/** How often the health service re-checks whether the node sees a controller leader. */
export const grpcHealthRefreshMs = 100;
/** On close, in-flight calls get this long to finish before they are cancelled. */
export const grpcShutdownGraceMs = 2_000;
/**
 * Ticks a RaftHost.readIndex waits for its read point before failing with TIMEOUT (retriable): a read
 * forwarded to a leader that then lost its leadership is never answered, and Raft tells no one.
 * Three seconds at the node's 100 ms tick: several election timeouts.
 */
export const readIndexTicksMax = 30;
/** Linearizable reads waiting on one node at once; past it readIndex fails with RESOURCE_EXHAUSTED. */
export const readIndexPendingMax = 10_000;
/**
 * Ticks between two retention passes over the partition logs (10 s at the edges' 100 ms tick). Kafka
 * checks every 5 minutes (log.retention.check.interval.ms); deleting sooner only frees disk sooner.
 */
export const retentionCheckEveryTicks = 100;
/** Partition logs one retention pass visits; the next pass continues where this one stopped. */
export const retentionPartitionsPerCheck = 64;
/**
 * A follower is in sync (ISR, DESIGN.md §2) while its match index trails the leader's last index by at
 * most this many entries, or trailed it by no more than that within the last `isrLagTicksMax` ticks.
 */
export const isrLagEntriesMax = 1_000;
/** How long a follower may stay behind before it leaves the ISR (10 s at 100 ms ticks; Kafka's replica.lag.time.max.ms is 30 s). */
export const isrLagTicksMax = 100;
/** A node is live while this node heard from it within this many ticks (5 s at 100 ms ticks). */
export const nodeLivenessTicksMax = 50;
/** Ticks between two leader-balancing passes (Kafka checks every 300 s; ours is cheap). */
export const leaderBalanceEveryTicks = 50;
/** Leadership transfers one node starts per balancing pass, so a returning node is not stormed. */
export const leaderTransfersPerPassMax = 4;
/**
 * A group is snapshotted (and its WAL prefix released) once this many entries were applied since its
 * last snapshot. Bounds what a restart replays per group; small enough that a busy partition releases
 * its WAL prefix every few seconds, large enough that snapshotting (a flush of the partition's segment
 * store and one small file) stays rare.
 */
export const snapshotAfterEntries = 10_000;
/** ... or once this many bytes of entries were applied since its last snapshot (bounds WAL growth). */
export const snapshotAfterBytes = 64 * 1024 * 1024;
/**
 * Entries kept in a group's log behind its snapshot, so a follower that lags a little catches up from
 * the log instead of through a snapshot (and, for a partition, a transfer of its segment data).
 */
export const snapshotTrailingEntries = 1_000;
/**
 * Bytes of record batches one partition-data request asks a peer for while a follower installs a
 * partition snapshot: the transfer is pulled in bounded chunks, each one frame.
 */
export const partitionTransferChunkBytes = 1024 * 1024;
/** Ticks a partition-data request waits for its answer before it is asked again (of another replica). */
export const partitionTransferRetryTicks = 20;
