/**
 * Bounds of the codec layer. They belong in core's limits.ts by STYLE rule 5, but the codec layer is kept
 * free of our other packages (README), so they live here until the server wires them from core.
 */

/**
 * Largest request frame accepted from a client, in bytes. Kafka's default socket.request.max.bytes is
 * 100 MiB; a frame is held whole in memory, so this also bounds per-connection buffering.
 */
export const requestFrameBytesMax = 100 * 1024 * 1024;

/**
 * Largest element count of any array in a request. Every element takes at least one byte, so the frame
 * size already bounds it; this tighter bound stops a small frame from making us build millions of
 * objects. The largest legitimate arrays are partitions of one topic (Kafka caps a topic well below this).
 */
export const arrayLengthMax = 1_000_000;

/** Largest string, in UTF-8 bytes. Non-compact strings are limited to 32767 by their int16 length. */
export const stringBytesMax = 1024 * 1024;

/** Largest number of tagged fields in one struct. Kafka defines a handful per struct. */
export const taggedFieldCountMax = 1024;
