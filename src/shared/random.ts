// A small seeded random-number generator: the same seed gives the same numbers everywhere (folds of
// the risk model, bootstrap replicates of the matrix), so every published figure can be rerun exactly.

/**
 * A generator of numbers in [0, 1) from a 32-bit seed (mulberry32: small and well mixed; not for
 * cryptography).
 * @example const random = seededRandom(1); random() // 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
