/**
 * The one empty list that Readies and batches share wherever they carry nothing (most of them, on a
 * busy host), instead of allocating a fresh array each time. Typed readonly, so nothing can add to it.
 * Deliberately not frozen: V8 runs for-of over a frozen array on a slow path, several times slower,
 * and every host iterates these lists on every round.
 */
export const emptyList: readonly never[] = [];

/**
 * `list` with `item` appended, made as a one-element array when undefined. A list that usually holds
 * one item should start this way: V8 gives an empty array literal room for 16 items on its first push.
 */
export function appendTo<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}
