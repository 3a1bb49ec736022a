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
