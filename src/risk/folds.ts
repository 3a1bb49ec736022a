// Cross-validation folds by person with a fixed seed: the same seed gives the same folds everywhere
// (the R references use them too: test/reference/risk/ibm-folds-k10-seed1.csv).
import { seededRandom } from '../shared/random.js';

/**
 * Fold (0 … k − 1) of every row such that all rows of one person share a fold: distinct persons in
 * order of first appearance are shuffled (Fisher–Yates, seededRandom(`seed`), mulberry32) and
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
  const random = seededRandom(seed);
  for (let i = distinct.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [distinct[i], distinct[j]] = [distinct[j], distinct[i]];
  }
  const fold = new Map(distinct.map((p, i) => [p, i % k]));
  return persons.map((p) => fold.get(p) as number);
}
