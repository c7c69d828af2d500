/**
 * The one empty list that Readies and batches share wherever they carry nothing (most of them, on a
 * busy host), instead of allocating a fresh array each time. Typed readonly, so nothing can add to it.
 * Deliberately not frozen: V8 runs for-of over a frozen array on a slow path, several times slower,
 * and every host iterates these lists on every round.
 */
export const emptyList: readonly never[] = [];
