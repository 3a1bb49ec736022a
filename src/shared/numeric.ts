// Small numeric helpers for the models: safe on arrays of any length (no argument spreading).

/**
 * The largest value, -Infinity for an empty array. A loop, not `Math.max(...values)`: spreading a
 * large array overflows the call stack (seen from about 33,000 values inside a notebook kernel).
 * @example maxOf(Float64Array.of(1, 3, 2)) // 3
 */
export function maxOf(values: ArrayLike<number>): number {
  let top = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > top) top = values[i];
  return top;
}

/**
 * Where `x` would go in the ascending array `sorted` (binary search, as numpy's searchsorted):
 * with side 'left', before any equal values, so the result counts the values < x; with 'right',
 * after them, so it counts the values ≤ x (and `sorted[result - 1]` is the last value ≤ x).
 * @example searchSorted([3, 8, 8, 20], 8) // 1; searchSorted([3, 8, 8, 20], 8, 'right') // 3
 */
export function searchSorted(
  sorted: ArrayLike<number>,
  x: number,
  side: 'left' | 'right' = 'left',
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x || (side === 'right' && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
