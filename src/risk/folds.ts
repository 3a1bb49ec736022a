// Cross-validation folds by person with a fixed seed: the same seed gives the same folds everywhere
// (the R references use them too: test/reference/risk/ibm-folds-k10-seed1.csv).

/**
 * Fold (0 … k − 1) of every row such that all rows of one person share a fold: distinct persons in
 * order of first appearance are shuffled (Fisher–Yates, mulberry32 generator seeded with `seed`) and
 * dealt round-robin, so fold sizes differ by at most one person.
 * @example personFolds(['a', 'a', 'b', 'c'], 2, 1) // e.g. [1, 1, 0, 1]
 */
export function personFolds(persons: readonly string[], k: number, seed: number): number[] {
  if (!Number.isInteger(k) || k < 2)
    throw new Error(`personFolds: k = ${k}; use a whole number of folds ≥ 2 (5 or 10 are usual).`);
  const distinct = [...new Set(persons)];
  if (distinct.length < k)
    throw new Error(
      `personFolds: ${distinct.length} people cannot fill ${k} folds; use fewer folds.`,
    );
  const random = mulberry32(seed);
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [distinct[i], distinct[j]] = [distinct[j], distinct[i]];
  }
  const fold = new Map(distinct.map((p, i) => [p, i % k]));
  return persons.map((p) => fold.get(p) as number);
}

// mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same folds everywhere.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
