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
 * How many values of the ascending array `sorted` are ≤ `x`: the position just past the last of
 * them, found by binary search (so `sorted[countAtMost(sorted, x) - 1]` is the last value ≤ x).
 * @example countAtMost([3, 8, 8, 20], 8) // 3
 */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many values of the ascending array `sorted` are < `x` (binary search).
 * @example countBelow([3, 8, 8, 20], 8) // 1
 */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
