/** Limits of the write-ahead log and the partition segment store (package `wal`). */

/** One Raft entry in the WAL: a whole record batch plus framing and Raft metadata. */
export const walEntrySizeBytesMax = 16 * 1024 * 1024;
